/**
 * The write-path walk's shared part (../write-path.test.ts): who makes each request, how, and the
 * records an example needs made first. `walk.server` and `as` are filled by the test's beforeAll.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PLACEMENT } from '../../helpers/fixture.ts';
import { type Client, client, type FixtureIds, type TestServer, recruitedToPanel, signInAs } from '../../helpers/server.ts';

/** The fixture server the walk runs on (set in the test's beforeAll). */
export const walk = {} as { server: TestServer };

/** The fixture's people, a partner agency's officer signed in by the example that needs one, and the fostering team. */
export type Who = 'sw' | 'sw2' | 'tm' | 'iro' | 'hos' | 'analyst' | 'admin' | 'partner' | 'ssw' | 'ftm';
export type Call = { as: Who; method: 'post' | 'put' | 'patch' | 'delete'; path: string; body?: unknown };
export type Ids = FixtureIds;
export type Ctx = { ids: Ids; call: (c: Call) => Promise<{ status: number; body: any }> };

export const as: Partial<Record<Who, ReturnType<typeof client>>> = {};
export const call: Ctx['call'] = async (c) => {
  const api = as[c.as] as ReturnType<typeof client>;
  return c.method === 'delete' ? api.delete(c.path) : api[c.method](c.path, c.body ?? {});
};
/** A request `who` makes: `method` to `path`, with `body` if any. */
export const by = (who: Who, method: Call['method'], path: string, body?: unknown): Call => ({ as: who, method, path, body });
/** A setup request an example needs first; it must succeed. */
export const setup = async (c: Call) => {
  const res = await call(c);
  if (res.status >= 300) throw new Error(`setup ${c.method} ${c.path} gave ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

/** `rest` of the path of a subject access request about the child. */
export const sarPath = (childId: string, sarId: string, rest: string) => `/api/children/${childId}/subject-access-requests/${sarId}${rest}`;
/** A subject access request about the child (recorded first if there is none yet). */
export const subjectAccess = async (childId: string): Promise<{ sarId: string; version: number; reviewed: boolean }> => {
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
export const HEADER = 'time_period,time_identifier,geographic_level,country_code,region_code,region_name,new_la_code,la_name,indicator,value';
/** The head of service's audit of childA's case: good, with one action for Ava. */
export const caseAuditOfChildA = async (ids: Ids) =>
  by('hos', 'post', `/api/children/${ids.childA}/case-audits`, {
    auditedOn: '2026-02-10',
    grade: 'good',
    summary: 'Visits on time.',
    answers: await questions(),
    actions: [{ finding: 'Plan vague', action: 'Rewrite the plan', ownerWorkerId: ids.swA, dueDate: '2026-03-10' }],
  });
export const caseAudit = async ({ ids }: Ctx) => setup(await caseAuditOfChildA(ids));
export const questions = async () => {
  const res = await (as.hos as ReturnType<typeof client>).get('/api/case-audit-questions');
  return (res.body.questions as { id: string }[]).map((q) => ({ questionId: q.id, answer: 'yes' }));
};
export const worker = async (teamId: string) =>
  (
    await setup({
      as: 'admin',
      method: 'post',
      path: '/api/workers',
      body: { givenName: 'Nina', familyName: 'Starter', jobRole: 'social-worker', employment: 'permanent', teamId, startDate: '2026-01-05' },
    })
  ).workerId as string;
export const inspection = async () =>
  setup({
    as: 'hos',
    method: 'post',
    path: '/api/improvement/inspections',
    body: { kind: 'other', framework: 'Focused visit', startedOn: '2025-01-20', findings: 'x', recommendations: [{ number: 1, text: 'Reduce re-referrals.' }] },
  });

/** A user the administrator adds for an example to act on (never one the walk signs in as). */
export const walkUser = async (username = `walk.user.${Date.now()}.${Math.random().toString(36).slice(2, 6)}`) =>
  (
    await setup({
      as: 'admin',
      method: 'post',
      path: '/api/users',
      body: { username, displayName: 'Walk user', role: 'social-worker', password: 'a long enough password' },
    })
  ).userId as string;
/** A new child held by swA (the 'sw' user), for examples that need a case of their own. */
export let walkers = 0;
export const freshChild = async ({ ids }: Ctx, dateOfBirth = '2014-04-04') => {
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
export const inCare = async (ctx: Ctx) => {
  const childId = await freshChild(ctx);
  const made = await setup({ as: 'sw', method: 'post', path: `/api/children/${childId}/looked-after`, body: { startDate: '2026-03-02', ...PLACEMENT } });
  return { childId, episodeId: made.episodeId as string, periodId: made.periodId as string };
};
/** A young person of 16 (born 31 May 2010) recorded as an eligible care leaver. */
export const leaver = async (ctx: Ctx) => {
  const childId = await freshChild(ctx, '2010-05-31');
  await setup({ as: 'sw', method: 'put', path: `/api/children/${childId}/care-leaver`, body: { category: 'eligible', eligibleFrom: '2026-03-01' } });
  return childId;
};
export const partnerOrganisation = async (partnerType = 'housing') =>
  (await setup({ as: 'admin', method: 'post', path: '/api/partner-organisations', body: { name: `Walk ${partnerType} ${++walkers}`, partnerType } }))
    .organisationId as string;
export const partnerRequest = async ({ ids }: Ctx) =>
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
export const child = (childId: string, rest: string) => `/api/children/${childId}${rest}`;

/** A new child with an open child-in-need episode (referred on 5 January 2026). */
export const openCase = async (ctx: Ctx) => {
  const childId = await freshChild(ctx);
  await setup({ as: 'sw', method: 'post', path: child(childId, '/referrals'), body: { referralDate: '2026-01-05', source: '1B', primaryNeed: 'N2' } });
  return childId;
};
/** The child an example works on, made for it. */
export type CaseOf = (ctx: Ctx) => Promise<string>;
export const childInCare: CaseOf = async (ctx) => (await inCare(ctx)).childId;
/** An example in which the social worker writes `body` to `rest` of the record of a child `caseOf` makes. */
export const socialWorker =
  (method: Call['method'], caseOf: CaseOf, rest: string, body: unknown) =>
  async (ctx: Ctx): Promise<Call> => ({ as: 'sw', method, path: child(await caseOf(ctx), rest), body });
export const assessed = async (ctx: Ctx) => {
  const childId = await openCase(ctx);
  const { assessmentId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/assessments'), body: { startDate: '2026-01-06' } });
  return { childId, assessmentId: assessmentId as string };
};
export const VOICE = { childMetDecider: true, parentsMetDecider: true, childWords: 'I want things calmer at home.' };
/** A school's contact about a bruise, received on 5 January 2026. */
export const CONTACT = { receivedAt: '2026-01-05T10:15:00Z', source: '2A', presentingConcern: 'School worried about bruising.' };
/** A strategy discussion on 10 January that decides on a section 47 enquiry. */
export const STRATEGY = {
  heldOn: '2026-01-10',
  agencies: ['social-care', 'police', 'health'],
  decision: 'section-47',
  reasons: 'Injury consistent with a grip.',
};
/** An open case with a strategy discussion (STRATEGY). */
export const strategyDiscussion = async (ctx: Ctx) => {
  const childId = await openCase(ctx);
  const { strategyId } = await setup(by('sw', 'post', child(childId, '/strategy-discussions'), STRATEGY));
  return { childId, strategyId: strategyId as string };
};
/** An open case with a strategy discussion on 10 January and a section 47 enquiry from it. */
export const enquiry = async (ctx: Ctx) => {
  const { childId, strategyId } = await strategyDiscussion(ctx);
  const { s47Id } = await setup({ as: 'sw', method: 'post', path: child(childId, '/section47s'), body: { strategyId, startDate: '2026-01-10' } });
  return { childId, strategyId, s47Id: s47Id as string };
};
export const conference = async (ctx: Ctx) => {
  const { childId, s47Id } = await enquiry(ctx);
  return {
    childId,
    body: { kind: 'initial', s47Id, heldOn: '2026-01-28', outcome: 'plan', initialCategory: 'PHY', chair: 'R. Okafor', ...VOICE },
  };
};

export const unregisteredHome = async () =>
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
export let reviewMade: Promise<string> | undefined;
export const review = ({ ids }: Ctx) =>
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
export const recommendation = async (ctx: Ctx) =>
  (
    await setup({
      as: 'sw2',
      method: 'post',
      path: `/api/children/${ctx.ids.childB}/meetings/review/${await review(ctx)}/recommendations`,
      body: { recommendation: 'Book the dentist', ownerWorkerId: ctx.ids.swB },
    })
  ).recommendationId as string;
export const stepDown = { kind: 'step-down', reasons: 'Early help can hold this', closure: { reason: 'RC9' } };
export const escalation = async ({ ids }: Ctx) =>
  (
    await setup({
      as: 'iro',
      method: 'post',
      path: `/api/children/${ids.childA}/iro-escalations`,
      body: { raisedOn: '2026-11-16', concern: 'Contact has not started.' },
    })
  ).escalationId as string;

/** A new child whose child in need episode was closed (RC9 opens early help; RC7 leaves one to step down). */
export const closedEpisode = async (reason: 'RC7' | 'RC9') => {
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
export const earlyHelpPath = (e: { childId: string; earlyHelpId: string }, rest: string) => `/api/children/${e.childId}/early-help/${e.earlyHelpId}${rest}`;
export const earlyHelpEpisode = async () => {
  const { childId } = await closedEpisode('RC9');
  const view = await (as.sw as ReturnType<typeof client>).get(`/api/children/${childId}/early-help`);
  return { childId, earlyHelpId: view.body.episodes[0].earlyHelpId as string, version: view.body.episodes[0].version as number };
};

/** The fostering service (areas/fostering): households made for the examples that need one. */
export const fostering = '/api/fostering/households';
export const fosterHousehold = async (kind = 'mainstream') =>
  (await setup({ as: 'ssw', method: 'post', path: fostering, body: { name: 'The Testers', enquiryOn: '2026-01-05', kind } })).householdId as string;
export const atPanel = async () => {
  const h = await fosterHousehold();
  return { h, v: await recruitedToPanel(as.ssw as Client, h, ['2026-02-02', '2026-02-13', '2026-05-29', '2026-06-15']) };
};
export const TERMS = { maxChildren: 2, ageFrom: 0, ageTo: 17, placementTypes: ['short-term'] };
export const approvedHousehold = async () => {
  const { h, v } = await atPanel();
  const done = await setup({
    as: 'ftm',
    method: 'post',
    path: `${fostering}/${h}/decision`,
    body: { version: v, decidedOn: '2026-06-19', decision: 'approved', reasons: 'Panel recommended.', terms: TERMS },
  });
  return { h, v: done.version as number };
};
export const temporarilyApproved = async (childId: string) => {
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
export const legal = (childId: string) => `/api/children/${childId}/legal`;
export const planningBody = {
  heldOn: '2026-03-09',
  attendees: [{ role: 'council-lawyer', name: 'Lee Lawyer' }],
  threshold: 'Neglect over two years; the threshold is likely met.',
};
export const startPre = async (as: Who, childId: string) =>
  (await setup({ as, method: 'post', path: `${legal(childId)}/pre-proceedings`, body: { letterSentOn: '2026-03-10', letterTo: 'Both parents' } }))
    .preProceedingsId as string;
export let preMade: Promise<string> | undefined;
export const preA = ({ ids }: Ctx) => (preMade ??= startPre('sw', ids.childA));
export const issue = async (as: Who, childId: string) =>
  (
    await setup({
      as,
      method: 'post',
      path: `${legal(childId)}/proceedings`,
      body: { issuedOn: '2026-04-14', court: 'Hereford Family Court', caseNumber: 'HR26C00001', applicationType: 'care-order' },
    })
  ).proceedingsId as string;
export let procMade: Promise<string> | undefined;
export const procA = ({ ids }: Ctx) => (procMade ??= issue('sw', ids.childA));
export const version = async (childId: string, kind: 'preProceedings' | 'proceedings', id: string) => {
  const res = await (as.sw as ReturnType<typeof client>).get(legal(childId));
  const key = kind === 'preProceedings' ? 'preProceedingsId' : 'proceedingsId';
  return (res.body[kind] as Record<string, unknown>[]).find((x) => x[key] === id)?.version as number;
};

/** A written assessment (every section) of a new open case, ready to send to the manager. */
export const ASSESSMENT = {
  livedExperience: 'Gets himself up for school; breakfast is whatever is in the cupboard.',
  childWords: 'I like it when Nan picks me up.',
  worries: 'Mum has been drinking more since the winter.',
  workingWell: 'Nan lives two streets away.',
  parentsViews: 'Mum wants help but is scared.',
  partnerViews: 'School says attendance is 84%.',
  analysis: 'The risk is at night, when no other adult is around.',
  recommendation: 'A child in need plan with Nan as the evening safety adult.',
};
export const assessmentRecord = async (ctx: Ctx, sent = false) => {
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
export const planBody = (cpPlanId: string, ownerWorkerId: string) => ({
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
export const protectionPlan = async (ctx: Ctx) => {
  const { childId, body } = await conference(ctx);
  const { planId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/conferences'), body });
  const written = planBody(planId as string, ctx.ids.swA);
  const { planDocumentId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/plans'), body: written });
  return { childId, planDocumentId: planDocumentId as string, written };
};
/** A housing officer's request from childA's worker, and the officer signed in as 'partner'. */
export const askedPartner = async (ctx: Ctx) => {
  const organisationId = await partnerOrganisation();
  const username = `walk.housing.${++walkers}`;
  await setup({
    as: 'admin',
    method: 'post',
    path: `/api/partner-organisations/${organisationId}/users`,
    body: { username, displayName: 'Housing officer', password: 'a long partner password' },
  });
  as.partner = client(walk.server, await signInAs(walk.server, username, 'a long partner password'));
  const { requestId } = await setup({
    as: 'sw',
    method: 'post',
    path: child(ctx.ids.childA, '/partner-requests'),
    body: { organisationId, requestType: 'housing-assessment', asked: 'Assess the family for a move.', needToKnow: 'Overcrowded.', sentOn: '2026-11-02' },
  });
  return requestId as string;
};
/** A council's own returns, as the returns' tests import them (test/fixtures). */
export const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
export const returnFiles = (name: string) =>
  readdirSync(fixture(`${name}/`))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(new URL(file, fixture(`${name}/`)), 'utf8') }));
