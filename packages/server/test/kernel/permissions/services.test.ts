import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUsers, FIXTURE_PASSWORD, fixtureWorker, LA, PLACEMENT } from '../../helpers/fixture.ts';
import { client, recruitedToPanel, signInAs } from '../../helpers/server.ts';
import { as, eachRoleGets, ids, roles, server, status, usePermissionsCouncil } from './council.ts';

// Performance, returns, the day's work, early help, legal and the fostering service.
usePermissionsCouncil();

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

  eachRoleGets(
    '%s reading the early help of a child held in team A gets %i',
    { sw: 200, sw2: 200, tm: 200, iro: 404, irom: 200, hos: 200, analyst: 200, admin: 403, partner: 404 },
    (who) => status(who, 'get', `/api/children/${eve}/early-help`),
  );

  eachRoleGets(
    '%s recording an early help review for a child held in team A gets %i',
    { sw: 201, tm: 201, sw2: 403, iro: 403, irom: 403, hos: 403, analyst: 403, admin: 403, partner: 404 },
    async (who) => {
      const review = { heldOn: '2026-03-02', attended: 'Mum and school', progress: 'Attendance up.' };
      return status(who, 'post', `/api/children/${eve}/early-help/${earlyHelpId}/reviews`, review);
    },
  );

  // Allowed, then refused because early help is already open: the permission passed.
  eachRoleGets(
    '%s stepping down a closed episode of a child held in team A gets %i',
    { tm: 409, hos: 409, sw: 403, sw2: 403, iro: 403, irom: 403, analyst: 403, admin: 403, partner: 404 },
    async (who) => {
      const body = { cinEpisodeId, startedOn: '2026-02-03', reasons: 'Step down.' };
      return status(who, 'post', `/api/children/${eve}/early-help/step-down`, body);
    },
  );
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
      .values(fixtureWorker(swC, 'Cy', 'social-worker', teamC))
      .execute();
    await addUsers(db, { username: 'sw3', role: 'social-worker', workerId: swC });
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

  eachRoleGets(
    'legal:read — %s reading a team A child’s legal record gets %i',
    { sw: 200, tm: 200, iro: 200, hos: 200, legal: 200, irom: 403, analyst: 403, admin: 403, partner: 404 },
    (who) => status(who, 'get', `/api/children/${ids.childA}/legal`),
  );

  eachRoleGets(
    'legal:record — %s recording an assessment for a team A child gets %i',
    { sw: 201, tm: 201, hos: 201, legal: 201, iro: 403, irom: 403, analyst: 403, admin: 403, partner: 404 },
    (who) =>
      status(who, 'post', `/api/children/${ids.childA}/legal/assessments`, {
        kind: 'parenting',
        commissionedOn: '2026-03-02',
        assessor: 'Parenting service',
      }),
  );

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
    const version = await recruitedToPanel(ssw, household, ['2026-02-02', '2026-02-13', '2026-05-29', '2026-06-15']);
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
      ...PLACEMENT,
      placementType: 'U4',
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
