import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, FIXTURE_PASSWORD, LA, PLACEMENT } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Poppy (childA, held by swA in team A, IRO Ira) is accommodated under section 20 on Monday
// 2 March 2026. The legal planning meeting on Monday 9 March decides on pre-proceedings; the
// letter goes on Tuesday 10 March: the pre-proceedings meeting is due in 10 working days, by
// Tuesday 24 March (no bank holiday in March 2026), and pre-proceedings should end by Tuesday
// 30 June (16 weeks = 112 days). The meeting on Friday 20 March sets the first review for
// Friday 1 May (6 weeks). The application issued on Tuesday 14 April must conclude by Tuesday
// 13 October (26 weeks = 182 days); the court's 8-week extension moves it to Tuesday 8 December.
let server: TestServer, ids: FixtureIds;
let sw: Client, sw2: Client, lawyer: Client, iro: Client;
const legal = (childId: string) => `/api/children/${childId}/legal`;
const obligation = (childId: string, rule: string) =>
  server.store.db
    .selectFrom('obligation')
    .select(['source_id', 'start_date', 'due_date', 'met_on', 'ended_on'])
    .where('la_code', '=', LA)
    .where('child_id', '=', childId)
    .where('rule_id', '=', rule)
    .orderBy('start_date')
    .execute();

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await addUsers(server.store.db, { username: 'lawyer', role: 'legal-adviser', displayName: 'Council lawyer (test)' });
  [sw, sw2, iro, lawyer] = await signedIn(server, 'sw', 'sw2', 'iro', 'lawyer');
  const care = await sw.post(`/api/children/${ids.childA}/looked-after`, { startDate: '2026-03-02', ...PLACEMENT, legalStatus: 'V2' });
  expect(care.status, JSON.stringify(care.body)).toBe(201);
});
afterAll(() => server?.close());

describe('a child from legal planning through pre-proceedings to a final care order', () => {
  let meetingId: string;
  let preId: string;
  let procId: string;

  it('refuses a legal planning meeting without the council’s lawyer, naming the field', async () => {
    const res = await sw.post(`${legal(ids.childA)}/planning-meetings`, {
      heldOn: '2026-03-09',
      attendees: [{ role: 'social-worker', name: 'Ava Tester' }],
      threshold: 'Neglect',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'attendees', rule: 'lawyer-required' }));
  });

  it('records the meeting, then its decision; the decision is due the day of the meeting', async () => {
    const res = await sw.post(`${legal(ids.childA)}/planning-meetings`, {
      heldOn: '2026-03-09',
      attendees: [
        { role: 'council-lawyer', name: 'Lee Lawyer' },
        { role: 'team-manager', name: 'Tom Tester' },
      ],
      threshold: 'Chronic neglect; the threshold is met.',
    });
    expect(res.status).toBe(201);
    meetingId = res.body.meetingId;
    expect(await obligation(ids.childA, 'legal-planning-decision')).toEqual([
      expect.objectContaining({ start_date: '2026-03-09', due_date: '2026-03-09', met_on: null }),
    ]);
    const decided = await lawyer.post(`${legal(ids.childA)}/planning-meetings/${meetingId}/decision`, {
      version: 1,
      decidedOn: '2026-03-10',
      decision: 'pre-proceedings',
      reasons: 'The parents may change with a clear plan.',
    });
    expect(decided.status).toBe(200);
    expect((await obligation(ids.childA, 'legal-planning-decision'))[0]).toMatchObject({ met_on: '2026-03-10' });
  });

  it('sends the letter: the meeting is due in 10 working days and the end in 16 weeks', async () => {
    const res = await sw.post(`${legal(ids.childA)}/pre-proceedings`, { planningMeetingId: meetingId, letterSentOn: '2026-03-10', letterTo: 'Karen Lambert' });
    expect(res.status).toBe(201);
    preId = res.body.preProceedingsId;
    expect((await obligation(ids.childA, 'pre-proceedings-meeting'))[0]).toMatchObject({ due_date: '2026-03-24', met_on: null });
    expect((await obligation(ids.childA, 'pre-proceedings-end'))[0]).toMatchObject({ due_date: '2026-06-30', met_on: null });
    const again = await sw.post(`${legal(ids.childA)}/pre-proceedings`, { letterSentOn: '2026-03-11', letterTo: 'Karen Lambert' });
    expect(again.status).toBe(409);
  });

  it('holds the meeting (the first review is due 6 weeks later), reviews and commissions assessments', async () => {
    expect(
      (
        await sw.post(`${legal(ids.childA)}/pre-proceedings/${preId}/meeting`, {
          version: 1,
          meetingHeldOn: '2026-03-20',
          planAgreed: 'Drug tests; parenting course.',
        })
      ).status,
    ).toBe(200);
    expect((await obligation(ids.childA, 'pre-proceedings-meeting'))[0]).toMatchObject({ met_on: '2026-03-20' });
    expect(await obligation(ids.childA, 'pre-proceedings-review')).toEqual([expect.objectContaining({ start_date: '2026-03-20', due_date: '2026-05-01' })]);
    expect((await sw.post(`${legal(ids.childA)}/pre-proceedings/${preId}/reviews`, { heldOn: '2026-04-03', progress: 'Missed two tests.' })).status).toBe(201);
    const reviews = await obligation(ids.childA, 'pre-proceedings-review');
    expect(reviews.map((r) => [r.start_date, r.due_date, r.met_on])).toEqual([
      ['2026-03-20', '2026-05-01', '2026-04-03'],
      ['2026-04-03', '2026-05-15', null],
    ]);
    const assessment = await sw.post(`${legal(ids.childA)}/assessments`, {
      kind: 'family-and-friends',
      commissionedOn: '2026-03-23',
      assessor: 'Kinship team',
    });
    expect(assessment.status).toBe(201);
  });

  it('issues the application, which ends pre-proceedings: 26 weeks is 182 days', async () => {
    const res = await sw.post(`${legal(ids.childA)}/proceedings`, {
      preProceedingsId: preId,
      issuedOn: '2026-04-14',
      court: 'Hereford Family Court',
      caseNumber: 'HR26C00123',
      applicationType: 'care-order',
    });
    expect(res.status).toBe(201);
    expect(res.body.dueOn).toBe('2026-10-13');
    procId = res.body.proceedingsId;
    expect((await obligation(ids.childA, 'pre-proceedings-end'))[0]).toMatchObject({ met_on: '2026-04-14' });
    // The review clock stops with pre-proceedings.
    expect((await obligation(ids.childA, 'pre-proceedings-review')).at(-1)).toMatchObject({ ended_on: '2026-04-14', met_on: null });
    expect((await obligation(ids.childA, 'care-proceedings'))[0]).toMatchObject({ start_date: '2026-04-14', due_date: '2026-10-13', met_on: null });
  });

  it('an interim care order changes the looked-after child’s legal status: one episode, not a second record', async () => {
    const before = (await sw.get(`/api/children/${ids.childA}/looked-after`)).body;
    expect(before.current.legalStatus).toBe('V2');
    const order = await sw.post(`${legal(ids.childA)}/proceedings/${procId}/orders`, { version: 1, madeOn: '2026-04-15', order: 'interim-care-order' });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ legalStatus: 'C1', concluded: false });
    const after = (await sw.get(`/api/children/${ids.childA}/looked-after`)).body;
    expect(after.current).toMatchObject({ legalStatus: 'C1', startDate: '2026-04-15', reasonNewEpisode: 'L' });
    expect(after.episodes).toHaveLength(2);
    const row = await server.store.db.selectFrom('court_order').select('cla_episode_id').where('order_id', '=', order.body.orderId).executeTakeFirstOrThrow();
    expect(row.cla_episode_id).toBe(after.current.episodeId);
  });

  it('refuses an extension of more than 8 weeks with a 400 naming the field; an 8-week one moves the date', async () => {
    expect((await sw.post(`${legal(ids.childA)}/proceedings/${procId}/hearings`, { heldOn: '2026-04-28', hearingType: 'first-hearing' })).status).toBe(201);
    const page = (await sw.get(legal(ids.childA))).body;
    const version = page.proceedings[0].version;
    const tooLong = await sw.post(`${legal(ids.childA)}/proceedings/${procId}/extensions`, {
      version,
      grantedOn: '2026-10-01',
      newDueOn: '2026-12-09',
      reason: 'Expert report late',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toContainEqual(expect.objectContaining({ field: 'newDueOn', rule: 'extension-max-8-weeks' }));
    expect((await obligation(ids.childA, 'care-proceedings'))[0]).toMatchObject({ due_date: '2026-10-13' });
    const ok = await sw.post(`${legal(ids.childA)}/proceedings/${procId}/extensions`, {
      version,
      grantedOn: '2026-10-01',
      newDueOn: '2026-12-08',
      reason: 'Expert report late',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.dueOn).toBe('2026-12-08');
    expect((await obligation(ids.childA, 'care-proceedings'))[0]).toMatchObject({ due_date: '2026-12-08' });
    const shown = (await sw.get(legal(ids.childA))).body.proceedings[0];
    expect(shown).toMatchObject({ firstDueOn: '2026-10-13', dueOn: '2026-12-08' });
    expect(shown.extensions).toEqual([expect.objectContaining({ weeks: 8, newDueOn: '2026-12-08' })]);
  });

  it('a final care order concludes the proceedings and makes the legal status a full care order', async () => {
    const version = (await sw.get(legal(ids.childA))).body.proceedings[0].version;
    const order = await lawyer.post(`${legal(ids.childA)}/proceedings/${procId}/orders`, { version, madeOn: '2026-11-20', order: 'care-order' });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ legalStatus: 'C2', concluded: true });
    expect((await sw.get(`/api/children/${ids.childA}/looked-after`)).body.current.legalStatus).toBe('C2');
    expect((await obligation(ids.childA, 'care-proceedings'))[0]).toMatchObject({ met_on: '2026-11-20', due_date: '2026-12-08' });
    const late = await sw.post(`${legal(ids.childA)}/proceedings/${procId}/hearings`, { heldOn: '2026-11-25', hearingType: 'other' });
    expect(late.status).toBe(409);
    const chronology = (await sw.get(`/api/children/${ids.childA}/chronology`)).body;
    const text = JSON.stringify(chronology);
    expect(text).toContain('Care order made at Hereford Family Court');
    expect(text).toContain('Letter before proceedings sent to Karen Lambert');
  });
});

describe('pre-proceedings that run past 16 weeks, and who may see legal records', () => {
  it('an extension needs a reason and a new date, which becomes the due date', async () => {
    const res = await sw2.post(`${legal(ids.childB)}/pre-proceedings`, { letterSentOn: '2026-03-10', letterTo: 'Father' });
    expect(res.status).toBe(201);
    const id = res.body.preProceedingsId;
    const noReason = await sw2.post(`${legal(ids.childB)}/pre-proceedings/${id}/extension`, { version: 1, newEndOn: '2026-08-11' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    const ok = await sw2.post(`${legal(ids.childB)}/pre-proceedings/${id}/extension`, {
      version: 1,
      newEndOn: '2026-08-11',
      reason: 'Awaiting the parenting assessment',
    });
    expect(ok.status).toBe(200);
    expect((await obligation(ids.childB, 'pre-proceedings-end'))[0]).toMatchObject({ due_date: '2026-08-11', met_on: null });
    const page = (await sw2.get(legal(ids.childB))).body.preProceedings[0];
    expect(page).toMatchObject({ endDueOn: '2026-08-11', extensionReason: 'Awaiting the parenting assessment' });
  });

  it('only the team holding the case, the head of service, the child’s IRO and the legal adviser read legal records', async () => {
    expect((await sw.get(legal(ids.childA))).status).toBe(200);
    expect((await iro.get(legal(ids.childA))).status).toBe(200);
    expect((await lawyer.get(legal(ids.childB))).status).toBe(200);
    expect((await sw2.get(legal(ids.childA))).status).toBe(403);
    expect((await sw.get(legal(ids.childB))).status).toBe(403);
    expect((await iro.get(legal(ids.childB))).status).toBe(404);
  });

  it('the IRO reads but may not record; the legal adviser may record', async () => {
    expect((await iro.get(legal(ids.childA))).body.mayRecord).toBe(false);
    const refused = await iro.post(`${legal(ids.childA)}/assessments`, { kind: 'expert', commissionedOn: '2026-05-01', assessor: 'Dr Expert' });
    expect(refused.status).toBe(403);
    expect((await lawyer.get(legal(ids.childA))).body.mayRecord).toBe(true);
  });
});

describe('legal indicators, with the children behind each number', () => {
  let hos: Client;
  beforeAll(async () => {
    hos = client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD));
  });
  const kpi = async (id: string, asOf: string) => {
    const res = await hos.get(`/api/kpi/${id}?asOf=${asOf}&trendMonths=1`);
    expect(res.status).toBe(200);
    return res.body.result;
  };

  it('the proceedings concluded on 20 November 2026 took 31.4 weeks (220 days), on average and at the median', async () => {
    expect((await kpi('care-proceedings-average-weeks', '2026-11-30')).value).toBe(31.4);
    expect((await kpi('care-proceedings-median-weeks', '2026-11-30')).value).toBe(31.4);
    const behind = await hos.get('/api/kpi/care-proceedings-average-weeks/children?asOf=2026-11-30');
    expect(behind.body.children.map((c: { childId: string }) => c.childId)).toEqual([ids.childA]);
  });

  it('proceedings issued 14 April are past 26 weeks on 14 October, not on 13 October', async () => {
    expect((await kpi('proceedings-past-26-weeks', '2026-10-13')).value).toBe(0);
    expect((await kpi('proceedings-past-26-weeks', '2026-10-14')).value).toBe(1);
  });

  it('a letter of 10 March is past 16 weeks on 1 July while pre-proceedings go on, extended or not', async () => {
    expect((await kpi('pre-proceedings-over-16-weeks', '2026-06-30')).value).toBe(0);
    expect((await kpi('pre-proceedings-over-16-weeks', '2026-07-01')).value).toBe(1);
    const behind = await hos.get('/api/kpi/pre-proceedings-over-16-weeks/children?asOf=2026-07-01');
    expect(behind.body.children.map((c: { childId: string }) => c.childId)).toEqual([ids.childB]);
  });
});

describe('the head of service’s landing page', () => {
  it('lists the children in pre-proceedings and in proceedings, each with the next date', async () => {
    const hos = client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD));
    // Proceedings for childB, with a hearing listed ahead.
    const issued = await sw2.post(`${legal(ids.childB)}/proceedings`, {
      issuedOn: '2026-11-02',
      court: 'Worcester Family Court',
      caseNumber: 'WR26C00007',
      applicationType: 'supervision-order',
    });
    expect(issued.status).toBe(201);
    const listed = await sw2.post(`${legal(ids.childB)}/proceedings/${issued.body.proceedingsId}/hearings`, {
      heldOn: '2027-01-11',
      hearingType: 'case-management',
    });
    expect(listed.status).toBe(201);
    const work = (await hos.get('/api/work')).body;
    const section = (id: string) => work.sections.find((s: { id: string }) => s.id === id);
    const pre = section('pre-proceedings');
    expect(pre.items).toEqual([expect.objectContaining({ childId: ids.childB, note: 'Next: Pre-proceedings meeting by 24 March 2026' })]);
    const proc = section('proceedings');
    expect(proc.items).toEqual([expect.objectContaining({ childId: ids.childB, note: 'Next: Further case management hearing on 11 January 2027' })]);
    expect(proc.items[0].what).toContain('must conclude by 3 May 2027');
    // The legal adviser lands on the same two lists, and nothing else.
    const lawyers = (await lawyer.get('/api/work')).body;
    expect(lawyers.sections.map((s: { id: string; total: number }) => [s.id, s.total])).toEqual([
      ['pre-proceedings', 1],
      ['proceedings', 1],
    ]);
  });
});
