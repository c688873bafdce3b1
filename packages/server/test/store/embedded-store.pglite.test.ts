import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/kernel/db/migrate.ts';
import { DataFolderInUseError, openStore } from '../../src/kernel/db/store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lantern-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database in a data folder', () => {
  it('keeps data across restarts and applies migrations once', async () => {
    const first = await openStore({ kind: 'pglite', dataDir: dir });
    await first.db.insertInto('local_authority').values({ la_code: 'E06000019', dfe_la_number: '884', name: 'Herefordshire' }).execute();
    await first.close();
    const second = await openStore({ kind: 'pglite', dataDir: dir });
    const councils = await second.db.selectFrom('local_authority').select('name').execute();
    const migrations = await second.db.selectFrom('schema_migration').select('version').execute();
    await second.close();
    expect(councils).toEqual([{ name: 'Herefordshire' }]);
    expect(migrations.map((m) => m.version)).toEqual((await loadMigrations()).map((m) => m.version));
    expect(migrations[0]?.version).toBe('0001_foundation');
  });

  it('refuses a second opening of the same folder with a clear error', async () => {
    const first = await openStore({ kind: 'pglite', dataDir: dir });
    try {
      await expect(openStore({ kind: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(openStore({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/already open in another Lantern process/);
    } finally {
      await first.close();
    }
    // Closed, it opens again.
    const again = await openStore({ kind: 'pglite', dataDir: dir });
    await again.close();
  });

  it('runs as the application role, not as the owner', async () => {
    const store = await openStore({ kind: 'pglite', dataDir: dir });
    try {
      const who = await sql<{ current_user: string }>`select current_user`.execute(store.db);
      expect(who.rows[0]?.current_user).toBe('lantern_app');
    } finally {
      await store.close();
    }
  });
});
