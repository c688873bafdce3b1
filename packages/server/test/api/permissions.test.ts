import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

// Each role reaches only what it should: role × relationship to the child × sensitivity.
let server: TestServer;
let ids: Awaited<ReturnType<typeof buildFixture>>;
const as: Record<string, ReturnType<typeof client>> = {};
const roles = ['sw', 'sw2', 'tm', 'iro', 'hos', 'analyst', 'admin'] as const;

beforeAll(async () => {
  server = await startTestServer();
  ids = await buildFixture(server.store.db);
  for (const r of roles) as[r] = client(server, await signInAs(server, r, FIXTURE_PASSWORD));
});
afterAll(() => server?.close());

const status = async (who: (typeof roles)[number], method: 'get' | 'patch' | 'post', path: string, body?: unknown) => {
  const c = as[who] as ReturnType<typeof client>;
  const res = method === 'get' ? await c.get(path) : method === 'patch' ? await c.patch(path, body) : await c.post(path, body);
  return res.status;
};

describe('reading a child', () => {
  it.each([
    ['sw', 200],
    ['sw2', 200],
    ['tm', 200],
    ['iro', 200],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 403],
  ] as const)('%s reading a child held by a social worker in team A gets %i', async (who, expected) => {
    expect(await status(who, 'get', `/api/children/${ids.childA}`)).toBe(expected);
  });

  it('an IRO cannot open a child they are not the IRO for, and is told it is not found', async () => {
    expect(await status('iro', 'get', `/api/children/${ids.childB}`)).toBe(404);
  });

  it.each([
    ['sw', 404],
    ['sw2', 200],
    ['tm', 404],
    ['hos', 200],
    ['analyst', 404],
    ['iro', 404],
  ] as const)('a restricted child is open only to those holding it and senior leaders: %s gets %i', async (who, expected) => {
    expect(await status(who, 'get', `/api/children/${ids.childRestricted}`)).toBe(expected);
  });

  it('search shows only children the user may see', async () => {
    const bySw = await (as.sw as ReturnType<typeof client>).get('/api/children?q=Pryce');
    expect(bySw.body.results).toEqual([]);
    const bySw2 = await (as.sw2 as ReturnType<typeof client>).get('/api/children?q=Pryce');
    expect(bySw2.body.results.map((r: { laChildId: string }) => r.laChildId)).toEqual(['T4']);
    const byIro = await (as.iro as ReturnType<typeof client>).get('/api/children?q=Ferris');
    expect(byIro.body.results).toEqual([]);
    expect(await status('admin', 'get', '/api/children?q=Lambert')).toBe(403);
  });

  it('someone not signed in gets 401 and no data', async () => {
    const anon = client(server);
    const res = await anon.get(`/api/children/${ids.childA}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).not.toContain('Lambert');
  });
});

describe('changing a child’s details', () => {
  const rename = async (who: (typeof roles)[number], childId: string) => {
    const c = as[who] as ReturnType<typeof client>;
    const reader = (await (as.hos as ReturnType<typeof client>).get(`/api/children/${childId}`)).body;
    return (await c.patch(`/api/children/${childId}`, { version: reader.child.version, otherNames: `changed by ${who}` })).status;
  };

  it.each([
    ['sw', 200],
    ['tm', 200],
    ['sw2', 403],
    ['iro', 403],
    ['hos', 403],
    ['analyst', 403],
    ['admin', 403],
  ] as const)('%s changing a child held in team A gets %i', async (who, expected) => {
    expect(await rename(who, ids.childA)).toBe(expected);
  });

  it('any social worker may pick up an unallocated child', async () => {
    expect(await rename('sw2', ids.childUnallocated)).toBe(200);
  });
});

describe('what the child’s page offers each user', () => {
  it.each([
    ['sw', { canUpdate: true, canAddNote: true, canAllocate: false }],
    ['tm', { canUpdate: true, canAddNote: true, canAllocate: true }],
    ['iro', { canUpdate: false, canAddNote: true, canAllocate: false }],
    ['sw2', { canUpdate: false, canAddNote: false, canAllocate: false }],
    ['hos', { canUpdate: false, canAddNote: false, canAllocate: true }],
  ] as const)('%s on a child held in team A', async (who, expected) => {
    const res = await (as[who] as ReturnType<typeof client>).get(`/api/children/${ids.childA}`);
    expect(res.body).toMatchObject(expected);
  });

  it('a team manager is not offered allocation of another team’s child', async () => {
    const res = await (as.tm as ReturnType<typeof client>).get(`/api/children/${ids.childB}`);
    expect(res.body.canAllocate).toBe(false);
  });

  it('an IRO adds a note to a child they review', async () => {
    const res = await (as.iro as ReturnType<typeof client>).post(`/api/children/${ids.childA}/chronology`, {
      occurredOn: '2026-01-05',
      category: 'meeting',
      summary: 'Spoke with Poppy before her review.',
    });
    expect(res.status).toBe(201);
  });
});

describe('allocating workers', () => {
  it('a social worker cannot allocate', async () => {
    expect(await status('sw', 'post', `/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA, startDate: '2026-01-05' })).toBe(403);
  });

  it('a team manager allocates from their own team only', async () => {
    expect(await status('tm', 'post', `/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swB, startDate: '2026-01-05' })).toBe(403);
    expect(await status('tm', 'post', `/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA2, startDate: '2026-01-05' })).toBe(201);
  });

  it('a head of service allocates across teams', async () => {
    expect(
      await status('hos', 'post', `/api/children/${ids.childB}/allocations`, { workerId: ids.swA2, startDate: '2026-02-02', reason: 'Team transfer' }),
    ).toBe(201);
  });
});

describe('administration', () => {
  it.each([
    ['admin', 200],
    ['hos', 403],
    ['sw', 403],
    ['analyst', 403],
  ] as const)('%s listing users gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/users')).toBe(expected);
  });

  it.each([
    ['admin', 200],
    ['hos', 200],
    ['sw', 403],
    ['tm', 403],
    ['iro', 403],
    ['analyst', 403],
  ] as const)('%s reading the audit trail gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/audit')).toBe(expected);
  });

  it('only an administrator adds users, and a short password is refused by name', async () => {
    expect(
      await status('hos', 'post', '/api/users', { username: 'new.user', displayName: 'New User', role: 'social-worker', password: 'a long enough password' }),
    ).toBe(403);
    const short = await (as.admin as ReturnType<typeof client>).post('/api/users', {
      username: 'new.user',
      displayName: 'New User',
      role: 'social-worker',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(
      await status('admin', 'post', '/api/users', { username: 'new.user', displayName: 'New User', role: 'social-worker', password: 'a long enough password' }),
    ).toBe(201);
    await signInAs(server, 'new.user', 'a long enough password');
  });
});

describe('performance and the improvement plan', () => {
  it.each([
    ['sw', 403],
    ['sw2', 403],
    ['tm', 200],
    ['iro', 403],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 200],
  ] as const)('%s reading indicators gets %i (a team manager their own team’s)', async (who, expected) => {
    expect(await status(who, 'get', '/api/kpi/referrals?asOf=2026-03-31&trendMonths=1')).toBe(expected);
  });

  it.each([
    ['tm', 403],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 403],
  ] as const)('%s asking for the children behind a council number gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/kpi/referrals/children?asOf=2026-03-31&scope=council')).toBe(expected);
  });

  it('a team manager sees the children behind their own team’s number, and only those', async () => {
    const res = await (as.tm as ReturnType<typeof client>).get(`/api/kpi/caseload-average/children?scope=team&scopeId=${ids.teamA}`);
    expect(res.status).toBe(200);
    expect((await (as.tm as ReturnType<typeof client>).get(`/api/kpi/referrals/children?scope=team&scopeId=${ids.teamB}`)).status).toBe(403);
  });

  it.each([
    ['sw', 403],
    ['tm', 403],
    ['iro', 403],
    ['hos', 201],
    ['analyst', 201],
    ['admin', 403],
  ] as const)('%s freezing a closed month gets %i', async (who, expected) => {
    expect(await status(who, 'post', '/api/kpi/snapshots', { periodEnd: '2026-01-31' })).toBe(expected);
  });

  it.each([
    ['sw', 403],
    ['tm', 200],
    ['iro', 403],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 200],
  ] as const)('%s reading the improvement plan gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/improvement')).toBe(expected);
  });

  it.each([
    ['sw', 403],
    ['tm', 403],
    ['iro', 403],
    ['analyst', 403],
    ['admin', 403],
    ['hos', 201],
  ] as const)('%s recording an inspection gets %i', async (who, expected) => {
    expect(
      await status(who, 'post', '/api/improvement/inspections', { kind: 'focused-visit', framework: 'ILACS', startedOn: '2025-10-06', findings: 'Found.' }),
    ).toBe(expected);
  });
});
