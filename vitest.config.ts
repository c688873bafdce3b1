import { defineConfig } from 'vitest/config';

/**
 * A database suite: every server test file, on one store. The same files run twice — once on
 * embedded PGlite, once on a PostgreSQL server — so every query is proved on both. A file named
 * *.<other store>.test.ts is about the other store itself (a server restart) and runs only there.
 */
const onStore = (store: 'pglite' | 'postgres', other: 'pglite' | 'postgres') => ({
  test: {
    name: `db-${store}`,
    include: ['packages/server/test/**/*.test.ts'],
    exclude: ['packages/server/test/unit/**', 'packages/server/test/browser/**', `**/*.${other}.test.ts`],
    env: { LANTERN_TEST_DB: store },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});

// Four suites: pure logic, the two database suites, and the browser's.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/core/test/**/*.test.ts', 'packages/server/test/unit/**/*.test.ts'],
        },
      },
      onStore('pglite', 'postgres'),
      onStore('postgres', 'pglite'),
      {
        test: {
          name: 'browser',
          include: ['packages/server/test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
