import { randomUUID } from 'node:crypto';
import { DEFAULT_AUDIT_QUESTIONS } from '@lantern/core/workforce';
import { describe, expect, it } from 'vitest';
import { LA } from '../../helpers/fixture.ts';
import type { client } from '../../helpers/server.ts';
import { as, eachRoleGets, ids, roles, server, status, usePermissionsCouncil } from './council.ts';

// Looked-after children, permanence and care leavers, and the workforce and management oversight.
usePermissionsCouncil();

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

  eachRoleGets(
    '%s opening the unregistered-placements and missing-children lists gets %i',
    { sw: 403, iro: 403, admin: 403, tm: 200, hos: 200, analyst: 200 },
    async (who) => [await status(who, 'get', '/api/looked-after/unregistered-placements'), await status(who, 'get', '/api/looked-after/missing')],
  );

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

  eachRoleGets(
    '%s recording a health assessment for a child held in team A gets %i',
    { sw: 201, tm: 201, iro: 201, sw2: 403, hos: 403, analyst: 403, admin: 403 },
    (who) => status(who, 'post', `/api/children/${ids.childA}/health-checks`, { kind: 'dental', doneOn: '2026-01-05' }),
  );

  // A deprivation of liberty order is a court order: legal:record (the team holding the case, the head
  // of service, the legal adviser). Each role's order is for a month of its own, so none overlap.
  const doloPath = () => `/api/children/${ids.childA}/deprivation-of-liberty-orders`;
  const month = (who: (typeof roles)[number]) => String(roles.indexOf(who) + 1).padStart(2, '0');
  eachRoleGets(
    '%s recording a deprivation of liberty order for a child held in team A gets %i',
    { sw: 201, tm: 201, hos: 201, legal: 201, sw2: 403, iro: 403, irom: 403, analyst: 403, admin: 403, ssw: 403, ftm: 403, partner: 404 },
    (who) =>
      status(who, 'post', doloPath(), {
        madeOn: `2025-${month(who)}-01`,
        expiresOn: `2025-${month(who)}-15`,
        court: 'High Court, Family Division',
        caseNumber: `FD25P00${month(who)}`,
        authorises: 'Locked doors at the home.',
      }),
  );
  eachRoleGets(
    '%s amending a deprivation of liberty order for a child held in team A gets %i',
    { sw: 200, tm: 200, hos: 200, legal: 200, sw2: 403, iro: 403, irom: 403, analyst: 403, admin: 403, ssw: 403, ftm: 403, partner: 404 },
    async (who) => {
      const [order] = (await c('hos').get(`/api/children/${ids.childA}/looked-after-care`)).body.deprivationOfLiberty.slice(-1);
      return status(who, 'patch', `${doloPath()}/${order.orderId}`, { version: order.version, reviewOn: '2025-01-10' });
    },
  );

  eachRoleGets('%s listing UASC and care leavers gets %i', { sw: 200, tm: 200, iro: 200, sw2: 200, hos: 200, analyst: 200, admin: 403 }, async (who) => [
    await status(who, 'get', '/api/uasc'),
    await status(who, 'get', '/api/care-leavers'),
  ]);
});

describe('workforce and management oversight', () => {
  const answers = DEFAULT_AUDIT_QUESTIONS.map((q) => ({ questionId: q.id, answer: 'yes' }));

  // A head of service with no worker record of their own cannot be named as supervisor.
  eachRoleGets(
    '%s recording supervision of a team A practitioner gets %i',
    { sw: 403, sw2: 403, iro: 403, analyst: 403, admin: 403, hos: 400, tm: 201 },
    (who) => status(who, 'post', '/api/supervisions', { workerId: ids.swA2, heldOn: '2026-01-05' }),
  );

  eachRoleGets(
    '%s recording a management decision on a child held in team A gets %i',
    { sw: 403, sw2: 403, iro: 403, analyst: 403, admin: 403, tm: 201, hos: 201 },
    async (who) => {
      const body = { kind: 'oversight', decidedOn: '2026-01-06', reasons: `Reviewed by ${who}`, evidenceSeen: 'Case file' };
      return status(who, 'post', `/api/children/${ids.childA}/decisions`, body);
    },
  );

  eachRoleGets('%s auditing a case gets %i', { sw: 403, sw2: 403, iro: 403, analyst: 403, admin: 403, tm: 201, hos: 201 }, (who) =>
    status(who, 'post', `/api/children/${ids.childA}/case-audits`, { auditedOn: '2026-01-07', grade: 'good', summary: who, answers }),
  );

  eachRoleGets('%s reading churn and team turnover gets %i', { sw: 403, sw2: 403, iro: 403, tm: 200, hos: 200, analyst: 200, admin: 200 }, async (who) => [
    await status(who, 'get', '/api/workforce/churn'),
    await status(who, 'get', '/api/workforce/team-stats'),
  ]);

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

  eachRoleGets('%s recording a worker leaving gets %i', { sw: 403, tm: 403, hos: 403, analyst: 403, partner: 404, admin: 200 }, async (who) => {
    const db = server.store.db;
    const worker = await db.selectFrom('worker').select('version').where('worker_id', '=', ids.swA2).executeTakeFirstOrThrow();
    const body = { version: worker.version, leaveDate: '2027-01-31', reason: '1', destination: '1' };
    return status(who, 'post', `/api/workers/${ids.swA2}/leaving`, body);
  });

  eachRoleGets('%s moving a worker to another team gets %i', { sw: 403, tm: 403, hos: 403, iro: 403, partner: 404, admin: 200 }, async (who) => {
    const worker = await server.store.db.selectFrom('worker').select(['version', 'team_id']).where('worker_id', '=', ids.iro).executeTakeFirstOrThrow();
    const body = { version: worker.version, teamId: worker.team_id === ids.teamIro ? ids.teamB : ids.teamIro, movedOn: '2026-02-02' };
    return status(who, 'post', `/api/workers/${ids.iro}/team-moves`, body);
  });

  it('the administrator has no worklist; a social worker reads only their own supervision', async () => {
    expect(await status('admin', 'get', '/api/worklist/workers')).toBe(403);
    expect(await status('sw', 'get', `/api/workers/${ids.swA}/supervisions`)).toBe(200);
    expect(await status('sw', 'get', `/api/workers/${ids.swA2}/supervisions`)).toBe(403);
    expect(await status('tm', 'get', `/api/workers/${ids.swA2}/supervisions`)).toBe(200);
    expect(await status('tm', 'get', `/api/workers/${ids.swB}/supervisions`)).toBe(403);
  });
});
