import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { becameLookedAfter, FIXTURE_PASSWORD } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Permanence and adoption, UASC, health and education, care leavers: every due date worked out
// by hand (Easter and the May and August bank holidays 2026, month ends, the fifth and sixteenth
// birthdays), the UASC delay, days from entering care to placement for adoption, who may see an
// adoption, 409 on stale edits and 400 naming field and rule.
let server: TestServer, ids: FixtureIds;
let sw: Client, sw2: Client, tm: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, sw2, tm] = await signedIn(server, 'sw', 'sw2', 'tm');
});
afterAll(() => server?.close());

async function newChild(given: string, dateOfBirth: string, allocateTo = ids.swA) {
  const res = await sw.post('/api/children', { givenName: given, familyName: 'Carden', dateOfBirth, sex: 'M' });
  expect(res.status).toBe(201);
  const childId = res.body.child.childId as string;
  expect((await tm.post(`/api/children/${childId}/allocations`, { workerId: allocateTo, startDate: '2024-01-08' })).status).toBe(201);
  return childId;
}

const page = async (childId: string, who = sw) => {
  const res = await who.get(`/api/children/${childId}/looked-after-care`);
  expect(res.status).toBe(200);
  return res.body;
};
type Ob = { ruleId: string; startDate: string; dueDate: string; metOn: string | null; state: string; responsibleWorkerId?: string | null };
const deadlines = (view: { obligations: Ob[] }, ruleId: string) =>
  view.obligations.filter((o) => o.ruleId === ruleId).sort((a, b) => a.startDate.localeCompare(b.startDate));

describe('health and education of a looked-after child', () => {
  let childId: string;

  beforeAll(async () => {
    // Fifth birthday on 15 June 2026.
    childId = await newChild('Oscar', '2021-06-15');
    await becameLookedAfter(server.store.db, childId, '2026-04-02');
  });

  it('the initial health assessment and PEP are due 20 working days after Thursday 2 April 2026: Tuesday 5 May', async () => {
    // 3 April (Good Friday) and 6 April (Easter Monday) are holidays: 7–10 April are days 1–4,
    // then three five-day weeks (5–19) end on 24 April... 27–30 April (15–18), 1 May (19);
    // Monday 4 May is the early May bank holiday, so day 20 is Tuesday 5 May.
    await sw.post(`/api/children/${childId}/health-checks`, { kind: 'dental', doneOn: '2026-04-10' }); // a dental check meets nothing
    const view = await page(childId);
    expect(deadlines(view, 'health-assessment-initial')).toMatchObject([{ startDate: '2026-04-02', dueDate: '2026-05-05', metOn: null }]);
    expect(deadlines(view, 'pep-initial')).toMatchObject([{ startDate: '2026-04-02', dueDate: '2026-05-05', metOn: null }]);
  });

  it('an initial assessment on 5 May meets it on time; the review is due 6 months later, 5 November (she is under five)', async () => {
    expect((await sw.post(`/api/children/${childId}/health-checks`, { kind: 'initial-health-assessment', doneOn: '2026-05-05' })).status).toBe(201);
    const view = await page(childId);
    expect(deadlines(view, 'health-assessment-initial')[0]).toMatchObject({ metOn: '2026-05-05', state: 'met-on-time' });
    expect(deadlines(view, 'health-assessment-review')).toMatchObject([{ startDate: '2026-05-05', dueDate: '2026-11-05', metOn: null }]);
  });

  it('a review after the fifth birthday (20 June) is next due in 12 months: 20 June 2027', async () => {
    expect((await sw.post(`/api/children/${childId}/health-checks`, { kind: 'review-health-assessment', doneOn: '2026-06-20' })).status).toBe(201);
    const reviews = deadlines(await page(childId), 'health-assessment-review');
    expect(reviews).toMatchObject([
      { startDate: '2026-05-05', dueDate: '2026-11-05', metOn: '2026-06-20', state: 'met-on-time' },
      { startDate: '2026-06-20', dueDate: '2027-06-20', metOn: null },
    ]);
  });

  it('a review on the day before the fifth birthday is still on the 6-month interval', async () => {
    const younger = await newChild('Ivy', '2021-06-15');
    await becameLookedAfter(server.store.db, younger, '2026-01-05');
    await sw.post(`/api/children/${younger}/health-checks`, { kind: 'initial-health-assessment', doneOn: '2026-06-14' });
    expect(deadlines(await page(younger), 'health-assessment-review')).toMatchObject([{ startDate: '2026-06-14', dueDate: '2026-12-14' }]);
  });

  it('the PEP review is due 3 months after each PEP; 31 August + 6 months clamps to 28 February for health', async () => {
    expect((await sw.post(`/api/children/${childId}/peps`, { heldOn: '2026-05-29', school: 'Hillside Primary' })).status).toBe(201);
    const view = await page(childId);
    expect(deadlines(view, 'pep-initial')[0]).toMatchObject({ metOn: '2026-05-29', state: 'met-late' });
    expect(deadlines(view, 'pep-review')).toMatchObject([{ startDate: '2026-05-29', dueDate: '2026-08-29' }]);

    const toddler = await newChild('Rae', '2024-01-10');
    await becameLookedAfter(server.store.db, toddler, '2026-02-27');
    await sw.post(`/api/children/${toddler}/health-checks`, { kind: 'initial-health-assessment', doneOn: '2026-08-31' });
    const t = await page(toddler);
    expect(deadlines(t, 'health-assessment-initial')[0]).toMatchObject({ state: 'met-late' });
    expect(deadlines(t, 'health-assessment-review')).toMatchObject([{ startDate: '2026-08-31', dueDate: '2027-02-28' }]);
    // A two-year-old has no personal education plan due (school age is from 4 here).
    expect(deadlines(t, 'pep-initial')).toEqual([]);
  });

  it('records OC2 outcomes: an SDQ score or a reason, never both, and names the field', async () => {
    const both = await sw.post(`/api/children/${childId}/health-outcomes`, {
      recordedOn: '2026-06-20',
      immunisationsUpToDate: true,
      sdqScore: 41,
      substanceMisuse: false,
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('sdqScore');
    const neither = await sw.post(`/api/children/${childId}/health-outcomes`, {
      recordedOn: '2026-06-20',
      immunisationsUpToDate: true,
      substanceMisuse: false,
    });
    expect(neither.status).toBe(400);
    expect(neither.body.errors).toEqual([expect.objectContaining({ field: 'sdqScore', rule: 'sdq-score-or-reason' })]);
    const ok = await sw.post(`/api/children/${childId}/health-outcomes`, {
      recordedOn: '2026-06-20',
      immunisationsUpToDate: true,
      sdqReason: 'SDQ1',
      substanceMisuse: false,
    });
    expect(ok.status).toBe(201);
    expect((await page(childId)).healthOutcomes).toMatchObject([{ immunisationsUpToDate: true, sdqScore: null, sdqReason: 'SDQ1' }]);
  });

  it('a deadline of a child no longer looked after ends with the period of care', async () => {
    const left = await newChild('Kit', '2015-02-02');
    await becameLookedAfter(server.store.db, left, '2026-03-02', '2026-03-20');
    // Any refresh of the child rebuilds their deadlines; a health check after care ended meets nothing.
    await sw.post(`/api/children/${left}/health-checks`, { kind: 'initial-health-assessment', doneOn: '2026-04-01' });
    expect(deadlines(await page(left), 'health-assessment-initial')).toMatchObject([{ metOn: null, state: 'ended' }]);
  });
});

describe('unaccompanied asylum-seeking children', () => {
  let arrived: string;
  let disputed: string;
  let adult: string;

  beforeAll(async () => {
    arrived = await newChild('Dawit', '2010-03-01');
    disputed = await newChild('Samir', '2009-07-01');
    adult = await newChild('Yonas', '2008-01-01');
  });

  it('a child referred on Saturday 10 October and looked after on Tuesday 13 October waited 3 days: due the same day, met late', async () => {
    const saved = await sw.put(`/api/children/${arrived}/uasc`, {
      referredOn: '2026-10-10',
      referralRoute: 'spontaneous-arrival',
      ageAssessment: 'not-needed',
    });
    expect(saved.status).toBe(200);
    let view = await page(arrived);
    expect(deadlines(view, 'uasc-looked-after')).toMatchObject([{ startDate: '2026-10-10', dueDate: '2026-10-10', metOn: null, state: 'overdue' }]);
    await becameLookedAfter(server.store.db, arrived, '2026-10-13');
    // Another step on the case refreshes the deadlines (the episodes service does this in part A).
    await sw.put(`/api/children/${arrived}/uasc`, { version: 1, referredOn: '2026-10-10', referralRoute: 'spontaneous-arrival', ageAssessment: 'not-needed' });
    view = await page(arrived);
    expect(view.uasc).toMatchObject({ lookedAfterOn: '2026-10-13', delayDays: 3, version: 2 });
    expect(deadlines(view, 'uasc-looked-after')).toMatchObject([{ metOn: '2026-10-13', state: 'met-late' }]);
  });

  it('the National Transfer Scheme transfer is due 10 working days from referral: 24 August → 8 September (31 August is a holiday)', async () => {
    const res = await sw.put(`/api/children/${arrived}/uasc`, {
      version: 2,
      referredOn: '2026-10-10',
      referralRoute: 'spontaneous-arrival',
      ageAssessment: 'not-needed',
      ntsReferredOn: '2026-08-24',
    });
    // The scheme referral cannot precede the child's own referral.
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'ntsReferredOn', rule: 'not-before' })]);
    const other = await newChild('Amanuel', '2010-05-05');
    await sw.put(`/api/children/${other}/uasc`, {
      referredOn: '2026-08-24',
      referralRoute: 'home-office',
      ageAssessment: 'not-needed',
      ntsReferredOn: '2026-08-24',
    });
    await becameLookedAfter(server.store.db, other, '2026-08-24');
    const saved = await sw.put(`/api/children/${other}/uasc`, {
      version: 1,
      referredOn: '2026-08-24',
      referralRoute: 'home-office',
      ageAssessment: 'not-needed',
      ntsReferredOn: '2026-08-24',
      ntsTransferredOn: '2026-09-08',
    });
    expect(saved.status).toBe(200);
    const view = await page(other);
    expect(deadlines(view, 'uasc-transfer')).toMatchObject([{ startDate: '2026-08-24', dueDate: '2026-09-08', metOn: '2026-09-08', state: 'met-on-time' }]);
    expect(deadlines(view, 'uasc-looked-after')).toMatchObject([{ metOn: '2026-08-24', state: 'met-on-time' }]);
    expect(view.uasc.delayDays).toBe(0);
  });

  it('an age-disputed child is a child: the clock runs while they wait; an assessed adult is owed nothing', async () => {
    await sw.put(`/api/children/${disputed}/uasc`, { referredOn: '2026-11-20', referralRoute: 'police', ageAssessment: 'disputed' });
    const d = await page(disputed);
    expect(deadlines(d, 'uasc-looked-after')).toMatchObject([{ dueDate: '2026-11-20', state: 'overdue' }]);
    expect(d.uasc.lookedAfterOn).toBeNull();
    expect(d.uasc.delayDays).toBeGreaterThanOrEqual(11); // 20 November to today (at least 1 December 2026)

    const missing = await sw.put(`/api/children/${adult}/uasc`, { referredOn: '2026-11-02', referralRoute: 'police', ageAssessment: 'adult' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'ageAssessedOn', rule: 'required-with-ageAssessment' })]);
    await sw.put(`/api/children/${adult}/uasc`, { referredOn: '2026-11-02', referralRoute: 'police', ageAssessment: 'adult', ageAssessedOn: '2026-11-04' });
    expect(deadlines(await page(adult), 'uasc-looked-after')).toMatchObject([{ state: 'ended' }]);
  });

  it('the UASC list shows each delay and counts the children who waited beyond the day of referral', async () => {
    const list = await sw.get('/api/uasc');
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.children.map((c: { name: string }) => [c.name, c]));
    expect(byName['Dawit Carden']).toMatchObject({ delayDays: 3, lookedAfterOn: '2026-10-13', waiting: false });
    expect(byName['Amanuel Carden']).toMatchObject({ delayDays: 0 });
    expect(byName['Samir Carden']).toMatchObject({ waiting: true, lookedAfterOn: null });
    expect(byName['Yonas Carden']).toMatchObject({ delayDays: null });
    expect(list.body.delayed).toBe(2);
  });

  it('an update from a stale version is refused with 409', async () => {
    const res = await sw.put(`/api/children/${arrived}/uasc`, { version: 1, referredOn: '2026-10-10', referralRoute: 'police', ageAssessment: 'not-needed' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'version', rule: 'stale-version' });
  });
});

describe('permanence and adoption', () => {
  let childId: string;
  let adoptionId: string;

  beforeAll(async () => {
    childId = await newChild('Lily', '2023-02-01');
    await becameLookedAfter(server.store.db, childId, '2024-03-01');
  });

  it('records the permanence plan; a new plan replaces the old', async () => {
    expect((await sw.post(`/api/children/${childId}/permanence-plans`, { planType: 'return-home', agreedOn: '2024-05-10' })).status).toBe(201);
    expect((await sw.post(`/api/children/${childId}/permanence-plans`, { planType: 'adoption', agreedOn: '2024-09-10' })).status).toBe(201);
    const early = await sw.post(`/api/children/${childId}/permanence-plans`, { planType: 'sgo', agreedOn: '2024-06-01' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'agreedOn', rule: 'not-before' });
    expect((await page(childId)).permanencePlans).toMatchObject([
      { planType: 'return-home', agreedOn: '2024-05-10', endedOn: '2024-09-10' },
      { planType: 'adoption', agreedOn: '2024-09-10', endedOn: null },
    ]);
  });

  it('walks the adoption timeline; 458 days from entering care (1 March 2024) to placement (2 June 2025)', async () => {
    const decided = await sw.post(`/api/children/${childId}/adoptions`, { decisionOn: '2024-09-10' });
    expect(decided.status).toBe(201);
    adoptionId = decided.body.adoptionId;
    const url = `/api/children/${childId}/adoptions/${adoptionId}`;
    expect((await sw.patch(url, { version: 1, placementOrderOn: '2024-11-01' })).status).toBe(200);
    // Placement before a match is refused, naming the field and the rule.
    const unmatched = await sw.patch(url, { version: 2, placedOn: '2025-06-02' });
    expect(unmatched.status).toBe(400);
    expect(unmatched.body.errors).toEqual([expect.objectContaining({ field: 'matchedOn', rule: 'match-before-placement' })]);
    const noAdopters = await sw.patch(url, { version: 2, matchedOn: '2025-05-20' });
    expect(noAdopters.body.errors).toEqual([expect.objectContaining({ field: 'adopterCount', rule: 'adopters-with-match' })]);
    const matched = await sw.patch(url, {
      version: 2,
      matchedOn: '2025-05-20',
      adopterCount: 2,
      adopterSex: 'MF',
      adopterLegalStatus: 'L0',
      fosterCarerAdoption: false,
    });
    expect(matched.status).toBe(200);
    expect((await sw.patch(url, { version: 3, placedOn: '2025-06-02' })).status).toBe(200);
    const stale = await sw.patch(url, { version: 3, adoptionOrderOn: '2025-12-01' });
    expect(stale.status).toBe(409);
    expect((await sw.patch(url, { version: 4, adoptionOrderOn: '2025-12-01' })).status).toBe(200);
    const [a] = (await page(childId)).adoptions;
    // 1 March 2024 to 1 March 2025 is 365 days; March, April and May add 92; 2 June one more.
    expect(a).toMatchObject({ enteredCareOn: '2024-03-01', placedOn: '2025-06-02', adoptionOrderOn: '2025-12-01', entryToPlacedDays: 458, version: 5 });
  });

  it('a foster carer adoption counts to the day the child moved in with the carers', async () => {
    const foster = await newChild('Finn', '2023-06-01');
    await becameLookedAfter(server.store.db, foster, '2024-03-01');
    const { adoptionId: id } = (await sw.post(`/api/children/${foster}/adoptions`, { decisionOn: '2024-08-01' })).body;
    const res = await sw.patch(`/api/children/${foster}/adoptions/${id}`, {
      version: 1,
      matchedOn: '2024-12-10',
      adopterCount: 1,
      adopterSex: 'F1',
      adopterLegalStatus: 'L0',
      fosterCarerAdoption: true,
      movedInOn: '2024-05-01',
      placedOn: '2025-01-15',
    });
    expect(res.status).toBe(200);
    expect((await page(foster)).adoptions[0]).toMatchObject({ entryToPlacedDays: 61 });
  });

  it('a decision no longer to place needs its reason; a placement that ends needs its RD reason', async () => {
    const other = await newChild('Ada', '2022-01-01');
    const { adoptionId: id } = (await sw.post(`/api/children/${other}/adoptions`, { decisionOn: '2025-01-06' })).body;
    const url = `/api/children/${other}/adoptions/${id}`;
    const noReason = await sw.patch(url, { version: 1, noLongerOn: '2025-06-01' });
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'noLongerReason', rule: 'required-with-noLongerOn' })]);
    expect((await sw.patch(url, { version: 1, noLongerOn: '2025-06-01', noLongerReason: 'Returning to her father under a CAO' })).status).toBe(200);
    // With the old decision closed, a new one may be made.
    expect((await sw.post(`/api/children/${other}/adoptions`, { decisionOn: '2025-07-01' })).status).toBe(201);
    expect((await sw.post(`/api/children/${other}/adoptions`, { decisionOn: '2025-07-02' })).status).toBe(409);
  });

  it('adoption records are open only to the team holding the case and the head of service', async () => {
    const bySw2 = await page(childId, sw2);
    expect(bySw2.adoptionHidden).toBe(true);
    expect(bySw2.adoptions).toEqual([]);
    expect((await sw2.post(`/api/children/${childId}/adoptions`, { decisionOn: '2025-01-06' })).status).toBe(403);
    const hos = client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD));
    expect((await page(childId, hos)).adoptions).toHaveLength(1);
    const analyst = client(server, await signInAs(server, 'analyst', FIXTURE_PASSWORD));
    expect((await page(childId, analyst)).adoptionHidden).toBe(true);
  });

  it('records a special guardianship order and the previous permanence of a period of care', async () => {
    const sgo = await newChild('Bo', '2019-09-09');
    const periodId = await becameLookedAfter(server.store.db, sgo, '2025-02-03', '2025-11-28');
    expect((await sw.post(`/api/children/${sgo}/permanence-orders`, { orderType: 'sgo', madeOn: '2025-11-28', madeTo: 'Maternal grandparents' })).status).toBe(
      201,
    );
    const noLa = await sw.put(`/api/children/${sgo}/previous-permanence`, { periodId, prevPerm: 'P2' });
    expect(noLa.body.errors).toEqual([expect.objectContaining({ field: 'laPerm', rule: 'required-with-prevPerm' })]);
    const badDate = await sw.put(`/api/children/${sgo}/previous-permanence`, { periodId, prevPerm: 'P2', laPerm: '884', datePerm: '2019-01-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('datePerm');
    expect((await sw.put(`/api/children/${sgo}/previous-permanence`, { periodId, prevPerm: 'P2', laPerm: '884', datePerm: 'ZZ/06/2021' })).status).toBe(200);
    const view = await page(sgo);
    expect(view.permanenceOrders).toMatchObject([{ orderType: 'sgo', madeOn: '2025-11-28' }]);
    expect(view.periodsOfCare).toMatchObject([{ periodId, previousPermanence: { prevPerm: 'P2', laPerm: '884', datePerm: 'ZZ/06/2021' } }]);
  });
});

describe('care leavers', () => {
  let youngPerson: string;

  beforeAll(async () => {
    // Sixteenth birthday on Sunday 31 May 2026.
    youngPerson = await newChild('Jade', '2010-05-31');
  });

  it('the pathway plan is due 3 months from the later of the 16th birthday and becoming eligible: 31 August 2026', async () => {
    expect((await sw.put(`/api/children/${youngPerson}/care-leaver`, { category: 'eligible', eligibleFrom: '2026-03-01' })).status).toBe(200);
    expect(deadlines(await page(youngPerson), 'pathway-plan')).toMatchObject([{ startDate: '2026-05-31', dueDate: '2026-08-31', metOn: null }]);
    const later = await newChild('Theo', '2009-11-30');
    await sw.put(`/api/children/${later}/care-leaver`, { category: 'relevant', eligibleFrom: '2026-01-31' });
    // Eligible after the 16th birthday: 31 January + 3 months is 30 April (month-end clamp).
    expect(deadlines(await page(later), 'pathway-plan')).toMatchObject([{ startDate: '2026-01-31', dueDate: '2026-04-30' }]);
  });

  it('the plan on 31 August meets it; its review is due 6 months on, 28 February 2027, from the personal adviser', async () => {
    const review = await sw.post(`/api/children/${youngPerson}/pathway-plans`, { kind: 'review', heldOn: '2026-08-31' });
    expect(review.body.errors).toEqual([expect.objectContaining({ field: 'kind', rule: 'plan-before-review' })]);
    expect((await sw.post(`/api/children/${youngPerson}/pathway-plans`, { kind: 'plan', heldOn: '2026-08-31' })).status).toBe(201);
    expect((await tm.post(`/api/children/${youngPerson}/allocations`, { workerId: ids.swA2, role: 'personal-adviser', startDate: '2026-06-01' })).status).toBe(
      201,
    );
    const view = await page(youngPerson);
    expect(deadlines(view, 'pathway-plan')[0]).toMatchObject({ metOn: '2026-08-31', state: 'met-on-time' });
    expect(deadlines(view, 'pathway-plan-review')).toMatchObject([{ startDate: '2026-08-31', dueDate: '2027-02-28' }]);
    expect(view.careLeaver.personalAdviser).toMatchObject({ workerId: ids.swA2 });
  });

  it('a personal adviser visit is due 7 days after a move, then every 2 months; the adviser sees it on their worklist', async () => {
    await sw.put(`/api/children/${youngPerson}/care-leaver`, { version: 1, category: 'relevant', eligibleFrom: '2026-03-01' });
    expect((await sw.post(`/api/children/${youngPerson}/leaver-accommodation`, { movedOn: '2026-09-25', accommodation: 'D', suitable: true })).status).toBe(
      201,
    );
    let visits = deadlines(await page(youngPerson), 'pa-visit');
    expect(visits).toMatchObject([{ startDate: '2026-09-25', dueDate: '2026-10-02', metOn: null, responsibleWorkerId: ids.swA2 }]);
    expect((await sw.post(`/api/children/${youngPerson}/pa-visits`, { visitedOn: '2026-10-01' })).status).toBe(201);
    visits = deadlines(await page(youngPerson), 'pa-visit');
    expect(visits).toMatchObject([
      { startDate: '2026-09-25', dueDate: '2026-10-02', metOn: '2026-10-01', state: 'met-on-time' },
      { startDate: '2026-10-01', dueDate: '2026-12-01', metOn: null },
    ]);
    // The allocated social worker's own worklist does not carry the adviser's visit; the team's shows it as the adviser's.
    const mine = await sw.get('/api/worklist?view=mine');
    expect(mine.body.obligations.some((o: Ob) => o.ruleId === 'pa-visit')).toBe(false);
    const team = await tm.get('/api/worklist?view=team&ruleId=pa-visit');
    expect(team.body.obligations).toMatchObject([{ ruleId: 'pa-visit', dueDate: '2026-12-01', responsibleWorkerId: ids.swA2 }]);
  });

  it('records the birthday contact (OC3): codes must agree, and a second save needs the version', async () => {
    const wrong = await sw.put(`/api/children/${youngPerson}/birthday-contacts`, {
      birthdayAge: 17,
      contactOn: '2026-06-01',
      inTouch: 'NO',
      activity: 'F2',
      accommodation: 'D1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'activity:oc3-not-in-touch-activity',
      'accommodation:oc3-not-in-touch-accom',
    ]);
    /** Her 17th birthday contact, in touch and in D1 accommodation, doing `activity` (an edit when a version is given). */
    const at17 = (activity: string, version?: number) => ({
      ...(version ? { version } : {}),
      birthdayAge: 17,
      contactOn: '2026-06-01',
      inTouch: 'YES',
      activity,
      accommodation: 'D1',
    });
    const ok = await sw.put(`/api/children/${youngPerson}/birthday-contacts`, at17('F2'));
    expect(ok.body).toEqual({ version: 1 });
    const again = await sw.put(`/api/children/${youngPerson}/birthday-contacts`, at17('G5'));
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ field: 'version', rule: 'required-on-update' });
    expect((await sw.put(`/api/children/${youngPerson}/birthday-contacts`, at17('G5', 1))).status).toBe(200);
    expect((await sw.put(`/api/children/${youngPerson}/birthday-contacts`, at17('F2', 1))).status).toBe(409);
    const list = await sw.get('/api/care-leavers');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const jade = list.body.careLeavers.find((c: { childId: string }) => c.childId === youngPerson);
    expect(jade).toMatchObject({ category: 'relevant', personalAdviser: 'Amir Tester', latestContact: { birthdayAge: 17, eet: false, suitable: true } });
  });

  it('steps for a young person who is not a care leaver are refused by name', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/pa-visits`, { visitedOn: '2026-10-01' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'childId', rule: 'care-leaver-required' });
  });
});
