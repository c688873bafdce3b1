import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../helpers/server.ts';
import { as, eachRoleGets, ids, partner, server, status, usePermissionsCouncil } from './council.ts';

// Partner agencies: their own users reach nothing of the council's, and every role through the partner actions.
usePermissionsCouncil();

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

  eachRoleGets(
    '%s sending a request about a child held in team A gets %i',
    { sw: 201, tm: 201, iro: 201, sw2: 403, hos: 403, analyst: 403, admin: 403, partner: 404 },
    async (who) => {
      const body = {
        organisationId: partner.otherOrg,
        requestType: 'assessment-information',
        asked: 'Any call-outs?',
        needToKnow: 'Poppy (11)',
        sentOn: '2026-11-02',
      };
      return status(who, 'post', `/api/children/${ids.childA}/partner-requests`, body);
    },
  );

  eachRoleGets(
    '%s reading the partner work on a child held in team A gets %i',
    { sw: 200, sw2: 200, tm: 200, iro: 200, hos: 200, analyst: 200, admin: 403, partner: 404 },
    (who) => status(who, 'get', `/api/children/${ids.childA}/partner-work`),
  );

  eachRoleGets(
    '%s reading the housing list and the partner indicators gets %i',
    { hos: 200, analyst: 200, sw: 403, tm: 403, iro: 403, admin: 403, partner: 404 },
    async (who) => [await status(who, 'get', '/api/housing-list'), await status(who, 'get', '/api/partner-indicators')],
  );

  eachRoleGets(
    '%s opening the partner’s own list of requests gets %i',
    { partner: 200, sw: 403, tm: 403, iro: 403, hos: 403, analyst: 403, admin: 403 },
    (who) => status(who, 'get', '/api/partner/requests'),
  );

  eachRoleGets('%s answering the open request to the housing partner gets %i', { sw: 403, hos: 403, partner: 200 }, (who) =>
    status(who, 'post', `/api/partner/requests/${partner.openA}/answer`, { version: 1, answeredOn: '2026-11-10', answer: `Answered by ${who}` }),
  );
});
