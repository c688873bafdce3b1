import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/kernel/db/store.ts';
import { seedCouncil } from '../../src/seed/generate.ts';
import { newPostgresDatabase, storeForCommand, TEST_DB } from '../helpers/db.ts';

const run = promisify(execFile);
const lantern = new URL('../../bin/lantern.mjs', import.meta.url).pathname;
const LA = 'E06000019';

// `lantern backup` then `lantern restore` into an empty store of the same kind, as separate processes.
let source: Awaited<ReturnType<typeof storeForCommand>>;
const work = mkdtempSync(path.join(tmpdir(), 'lantern-backup-'));
const file = path.join(work, 'council.backup');
let emptyTarget: { env: NodeJS.ProcessEnv; open: () => Promise<Store>; cleanup: () => Promise<void> };

/** Every council-owned table's row count, and the whole audit trail as it was written. */
async function snapshot(store: Store) {
  const { rows: tables } = await sql<{ table: string }>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'la_code' and not a.attisdropped)
    order by 1`.execute(store.db);
  const counts: Record<string, number> = {};
  for (const { table } of tables) {
    counts[table] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(store.db)).rows[0]?.n);
  }
  const audit = await store.db.selectFrom('audit_event').selectAll().orderBy('audit_id').execute();
  return { counts, audit };
}

async function emptyStore() {
  if (TEST_DB === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-restored-'));
    return {
      env: { ...process.env, LANTERN_DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openStore({ kind: 'pglite', dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { url, drop } = await newPostgresDatabase('lantern_restored');
  return {
    env: { ...process.env, DATABASE_URL: url },
    open: () => openStore({ kind: 'postgres', databaseUrl: url }),
    cleanup: drop,
  };
}

beforeAll(async () => {
  source = await storeForCommand('backup', async (db) => {
    await seedCouncil(db, { children: 30, laCode: LA, seed: 5 });
    // An audit trail to carry over: reads of each child, written the one way the database allows.
    const children = await db.selectFrom('person').select('person_id').where('is_child', '=', true).execute();
    const rows = children.map((c) => ({
      la_code: LA,
      username: 'sw.demo',
      user_role: 'social-worker',
      action: 'read',
      record_type: 'child',
      record_id: c.person_id,
      child_id: c.person_id,
    }));
    await sql`select lantern_audit(${JSON.stringify(rows)}::jsonb)`.execute(db);
  });
  emptyTarget = await emptyStore();
}, 300_000);
afterAll(async () => {
  await source?.cleanup();
  await emptyTarget?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('lantern backup and restore', () => {
  it('round-trips a seeded council: every table’s records and the audit trail, ids and times unchanged', async () => {
    const before = await source.open();
    const original = await snapshot(before).finally(() => before.close());
    expect(original.counts.person).toBeGreaterThan(30);
    expect(original.audit.length).toBeGreaterThanOrEqual(30);

    const backedUp = await run('node', [lantern, 'backup', '--out', file], { env: source.env });
    expect(backedUp.stdout).toMatch(/Backed up the (PostgreSQL|embedded) database/);

    const restored = await run('node', [lantern, 'restore', file], { env: emptyTarget.env });
    expect(restored.stdout).toMatch(/Restored .* 1 council\(s\), 30 children/);

    const after = await emptyTarget.open();
    const copy = await snapshot(after).finally(() => after.close());
    expect(copy.counts).toEqual(original.counts);
    expect(copy.audit).toEqual(original.audit);
  }, 300_000);

  it('will not restore over a council unless told to replace it', async () => {
    const refused = await run('node', [lantern, 'restore', file], { env: source.env }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/already holds/);
    const replaced = await run('node', [lantern, 'restore', file, '--replace'], { env: source.env });
    expect(replaced.stdout).toMatch(/1 council\(s\), 30 children/);
  }, 300_000);
});
