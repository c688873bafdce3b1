import { defineConfig } from 'vitest/config';

// Four suites. The database suites run the same files twice: once on embedded PGlite and once
// on a PostgreSQL server, so every query is proved on both stores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/core/test/**/*.test.ts', 'packages/server/test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: ['packages/server/test/**/*.test.ts'],
          // *.postgres.test.ts: about the PostgreSQL server itself (a restart), so run once, on it.
          exclude: ['packages/server/test/unit/**', 'packages/server/test/browser/**', '**/*.postgres.test.ts'],
          env: { LANTERN_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'db-postgres',
          include: ['packages/server/test/**/*.test.ts'],
          exclude: ['packages/server/test/unit/**', 'packages/server/test/browser/**', '**/*.pglite.test.ts'],
          env: { LANTERN_TEST_DB: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
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
