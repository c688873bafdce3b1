import {
  type Call,
  type Ctx,
  by,
  setup,
  inCare,
  child,
  openCase,
  unregisteredHome,
  stepDown,
  closedEpisode,
  earlyHelpPath,
  earlyHelpEpisode,
  fostering,
  fosterHousehold,
  atPanel,
  TERMS,
  approvedHousehold,
  temporarilyApproved,
  legal,
  planningBody,
  startPre,
  preA,
  issue,
  procA,
  version,
} from './walk.ts';

const DOLO = {
  madeOn: '2026-04-14',
  expiresOn: '2026-10-13',
  court: 'High Court, Family Division',
  caseNumber: 'FD26P00077',
  authorises: 'Locked doors at the home; constant supervision.',
};

export const EXAMPLES: Record<string, (ctx: Ctx) => Promise<Call>> = {
  'POST /api/children/{childId}/deprivation-of-liberty-orders': async (ctx) => ({
    as: 'sw',
    method: 'post',
    path: child((await inCare(ctx)).childId, '/deprivation-of-liberty-orders'),
    body: DOLO,
  }),
  'PATCH /api/children/{childId}/deprivation-of-liberty-orders/{orderId}': async (ctx) => {
    const { childId } = await inCare(ctx);
    const { orderId } = await setup({ as: 'sw', method: 'post', path: child(childId, '/deprivation-of-liberty-orders'), body: DOLO });
    return {
      as: 'sw',
      method: 'patch',
      path: child(childId, `/deprivation-of-liberty-orders/${orderId}`),
      body: { version: 1, endedOn: '2026-09-30', endReason: 'Discharged' },
    };
  },
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
};
