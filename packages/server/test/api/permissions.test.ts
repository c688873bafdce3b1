import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_QUESTIONS } from '@lantern/core/workforce';
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

describe('workforce and management oversight', () => {
  const answers = DEFAULT_AUDIT_QUESTIONS.map((q) => ({ questionId: q.id, answer: 'yes' }));

  it.each([
    ['sw', 403],
    ['sw2', 403],
    ['iro', 403],
    ['analyst', 403],
    ['admin', 403],
    // A head of service with no worker record of their own cannot be named as supervisor.
    ['hos', 400],
    ['tm', 201],
  ] as const)('%s recording supervision of a team A practitioner gets %i', async (who, expected) => {
    expect(await status(who, 'post', '/api/supervisions', { workerId: ids.swA2, heldOn: '2026-01-05' })).toBe(expected);
  });

  it.each([
    ['sw', 403],
    ['sw2', 403],
    ['iro', 403],
    ['analyst', 403],
    ['admin', 403],
    ['tm', 201],
    ['hos', 201],
  ] as const)('%s recording a management decision on a child held in team A gets %i', async (who, expected) => {
    const body = { kind: 'oversight', decidedOn: '2026-01-06', reasons: `Reviewed by ${who}`, evidenceSeen: 'Case file' };
    expect(await status(who, 'post', `/api/children/${ids.childA}/decisions`, body)).toBe(expected);
  });

  it.each([
    ['sw', 403],
    ['sw2', 403],
    ['iro', 403],
    ['analyst', 403],
    ['admin', 403],
    ['tm', 201],
    ['hos', 201],
  ] as const)('%s auditing a case gets %i', async (who, expected) => {
    expect(await status(who, 'post', `/api/children/${ids.childA}/case-audits`, { auditedOn: '2026-01-07', grade: 'good', summary: who, answers })).toBe(
      expected,
    );
  });

  it.each([
    ['sw', 403],
    ['sw2', 403],
    ['iro', 403],
    ['tm', 200],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 200],
  ] as const)('%s reading churn and team turnover gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/workforce/churn')).toBe(expected);
    expect(await status(who, 'get', '/api/workforce/team-stats')).toBe(expected);
  });

  it('an administrator reads churn without any child’s name', async () => {
    const res = await (as.admin as ReturnType<typeof client>).get('/api/workforce/churn');
    expect(res.body.children).toEqual([]);
  });

  it.each([
    ['sw', 'swA2', 403],
    ['iro', 'swA2', 403],
    ['analyst', 'swA2', 403],
    ['tm', 'swB', 403],
    ['tm', 'swA2', 201],
    ['hos', 'swB', 201],
    ['admin', 'iro', 201],
  ] as const)('%s starting the induction of %s gets %i', async (who, worker, expected) => {
    expect(await status(who, 'post', `/api/workers/${ids[worker]}/induction`, {})).toBe(expected);
  });

  it.each([
    ['sw', 200],
    ['tm', 200],
    ['hos', 200],
    ['analyst', 200],
    ['iro', 200],
  ] as const)('%s reading their supervision and induction worklist gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/worklist/workers?view=mine')).toBe(expected);
  });

  it('the administrator has no worklist; a social worker reads only their own supervision', async () => {
    expect(await status('admin', 'get', '/api/worklist/workers')).toBe(403);
    expect(await status('sw', 'get', `/api/workers/${ids.swA}/supervisions`)).toBe(200);
    expect(await status('sw', 'get', `/api/workers/${ids.swA2}/supervisions`)).toBe(403);
    expect(await status('tm', 'get', `/api/workers/${ids.swA2}/supervisions`)).toBe(200);
    expect(await status('tm', 'get', `/api/workers/${ids.swB}/supervisions`)).toBe(403);
  });
});
