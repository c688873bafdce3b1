/** The write-path walk's examples (../write-path.test.ts): the workforce, supervision, oversight, access and timescales, and performance. */
import { readFileSync } from 'node:fs';
import type { client } from '../../helpers/server.ts';
import {
  type Call,
  type Ctx,
  ASSESSMENT,
  as,
  by,
  setup,
  HEADER,
  caseAuditOfChildA,
  caseAudit,
  worker,
  inspection,
  walkUser,
  inCare,
  partnerOrganisation,
  child,
  openCase,
  assessed,
  enquiry,
  conference,
  assessmentRecord,
  planBody,
  protectionPlan,
  askedPartner,
  fixture,
  returnFiles,
} from './walk.ts';

export const EXAMPLES: Record<string, (ctx: Ctx) => Promise<Call>> = {
  // workforce
  'POST /api/teams': async () => ({ as: 'admin', method: 'post', path: '/api/teams', body: { name: 'Walk team', service: 'Children in need' } }),
  'POST /api/workers': async ({ ids }) => ({
    as: 'admin',
    method: 'post',
    path: '/api/workers',
    body: { givenName: 'Wendy', familyName: 'Walker', jobRole: 'social-worker', employment: 'permanent', teamId: ids.teamA, startDate: '2025-01-06' },
  }),
  'POST /api/children/{childId}/allocations': async ({ ids }) => ({
    as: 'tm',
    method: 'post',
    path: `/api/children/${ids.childUnallocated}/allocations`,
    body: { workerId: ids.swA2, role: 'social-worker', startDate: '2026-01-05' },
  }),
  'POST /api/children/{childId}/allocations/{allocationId}/end': async ({ ids }) => {
    const { allocationId } = await setup({
      as: 'tm',
      method: 'post',
      path: `/api/children/${ids.childUnallocated}/allocations`,
      body: { workerId: ids.swA, role: 'social-worker', startDate: '2026-01-06', reason: 'Walk' },
    });
    return {
      as: 'tm',
      method: 'post',
      path: `/api/children/${ids.childUnallocated}/allocations/${allocationId}/end`,
      body: { endDate: '2026-01-07', reason: 'Walk ended' },
    };
  },
  'POST /api/workers/{workerId}/absences': async ({ ids }) =>
    by('tm', 'post', `/api/workers/${ids.swA2}/absences`, { startDate: '2026-01-12', endDate: '2026-01-12', reason: 'SIC' }),
  'POST /api/workers/{workerId}/leaving': async ({ ids }) => ({
    as: 'admin',
    method: 'post',
    path: `/api/workers/${await worker(ids.teamA)}/leaving`,
    body: { version: 1, leaveDate: '2026-02-01', reason: '1', destination: '1' },
  }),
  'POST /api/workers/{workerId}/team-moves': async ({ ids }) => ({
    as: 'admin',
    method: 'post',
    path: `/api/workers/${await worker(ids.teamA)}/team-moves`,
    body: { version: 1, teamId: ids.teamB, movedOn: '2026-01-20' },
  }),
  'PUT /api/settings/caseload': async () => ({
    as: 'hos',
    method: 'put',
    path: '/api/settings/caseload',
    body: { ceiling: 20, weights: { 'child-protection': 2, 'looked-after': 1.5, 'child-in-need': 1 } },
  }),
  'PUT /api/settings/induction-checklist': async () => ({
    as: 'hos',
    method: 'put',
    path: '/api/settings/induction-checklist',
    body: [{ id: 'policies', label: 'Read the policies' }],
  }),
  'PUT /api/settings/audit-questions': async () => ({
    as: 'hos',
    method: 'put',
    path: '/api/settings/audit-questions',
    body: [{ id: 'seen-alone', text: 'Was the child seen alone?' }],
  }),
  // supervision
  'POST /api/supervisions': async ({ ids }) => ({
    as: 'tm',
    method: 'post',
    path: '/api/supervisions',
    body: { workerId: ids.swA, heldOn: '2026-01-05', children: [{ childId: ids.childA, direction: 'Visit weekly.' }] },
  }),
  'POST /api/workers/{workerId}/induction': async ({ ids }) => ({
    as: 'tm',
    method: 'post',
    path: `/api/workers/${await worker(ids.teamA)}/induction`,
    body: { asyeStart: '2026-01-05', protectedCaseload: 10 },
  }),
  'POST /api/workers/{workerId}/induction/{itemId}': async ({ ids }) => {
    const workerId = await worker(ids.teamA);
    const started = await setup({ as: 'tm', method: 'post', path: `/api/workers/${workerId}/induction`, body: {} });
    return { as: 'tm', method: 'post', path: `/api/workers/${workerId}/induction/${started.items[0].itemId}`, body: { completedOn: '2026-01-09' } };
  },
  // oversight
  'POST /api/children/{childId}/decisions': async ({ ids }) => ({
    as: 'tm',
    method: 'post',
    path: `/api/children/${ids.childA}/decisions`,
    body: { kind: 'oversight', decidedOn: '2026-01-06', reasons: 'Reviewed', evidenceSeen: 'Case file' },
  }),
  'POST /api/children/{childId}/risk-assessments': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: `/api/children/${ids.childA}/risk-assessments`,
    body: { assessedOn: '2026-01-12', worries: 'w', strengths: 's', nextSteps: 'n', workerScale: 6 },
  }),
  'POST /api/children/{childId}/risk-assessments/{riskAssessmentId}/manager-view': async ({ ids }) => {
    const ra = await setup({
      as: 'sw',
      method: 'post',
      path: `/api/children/${ids.childA}/risk-assessments`,
      body: { assessedOn: '2026-01-12', worries: 'w', strengths: 's', nextSteps: 'n', workerScale: 6 },
    });
    return {
      as: 'tm',
      method: 'post',
      path: `/api/children/${ids.childA}/risk-assessments/${ra.riskAssessmentId}/manager-view`,
      body: { version: 1, managerScale: 4, view: 'Lower.', on: '2026-01-13' },
    };
  },
  'POST /api/children/{childId}/case-audits': async ({ ids }) => caseAuditOfChildA(ids),
  'POST /api/children/{childId}/case-audits/{caseAuditId}/moderation': async (ctx) => {
    const { caseAuditId } = await caseAudit(ctx);
    return {
      as: 'tm',
      method: 'post',
      path: `/api/children/${ctx.ids.childA}/case-audits/${caseAuditId}/moderation`,
      body: { version: 1, moderatedOn: '2026-02-12', grade: 'requires-improvement', notes: 'Second view.' },
    };
  },
  'POST /api/case-audit-actions/{actionId}/complete': async (ctx) => {
    await caseAudit(ctx);
    const audits = (await (as.sw as ReturnType<typeof client>).get(`/api/children/${ctx.ids.childA}/case-audits`)).body.caseAudits;
    const open = audits
      .flatMap((a: { actions: { actionId: string; completedOn: string | null }[] }) => a.actions)
      .find((a: { completedOn: string | null }) => !a.completedOn);
    return {
      as: 'sw',
      method: 'post',
      path: `/api/case-audit-actions/${open.actionId}/complete`,
      body: { version: 1, completedOn: '2026-02-19', evidence: 'Done.' },
    };
  },
  // access and timescales
  'POST /api/users': async () => ({
    as: 'admin',
    method: 'post',
    path: '/api/users',
    body: { username: `walk.${Date.now()}`, displayName: 'Walk user', role: 'social-worker', password: 'a long enough password' },
  }),
  'PATCH /api/users/{userId}': async () => ({ as: 'admin', method: 'patch', path: `/api/users/${await walkUser()}`, body: { role: 'team-manager' } }),
  'POST /api/users/{userId}/disable': async () => ({ as: 'admin', method: 'post', path: `/api/users/${await walkUser()}/disable` }),
  'POST /api/users/{userId}/enable': async () => {
    const userId = await walkUser();
    await setup({ as: 'admin', method: 'post', path: `/api/users/${userId}/disable` });
    return { as: 'admin', method: 'post', path: `/api/users/${userId}/enable` };
  },
  'POST /api/users/{userId}/password-reset': async () => ({
    as: 'admin',
    method: 'post',
    path: `/api/users/${await walkUser()}/password-reset`,
    body: { temporaryPassword: 'temporary pelican forest' },
  }),
  'POST /api/session/password': async () => {
    const username = `walk.pw.${Date.now()}`;
    await walkUser(username);
    return {
      as: 'sw',
      method: 'post',
      path: '/api/session/password',
      body: { username, password: 'a long enough password', newPassword: 'quiet harbour lamplight' },
    };
  },
  'POST /api/access-requests/{requestId}/decision': async () => {
    const username = `walk.hos.${Date.now()}`;
    await setup({
      as: 'admin',
      method: 'post',
      path: '/api/users',
      body: { username, displayName: 'Walk director', role: 'head-of-service', password: 'a long enough password' },
    });
    const requests = (await (as.hos as ReturnType<typeof client>).get('/api/access-requests')).body.requests as {
      requestId: string;
      username: string;
      version: number;
    }[];
    const request = requests.find((r) => r.username === username);
    return {
      as: 'hos',
      method: 'post',
      path: `/api/access-requests/${request?.requestId}/decision`,
      body: { decision: 'approve', fromVersion: request?.version },
    };
  },
  'PUT /api/settings/timescales/{ruleId}': async () => ({ as: 'hos', method: 'put', path: '/api/settings/timescales/cp-visit', body: { unit: 'days', n: 9 } }),
  // performance
  'POST /api/kpi/snapshots': async () => ({ as: 'hos', method: 'post', path: '/api/kpi/snapshots', body: { periodEnd: '2026-01-31' } }),
  'POST /api/benchmarks': async () => ({
    as: 'analyst',
    method: 'post',
    path: '/api/benchmarks',
    body: {
      csv: `${HEADER}\n202425,Financial year,National,E92000001,,,,,re-referrals-12m,22.4\n202425,Financial year,Local authority,E92000001,E12000005,West Midlands,E06000051,Shropshire,re-referrals-12m,20.1`,
    },
  }),
  'PUT /api/benchmarks/neighbours': async () => ({
    as: 'analyst',
    method: 'put',
    path: '/api/benchmarks/neighbours',
    body: { csv: 'la_code,neighbour_la_code,rank\nE06000019,E06000051,1' },
  }),
  'POST /api/improvement/inspections': async () => ({
    as: 'hos',
    method: 'post',
    path: '/api/improvement/inspections',
    body: {
      kind: 'ilacs-standard',
      framework: 'ILACS 2023',
      startedOn: '2025-01-20',
      findings: 'x',
      judgements: [{ area: 'help-and-protection', grade: 'Inadequate' }],
      recommendations: [{ number: 1, text: 'Reduce re-referrals.' }],
    },
  }),
  'POST /api/improvement/recommendations/{recommendationId}/actions': async () => {
    const { recommendationIds } = await inspection();
    const tm = (await (as.hos as ReturnType<typeof client>).get('/api/improvement/owners')).body.owners.find(
      (o: { role: string }) => o.role === 'team-manager',
    );
    return {
      as: 'hos',
      method: 'post',
      path: `/api/improvement/recommendations/${recommendationIds[0]}/actions`,
      body: { title: 'Audit re-referrals', ownerUserId: tm.userId, dueDate: '2026-06-30', status: 'not-started' },
    };
  },
  'PATCH /api/improvement/actions/{actionId}': async () => {
    const { recommendationIds } = await inspection();
    const tm = (await (as.hos as ReturnType<typeof client>).get('/api/improvement/owners')).body.owners.find(
      (o: { role: string }) => o.role === 'team-manager',
    );
    const { actionId } = await setup({
      as: 'hos',
      method: 'post',
      path: `/api/improvement/recommendations/${recommendationIds[0]}/actions`,
      body: { title: 'Audit re-referrals', ownerUserId: tm.userId, dueDate: '2026-06-30', status: 'not-started' },
    });
    return { as: 'hos', method: 'patch', path: `/api/improvement/actions/${actionId}`, body: { version: 1, status: 'on-track' } };
  },
  'PUT /api/children/{childId}/assessments/{assessmentId}/record': async (ctx) => {
    const { childId, assessmentId } = await assessed(ctx);
    return { as: 'sw', method: 'put', path: child(childId, `/assessments/${assessmentId}/record`), body: { ...ASSESSMENT, factors: ['1B'] } };
  },
  'POST /api/children/{childId}/assessments/{assessmentId}/record/submission': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `${await assessmentRecord(ctx)}/submission`,
    body: { version: 1, workerScale: 7, completedOn: '2026-02-10', outcome: 'child-in-need-plan' },
  }),
  'POST /api/children/{childId}/assessments/{assessmentId}/record/return': async (ctx) => ({
    as: 'tm',
    method: 'post',
    path: `${await assessmentRecord(ctx, true)}/return`,
    body: { version: 2, returnedOn: '2026-02-11', reasons: 'The analysis does not weigh the weekends.' },
  }),
  'POST /api/children/{childId}/assessments/{assessmentId}/record/authorisation': async (ctx) => ({
    as: 'tm',
    method: 'post',
    path: `${await assessmentRecord(ctx, true)}/authorisation`,
    body: { version: 2, authorisedOn: '2026-02-13', managerScale: 6, managerView: 'Nan cannot be there every night.' },
  }),
  'PUT /api/children/{childId}/section47/{s47Id}/findings': async (ctx) => {
    const { childId, s47Id } = await enquiry(ctx);
    return {
      as: 'sw',
      method: 'put',
      path: child(childId, `/section47/${s47Id}/findings`),
      body: {
        concerns: [
          { concern: 'Bruise on his arm', found: 'Grip marks seen by the paediatrician.', substantiated: true, why: 'Medical and his own account agree.' },
        ],
        convene: true,
        conveneReasons: 'Physical harm is substantiated.',
      },
    };
  },
  'POST /api/children/{childId}/plans': async (ctx) => {
    const { childId, body } = await conference(ctx);
    const { planId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/conferences'), body });
    return { as: 'sw', method: 'post', path: child(childId, '/plans'), body: planBody(planId, ctx.ids.swA) };
  },
  'PUT /api/children/{childId}/plans/{planDocumentId}': async (ctx) => {
    const { childId, planDocumentId, written } = await protectionPlan(ctx);
    return {
      as: 'sw',
      method: 'put',
      path: child(childId, `/plans/${planDocumentId}`),
      body: { ...written, version: 1, contingency: `${written.contingency} Or Aunt Jo.` },
    };
  },
  'POST /api/children/{childId}/plans/{planDocumentId}/progress': async (ctx) => {
    const { childId, planDocumentId } = await protectionPlan(ctx);
    const { coreGroupId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/core-groups'), body: { heldOn: '2026-02-05' } });
    const plan = await (as.sw as ReturnType<typeof client>).get(child(childId, `/plans/${planDocumentId}`));
    return {
      as: 'sw',
      method: 'post',
      path: child(childId, `/plans/${planDocumentId}/progress`),
      body: {
        version: 1,
        meetingKind: 'core-group',
        meetingId: coreGroupId,
        heldOn: '2026-02-05',
        progress: (plan.body.actions as { actionId: string }[]).map((a) => ({ actionId: a.actionId, progress: 'done', note: 'Done on time.' })),
        newActions: [],
      },
    };
  },
  'POST /api/children/{childId}/routing': async (ctx) => ({
    as: 'hos',
    method: 'post',
    path: child(await openCase(ctx), '/routing'),
    body: { teamId: ctx.ids.teamB, reason: 'Team B knows the family.' },
  }),
  'POST /api/children/{childId}/transfers': async (ctx) => ({
    as: 'tm',
    method: 'post',
    path: child(await openCase(ctx), '/transfers'),
    body: { toTeamId: ctx.ids.teamB, reason: 'The family moved to the south of the county.' },
  }),
  'POST /api/transfers/{transferId}/decision': async (ctx) => {
    const { transferId } = await setup({
      as: 'tm',
      method: 'post',
      path: child(await openCase(ctx), '/transfers'),
      body: { toTeamId: ctx.ids.teamB, reason: 'The family moved to the south of the county.' },
    });
    return { as: 'hos', method: 'post', path: `/api/transfers/${transferId}/decision`, body: { version: 1, accept: true } };
  },
  'POST /api/children/{childId}/iro': async (ctx) => ({
    as: 'hos',
    method: 'post',
    path: child((await inCare(ctx)).childId, '/iro'),
    body: { workerId: ctx.ids.iro, startDate: '2026-03-03' },
  }),
  'POST /api/partner/requests/{requestId}/answer': async (ctx) => ({
    as: 'partner',
    method: 'post',
    path: `/api/partner/requests/${await askedPartner(ctx)}/answer`,
    body: { version: 1, answeredOn: '2026-11-20', answer: 'Assessed: band A, two-bedroom need.' },
  }),
  'PUT /api/children/{childId}/meetings/{meetingKind}/{meetingId}/contributions': async (ctx) => {
    const { childId, body } = await conference(ctx);
    const { conferenceId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/conferences'), body });
    return {
      as: 'sw',
      method: 'put',
      path: child(childId, `/meetings/conference/${conferenceId}/contributions`),
      body: { contributions: [{ organisationId: await partnerOrganisation('police'), attended: true, reportSentOn: '2026-01-26' }] },
    };
  },
  'POST /api/returns/cin-census/imports': async () => ({
    as: 'analyst',
    method: 'post',
    path: '/api/returns/cin-census/imports',
    body: { xml: readFileSync(fixture('cin-census-sample.xml'), 'utf8'), fileName: 'sample.xml' },
  }),
  'POST /api/returns/ssda903/imports': async () => ({
    as: 'analyst',
    method: 'post',
    path: '/api/returns/ssda903/imports',
    body: { year: 2026, files: returnFiles('ssda903-import') },
  }),
};
