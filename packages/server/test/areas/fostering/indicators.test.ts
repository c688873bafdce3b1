import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// The year to 31 March 2026. Oak and Elm were approved long before it; Oak retire in October.
// Cedar (3 places) are approved in July, 154 days after their enquiry; Dale (1 place) in November,
// 186 days after theirs, and are de-registered in February. Poppy is placed with Elm, Jack with an
// agency's carers, who ask for him to move in February.
let server: TestServer, ids: FixtureIds;
let hos: Client, ftm: Client, sw: Client, sw2: Client;
const AS_OF = 'asOf=2026-03-31';
const households: Record<string, { id: string; version: number }> = {};

async function approve(name: string, enquiryOn: string, decidedOn: string, maxChildren: number) {
  const made = await ftm.post('/api/fostering/households', { name, enquiryOn });
  expect(made.status).toBe(201);
  let version = 1;
  for (const step of ['application', 'stage-one', 'stage-two', 'panel'])
    version = (await ftm.post(`/api/fostering/households/${made.body.householdId}/recruitment`, { version, step, on: enquiryOn, recommendation: 'approve' }))
      .body.version;
  const terms = { maxChildren, ageFrom: 0, ageTo: 17, placementTypes: ['short-term', 'long-term'] };
  const decided = await ftm.post(`/api/fostering/households/${made.body.householdId}/decision`, {
    version,
    decidedOn,
    decision: 'approved',
    reasons: 'As the panel recommended.',
    terms,
  });
  expect(decided.status).toBe(200);
  households[name] = { id: made.body.householdId, version: decided.body.version };
}

async function leave(name: string, status: string, on: string, reason: string) {
  const h = households[name] as { id: string; version: number };
  expect((await ftm.post(`/api/fostering/households/${h.id}/status`, { version: h.version, status, on, reason })).status).toBe(200);
}

const kpi = async (id: string) => {
  const res = await hos.get(`/api/kpi/${id}?${AS_OF}&trendMonths=1`);
  expect(res.status).toBe(200);
  return [res.body.result.numerator, res.body.result.denominator, res.body.result.value];
};
const AGENCY = { placementType: 'U4', placementProvider: 'PR4', urn: 'SC555555', placementPostcode: 'HR2 7AA' };

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await addUsers(server.store.db, { username: 'ftm', role: 'fostering-team-manager', displayName: 'ftm' });
  [ftm, hos, sw, sw2] = await signedIn(server, 'ftm', 'hos', 'sw', 'sw2');
  await approve('Oak', '2023-01-10', '2023-09-01', 2);
  await approve('Elm', '2024-01-08', '2024-06-03', 1);
  await approve('Cedar', '2025-02-03', '2025-07-07', 3);
  await approve('Dale', '2025-05-01', '2025-11-03', 1);
  await leave('Oak', 'resigned', '2025-10-01', 'retirement');
  await leave('Dale', 'deregistered', '2026-02-02', 'standards-of-care');
  const start = { startDate: '2026-01-05', legalStatus: 'C2', categoryOfNeed: 'N1', homePostcode: 'HR1 2AB' };
  const elm = { placementType: 'U4', placementProvider: 'PR1', urn: 'SC555555', placementPostcode: 'HR2 7AB', fosterHouseholdId: households.Elm?.id };
  expect((await sw.post(`/api/children/${ids.childA}/looked-after`, { ...start, ...elm })).status).toBe(201);
  expect((await sw2.post(`/api/children/${ids.childB}/looked-after`, { ...start, ...AGENCY })).status).toBe(201);
  const jack = (await sw2.get(`/api/children/${ids.childB}/looked-after`)).body.current;
  const moved = await sw2.post(`/api/children/${ids.childB}/looked-after/changes`, {
    episodeId: jack.episodeId,
    version: jack.version,
    date: '2026-02-16',
    placement: { ...AGENCY, urn: 'SC666666' },
    reasonPlaceChange: 'CREQO',
  });
  expect(moved.status).toBe(201);
});
afterAll(() => server?.close());

describe('the fostering indicators', () => {
  it('counts households approved and leaving in the year, and the net change in places', async () => {
    expect(await kpi('foster-carers-approved')).toEqual([2, null, 2]);
    expect(await kpi('foster-carers-left')).toEqual([2, null, 2]);
    expect(await kpi('foster-places-net-change')).toEqual([3 + 1 - 2 - 1, null, 1]);
  });

  it('carers’ turnover: those that left against those approved at the start of the 12 months', async () => {
    expect(await kpi('foster-carer-turnover')).toEqual([2, 2, 100]);
  });

  it('averages the days from enquiry to approval', async () => {
    expect(await kpi('foster-enquiry-to-approval-days')).toEqual([154 + 186, 2, 170]);
  });

  it('counts foster placements ended at the carer’s request, and children with the council’s own carers', async () => {
    expect(await kpi('foster-placements-ended-carer-request')).toEqual([1, 1, 100]);
    expect(await kpi('foster-children-in-house')).toEqual([1, 2, 50]);
    const behind = await hos.get(`/api/kpi/foster-children-in-house/children?${AS_OF}&only=numerator`);
    expect(behind.body.children.map((c: { name: string }) => c.name)).toEqual(['Poppy Lambert']);
  });

  it('lists the households behind a number, with why each left', async () => {
    const res = await hos.get(`/api/fostering/indicators/foster-carers-left/households?${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body.households.map((h: { name: string; reason: string }) => [h.name, h.reason])).toEqual([
      ['Oak', 'Retirement'],
      ['Dale', 'Standards of care (the council ended the approval)'],
    ]);
    const places = await hos.get(`/api/fostering/indicators/foster-places-net-change/households?${AS_OF}`);
    expect(places.body.households.map((h: { name: string; count: number }) => [h.name, h.count])).toEqual([
      ['Cedar', 3],
      ['Oak', -2],
      ['Dale', 1],
      ['Dale', -1],
    ]);
    expect((await hos.get('/api/fostering/indicators/cla-rate/households')).status).toBe(404);
    expect((await sw.get(`/api/fostering/indicators/foster-carers-left/households?${AS_OF}`)).status).toBe(403);
  });
});
