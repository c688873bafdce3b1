import { randomUUID } from 'node:crypto';
import { addWorkingDays, todayInEngland } from '@lantern/core/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// One child walked from contact to closure, with every due date worked out by hand across
// Christmas 2025, Easter 2026 and the early May bank holiday; then the worklists.
let server: TestServer;
let ids: FixtureIds;
let sw: Client;
let tm: Client;
let childId: string;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm] = await signedIn(server, 'sw', 'tm');
  const created = await sw.post('/api/children', { givenName: 'Esme', familyName: 'Harlow', dateOfBirth: '2019-05-14', sex: 'F' });
  childId = created.body.child.childId;
  // The team manager allocates a social worker from the team (the new child is unallocated).
  expect((await tm.post(`/api/children/${childId}/allocations`, { workerId: ids.swA, startDate: '2025-12-01' })).status).toBe(201);
});
afterAll(() => server?.close());

const casework = async () => (await sw.get(`/api/children/${childId}/casework`)).body;
const deadline = (
  cw: { obligations: { ruleId: string; startDate: string; dueDate: string; state: string; metOn: string | null }[] },
  ruleId: string,
  startDate?: string,
) => cw.obligations.find((o) => o.ruleId === ruleId && (!startDate || o.startDate === startDate));

describe('from contact to a protection plan', () => {
  let episodeId: string;
  let assessmentId: string;
  let strategyId: string;
  let s47Id: string;

  it('a contact on Friday 19 December 2025 is due a decision on Monday 22 December', async () => {
    const res = await sw.post(`/api/children/${childId}/contacts`, {
      receivedAt: '2025-12-19T10:15:00Z',
      source: '2A',
      presentingConcern: 'School worried about bruising on her arm.',
    });
    expect(res.status).toBe(201);
    const cw = await casework();
    expect(deadline(cw, 'contact-decision')).toMatchObject({ startDate: '2025-12-19', dueDate: '2025-12-22' });
    const decided = await sw.post(`/api/children/${childId}/contacts/${res.body.contactId}/decision`, {
      decision: 'referral',
      decidedOn: '2025-12-22',
      reasons: 'Unexplained injury; needs assessment.',
      primaryNeed: 'N1',
    });
    expect(decided.status).toBe(200);
    episodeId = decided.body.episodeId;
    const after = await casework();
    expect(deadline(after, 'contact-decision')).toMatchObject({ metOn: '2025-12-22', state: 'met-on-time' });
  });

  it('the assessment is due 45 working days from the referral: 26 February 2026', async () => {
    // From Mon 22 Dec 2025: 23, 24 Dec (1–2); 25, 26 Dec and 1 Jan are bank holidays; 29, 30, 31 Dec
    // (3–5); 2 Jan (6); then 39 more working days of five-day weeks end on Thu 26 Feb (45).
    const cw = await casework();
    expect(cw.episodes[0]).toMatchObject({ episodeId, referralDate: '2025-12-22', referralsPrevious12Months: 0, previousEpisode: null });
    expect(deadline(cw, 'assessment')).toMatchObject({ startDate: '2025-12-22', dueDate: '2026-02-26' });
    const started = await sw.post(`/api/children/${childId}/assessments`, { startDate: '2025-12-23' });
    expect(started.status).toBe(201);
    assessmentId = started.body.assessmentId;
    const progress = await sw.patch(`/api/children/${childId}/assessments/${assessmentId}`, {
      version: 1,
      childSeenOn: '2026-01-06',
      childSeenAlone: true,
      factors: ['3B', '18C'],
      completedOn: '2026-03-02',
      outcome: 'strategy-discussion',
    });
    expect(progress.status).toBe(200);
    const stale = await sw.patch(`/api/children/${childId}/assessments/${assessmentId}`, { version: 1, factors: ['21'] });
    expect(stale.status).toBe(409);
  });

  it('a social worker cannot authorise; a late authorisation needs its reason', async () => {
    expect((await sw.post(`/api/children/${childId}/assessments/${assessmentId}/authorisation`, { authorisedOn: '2026-03-03' })).status).toBe(403);
    const noReason = await tm.post(`/api/children/${childId}/assessments/${assessmentId}/authorisation`, { authorisedOn: '2026-03-03' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'lateReason', rule: 'late-reason-required' });
    const ok = await tm.post(`/api/children/${childId}/assessments/${assessmentId}/authorisation`, {
      authorisedOn: '2026-03-03',
      lateReason: 'Waiting for the paediatric report.',
    });
    expect(ok.status).toBe(200);
    expect(deadline(await casework(), 'assessment')).toMatchObject({ metOn: '2026-03-03', state: 'met-late' });
  });

  it('the initial conference is due 15 working days from the strategy discussion, over Easter: 20 April 2026', async () => {
    const sd = await sw.post(`/api/children/${childId}/strategy-discussions`, {
      heldOn: '2026-03-26',
      agencies: ['social-care', 'police', 'health'],
      decision: 'section-47',
      reasons: 'Injury consistent with a grip.',
    });
    expect(sd.status).toBe(201);
    expect(sd.body.missingAgencies).toEqual(['Education']);
    strategyId = sd.body.strategyId;
    const s47 = await sw.post(`/api/children/${childId}/section47s`, { strategyId, startDate: '2026-03-26' });
    expect(s47.status).toBe(201);
    s47Id = s47.body.s47Id;
    // From Thu 26 Mar: 27, 30, 31 Mar, 1, 2 Apr (1–5); Good Friday 3 Apr and Easter Monday 6 Apr
    // are bank holidays; 7–10 Apr (6–9); 13–17 Apr (10–14); Mon 20 Apr (15).
    expect(deadline(await casework(), 'icpc')).toMatchObject({ startDate: '2026-03-26', dueDate: '2026-04-20' });
  });

  it('a conference on the due date starts the plan; the first core group and visit are due after the May bank holiday', async () => {
    const missing = await sw.post(`/api/children/${childId}/conferences`, {
      kind: 'initial',
      s47Id,
      heldOn: '2026-04-20',
      outcome: 'plan',
      chair: 'R. Okafor',
      childMetDecider: true,
      parentsMetDecider: true,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'initialCategory', rule: 'category-required' });
    const icpc = await sw.post(`/api/children/${childId}/conferences`, {
      kind: 'initial',
      s47Id,
      heldOn: '2026-04-20',
      outcome: 'plan',
      initialCategory: 'PHY',
      chair: 'R. Okafor',
      childMetDecider: true,
      parentsMetDecider: true,
      childWords: 'I want Mum to stop shouting.',
    });
    expect(icpc.status).toBe(201);
    expect(icpc.body.planId).toBeTruthy();
    const cw = await casework();
    expect(deadline(cw, 'icpc')).toMatchObject({ metOn: '2026-04-20', state: 'met-on-time' });
    // From Mon 20 Apr: 21–24 Apr (1–4), 27–30 Apr (5–8), 1 May (9); 4 May is a bank holiday; 5 May (10).
    expect(deadline(cw, 'core-group-first')).toMatchObject({ startDate: '2026-04-20', dueDate: '2026-05-05' });
    expect(deadline(cw, 'cp-visit', '2026-04-20')).toMatchObject({ dueDate: '2026-05-05' });
    // Three calendar months from 20 April.
    expect(deadline(cw, 'cp-review-first')).toMatchObject({ dueDate: '2026-07-20' });
    expect(cw.episodes[0].cpPlans[0]).toMatchObject({ initialCategory: 'PHY', previousPlans: 0 });
    expect(cw.episodes[0].section47s[0]).toMatchObject({ outcome: 'conference', completedOn: '2026-04-20' });
  });

  it('a core group a day late is met late; a visit opens the next visit’s clock', async () => {
    expect((await sw.post(`/api/children/${childId}/core-groups`, { heldOn: '2026-05-06' })).status).toBe(201);
    const noVoice = await sw.post(`/api/children/${childId}/visits`, {
      visitedOn: '2026-04-30',
      purpose: 'child-protection',
      childSeen: true,
      seenAlone: true,
    });
    expect(noVoice.status).toBe(400);
    expect(noVoice.body.errors[0]).toMatchObject({ field: 'childWords', rule: 'child-voice-required' });
    expect(
      (
        await sw.post(`/api/children/${childId}/visits`, {
          visitedOn: '2026-04-30',
          purpose: 'child-protection',
          childSeen: true,
          seenAlone: true,
          childWords: 'Said school is better now.',
        })
      ).status,
    ).toBe(201);
    const cw = await casework();
    expect(deadline(cw, 'core-group-first')).toMatchObject({ metOn: '2026-05-06', state: 'met-late' });
    // The next core group: 6 weeks after 6 May.
    expect(deadline(cw, 'core-group')).toMatchObject({ startDate: '2026-05-06', dueDate: '2026-06-17' });
    expect(deadline(cw, 'cp-visit', '2026-04-20')).toMatchObject({ metOn: '2026-04-30', state: 'met-on-time' });
    // From Thu 30 Apr: 1 May (1); 4 May holiday; 5–8 May (2–5); 11–15 May (6–10).
    expect(deadline(cw, 'cp-visit', '2026-04-30')).toMatchObject({ dueDate: '2026-05-15', state: 'overdue', metOn: null });
  });

  it('an overdue visit is on the allocated worker’s list and their team’s, and not on anyone else’s', async () => {
    const mine = (await sw.get('/api/worklist?view=mine&state=overdue')).body;
    const row = mine.obligations.find((o: { childId: string; ruleId: string }) => o.childId === childId && o.ruleId === 'cp-visit');
    expect(row).toMatchObject({
      dueDate: '2026-05-15',
      state: 'overdue',
      responsibleWorker: 'Ava Tester',
      responsibleTeam: 'Children in need 1',
      kind: 'policy',
    });
    expect(row.daysOverdue).toBeGreaterThan(150);
    expect(mine.counts.overdue).toBeGreaterThanOrEqual(1);
    const team = (await tm.get('/api/worklist?view=team&state=overdue')).body;
    expect(team.obligations.some((o: { childId: string }) => o.childId === childId)).toBe(true);
    const other = client(server, await signInAs(server, 'sw2', FIXTURE_PASSWORD));
    const theirs = (await other.get('/api/worklist?view=mine')).body;
    expect(theirs.obligations.some((o: { childId: string }) => o.childId === childId)).toBe(false);
    expect((await other.get(`/api/worklist?view=team&teamId=${ids.teamA}`)).status).toBe(403);
    const service = (await client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD)).get(`/api/worklist?view=service&teamId=${ids.teamA}`)).body;
    expect(service.obligations.some((o: { childId: string; ruleId: string }) => o.childId === childId && o.ruleId === 'cp-visit')).toBe(true);
    // As of a day before it fell due, the same visit was only due.
    const earlier = (await sw.get('/api/worklist?view=mine&asOf=2026-05-14')).body;
    expect(earlier.obligations.find((o: { childId: string; ruleId: string }) => o.childId === childId && o.ruleId === 'cp-visit')).toMatchObject({
      state: 'due',
    });
  });

  it('reallocating the child moves the deadlines to the new worker in the same step', async () => {
    expect((await tm.post(`/api/children/${childId}/allocations`, { workerId: ids.swA2, startDate: '2026-06-01', reason: 'Caseload balancing' })).status).toBe(
      201,
    );
    const overdue = (await client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD)).get('/api/worklist?view=service&state=overdue')).body;
    expect(overdue.obligations.find((o: { childId: string; ruleId: string }) => o.childId === childId && o.ruleId === 'cp-visit').responsibleWorker).toBe(
      'Amir Tester',
    );
    expect((await sw.get('/api/worklist?view=mine')).body.obligations.some((o: { childId: string }) => o.childId === childId)).toBe(false);
  });

  it('stepping down asks what changed and for how long; closing after a plan does too', async () => {
    expect(
      (
        await tm.post(`/api/children/${childId}/conferences`, {
          kind: 'review',
          heldOn: '2026-07-15',
          outcome: 'continue-plan',
          chair: 'R. Okafor',
          childMetDecider: true,
          parentsMetDecider: false,
        })
      ).status,
    ).toBe(201);
    const cw = await casework();
    expect(deadline(cw, 'cp-review-first')).toMatchObject({ metOn: '2026-07-15', state: 'met-on-time' });
    expect(deadline(cw, 'cp-review')).toMatchObject({ startDate: '2026-07-15', dueDate: '2027-01-15' });

    const noWhy = await tm.post(`/api/children/${childId}/conferences`, {
      kind: 'review',
      heldOn: '2026-10-01',
      outcome: 'end-plan',
      chair: 'R. Okafor',
      childMetDecider: true,
      parentsMetDecider: true,
    });
    expect(noWhy.status).toBe(400);
    expect(noWhy.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['changeSustainedWeeks', 'endReason', 'whatChanged']);
    const ended = await tm.post(`/api/children/${childId}/conferences`, {
      kind: 'review',
      heldOn: '2026-10-01',
      outcome: 'end-plan',
      chair: 'R. Okafor',
      childMetDecider: true,
      parentsMetDecider: true,
      endReason: 'Risk reduced',
      whatChanged: 'Father moved out; Mum completed the parenting course.',
      changeSustainedWeeks: 12,
      childWords: 'Home is calmer.',
    });
    expect(ended.status).toBe(201);

    expect(
      (
        await sw.post(`/api/children/${childId}/closure`, {
          closureDate: '2026-10-15',
          reason: 'RC7',
          reasons: 'No longer in need',
          childMetDecider: true,
          parentsMetDecider: true,
        })
      ).status,
    ).toBe(403);
    const closeWithoutChange = await tm.post(`/api/children/${childId}/closure`, {
      closureDate: '2026-10-15',
      reason: 'RC7',
      reasons: 'No longer in need',
      childMetDecider: true,
      parentsMetDecider: true,
    });
    expect(closeWithoutChange.status).toBe(400);
    expect(closeWithoutChange.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['changeSustainedWeeks', 'whatChanged']);
    const closed = await tm.post(`/api/children/${childId}/closure`, {
      closureDate: '2026-10-15',
      reason: 'RC7',
      reasons: 'Plan ended and change held.',
      whatChanged: 'Safe routines at home for 14 weeks.',
      changeSustainedWeeks: 14,
      childMetDecider: true,
      parentsMetDecider: true,
    });
    expect(closed.status).toBe(200);
    const after = await casework();
    expect(after.episodes[0]).toMatchObject({ closureDate: '2026-10-15', closureReason: 'RC7', closedBy: 'tm (test)' });
    expect(after.obligations.filter((o: { state: string }) => o.state === 'due' || o.state === 'overdue')).toEqual([]);
    const chronology = (await sw.get(`/api/children/${childId}/chronology`)).body.entries.map((e: { category: string }) => e.category);
    for (const step of ['contact', 'referral', 'assessment', 'strategy-discussion', 'section-47', 'conference', 'plan', 'core-group', 'visit', 'closure'])
      expect(chronology).toContain(step);
  });

  it('a re-referral within 12 months shows the earlier closure and who approved it', async () => {
    const res = await sw.post(`/api/children/${childId}/referrals`, { referralDate: '2026-11-02', source: '6', primaryNeed: 'N1' });
    expect(res.status).toBe(201);
    const cw = await casework();
    expect(cw.episodes[0]).toMatchObject({
      referralsPrevious12Months: 1,
      previousEpisode: { closureReason: 'RC7', closedBy: 'tm (test)', closureReasons: 'Plan ended and change held.' },
    });
  });
});

describe('the front door', () => {
  it('an undecided contact from three working days ago is overdue for the front door team', async () => {
    const teamId = randomUUID();
    await server.store.db
      .insertInto('team')
      .values({ la_code: LA, team_id: teamId, name: 'Front door (MASH)', service: 'Front door', manager_worker_id: ids.tmA })
      .execute();
    const received = addWorkingDays(todayInEngland(), -3);
    const res = await sw.post(`/api/children/${ids.childUnallocated}/contacts`, {
      receivedAt: `${received}T09:00:00Z`,
      source: '6',
      presentingConcern: 'Police attended a domestic incident.',
    });
    expect(res.status).toBe(201);
    const team = (await client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD)).get(`/api/worklist?view=service&teamId=${teamId}&state=overdue`)).body;
    expect(team.obligations).toEqual([
      expect.objectContaining({ childId: ids.childUnallocated, ruleId: 'contact-decision', responsibleTeam: 'Front door (MASH)', state: 'overdue' }),
    ]);
  });

  it('refuses a decision before the contact arrived, and a second decision', async () => {
    const sw2 = client(server, await signInAs(server, 'sw2', FIXTURE_PASSWORD));
    expect((await sw.post(`/api/children/${ids.childB}/contacts`, { receivedAt: '2026-03-02T09:00:00Z', source: '1A', presentingConcern: 'x' })).status).toBe(
      403,
    ); // team A's worker does not hold team B's child
    const contact = await sw2.post(`/api/children/${ids.childB}/contacts`, {
      receivedAt: '2026-03-02T09:00:00Z',
      source: '1A',
      presentingConcern: 'Grandmother worried.',
    });
    expect(contact.status).toBe(201);
    const beforeArrival = await sw2.post(`/api/children/${ids.childB}/contacts/${contact.body.contactId}/decision`, {
      decision: 'nfa',
      decidedOn: '2026-03-01',
      reasons: 'x',
    });
    expect(beforeArrival.body.errors[0]).toMatchObject({ field: 'decidedOn', rule: 'not-before' });
    expect(
      (
        await sw2.post(`/api/children/${ids.childB}/contacts/${contact.body.contactId}/decision`, {
          decision: 'early-help',
          decidedOn: '2026-03-02',
          reasons: 'Family support offered.',
        })
      ).status,
    ).toBe(200);
    const again = await sw2.post(`/api/children/${ids.childB}/contacts/${contact.body.contactId}/decision`, {
      decision: 'nfa',
      decidedOn: '2026-03-02',
      reasons: 'x',
    });
    expect(again.status).toBe(409);
  });
});

describe('council timescales', () => {
  it('a council may set its own visit frequency, and only a stricter assessment timescale; deadlines follow at once', async () => {
    const hos = client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD));
    expect((await sw.put('/api/settings/timescales/cp-visit', { unit: 'weeks', n: 2 })).status).toBe(403);
    const looser = await hos.put('/api/settings/timescales/assessment', { unit: 'working-days', n: 50 });
    expect(looser.status).toBe(400);
    expect(looser.body.errors[0]).toMatchObject({ field: 'n', rule: 'stricter-only' });
    const stricter = await hos.put('/api/settings/timescales/assessment', { unit: 'working-days', n: 30 });
    expect(stricter.status).toBe(200);
    expect(stricter.body.obligationsRebuilt).toBeGreaterThan(0);
    // Esme's re-referral on Mon 2 Nov 2026: 30 working days later is Mon 14 Dec 2026.
    const cw = await casework();
    expect(cw.obligations.find((o: { ruleId: string; startDate: string }) => o.ruleId === 'assessment' && o.startDate === '2026-11-02')).toMatchObject({
      dueDate: '2026-12-14',
    });
    const rules = (await hos.get('/api/timescales')).body.rules;
    expect(rules.find((r: { id: string }) => r.id === 'assessment')).toMatchObject({ due: '30 working days', kind: 'guidance' });
    expect((await hos.put('/api/settings/timescales/cp-visit', { unit: 'weeks', n: 4 })).status).toBe(200); // policy: the council's choice
  });
});

describe('suspected significant harm', () => {
  it('a contact raising significant harm wants a strategy discussion within one working day', async () => {
    const sw2 = client(server, await signInAs(server, 'sw2', FIXTURE_PASSWORD));
    const contact = await sw2.post(`/api/children/${ids.childB}/contacts`, {
      receivedAt: '2026-06-05T16:40:00Z',
      source: '6',
      presentingConcern: 'Police: child found alone at night.',
      significantHarmSuspected: true,
    });
    expect(contact.status).toBe(201);
    // Friday 5 June 2026: one working day later is Monday 8 June.
    const due = async () =>
      (await sw2.get(`/api/children/${ids.childB}/casework`)).body.obligations.find((o: { ruleId: string }) => o.ruleId === 'strategy-discussion');
    expect(await due()).toMatchObject({ startDate: '2026-06-05', dueDate: '2026-06-08' });
    await sw2.post(`/api/children/${ids.childB}/contacts/${contact.body.contactId}/decision`, {
      decision: 'referral',
      decidedOn: '2026-06-05',
      reasons: 'Significant harm suspected.',
      primaryNeed: 'N1',
    });
    expect(
      (
        await sw2.post(`/api/children/${ids.childB}/strategy-discussions`, {
          heldOn: '2026-06-09',
          agencies: ['police', 'health', 'education', 'social-care'],
          decision: 'no-section-47',
          reasons: 'Parent was at a neighbour’s.',
        })
      ).status,
    ).toBe(201);
    expect(await due()).toMatchObject({ metOn: '2026-06-09', state: 'met-late' });
  });
});

describe('visits that meet a deadline', () => {
  it('a visit before an unborn child’s birth meets the child in need visit; a visit on a plan change day counts once', async () => {
    const created = await sw.post('/api/children', { givenName: 'Baby', familyName: 'Marsh', expectedDateOfBirth: '2027-03-01', sex: 'U' });
    const unborn = created.body.child.childId;
    expect((await tm.post(`/api/children/${unborn}/allocations`, { workerId: ids.swA, startDate: '2026-09-01' })).status).toBe(201);
    expect((await sw.post(`/api/children/${unborn}/referrals`, { referralDate: '2026-09-01', source: '3B', primaryNeed: 'N3' })).status).toBe(201);
    expect((await sw.post(`/api/children/${unborn}/cin-plans`, { startDate: '2026-09-07' })).status).toBe(201);
    expect((await sw.post(`/api/children/${unborn}/visits`, { visitedOn: '2026-09-21', purpose: 'child-in-need', childSeen: false })).status).toBe(201);
    // The plan ends on the day a new plan starts; a visit that day belongs to the new plan only.
    expect(
      (await sw.post(`/api/children/${unborn}/cin-plans/current/end`, { endDate: '2026-10-05', reasons: 'Plan rewritten after the pre-birth assessment' }))
        .status,
    ).toBe(200);
    expect((await sw.post(`/api/children/${unborn}/cin-plans`, { startDate: '2026-10-05' })).status).toBe(201);
    expect((await sw.post(`/api/children/${unborn}/visits`, { visitedOn: '2026-10-05', purpose: 'child-in-need', childSeen: false })).status).toBe(201);
    const visits = (await sw.get(`/api/children/${unborn}/casework`)).body.obligations.filter((o: { ruleId: string }) => o.ruleId === 'cin-visit');
    expect(visits.find((o: { startDate: string }) => o.startDate === '2026-09-07')).toMatchObject({ metOn: '2026-09-21', state: 'met-on-time' });
    expect(visits.filter((o: { metOn: string | null }) => o.metOn === '2026-10-05')).toHaveLength(1);
  });
});
