import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/kernel/auth/passwords.ts';
import { buildFixture, FIXTURE_PASSWORD, LA } from '../helpers/fixture.ts';
import { client, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';
import { DEFAULT_AUDIT_QUESTIONS } from '@lantern/core/workforce';

// Each role reaches only what it should: role × relationship to the child × sensitivity.
let server: TestServer;
let ids: Awaited<ReturnType<typeof buildFixture>>;
const as: Record<string, ReturnType<typeof client>> = {};
const roles = ['sw', 'sw2', 'tm', 'iro', 'irom', 'hos', 'analyst', 'admin', 'partner', 'legal', 'ssw', 'ftm'] as const;
const partner = { org: randomUUID(), otherOrg: randomUUID(), openA: randomUUID() };

/**
 * A housing partner with a user ('partner'), and requests to it: open about childA; answered
 * about childB; withdrawn about childUnallocated; open about childRestricted (written straight
 * to the database, since Lantern refuses to send one). Another agency has an open one about childB.
 */
async function addPartnerFixture(db: TestServer['store']['db'], children: Awaited<ReturnType<typeof buildFixture>>) {
  await db
    .insertInto('partner_organisation')
    .values([
      { la_code: LA, organisation_id: partner.org, name: 'Wye Valley Homes', partner_type: 'housing' },
      { la_code: LA, organisation_id: partner.otherOrg, name: 'West Mercia Police', partner_type: 'police' },
    ])
    .execute();
  await db
    .insertInto('app_user')
    .values({
      la_code: LA,
      user_id: randomUUID(),
      username: 'partner',
      display_name: 'Housing officer (test)',
      role: 'partner',
      worker_id: null,
      partner_organisation_id: partner.org,
      password_hash: await hashPassword(FIXTURE_PASSWORD),
    })
    .execute();
  const request = (
    child_id: string,
    organisation_id: string,
    closed: Partial<{ answered_on: string; answer: string; withdrawn_on: string; withdrawn_reason: string }> = {},
    request_id = randomUUID(),
  ) => ({
    la_code: LA,
    request_id,
    child_id,
    organisation_id,
    request_type: 'housing-assessment',
    asked: 'Assess for a move',
    need_to_know: 'Overcrowded',
    sent_on: '2026-11-02',
    respond_by: '2026-11-16',
    requested_by: randomUUID(),
    ...closed,
  });
  await db
    .insertInto('partner_request')
    .values([
      request(children.childA, partner.org, {}, partner.openA),
      request(children.childB, partner.org, { answered_on: '2026-11-05', answer: 'Done' }),
      request(children.childUnallocated, partner.org, { withdrawn_on: '2026-11-04', withdrawn_reason: 'Moved away' }),
      request(children.childRestricted, partner.org),
      request(children.childB, partner.otherOrg),
    ])
    .execute();
}

beforeAll(async () => {
  server = await startTestServer();
  ids = await buildFixture(server.store.db);
  await addPartnerFixture(server.store.db, ids);
  // The IRO manager (a role of its own): allocates IROs.
  await server.store.db
    .insertInto('app_user')
    .values({
      la_code: LA,
      user_id: randomUUID(),
      username: 'irom',
      display_name: 'IRO manager (test)',
      role: 'iro-manager',
      worker_id: null,
      password_hash: await hashPassword(FIXTURE_PASSWORD),
    })
    .execute();
  // The council's legal adviser: reads and records legal steps only.
  await server.store.db
    .insertInto('app_user')
    .values({
      la_code: LA,
      user_id: randomUUID(),
      username: 'legal',
      display_name: 'Legal adviser (test)',
      role: 'legal-adviser',
      worker_id: null,
      password_hash: await hashPassword(FIXTURE_PASSWORD),
    })
    .execute();
  // The fostering service: a supervising social worker and the fostering team manager.
  for (const [username, role] of [
    ['ssw', 'supervising-social-worker'],
    ['ftm', 'fostering-team-manager'],
  ] as const)
    await server.store.db
      .insertInto('app_user')
      .values({
        la_code: LA,
        user_id: randomUUID(),
        username,
        display_name: username,
        role,
        worker_id: null,
        password_hash: await hashPassword(FIXTURE_PASSWORD),
      })
      .execute();
  for (const r of roles) as[r] = client(server, await signInAs(server, r, FIXTURE_PASSWORD));
});
afterAll(() => server?.close());

const status = async (who: (typeof roles)[number], method: 'get' | 'patch' | 'post', path: string, body?: unknown) => {
  const c = as[who] as ReturnType<typeof client>;
  const res = method === 'get' ? await c.get(path) : method === 'patch' ? await c.patch(path, body) : await c.post(path, body);
  return res.status;
};

/**
 * One request made as each role in the table; each gets the status shown. The title names the
 * request as the table's rows are read: "%s listing users gets %i".
 */
function eachRoleGets(title: string, expected: Partial<Record<(typeof roles)[number], number>>, request: (who: (typeof roles)[number]) => Promise<number>) {
  const rows = Object.entries(expected) as [(typeof roles)[number], number][];
  it.each(rows)(title, async (who, status) => {
    expect(await request(who)).toBe(status);
  });
}

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
  eachRoleGets('%s listing users gets %i', { admin: 200, hos: 403, sw: 403, analyst: 403 }, (who) => status(who, 'get', '/api/users'));

  eachRoleGets('%s reading the audit trail gets %i', { admin: 200, hos: 200, sw: 403, tm: 403, iro: 403, analyst: 403 }, (who) =>
    status(who, 'get', '/api/audit'),
  );

  it.each([
    ['hos', 200],
    ['admin', 403],
    ['tm', 403],
    ['sw', 403],
    ['iro', 403],
    ['irom', 403],
    ['analyst', 403],
    ['partner', 404],
  ] as const)('%s listing the requests awaiting approval (access:approve) gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/access-requests')).toBe(expected);
  });

  it.each([
    ['admin', 403],
    ['tm', 403],
    ['analyst', 403],
    ['partner', 404],
    // The head of service may decide: this request does not exist.
    ['hos', 404],
  ] as const)('%s deciding a request (access:approve) gets %i', async (who, expected) => {
    expect(await status(who, 'post', `/api/access-requests/${randomUUID()}/decision`, { decision: 'approve', fromVersion: 1 })).toBe(expected);
  });

  it.each(['hos', 'sw', 'tm', 'analyst'] as const)('%s cannot disable, enable, reset, unlock or change a user (user:manage)', async (who) => {
    const target = randomUUID();
    for (const path of ['disable', 'enable', 'unlock']) expect(await status(who, 'post', `/api/users/${target}/${path}`, {})).toBe(403);
    expect(await status(who, 'post', `/api/users/${target}/password-reset`, { temporaryPassword: 'temporary pelican forest' })).toBe(403);
    expect(await status(who, 'patch', `/api/users/${target}`, { role: 'social-worker' })).toBe(403);
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

describe('a partner agency’s user', () => {
  const children = () => ({
    childA: ids.childA,
    childB: ids.childB,
    childUnallocated: ids.childUnallocated,
    childRestricted: ids.childRestricted,
    unknown: randomUUID(),
  });
  const names = ['Lambert', 'Ferris', 'Goodwin', 'Pryce', 'Poppy', 'Karen'];
  const call = async (method: string, path: string) => {
    const c = as.partner as ReturnType<typeof client>;
    if (method === 'get') return c.get(path);
    if (method === 'delete') return c.delete(path);
    return (c as unknown as Record<string, (p: string, b: unknown) => Promise<{ status: number; body: unknown }>>)[method]?.(path, {}) as Promise<{
      status: number;
      body: unknown;
    }>;
  };
  let paths: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    paths = (await client(server).get('/api/openapi.json')).body.paths;
  });

  it('gets 404 from every route that takes a child id, for every child, with or without an open request, whatever is sent', async () => {
    const childRoutes = Object.entries(paths).filter(([p]) => p.includes('{childId}'));
    expect(childRoutes.length).toBeGreaterThan(25);
    const seen: string[] = [];
    for (const [template, methods] of childRoutes) {
      for (const method of Object.keys(methods)) {
        for (const [label, childId] of Object.entries(children())) {
          const path = template.replace('{childId}', childId).replace(/\{[a-zA-Z]+\}/g, () => randomUUID());
          const res = await call(method, path);
          seen.push(`${method} ${template} ${label} → ${res.status}`);
          expect(res.status, `${method} ${template} for ${label}`).toBe(404);
          for (const n of names) expect(JSON.stringify(res.body)).not.toContain(n);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(100);
  });

  it('gets 404 from every other council route: search, worklists, the register, the audit trail, users, teams, settings', async () => {
    // Their own: the requests to them, their landing page (which lists only those requests), and
    // signing in and out (their own sessions and password).
    const own = (p: string) =>
      p.startsWith('/api/partner/') ||
      p.startsWith('/api/session') ||
      p.startsWith('/api/health') ||
      ['/api/sessions', '/api/timescales', '/api/work'].includes(p);
    const others = Object.entries(paths).filter(([p]) => !p.includes('{childId}') && !own(p));
    expect(others.map(([p]) => p)).toEqual(
      expect.arrayContaining(['/api/children', '/api/worklist', '/api/audit', '/api/users', '/api/partner-organisations', '/api/housing-list']),
    );
    for (const [template, methods] of others) {
      for (const method of Object.keys(methods)) {
        const path = template.replace(/\{[a-zA-Z]+\}/g, () => randomUUID());
        const res = await call(method, method === 'get' && template === '/api/children' ? `${path}?q=Lambert` : path);
        expect(res.status, `${method} ${template}`).toBe(404);
        for (const n of names) expect(JSON.stringify(res.body)).not.toContain(n);
      }
    }
  });

  it('search returns nothing: not a child, not a count', async () => {
    for (const q of ['Lambert', 'Poppy', 'T1', '2015-03-12']) {
      const res = await (as.partner as ReturnType<typeof client>).get(`/api/children?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(404);
      expect(res.body.results).toBeUndefined();
      expect(res.body.total).toBeUndefined();
    }
  });

  it('sees only the open request to their organisation about a child who is not restricted', async () => {
    const inbox = await (as.partner as ReturnType<typeof client>).get('/api/partner/requests');
    expect(inbox.status).toBe(200);
    expect(inbox.body.requests.map((r: { requestId: string; child: { name: string } }) => [r.requestId, r.child.name])).toEqual([
      [partner.openA, 'Poppy Lambert'],
    ]);
    const all = await server.store.db.selectFrom('partner_request').select(['request_id', 'organisation_id']).execute();
    for (const r of all.filter((x) => x.request_id !== partner.openA)) {
      expect((await (as.partner as ReturnType<typeof client>).get(`/api/partner/requests/${r.request_id}`)).status).toBe(404);
    }
  });

  it('cannot sign in as staff nor be made without an organisation', async () => {
    const res = await (as.admin as ReturnType<typeof client>).post('/api/users', {
      username: 'loose.partner',
      displayName: 'No org',
      role: 'partner',
      password: 'a long enough password',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('every role through the partner actions', () => {
  eachRoleGets(
    '%s reading the register of partner agencies gets %i',
    { sw: 200, sw2: 200, tm: 200, iro: 200, hos: 200, analyst: 200, admin: 200, partner: 404 },
    (who) => status(who, 'get', '/api/partner-organisations'),
  );

  eachRoleGets('%s adding a partner agency gets %i', { sw: 403, tm: 403, iro: 403, analyst: 403, hos: 201, admin: 201, partner: 404 }, (who) =>
    status(who, 'post', '/api/partner-organisations', { name: `Agency added by ${who}`, partnerType: 'voluntary' }),
  );

  eachRoleGets('%s giving a partner a sign-in gets %i', { admin: 201, hos: 403, sw: 403, partner: 404 }, (who) =>
    status(who, 'post', `/api/partner-organisations/${partner.org}/users`, {
      username: `p.${who}`,
      displayName: 'P',
      password: 'a long enough password',
    }),
  );

  it.each([
    ['sw', 201],
    ['tm', 201],
    ['iro', 201],
    ['sw2', 403],
    ['hos', 403],
    ['analyst', 403],
    ['admin', 403],
    ['partner', 404],
  ] as const)('%s sending a request about a child held in team A gets %i', async (who, expected) => {
    const body = {
      organisationId: partner.otherOrg,
      requestType: 'assessment-information',
      asked: 'Any call-outs?',
      needToKnow: 'Poppy (11)',
      sentOn: '2026-11-02',
    };
    expect(await status(who, 'post', `/api/children/${ids.childA}/partner-requests`, body)).toBe(expected);
  });

  eachRoleGets(
    '%s reading the partner work on a child held in team A gets %i',
    { sw: 200, sw2: 200, tm: 200, iro: 200, hos: 200, analyst: 200, admin: 403, partner: 404 },
    (who) => status(who, 'get', `/api/children/${ids.childA}/partner-work`),
  );

  it.each([
    ['hos', 200],
    ['analyst', 200],
    ['sw', 403],
    ['tm', 403],
    ['iro', 403],
    ['admin', 403],
    ['partner', 404],
  ] as const)('%s reading the housing list and the partner indicators gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/housing-list')).toBe(expected);
    expect(await status(who, 'get', '/api/partner-indicators')).toBe(expected);
  });

  eachRoleGets(
    '%s opening the partner’s own list of requests gets %i',
    { partner: 200, sw: 403, tm: 403, iro: 403, hos: 403, analyst: 403, admin: 403 },
    (who) => status(who, 'get', '/api/partner/requests'),
  );

  eachRoleGets('%s answering the open request to the housing partner gets %i', { sw: 403, hos: 403, partner: 200 }, (who) =>
    status(who, 'post', `/api/partner/requests/${partner.openA}/answer`, { version: 1, answeredOn: '2026-11-10', answer: `Answered by ${who}` }),
  );
});

describe('looked-after actions', () => {
  let providerId: string;

  eachRoleGets('%s reading the providers register gets %i', { sw: 200, tm: 200, iro: 200, hos: 200, analyst: 200, admin: 200 }, (who) =>
    status(who, 'get', '/api/providers'),
  );

  it.each([
    ['sw', 403],
    ['sw2', 403],
    ['iro', 403],
    ['analyst', 403],
    ['tm', 201],
    ['hos', 201],
    ['admin', 201],
  ] as const)('%s adding a provider gets %i', async (who, expected) => {
    const c = as[who] as ReturnType<typeof client>;
    const res = await c.post('/api/providers', { name: `Home added by ${who}`, providerKind: 'childrens-home', registrationStatus: 'unregistered' });
    expect(res.status).toBe(expected);
    if (res.status === 201) providerId = res.body.providerId;
  });

  eachRoleGets(
    '%s recording the director’s approval of an unregistered placement gets %i',
    { sw: 403, tm: 403, iro: 403, analyst: 403, admin: 403, hos: 201 },
    (who) =>
      status(who, 'post', `/api/children/${ids.childA}/unregistered-approvals`, {
        providerId,
        placementType: 'K2',
        approvedOn: '2026-01-05',
        reasons: 'No registered home available tonight.',
      }),
  );

  it.each([
    ['sw', 403],
    ['iro', 403],
    ['admin', 403],
    ['tm', 200],
    ['hos', 200],
    ['analyst', 200],
  ] as const)('%s opening the unregistered-placements and missing-children lists gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/looked-after/unregistered-placements')).toBe(expected);
    expect(await status(who, 'get', '/api/looked-after/missing')).toBe(expected);
  });

  eachRoleGets(
    '%s recording a missing episode for a child held in team A gets %i',
    { sw: 201, tm: 201, iro: 201, sw2: 403, hos: 403, analyst: 403, admin: 403 },
    (who) =>
      status(who, 'post', `/api/children/${ids.childA}/missing-episodes`, {
        kind: 'A',
        startedAt: '2026-01-05T20:00:00Z',
        endedAt: '2026-01-05T23:00:00Z',
      }),
  );

  it('an IRO reads the looked-after record only of a child they review', async () => {
    expect(await status('iro', 'get', `/api/children/${ids.childA}/looked-after`)).toBe(200);
    expect(await status('iro', 'get', `/api/children/${ids.childB}/looked-after`)).toBe(404);
  });
});

describe('permanence, adoption, UASC, health and care leavers', () => {
  const c = (who: (typeof roles)[number]) => as[who] as ReturnType<typeof client>;

  it.each([
    ['sw', 200, false, true, true],
    ['sw2', 200, true, false, false],
    ['tm', 200, false, true, true],
    ['iro', 200, false, true, false],
    ['hos', 200, false, false, false],
    ['analyst', 200, true, false, false],
    ['admin', 403, null, null, null],
  ] as const)(
    '%s opening the looked-after page of a child held in team A gets %i (adoption hidden: %s, may record: %s, adoption: %s)',
    async (who, code, hidden, canRecord, canRecordAdoption) => {
      const res = await c(who).get(`/api/children/${ids.childA}/looked-after-care`);
      expect(res.status).toBe(code);
      if (code === 200) expect(res.body).toMatchObject({ adoptionHidden: hidden, canRecord, canRecordAdoption });
    },
  );

  it('only the team holding the case records an adoption decision; every other role is refused', async () => {
    expect(await status('sw', 'post', `/api/children/${ids.childA}/adoptions`, { decisionOn: '2026-01-05' })).toBe(201);
    // The team manager may record too: refused only because one decision is already open.
    expect(await status('tm', 'post', `/api/children/${ids.childA}/adoptions`, { decisionOn: '2026-01-06' })).toBe(409);
    for (const who of ['sw2', 'iro', 'hos', 'analyst', 'admin'] as const) {
      expect(await status(who, 'post', `/api/children/${ids.childA}/adoptions`, { decisionOn: '2026-01-06' }), who).toBe(403);
    }
  });

  it('the adoption of a restricted child is open only to the team holding it and the head of service', async () => {
    expect(await status('sw2', 'post', `/api/children/${ids.childRestricted}/adoptions`, { decisionOn: '2026-01-05' })).toBe(201);
    expect((await c('sw2').get(`/api/children/${ids.childRestricted}/looked-after-care`)).body.adoptions).toHaveLength(1);
    expect((await c('hos').get(`/api/children/${ids.childRestricted}/looked-after-care`)).body.adoptions).toHaveLength(1);
    for (const who of ['sw', 'tm', 'iro', 'analyst'] as const)
      expect(await status(who, 'get', `/api/children/${ids.childRestricted}/looked-after-care`), who).toBe(404);
  });

  it.each([
    ['sw', 201],
    ['tm', 201],
    ['iro', 201],
    ['sw2', 403],
    ['hos', 403],
    ['analyst', 403],
    ['admin', 403],
  ] as const)('%s recording a health assessment for a child held in team A gets %i', async (who, code) => {
    expect(await status(who, 'post', `/api/children/${ids.childA}/health-checks`, { kind: 'dental', doneOn: '2026-01-05' })).toBe(code);
  });

  it.each([
    ['sw', 200],
    ['tm', 200],
    ['iro', 200],
    ['sw2', 200],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 403],
  ] as const)('%s listing UASC and care leavers gets %i', async (who, code) => {
    expect(await status(who, 'get', '/api/uasc')).toBe(code);
    expect(await status(who, 'get', '/api/care-leavers')).toBe(code);
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

  eachRoleGets('%s reading their supervision and induction worklist gets %i', { sw: 200, tm: 200, hos: 200, analyst: 200, iro: 200 }, (who) =>
    status(who, 'get', '/api/worklist/workers?view=mine'),
  );

  it.each([
    ['sw', 'swA', 200], // Ava owns it
    ['sw', 'swA2', 403], // Amir's, though they share a team
    ['sw2', 'swA', 403],
    ['iro', 'swA', 403],
    ['tm', 'swA2', 200], // Amir's manager
    ['tm', 'swB', 403], // another team's worker
    ['hos', 'swB', 200],
    ['analyst', 'swA', 403],
    ['admin', 'swA', 403],
    ['partner', 'swA', 404],
  ] as const)('%s marking done an audit action owned by %s gets %i', async (who, owner, expected) => {
    const db = server.store.db;
    const caseAuditId = randomUUID();
    const actionId = randomUUID();
    const hos = await db.selectFrom('app_user').select('user_id').where('username', '=', 'hos').executeTakeFirstOrThrow();
    await db
      .insertInto('case_audit')
      .values({
        la_code: LA,
        case_audit_id: caseAuditId,
        child_id: ids.childA,
        team_id: ids.teamA,
        audited_on: '2026-01-07',
        auditor_user_id: hos.user_id,
        grade: 'good',
        answers: '[]',
        summary: 'x',
      })
      .execute();
    await db
      .insertInto('case_audit_action')
      .values({
        la_code: LA,
        action_id: actionId,
        case_audit_id: caseAuditId,
        child_id: ids.childA,
        finding: 'f',
        action: 'a',
        owner_worker_id: ids[owner],
        due_date: '2026-02-07',
      })
      .execute();
    const body = { version: 1, completedOn: '2026-01-20', evidence: `Done, says ${who}` };
    expect(await status(who, 'post', `/api/case-audit-actions/${actionId}/complete`, body)).toBe(expected);
  });

  it.each([
    ['sw', 'swA2', 403],
    ['sw2', 'swB', 403],
    ['iro', 'swA', 403],
    ['analyst', 'swA', 403],
    ['partner', 'swA', 404],
    ['tm', 'swB', 403], // another team's worker
    ['tm', 'swA2', 201],
    ['hos', 'swB', 201],
    ['admin', 'iro', 201],
  ] as const)('%s recording an absence of %s gets %i', async (who, worker, expected) => {
    // A day of its own for each, so no two overlap.
    const day = `2026-03-${String(10 + ['tm', 'hos', 'admin'].indexOf(who)).padStart(2, '0')}`;
    expect(await status(who, 'post', `/api/workers/${ids[worker]}/absences`, { startDate: day, endDate: day, reason: 'SIC' })).toBe(expected);
  });

  it.each([
    ['sw', 403],
    ['tm', 403],
    ['hos', 403],
    ['analyst', 403],
    ['partner', 404],
    ['admin', 200],
  ] as const)('%s recording a worker leaving gets %i', async (who, expected) => {
    const db = server.store.db;
    const worker = await db.selectFrom('worker').select('version').where('worker_id', '=', ids.swA2).executeTakeFirstOrThrow();
    const body = { version: worker.version, leaveDate: '2027-01-31', reason: '1', destination: '1' };
    expect(await status(who, 'post', `/api/workers/${ids.swA2}/leaving`, body)).toBe(expected);
  });

  it.each([
    ['sw', 403],
    ['tm', 403],
    ['hos', 403],
    ['iro', 403],
    ['partner', 404],
    ['admin', 200],
  ] as const)('%s moving a worker to another team gets %i', async (who, expected) => {
    const worker = await server.store.db.selectFrom('worker').select(['version', 'team_id']).where('worker_id', '=', ids.iro).executeTakeFirstOrThrow();
    const body = { version: worker.version, teamId: worker.team_id === ids.teamIro ? ids.teamB : ids.teamIro, movedOn: '2026-02-02' };
    expect(await status(who, 'post', `/api/workers/${ids.iro}/team-moves`, body)).toBe(expected);
  });

  it('the administrator has no worklist; a social worker reads only their own supervision', async () => {
    expect(await status('admin', 'get', '/api/worklist/workers')).toBe(403);
    expect(await status('sw', 'get', `/api/workers/${ids.swA}/supervisions`)).toBe(200);
    expect(await status('sw', 'get', `/api/workers/${ids.swA2}/supervisions`)).toBe(403);
    expect(await status('tm', 'get', `/api/workers/${ids.swA2}/supervisions`)).toBe(200);
    expect(await status('tm', 'get', `/api/workers/${ids.swB}/supervisions`)).toBe(403);
  });
});

describe('performance and the improvement plan', () => {
  eachRoleGets(
    '%s reading indicators gets %i (a team manager their own team’s)',
    { sw: 403, sw2: 403, tm: 200, iro: 403, hos: 200, analyst: 200, admin: 200 },
    (who) => status(who, 'get', '/api/kpi/referrals?asOf=2026-03-31&trendMonths=1'),
  );

  eachRoleGets('%s asking for the children behind a council number gets %i', { tm: 403, hos: 200, analyst: 200, admin: 403 }, (who) =>
    status(who, 'get', '/api/kpi/referrals/children?asOf=2026-03-31&scope=council'),
  );

  it('a team manager sees the children behind their own team’s number, and only those', async () => {
    const res = await (as.tm as ReturnType<typeof client>).get(`/api/kpi/caseload-average/children?scope=team&scopeId=${ids.teamA}`);
    expect(res.status).toBe(200);
    expect((await (as.tm as ReturnType<typeof client>).get(`/api/kpi/referrals/children?scope=team&scopeId=${ids.teamB}`)).status).toBe(403);
  });

  eachRoleGets('%s freezing a closed month gets %i', { sw: 403, tm: 403, iro: 403, hos: 201, analyst: 201, admin: 403 }, (who) =>
    status(who, 'post', '/api/kpi/snapshots', { periodEnd: '2026-01-31' }),
  );

  eachRoleGets('%s reading the improvement plan gets %i', { sw: 403, tm: 200, iro: 403, hos: 200, analyst: 200, admin: 200 }, (who) =>
    status(who, 'get', '/api/improvement'),
  );

  eachRoleGets('%s recording an inspection gets %i', { sw: 403, tm: 403, iro: 403, analyst: 403, admin: 403, hos: 201 }, (who) =>
    status(who, 'post', '/api/improvement/inspections', { kind: 'focused-visit', framework: 'ILACS', startedOn: '2025-10-06', findings: 'Found.' }),
  );
});

describe('SSDA903 files uploaded in the web app', () => {
  // A file that is no SSDA903 table: whoever may act gets as far as the file being refused (400),
  // and nothing can be written whoever sends it.
  const body = { year: 2026, files: [{ name: 'notes.csv', text: 'note,author\nsynthetic,lantern\n' }] };

  eachRoleGets('%s checking SSDA903 files gets %i', { sw: 403, tm: 403, iro: 403, hos: 400, analyst: 400, admin: 403, partner: 404 }, (who) =>
    status(who, 'post', '/api/returns/ssda903/validate', body),
  );

  eachRoleGets('%s importing SSDA903 files gets %i', { sw: 403, tm: 403, iro: 403, hos: 403, analyst: 400, admin: 403, partner: 404 }, (who) =>
    status(who, 'post', '/api/returns/ssda903/imports', body),
  );
});

describe('the day’s work: landing pages, routing, transfers and IROs', () => {
  it.each(roles.map((r) => [r, 200] as const))('%s has a landing page (%i)', async (who, expected) => {
    expect(await status(who, 'get', '/api/work')).toBe(expected);
  });

  const managers = { tm: 200, hos: 200, partner: 404 } as Record<string, number>;
  it.each(roles.map((r) => [r, managers[r] ?? 403] as const))('%s choosing a team to route a referral to gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/routing/teams')).toBe(expected);
  });

  it.each(roles.map((r) => [r, managers[r] ?? 403] as const))('%s choosing a team to transfer a case to gets %i', async (who, expected) => {
    expect(await status(who, 'get', '/api/transfer-teams')).toBe(expected);
  });

  // Those who may decide get as far as "no such transfer".
  it.each(roles.map((r) => [r, r === 'tm' || r === 'hos' || r === 'partner' ? 404 : 403] as const))(
    '%s deciding on a transfer gets %i',
    async (who, expected) => {
      expect(await status(who, 'post', `/api/transfers/${randomUUID()}/decision`, { version: 1, accept: true })).toBe(expected);
    },
  );

  // childA has an IRO already: those who may allocate one are told so (409); the rest are refused.
  it.each(roles.map((r) => [r, r === 'irom' || r === 'hos' ? 409 : r === 'partner' ? 404 : 403] as const))(
    '%s allocating an IRO gets %i',
    async (who, expected) => {
      expect(await status(who, 'post', `/api/children/${ids.childA}/iro`, { workerId: ids.iro, startDate: '2026-01-05' })).toBe(expected);
    },
  );
});

describe('early help', () => {
  // Eve, held by swA in team A: a closed child in need episode (RC7), then early help from a contact.
  let eve: string;
  let cinEpisodeId: string;
  let earlyHelpId: string;
  beforeAll(async () => {
    const sw = as.sw as ReturnType<typeof client>;
    const tm = as.tm as ReturnType<typeof client>;
    eve = (await sw.post('/api/children', { givenName: 'Eve', familyName: 'Early', dateOfBirth: '2018-04-04', sex: 'F' })).body.child.childId;
    expect((await tm.post(`/api/children/${eve}/allocations`, { workerId: ids.swA, startDate: '2026-01-05' })).status).toBe(201);
    cinEpisodeId = (await sw.post(`/api/children/${eve}/referrals`, { referralDate: '2026-01-05', source: '1A', primaryNeed: 'N2' })).body.episodeId;
    const closure = { closureDate: '2026-02-02', reason: 'RC7', reasons: 'No longer in need.', childMetDecider: false, parentsMetDecider: false };
    expect((await tm.post(`/api/children/${eve}/closure`, closure)).status).toBe(200);
    const c = await sw.post(`/api/children/${eve}/contacts`, {
      receivedAt: '2026-02-10T09:00:00Z',
      source: '3B',
      presentingConcern: 'School worried about attendance.',
      significantHarmSuspected: false,
    });
    await sw.post(`/api/children/${eve}/contacts/${c.body.contactId}/decision`, {
      decision: 'early-help',
      decidedOn: '2026-02-10',
      reasons: 'Family asks for help.',
    });
    earlyHelpId = (await sw.get(`/api/children/${eve}/early-help`)).body.episodes[0].earlyHelpId;
  });

  it.each([
    ['sw', 200],
    ['sw2', 200],
    ['tm', 200],
    ['iro', 404],
    ['irom', 200],
    ['hos', 200],
    ['analyst', 200],
    ['admin', 403],
    ['partner', 404],
  ] as const)('%s reading the early help of a child held in team A gets %i', async (who, code) => {
    expect(await status(who, 'get', `/api/children/${eve}/early-help`)).toBe(code);
  });

  it.each([
    ['sw', 201],
    ['tm', 201],
    ['sw2', 403],
    ['iro', 403],
    ['irom', 403],
    ['hos', 403],
    ['analyst', 403],
    ['admin', 403],
    ['partner', 404],
  ] as const)('%s recording an early help review for a child held in team A gets %i', async (who, code) => {
    const review = { heldOn: '2026-03-02', attended: 'Mum and school', progress: 'Attendance up.' };
    expect(await status(who, 'post', `/api/children/${eve}/early-help/${earlyHelpId}/reviews`, review)).toBe(code);
  });

  it.each([
    // Allowed, then refused because early help is already open: the permission passed.
    ['tm', 409],
    ['hos', 409],
    ['sw', 403],
    ['sw2', 403],
    ['iro', 403],
    ['irom', 403],
    ['analyst', 403],
    ['admin', 403],
    ['partner', 404],
  ] as const)('%s stepping down a closed episode of a child held in team A gets %i', async (who, code) => {
    const body = { cinEpisodeId, startedOn: '2026-02-03', reasons: 'Step down.' };
    expect(await status(who, 'post', `/api/children/${eve}/early-help/step-down`, body)).toBe(code);
  });
});

describe('legal planning and proceedings', () => {
  // childA is held by team A (sw, tm) and reviewed by iro. Earlier steps in this file move workers
  // and cases between teams, so the social worker of another team is made here: sw3, in team C.
  beforeAll(async () => {
    const db = server.store.db;
    const teamC = randomUUID();
    const swC = randomUUID();
    await db
      .insertInto('team')
      .values({ la_code: LA, team_id: teamC, name: 'Children in need 3', service: 'Children in need', manager_worker_id: null })
      .execute();
    await db
      .insertInto('worker')
      .values({
        la_code: LA,
        worker_id: swC,
        given_name: 'Cy',
        family_name: 'Tester',
        job_role: 'social-worker',
        employment: 'permanent',
        team_id: teamC,
        start_date: '2020-01-06',
        fte: 1,
      })
      .execute();
    await db
      .insertInto('app_user')
      .values({
        la_code: LA,
        user_id: randomUUID(),
        username: 'sw3',
        display_name: 'sw3 (test)',
        role: 'social-worker',
        worker_id: swC,
        password_hash: await hashPassword(FIXTURE_PASSWORD),
      })
      .execute();
    other = client(server, await signInAs(server, 'sw3', FIXTURE_PASSWORD));
  });
  let other: ReturnType<typeof client>;

  it('legal:read and legal:record — a social worker of another team is refused both', async () => {
    expect((await other.get(`/api/children/${ids.childA}/legal`)).status).toBe(403);
    expect(
      (await other.post(`/api/children/${ids.childA}/legal/assessments`, { kind: 'parenting', commissionedOn: '2026-03-02', assessor: 'Parenting service' }))
        .status,
    ).toBe(403);
  });

  it.each([
    ['sw', 200],
    ['tm', 200],
    ['iro', 200],
    ['hos', 200],
    ['legal', 200],
    ['irom', 403],
    ['analyst', 403],
    ['admin', 403],
    ['partner', 404],
  ] as const)('legal:read — %s reading a team A child’s legal record gets %i', async (who, expected) => {
    expect(await status(who, 'get', `/api/children/${ids.childA}/legal`)).toBe(expected);
  });

  it.each([
    ['sw', 201],
    ['tm', 201],
    ['hos', 201],
    ['legal', 201],
    ['iro', 403],
    ['irom', 403],
    ['analyst', 403],
    ['admin', 403],
    ['partner', 404],
  ] as const)('legal:record — %s recording an assessment for a team A child gets %i', async (who, expected) => {
    expect(
      await status(who, 'post', `/api/children/${ids.childA}/legal/assessments`, {
        kind: 'parenting',
        commissionedOn: '2026-03-02',
        assessor: 'Parenting service',
      }),
    ).toBe(expected);
  });

  it('the legal adviser has no worklist, no casework and no looked-after steps', async () => {
    expect(await status('legal', 'get', '/api/worklist')).toBe(403);
    expect(
      await status('legal', 'post', `/api/children/${ids.childA}/missing-episodes`, {
        kind: 'A',
        startedAt: '2026-01-05T20:00:00Z',
        endedAt: '2026-01-05T23:00:00Z',
      }),
    ).toBe(403);
  });
});

describe('the fostering service', () => {
  let household: string;
  beforeAll(async () => {
    const ssw = as.ssw as ReturnType<typeof client>;
    household = (await ssw.post('/api/fostering/households', { name: 'The Permissions', enquiryOn: '2026-01-05' })).body.householdId;
    let version = 1;
    for (const [step, on] of [
      ['application', '2026-02-02'],
      ['stage-one', '2026-02-13'],
      ['stage-two', '2026-05-29'],
      ['panel', '2026-06-15'],
    ])
      version = (await ssw.post(`/api/fostering/households/${household}/recruitment`, { version, step, on, recommendation: 'approve' })).body.version;
    const terms = { maxChildren: 2, ageFrom: 0, ageTo: 17, placementTypes: ['short-term'] };
    await (as.ftm as ReturnType<typeof client>).post(`/api/fostering/households/${household}/decision`, {
      version,
      decidedOn: '2026-06-19',
      decision: 'approved',
      reasons: 'Panel.',
      terms,
    });
    const placed = await (as.sw as ReturnType<typeof client>).post(`/api/children/${ids.childA}/looked-after`, {
      startDate: '2026-07-01',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      placementType: 'U4',
      placementProvider: 'PR1',
      urn: 'SC555555',
      placementPostcode: 'HR2 7AA',
      homePostcode: 'HR1 2AB',
      fosterHouseholdId: household,
    });
    expect(placed.status).toBe(201);
  });

  eachRoleGets(
    'fostering:read — %s listing the households gets %i',
    { ssw: 200, ftm: 200, hos: 200, sw: 403, tm: 403, iro: 403, analyst: 403, admin: 403, legal: 403, partner: 404 },
    (who) => status(who, 'get', '/api/fostering/households'),
  );
  eachRoleGets(
    'fostering:read — %s opening a household’s assessment gets %i',
    { ssw: 200, ftm: 200, hos: 200, sw: 403, tm: 403, iro: 403, admin: 403, partner: 404 },
    (who) => status(who, 'get', `/api/fostering/households/${household}`),
  );
  eachRoleGets('fostering:read — %s reading the register gets %i', { ssw: 200, ftm: 200, hos: 200, sw: 403, analyst: 403, partner: 404 }, (who) =>
    status(who, 'get', '/api/fostering/register'),
  );
  eachRoleGets('fostering:read — %s matching a child to carers gets %i', { ssw: 200, ftm: 200, hos: 200, sw: 403, tm: 403, partner: 404 }, (who) =>
    status(who, 'get', `/api/fostering/matching?childId=${ids.childB}`),
  );
  // Bodies that pass the schema and then break a rule of the record: allowed roles get that
  // refusal (so nothing is written), the others are refused for their role first.
  const FUTURE = '2030-01-01';
  eachRoleGets('fostering:record — %s recording an enquiry gets %i', { ssw: 400, ftm: 400, hos: 403, sw: 403, tm: 403, admin: 403, partner: 404 }, (who) =>
    status(who, 'post', '/api/fostering/households', { name: 'Nobody', enquiryOn: FUTURE }),
  );
  const recordBodies: [string, unknown, number][] = [
    ['members', { givenName: 'A', familyName: 'B', dateOfBirth: FUTURE, role: 'applicant' }, 400],
    ['checks', { memberId: randomUUID(), kind: 'dbs', requestedOn: '2026-02-03' }, 400],
    ['recruitment', { version: 99, step: 'application', on: '2026-02-02' }, 409],
    ['status', { version: 99, status: 'on-hold', on: '2026-08-01' }, 409],
    ['visits', { visitedOn: FUTURE, notes: 'x' }, 400],
    ['reviews', { heldOn: FUTURE, outcome: 'continue' }, 400],
    ['training', { completedOn: FUTURE, title: 'x' }, 400],
    ['allegations', { madeOn: FUTURE, summary: 'x' }, 400],
  ];
  for (const [path, body, code] of recordBodies)
    eachRoleGets(`fostering:record — %s posting to a household's ${path} gets %i`, { ssw: code, ftm: code, hos: 403, sw: 403, partner: 404 }, (who) =>
      status(who, 'post', `/api/fostering/households/${household}/${path}`, body),
    );
  eachRoleGets('fostering:record — %s concluding an allegation gets %i', { ssw: 404, ftm: 404, hos: 403, sw: 403, partner: 404 }, (who) =>
    status(who, 'post', `/api/fostering/allegations/${randomUUID()}/outcome`, { version: 1, outcome: 'unfounded', outcomeOn: '2026-09-20' }),
  );
  const decideBodies: [string, unknown][] = [
    ['decision', { version: 99, decidedOn: '2026-06-19', decision: 'approved', reasons: 'x' }],
    ['temporary-approval', { version: 99, childId: randomUUID(), placedOn: '2026-03-02', reasons: 'x' }],
    ['temporary-extension', { version: 99, reason: 'x' }],
  ];
  for (const [path, body] of decideBodies)
    eachRoleGets(`fostering:decide — %s posting the household's ${path} gets %i`, { ftm: 409, hos: 409, ssw: 403, sw: 403, tm: 403, partner: 404 }, (who) =>
      status(who, 'post', `/api/fostering/households/${household}/${path}`, body),
    );
  eachRoleGets(
    'carer:read — %s reading the carers’ terms and contact (Poppy is placed there) gets %i',
    { sw: 200, tm: 200, iro: 200, ssw: 200, ftm: 200, hos: 200, analyst: 403, admin: 403, legal: 403, partner: 404 },
    (who) => status(who, 'get', `/api/fostering/households/${household}/contact`),
  );
  eachRoleGets(
    'section-20:oversee — %s reading the section 20 drift list gets %i',
    { hos: 200, sw: 403, tm: 403, irom: 403, ssw: 403, ftm: 403, analyst: 403, partner: 404 },
    (who) => status(who, 'get', '/api/fostering/section-20'),
  );
});
