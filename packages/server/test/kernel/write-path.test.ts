/**
 * Walks every write route in the OpenAPI document: one successful request each, over the fixture
 * council, must leave what the ledger promises — each versioned record it wrote with every version
 * kept (1 to its current version, none missing), one audit row per version written, and an entry
 * on the chronology of each child whose record it wrote.
 *
 * A route needs an example below; a new route without one fails here (a route that writes no
 * record is named in NOT_RECORD_WRITES, with why).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshObligations } from '../../src/kernel/obligations.ts';
import { RECORD_KEYS } from '../../src/kernel/record-keys.ts';
import { addUsers, FIXTURE_PASSWORD, LA, PLACEMENT } from '../helpers/fixture.ts';
import { type Client, client, type FixtureIds, recruitedToPanel, signInAs, startFixtureServer, type TestServer } from '../helpers/server.ts';

/** The fixture's people, a partner agency's officer signed in by the example that needs one, and the fostering team. */
type Who = 'sw' | 'sw2' | 'tm' | 'iro' | 'hos' | 'analyst' | 'admin' | 'partner' | 'ssw' | 'ftm';
type Call = { as: Who; method: 'post' | 'put' | 'patch' | 'delete'; path: string; body?: unknown };
type Ids = FixtureIds;
type Ctx = { ids: Ids; call: (c: Call) => Promise<{ status: number; body: any }> };

let server: TestServer;
let ids: Ids;
const as: Partial<Record<Who, ReturnType<typeof client>>> = {};
const call: Ctx['call'] = async (c) => {
  const api = as[c.as] as ReturnType<typeof client>;
  return c.method === 'delete' ? api.delete(c.path) : api[c.method](c.path, c.body ?? {});
};
/** A request `who` makes: `method` to `path`, with `body` if any. */
const by = (who: Who, method: Call['method'], path: string, body?: unknown): Call => ({ as: who, method, path, body });
/** A setup request an example needs first; it must succeed. */
const setup = async (c: Call) => {
  const res = await call(c);
  if (res.status >= 300) throw new Error(`setup ${c.method} ${c.path} gave ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

/** `rest` of the path of a subject access request about the child. */
const sarPath = (childId: string, sarId: string, rest: string) => `/api/children/${childId}/subject-access-requests/${sarId}${rest}`;
/** A subject access request about the child (recorded first if there is none yet). */
const subjectAccess = async (childId: string): Promise<{ sarId: string; version: number; reviewed: boolean }> => {
  const path = `/api/children/${childId}/subject-access-requests`;
  const list = (await (as.hos as ReturnType<typeof client>).get(path)).body.requests as {
    sarId: string;
    version: number;
    reviewed: boolean;
    releasedOn: string | null;
  }[];
  const open = list.find((s) => !s.releasedOn);
  if (open) return open;
  await setup({
    as: 'hos',
    method: 'post',
    path,
    body: { requesterName: 'Jack Ferris', requesterRelationship: 'self', identitySeen: 'Passport', receivedOn: '2026-01-05' },
  });
  return subjectAccess(childId);
};
const HEADER = 'time_period,time_identifier,geographic_level,country_code,region_code,region_name,new_la_code,la_name,indicator,value';
/** The head of service's audit of childA's case: good, with one action for Ava. */
const caseAuditOfChildA = async (ids: Ids) =>
  by('hos', 'post', `/api/children/${ids.childA}/case-audits`, {
    auditedOn: '2026-02-10',
    grade: 'good',
    summary: 'Visits on time.',
    answers: await questions(),
    actions: [{ finding: 'Plan vague', action: 'Rewrite the plan', ownerWorkerId: ids.swA, dueDate: '2026-03-10' }],
  });
const caseAudit = async ({ ids }: Ctx) => setup(await caseAuditOfChildA(ids));
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

/** A user the administrator adds for an example to act on (never one the walk signs in as). */
const walkUser = async (username = `walk.user.${Date.now()}.${Math.random().toString(36).slice(2, 6)}`) =>
  (
    await setup({
      as: 'admin',
      method: 'post',
      path: '/api/users',
      body: { username, displayName: 'Walk user', role: 'social-worker', password: 'a long enough password' },
    })
  ).userId as string;
/** A new child held by swA (the 'sw' user), for examples that need a case of their own. */
let walkers = 0;
const freshChild = async ({ ids }: Ctx, dateOfBirth = '2014-04-04') => {
  const made = await setup({
    as: 'sw',
    method: 'post',
    path: '/api/children',
    body: { givenName: `Walker${++walkers}`, familyName: 'Carden', sex: 'M', dateOfBirth, ethnicity: 'WBRI', confirmNotDuplicate: true },
  });
  const childId = made.child.childId as string;
  await setup({
    as: 'tm',
    method: 'post',
    path: `/api/children/${childId}/allocations`,
    body: { workerId: ids.swA, role: 'social-worker', startDate: '2024-01-08' },
  });
  return childId;
};
/** A new child who became looked after on 2 March 2026: the child, the episode and its period. */
const inCare = async (ctx: Ctx) => {
  const childId = await freshChild(ctx);
  const made = await setup({ as: 'sw', method: 'post', path: `/api/children/${childId}/looked-after`, body: { startDate: '2026-03-02', ...PLACEMENT } });
  return { childId, episodeId: made.episodeId as string, periodId: made.periodId as string };
};
/** A young person of 16 (born 31 May 2010) recorded as an eligible care leaver. */
const leaver = async (ctx: Ctx) => {
  const childId = await freshChild(ctx, '2010-05-31');
  await setup({ as: 'sw', method: 'put', path: `/api/children/${childId}/care-leaver`, body: { category: 'eligible', eligibleFrom: '2026-03-01' } });
  return childId;
};
const partnerOrganisation = async (partnerType = 'housing') =>
  (await setup({ as: 'admin', method: 'post', path: '/api/partner-organisations', body: { name: `Walk ${partnerType} ${++walkers}`, partnerType } }))
    .organisationId as string;
const partnerRequest = async ({ ids }: Ctx) =>
  (
    await setup({
      as: 'sw',
      method: 'post',
      path: `/api/children/${ids.childA}/partner-requests`,
      body: {
        organisationId: await partnerOrganisation(),
        requestType: 'housing-assessment',
        asked: 'Assess the family for a move.',
        needToKnow: 'The flat is overcrowded.',
        sentOn: '2026-11-02',
      },
    })
  ).requestId as string;
const child = (childId: string, rest: string) => `/api/children/${childId}${rest}`;

/** A new child with an open child-in-need episode (referred on 5 January 2026). */
const openCase = async (ctx: Ctx) => {
  const childId = await freshChild(ctx);
  await setup({ as: 'sw', method: 'post', path: child(childId, '/referrals'), body: { referralDate: '2026-01-05', source: '1B', primaryNeed: 'N2' } });
  return childId;
};
/** The child an example works on, made for it. */
type CaseOf = (ctx: Ctx) => Promise<string>;
const childInCare: CaseOf = async (ctx) => (await inCare(ctx)).childId;
/** An example in which the social worker writes `body` to `rest` of the record of a child `caseOf` makes. */
const socialWorker =
  (method: Call['method'], caseOf: CaseOf, rest: string, body: unknown) =>
  async (ctx: Ctx): Promise<Call> => ({ as: 'sw', method, path: child(await caseOf(ctx), rest), body });
const assessed = async (ctx: Ctx) => {
  const childId = await openCase(ctx);
  const { assessmentId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/assessments'), body: { startDate: '2026-01-06' } });
  return { childId, assessmentId: assessmentId as string };
};
const VOICE = { childMetDecider: true, parentsMetDecider: true, childWords: 'I want things calmer at home.' };
/** A school's contact about a bruise, received on 5 January 2026. */
const CONTACT = { receivedAt: '2026-01-05T10:15:00Z', source: '2A', presentingConcern: 'School worried about bruising.' };
/** A strategy discussion on 10 January that decides on a section 47 enquiry. */
const STRATEGY = { heldOn: '2026-01-10', agencies: ['social-care', 'police', 'health'], decision: 'section-47', reasons: 'Injury consistent with a grip.' };
/** An open case with a strategy discussion (STRATEGY). */
const strategyDiscussion = async (ctx: Ctx) => {
  const childId = await openCase(ctx);
  const { strategyId } = await setup(by('sw', 'post', child(childId, '/strategy-discussions'), STRATEGY));
  return { childId, strategyId: strategyId as string };
};
/** An open case with a strategy discussion on 10 January and a section 47 enquiry from it. */
const enquiry = async (ctx: Ctx) => {
  const { childId, strategyId } = await strategyDiscussion(ctx);
  const { s47Id } = await setup({ as: 'sw', method: 'post', path: child(childId, '/section47s'), body: { strategyId, startDate: '2026-01-10' } });
  return { childId, strategyId, s47Id: s47Id as string };
};
const conference = async (ctx: Ctx) => {
  const { childId, s47Id } = await enquiry(ctx);
  return {
    childId,
    body: { kind: 'initial', s47Id, heldOn: '2026-01-28', outcome: 'plan', initialCategory: 'PHY', chair: 'R. Okafor', ...VOICE },
  };
};

const unregisteredHome = async () =>
  (
    await setup({
      as: 'tm',
      method: 'post',
      path: '/api/providers',
      body: { name: `Elm Lodge ${++walkers}`, providerKind: 'childrens-home', placeProvider: 'PR4', registrationStatus: 'unregistered', postcode: 'HR6 8QQ' },
    })
  ).providerId as string;

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
        ...PLACEMENT,
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
/** `rest` of the path of an early help episode. */
const earlyHelpPath = (e: { childId: string; earlyHelpId: string }, rest: string) => `/api/children/${e.childId}/early-help/${e.earlyHelpId}${rest}`;
const earlyHelpEpisode = async () => {
  const { childId } = await closedEpisode('RC9');
  const view = await (as.sw as ReturnType<typeof client>).get(`/api/children/${childId}/early-help`);
  return { childId, earlyHelpId: view.body.episodes[0].earlyHelpId as string, version: view.body.episodes[0].version as number };
};

/** The fostering service (areas/fostering): households made for the examples that need one. */
const fostering = '/api/fostering/households';
const fosterHousehold = async (kind = 'mainstream') =>
  (await setup({ as: 'ssw', method: 'post', path: fostering, body: { name: 'The Testers', enquiryOn: '2026-01-05', kind } })).householdId as string;
const atPanel = async () => {
  const h = await fosterHousehold();
  return { h, v: await recruitedToPanel(as.ssw as Client, h, ['2026-02-02', '2026-02-13', '2026-05-29', '2026-06-15']) };
};
const TERMS = { maxChildren: 2, ageFrom: 0, ageTo: 17, placementTypes: ['short-term'] };
const approvedHousehold = async () => {
  const { h, v } = await atPanel();
  const done = await setup({
    as: 'ftm',
    method: 'post',
    path: `${fostering}/${h}/decision`,
    body: { version: v, decidedOn: '2026-06-19', decision: 'approved', reasons: 'Panel recommended.', terms: TERMS },
  });
  return { h, v: done.version as number };
};
const temporarilyApproved = async (childId: string) => {
  const h = await fosterHousehold('connected-person');
  const done = await setup({
    as: 'ftm',
    method: 'post',
    path: `${fostering}/${h}/temporary-approval`,
    body: { version: 1, childId, placedOn: '2026-03-02', reasons: 'Nan took him in.' },
  });
  return { h, v: done.version as number };
};

/** Legal steps (areas/legal): a planning meeting, pre-proceedings and proceedings made for the examples that need one. */
const legal = (childId: string) => `/api/children/${childId}/legal`;
const planningBody = {
  heldOn: '2026-03-09',
  attendees: [{ role: 'council-lawyer', name: 'Lee Lawyer' }],
  threshold: 'Neglect over two years; the threshold is likely met.',
};
const startPre = async (as: Who, childId: string) =>
  (await setup({ as, method: 'post', path: `${legal(childId)}/pre-proceedings`, body: { letterSentOn: '2026-03-10', letterTo: 'Both parents' } }))
    .preProceedingsId as string;
let preMade: Promise<string> | undefined;
const preA = ({ ids }: Ctx) => (preMade ??= startPre('sw', ids.childA));
const issue = async (as: Who, childId: string) =>
  (
    await setup({
      as,
      method: 'post',
      path: `${legal(childId)}/proceedings`,
      body: { issuedOn: '2026-04-14', court: 'Hereford Family Court', caseNumber: 'HR26C00001', applicationType: 'care-order' },
    })
  ).proceedingsId as string;
let procMade: Promise<string> | undefined;
const procA = ({ ids }: Ctx) => (procMade ??= issue('sw', ids.childA));
const version = async (childId: string, kind: 'preProceedings' | 'proceedings', id: string) => {
  const res = await (as.sw as ReturnType<typeof client>).get(legal(childId));
  const key = kind === 'preProceedings' ? 'preProceedingsId' : 'proceedingsId';
  return (res.body[kind] as Record<string, unknown>[]).find((x) => x[key] === id)?.version as number;
};

/** A written assessment (every section) of a new open case, ready to send to the manager. */
const ASSESSMENT = {
  livedExperience: 'Gets himself up for school; breakfast is whatever is in the cupboard.',
  childWords: 'I like it when Nan picks me up.',
  worries: 'Mum has been drinking more since the winter.',
  workingWell: 'Nan lives two streets away.',
  parentsViews: 'Mum wants help but is scared.',
  partnerViews: 'School says attendance is 84%.',
  analysis: 'The risk is at night, when no other adult is around.',
  recommendation: 'A child in need plan with Nan as the evening safety adult.',
};
const assessmentRecord = async (ctx: Ctx, sent = false) => {
  const { childId, assessmentId } = await assessed(ctx);
  const path = child(childId, `/assessments/${assessmentId}/record`);
  await setup({ as: 'sw', method: 'put', path, body: { ...ASSESSMENT, factors: ['1B'] } });
  if (sent)
    await setup({
      as: 'sw',
      method: 'post',
      path: `${path}/submission`,
      body: { version: 1, workerScale: 7, completedOn: '2026-02-10', outcome: 'child-in-need-plan' },
    });
  return path;
};
/** A protection plan written on the plan an initial conference made; its actions as written. */
const planBody = (cpPlanId: string, ownerWorkerId: string) => ({
  kind: 'protection',
  planRef: cpPlanId,
  agreedOn: '2026-01-28',
  stage: 'outline',
  outcomes: [{ text: 'A sober adult collects him from school every day', measure: 'School log shows every pick-up' }],
  actions: [
    { what: 'Refer Mum to the alcohol service', ownerKind: 'worker', ownerWorkerId, dueOn: '2026-02-06' },
    { what: 'Go to the first appointment', ownerKind: 'parent-carer', ownerName: 'Kelly Carden', dueOn: '2026-02-20' },
  ],
  contingency: 'If he is left without a safe adult again, Nan looks after him and we go to the legal team.',
});
const protectionPlan = async (ctx: Ctx) => {
  const { childId, body } = await conference(ctx);
  const { planId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/conferences'), body });
  const written = planBody(planId as string, ctx.ids.swA);
  const { planDocumentId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/plans'), body: written });
  return { childId, planDocumentId: planDocumentId as string, written };
};
/** A housing officer's request from childA's worker, and the officer signed in as 'partner'. */
const askedPartner = async (ctx: Ctx) => {
  const organisationId = await partnerOrganisation();
  const username = `walk.housing.${++walkers}`;
  await setup({
    as: 'admin',
    method: 'post',
    path: `/api/partner-organisations/${organisationId}/users`,
    body: { username, displayName: 'Housing officer', password: 'a long partner password' },
  });
  as.partner = client(server, await signInAs(server, username, 'a long partner password'));
  const { requestId } = await setup({
    as: 'sw',
    method: 'post',
    path: child(ctx.ids.childA, '/partner-requests'),
    body: { organisationId, requestType: 'housing-assessment', asked: 'Assess the family for a move.', needToKnow: 'Overcrowded.', sentOn: '2026-11-02' },
  });
  return requestId as string;
};
/** A council's own returns, as the returns' tests import them (test/fixtures). */
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const returnFiles = (name: string) =>
  readdirSync(fixture(`${name}/`))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(new URL(file, fixture(`${name}/`)), 'utf8') }));

const EXAMPLES: Record<string, (ctx: Ctx) => Promise<Call>> = {
  'POST /api/children/{childId}/legal/planning-meetings': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ids.childA)}/planning-meetings`,
    body: { ...planningBody, decision: 'pre-proceedings', reasons: 'Parents may change with a clear plan.' },
  }),
  'POST /api/children/{childId}/legal/planning-meetings/{meetingId}/decision': async ({ ids }) => {
    const made = await setup({ as: 'tm', method: 'post', path: `${legal(ids.childA)}/planning-meetings`, body: planningBody });
    return {
      as: 'tm',
      method: 'post',
      path: `${legal(ids.childA)}/planning-meetings/${made.meetingId}/decision`,
      body: { version: 1, decidedOn: '2026-03-10', decision: 'no-order', reasons: 'Support is working.' },
    };
  },
  'POST /api/children/{childId}/legal/pre-proceedings': async ({ ids }) => ({
    as: 'sw2',
    method: 'post',
    path: `${legal(ids.childRestricted)}/pre-proceedings`,
    body: { letterSentOn: '2026-03-10', letterTo: 'Mother' },
  }),
  'POST /api/children/{childId}/legal/pre-proceedings/{preProceedingsId}/meeting': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ctx.ids.childA)}/pre-proceedings/${await preA(ctx)}/meeting`,
    body: {
      version: await version(ctx.ids.childA, 'preProceedings', await preA(ctx)),
      meetingHeldOn: '2026-03-20',
      planAgreed: 'Parenting course; drug tests.',
    },
  }),
  'POST /api/children/{childId}/legal/pre-proceedings/{preProceedingsId}/extension': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ctx.ids.childA)}/pre-proceedings/${await preA(ctx)}/extension`,
    body: { version: await version(ctx.ids.childA, 'preProceedings', await preA(ctx)), newEndOn: '2026-08-04', reason: 'Waiting for the expert.' },
  }),
  'POST /api/children/{childId}/legal/pre-proceedings/{preProceedingsId}/reviews': async ({ ids }) => {
    const id = await startPre('sw', ids.childUnallocated);
    await setup({
      as: 'sw',
      method: 'post',
      path: `${legal(ids.childUnallocated)}/pre-proceedings/${id}/meeting`,
      body: { version: 1, meetingHeldOn: '2026-03-20', planAgreed: 'A plan.' },
    });
    return {
      as: 'sw',
      method: 'post',
      path: `${legal(ids.childUnallocated)}/pre-proceedings/${id}/reviews`,
      body: { heldOn: '2026-05-01', progress: 'Going well.' },
    };
  },
  'POST /api/children/{childId}/legal/pre-proceedings/{preProceedingsId}/end': async ({ ids }) => ({
    as: 'sw2',
    method: 'post',
    path: `${legal(ids.childB)}/pre-proceedings/${await startPre('sw2', ids.childB)}/end`,
    body: { version: 1, endedOn: '2026-06-01', outcome: 'stepped-down', reasons: 'Changes made and kept up.' },
  }),
  'POST /api/children/{childId}/legal/assessments': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ids.childA)}/assessments`,
    body: { kind: 'parenting', commissionedOn: '2026-03-20', assessor: 'Family assessment service', dueOn: '2026-05-01' },
  }),
  'POST /api/children/{childId}/legal/proceedings': async ({ ids }) => ({
    as: 'sw2',
    method: 'post',
    path: `${legal(ids.childB)}/proceedings`,
    body: { issuedOn: '2026-06-02', court: 'Hereford Family Court', caseNumber: 'HR26C00002', applicationType: 'supervision-order' },
  }),
  'POST /api/children/{childId}/legal/proceedings/{proceedingsId}/hearings': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ctx.ids.childA)}/proceedings/${await procA(ctx)}/hearings`,
    body: { heldOn: '2026-05-12', hearingType: 'first-hearing', notes: 'Timetable set.' },
  }),
  'POST /api/children/{childId}/legal/proceedings/{proceedingsId}/extensions': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ctx.ids.childA)}/proceedings/${await procA(ctx)}/extensions`,
    body: {
      version: await version(ctx.ids.childA, 'proceedings', await procA(ctx)),
      grantedOn: '2026-10-01',
      newDueOn: '2026-12-08',
      reason: 'Expert report late.',
    },
  }),
  'POST /api/children/{childId}/legal/proceedings/{proceedingsId}/orders': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ctx.ids.childA)}/proceedings/${await procA(ctx)}/orders`,
    body: { version: await version(ctx.ids.childA, 'proceedings', await procA(ctx)), madeOn: '2026-04-15', order: 'interim-supervision-order' },
  }),
  'POST /api/children/{childId}/legal/proceedings/{proceedingsId}/withdraw': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: `${legal(ids.childUnallocated)}/proceedings/${await issue('sw', ids.childUnallocated)}/withdraw`,
    body: { version: 1, withdrawnOn: '2026-05-01', reasons: 'The family moved to another council.' },
  }),
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
  // the fostering service (areas/fostering)
  'POST /api/fostering/households': async () => ({ as: 'ssw', method: 'post', path: fostering, body: { name: 'Amy Carter', enquiryOn: '2026-01-05' } }),
  'POST /api/fostering/households/{householdId}/members': async () => ({
    as: 'ssw',
    method: 'post',
    path: `${fostering}/${await fosterHousehold()}/members`,
    body: { givenName: 'Amy', familyName: 'Carter', dateOfBirth: '1984-02-01', role: 'applicant' },
  }),
  'POST /api/fostering/households/{householdId}/checks': async () => {
    const h = await fosterHousehold();
    const m = await setup({
      as: 'ssw',
      method: 'post',
      path: `${fostering}/${h}/members`,
      body: { givenName: 'Amy', familyName: 'Carter', dateOfBirth: '1984-02-01', role: 'applicant' },
    });
    return {
      as: 'ssw',
      method: 'post',
      path: `${fostering}/${h}/checks`,
      body: { memberId: m.memberId, kind: 'dbs', requestedOn: '2026-02-03', completedOn: '2026-02-20', outcome: 'clear' },
    };
  },
  'POST /api/fostering/households/{householdId}/recruitment': async () => ({
    as: 'ssw',
    method: 'post',
    path: `${fostering}/${await fosterHousehold()}/recruitment`,
    body: { version: 1, step: 'application', on: '2026-02-02' },
  }),
  'POST /api/fostering/households/{householdId}/decision': async () => {
    const { h, v } = await atPanel();
    return {
      as: 'ftm',
      method: 'post',
      path: `${fostering}/${h}/decision`,
      body: { version: v, decidedOn: '2026-06-19', decision: 'approved', reasons: 'Panel recommended.', terms: TERMS },
    };
  },
  'POST /api/fostering/households/{householdId}/temporary-approval': async ({ ids }) => ({
    as: 'ftm',
    method: 'post',
    path: `${fostering}/${await fosterHousehold('connected-person')}/temporary-approval`,
    body: { version: 1, childId: ids.childA, placedOn: '2026-03-02', reasons: 'Nan took her in.' },
  }),
  'POST /api/fostering/households/{householdId}/temporary-extension': async ({ ids }) => {
    const { h, v } = await temporarilyApproved(ids.childB);
    return {
      as: 'ftm',
      method: 'post',
      path: `${fostering}/${h}/temporary-extension`,
      body: { version: v, reason: 'The court asked for a parenting assessment first.' },
    };
  },
  'POST /api/fostering/households/{householdId}/status': async () => {
    const { h, v } = await approvedHousehold();
    return { as: 'ssw', method: 'post', path: `${fostering}/${h}/status`, body: { version: v, status: 'on-hold', on: '2026-08-01' } };
  },
  'POST /api/fostering/households/{householdId}/visits': async () => ({
    as: 'ssw',
    method: 'post',
    path: `${fostering}/${(await approvedHousehold()).h}/visits`,
    body: { visitedOn: '2026-07-20', unannounced: true, notes: 'All well.' },
  }),
  'POST /api/fostering/households/{householdId}/reviews': async () => ({
    as: 'ssw',
    method: 'post',
    path: `${fostering}/${(await approvedHousehold()).h}/reviews`,
    body: { heldOn: '2026-11-20', outcome: 'continue' },
  }),
  'POST /api/fostering/households/{householdId}/training': async () => ({
    as: 'ssw',
    method: 'post',
    path: `${fostering}/${(await approvedHousehold()).h}/training`,
    body: { completedOn: '2026-09-20', title: 'TSD workbook', tsdStandards: true },
  }),
  'POST /api/fostering/households/{householdId}/allegations': async ({ ids }) => ({
    as: 'ssw',
    method: 'post',
    path: `${fostering}/${(await approvedHousehold()).h}/allegations`,
    body: { madeOn: '2026-09-01', childId: ids.childA, summary: 'Said she was shouted at.' },
  }),
  'POST /api/fostering/allegations/{allegationId}/outcome': async ({ ids }) => {
    const { h } = await approvedHousehold();
    const a = await setup({
      as: 'ssw',
      method: 'post',
      path: `${fostering}/${h}/allegations`,
      body: { madeOn: '2026-09-01', childId: ids.childA, summary: 'Said she was shouted at.' },
    });
    return {
      as: 'ssw',
      method: 'post',
      path: `/api/fostering/allegations/${a.allegationId}/outcome`,
      body: { version: 1, outcome: 'unfounded', outcomeOn: '2026-09-20' },
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
    return by('sw', 'put', earlyHelpPath(e, '/team'), {
      version: e.version,
      leadKind: 'worker',
      leadWorkerId: ids.swA,
      teamAroundFamily: [{ name: 'Mum', role: 'Parent' }],
    });
  },
  'PUT /api/children/{childId}/early-help/{earlyHelpId}/assessment': async () => {
    const e = await earlyHelpEpisode();
    return by('sw', 'put', earlyHelpPath(e, '/assessment'), {
      version: e.version,
      completedOn: '2026-04-20',
      strengths: 'Warm home.',
      needs: 'Routines.',
      familyViews: 'Happy to try.',
    });
  },
  'POST /api/children/{childId}/early-help/{earlyHelpId}/reviews': async () => {
    const e = await earlyHelpEpisode();
    return by('sw', 'post', earlyHelpPath(e, '/reviews'), { heldOn: '2026-06-01', attended: 'Mum, school', progress: 'Better mornings.' });
  },
  'POST /api/children/{childId}/early-help/{earlyHelpId}/end': async () => {
    const e = await earlyHelpEpisode();
    return by('sw', 'post', earlyHelpPath(e, '/end'), { version: e.version, endedOn: '2026-07-01', outcome: 'needs-met', reasons: 'Goals met.' });
  },
  'POST /api/providers': async () => ({
    as: 'tm',
    method: 'post',
    path: '/api/providers',
    body: { name: 'Walk Lodge', providerKind: 'childrens-home', placeProvider: 'PR4', registrationStatus: 'unregistered', postcode: 'HR6 8QQ' },
  }),
  'PATCH /api/providers/{providerId}': async () => ({
    as: 'tm',
    method: 'patch',
    path: `/api/providers/${await unregisteredHome()}`,
    body: { version: 1, name: 'Elm Lodge (unregistered)' },
  }),
  'POST /api/children/{childId}/unregistered-approvals': async (ctx) => ({
    as: 'hos',
    method: 'post',
    path: child((await inCare(ctx)).childId, '/unregistered-approvals'),
    body: { providerId: await unregisteredHome(), placementType: 'K2', approvedOn: '2026-04-01', reasons: 'The only home near her school; daily checks.' },
  }),
  // children in need and protection (areas/referrals, areas/protection)
  'POST /api/children/{childId}/contacts': socialWorker('post', freshChild, '/contacts', CONTACT),
  'POST /api/children/{childId}/contacts/{contactId}/decision': async (ctx) => {
    const childId = await freshChild(ctx);
    const { contactId } = await setup(by('sw', 'post', child(childId, '/contacts'), CONTACT));
    return by('sw', 'post', child(childId, `/contacts/${contactId}/decision`), {
      decision: 'referral',
      decidedOn: '2026-01-06',
      reasons: 'Unexplained injury; needs assessment.',
      primaryNeed: 'N1',
    });
  },
  'POST /api/children/{childId}/referrals': socialWorker('post', freshChild, '/referrals', { referralDate: '2026-01-05', source: '1B', primaryNeed: 'N2' }),
  'POST /api/children/{childId}/assessments': socialWorker('post', openCase, '/assessments', { startDate: '2026-01-06' }),
  'PATCH /api/children/{childId}/assessments/{assessmentId}': async (ctx) => {
    const { childId, assessmentId } = await assessed(ctx);
    return {
      as: 'sw',
      method: 'patch',
      path: child(childId, `/assessments/${assessmentId}`),
      body: { version: 1, childSeenOn: '2026-01-08', childSeenAlone: true },
    };
  },
  'POST /api/children/{childId}/assessments/{assessmentId}/authorisation': async (ctx) => {
    const { childId, assessmentId } = await assessed(ctx);
    await setup({
      as: 'sw',
      method: 'patch',
      path: child(childId, `/assessments/${assessmentId}`),
      body: { version: 1, childSeenOn: '2026-01-08', childSeenAlone: true, factors: ['3B'], completedOn: '2026-01-20', outcome: 'strategy-discussion' },
    });
    return { as: 'tm', method: 'post', path: child(childId, `/assessments/${assessmentId}/authorisation`), body: { authorisedOn: '2026-01-21' } };
  },
  'POST /api/children/{childId}/strategy-discussions': socialWorker('post', openCase, '/strategy-discussions', STRATEGY),
  'POST /api/children/{childId}/section47s': async (ctx) => {
    const { childId, strategyId } = await strategyDiscussion(ctx);
    return { as: 'sw', method: 'post', path: child(childId, '/section47s'), body: { strategyId, startDate: '2026-01-10' } };
  },
  'POST /api/children/{childId}/section47s/{s47Id}/outcome': async (ctx) => {
    const { childId, s47Id } = await enquiry(ctx);
    return { as: 'sw', method: 'post', path: child(childId, `/section47s/${s47Id}/outcome`), body: { completedOn: '2026-01-20', outcome: 'conference' } };
  },
  'POST /api/children/{childId}/conferences': async (ctx) => {
    const { childId, body } = await conference(ctx);
    return { as: 'sw', method: 'post', path: child(childId, '/conferences'), body };
  },
  'POST /api/children/{childId}/core-groups': async (ctx) => {
    const { childId, body } = await conference(ctx);
    await setup({ as: 'sw', method: 'post', path: child(childId, '/conferences'), body });
    return { as: 'sw', method: 'post', path: child(childId, '/core-groups'), body: { heldOn: '2026-02-05' } };
  },
  'POST /api/children/{childId}/cin-plans': socialWorker('post', openCase, '/cin-plans', { startDate: '2026-01-20' }),
  'POST /api/children/{childId}/cin-plans/current/end': async (ctx) => {
    const childId = await openCase(ctx);
    await setup({ as: 'sw', method: 'post', path: child(childId, '/cin-plans'), body: { startDate: '2026-01-20' } });
    return {
      as: 'sw',
      method: 'post',
      path: child(childId, '/cin-plans/current/end'),
      body: { endDate: '2026-03-20', reasons: 'The family no longer needs the plan.' },
    };
  },
  'POST /api/children/{childId}/cin-plans/current/reviews': async (ctx) => {
    const childId = await openCase(ctx);
    await setup({ as: 'sw', method: 'post', path: child(childId, '/cin-plans'), body: { startDate: '2026-01-20' } });
    return { as: 'sw', method: 'post', path: child(childId, '/cin-plans/current/reviews'), body: { heldOn: '2026-03-20', ...VOICE } };
  },
  'POST /api/children/{childId}/visits': socialWorker('post', openCase, '/visits', {
    visitedOn: '2026-01-21',
    purpose: 'child-in-need',
    childSeen: true,
    seenAlone: true,
    childWords: 'School is better.',
  }),
  'POST /api/children/{childId}/closure': async (ctx) => ({
    as: 'tm',
    method: 'post',
    path: child(await openCase(ctx), '/closure'),
    body: { closureDate: '2026-02-10', reason: 'RC7', reasons: 'No longer in need.', ...VOICE },
  }),
  // looked after (areas/looked-after)
  'POST /api/children/{childId}/looked-after': socialWorker('post', freshChild, '/looked-after', { startDate: '2026-03-02', ...PLACEMENT }),
  'POST /api/children/{childId}/looked-after/changes': async (ctx) => {
    const { childId, episodeId } = await inCare(ctx);
    return { as: 'sw', method: 'post', path: child(childId, '/looked-after/changes'), body: { episodeId, version: 1, date: '2026-04-01', legalStatus: 'C1' } };
  },
  'POST /api/children/{childId}/looked-after/cease': async (ctx) => {
    const { childId, episodeId } = await inCare(ctx);
    return {
      as: 'sw',
      method: 'post',
      path: child(childId, '/looked-after/cease'),
      body: { episodeId, version: 1, endDate: '2026-05-01', reasonEnded: 'E13' },
    };
  },
  'POST /api/children/{childId}/looked-after/reviews': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: child((await inCare(ctx)).childId, '/looked-after/reviews'),
    body: { heldOn: '2026-03-20', participation: 'PN1', chairWorkerId: ctx.ids.iro },
  }),
  'POST /api/children/{childId}/looked-after/visits': socialWorker('post', childInCare, '/looked-after/visits', {
    visitedOn: '2026-03-10',
    faceToFace: true,
    childSeen: true,
    seenAlone: true,
    childWords: 'I like my room.',
  }),
  'POST /api/children/{childId}/missing-episodes': socialWorker('post', childInCare, '/missing-episodes', { kind: 'M', startedAt: '2026-04-01T20:00:00Z' }),
  'PATCH /api/children/{childId}/missing-episodes/{missingId}': async (ctx) => {
    const { childId } = await inCare(ctx);
    const { missingId } = await setup({
      as: 'sw',
      method: 'post',
      path: child(childId, '/missing-episodes'),
      body: { kind: 'M', startedAt: '2026-04-01T20:00:00Z' },
    });
    return { as: 'sw', method: 'patch', path: child(childId, `/missing-episodes/${missingId}`), body: { version: 1, endedAt: '2026-04-02T08:00:00Z' } };
  },
  'PUT /api/settings/repeat-missing': async () => ({ as: 'hos', method: 'put', path: '/api/settings/repeat-missing', body: { episodes: 4, days: 90 } }),
  // the care of looked-after children and care leavers (areas/looked-after-care)
  'POST /api/children/{childId}/health-checks': socialWorker('post', childInCare, '/health-checks', { kind: 'dental', doneOn: '2026-04-10' }),
  'POST /api/children/{childId}/health-outcomes': socialWorker('post', childInCare, '/health-outcomes', {
    recordedOn: '2026-06-20',
    immunisationsUpToDate: true,
    sdqReason: 'SDQ1',
    substanceMisuse: false,
  }),
  'POST /api/children/{childId}/peps': socialWorker('post', childInCare, '/peps', { heldOn: '2026-05-29', school: 'Hillside Primary' }),
  'POST /api/children/{childId}/permanence-plans': async (ctx) => {
    const { childId } = await inCare(ctx);
    await setup({ as: 'sw', method: 'post', path: child(childId, '/permanence-plans'), body: { planType: 'return-home', agreedOn: '2026-03-10' } });
    // The second ends the first: two records written, each kept.
    return { as: 'sw', method: 'post', path: child(childId, '/permanence-plans'), body: { planType: 'adoption', agreedOn: '2026-04-10' } };
  },
  'POST /api/children/{childId}/permanence-orders': socialWorker('post', childInCare, '/permanence-orders', {
    orderType: 'sgo',
    madeOn: '2026-05-28',
    madeTo: 'Maternal grandparents',
  }),
  'POST /api/children/{childId}/adoptions': socialWorker('post', childInCare, '/adoptions', { decisionOn: '2026-04-10' }),
  'PATCH /api/children/{childId}/adoptions/{adoptionId}': async (ctx) => {
    const { childId } = await inCare(ctx);
    const { adoptionId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/adoptions'), body: { decisionOn: '2026-04-10' } });
    return { as: 'sw', method: 'patch', path: child(childId, `/adoptions/${adoptionId}`), body: { version: 1, placementOrderOn: '2026-05-01' } };
  },
  'PUT /api/children/{childId}/previous-permanence': async (ctx) => {
    const { childId, periodId } = await inCare(ctx);
    return { as: 'sw', method: 'put', path: child(childId, '/previous-permanence'), body: { periodId, prevPerm: 'Z1' } };
  },
  'PUT /api/children/{childId}/uasc': socialWorker('put', childInCare, '/uasc', {
    referredOn: '2026-02-27',
    referralRoute: 'spontaneous-arrival',
    ageAssessment: 'not-needed',
  }),
  'PUT /api/children/{childId}/care-leaver': async (ctx) => ({
    as: 'sw',
    method: 'put',
    path: child(await freshChild(ctx, '2010-05-31'), '/care-leaver'),
    body: { category: 'eligible', eligibleFrom: '2026-03-01' },
  }),
  'POST /api/children/{childId}/pathway-plans': socialWorker('post', leaver, '/pathway-plans', { kind: 'plan', heldOn: '2026-08-31' }),
  'POST /api/children/{childId}/leaver-accommodation': socialWorker('post', leaver, '/leaver-accommodation', {
    movedOn: '2026-09-25',
    accommodation: 'D',
    suitable: true,
  }),
  'POST /api/children/{childId}/pa-visits': socialWorker('post', leaver, '/pa-visits', { visitedOn: '2026-10-01' }),
  'PUT /api/children/{childId}/birthday-contacts': async (ctx) => {
    const childId = await leaver(ctx);
    const contact = { birthdayAge: 17, contactOn: '2026-06-01', inTouch: 'YES', activity: 'F2', accommodation: 'D1' };
    await setup({ as: 'sw', method: 'put', path: child(childId, '/birthday-contacts'), body: contact });
    // Recorded again, the same contact moves to version 2.
    return { as: 'sw', method: 'put', path: child(childId, '/birthday-contacts'), body: { ...contact, activity: 'G5', version: 1 } };
  },
  // partner agencies (areas/partners)
  'POST /api/partner-organisations': async () => ({
    as: 'admin',
    method: 'post',
    path: '/api/partner-organisations',
    body: { name: 'Walk Police', partnerType: 'police' },
  }),
  'POST /api/partner-organisations/{organisationId}/contacts': async () => ({
    as: 'admin',
    method: 'post',
    path: `/api/partner-organisations/${await partnerOrganisation()}/contacts`,
    body: { name: 'Hal Ashby', jobTitle: 'Housing officer' },
  }),
  'POST /api/partner-organisations/{organisationId}/users': async () => ({
    as: 'admin',
    method: 'post',
    path: `/api/partner-organisations/${await partnerOrganisation()}/users`,
    body: { username: `walk.partner.${Date.now()}`, displayName: 'Housing officer', password: 'a long partner password' },
  }),
  'PUT /api/settings/partner-response/{requestType}': async () => ({
    as: 'hos',
    method: 'put',
    path: '/api/settings/partner-response/housing-assessment',
    body: { unit: 'working-days', n: 12 },
  }),
  'POST /api/children/{childId}/partner-requests': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: child(ids.childA, '/partner-requests'),
    body: {
      organisationId: await partnerOrganisation(),
      requestType: 'housing-assessment',
      asked: 'Assess the family.',
      needToKnow: 'Overcrowded flat.',
      sentOn: '2026-11-02',
    },
  }),
  'POST /api/children/{childId}/partner-requests/{requestId}/withdrawal': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: child(ctx.ids.childA, `/partner-requests/${await partnerRequest(ctx)}/withdrawal`),
    body: { version: 1, withdrawnOn: '2026-11-03', reason: 'The family moved.' },
  }),
  'POST /api/children/{childId}/partner-requests/{requestId}/answer': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: child(ctx.ids.childA, `/partner-requests/${await partnerRequest(ctx)}/answer`),
    body: { version: 1, answeredOn: '2026-11-04', answer: 'Assessed: band A.', answeredByName: 'Hal Ashby' },
  }),
  'POST /api/children/{childId}/housing-needs': async ({ ids }) => ({
    as: 'sw',
    method: 'post',
    path: child(ids.childA, '/housing-needs'),
    body: { identifiedOn: '2026-11-02', need: 'Overcrowded: two bedrooms needed.' },
  }),
  'PATCH /api/children/{childId}/housing-needs/{housingNeedId}': async ({ ids }) => {
    const { housingNeedId } = await setup({
      as: 'sw',
      method: 'post',
      path: child(ids.childA, '/housing-needs'),
      body: { identifiedOn: '2026-11-02', need: 'Damp flat.' },
    });
    return {
      as: 'sw',
      method: 'patch',
      path: child(ids.childA, `/housing-needs/${housingNeedId}`),
      body: { version: 1, priority: 'band-a', priorityAgreedOn: '2026-11-05' },
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
  // Subject access requests (areas/exchange): the head of service records, extends, reviews and releases.
  'POST /api/children/{childId}/subject-access-requests': async ({ ids }) => ({
    as: 'hos',
    method: 'post',
    path: `/api/children/${ids.childB}/subject-access-requests`,
    body: { requesterName: 'Jack Ferris', requesterRelationship: 'self', identitySeen: 'Passport', receivedOn: '2026-01-05' },
  }),
  'POST /api/children/{childId}/subject-access-requests/{sarId}/extension': async ({ ids }) => {
    const sar = await subjectAccess(ids.childB);
    return by('hos', 'post', sarPath(ids.childB, sar.sarId, '/extension'), { version: sar.version, reason: 'Many records.' });
  },
  'PUT /api/children/{childId}/subject-access-requests/{sarId}/marks': async ({ ids }) => {
    const sar = await subjectAccess(ids.childB);
    return by('hos', 'put', sarPath(ids.childB, sar.sarId, '/marks'), { version: sar.version, marks: [] });
  },
  'POST /api/children/{childId}/subject-access-requests/{sarId}/release': async ({ ids }) => {
    const sar = await subjectAccess(ids.childB);
    if (!sar.reviewed) await setup(by('hos', 'put', sarPath(ids.childB, sar.sarId, '/marks'), { version: sar.version, marks: [] }));
    return by('hos', 'post', sarPath(ids.childB, sar.sarId, '/release'));
  },
  'POST /api/children/{childId}/chronology': async ({ ids }) =>
    by('sw', 'post', child(ids.childA, '/chronology'), { occurredOn: '2026-01-05', category: 'visit', summary: 'Home visit.' }),
  'POST /api/children/{childId}/relationships': async ({ ids }) =>
    by('sw', 'post', child(ids.childA, '/relationships'), {
      newPerson: { givenName: 'Dean', familyName: 'Lambert', sex: 'M' },
      type: 'father',
      parentalResponsibility: true,
      livesWithChild: false,
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

/**
 * Not writes to the record: signing in and out, everywhere included (audited, not versioned),
 * unlocking a sign-in (clears the failed attempts, audited as sign-in-unlocked), checking a file,
 * and producing a return (it reads the record: every child in it audited as an export).
 */
const NOT_RECORD_WRITES = new Set([
  'POST /api/session',
  'DELETE /api/session',
  'DELETE /api/sessions',
  'POST /api/users/{userId}/unlock',
  'POST /api/returns/cin-census/validate',
  'POST /api/returns/ssda903/validate',
  'POST /api/returns/cin-census/runs',
  'POST /api/returns/ssda903/runs',
]);

let writeRoutes: string[] = [];

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  // The fostering service's supervising social worker and team manager (roles of their own).
  await addUsers(
    server.store.db,
    { username: 'ssw', role: 'supervising-social-worker', displayName: 'ssw' },
    { username: 'ftm', role: 'fostering-team-manager', displayName: 'ftm' },
  );
  for (const who of ['sw', 'sw2', 'tm', 'iro', 'hos', 'analyst', 'admin', 'ssw', 'ftm'] as const)
    as[who] = client(server, await signInAs(server, who, FIXTURE_PASSWORD));
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

/** The child's deadline rows that re-deriving every rule for them changes (by rule), left as re-derived. */
async function deadlinesStale(childId: string): Promise<string[]> {
  const rows = () =>
    db()
      .selectFrom('obligation')
      .select([
        'rule_id',
        'source_id',
        'episode_id',
        'start_date',
        'due_date',
        'due_at',
        'met_on',
        'ended_on',
        'end_reason',
        'responsible_worker_id',
        'responsible_team_id',
      ])
      .where('child_id', '=', childId)
      .execute();
  const asText = (xs: Awaited<ReturnType<typeof rows>>) => new Map(xs.map((x) => [`${x.rule_id}|${x.source_id}`, JSON.stringify(x)]));
  const before = asText(await rows());
  await refreshObligations(db(), LA, { childIds: [childId] });
  const after = asText(await rows());
  const rules = new Set<string>();
  for (const key of new Set([...before.keys(), ...after.keys()])) if (before.get(key) !== after.get(key)) rules.add(key.split('|')[0] as string);
  return [...rules].sort();
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
  for (const record of byRecord.keys()) {
    const [type, id] = record.split('|') as [string, string];
    // Records keyed by the same id (an assessment and its written record, a child and their UASC
    // record) are counted together: the audit names the id, in the words of its own area.
    const rows = audit.filter((a) => a.record_id === id);
    const written = versions.filter((v) => v.record_id === id).length;
    if (rows.length !== written) out.push(`${type} ${id}: ${written} version(s) written under its id, ${rows.length} audit row(s)`);
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
    // The event re-derived only the deadline rules that read what it changed: every rule derived
    // again must find the child's deadlines already as they should be.
    const stale = await deadlinesStale(childId);
    if (stale.length > 0) out.push(`child ${childId}: deadlines a full re-derivation changes: ${stale.join(', ')}`);
  }
  return out;
}

describe('every write route keeps the statutory trail', () => {
  it('has an example for each write route', () => {
    expect(writeRoutes.filter((r) => !EXAMPLES[r])).toEqual([]);
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
    // Some 150 requests, each with its setup, one after another on a shared machine.
  }, 1_200_000);
});
