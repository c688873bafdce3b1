import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Lily Marsh: the front door decides a school's contact as early help; a family support worker at
// a children's centre leads, with the school and Mum around the family; an assessment, a plan and
// a review. A second contact comes while she is in early help: the front door sees the episode and
// refers her (a step-up, which ends early help). Her assessment closes with RC9, so early help
// opens again, and ends with her needs met. Sam Dale is stepped down from a closed child in need
// episode, disengages, and is referred again two months later: a re-referral after a step-down.
let server: TestServer, ids: FixtureIds;
let sw: Client, tm: Client, hos: Client, analyst: Client;
let lily: string;
let sam: string;
const centre = randomUUID();
const supportWorker = randomUUID();

const contact = (receivedAt: string, presentingConcern: string) => ({ receivedAt, source: '3B', presentingConcern, significantHarmSuspected: false });
const closure = (closureDate: string, reason: string) => ({
  closureDate,
  reason,
  reasons: 'Assessment complete.',
  childMetDecider: false,
  parentsMetDecider: true,
});
const earlyHelpOf = async (childId: string) => {
  const res = await sw.get(`/api/children/${childId}/early-help`);
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm, hos, analyst] = await signedIn(server, 'sw', 'tm', 'hos', 'analyst');
  const db = server.store.db;
  await db
    .insertInto('partner_organisation')
    .values({ la_code: LA, organisation_id: centre, name: 'Westside Children’s Centre', partner_type: 'voluntary' })
    .execute();
  await db.insertInto('partner_contact').values({ la_code: LA, contact_id: supportWorker, organisation_id: centre, name: 'Priya Shah' }).execute();
  lily = (await sw.post('/api/children', { givenName: 'Lily', familyName: 'Marsh', dateOfBirth: '2016-05-04', sex: 'F' })).body.child.childId;
  sam = (await sw.post('/api/children', { givenName: 'Sam', familyName: 'Dale', dateOfBirth: '2014-01-20', sex: 'M' })).body.child.childId;
});
afterAll(() => server?.close());

describe('early help from the front door, and the step-up', () => {
  let earlyHelpId: string;

  it('a contact decided as early help opens an episode, with no lead professional yet', async () => {
    const c = await sw.post(`/api/children/${lily}/contacts`, contact('2026-01-05T09:00:00Z', 'Lily is often late and hungry at school.'));
    expect(c.status).toBe(201);
    const d = await sw.post(`/api/children/${lily}/contacts/${c.body.contactId}/decision`, {
      decision: 'early-help',
      decidedOn: '2026-01-06',
      reasons: 'Mum asks for help with routines; no sign of harm.',
    });
    expect(d.status).toBe(200);
    const view = await earlyHelpOf(lily);
    expect(view.episodes).toHaveLength(1);
    const [e] = view.episodes;
    expect(e).toMatchObject({ startedOn: '2026-01-06', route: 'contact', contactId: c.body.contactId, leadProfessional: null, endedOn: null });
    expect(e.routeLabel).toBe('The front door decided a contact as early help');
    earlyHelpId = e.earlyHelpId;
    expect(view.canRecord).toBe(true);
  });

  it('names a partner agency’s worker as lead professional and the team around the family', async () => {
    const refused = await sw.put(`/api/children/${lily}/early-help/${earlyHelpId}/team`, {
      version: 1,
      leadKind: 'worker',
      leadWorkerId: randomUUID(),
      teamAroundFamily: [],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'leadWorkerId', rule: 'known-worker' })]);
    const missing = await sw.put(`/api/children/${lily}/early-help/${earlyHelpId}/team`, { version: 1, leadKind: 'partner' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'leadContactId' });
    const res = await sw.put(`/api/children/${lily}/early-help/${earlyHelpId}/team`, {
      version: 1,
      leadKind: 'partner',
      leadContactId: supportWorker,
      teamAroundFamily: [
        { name: 'Mrs Okoro', role: 'Designated safeguarding lead', agency: 'Westside Primary' },
        { name: 'Dawn Marsh', role: 'Mum' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    const stale = await sw.put(`/api/children/${lily}/early-help/${earlyHelpId}/team`, { version: 1, leadKind: 'partner', leadContactId: supportWorker });
    expect(stale.status).toBe(409);
    const [e] = (await earlyHelpOf(lily)).episodes;
    expect(e.leadProfessional).toBe('Priya Shah (Westside Children’s Centre)');
    expect(e.teamAroundFamily.map((m: { name: string }) => m.name)).toEqual(['Mrs Okoro', 'Dawn Marsh']);
  });

  it('records the assessment, an early help plan (a plan document) and a review with progress', async () => {
    const early = await sw.put(`/api/children/${lily}/early-help/${earlyHelpId}/assessment`, {
      version: 2,
      completedOn: '2026-01-02',
      strengths: 'Mum is warm and wants help.',
      needs: 'Morning routine; food in the house.',
      familyViews: 'Lily: “I want breakfast club.”',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'completedOn', rule: 'not-before' });
    const a = await sw.put(`/api/children/${lily}/early-help/${earlyHelpId}/assessment`, {
      version: 2,
      completedOn: '2026-01-20',
      strengths: 'Mum is warm and wants help.',
      needs: 'Morning routine; food in the house.',
      familyViews: 'Lily: “I want breakfast club.”',
    });
    expect(a.status).toBe(200);
    const plan = await sw.post(`/api/children/${lily}/plans`, {
      kind: 'early-help',
      planRef: earlyHelpId,
      agreedOn: '2026-01-22',
      outcomes: [{ text: 'Lily gets to school on time with breakfast', measure: 'On time 9 days in 10' }],
      actions: [{ what: 'Book Lily into breakfast club', ownerKind: 'partner', ownerContactId: supportWorker, dueOn: '2026-02-05' }],
      contingency: 'If Lily is still late and hungry, we will talk again with Mum about a referral.',
    });
    expect(plan.status).toBe(201);
    const review = await sw.post(`/api/children/${lily}/early-help/${earlyHelpId}/reviews`, {
      heldOn: '2026-02-16',
      attended: 'Mum, Priya Shah, Mrs Okoro',
      progress: 'Breakfast club started; late twice in two weeks.',
      nextReviewOn: '2026-05-11',
    });
    expect(review.status).toBe(201);
    const doc = await sw.get(`/api/children/${lily}/plans/${plan.body.planDocumentId}`);
    const progress = await sw.post(`/api/children/${lily}/plans/${plan.body.planDocumentId}/progress`, {
      version: doc.body.version,
      meetingKind: 'early-help-review',
      meetingId: review.body.reviewId,
      heldOn: '2026-02-16',
      progress: [{ actionId: doc.body.actions[0].actionId, progress: 'done' }],
    });
    expect(progress.status).toBe(200);
    const wrongMeeting = await sw.post(`/api/children/${lily}/plans/${plan.body.planDocumentId}/progress`, {
      version: progress.body.version,
      meetingKind: 'core-group',
      heldOn: '2026-02-16',
      progress: [{ actionId: doc.body.actions[0].actionId, progress: 'partly', note: 'x' }],
    });
    expect(wrongMeeting.status).toBe(400);
    const [e] = (await earlyHelpOf(lily)).episodes;
    expect(e.planDocumentId).toBe(plan.body.planDocumentId);
    expect(e.assessment).toMatchObject({ completedOn: '2026-01-20', needs: 'Morning routine; food in the house.' });
    expect(e.reviews.map((r: { heldOn: string }) => r.heldOn)).toEqual(['2026-02-16']);
    // The deadlines, as the engine derived them (the casework page shows only recent ones).
    const deadlines = await server.store.db
      .selectFrom('obligation')
      .select(['rule_id', 'start_date', 'due_date', 'met_on'])
      .where('child_id', '=', lily)
      .where('rule_id', 'like', 'early-help-%')
      .orderBy('rule_id')
      .orderBy('start_date')
      .execute();
    expect(deadlines).toEqual([
      // 6 weeks from the day early help began, met by the assessment.
      { rule_id: 'early-help-assessment', start_date: '2026-01-06', due_date: '2026-02-17', met_on: '2026-01-20' },
      // 12 weeks from the start, met by the review; then 12 weeks from the review.
      { rule_id: 'early-help-review', start_date: '2026-01-06', due_date: '2026-03-31', met_on: '2026-02-16' },
      { rule_id: 'early-help-review', start_date: '2026-02-16', due_date: '2026-05-11', met_on: null },
    ]);
  });

  it('a new contact while in early help is linked to it, and the front door sees it when deciding', async () => {
    const c = await sw.post(`/api/children/${lily}/contacts`, contact('2026-03-02T10:15:00Z', 'School: Lily has a bruise and says Mum’s partner hit her.'));
    expect(c.status).toBe(201);
    const casework = await sw.get(`/api/children/${lily}/casework`);
    const seen = casework.body.contacts.find((x: { contactId: string }) => x.contactId === c.body.contactId);
    expect(seen.earlyHelp).toEqual({
      earlyHelpId,
      startedOn: '2026-01-06',
      endedOn: null,
      endOutcome: null,
      leadProfessional: 'Priya Shah (Westside Children’s Centre)',
      openThen: true,
    });
    // The first contact came before early help: nothing to show.
    expect(casework.body.contacts.find((x: { contactId: string }) => x.contactId !== c.body.contactId).earlyHelp).toBeNull();
    const d = await sw.post(`/api/children/${lily}/contacts/${c.body.contactId}/decision`, {
      decision: 'referral',
      decidedOn: '2026-03-02',
      reasons: 'An injury and a disclosure: a referral for assessment.',
      primaryNeed: 'N1',
    });
    expect(d.status).toBe(200);
    const [e] = (await earlyHelpOf(lily)).episodes;
    expect(e).toMatchObject({ endedOn: '2026-03-02', endOutcome: 'stepped-up', steppedUpEpisodeId: d.body.episodeId });
    expect(e.endOutcomeLabel).toBe('Stepped up to children’s social care');
    expect(e.stepUps).toEqual([expect.objectContaining({ linkedOn: '2026-03-02', openThen: true, contactId: c.body.contactId })]);
    const ended = await sw.post(`/api/children/${lily}/early-help/${earlyHelpId}/reviews`, { heldOn: '2026-03-03', attended: 'Mum', progress: 'x' });
    expect(ended.status).toBe(409);
  });

  it('closing the assessment with RC9 opens early help again; it ends with needs met', async () => {
    const close = await tm.post(`/api/children/${lily}/closure`, closure('2026-04-10', 'RC9'));
    expect(close.status).toBe(200);
    const view = await earlyHelpOf(lily);
    expect(view.episodes).toHaveLength(2);
    const [again] = view.episodes;
    expect(again).toMatchObject({ startedOn: '2026-04-10', route: 'assessment', endedOn: null });
    expect(view.stepDownFrom).toEqual([]);
    const byHand = await sw.post(`/api/children/${lily}/early-help/${again.earlyHelpId}/end`, {
      version: again.version,
      endedOn: '2026-06-30',
      outcome: 'stepped-up',
      reasons: 'x',
    });
    expect(byHand.status).toBe(400);
    expect(byHand.body.errors[0]).toMatchObject({ field: 'outcome' });
    const end = await sw.post(`/api/children/${lily}/early-help/${again.earlyHelpId}/end`, {
      version: again.version,
      endedOn: '2026-06-30',
      outcome: 'needs-met',
      reasons: 'Routines settled; Mum’s partner has left.',
    });
    expect(end.status).toBe(200);
    expect((await earlyHelpOf(lily)).episodes[0]).toMatchObject({ endOutcome: 'needs-met', endOutcomeLabel: 'Needs met' });
  });
});

describe('step-down from a closed child in need episode, and a re-referral', () => {
  let cinEpisodeId: string;
  let earlyHelpId: string;

  it('only a closed episode, by a manager, once', async () => {
    const ref = await sw.post(`/api/children/${sam}/referrals`, { referralDate: '2026-02-02', source: '1A', primaryNeed: 'N2' });
    expect(ref.status).toBe(201);
    cinEpisodeId = ref.body.episodeId;
    const body = { cinEpisodeId, startedOn: '2026-05-01', reasons: 'The plan worked; Dad wants the parenting group to carry on.' };
    const open = await tm.post(`/api/children/${sam}/early-help/step-down`, body);
    expect(open.status).toBe(400);
    expect(open.body.errors[0]).toMatchObject({ field: 'cinEpisodeId', rule: 'episode-closed' });
    expect((await tm.post(`/api/children/${sam}/closure`, closure('2026-04-30', 'RC7'))).status).toBe(200);
    expect((await earlyHelpOf(sam)).stepDownFrom.map((e: { episodeId: string }) => e.episodeId)).toEqual([cinEpisodeId]);
    expect((await sw.post(`/api/children/${sam}/early-help/step-down`, body)).status).toBe(403);
    const before = await tm.post(`/api/children/${sam}/early-help/step-down`, { ...body, startedOn: '2026-04-29' });
    expect(before.status).toBe(400);
    expect(before.body.errors[0]).toMatchObject({ field: 'startedOn', rule: 'after-closure' });
    const res = await tm.post(`/api/children/${sam}/early-help/step-down`, body);
    expect(res.status).toBe(201);
    earlyHelpId = res.body.earlyHelpId;
    expect((await tm.post(`/api/children/${sam}/early-help/step-down`, body)).status).toBe(409);
    // A worker as lead professional owes the early help deadlines, though Sam has no social worker.
    const lead = await tm.put(`/api/children/${sam}/early-help/${earlyHelpId}/team`, { version: 1, leadKind: 'worker', leadWorkerId: ids.swA2 });
    expect(lead.status).toBe(200);
    const owed = await server.store.db
      .selectFrom('obligation')
      .select(['rule_id', 'due_date', 'responsible_worker_id', 'responsible_team_id'])
      .where('child_id', '=', sam)
      .where('rule_id', 'like', 'early-help-%')
      .orderBy('rule_id')
      .execute();
    expect(owed).toEqual([
      { rule_id: 'early-help-assessment', due_date: '2026-06-12', responsible_worker_id: ids.swA2, responsible_team_id: ids.teamA },
      { rule_id: 'early-help-review', due_date: '2026-07-24', responsible_worker_id: ids.swA2, responsible_team_id: ids.teamA },
    ]);
    const view = await earlyHelpOf(sam);
    expect(view.episodes[0]).toMatchObject({ route: 'step-down', cinEpisodeId, startedOn: '2026-05-01' });
    expect(view.stepDownFrom).toEqual([]);
  });

  it('the family disengages; a referral two months later is linked to the ended episode', async () => {
    const [e] = (await earlyHelpOf(sam)).episodes;
    expect(
      (
        await sw.post(`/api/children/${sam}/early-help/${earlyHelpId}/end`, {
          version: e.version,
          endedOn: '2026-06-15',
          outcome: 'disengaged',
          reasons: 'Dad stopped coming to the group.',
        })
      ).status,
    ).toBe(200);
    const ref = await sw.post(`/api/children/${sam}/referrals`, { referralDate: '2026-08-17', source: '5A', primaryNeed: 'N2' });
    expect(ref.status).toBe(201);
    const [after] = (await earlyHelpOf(sam)).episodes;
    expect(after).toMatchObject({ endOutcome: 'disengaged', steppedUpEpisodeId: null });
    expect(after.stepUps).toEqual([expect.objectContaining({ linkedOn: '2026-08-17', openThen: false, cinEpisodeId: ref.body.episodeId })]);
  });
});

describe('indicators', () => {
  const kpi = async (id: string, asOf: string) => {
    const res = await hos.get(`/api/kpi/${id}?asOf=${asOf}&months=12&trendMonths=1`);
    expect(res.status).toBe(200);
    const r = res.body.result;
    return [r.numerator, r.denominator, r.value];
  };
  const behind = async (id: string, asOf: string, only: string) =>
    (await hos.get(`/api/kpi/${id}/children?asOf=${asOf}&only=${only}`)).body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate]);

  it('stepped up within 12 months of early help ending: Lily at once (and not after her needs were met), Sam after two months', async () => {
    // Three endings in the year: Lily stepped up (2 March), Lily needs met (30 June), Sam disengaged (15 June, referred 17 August).
    expect(await kpi('early-help-stepped-up-12m', '2026-11-30')).toEqual([2, 3, 66.7]);
    expect(await behind('early-help-stepped-up-12m', '2026-11-30', 'numerator')).toEqual([
      ['Lily Marsh', '2026-03-02'],
      ['Sam Dale', '2026-06-15'],
    ]);
    // As of July, Sam had not yet been referred again.
    expect(await kpi('early-help-stepped-up-12m', '2026-07-31')).toEqual([1, 3, 33.3]);
  });

  it('re-referrals after a step-down: Lily’s RC9 (not referred again), Sam’s step-down (referred in August)', async () => {
    expect(await kpi('re-referrals-after-step-down', '2026-11-30')).toEqual([1, 2, 50]);
    expect(await behind('re-referrals-after-step-down', '2026-11-30', 'numerator')).toEqual([['Sam Dale', '2026-05-01']]);
    expect(await behind('re-referrals-after-step-down', '2026-11-30', 'not-numerator')).toEqual([['Lily Marsh', '2026-04-10']]);
  });

  it('an analyst reads the figures; a social worker without performance access does not', async () => {
    expect((await analyst.get('/api/kpi/re-referrals-after-step-down?asOf=2026-11-30')).status).toBe(200);
    expect((await sw.get('/api/kpi/re-referrals-after-step-down?asOf=2026-11-30')).status).toBe(403);
  });
});

describe('who may see and record early help', () => {
  it('the IRO (not the child’s) cannot see it; the team manager reads and records', async () => {
    expect((await client(server, await signInAs(server, 'iro', FIXTURE_PASSWORD)).get(`/api/children/${lily}/early-help`)).status).toBe(404);
    const view = await tm.get(`/api/children/${lily}/early-help`);
    expect(view.status).toBe(200);
    expect(view.body.canStepDown).toBe(true);
    const mine = await sw.get(`/api/children/${sam}/early-help`);
    expect(mine.body.canStepDown).toBe(false);
  });
});
