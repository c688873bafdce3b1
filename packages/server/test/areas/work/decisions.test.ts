import { addDays, todayInEngland } from '@lantern/core/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// A worker sends a closure and a plan to their manager; the manager returns one and approves the
// other. Each waits on the manager's own list, and a returned one on the worker's until sent again.
let server: TestServer;
let ids: FixtureIds;
let sw: Client;
let tm: Client;
let hos: Client;
const today = todayInEngland();
const start = addDays(today, -30);
let childId = '';

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm, hos] = await signedIn(server, 'sw', 'tm', 'hos');
  childId = (await sw.post('/api/children', { givenName: 'Lily', familyName: 'Marsh', dateOfBirth: '2016-04-02', sex: 'F' })).body.child.childId;
  expect((await tm.post(`/api/children/${childId}/allocations`, { workerId: ids.swA, startDate: start })).status).toBe(201);
  expect((await sw.post(`/api/children/${childId}/referrals`, { referralDate: start, source: '1A', primaryNeed: 'N1' })).status).toBe(201);
});
afterAll(() => server?.close());

type Section = { total: number; items: { key: string; childId: string | null; what: string; href: string | null; note: string | null }[] };
const section = async (c: Client, id: string): Promise<Section> => {
  const res = await c.get(`/api/work?section=${id}&pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.sections[0];
};
const forChild = (s: Section) => s.items.filter((i) => i.childId === childId);

describe('a closure sent to the manager', () => {
  let requestId = '';
  it('is refused without its details, naming the field', async () => {
    const res = await sw.post(`/api/children/${childId}/decision-requests`, { kind: 'closure', reasons: 'Needs met' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'closure', rule: 'closure-required' });
    const stepDown = await sw.post(`/api/children/${childId}/decision-requests`, {
      kind: 'step-down',
      reasons: 'Early help can hold this',
      closure: { reason: 'RC8' },
    });
    expect(stepDown.status).toBe(400);
    expect(stepDown.body.errors[0]).toMatchObject({ field: 'closure.reason', rule: 'step-down-rc9' });
  });

  it('waits on the team manager’s list of closures, and only once', async () => {
    const res = await sw.post(`/api/children/${childId}/decision-requests`, {
      kind: 'step-down',
      reasons: 'Mum is engaging with the family hub; early help can hold this',
      closure: { reason: 'RC9', childMetDecider: false, parentsMetDecider: true },
    });
    expect(res.status).toBe(201);
    requestId = res.body.requestId;
    const waiting = forChild(await section(tm, 'decide-closures'));
    expect(waiting.map((i) => i.what)).toEqual(['Step-down to early help']);
    expect(waiting[0]?.href).toBe(`/children/${childId}/work/decide?request=${requestId}`);
    const again = await sw.post(`/api/children/${childId}/decision-requests`, { kind: 'closure', reasons: 'x', closure: { reason: 'RC7' } });
    expect(again.status).toBe(409);
    // Not on another team's manager's list, and the worker may not approve it.
    expect((await sw.post(`/api/decision-requests/${requestId}/decision`, { version: 1, approve: true, reasons: 'x' })).status).toBe(403);
  });

  it('returned with reasons, it leaves the manager’s list and stays on the worker’s until sent again', async () => {
    const noReason = await tm.post(`/api/decision-requests/${requestId}/decision`, { version: 1, approve: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reasons');
    const returned = await tm.post(`/api/decision-requests/${requestId}/decision`, {
      version: 1,
      approve: false,
      reasons: 'Visit Lily once more and record her views first',
    });
    expect(returned.status).toBe(200);
    expect(forChild(await section(tm, 'decide-closures'))).toEqual([]);
    const back = forChild(await section(sw, 'returned'));
    expect(back).toHaveLength(1);
    expect(back[0]?.what).toBe('Step-down to early help returned by tm (test)');
    expect(back[0]?.note).toContain('Visit Lily once more');
    // Still there the next time the worker looks: it is theirs until they send it again.
    expect(forChild(await section(sw, 'returned'))).toHaveLength(1);
    const resent = await sw.post(`/api/children/${childId}/decision-requests`, {
      kind: 'step-down',
      reasons: 'Lily says she is happy to go to the hub',
      closure: { reason: 'RC9', childMetDecider: true, parentsMetDecider: true, childWords: 'I like the hub' },
    });
    expect(resent.status).toBe(201);
    expect(resent.body.requestId).toBe(requestId);
    expect(forChild(await section(sw, 'returned'))).toEqual([]);
    expect(forChild(await section(tm, 'decide-closures')).map((i) => i.what)).toEqual(['Step-down to early help (sent again)']);
  });

  it('approved, the case closes as the manager’s decision, with their reasons, and the list empties', async () => {
    const view = await tm.get(`/api/children/${childId}/decision-requests`);
    const request = view.body.requests.find((r: { requestId: string }) => r.requestId === requestId);
    expect(request).toMatchObject({ status: 'requested', mayDecide: true, timesSent: 2, closure: { reason: 'RC9' } });
    expect((await tm.post(`/api/decision-requests/${requestId}/decision`, { version: 1, approve: true, reasons: 'x' })).status).toBe(409);
    const approved = await tm.post(`/api/decision-requests/${requestId}/decision`, {
      version: request.version,
      approve: true,
      reasons: 'Sustained engagement with the hub; Lily’s views recorded',
    });
    expect(approved.status).toBe(200);
    expect(forChild(await section(tm, 'decide-closures'))).toEqual([]);
    const casework = await hos.get(`/api/children/${childId}/casework`);
    expect(JSON.stringify(casework.body)).toContain('RC9');
    const chronology = await hos.get(`/api/children/${childId}/chronology`);
    const text = JSON.stringify(chronology.body);
    expect(text).toContain('Step-down to early help sent to the manager again by sw (test)');
    expect(text).toContain('Case closed by tm (test)');
  });
});

describe('a plan sent to the manager to authorise', () => {
  let planDocumentId = '';
  it('waits on the manager’s list of plans; approved, the plan is authorised', async () => {
    const other = (await sw.post('/api/children', { givenName: 'Theo', familyName: 'Marsh', dateOfBirth: '2014-01-09', sex: 'M' })).body.child.childId;
    expect((await tm.post(`/api/children/${other}/allocations`, { workerId: ids.swA, startDate: start })).status).toBe(201);
    expect((await sw.post(`/api/children/${other}/referrals`, { referralDate: start, source: '1A', primaryNeed: 'N1' })).status).toBe(201);
    const cin = await sw.post(`/api/children/${other}/cin-plans`, { startDate: start });
    expect(cin.status).toBe(201);
    const plan = await sw.post(`/api/children/${other}/plans`, {
      kind: 'child-in-need',
      planRef: cin.body.cinPlanId,
      agreedOn: start,
      outcomes: [{ text: 'Theo goes to school every day', measure: 'Attendance above 95%' }],
      actions: [{ what: 'Meet the school', ownerKind: 'worker', ownerWorkerId: ids.swA, dueOn: today }],
      contingency: 'A strategy discussion if attendance falls again',
    });
    expect(plan.status).toBe(201);
    planDocumentId = plan.body.planDocumentId;
    const sent = await sw.post(`/api/children/${other}/decision-requests`, { kind: 'plan', planDocumentId, reasons: 'Agreed with the family' });
    expect(sent.status).toBe(201);
    const waiting = (await section(tm, 'decide-plans')).items.filter((i) => i.childId === other);
    expect(waiting.map((i) => i.what)).toEqual(['Plan to authorise']);
    const ok = await tm.post(`/api/decision-requests/${sent.body.requestId}/decision`, { version: 1, approve: true, reasons: 'A clear plan' });
    expect(ok.status).toBe(200);
    const doc = await server.store.db
      .selectFrom('plan_document')
      .select(['authorised_on'])
      .where('plan_document_id', '=', planDocumentId)
      .executeTakeFirstOrThrow();
    expect(doc.authorised_on).toBe(today);
    expect((await section(tm, 'decide-plans')).items.filter((i) => i.childId === other)).toEqual([]);
    // An authorised version is not sent again.
    expect((await sw.post(`/api/children/${other}/decision-requests`, { kind: 'plan', planDocumentId, reasons: 'again' })).status).toBe(409);
  });
});

describe('each of the manager’s queues is a counted list', () => {
  it('assessments, plans, closures, transfers and contacts each have a total and a page', async () => {
    const page = await tm.get('/api/work?pageSize=1');
    const ids_ = page.body.sections.map((s: { id: string }) => s.id);
    expect(ids_.slice(0, 5)).toEqual(['decide-assessments', 'decide-plans', 'decide-closures', 'decide-transfers', 'decide-contacts']);
    for (const s of page.body.sections) expect(s.items.length).toBe(Math.min(1, s.total));
  });
});
