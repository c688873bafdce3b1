import { randomUUID } from 'node:crypto';
import { todayInEngland } from '@lantern/core/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, FIXTURE_PASSWORD, fixtureWorker, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// A referral from the front door to a team, its allocation, a transfer between teams, and IROs.
let server: TestServer;
let ids: FixtureIds;
const extra = { teamFd: randomUUID(), fdManager: randomUUID(), fdWorker: randomUUID(), tmB: randomUUID(), iroManager: randomUUID() };
const as: Record<string, Client> = {};
const today = todayInEngland();
// Contacts received a minute ago: a fixed hour of today is still to come in the early morning,
// and a contact cannot be recorded as received in the future.
const justNow = () => new Date(Date.now() - 60_000).toISOString();

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  const db = server.store.db;
  await db
    .insertInto('team')
    .values({ la_code: LA, team_id: extra.teamFd, name: 'Front door (MASH)', service: 'Front door', manager_worker_id: null })
    .execute();
  await db
    .insertInto('worker')
    .values([
      fixtureWorker(extra.fdManager, 'Fern', 'team-manager', extra.teamFd),
      fixtureWorker(extra.fdWorker, 'Finn', 'social-worker', extra.teamFd),
      fixtureWorker(extra.tmB, 'Bob', 'team-manager', ids.teamB),
      fixtureWorker(extra.iroManager, 'Iris', 'team-manager', ids.teamIro),
    ])
    .execute();
  await db.updateTable('team').set({ manager_worker_id: extra.fdManager }).where('team_id', '=', extra.teamFd).execute();
  await db.updateTable('team').set({ manager_worker_id: extra.tmB }).where('team_id', '=', ids.teamB).execute();
  const user = (username: string, role: string, workerId: string) => ({ username, role, displayName: username, workerId });
  await addUsers(db, user('fd', 'team-manager', extra.fdManager), user('tmb', 'team-manager', extra.tmB), user('irom', 'iro-manager', extra.iroManager));
  for (const u of ['fd', 'tm', 'tmb', 'sw', 'hos', 'irom', 'iro']) as[u] = client(server, await signInAs(server, u, FIXTURE_PASSWORD));
});
afterAll(() => server?.close());

const section = async (who: string, id: string, page = 1) => {
  const res = await (as[who] as Client).get(`/api/work?section=${id}&page=${page}&pageSize=10`);
  expect(res.status).toBe(200);
  return res.body.sections[0] as { total: number; items: { childId: string | null; what: string; who: string | null; hoursLeft: number | null }[] };
};

describe('a referral from the front door to a team', () => {
  let contactId = '';
  it('the front door sees the contact with the hours left on its clock', async () => {
    const res = await (as.fd as Client).post(`/api/children/${ids.childUnallocated}/contacts`, {
      receivedAt: justNow(),
      source: '1A',
      presentingConcern: 'Grandmother worried about bruising',
    });
    expect(res.status).toBe(201);
    contactId = res.body.contactId;
    const page = await (as.fd as Client).get('/api/work');
    expect(page.body.kind).toBe('front-door');
    const contacts = await section('fd', 'contacts');
    const mine = contacts.items.find((i) => i.childId === ids.childUnallocated);
    expect(mine?.what).toBe('Contact to decide');
    // Due by the end of the next working day: more than 0 and at most 4 days' hours away.
    expect(mine?.hoursLeft).toBeGreaterThan(0);
    expect(mine?.hoursLeft).toBeLessThanOrEqual(24 * 4);
  });

  it('the front door chooses from the teams with their caseloads, and is offered only its own people to allocate', async () => {
    const teams = await (as.fd as Client).get('/api/routing/teams');
    const names = teams.body.teams.map((t: { name: string }) => t.name);
    expect(names).toContain('Children in need 1');
    expect(names).not.toContain('Front door (MASH)');
    const teamA = teams.body.teams.find((t: { name: string }) => t.name === 'Children in need 1');
    expect(teamA.caseload).toBe(1); // childA
    const offered = await (as.fd as Client).get(`/api/children/${ids.childUnallocated}/allocatable`);
    expect(offered.body.workers.map((w: { name: string }) => w.name).sort()).toEqual(['Fern Tester', 'Finn Tester']);
  });

  it('a referral routed to team A is on its manager’s landing page at once, and they allocate a worker of their own team', async () => {
    const decided = await (as.fd as Client).post(`/api/children/${ids.childUnallocated}/contacts/${contactId}/decision`, {
      decision: 'referral',
      decidedOn: today,
      reasons: 'Needs an assessment',
      primaryNeed: 'N1',
      teamId: ids.teamA,
    });
    expect(decided.status).toBe(200);
    const toAllocate = await section('tm', 'to-allocate');
    expect(toAllocate.items.map((i) => i.childId)).toContain(ids.childUnallocated);
    expect((await section('tmb', 'to-allocate')).items.map((i) => i.childId)).not.toContain(ids.childUnallocated);
    const today_ = await section('fd', 'decided-today');
    expect(today_.items.find((i) => i.childId === ids.childUnallocated)?.who).toBe('Children in need 1');

    const offered = await (as.tm as Client).get(`/api/children/${ids.childUnallocated}/allocatable`);
    expect(offered.body.workers.map((w: { name: string }) => w.name).sort()).toEqual(['Amir Tester', 'Ava Tester', 'Tom Tester']);
    const allocated = await (as.tm as Client).post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA, startDate: today });
    expect(allocated.status).toBe(201);
    expect((await section('tm', 'to-allocate')).items.map((i) => i.childId)).not.toContain(ids.childUnallocated);
    expect((await section('sw', 'new-allocations')).items.map((i) => i.childId)).toContain(ids.childUnallocated);
    // Every step is in the chronology with who and why.
    const chronology = await (as.tm as Client).get(`/api/children/${ids.childUnallocated}/chronology`);
    expect(JSON.stringify(chronology.body)).toContain('Referred to Children in need 1 by fd — Needs an assessment');
  });

  it('routing to a team that does not exist is refused, naming the field, and nothing is written', async () => {
    const other = await (as.fd as Client).post(`/api/children/${ids.childB}/contacts`, {
      receivedAt: justNow(),
      source: '1A',
      presentingConcern: 'Concern',
    });
    const res = await (as.fd as Client).post(`/api/children/${ids.childB}/contacts/${other.body.contactId}/decision`, {
      decision: 'referral',
      decidedOn: today,
      reasons: 'x',
      primaryNeed: 'N1',
      teamId: randomUUID(),
    });
    // childB is held by team B: the front door may not record on it (403), or the team is refused (400).
    expect([400, 403]).toContain(res.status);
    const contacts = await (as.hos as Client).get(`/api/children/${ids.childB}/casework`);
    expect(JSON.stringify(contacts.body)).not.toContain('"decision":"referral"');
  });
});

describe('a transfer between teams', () => {
  let transferId = '';
  it('a manager asks another team to take a case; declining needs a reason', async () => {
    // An open case, so the child has deadlines to move.
    expect((await (as.tm as Client).post(`/api/children/${ids.childA}/referrals`, { referralDate: today, source: '1A', primaryNeed: 'N1' })).status).toBe(201);
    const asked = await (as.tm as Client).post(`/api/children/${ids.childA}/transfers`, {
      toTeamId: ids.teamB,
      reason: 'Family moved to the east of the county',
    });
    expect(asked.status).toBe(201);
    transferId = asked.body.transferId;
    const awaiting = await section('tmb', 'decide-transfers');
    expect(awaiting.items.find((i) => i.childId === ids.childA)?.what).toBe('Transfer offered to your team');
    const noReason = await (as.tmb as Client).post(`/api/transfers/${transferId}/decision`, { version: 1, accept: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', rule: 'reason-required' });
    // Only the receiving team's manager decides.
    expect((await (as.tm as Client).post(`/api/transfers/${transferId}/decision`, { version: 1, accept: true })).status).toBe(403);
  });

  it('on acceptance the case and its open deadlines move to the receiving team', async () => {
    const accepted = await (as.tmb as Client).post(`/api/transfers/${transferId}/decision`, { version: 1, accept: true });
    expect(accepted.status).toBe(200);
    const due = await (as.hos as Client).get(`/api/children/${ids.childA}/due`);
    expect(due.body.status.team).toBe('Children in need 2');
    expect(due.body.status.socialWorker).toBeNull();
    expect(due.body.transfer.status).toBe('accepted');
    const open = await server.store.db
      .selectFrom('obligation')
      .select(['rule_id', 'responsible_team_id', 'responsible_worker_id'])
      .where('child_id', '=', ids.childA)
      .where('met_on', 'is', null)
      .where('ended_on', 'is', null)
      .execute();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((o) => o.responsible_team_id === ids.teamB)).toBe(true);
    expect((await section('tmb', 'to-allocate')).items.map((i) => i.childId)).toContain(ids.childA);
    // A second answer is refused.
    expect((await (as.tmb as Client).post(`/api/transfers/${transferId}/decision`, { version: 2, accept: true })).status).toBe(409);
  });
});

describe('IROs', () => {
  it('only an IRO manager or the head of service allocates an IRO, from the IROs', async () => {
    expect((await (as.tm as Client).post(`/api/children/${ids.childB}/iro`, { workerId: ids.iro, startDate: today })).status).toBe(403);
    expect((await (as.tm as Client).post(`/api/children/${ids.childB}/allocations`, { workerId: ids.iro, role: 'iro', startDate: today })).status).toBe(403);
    const offered = await (as.irom as Client).get(`/api/children/${ids.childB}/allocatable?role=iro`);
    expect(offered.body.workers.map((w: { name: string }) => w.name)).toEqual(['Ira Tester']);
    expect((await (as.tm as Client).get(`/api/children/${ids.childB}/allocatable?role=iro`)).body.workers).toEqual([]);
    const res = await (as.irom as Client).post(`/api/children/${ids.childB}/iro`, { workerId: ids.iro, startDate: today });
    expect(res.status).toBe(201);
    const due = await (as.hos as Client).get(`/api/children/${ids.childB}/due`);
    expect(due.body.status.iro).toBe('Ira Tester');
  });

  it('the IRO manager’s landing page lists children looked after or on a plan without an IRO', async () => {
    const page = await (as.irom as Client).get('/api/work');
    expect(page.body.kind).toBe('iro-manager');
    expect(page.body.sections.map((s: { id: string }) => s.id)).toContain('without-iro');
  });
});

describe('paging', () => {
  it('a list answers its total and the page asked for, never a silent cut', async () => {
    const first = await (as.hos as Client).get('/api/work?section=overdue-by-team&page=1&pageSize=1');
    const s = first.body.sections[0];
    expect(s.pageSize).toBe(1);
    expect(s.items.length).toBe(Math.min(1, s.total));
    expect((await (as.hos as Client).get('/api/work?section=no-such-list')).status).toBe(404);
  });

  it('a page past the end of each kind of list still answers the list’s total, with no item', async () => {
    // A grouped list counts its groups by a statement of its own there (sections.ts grouped).
    for (const [who, id] of [
      ['tm', 'team-overdue'],
      ['sw', 'overdue'],
      ['fd', 'contacts'],
      ['hos', 'overdue-by-team'],
    ] as const) {
      const first = await section(who, id);
      const past = await section(who, id, 1000);
      expect(past.total, `${who} ${id}`).toBe(first.total);
      expect(past.items).toEqual([]);
    }
  });
});
