import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/areas/obligation-rules.ts'; // a child's change derives their deadlines
import type { Actor } from '../../src/kernel/context.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { change } from '../../src/kernel/ledger.ts';
import { openTestStore } from '../helpers/db.ts';
import { buildFixture, LA } from '../helpers/fixture.ts';

// What each kept version holds, field by field: the record's key, its child, the row as it then
// stood, who made the version and when — the first from the record's own author and time, a
// later one from the ledger's user (or the row's updater) and the moment.
let store: Store;
let actor: Actor;
let ids: Awaited<ReturnType<typeof buildFixture>>;
beforeAll(async () => {
  store = await openTestStore();
  ids = await buildFixture(store.db);
  const admin = await store.db.selectFrom('app_user').selectAll().where('role', '=', 'administrator').executeTakeFirstOrThrow();
  actor = {
    user: { userId: admin.user_id, laCode: LA, username: admin.username, displayName: admin.display_name, role: 'administrator', workerId: null, teamId: null },
    ip: '127.0.0.1',
    userAgent: 'versions test',
  };
});
afterAll(() => store?.close());

const versionsOf = (type: string, id: string) =>
  store.db.selectFrom('record_version').selectAll().where('record_type', '=', type).where('record_id', '=', id).orderBy('version').execute();

/** The row as JSON, as the database holds it now: what its version's data must be. */
const asJson = async (table: 'contact' | 'person' | 'leaver_birthday_contact', where: string, id: string) =>
  (await sql<{ j: unknown }>`select to_jsonb(x) as j from ${sql.table(table)} x where ${sql.ref(where)} = ${id}`.execute(store.db)).rows[0]?.j;

const aContact = (contactId: string, recordedBy: string | null) => ({
  la_code: LA,
  contact_id: contactId,
  child_id: ids.childA,
  received_at: '2026-03-02T09:15:00.000Z',
  received_on: '2026-03-02',
  source: '1A',
  presenting_concern: 'Neighbour worried about the children left alone',
  recorded_by: recordedBy,
  recorded_at: '2026-03-02T10:00:00.000Z',
});

describe('each version kept', () => {
  it('holds the record as it stood, its child, and who changed it when, through the ledger', async () => {
    const contactId = randomUUID();
    await change(store.db, actor, (l) => l.insert('contact', aContact(contactId, ids.swA)));
    const first = await asJson('contact', 'contact_id', contactId);
    await change(store.db, actor, (l) => l.update('contact', { contact_id: contactId }, { presenting_concern: 'Left alone overnight' }, { fromVersion: 1 }));
    const second = await asJson('contact', 'contact_id', contactId);
    const versions = await versionsOf('contact', contactId);
    expect(versions.map(({ changed_at: _at, ...v }) => v)).toEqual([
      { la_code: LA, record_type: 'contact', record_id: contactId, version: 1, child_id: ids.childA, data: first, changed_by: actor.user.userId },
      { la_code: LA, record_type: 'contact', record_id: contactId, version: 2, child_id: ids.childA, data: second, changed_by: actor.user.userId },
    ]);
    // The first version is dated when the contact was recorded; the change, when it was made.
    expect(new Date(versions[0]!.changed_at).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(new Date(versions[1]!.changed_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('names the row’s own author, or its updater, when no one signed in made the change', async () => {
    const contactId = randomUUID();
    const recorder = randomUUID();
    await store.db.insertInto('contact').values(aContact(contactId, recorder)).execute();
    expect((await versionsOf('contact', contactId)).map((v) => [v.version, v.changed_by])).toEqual([[1, recorder]]);

    const updater = randomUUID();
    await store.db.updateTable('person').set({ given_name: 'Karin', updated_by: updater }).where('person_id', '=', ids.mother).execute();
    await store.db.updateTable('person').set({ given_name: 'Poppie', updated_by: updater }).where('person_id', '=', ids.childA).execute();
    const mother = await versionsOf('person', ids.mother);
    const child = await versionsOf('person', ids.childA);
    // A parent's record is nobody's child's: only the child's own versions name a child.
    expect(mother.map((v) => [v.version, v.child_id, v.changed_by])).toEqual([
      [1, null, null],
      [2, null, updater],
    ]);
    expect(child.map((v) => [v.version, v.child_id, v.changed_by])).toEqual([
      [1, ids.childA, null],
      [2, ids.childA, updater],
    ]);
    expect(child[1]!.data).toEqual(await asJson('person', 'person_id', ids.childA));
  });

  it('names a record keyed by two columns by both, joined by a colon', async () => {
    await store.db
      .insertInto('leaver_birthday_contact')
      .values({ la_code: LA, child_id: ids.childB, birthday_age: 18, contact_on: '2030-07-01', in_touch: 'YES', activity: 'F1', accommodation: 'S' })
      .execute();
    const versions = await versionsOf('leaver-birthday-contact', `${ids.childB}:18`);
    expect(versions.map((v) => [v.version, v.child_id])).toEqual([[1, ids.childB]]);
    expect(versions[0]!.data).toEqual(await asJson('leaver_birthday_contact', 'child_id', ids.childB));
  });
});
