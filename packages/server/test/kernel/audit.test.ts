import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../helpers/server.ts';

let server: TestServer, ids: FixtureIds;
let sw: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw] = await signedIn(server, 'sw');
});
afterAll(() => server?.close());

const auditRows = (childId: string) => server.store.db.selectFrom('audit_event').selectAll().where('child_id', '=', childId).orderBy('audit_id').execute();

describe('the audit trail', () => {
  it('records every read of a child’s record: who, what, which child, when, from where', async () => {
    const before = await auditRows(ids.childA);
    await sw.get(`/api/children/${ids.childA}`);
    await sw.get(`/api/children/${ids.childA}/chronology`);
    await sw.get(`/api/children/${ids.childA}/versions`);
    const rows = (await auditRows(ids.childA)).slice(before.length);
    expect(rows.map((r) => [r.action, r.record_type])).toEqual([
      ['read', 'child'],
      ['read', 'chronology'],
      ['read', 'child-history'],
    ]);
    for (const r of rows) {
      expect(r.username).toBe('sw');
      expect(r.user_role).toBe('social-worker');
      expect(r.ip).toBe('127.0.0.1');
      expect(r.occurred_at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('records each child a search showed', async () => {
    await sw.get('/api/children?q=Lambert');
    const rows = await auditRows(ids.childA);
    expect(rows.at(-1)).toMatchObject({ action: 'search', username: 'sw' });
  });

  it('records a search as what was asked, what it showed of how many, then each child shown in the order shown', async () => {
    const searches = () =>
      server.store.db
        .selectFrom('audit_event')
        .select(['action', 'record_type', 'child_id', 'detail', 'request_id'])
        .where('username', '=', 'sw')
        .where('action', '=', 'search')
        .orderBy('audit_id', 'desc')
        .limit(1)
        .execute();
    const found = (await sw.get('/api/children?q=Lambert')).body;
    expect(found.results.length).toBeGreaterThan(0);
    const [last] = await searches();
    const rows = await server.store.db
      .selectFrom('audit_event')
      .select(['record_type', 'child_id', 'detail'])
      .where('request_id', '=', last?.request_id as string)
      .orderBy('audit_id')
      .execute();
    expect(rows).toEqual([
      { record_type: null, child_id: null, detail: { query: 'Lambert', shown: found.results.length, total: found.total } },
      ...found.results.map((r: { childId: string }) => ({ record_type: 'child', child_id: r.childId, detail: { shownInSearch: true } })),
    ]);
    // A search that finds nothing, or has nothing to find, is recorded all the same.
    for (const [q, query] of [
      ['Nobodyhasthisname', 'Nobodyhasthisname'],
      ['%20%20', '  '],
    ]) {
      expect((await sw.get(`/api/children?q=${q}`)).body).toEqual({ results: [], total: 0 });
      expect(await searches()).toMatchObject([{ child_id: null, detail: { query, shown: 0, total: 0 } }]);
    }
  });

  it('records every write in the same transaction as the write', async () => {
    const child = (await sw.get(`/api/children/${ids.childA}`)).body.child;
    await sw.patch(`/api/children/${ids.childA}`, { version: child.version, otherNames: 'Pops' });
    await sw.post(`/api/children/${ids.childA}/chronology`, { occurredOn: '2026-01-05', category: 'visit', summary: 'Home visit; Poppy seen alone.' });
    const rows = await auditRows(ids.childA);
    expect(rows.filter((r) => r.action === 'update')).toEqual([expect.objectContaining({ record_type: 'child', username: 'sw' })]);
    expect(rows.filter((r) => r.action === 'create' && r.record_type === 'chronology')).toHaveLength(1);
  });

  it('leaves no audit row and no change when a write is refused', async () => {
    const before = (await auditRows(ids.childA)).length;
    const versionsBefore = (await server.store.db.selectFrom('record_version').selectAll().where('record_id', '=', ids.childA).execute()).length;
    const res = await sw.patch(`/api/children/${ids.childA}`, { version: 1, otherNames: 'stale' });
    expect(res.status).toBe(409);
    const afterRows = await auditRows(ids.childA);
    expect(afterRows.filter((r) => r.action === 'update')).toHaveLength(1);
    expect(afterRows.length).toBe(before);
    expect((await server.store.db.selectFrom('record_version').selectAll().where('record_id', '=', ids.childA).execute()).length).toBe(versionsBefore);
  });

  it('records sign-in, failed sign-in and sign-out', async () => {
    const bad = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tm', password: 'wrong password' }),
    });
    expect(bad.status).toBe(401);
    const cookie = await signInAs(server, 'tm', FIXTURE_PASSWORD);
    await client(server, cookie).delete('/api/session');
    const rows = await server.store.db.selectFrom('audit_event').select('action').where('username', '=', 'tm').orderBy('audit_id').execute();
    expect(rows.map((r) => r.action)).toEqual(['sign-in-failed', 'sign-in', 'sign-out']);
    expect((await client(server, cookie).get('/api/session')).status).toBe(401);
  });

  it('cannot be changed or deleted by the application', async () => {
    await expect(sql`update audit_event set action = 'nothing'`.execute(server.store.db)).rejects.toThrow();
    await expect(sql`delete from audit_event`.execute(server.store.db)).rejects.toThrow();
    await expect(sql`truncate audit_event`.execute(server.store.db)).rejects.toThrow();
    const count = await server.store.db.selectFrom('audit_event').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });
});
