import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFosteringService, PLACEMENT as IN_CARE } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, recruitedToPanel, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// The Carters enquire in January, are assessed (stage one, stage two), go to panel in June and
// are approved for one child aged 5 to 12; Poppy (11) is placed with them; their supervising
// social worker visits unannounced. Poppy's social worker sees the carers' terms and how to reach
// them, not their assessment. Mia, accommodated under section 20 since January, is on the head of
// service's drift list until a legal planning meeting reviews her legal status.
let server: TestServer, ids: FixtureIds;
let ssw: Client, ftm: Client, sw: Client, sw2: Client, hos: Client;
let carters: string;
let version: number;
const sswWorker = randomUUID();
const fosteringTeam = randomUUID();

const view = async (id = carters) => {
  const res = await ssw.get(`/api/fostering/households/${id}`);
  expect(res.status).toBe(200);
  version = res.body.version;
  return res.body;
};
const rules = (v: { deadlines: { ruleId: string; dueDate: string; state: string }[] }) => Object.fromEntries(v.deadlines.map((d) => [d.ruleId, d]));
/** Placed with foster carers (U4). */
const PLACEMENT = { ...IN_CARE, placementType: 'U4' };

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await addFosteringService(server.store.db, fosteringTeam, sswWorker);
  [ssw, ftm, sw, sw2, hos] = await signedIn(server, 'ssw', 'ftm', 'sw', 'sw2', 'hos');
});
afterAll(() => server?.close());

describe('a household from enquiry to approval', () => {
  it('an enquiry makes a household with the next reference', async () => {
    const res = await ssw.post('/api/fostering/households', {
      name: 'Amy and Ben Carter',
      enquiryOn: '2026-01-05',
      addressLine: '4 Mill Lane',
      postcode: 'hr4 9aa',
      phone: '01432 555123',
      supervisingWorkerId: sswWorker,
    });
    expect(res.status).toBe(201);
    expect(res.body.reference).toBe('FC-0001');
    carters = res.body.householdId;
    const v = await view();
    expect(v.statusLabel).toBe('Enquiry');
    expect(v.postcode).toBe('HR4 9AA');
  });

  it('members are added, and only the adults are checked', async () => {
    const amy = (
      await ssw.post(`/api/fostering/households/${carters}/members`, { givenName: 'Amy', familyName: 'Carter', dateOfBirth: '1984-02-01', role: 'applicant' })
    ).body.memberId;
    const kid = (
      await ssw.post(`/api/fostering/households/${carters}/members`, { givenName: 'Cai', familyName: 'Carter', dateOfBirth: '2014-06-01', role: 'child' })
    ).body.memberId;
    const refused = await ssw.post(`/api/fostering/households/${carters}/checks`, { memberId: kid, kind: 'dbs', requestedOn: '2026-02-03' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'memberId', rule: 'adult-only' });
    const half = await ssw.post(`/api/fostering/households/${carters}/checks`, {
      memberId: amy,
      kind: 'dbs',
      requestedOn: '2026-02-03',
      completedOn: '2026-02-20',
    });
    expect(half.status).toBe(400);
    expect(half.body.errors[0]).toMatchObject({ field: 'outcome', rule: 'outcome-with-date' });
    expect(
      (
        await ssw.post(`/api/fostering/households/${carters}/checks`, {
          memberId: amy,
          kind: 'dbs',
          requestedOn: '2026-02-03',
          completedOn: '2026-02-20',
          outcome: 'clear',
        })
      ).status,
    ).toBe(201);
    const v = await view();
    expect(v.members.find((m: { name: string }) => m.name === 'Amy Carter').checks).toHaveLength(1);
  });

  it('the application starts stage one (10 working days) and stage two (4 months); steps keep their order', async () => {
    const step = (s: string, on: string, extra = {}) => ssw.post(`/api/fostering/households/${carters}/recruitment`, { version, step: s, on, ...extra });
    const early = await step('panel', '2026-06-15', { recommendation: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].rule).toBe('step-order');
    expect((await step('application', '2026-02-02')).status).toBe(200);
    let d = rules(await view());
    expect(d['fostering-assessment-stage-one']).toMatchObject({ dueDate: '2026-02-16' });
    expect(d['fostering-assessment-stage-two']).toMatchObject({ dueDate: '2026-06-02' });
    expect((await step('stage-one', '2026-02-13')).status).toBe(200);
    await view();
    expect((await step('stage-two', '2026-05-29')).status).toBe(200);
    await view();
    const noRecommendation = await step('panel', '2026-06-15');
    expect(noRecommendation.status).toBe(400);
    expect((await step('panel', '2026-06-15', { recommendation: 'approve' })).status).toBe(200);
    d = rules(await view());
    expect(d['fostering-decision']).toMatchObject({ dueDate: '2026-06-24' });
    expect(d['fostering-assessment-stage-two']).toBeUndefined();
  });

  it('only the decision maker approves, with terms; a stale version is refused', async () => {
    const body = {
      version,
      decidedOn: '2026-06-19',
      decision: 'approved',
      reasons: 'Panel recommended.',
      terms: { maxChildren: 1, ageFrom: 5, ageTo: 12, placementTypes: ['short-term', 'long-term'] },
    };
    expect((await ssw.post(`/api/fostering/households/${carters}/decision`, body)).status).toBe(403);
    expect((await ftm.post(`/api/fostering/households/${carters}/decision`, { ...body, terms: null })).body.errors[0]).toMatchObject({
      field: 'terms',
      rule: 'required',
    });
    expect((await ftm.post(`/api/fostering/households/${carters}/decision`, { ...body, version: version - 1 })).status).toBe(409);
    expect((await ftm.post(`/api/fostering/households/${carters}/decision`, body)).status).toBe(200);
    const v = await view();
    expect(v.statusLabel).toBe('Approved');
    expect(v.termsText).toBe('Up to 1 child aged 5 to 12: short-term, long-term');
    const d = rules(v);
    expect(d['foster-carer-review']).toMatchObject({ dueDate: '2027-06-19' });
    expect(d['foster-carer-tsd']).toMatchObject({ dueDate: '2027-06-19' });
    expect(d['supervising-visit']).toMatchObject({ dueDate: '2026-07-31' });
    expect(d['fostering-decision']).toBeUndefined();
  });
});

describe('placements, the register and matching', () => {
  it('the child’s social worker sees the in-house carers whose terms fit; others may not ask about the child', async () => {
    const fit = await sw.get(`/api/children/${ids.childA}/foster-carers`);
    expect(fit.status).toBe(200);
    expect(fit.body.fits.map((h: { name: string }) => h.name)).toEqual(['Amy and Ben Carter']);
    expect((await sw.get(`/api/children/${ids.childA}/foster-carers?placementType=respite`)).body.notFitting[0].reasons).toEqual([
      'Not approved for respite (short breaks) placements',
    ]);
    expect((await sw2.get(`/api/children/${ids.childA}/foster-carers`)).status).toBe(403);
    expect((await ssw.get(`/api/children/${ids.childA}/foster-carers`)).status).toBe(404);
  });

  it('a looked-after placement names the household; one outside the terms is refused', async () => {
    const placed = await sw.post(`/api/children/${ids.childA}/looked-after`, { startDate: '2026-07-01', ...PLACEMENT, fosterHouseholdId: carters });
    expect(placed.status).toBe(201);
    const full = await sw2.post(`/api/children/${ids.childB}/looked-after`, { startDate: '2026-07-02', ...PLACEMENT, fosterHouseholdId: carters });
    expect(full.status).toBe(400);
    expect(full.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['approval-terms', 'approval-terms']);
    const v = await view();
    expect(v.children.map((c: { name: string }) => c.name)).toEqual(['Poppy Lambert']);
    expect(v.free).toBe(0);
  });

  it('the register shows places, who is placed and free places; matching says why a household does not fit', async () => {
    const reg = await ftm.get('/api/fostering/register');
    expect(reg.status).toBe(200);
    expect(reg.body.totals).toEqual({ households: 1, places: 1, placed: 1, free: 0 });
    const match = await ftm.get(`/api/fostering/matching?childId=${ids.childB}`);
    expect(match.status).toBe(200);
    expect(match.body.fits).toEqual([]);
    expect(match.body.notFitting[0].reasons).toEqual(['Approved for ages 5 to 12', 'No free place today']);
  });

  it('a supervising visit meets the deadline and counts as the unannounced visit of the year', async () => {
    expect(
      (await ssw.post(`/api/fostering/households/${carters}/visits`, { visitedOn: '2026-07-20', unannounced: true, notes: 'Poppy settling.' })).status,
    ).toBe(201);
    const v = await view();
    expect(v.unannouncedInYear).toBe(true);
    expect(rules(v)['supervising-visit']).toMatchObject({ dueDate: '2026-08-31' });
    expect(v.visits[0].by).toBe('Fern Tester');
  });

  it('the child’s social worker sees the carers’ terms and contact, not the household; another team sees neither', async () => {
    const mine = await sw.get(`/api/fostering/households/${carters}/contact`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: 'Amy and Ben Carter', phone: '01432 555123', termsText: 'Up to 1 child aged 5 to 12: short-term, long-term' });
    expect(mine.body.members).toBeUndefined();
    expect((await sw.get(`/api/fostering/households/${carters}`)).status).toBe(403);
    expect((await sw2.get(`/api/fostering/households/${carters}/contact`)).status).toBe(404);
  });
});

describe('leaving, allegations and section 20 drift', () => {
  it('a resignation with its reason changes the carers’ turnover', async () => {
    const before = (await ftm.get('/api/fostering/register')).body.turnover;
    const h = (await ssw.post('/api/fostering/households', { name: 'Dai Lloyd', enquiryOn: '2025-01-06' })).body.householdId;
    let v = await recruitedToPanel(ssw, h, ['2025-01-20', '2025-01-31', '2025-05-12', '2025-06-02']);
    const terms = { maxChildren: 2, ageFrom: 0, ageTo: 17, placementTypes: ['respite'] };
    v = (await ftm.post(`/api/fostering/households/${h}/decision`, { version: v, decidedOn: '2025-06-06', decision: 'approved', reasons: 'Panel.', terms }))
      .body.version;
    const mid = (await ftm.get('/api/fostering/register')).body.turnover;
    expect(mid.approvedAtStart).toBe(before.approvedAtStart + 1);
    const res = await ssw.post(`/api/fostering/households/${h}/status`, { version: v, status: 'resigned', on: '2026-11-02', reason: 'dissatisfied-support' });
    expect(res.status).toBe(200);
    const after = (await ftm.get('/api/fostering/register')).body.turnover;
    expect(after.left).toBe(mid.left + 1);
    expect(after.rate).toBeGreaterThan(mid.rate ?? 0);
    expect(after.reasons).toContainEqual({ reason: 'dissatisfied-support', label: 'Dissatisfied with the support given', households: 1 });
    const gone = await view(h);
    expect(gone.statusLabel).toBe('Resigned');
    expect(gone.deadlines).toEqual([]);
  });

  it('a household with a child placed cannot leave; leaving needs a reason', async () => {
    await view();
    const res = await ssw.post(`/api/fostering/households/${carters}/status`, { version, status: 'resigned', on: '2026-11-01', reason: 'retirement' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].rule).toBe('children-placed');
    const noReason = await ssw.post(`/api/fostering/households/${carters}/status`, { version, status: 'resigned', on: '2026-11-01' });
    expect(noReason.status).toBe(400);
  });

  it('an allegation naming the child is on their chronology; its outcome is recorded once', async () => {
    const a = await ssw.post(`/api/fostering/households/${carters}/allegations`, {
      madeOn: '2026-09-01',
      childId: ids.childA,
      summary: 'Poppy said she was shouted at.',
    });
    expect(a.status).toBe(201);
    const out = await ssw.post(`/api/fostering/allegations/${a.body.allegationId}/outcome`, { version: 1, outcome: 'unfounded', outcomeOn: '2026-09-20' });
    expect(out.status).toBe(200);
    expect(
      (await ssw.post(`/api/fostering/allegations/${a.body.allegationId}/outcome`, { version: 2, outcome: 'false', outcomeOn: '2026-09-21' })).status,
    ).toBe(409);
    const chronology = await server.store.db.selectFrom('chronology_entry').select('summary').where('child_id', '=', ids.childA).execute();
    expect(chronology.map((c) => c.summary)).toContain('Allegation against the foster carers concluded: unfounded');
  });

  it('a child accommodated under section 20 for over six months is listed until a legal planning meeting reviews it', async () => {
    const res = await sw.post(`/api/children/${ids.childUnallocated}/looked-after`, {
      startDate: '2026-01-12',
      ...PLACEMENT,
      legalStatus: 'V2',
      placementType: 'U6',
    });
    expect(res.status).toBe(201);
    let list = await hos.get('/api/fostering/section-20');
    expect(list.status).toBe(200);
    expect(list.body.children).toHaveLength(1);
    expect(list.body.children[0]).toMatchObject({
      name: 'Mia Goodwin',
      accommodatedSince: '2026-01-12',
      nextReviewDue: '2026-07-12',
      overdue: true,
      lastLegalReview: null,
    });
    expect((await sw.get('/api/fostering/section-20')).status).toBe(403);
    const meeting = await sw.post(`/api/children/${ids.childUnallocated}/legal/planning-meetings`, {
      heldOn: '2026-11-02',
      attendees: [{ role: 'council-lawyer', name: 'Lee Lawyer' }],
      threshold: 'Parents agree to accommodation; review whether an order is needed.',
    });
    expect(meeting.status).toBe(201);
    list = await hos.get('/api/fostering/section-20');
    expect(list.body.children[0]).toMatchObject({ lastLegalReview: '2026-11-02', nextReviewDue: '2027-05-02', overdue: false });
  });
});
