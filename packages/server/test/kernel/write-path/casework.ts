import { PLACEMENT } from '../../helpers/fixture.ts';
import type { client } from '../../helpers/server.ts';
import {
  type Call,
  type Ctx,
  VOICE,
  as,
  by,
  setup,
  sarPath,
  subjectAccess,
  freshChild,
  inCare,
  leaver,
  partnerOrganisation,
  partnerRequest,
  child,
  openCase,
  childInCare,
  socialWorker,
  assessed,
  CONTACT,
  STRATEGY,
  strategyDiscussion,
  enquiry,
  conference,
  review,
  recommendation,
  escalation,
} from './walk.ts';

export const EXAMPLES: Record<string, (ctx: Ctx) => Promise<Call>> = {
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
};
