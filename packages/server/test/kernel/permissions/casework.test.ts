import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { client, signInAs } from '../../helpers/server.ts';
import { as, eachRoleGets, ids, type roles, server, status, usePermissionsCouncil } from './council.ts';

// A child's record, subject access and administration: who reads, changes, allocates and manages users.
usePermissionsCouncil();

describe('reading a child', () => {
  eachRoleGets(
    '%s reading a child held by a social worker in team A gets %i',
    { sw: 200, sw2: 200, tm: 200, iro: 200, hos: 200, analyst: 200, admin: 403, partner: 404 },
    (who) => status(who, 'get', `/api/children/${ids.childA}`),
  );

  it('an IRO cannot open a child they are not the IRO for, and is told it is not found', async () => {
    expect(await status('iro', 'get', `/api/children/${ids.childB}`)).toBe(404);
  });

  eachRoleGets(
    'a restricted child is open only to those holding it and senior leaders: %s gets %i',
    { sw: 404, sw2: 200, tm: 404, hos: 200, analyst: 404, iro: 404, partner: 404 },
    (who) => status(who, 'get', `/api/children/${ids.childRestricted}`),
  );

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

describe('subject access requests', () => {
  eachRoleGets(
    '%s listing a child’s subject access requests gets %i',
    { sw: 403, tm: 403, iro: 403, irom: 403, hos: 200, analyst: 403, admin: 403, partner: 404, legal: 403 },
    (who) => status(who, 'get', `/api/children/${ids.childA}/subject-access-requests`),
  );
  eachRoleGets('%s recording a subject access request gets %i', { sw: 403, tm: 403, iro: 403, analyst: 403, admin: 403, partner: 404, legal: 403 }, (who) =>
    status(who, 'post', `/api/children/${ids.childA}/subject-access-requests`, {
      requesterName: 'Poppy Lambert',
      requesterRelationship: 'self',
      identitySeen: 'Passport',
      receivedOn: '2026-01-05',
    }),
  );
});

describe('changing a child’s details', () => {
  const rename = async (who: (typeof roles)[number], childId: string) => {
    const c = as[who] as ReturnType<typeof client>;
    const reader = (await (as.hos as ReturnType<typeof client>).get(`/api/children/${childId}`)).body;
    return (await c.patch(`/api/children/${childId}`, { version: reader.child.version, otherNames: `changed by ${who}` })).status;
  };

  eachRoleGets('%s changing a child held in team A gets %i', { sw: 200, tm: 200, sw2: 403, iro: 403, hos: 403, analyst: 403, admin: 403 }, (who) =>
    rename(who, ids.childA),
  );

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
    const note = { occurredOn: '2026-01-05', category: 'meeting', summary: 'Spoke with Poppy before her review.' };
    expect(await status('iro', 'post', `/api/children/${ids.childA}/chronology`, note)).toBe(201);
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
  eachRoleGets('%s listing users gets %i', { admin: 200, hos: 403, sw: 403, analyst: 403 }, (who) => status(who, 'get', '/api/users'));

  eachRoleGets('%s reading the audit trail gets %i', { admin: 200, hos: 200, sw: 403, tm: 403, iro: 403, analyst: 403 }, (who) =>
    status(who, 'get', '/api/audit'),
  );

  eachRoleGets(
    '%s listing the requests awaiting approval (access:approve) gets %i',
    { hos: 200, admin: 403, tm: 403, sw: 403, iro: 403, irom: 403, analyst: 403, partner: 404 },
    (who) => status(who, 'get', '/api/access-requests'),
  );

  // The head of service may decide: this request does not exist.
  eachRoleGets('%s deciding a request (access:approve) gets %i', { admin: 403, tm: 403, analyst: 403, partner: 404, hos: 404 }, (who) =>
    status(who, 'post', `/api/access-requests/${randomUUID()}/decision`, { decision: 'approve', fromVersion: 1 }),
  );

  it.each(['hos', 'sw', 'tm', 'analyst'] as const)('%s cannot disable, enable, reset, unlock or change a user (user:manage)', async (who) => {
    const target = randomUUID();
    for (const path of ['disable', 'enable', 'unlock']) expect(await status(who, 'post', `/api/users/${target}/${path}`, {})).toBe(403);
    expect(await status(who, 'post', `/api/users/${target}/password-reset`, { temporaryPassword: 'temporary pelican forest' })).toBe(403);
    expect(await status(who, 'patch', `/api/users/${target}`, { role: 'social-worker' })).toBe(403);
  });

  it('only an administrator adds users, and a short password is refused by name', async () => {
    const newUser = (password: string) => ({ username: 'new.user', displayName: 'New User', role: 'social-worker', password });
    expect(await status('hos', 'post', '/api/users', newUser('a long enough password'))).toBe(403);
    const short = await (as.admin as ReturnType<typeof client>).post('/api/users', newUser('short'));
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(await status('admin', 'post', '/api/users', newUser('a long enough password'))).toBe(201);
    await signInAs(server, 'new.user', 'a long enough password');
  });
});
