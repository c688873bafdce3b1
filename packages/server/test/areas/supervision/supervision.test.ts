import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshWorkerObligations } from '../../../src/kernel/worker-obligations.ts';
import { LA, ninaNewstart, openCinEpisode } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Supervision due dates worked out by hand: every 4 weeks for a practitioner (Ava, started
// 6 January 2020); weekly, then fortnightly after six weeks, for Nina in her ASYE (from Monday
// 5 January 2026); induction 12 weeks from the start.
let server: TestServer, ids: FixtureIds;
let tm: Client, sw: Client, hos: Client, admin: Client;
let nina: string;

type Deadline = {
  workerId: string;
  ruleId: string;
  startDate: string;
  dueDate: string;
  state: string;
  daysOverdue: number;
  responsibleWorkerId: string | null;
};

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [tm, sw, hos, admin] = await signedIn(server, 'tm', 'sw', 'hos', 'admin');
  await openCinEpisode(server.store.db, ids.childA, '2025-10-01');
  await refreshWorkerObligations(server.store.db, LA);
  // Ava picks up Mia, so she holds two children.
  expect((await tm.post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA, startDate: '2025-12-01' })).status).toBe(201);
});
afterAll(() => server?.close());

const worklist = async (c: Client, query: string) =>
  (await c.get(`/api/worklist/workers?${query}`)).body as { deadlines: Deadline[]; counts: { overdue: number } };
const open = (list: { deadlines: Deadline[] }, workerId: string, ruleId = 'supervision') =>
  list.deadlines.find((d) => d.workerId === workerId && d.ruleId === ruleId);

describe('supervision', () => {
  it('a practitioner never supervised has been due since four weeks after they started, on the team manager’s worklist', async () => {
    const list = await worklist(tm, 'view=mine&asOf=2026-01-02');
    expect(open(list, ids.swA2)).toMatchObject({ startDate: '2020-01-06', dueDate: '2020-02-03', state: 'overdue', responsibleWorkerId: ids.tmA });
    // Bea is in team B, whose manager is not Tom.
    expect(open(list, ids.swB)).toBeUndefined();
  });

  it('a team manager records a supervision covering two children; the next is due four weeks on', async () => {
    const res = await tm.post('/api/supervisions', {
      workerId: ids.swA,
      heldOn: '2026-01-05',
      notes: 'Caseload reviewed.',
      children: [
        { childId: ids.childA, direction: 'Visit Poppy alone at school before the review.' },
        { childId: ids.childUnallocated, direction: 'Complete the chronology for Mia by Friday.' },
      ],
    });
    expect(res.status).toBe(201);
    // Mon 5 January + 4 weeks = Mon 2 February: due that day, overdue the day after.
    expect(open(await worklist(tm, 'view=mine&asOf=2026-02-02'), ids.swA)).toMatchObject({ startDate: '2026-01-05', dueDate: '2026-02-02', state: 'due' });
    expect(open(await worklist(tm, 'view=mine&asOf=2026-02-03'), ids.swA)).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    // Ava sees her own supervision due on her list too.
    expect(open(await worklist(sw, 'view=mine&asOf=2026-02-03'), ids.swA)).toMatchObject({ dueDate: '2026-02-02' });
    const history = (await sw.get(`/api/workers/${ids.swA}/supervisions`)).body;
    expect(history.supervisions[0]).toMatchObject({
      heldOn: '2026-01-05',
      children: expect.arrayContaining([expect.objectContaining({ childId: ids.childA })]),
    });
  });

  it('the direction shows on each child’s record and counts as management oversight', async () => {
    const res = await sw.get(`/api/children/${ids.childA}/supervision-directions`);
    expect(res.status).toBe(200);
    expect(res.body.directions).toEqual([expect.objectContaining({ heldOn: '2026-01-05', direction: 'Visit Poppy alone at school before the review.' })]);
    const chronology = (await sw.get(`/api/children/${ids.childUnallocated}/chronology`)).body;
    expect(JSON.stringify(chronology)).toContain('Complete the chronology for Mia by Friday.');
    // Oversight: from the referral on 1 October 2025, due 1 January 2026 (3 months); met late by
    // the supervision on 5 January, which starts the next: due 5 April.
    const cw = (await sw.get(`/api/children/${ids.childA}/casework`)).body;
    const oversight = cw.obligations.filter((o: { ruleId: string }) => o.ruleId === 'management-oversight');
    expect(oversight).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ startDate: '2025-10-01', dueDate: '2026-01-01', metOn: '2026-01-05', state: 'met-late' }),
        expect.objectContaining({ startDate: '2026-01-05', dueDate: '2026-04-05' }),
      ]),
    );
  });

  it('refuses a child the worker does not hold, a practitioner of another team, and a social worker recording', async () => {
    const notHeld = await tm.post('/api/supervisions', { workerId: ids.swA, heldOn: '2026-01-12', children: [{ childId: ids.childB, direction: 'x' }] });
    expect(notHeld.status).toBe(400);
    expect(notHeld.body.errors[0]).toMatchObject({ field: 'children.0.childId', rule: 'held-by-worker' });
    expect((await tm.post('/api/supervisions', { workerId: ids.swB, heldOn: '2026-01-12' })).status).toBe(403);
    expect((await sw.post('/api/supervisions', { workerId: ids.swA2, heldOn: '2026-01-12' })).status).toBe(403);
    const future = await tm.post('/api/supervisions', { workerId: ids.swA2, heldOn: '2099-01-12' });
    expect(future.body.errors[0]).toMatchObject({ field: 'heldOn', rule: 'not-in-future' });
    // A practitioner reads their own supervision, not a colleague's.
    expect((await sw.get(`/api/workers/${ids.swA2}/supervisions`)).status).toBe(403);
  });

  it('a council may set its own interval: six weeks moves Ava’s next supervision to 16 February', async () => {
    expect((await hos.put('/api/settings/timescales/supervision', { unit: 'weeks', n: 6 })).status).toBe(200);
    expect(open(await worklist(tm, 'view=team&asOf=2026-02-03'), ids.swA)).toMatchObject({ dueDate: '2026-02-16', state: 'due' });
    expect((await hos.put('/api/settings/timescales/supervision', { unit: 'weeks', n: 4 })).status).toBe(200);
  });
});

describe('induction and the ASYE', () => {
  it('a newly qualified worker is supervised weekly for six weeks, then fortnightly', async () => {
    const created = await admin.post('/api/workers', ninaNewstart(ids.teamA, '2026-01-05'));
    expect(created.status).toBe(201);
    nina = created.body.workerId;
    const started = await tm.post(`/api/workers/${nina}/induction`, { asyeStart: '2026-01-05', protectedCaseload: 10 });
    expect(started.status).toBe(201);
    expect(started.body.items.length).toBeGreaterThan(3);
    expect(started.body.deadline).toMatchObject({ ruleId: 'induction', dueDate: '2026-03-30' }); // 12 weeks from Mon 5 January
    expect(open(await worklist(tm, 'view=mine&asOf=2026-01-06'), nina, 'supervision-asye')).toMatchObject({ dueDate: '2026-01-12' });
    expect((await tm.post('/api/supervisions', { workerId: nina, heldOn: '2026-01-12' })).status).toBe(201);
    expect(open(await worklist(tm, 'view=mine&asOf=2026-01-13'), nina, 'supervision-asye')).toMatchObject({ startDate: '2026-01-12', dueDate: '2026-01-19' });
    // 16 February is six weeks in: from then, a fortnight.
    expect((await tm.post('/api/supervisions', { workerId: nina, heldOn: '2026-02-16' })).status).toBe(201);
    expect(open(await worklist(tm, 'view=mine&asOf=2026-02-17'), nina, 'supervision-asye')).toMatchObject({ startDate: '2026-02-16', dueDate: '2026-03-02' });
  });

  it('induction is complete when the last item is signed off', async () => {
    const items = (await tm.get(`/api/workers/${nina}/induction`)).body.items as { itemId: string }[];
    let last: { complete: boolean; deadline: { metOn: string | null; state: string } } | null = null;
    for (const [i, item] of items.entries()) {
      const res = await tm.post(`/api/workers/${nina}/induction/${item.itemId}`, { completedOn: i === items.length - 1 ? '2026-03-20' : '2026-02-02' });
      expect(res.status).toBe(200);
      last = res.body;
    }
    expect(last).toMatchObject({ complete: true, deadline: { metOn: '2026-03-20', state: 'met-on-time' } });
    const again = await tm.post(`/api/workers/${nina}/induction/${items[0]?.itemId}`, { completedOn: '2026-03-20' });
    expect(again.status).toBe(409);
    expect((await sw.post(`/api/workers/${nina}/induction/${items[0]?.itemId}`, { completedOn: '2026-03-20' })).status).toBe(403);
  });

  it('the protected caseload is Nina’s ceiling during her ASYE', async () => {
    const res = (await tm.get('/api/workforce/caseloads?asOf=2026-03-31')).body;
    expect(res.workers.find((w: { workerId: string }) => w.workerId === nina)).toMatchObject({ inAsye: true, ceiling: 10 });
  });
});
