/**
 * Separation of duties and the administrator's accounts: a role that reaches restricted records,
 * or a login bound to a worker, takes an administrator's request and a head of service's approval;
 * no one changes their own role; disabling, enabling and resetting a password; a changed role or a
 * disabled account ends the user's sessions. Runs on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let ids: FixtureIds;
let admin: Client;
let hos: Client;
const PASSWORD = 'marble kettle orchard';

const signIn = (username: string, password: string, extra: Record<string, unknown> = {}) =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...extra }),
  });
const userId = async (username: string) =>
  (await server.store.db.selectFrom('app_user').select('user_id').where('username', '=', username).executeTakeFirstOrThrow()).user_id;
const pending = async () =>
  (await hos.get('/api/access-requests')).body.requests as { requestId: string; username: string; role: string; workerId: string | null; version: number }[];
const trail = async () =>
  (await admin.get('/api/audit?limit=1000')).body.events as { action: string; recordType: string; recordId: string; username: string }[];

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [admin, hos] = await signedIn(server, 'admin', 'hos');
});
afterAll(() => server?.close());

describe('an administrator alone cannot reach restricted children', () => {
  it('a new head-of-service login cannot sign in, let alone read a restricted child, until the head of service approves it', async () => {
    const made = await admin.post('/api/users', { username: 'new.hos', displayName: 'New Director', role: 'head-of-service', password: PASSWORD });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ awaitingApproval: true, requestId: expect.any(String) });
    const refused = await signIn('new.hos', PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();

    // The administrator cannot approve their own request, nor can anyone but a head of service.
    const request = (await pending()).find((r) => r.username === 'new.hos');
    expect(request).toMatchObject({ role: 'head-of-service' });
    const decide = (c: ReturnType<typeof client>) =>
      c.post(`/api/access-requests/${request?.requestId}/decision`, { decision: 'approve', fromVersion: request?.version });
    expect((await decide(admin)).status).toBe(403);
    expect((await decide(client(server, await signInAs(server, 'tm', FIXTURE_PASSWORD)))).status).toBe(403);

    expect((await decide(hos)).body).toEqual({ status: 'approved' });
    expect((await decide(hos)).status).toBe(409);
    const newHos = client(server, await signInAs(server, 'new.hos', PASSWORD));
    expect((await newHos.get(`/api/children/${ids.childRestricted}`)).status).toBe(200);

    // Both people are in the trail: the administrator's request, the head of service's approval.
    const rows = await trail();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', recordType: 'access-request', recordId: request?.requestId, username: 'admin' }),
        expect.objectContaining({ action: 'update', recordType: 'access-request', recordId: request?.requestId, username: 'hos' }),
      ]),
    );
  });

  it('the request is on the landing pages: first for the head of service to decide, and on the administrator’s list until decided', async () => {
    await admin.post('/api/users', { username: 'waiting.hos', displayName: 'Waiting Director', role: 'head-of-service', password: PASSWORD });
    const section = async (c: ReturnType<typeof client>, id: string) =>
      ((await c.get('/api/work')).body.sections as { id: string; total: number; items: { what: string; href: string }[] }[]).find((s) => s.id === id);
    const hosFirst = ((await hos.get('/api/work')).body.sections as { id: string }[])[0];
    expect(hosFirst?.id).toBe('access-requests');
    const toDecide = await section(hos, 'access-requests');
    expect(toDecide?.items).toEqual([expect.objectContaining({ what: 'A new account for Waiting Director (waiting.hos)', href: '/access-requests' })]);
    expect((await section(admin, 'accounts-awaiting-approval'))?.items.map((i) => i.what)).toEqual(['A new account for Waiting Director (waiting.hos)']);
    const request = (await pending()).find((r) => r.username === 'waiting.hos');
    await hos.post(`/api/access-requests/${request?.requestId}/decision`, { decision: 'refuse', fromVersion: request?.version });
    expect((await section(hos, 'access-requests'))?.total).toBe(0);
    expect((await section(admin, 'accounts-awaiting-approval'))?.total).toBe(0);
  });

  it('refused, the login stays unable to sign in', async () => {
    await admin.post('/api/users', { username: 'hopeful.hos', displayName: 'Hopeful', role: 'head-of-service', password: PASSWORD });
    const request = (await pending()).find((r) => r.username === 'hopeful.hos');
    expect((await hos.post(`/api/access-requests/${request?.requestId}/decision`, { decision: 'refuse', fromVersion: 1 })).body).toEqual({ status: 'refused' });
    expect((await signIn('hopeful.hos', PASSWORD)).status).toBe(403);
  });

  it('promoting an existing user to head of service waits for approval; their role meanwhile is unchanged', async () => {
    const res = await admin.patch(`/api/users/${await userId('analyst')}`, { role: 'head-of-service' });
    expect(res.body).toMatchObject({ awaitingApproval: true });
    const analyst = client(server, await signInAs(server, 'analyst', FIXTURE_PASSWORD));
    expect((await analyst.get('/api/session')).body.user.role).toBe('performance-analyst');
    expect((await analyst.get(`/api/children/${ids.childRestricted}`)).status).toBe(404);
  });
});

describe('an administrator alone cannot bind a login to another worker', () => {
  it('a new login for Bea’s worker record cannot sign in nor write as her until approved', async () => {
    const made = await admin.post('/api/users', {
      username: 'bea.again',
      displayName: 'Bea Again',
      role: 'social-worker',
      workerId: ids.swB,
      password: PASSWORD,
    });
    expect(made.body).toMatchObject({ awaitingApproval: true });
    expect((await signIn('bea.again', PASSWORD)).status).toBe(403);
    const row = await server.store.db
      .selectFrom('app_user')
      .select(['worker_id', 'awaiting_approval'])
      .where('username', '=', 'bea.again')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ worker_id: null, awaiting_approval: true });
  });

  it('re-binding an existing login to Bea leaves it on its own worker: it still cannot write on Bea’s child', async () => {
    const res = await admin.patch(`/api/users/${await userId('sw')}`, { workerId: ids.swB });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ awaitingApproval: true });
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    expect((await sw.get('/api/session')).body.user.workerId).toBe(ids.swA);
    const note = { occurredOn: '2026-01-05', category: 'visit', summary: 'Written as Bea?' };
    expect((await sw.post(`/api/children/${ids.childB}/chronology`, note)).status).toBe(403);
    expect((await sw.get(`/api/children/${ids.childRestricted}`)).status).toBe(404);
  });

  it('binding a brand-new worker with no cases yet is the same rule: approval first', async () => {
    const worker = (
      await admin.post('/api/workers', {
        givenName: 'Nina',
        familyName: 'Starter',
        jobRole: 'social-worker',
        employment: 'permanent',
        teamId: ids.teamA,
        startDate: '2026-01-05',
      })
    ).body.workerId as string;
    const made = await admin.post('/api/users', { username: 'nina', displayName: 'Nina Starter', role: 'social-worker', workerId: worker, password: PASSWORD });
    const request = (await pending()).find((r) => r.username === 'nina');
    expect(request).toMatchObject({ workerId: worker });
    expect((await hos.post(`/api/access-requests/${request?.requestId}/decision`, { decision: 'approve', fromVersion: 1 })).status).toBe(200);
    const nina = client(server, await signInAs(server, 'nina', PASSWORD));
    expect((await nina.get('/api/session')).body.user).toMatchObject({ userId: made.body.userId, workerId: worker, teamId: ids.teamA });
  });
});

describe('roles and accounts', () => {
  it('no one changes their own role, worker or account', async () => {
    const me = await userId('admin');
    expect((await admin.patch(`/api/users/${me}`, { role: 'head-of-service' })).status).toBe(403);
    expect((await admin.patch(`/api/users/${me}`, { workerId: ids.swA })).status).toBe(403);
    expect((await admin.post(`/api/users/${me}/disable`, {})).status).toBe(403);
  });

  it.each([
    ['hos', 'patch', '/api/users/{id}', { role: 'team-manager' }],
    ['hos', 'post', '/api/users/{id}/disable', {}],
    ['sw', 'post', '/api/users/{id}/password-reset', { temporaryPassword: PASSWORD }],
    ['admin', 'get', '/api/access-requests', undefined],
    ['sw', 'get', '/api/access-requests', undefined],
  ] as const)('%s: %s %s is refused', async (who, method, path, body) => {
    const c = client(server, await signInAs(server, who, FIXTURE_PASSWORD));
    const url = path.replace('{id}', await userId('iro'));
    const res = method === 'get' ? await c.get(url) : method === 'patch' ? await c.patch(url, body) : await c.post(url, body);
    expect(res.status).toBe(403);
  });

  it('a role change that reaches no restricted record applies at once and ends the user’s sessions', async () => {
    const before = client(server, await signInAs(server, 'iro', FIXTURE_PASSWORD));
    const res = await admin.patch(`/api/users/${await userId('iro')}`, { role: 'iro-manager' });
    expect(res.body).toEqual({ requestId: null, awaitingApproval: false });
    expect((await before.get('/api/session')).status).toBe(401);
    const after = client(server, await signInAs(server, 'iro', FIXTURE_PASSWORD));
    expect((await after.get('/api/session')).body.user.role).toBe('iro-manager');
  });

  it('disabling ends the sessions and refuses sign-in; enabling lets them back', async () => {
    const id = await userId('sw2');
    const session = client(server, await signInAs(server, 'sw2', FIXTURE_PASSWORD));
    const res = await admin.post(`/api/users/${id}/disable`, {});
    expect(res.body.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await session.get('/api/session')).status).toBe(401);
    expect((await signIn('sw2', FIXTURE_PASSWORD)).status).toBe(401);
    expect((await admin.get('/api/users')).body.users.find((u: { username: string }) => u.username === 'sw2')).toMatchObject({ disabled: true });
    await admin.post(`/api/users/${id}/enable`, {});
    expect((await signIn('sw2', FIXTURE_PASSWORD)).status).toBe(200);
  });

  it('a forced reset: the temporary password signs in only to choose a new one, which must be strong', async () => {
    const id = await userId('tm');
    const session = client(server, await signInAs(server, 'tm', FIXTURE_PASSWORD));
    expect((await admin.post(`/api/users/${id}/password-reset`, { temporaryPassword: 'password1234' })).status).toBe(400);
    expect((await admin.post(`/api/users/${id}/password-reset`, { temporaryPassword: 'temporary pelican forest' })).status).toBe(200);
    expect((await session.get('/api/session')).status).toBe(401);
    expect((await signIn('tm', FIXTURE_PASSWORD)).status).toBe(401);
    const must = await signIn('tm', 'temporary pelican forest');
    expect(must.status).toBe(403);
    expect(((await must.json()) as { errors: { rule: string }[] }).errors[0]?.rule).toBe('password-change-required');
    const change = (newPassword: string) =>
      fetch(`${server.url}/api/session/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tm', password: 'temporary pelican forest', newPassword }),
      });
    expect((await change('123456789012')).status).toBe(400);
    const changed = await change('quiet harbour lamplight');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('set-cookie')).toMatch(/lantern_session=/);
    expect((await signIn('tm', 'quiet harbour lamplight')).status).toBe(200);
  });
});
