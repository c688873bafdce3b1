import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, becameLookedAfter, PLACEMENT } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Deprivation of liberty orders over HTTP: recorded, amended from the version read (409 when
// stale), bad input refused naming the field and rule with nothing written, each action's
// permission (legal:record; the page is child:read), and the audit, version and chronology rows.
// Poppy (childA, born 12 March 2015, held by swA) comes into care on 2 March 2026.
let server: TestServer, ids: FixtureIds;
let sw: Client, sw2: Client, tm: Client, iro: Client, hos: Client, lawyer: Client, analyst: Client, admin: Client;
const orders = (childId: string) => `/api/children/${childId}/deprivation-of-liberty-orders`;
const ORDER = {
  madeOn: '2026-05-14',
  expiresOn: '2026-11-13',
  court: 'High Court, Family Division',
  caseNumber: 'FD26P00123',
  authorises: 'Locked doors and windows at the home; two-to-one supervision in the community.',
  reviewOn: '2026-08-14',
};

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await addUsers(server.store.db, { username: 'lawyer', role: 'legal-adviser', displayName: 'Council lawyer (test)' });
  [sw, sw2, tm, iro, hos, lawyer, analyst, admin] = await signedIn(server, 'sw', 'sw2', 'tm', 'iro', 'hos', 'lawyer', 'analyst', 'admin');
  const care = await sw.post(`/api/children/${ids.childA}/looked-after`, { startDate: '2026-03-02', ...PLACEMENT });
  expect(care.status, JSON.stringify(care.body)).toBe(201);
  // In a children's home (K2), set here rather than through the providers register.
  await sql`update cla_episode set placement_type = 'K2' where child_id = ${ids.childA}`.execute(server.store.db);
});
afterAll(() => server?.close());

const rows = async (table: 'deprivation_of_liberty_order' | 'chronology_entry' | 'record_version' | 'audit_event', where: Record<string, string>) => {
  let q = server.store.db.selectFrom(table).selectAll();
  for (const [k, v] of Object.entries(where)) q = q.where(k as never, '=', v as never);
  return (await q.execute()) as Record<string, unknown>[];
};

describe('a deprivation of liberty order on a looked-after child’s record', () => {
  let orderId: string;

  it('is recorded through the ledger: the order, its first version, an audit row and a chronology entry', async () => {
    const res = await sw.post(orders(ids.childA), ORDER);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ orderId: expect.any(String), version: 1 });
    orderId = res.body.orderId;
    const [order] = await rows('deprivation_of_liberty_order', { order_id: orderId });
    expect(order).toMatchObject({ child_id: ids.childA, made_on: '2026-05-14', expires_on: '2026-11-13', ended_on: null, court: ORDER.court });
    expect(order?.period_id).toEqual(expect.any(String));
    expect(await rows('record_version', { record_type: 'deprivation-of-liberty-order', record_id: orderId })).toHaveLength(1);
    expect(await rows('audit_event', { record_type: 'deprivation-of-liberty-order', record_id: orderId })).toMatchObject([
      { action: 'create', child_id: ids.childA, username: 'sw' },
    ]);
    const [entry] = await rows('chronology_entry', { record_id: orderId });
    expect(entry).toMatchObject({ child_id: ids.childA, occurred_on: '2026-05-14', category: 'deprivation-of-liberty' });
    expect(entry?.summary).toContain('Deprivation of liberty order made by High Court, Family Division (case FD26P00123), until 13 November 2026');
  });

  it('shows on the child’s looked-after care page, in force, to anyone who reads the child', async () => {
    for (const who of [sw, iro, analyst, lawyer]) {
      const page = await who.get(`/api/children/${ids.childA}/looked-after-care`);
      expect(page.status).toBe(200);
      expect(page.body.deprivationOfLiberty).toMatchObject([{ orderId, version: 1, madeOn: '2026-05-14', expiresOn: '2026-11-13', endedOn: null }]);
    }
    const page = (await sw.get(`/api/children/${ids.childA}/looked-after-care`)).body;
    // 13 November 2026 has passed (the tests run after it): the order ran out on the day the court set.
    expect(page.deprivationOfLiberty[0].inForce).toBe(new Date().toISOString().slice(0, 10) <= '2026-11-13');
    expect(page.canRecordDeprivationOfLiberty).toBe(true);
    expect((await iro.get(`/api/children/${ids.childA}/looked-after-care`)).body.canRecordDeprivationOfLiberty).toBe(false);
    expect((await admin.get(`/api/children/${ids.childA}/looked-after-care`)).status).toBe(403);
  });

  it('is extended from the version read; a stale version is refused with 409 and changes nothing', async () => {
    const extended = await lawyer.patch(`${orders(ids.childA)}/${orderId}`, { version: 1, expiresOn: '2027-05-13', reviewOn: '2026-11-20' });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body).toEqual({ orderId, version: 2 });
    const stale = await sw.patch(`${orders(ids.childA)}/${orderId}`, { version: 1, endedOn: '2026-10-01' });
    expect(stale.status).toBe(409);
    const [order] = await rows('deprivation_of_liberty_order', { order_id: orderId });
    expect(order).toMatchObject({ version: 2, expires_on: '2027-05-13', ended_on: null, review_on: '2026-11-20' });
    expect(await rows('record_version', { record_type: 'deprivation-of-liberty-order', record_id: orderId })).toHaveLength(2);
    expect((await rows('audit_event', { record_type: 'deprivation-of-liberty-order', record_id: orderId })).map((a) => a.action)).toEqual(['create', 'update']);
    const summaries = (await rows('chronology_entry', { record_id: orderId })).map((e) => e.summary);
    expect(summaries).toContain('Deprivation of liberty order of 14 May 2026 now runs until 13 May 2027');
    expect(summaries).toContain('Deprivation of liberty order of 14 May 2026 next court review 20 November 2026');
  });

  it('refuses bad input with 400 naming the field and the rule, and writes nothing', async () => {
    const before = (await rows('deprivation_of_liberty_order', { child_id: ids.childA })).length;
    const versions = (await rows('record_version', { record_type: 'deprivation-of-liberty-order' })).length;
    const refused = async (
      body: Record<string, unknown>,
      field: string,
      rule: string | undefined,
      path = orders(ids.childA),
      method: 'post' | 'patch' = 'post',
    ) => {
      const res = await sw[method](path, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining(rule ? { field, rule } : { field }));
    };
    await refused({ ...ORDER, madeOn: '2026-06-01', endedOn: '2026-05-01' }, 'endedOn', 'ended-before-made');
    await refused({ ...ORDER, expiresOn: '2026-05-01' }, 'expiresOn', 'expires-before-made');
    await refused({ ...ORDER, madeOn: '2015-01-10', expiresOn: null }, 'madeOn', 'not-before'); // before her birth
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await refused({ ...ORDER, madeOn: tomorrow, expiresOn: null, reviewOn: null }, 'madeOn', 'not-in-future');
    await refused({ ...ORDER, court: '' }, 'court', undefined);
    // The order of 14 May runs to 13 May 2027: a second order then is refused (903 rule 705).
    await refused({ ...ORDER, madeOn: '2026-09-01', expiresOn: null }, 'madeOn', 'one-order-at-a-time');
    await refused({ version: 2, endedOn: '2026-05-01' }, 'endedOn', 'ended-before-made', `${orders(ids.childA)}/${orderId}`, 'patch');
    await refused({ version: 2, endReason: 'Discharged' }, 'endedOn', 'required-with-endReason', `${orders(ids.childA)}/${orderId}`, 'patch');
    expect(await rows('deprivation_of_liberty_order', { child_id: ids.childA })).toHaveLength(before);
    expect(await rows('record_version', { record_type: 'deprivation-of-liberty-order' })).toHaveLength(versions);
    expect((await rows('deprivation_of_liberty_order', { order_id: orderId }))[0]).toMatchObject({ version: 2 });
  });

  it('is ended with the day and why; a next order may then start that day', async () => {
    const ended = await sw.patch(`${orders(ids.childA)}/${orderId}`, { version: 2, endedOn: '2026-10-30', endReason: 'Discharged at the review hearing' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const summaries = (await rows('chronology_entry', { record_id: orderId })).map((e) => e.summary);
    expect(summaries).toContain('Deprivation of liberty order of 14 May 2026 ended: Discharged at the review hearing');
    const next = await sw.post(orders(ids.childA), { ...ORDER, madeOn: '2026-10-30', expiresOn: null, reviewOn: null });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
  });

  it('while in force, stops the child being moved home (903 rule 710) or leaving care (707) until its end is recorded', async () => {
    const db = server.store.db;
    const [order] = await rows('deprivation_of_liberty_order', { child_id: ids.childA, made_on: '2026-10-30' });
    const episode = async () =>
      db
        .selectFrom('cla_episode')
        .select(['cla_episode_id', 'version'])
        .where('child_id', '=', ids.childA)
        .where('end_date', 'is', null)
        .executeTakeFirstOrThrow();
    const open = await episode();
    const today = new Date().toISOString().slice(0, 10);
    const home = { placementType: 'P1', urn: 'XXXXXXX', placementPostcode: 'HR1 2AB' };
    const ceaseToday = () =>
      sw.post(`/api/children/${ids.childA}/looked-after/cease`, { episodeId: open.cla_episode_id, version: open.version, endDate: today, reasonEnded: 'E4A' });
    const moved = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, {
      episodeId: open.cla_episode_id,
      version: open.version,
      date: today,
      placement: home,
      reasonPlaceChange: 'CARPL',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'placement.placementType', rule: 'placement-not-for-dolo' })]);
    expect(moved.body.errors[0].message).toContain('made on 30 October 2026 by High Court, Family Division is in force');
    const ceased = await ceaseToday();
    expect(ceased.status, JSON.stringify(ceased.body)).toBe(409);
    expect(ceased.body.errors).toEqual([expect.objectContaining({ field: 'endDate', rule: 'dolo-in-force' })]);
    expect(ceased.body.detail).toContain('record the day it ended (on or before the day care ends) first');
    // Nothing written: the same open episode, at the same version.
    expect(await episode()).toEqual(open);

    // The order's end recorded as the day before, care may end.
    const dayBefore = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ended = await sw.patch(`${orders(ids.childA)}/${order?.order_id}`, { version: 1, endedOn: dayBefore, endReason: 'Discharged' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const left = await ceaseToday();
    expect(left.status, JSON.stringify(left.body)).toBe(200);
  });

  it('is refused for a child placed with parents while it would be in force (903 rule 710), or left open after care ended (707)', async () => {
    const db = server.store.db;
    const atHome = await sw2.post(`/api/children/${ids.childB}/looked-after`, { startDate: '2026-03-02', ...PLACEMENT, legalStatus: 'C2' });
    expect(atHome.status, JSON.stringify(atHome.body)).toBe(201);
    // Placed with parents (P1), set here rather than through a placement change's checks.
    await sql`update cla_episode set placement_type = 'P1', urn = null where child_id = ${ids.childB}`.execute(db);
    const res = await sw2.post(orders(ids.childB), ORDER);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'madeOn', rule: 'placement-not-for-dolo' })]);

    const left = (await sw.post('/api/children', { givenName: 'Ezra', familyName: 'Lambert', dateOfBirth: '2012-04-04', sex: 'M' })).body.child.childId;
    expect((await tm.post(`/api/children/${left}/allocations`, { workerId: ids.swA, startDate: '2025-01-08' })).status).toBe(201);
    await becameLookedAfter(db, left, '2025-09-01', '2026-04-30');
    const open = await sw.post(orders(left), { ...ORDER, madeOn: '2026-01-10', expiresOn: null, reviewOn: null });
    expect(open.body.errors).toEqual([expect.objectContaining({ field: 'endedOn', rule: 'ended-with-care' })]);
    const closed = await sw.post(orders(left), { ...ORDER, madeOn: '2026-01-10', expiresOn: null, reviewOn: null, endedOn: '2026-04-30' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
  });
});

describe('who may record and amend an order (legal:record), per action', () => {
  let orderId: string;
  const body = { ...ORDER, madeOn: '2026-03-20', expiresOn: '2026-04-01', reviewOn: null };

  it('POST: the team holding the case, the head of service and the legal adviser; not another team, the IRO, the analyst or the administrator', async () => {
    // childB's team (swB) holds the case; Poppy's team does not.
    for (const [who, status] of [
      [sw, 403],
      [iro, 403],
      [analyst, 403],
      [admin, 403],
    ] as const) {
      const res = await who.post(orders(ids.childB), body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    }
    await sql`update cla_episode set placement_type = 'K2' where child_id = ${ids.childB}`.execute(server.store.db);
    const made = await sw2.post(orders(ids.childB), body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    orderId = made.body.orderId;
    expect((await hos.post(orders(ids.childB), { ...body, madeOn: '2026-04-01', expiresOn: '2026-04-10' })).status).toBe(201);
    expect((await lawyer.post(orders(ids.childB), { ...body, madeOn: '2026-04-10', expiresOn: '2026-04-20' })).status).toBe(201);
  });

  it('PATCH: the same people; others are refused and nothing changes', async () => {
    const path = `${orders(ids.childB)}/${orderId}`;
    for (const who of [sw, iro, analyst, admin]) expect((await who.patch(path, { version: 1, reviewOn: '2026-03-27' })).status).toBe(403);
    expect((await sw2.patch(path, { version: 1, reviewOn: '2026-03-27' })).status).toBe(200);
    expect((await hos.patch(path, { version: 2, caseNumber: 'FD26P00124' })).status).toBe(200);
    expect((await lawyer.patch(path, { version: 3, authorises: 'Locked doors only.' })).status).toBe(200);
    expect((await rows('deprivation_of_liberty_order', { order_id: orderId }))[0]).toMatchObject({ version: 4, case_number: 'FD26P00124' });
    // An order of another child's is not found under this child.
    expect((await hos.patch(`${orders(ids.childA)}/${orderId}`, { version: 4, reviewOn: null })).status).toBe(404);
  });
});
