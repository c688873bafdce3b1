import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestOf, startFromTemplate, templateUsable } from '../../src/kernel/db/embedded-template.ts';
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
    expect(migrations.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
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

describe('long text and JSON parameters (a bulk insert’s rows as one JSON text)', () => {
  it('arrive whole, accents and all, as text, json and jsonb', async () => {
    const store = await openStore({ kind: 'pglite', dataDir: mkdtempSync(path.join(dir, 'long-')) });
    try {
      // Longer than the worker's threshold for sending a parameter as bytes, with characters of two, three and four bytes.
      const rows = Array.from({ length: 3000 }, (_, i) => ({ n: i, name: `Zoë Ó’Brien ${i} 🙂`, note: 'x'.repeat(20) }));
      const text = JSON.stringify(rows);
      expect(text.length).toBeGreaterThan(100_000);
      const { rows: got } = await sql<{ t: string; j: number; b: string; last: string; md5: string }>`
        select length(${text}::text) as t, json_array_length(${text}::json) as j,
               (${text}::jsonb -> 2999 ->> 'name') as b, (select r.name from json_populate_recordset(null::record, ${text}) as r(n int, name text) where r.n = 2999) as last,
               md5(${text}::text) as md5`.execute(store.db);
      expect(got[0]).toEqual({
        t: [...text].length,
        j: 3000,
        b: 'Zoë Ó’Brien 2999 🙂',
        last: 'Zoë Ó’Brien 2999 🙂',
        md5: createHash('md5').update(text).digest('hex'),
      });
      // Short ones go as text, as before.
      const { rows: short } = await sql<{ b: string }>`select (${JSON.stringify({ a: 'é' })}::jsonb ->> 'a') as b`.execute(store.db);
      expect(short[0]?.b).toBe('é');
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('a new data folder starts from the empty database the install made', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'lantern-template-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const home = path.join(work, 'template');

  it('is a copy of the template, migrated, when the template is current', async () => {
    // A template marked with a council, to tell a copy of it from a folder created afresh.
    const made = await openStore({ kind: 'pglite', dataDir: path.join(work, 'made') });
    await made.db.insertInto('local_authority').values({ la_code: 'E06000019', dfe_la_number: '884', name: 'Marked' }).execute();
    await made.close();
    mkdirSync(home);
    cpSync(path.join(work, 'made', 'pg'), path.join(home, 'pg'), { recursive: true });
    writeFileSync(path.join(home, 'template.json'), JSON.stringify(manifestOf(loadMigrations())));

    const folder = path.join(work, 'new');
    expect(startFromTemplate(path.join(folder, 'pg'), home)).toBe(true);
    const store = await openStore({ kind: 'pglite', dataDir: folder });
    try {
      expect(await store.db.selectFrom('local_authority').select('name').execute()).toEqual([{ name: 'Marked' }]);
      const migrations = await store.db.selectFrom('schema_migration').select('version').execute();
      expect(migrations.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
    } finally {
      await store.close();
    }
    // A folder that has a database already is never overwritten.
    expect(startFromTemplate(path.join(folder, 'pg'), home)).toBe(false);
  });

  it('is used when it lacks only newer migrations (they run at the start; the install remakes it), not when one it has changed', async () => {
    const migrations = loadMigrations();
    writeFileSync(path.join(home, 'template.json'), JSON.stringify(manifestOf(migrations.slice(0, -1))));
    expect(templateUsable(home)).toBe(true);
    // …but the install makes it afresh: an upgrade's new folders should not each run the newer migrations.
    expect(templateUsable(home, { exact: true })).toBe(false);
    writeFileSync(path.join(home, 'template.json'), JSON.stringify(manifestOf(migrations)));
    expect(templateUsable(home, { exact: true })).toBe(true);
    const changed = migrations.map((m, i) => (i === 3 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    writeFileSync(path.join(home, 'template.json'), JSON.stringify(manifestOf(changed)));
    expect(templateUsable(home)).toBe(false);
    writeFileSync(path.join(home, 'template.json'), JSON.stringify(manifestOf(migrations, '0.0.1')));
    expect(templateUsable(home)).toBe(false);
    expect(startFromTemplate(path.join(work, 'other', 'pg'), home)).toBe(false);
  });
});
