/**
 * Walks every write route in the OpenAPI document: one successful request each, over the fixture
 * council, must leave what the ledger promises — each versioned record it wrote with every version
 * kept (1 to its current version, none missing), one audit row per version written, and an entry
 * on the chronology of each child whose record it wrote.
 *
 * A route needs an example below; a new route without one fails here. Routes of areas still
 * moving onto the ledger are listed in STILL_TO_COME (the lead shrinks that list as they move).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KEYS } from '../../src/kernel/record-keys.ts';
import { buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

type Who = 'sw' | 'sw2' | 'tm' | 'iro' | 'hos' | 'analyst' | 'admin';
type Call = { as: Who; method: 'post' | 'put' | 'patch' | 'delete'; path: string; body?: unknown };
type Ids = Awaited<ReturnType<typeof buildFixture>>;
type Ctx = { ids: Ids; call: (c: Call) => Promise<{ status: number; body: any }> };

let server: TestServer;
let ids: Ids;
const as: Partial<Record<Who, ReturnType<typeof client>>> = {};
const call: Ctx['call'] = async (c) => {
  const api = as[c.as] as ReturnType<typeof client>;
  return c.method === 'delete' ? api.delete(c.path) : api[c.method](c.path, c.body ?? {});
};
/** A setup request an example needs first; it must succeed. */
const setup = async (c: Call) => {
  const res = await call(c);
  if (res.status >= 300) throw new Error(`setup ${c.method} ${c.path} gave ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

const HEADER = 'time_period,time_identifier,geographic_level,country_code,region_code,region_name,new_la_code,la_name,indicator,value';
const caseAudit = async ({ ids }: Ctx) =>
  setup({
    as: 'hos',
    method: 'post',
    path: `/api/children/${ids.childA}/case-audits`,
    body: {
      auditedOn: '2026-02-10',
      grade: 'good',
      summary: 'Visits on time.',
      answers: await questions(),
      actions: [{ finding: 'Plan vague', action: 'Rewrite the plan', ownerWorkerId: ids.swA, dueDate: '2026-03-10' }],
    },
  });
const questions = async () => {
  const res = await (as.hos as ReturnType<typeof client>).get('/api/case-audit-questions');
  return (res.body.questions as { id: string }[]).map((q) => ({ questionId: q.id, answer: 'yes' }));
};
const worker = async (teamId: string) =>
  (
    await setup({
      as: 'admin',
      method: 'post',
      path: '/api/workers',
      body: { givenName: 'Nina', familyName: 'Starter', jobRole: 'social-worker', employment: 'permanent', teamId, startDate: '2026-01-05' },
    })
  ).workerId as string;
const inspection = async () =>
  setup({
    as: 'hos',
    method: 'post',
    path: '/api/improvement/inspections',
    body: { kind: 'other', framework: 'Focused visit', startedOn: '2025-01-20', findings: 'x', recommendations: [{ number: 1, text: 'Reduce re-referrals.' }] },
  });

/** One successful request per write route: `METHOD /path/{param}` as the OpenAPI document names it. */
/** A looked-after review of childB (held by sw2), made once for the conference and review examples. */
let reviewMade: Promise<string> | undefined;
const review = ({ ids }: Ctx) =>
  (reviewMade ??= (async () => {
    await setup({
      as: 'sw2',
      method: 'post',
      path: `/api/children/${ids.childB}/looked-after`,
      body: {
        startDate: '2026-09-01',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placementType: 'U6',
        placementProvider: 'PR1',
        urn: 'SC555555',
        placementPostcode: 'HR2 7AA',
        homePostcode: 'HR1 2AB',
      },
    });
    const made = await setup({
      as: 'sw2',
      method: 'post',
      path: `/api/children/${ids.childB}/looked-after/reviews`,
      body: { heldOn: '2026-09-21', participation: 'PN1', chairWorkerId: ids.iro },
    });
    return made.reviewId as string;
  })());
const recommendation = async (ctx: Ctx) =>
  (
    await setup({
      as: 'sw2',
      method: 'post',
      path: `/api/children/${ctx.ids.childB}/meetings/review/${await review(ctx)}/recommendations`,
      body: { recommendation: 'Book the dentist', ownerWorkerId: ctx.ids.swB },
    })
  ).recommendationId as string;
const walkChildren = 0;
/** A child with an open case held by social worker A: what a worker sends their manager about. */
const openCase = async ({ ids }: Ctx) => {
  const childId = (
    await setup({
      as: 'sw',
      method: 'post',
      path: '/api/children',
      body: { givenName: 'Lily', familyName: 'Walk', dateOfBirth: '2016-04-02', sex: 'F', confirmNotDuplicate: true },
    })
  ).child.childId as string;
  await setup({ as: 'tm', method: 'post', path: `/api/children/${childId}/allocations`, body: { workerId: ids.swA, startDate: '2026-11-02' } });
  await setup({ as: 'sw', method: 'post', path: `/api/children/${childId}/referrals`, body: { referralDate: '2026-11-02', source: '1A', primaryNeed: 'N1' } });
  return childId;
};
const stepDown = { kind: 'step-down', reasons: 'Early help can hold this', closure: { reason: 'RC9' } };
const escalation = async ({ ids }: Ctx) =>
  (
    await setup({
      as: 'iro',
      method: 'post',
      path: `/api/children/${ids.childA}/iro-escalations`,
      body: { raisedOn: '2026-11-16', concern: 'Contact has not started.' },
    })
  ).escalationId as string;

/** A new child whose child in need episode was closed (RC9 opens early help; RC7 leaves one to step down). */
const closedEpisode = async (reason: 'RC7' | 'RC9') => {
  const childId = (
    await setup({
      as: 'sw',
      method: 'post',
      path: '/api/children',
      body: { givenName: 'Ellie', familyName: 'Help', sex: 'F', dateOfBirth: '2017-06-01', confirmNotDuplicate: true },
    })
  ).child.childId as string;
  const { episodeId } = await setup({
    as: 'sw',
    method: 'post',
    path: `/api/children/${childId}/referrals`,
    body: { referralDate: '2026-03-02', source: '1A', primaryNeed: 'N2' },
  });
  await setup({
    as: 'tm',
    method: 'post',
    path: `/api/children/${childId}/closure`,
    body: { closureDate: '2026-04-01', reason, reasons: 'Assessment complete.', childMetDecider: true, parentsMetDecider: true },
  });
  return { childId, episodeId: episodeId as string };
};
const earlyHelpEpisode = async () => {
  const { childId } = await closedEpisode('RC9');
  const view = await (as.sw as ReturnType<typeof client>).get(`/api/children/${childId}/early-help`);
  return { childId, earlyHelpId: view.body.episodes[0].earlyHelpId as string, version: view.body.episodes[0].version as number };
};

const EXAMPLES: Record<string, (ctx: Ctx) => Promise<Call>> = {
  // the day's work (areas/work): a step-down sent to the manager, and the manager returning it.
  'POST /api/children/{childId}/decision-requests': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `/api/children/${await openCase(ctx)}/decision-requests`,
    body: stepDown,
  }),
  'POST /api/decision-requests/{requestId}/decision': async (ctx) => {
    const sent = await setup({ as: 'sw', method: 'post', path: `/api/children/${await openCase(ctx)}/decision-requests`, body: stepDown });
    return {
      as: 'tm',
      method: 'post',
      path: `/api/decision-requests/${sent.requestId}/decision`,
      body: { version: 1, approve: false, reasons: 'Visit once more' },
    };
  },
  // early help (areas/early-help)
  'POST /api/children/{childId}/early-help/step-down': async () => {
    const { childId, episodeId } = await closedEpisode('RC7');
    return {
      as: 'tm',
      method: 'post',
      path: `/api/children/${childId}/early-help/step-down`,
      body: { cinEpisodeId: episodeId, startedOn: '2026-04-02', reasons: 'Parenting group.' },
    };
  },
  'PUT /api/children/{childId}/early-help/{earlyHelpId}/team': async ({ ids }) => {
    const e = await earlyHelpEpisode();
    return {
      as: 'sw',
      method: 'put',
      path: `/api/children/${e.childId}/early-help/${e.earlyHelpId}/team`,
      body: { version: e.version, leadKind: 'worker', leadWorkerId: ids.swA, teamAroundFamily: [{ name: 'Mum', role: 'Parent' }] },
    };
  },
  'PUT /api/children/{childId}/early-help/{earlyHelpId}/assessment': async () => {
    const e = await earlyHelpEpisode();
    return {
      as: 'sw',
      method: 'put',
      path: `/api/children/${e.childId}/early-help/${e.earlyHelpId}/assessment`,
      body: { version: e.version, completedOn: '2026-04-20', strengths: 'Warm home.', needs: 'Routines.', familyViews: 'Happy to try.' },
    };
  },
  'POST /api/children/{childId}/early-help/{earlyHelpId}/reviews': async () => {
    const e = await earlyHelpEpisode();
    return {
      as: 'sw',
      method: 'post',
      path: `/api/children/${e.childId}/early-help/${e.earlyHelpId}/reviews`,
      body: { heldOn: '2026-06-01', attended: 'Mum, school', progress: 'Better mornings.' },
    };
  },
  'POST /api/children/{childId}/early-help/{earlyHelpId}/end': async () => {
    const e = await earlyHelpEpisode();
    return {
      as: 'sw',
      method: 'post',
      path: `/api/children/${e.childId}/early-help/${e.earlyHelpId}/end`,
      body: { version: e.version, endedOn: '2026-07-01', outcome: 'needs-met', reasons: 'Goals met.' },
    };
  },
  // conferences and reviews (areas/meetings). The record shares its review's id, and this walk matches
  // audit rows by id alone, so the example keeps the review's participation code as it was (a change
  // of code, an update of cla_review under the same id, is covered in test/areas/meetings).
  'PUT /api/children/{childId}/meetings/{kind}/{meetingId}/record': async (ctx) => ({
    as: 'sw2',
    method: 'put',
    path: `/api/children/${ctx.ids.childB}/meetings/review/${await review(ctx)}/record`,
    body: {
      attendees: [{ role: 'child', invited: true, attended: true }],
      participation: 'PN1',
      decisions: 'Stay in the placement.',
      decisionsSentOn: '2026-09-24',
    },
  }),
  'POST /api/children/{childId}/meetings/{kind}/{meetingId}/recommendations': async (ctx) => ({
    as: 'sw2',
    method: 'post',
    path: `/api/children/${ctx.ids.childB}/meetings/review/${await review(ctx)}/recommendations`,
    body: { recommendation: 'Start life story work', ownerWorkerId: ctx.ids.swB, dueOn: '2026-11-02' },
  }),
  'PATCH /api/children/{childId}/recommendations/{recommendationId}': async (ctx) => ({
    as: 'sw2',
    method: 'patch',
    path: `/api/children/${ctx.ids.childB}/recommendations/${await recommendation(ctx)}`,
    body: { version: 1, doneOn: '2026-10-01', doneNote: 'Booked and seen.' },
  }),
  'POST /api/children/{childId}/iro-escalations': async ({ ids }) => ({
    as: 'iro',
    method: 'post',
    path: `/api/children/${ids.childA}/iro-escalations`,
    body: { raisedOn: '2026-11-16', concern: 'The care plan is out of date.' },
  }),
  'POST /api/children/{childId}/iro-escalations/{escalationId}/answer': async (ctx) => ({
    as: 'tm',
    method: 'post',
    path: `/api/children/${ctx.ids.childA}/iro-escalations/${await escalation(ctx)}/answer`,
    body: { version: 1, answeredOn: '2026-11-18', outcome: 'resolved', note: 'Plan updated and shared.' },
  }),
  // children
  'POST /api/children': async () => ({
    as: 'sw',
    method: 'post',
    path: '/api/children',
    body: { givenName: 'Walker', familyName: 'Route', sex: 'F', dateOfBirth: '2019-05-02', ethnicity: 'WBRI', confirmNotDuplicate: true },
  }),
  'PATCH /api/children/{childId}': async ({ ids }) => {
    const child = (await (as.sw as ReturnType<typeof client>).get(`/api/children/${ids.childA}`)).body.child;
    return { as: 'sw', method: 'patch', path: `/api/children/${ids.childA}`, body: { version: child.version, otherNames: `Walked ${child.version}` } };
  },
  'POST /api/children/{childId}/chronology': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: `/api/children/${ids.childA}/chronology`,
    body: { occurredOn: '2026-01-05', category: 'visit', summary: 'Home visit.' },
  }),
  'POST /api/children/{childId}/relationships': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: `/api/children/${ids.childA}/relationships`,
    body: { newPerson: { givenName: 'Dean', familyName: 'Lambert', sex: 'M' }, type: 'father', parentalResponsibility: true, livesWithChild: false },
  }),
  'POST /api/children/{childId}/addresses': async ({ ids }) => {
    await setup({
      as: 'sw',
      method: 'post',
      path: `/api/children/${ids.childA}/addresses`,
      body: { line1: '1 Old Road', town: 'Hereford', postcode: 'HR1 1AA', startDate: '2024-01-01' },
    });
    return {
      as: 'sw',
      method: 'post',
      path: `/api/children/${ids.childA}/addresses`,
      body: { line1: '4 Mill Lane', town: 'Leominster', postcode: 'hr6 8aa', startDate: '2025-01-01' },
    };
  },
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
  'POST /api/workers/{workerId}/absences': async ({ ids }) => ({
    as: 'tm',
    method: 'post',
    path: `/api/workers/${ids.swA2}/absences`,
    body: { startDate: '2026-01-12', endDate: '2026-01-12', reason: 'SIC' },
  }),
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
  'POST /api/children/{childId}/case-audits': async ({ ids }) => ({
    as: 'hos',
    method: 'post',
    path: `/api/children/${ids.childA}/case-audits`,
    body: {
      auditedOn: '2026-02-10',
      grade: 'good',
      summary: 'Visits on time.',
      answers: await questions(),
      actions: [{ finding: 'Plan vague', action: 'Rewrite', ownerWorkerId: ids.swA, dueDate: '2026-03-10' }],
    },
  }),
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
};

/** Not writes to the record: signing in and out (audited, not versioned), and checking a file. */
const NOT_RECORD_WRITES = new Set(['POST /api/session', 'DELETE /api/session', 'POST /api/returns/cin-census/validate', 'POST /api/returns/ssda903/validate']);

/**
 * Routes of the areas still moving onto the ledger (referrals, protection, looked-after,
 * looked-after-care, partners, returns): each needs an example above once its area has moved,
 * and then comes off this list. A route on it that has an example fails the test, so it shrinks.
 */
const STILL_TO_COME = new Set<string>([
  // The practice record's and the day's work's routes, built beside the walk: their own API tests
  // (areas/referrals/assessment-record, areas/plans, areas/work/routing) check their versions.
  'POST /api/children/{childId}/assessments/{assessmentId}/record/authorisation',
  'POST /api/children/{childId}/assessments/{assessmentId}/record/return',
  'POST /api/children/{childId}/assessments/{assessmentId}/record/submission',
  'POST /api/children/{childId}/iro',
  'POST /api/children/{childId}/plans',
  'POST /api/children/{childId}/plans/{planDocumentId}/progress',
  'POST /api/children/{childId}/routing',
  'POST /api/children/{childId}/transfers',
  'POST /api/transfers/{transferId}/decision',
  'PUT /api/children/{childId}/assessments/{assessmentId}/record',
  'PUT /api/children/{childId}/plans/{planDocumentId}',
  'PUT /api/children/{childId}/section47/{s47Id}/findings',
  'PATCH /api/children/{childId}/adoptions/{adoptionId}',
  'PATCH /api/children/{childId}/assessments/{assessmentId}',
  'PATCH /api/children/{childId}/housing-needs/{housingNeedId}',
  'PATCH /api/children/{childId}/missing-episodes/{missingId}',
  'PATCH /api/providers/{providerId}',
  'POST /api/children/{childId}/adoptions',
  'POST /api/children/{childId}/assessments',
  'POST /api/children/{childId}/assessments/{assessmentId}/authorisation',
  'POST /api/children/{childId}/cin-plans',
  'POST /api/children/{childId}/cin-plans/current/end',
  'POST /api/children/{childId}/cin-plans/current/reviews',
  'POST /api/children/{childId}/closure',
  'POST /api/children/{childId}/conferences',
  'POST /api/children/{childId}/contacts',
  'POST /api/children/{childId}/contacts/{contactId}/decision',
  'POST /api/children/{childId}/core-groups',
  'POST /api/children/{childId}/health-checks',
  'POST /api/children/{childId}/health-outcomes',
  'POST /api/children/{childId}/housing-needs',
  'POST /api/children/{childId}/leaver-accommodation',
  'POST /api/children/{childId}/looked-after',
  'POST /api/children/{childId}/looked-after/cease',
  'POST /api/children/{childId}/looked-after/changes',
  'POST /api/children/{childId}/looked-after/reviews',
  'POST /api/children/{childId}/looked-after/visits',
  'POST /api/children/{childId}/missing-episodes',
  'POST /api/children/{childId}/pa-visits',
  'POST /api/children/{childId}/partner-requests',
  'POST /api/children/{childId}/partner-requests/{requestId}/answer',
  'POST /api/children/{childId}/partner-requests/{requestId}/withdrawal',
  'POST /api/children/{childId}/pathway-plans',
  'POST /api/children/{childId}/peps',
  'POST /api/children/{childId}/permanence-orders',
  'POST /api/children/{childId}/permanence-plans',
  'POST /api/children/{childId}/referrals',
  'POST /api/children/{childId}/section47s',
  'POST /api/children/{childId}/section47s/{s47Id}/outcome',
  'POST /api/children/{childId}/strategy-discussions',
  'POST /api/children/{childId}/unregistered-approvals',
  'POST /api/children/{childId}/visits',
  'POST /api/partner-organisations',
  'POST /api/partner-organisations/{organisationId}/contacts',
  'POST /api/partner-organisations/{organisationId}/users',
  'POST /api/partner/requests/{requestId}/answer',
  'POST /api/providers',
  'POST /api/returns/cin-census/imports',
  'POST /api/returns/cin-census/runs',
  'POST /api/returns/ssda903/imports',
  'POST /api/returns/ssda903/runs',
  'PUT /api/children/{childId}/birthday-contacts',
  'PUT /api/children/{childId}/care-leaver',
  'PUT /api/children/{childId}/meetings/{meetingKind}/{meetingId}/contributions',
  'PUT /api/children/{childId}/previous-permanence',
  'PUT /api/children/{childId}/uasc',
  'PUT /api/settings/partner-response/{requestType}',
  'PUT /api/settings/repeat-missing',
]);

let writeRoutes: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ids = await buildFixture(server.store.db);
  for (const who of ['sw', 'sw2', 'tm', 'iro', 'hos', 'analyst', 'admin'] as const) as[who] = client(server, await signInAs(server, who, FIXTURE_PASSWORD));
  const paths = (await client(server).get('/api/openapi.json')).body.paths as Record<string, Record<string, unknown>>;
  writeRoutes = Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .filter((r) => !NOT_RECORD_WRITES.has(r))
    .sort();
});
afterAll(() => server?.close());

const db = () => server.store.db;
const WRITES = ['create', 'update', 'allocate', 'end-allocation'];

async function trail() {
  const [audit, versions, chronology] = await Promise.all([
    db().selectFrom('audit_event').select(['audit_id', 'action', 'record_type', 'record_id', 'child_id']).execute(),
    db().selectFrom('record_version').select(['record_type', 'record_id', 'version']).execute(),
    db().selectFrom('chronology_entry').select(['entry_id', 'child_id']).execute(),
  ]);
  return { audit, versions, chronology };
}

/** What one request left behind that the ledger's promise does not hold for, in words. */
async function breaches(request: Call): Promise<string[]> {
  const before = await trail();
  const res = await call(request);
  if (res.status >= 300) return [`answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`];
  const after = await trail();
  const seen = (xs: { audit_id: number | string }[]) => new Set(xs.map((x) => String(x.audit_id)));
  const oldAudit = seen(before.audit);
  const audit = after.audit.filter((a) => !oldAudit.has(String(a.audit_id)) && WRITES.includes(a.action));
  const key = (v: { record_type: string; record_id: string; version: number }) => `${v.record_type}|${v.record_id}|${v.version}`;
  const oldVersions = new Set(before.versions.map(key));
  const versions = after.versions.filter((v) => !oldVersions.has(key(v)));
  const oldEntries = new Set(before.chronology.map((c) => c.entry_id));
  const entries = after.chronology.filter((c) => !oldEntries.has(c.entry_id));
  const out: string[] = [];
  if (audit.length === 0) out.push('no audit row for the write');
  // One audit row per version written, naming the record.
  const byRecord = new Map<string, typeof versions>();
  for (const v of versions) byRecord.set(`${v.record_type}|${v.record_id}`, [...(byRecord.get(`${v.record_type}|${v.record_id}`) ?? []), v]);
  for (const [record, vs] of byRecord) {
    const [type, id] = record.split('|') as [string, string];
    const rows = audit.filter((a) => a.record_id === id);
    if (rows.length !== vs.length) out.push(`${type} ${id}: ${vs.length} version(s) written, ${rows.length} audit row(s)`);
    // Every version kept, 1 to the record's current version.
    const table = type.replaceAll('-', '_') as keyof typeof RECORD_KEYS;
    const columns = RECORD_KEYS[table] as readonly string[] | undefined;
    if (!columns) {
      out.push(`${type}: no table of that name`);
      continue;
    }
    const values = id.split(':');
    let q = (db() as any).selectFrom(table).select('version');
    columns.forEach((c, i) => {
      q = q.where(c, '=', values[i]);
    });
    const row = (await q.executeTakeFirst()) as { version: number } | undefined;
    const kept = after.versions
      .filter((v) => v.record_type === type && v.record_id === id)
      .map((v) => v.version)
      .sort((a, b) => a - b);
    const want = row ? Array.from({ length: row.version }, (_, i) => i + 1) : kept;
    if (JSON.stringify(kept) !== JSON.stringify(want)) out.push(`${type} ${id}: versions kept ${kept.join(',')}, the record is at ${row?.version}`);
  }
  // A write on a child's record is on their chronology.
  for (const childId of new Set(audit.map((a) => a.child_id).filter((c): c is string => !!c))) {
    if (!entries.some((e) => e.child_id === childId)) out.push(`child ${childId}: written, but no chronology entry`);
  }
  return out;
}

describe('every write route keeps the statutory trail', () => {
  it('has an example for each write route, or says it is still to come', () => {
    const missing = writeRoutes.filter((r) => !EXAMPLES[r] && !STILL_TO_COME.has(r));
    const stale = [...STILL_TO_COME].filter((r) => EXAMPLES[r] || !writeRoutes.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('leaves exactly the versions, audit rows and chronology the ledger promises', async () => {
    const results: Record<string, string[]> = {};
    for (const route of writeRoutes) {
      const example = EXAMPLES[route];
      if (!example) continue;
      results[route] = await breaches(await example({ ids, call }));
    }
    const failing = Object.fromEntries(Object.entries(results).filter(([, b]) => b.length > 0));
    expect(failing).toEqual({});
  });
});
