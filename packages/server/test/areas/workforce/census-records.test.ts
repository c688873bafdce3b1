import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCensus, validateCensus } from '../../../src/areas/workforce/index.ts';
import { LA } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// What the 2026 census (reference date Wednesday 30 September 2026) asks beyond a worker's post,
// recorded through the API: Ava off sick Monday 2 to Friday 6 March (5 working days) and on a
// course 11-12 May (training: not days lost); Amir off sick from Monday 28 September, still off
// (3 working days in the year, and absent on the day); Bea leaving on 30 June for agency work.
let server: TestServer, ids: FixtureIds;
let tm: Client, admin: Client, sw: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [tm, admin, sw] = await signedIn(server, 'tm', 'admin', 'sw');
  for (const [i, w] of [ids.swA, ids.swA2, ids.tmA, ids.swB, ids.iro].entries())
    await server.store.db
      .updateTable('worker')
      .set({ swe_number: `SW300${i}`, gender: '2' })
      .where('worker_id', '=', w)
      .execute();
});
afterAll(() => server?.close());

describe('absences', () => {
  it('a team manager records their team’s absences; not another team’s, and not two at once', async () => {
    const ava = `/api/workers/${ids.swA}/absences`;
    expect((await tm.post(ava, { startDate: '2026-03-02', endDate: '2026-03-06', reason: 'SIC' })).status).toBe(201);
    expect((await tm.post(ava, { startDate: '2026-05-11', endDate: '2026-05-12', reason: 'TRN' })).status).toBe(201);
    expect((await tm.post(`/api/workers/${ids.swA2}/absences`, { startDate: '2026-09-28', reason: 'SIC' })).status).toBe(201);
    const overlap = await tm.post(ava, { startDate: '2026-03-05', endDate: '2026-03-09', reason: 'SIC' });
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors[0]).toMatchObject({ field: 'startDate', rule: 'no-overlap' });
    const backwards = await tm.post(ava, { startDate: '2026-04-10', endDate: '2026-04-09', reason: 'SIC' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'endDate', rule: 'end-after-start' });
    const badReason = await tm.post(ava, { startDate: '2026-04-10', reason: 'HOL' });
    expect(badReason.status).toBe(400);
    expect(badReason.body.errors[0].field).toBe('reason');
    expect((await tm.post(`/api/workers/${ids.swB}/absences`, { startDate: '2026-03-02', reason: 'SIC' })).status).toBe(403);
    expect((await sw.post(ava, { startDate: '2026-04-01', reason: 'SIC' })).status).toBe(403);
    const list = (await tm.get(ava)).body;
    expect(list.absences).toEqual([
      expect.objectContaining({ startDate: '2026-05-11', endDate: '2026-05-12', reason: 'TRN', reasonLabel: 'Training', workingDays: 2 }),
      expect.objectContaining({ startDate: '2026-03-02', endDate: '2026-03-06', reason: 'SIC', reasonLabel: 'Sick leave', workingDays: 5 }),
    ]);
  });
});

describe('leaving', () => {
  it('the administrator records Bea leaving, with the reason and destination; a stale version gets 409', async () => {
    const url = `/api/workers/${ids.swB}/leaving`;
    // The set-up's change to Bea's record (her SWE number) is a version of its own: she is at version 2.
    const body = { version: 2, leaveDate: '2026-06-30', reason: '1', destination: '3' };
    expect((await tm.post(url, body)).status).toBe(403);
    const bad = await admin.post(url, { ...body, destination: '10' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('destination');
    expect((await admin.post(url, body)).body).toEqual({ workerId: ids.swB, version: 3 });
    expect((await admin.post(url, body)).status).toBe(409);
    const records = (await admin.get(`/api/workers/${ids.swB}/absences`)).body;
    expect(records.leaving).toEqual({
      leaveDate: '2026-06-30',
      reason: '1',
      reasonLabel: 'Resignation',
      destination: '3',
      destinationLabel: 'Agency or consultancy in social work (in England)',
    });
    // After leaving, no absence can be recorded past the leaving day.
    const late = await admin.post(`/api/workers/${ids.swB}/absences`, { startDate: '2026-07-01', endDate: '2026-07-02', reason: 'SIC' });
    expect(late.status).toBe(400);
    expect(late.body.errors[0].rule).toBe('worker-has-left');
  });
});

describe('in the census', () => {
  it('counts sickness days in the year, who was absent on 30 September and why, and where the leaver went', async () => {
    const census = await buildCensus(server.store.db, LA, 2026);
    const by = (swe: string) => census.message.workers.find((w) => w.SWENo === swe);
    expect(by('SW0000003000')).toMatchObject({ WorkingDaysLost: '5.00', Absat30Sept: ['0'] });
    expect(by('SW0000003000')?.ReasonAbsence).toBeUndefined();
    expect(by('SW0000003001')).toMatchObject({ WorkingDaysLost: '3.00', Absat30Sept: ['1'], ReasonAbsence: ['SIC'] });
    expect(by('SW0000003003')).toMatchObject({ RoleEndDate: '2026-06-30', LeaverDestination: '3', ReasonLeave: '1', WorkingDaysLost: '0.00' });
    expect(by('SW0000003003')?.Absat30Sept).toBeUndefined();
    expect(census.xml).toMatch(/<LeaverDestination>3<\/LeaverDestination>\s*<ReasonLeave>1<\/ReasonLeave>/);
    const report = await validateCensus(census.xml);
    expect(report).toMatchObject({ valid: true, schemaErrors: [], issues: [] });
  });
});
