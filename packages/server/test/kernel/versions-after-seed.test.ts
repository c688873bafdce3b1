import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import { RECORD_KEYS, recordType } from '../../src/kernel/record-keys.ts';
import { seedCouncil } from '../../src/seed/generate.ts';
import { openTestStore } from '../helpers/db.ts';

// The generator writes every table the API writes, in bulk: the ledger's promise is that every
// version of every versioned record is in record_version however it was written.
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedCouncil(store.db, { children: 200, seed: 11, asOf: '2026-11-23' });
});

afterAll(async () => {
  await store?.close();
});

it('on a freshly seeded council every versioned row has its current version in record_version', async () => {
  const versioned = (
    await sql<{ table_name: string }>`
      select c.table_name from information_schema.columns c
      where c.table_schema = current_schema() and c.column_name = 'version' and c.table_name not in ('record_version', 'schema_migration')
      order by c.table_name`.execute(store.db)
  ).rows.map((r) => r.table_name);
  expect(versioned).toContain('cla_episode');

  const missing: Record<string, { rows: number; without: number }> = {};
  let rows = 0;
  for (const table of versioned) {
    const key = (RECORD_KEYS as Record<string, readonly string[]>)[table] ?? ['la_code'];
    // The record's id as the ledger's trigger writes it: the key's values as JSON text, joined by ':'.
    const id = sql.join(
      key.map((column) => sql`to_jsonb(x) ->> ${column}`),
      sql`, `,
    );
    const { n, without } = (
      await sql<{ n: number; without: number }>`
        select count(*)::int as n,
               count(*) filter (where not exists (
                 select 1 from record_version v
                 where v.la_code = x.la_code and v.record_type = ${recordType(table)} and v.version = x.version
                   and v.record_id = concat_ws(':', ${id})))::int as without
        from ${sql.table(table)} x`.execute(store.db)
    ).rows[0] as { n: number; without: number };
    rows += n;
    if (without > 0) missing[table] = { rows: n, without };
  }
  expect(missing).toEqual({});
  expect(rows).toBeGreaterThan(2_000);
});
