import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshWorkerObligations } from '../../../src/kernel/worker-obligations.ts';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Bea (in team B since 6 January 2020) moves to team A on Monday 16 February 2026. Team A's
// figures for 31 January count Ava, Amir and Tom; from February Bea too; team B's lose her.
let server: TestServer, ids: FixtureIds;
let admin: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [admin] = await signedIn(server, 'admin');
  await refreshWorkerObligations(server.store.db, LA);
});
afterAll(() => server?.close());

type Month = { day: string; headcount: number };
const headcounts = async (teamId: string) => {
  const res = await admin.get(`/api/workforce/team-stats?asOf=2026-03-31&months=3&teamId=${teamId}`);
  return (res.body.teams[0].months as Month[]).map((m) => [m.day, m.headcount]);
};

describe('moving team', () => {
  it('is recorded by the administrator, once per day and in order; a stale version gets 409', async () => {
    const url = `/api/workers/${ids.swB}/team-moves`;
    const tm = client(server, await signInAs(server, 'tm', FIXTURE_PASSWORD));
    expect((await tm.post(url, { version: 1, teamId: ids.teamA, movedOn: '2026-02-16' })).status).toBe(403);
    const same = await admin.post(url, { version: 1, teamId: ids.teamB, movedOn: '2026-02-16' });
    expect(same.status).toBe(400);
    expect(same.body.errors[0].rule).toBe('different-team');
    const early = await admin.post(url, { version: 1, teamId: ids.teamA, movedOn: '2019-12-31' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'movedOn', rule: 'not-before' });
    expect((await admin.post(url, { version: 1, teamId: ids.teamA, movedOn: '2026-02-16' })).body).toEqual({ workerId: ids.swB, version: 2 });
    expect((await admin.post(url, { version: 1, teamId: ids.teamIro, movedOn: '2026-03-02' })).status).toBe(409);
    const before = await admin.post(url, { version: 2, teamId: ids.teamIro, movedOn: '2026-02-16' });
    expect(before.status).toBe(400);
    expect(before.body.errors[0].rule).toBe('after-last-move');
    expect((await admin.get(`/api/workers/${ids.swB}`)).body.worker.teamName).toBe('Children in need 1');
  });

  it('counts Bea in team B at the end of January and in team A from the end of February', async () => {
    expect(await headcounts(ids.teamA)).toEqual([
      ['2026-03-31', 4],
      ['2026-02-28', 4],
      ['2026-01-31', 3],
    ]);
    expect(await headcounts(ids.teamB)).toEqual([
      ['2026-03-31', 0],
      ['2026-02-28', 0],
      ['2026-01-31', 1],
    ]);
  });

  it('counts her cases in team B’s caseload before the move and team A’s after', async () => {
    // Bea holds Jack and Noah (the fixture's childB and restricted child) throughout.
    const children = async (teamId: string) =>
      ((await admin.get(`/api/workforce/caseloads/history?teamId=${teamId}&asOf=2026-03-31&months=3`)).body.points as { day: string; children: number }[]).map(
        (p) => [p.day, p.children],
      );
    const a = await children(ids.teamA);
    const b = await children(ids.teamB);
    expect(b).toEqual([
      ['2026-01-31', 2],
      ['2026-02-28', 0],
      ['2026-03-31', 0],
    ]);
    expect((a[1]?.[1] as number) - (a[0]?.[1] as number)).toBe(2);
  });

  it('her supervision is now owed by team A’s manager', async () => {
    const owed = await server.store.db
      .selectFrom('worker_obligation')
      .select(['responsible_worker_id', 'responsible_team_id'])
      .where('worker_id', '=', ids.swB)
      .where('met_on', 'is', null)
      .execute();
    expect(owed).toEqual([{ responsible_worker_id: ids.tmA, responsible_team_id: ids.teamA }]);
  });
});
