/**
 * `npm run schema`: migrates a fresh embedded database and compares it with kernel/db/schema.ts.
 * Prints each difference and, for a table schema.ts lacks, the interface to start from; exits 1
 * when they differ. Run it after writing a migration; test/kernel/schema.test.ts checks the same.
 */
import path from 'node:path';
import { openStore } from '../src/kernel/db/store.ts';
import { databaseShape, declaredShape, differences, SCHEMA_FILE, sketch } from './schema-shape.ts';

const file = path.relative(process.cwd(), SCHEMA_FILE);
const store = await openStore({ kind: 'pglite-memory' });
try {
  const actual = await databaseShape(store.db);
  const declared = declaredShape();
  const found = differences(declared, actual);
  if (found.length === 0) {
    console.log(`${file} matches the migrated database: ${actual.size} tables and views.`);
  } else {
    console.log(`${file} differs from the migrated database:\n${found.map((d) => `  ${d}`).join('\n')}`);
    for (const [name, table] of actual) if (!declared.has(name) && name !== 'schema_migration') console.log(`\n${sketch(name, table)}`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
