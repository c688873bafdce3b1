import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/context.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { change } from '../../src/kernel/ledger.ts';
import { RECORD_KEYS } from '../../src/kernel/record-keys.ts';
import { openTestStore } from '../helpers/db.ts';
import { buildFixture, LA } from '../helpers/fixture.ts';

let store: Store;
let actor: Actor;
beforeAll(async () => {
  store = await openTestStore();
  await buildFixture(store.db);
  const admin = await store.db.selectFrom('app_user').selectAll().where('role', '=', 'administrator').executeTakeFirstOrThrow();
  actor = {
    user: { userId: admin.user_id, laCode: LA, username: admin.username, displayName: admin.display_name, role: 'administrator', workerId: null, teamId: null },
    ip: '127.0.0.1',
    userAgent: 'ledger test',
  };
});
afterAll(() => store?.close());

const versionsOf = (type: string, id: string) =>
  store.db.selectFrom('record_version').selectAll().where('record_type', '=', type).where('record_id', '=', id).orderBy('version').execute();

/** A provider's name at each of its versions, oldest first. */
const namesByVersion = async (providerId: string) => (await versionsOf('provider', providerId)).map((v) => [v.version, (v.data as { name: string }).name]);
/** A registered children's home with no URN, as the providers register holds it. */
const aChildrensHome = (providerId: string, name: string) => ({
  la_code: LA,
  provider_id: providerId,
  name,
  urn: null,
  provider_kind: 'children-home',
  registration_status: 'registered' as const,
  registered_for: [],
});

describe('the ledger', () => {
  it('keeps every table with a version column under the ledger’s triggers', async () => {
    const { rows } = await sql<{ table_name: string; triggers: string[] | null }>`
      select c.table_name, array_agg(t.tgname::text order by t.tgname) filter (where t.tgname is not null) as triggers
      from information_schema.columns c
      left join pg_trigger t on t.tgrelid = c.table_name::regclass and t.tgname like 'ledger_%'
      where c.table_schema = current_schema() and c.column_name = 'version' and c.table_name not in ('record_version', 'schema_migration')
      group by c.table_name`.execute(store.db);
    expect(rows.length).toBeGreaterThan(25);
    for (const r of rows)
      expect([r.table_name, r.triggers]).toEqual([r.table_name, ['ledger_raise_version', 'ledger_versions_insert', 'ledger_versions_update']]);
  });

  it('names each record by the primary key the database has', async () => {
    const { rows } = await sql<{ t: string; cols: string }>`
      select c.relname as t, string_agg(a.attname, ',' order by k.o) as cols
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, o)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indisprimary and n.nspname = current_schema()
      group by c.relname`.execute(store.db);
    const fromDatabase = Object.fromEntries(rows.map((r) => [r.t, r.cols.split(',').filter((c, _i, all) => c !== 'la_code' || all.length === 1)]));
    expect(RECORD_KEYS).toEqual(fromDatabase);
  });

  it('writes the record, its first version, and its audit row in one change', async () => {
    const providerId = randomUUID();
    await change(store.db, actor, (ledger) => ledger.insert('provider', aChildrensHome(providerId, 'Ledger test home')));
    const versions = await versionsOf('provider', providerId);
    expect(versions.map((v) => [v.version, v.changed_by])).toEqual([[1, actor.user.userId]]);
    expect((versions[0]!.data as { name: string }).name).toBe('Ledger test home');
    const audits = await store.db.selectFrom('audit_event').selectAll().where('record_id', '=', providerId).execute();
    expect(audits.map((a) => [a.action, a.record_type, a.username])).toEqual([['create', 'provider', actor.user.username]]);
  });

  it('moves an update on from the version it was made from, keeps that version, and refuses a stale one with nothing written', async () => {
    const providerId = randomUUID();
    await change(store.db, actor, (l) => l.insert('provider', aChildrensHome(providerId, 'Before')));
    const after = await change(store.db, actor, (l) => l.update('provider', { provider_id: providerId }, { name: 'After' }, { fromVersion: 1 }));
    expect(after.version).toBe(2);
    const stale = change(store.db, actor, (l) => l.update('provider', { provider_id: providerId }, { name: 'Lost' }, { fromVersion: 1 }));
    await expect(stale).rejects.toMatchObject({ status: 409 });
    expect(await namesByVersion(providerId)).toEqual([
      [1, 'Before'],
      [2, 'After'],
    ]);
  });

  it('gives a change made outside the ledger a new version all the same', async () => {
    const providerId = randomUUID();
    await change(store.db, actor, (l) => l.insert('provider', aChildrensHome(providerId, 'Quiet')));
    await store.db.updateTable('provider').set({ name: 'Changed at psql' }).where('provider_id', '=', providerId).execute();
    expect(await namesByVersion(providerId)).toEqual([
      [1, 'Quiet'],
      [2, 'Changed at psql'],
    ]);
  });

  it('writes nothing when the work fails part way', async () => {
    const providerId = randomUUID();
    const failing = change(store.db, actor, async (l) => {
      await l.insert('provider', aChildrensHome(providerId, 'Half'));
      throw new Error('part way');
    });
    await expect(failing).rejects.toThrow('part way');
    expect(await store.db.selectFrom('provider').select('provider_id').where('provider_id', '=', providerId).execute()).toEqual([]);
    expect(await versionsOf('provider', providerId)).toEqual([]);
    expect(await store.db.selectFrom('audit_event').select('audit_id').where('record_id', '=', providerId).execute()).toEqual([]);
  });
});
