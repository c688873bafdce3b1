import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LA, openCinEpisode, PLACEMENT } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Poppy (held by swA, IRO Ira) comes into care on Tuesday 1 September 2026. Her first review is
// on Monday 21 September: decisions due 28 September (5 working days), the full record 19 October
// (20 working days), a recommendation without a date 19 October too. A child protection
// conference on Monday 2 November: decisions due 3 November, the full record 30 November. The
// IRO escalates on Monday 16 November: the team manager's answer is due 23 November. No bank
// holidays fall in these weeks; every date is worked by hand.
let server: TestServer, ids: FixtureIds;
let sw: Client, tm: Client, hos: Client, iro: Client;
let reviewId: string;
let conferenceId: string;
let serviceManager: string;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm, hos, iro] = await signedIn(server, 'sw', 'tm', 'hos', 'iro');
  const care = await sw.post(`/api/children/${ids.childA}/looked-after`, {
    startDate: '2026-09-01',
    ...PLACEMENT,
  });
  expect(care.status).toBe(201);
  const review = await iro.post(`/api/children/${ids.childA}/looked-after/reviews`, { heldOn: '2026-09-21', participation: 'PN7', iroContactOn: '2026-09-14' });
  expect(review.status).toBe(201);
  reviewId = review.body.reviewId;
  // A review conference recorded before this record existed (its own steps are the protection area's).
  const episodeId = randomUUID();
  conferenceId = randomUUID();
  serviceManager = randomUUID();
  await openCinEpisode(server.store.db, ids.childA, '2026-06-01', { episodeId });
  await server.store.db
    .insertInto('cp_conference')
    .values({
      la_code: LA,
      conference_id: conferenceId,
      episode_id: episodeId,
      child_id: ids.childA,
      kind: 'review',
      held_on: '2026-11-02',
      outcome: 'end-plan',
      chair: 'Carol Chair',
      child_met_decider: false,
      parents_met_decider: true,
    })
    .execute();
  await server.store.db
    .insertInto('worker')
    .values({
      la_code: LA,
      worker_id: serviceManager,
      given_name: 'Sam',
      family_name: 'Manager',
      job_role: 'service-manager',
      employment: 'permanent',
      team_id: ids.teamA,
      start_date: '2020-01-06',
      fte: 1,
    })
    .execute();
});
afterAll(() => server?.close());

const deadlines = async (ruleId: string) =>
  server.store.db
    .selectFrom('obligation')
    .select(['source_id', 'start_date', 'due_date', 'met_on', 'responsible_worker_id'])
    .where('la_code', '=', LA)
    .where('child_id', '=', ids.childA)
    .where('rule_id', '=', ruleId)
    .orderBy('due_date')
    .execute();
const versions = async (recordType: string, recordId: string) =>
  (
    await server.store.db
      .selectFrom('record_version')
      .select(['version', 'data'])
      .where('la_code', '=', LA)
      .where('record_type', '=', recordType)
      .where('record_id', '=', recordId)
      .orderBy('version')
      .execute()
  ).map((v) => ({ version: v.version, data: (typeof v.data === 'string' ? JSON.parse(v.data) : v.data) as Record<string, unknown> }));
const count = async (table: 'meeting_record' | 'meeting_recommendation' | 'iro_escalation' | 'chronology_entry') =>
  Number(
    (
      await server.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('la_code', '=', LA)
        .executeTakeFirstOrThrow()
    ).n,
  );
const fields = (res: { body: { errors?: { field: string; rule: string }[] } }) => (res.body.errors ?? []).map((e) => `${e.field} ${e.rule}`).sort();

describe('the record of a looked-after review', () => {
  const reviewPath = () => `/api/children/${ids.childA}/meetings/review/${reviewId}`;
  const attendees = [
    { role: 'child', invited: true, attended: true },
    { role: 'parent', name: 'Karen Lambert', invited: true, attended: false, sentReport: true },
    { role: 'carer', name: 'Jo Foster', invited: true, attended: true },
    { role: 'agency', agency: 'Hillside Primary School', invited: true, attended: true },
  ];

  it('opens decisions (5 working days) and record (20 working days) deadlines for the IRO when the review is held', async () => {
    expect(await deadlines('review-decisions')).toEqual([
      expect.objectContaining({ start_date: '2026-09-21', due_date: '2026-09-28', met_on: null, responsible_worker_id: ids.iro }),
    ]);
    expect(await deadlines('review-record')).toEqual([expect.objectContaining({ due_date: '2026-10-19', met_on: null, responsible_worker_id: ids.iro })]);
  });

  it('refuses bad input naming each field and rule, writing nothing', async () => {
    const before = { records: await count('meeting_record'), chronology: await count('chronology_entry') };
    const res = await iro.put(`${reviewPath()}/record`, {
      attendees: [
        { role: 'agency', invited: true, attended: true },
        { role: 'parent', invited: true, attended: true },
      ],
      viewsHeard: 'attended-spoke',
      decisions: '',
      recordWrittenOn: '2026-10-01',
    });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['attendees.0.agency agency-named', 'attendees.1.name required', 'decisions too_small']);
    const later = await iro.put(`${reviewPath()}/record`, {
      attendees: [{ role: 'agency', partnerContactId: randomUUID(), invited: true, attended: true }],
      viewsHeard: 'attended-spoke',
      decisions: 'Stay with Jo.',
      decisionsSentOn: '2026-09-01',
      recordWrittenOn: '2099-01-01',
    });
    expect(later.status).toBe(400);
    expect(fields(later)).toEqual(['decisionsSentOn not-before', 'recordWrittenOn not-in-future']);
    const rules = await iro.put(`${reviewPath()}/record`, {
      attendees: [{ role: 'agency', partnerContactId: randomUUID(), invited: true, attended: true }],
      viewsHeard: 'attended-spoke',
      decisions: 'Stay with Jo.',
      recordWrittenOn: '2026-10-01',
    });
    expect(fields(rules)).toEqual(['attendees.0.partnerContactId exists', 'decisionsSentOn decisions-first', 'viewsHeard conferences-only']);
    expect({ records: await count('meeting_record'), chronology: await count('chronology_entry') }).toEqual(before);
  });

  it('records who came, the child’s participation (kept on the review for the SSDA903) and the decisions; the decisions were sent on time', async () => {
    const res = await iro.put(`${reviewPath()}/record`, {
      attendees,
      participation: 'PN1',
      childWords: 'I want to stay with Jo and see my brother at weekends.',
      decisions: 'Poppy stays with Jo.\nContact with her brother every other weekend.',
      decisionsSentOn: '2026-09-25',
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    const review = await server.store.db
      .selectFrom('cla_review')
      .select(['participation', 'version'])
      .where('review_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(review).toEqual({ participation: 'PN1', version: 2 });
    expect(await deadlines('review-decisions')).toEqual([expect.objectContaining({ due_date: '2026-09-28', met_on: '2026-09-25' })]);
    expect(await deadlines('review-record')).toEqual([expect.objectContaining({ due_date: '2026-10-19', met_on: null })]);
    const view = await sw.get(`/api/children/${ids.childA}/meetings`);
    const shown = view.body.meetings.find((m: { meetingId: string }) => m.meetingId === reviewId);
    expect(shown.participationLabel).toBe('The child came and spoke for themselves');
    expect(shown.record.attendees.map((a: { roleLabel: string; attended: boolean }) => `${a.roleLabel} ${a.attended ? 'came' : 'did not come'}`)).toEqual([
      'The child came',
      'Parent did not come',
      'Carer came',
      'Partner agency (police, health, school…) came',
    ]);
  });

  it('a correction names the version it was made from (409 when stale); every version is kept; the full record written late', async () => {
    const body = {
      attendees,
      participation: 'PN1',
      childWords: 'I want to stay with Jo and see my brother at weekends.',
      decisions: 'Poppy stays with Jo.\nContact with her brother every other weekend.',
      decisionsSentOn: '2026-09-25',
      recordWrittenOn: '2026-10-23',
    };
    expect(fields(await iro.put(`${reviewPath()}/record`, body))).toEqual(['version required']);
    const res = await iro.put(`${reviewPath()}/record`, { ...body, version: 1 });
    expect(res.body.version).toBe(2);
    expect((await iro.put(`${reviewPath()}/record`, { ...body, version: 1 })).status).toBe(409);
    const kept = await versions('meeting-record', reviewId);
    expect(kept.map((v) => [v.version, v.data.record_written_on])).toEqual([
      [1, null],
      [2, '2026-10-23'],
    ]);
    expect(await deadlines('review-record')).toEqual([expect.objectContaining({ due_date: '2026-10-19', met_on: '2026-10-23' })]);
  });

  it('a recommendation with no date is due 20 working days after the review, on its owner’s work list; done with a note meets it', async () => {
    const bad = await iro.post(`${reviewPath()}/recommendations`, { recommendation: ' ', ownerWorkerId: randomUUID(), dueOn: '2026-09-01' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['recommendation too_small']);
    const noOwner = await iro.post(`${reviewPath()}/recommendations`, { recommendation: 'Book the dentist', ownerWorkerId: randomUUID(), dueOn: '2026-09-01' });
    expect(fields(noOwner)).toEqual(['dueOn not-before', 'ownerWorkerId exists']);
    const res = await iro.post(`${reviewPath()}/recommendations`, { recommendation: 'Arrange weekend contact with her brother', ownerWorkerId: ids.swA });
    expect(res.status).toBe(201);
    const dated = await iro.post(`${reviewPath()}/recommendations`, {
      recommendation: 'Life story work to start',
      ownerWorkerId: ids.swA2,
      dueOn: '2026-11-02',
    });
    expect(dated.status).toBe(201);
    expect((await deadlines('iro-recommendation')).map((o) => [o.due_date, o.responsible_worker_id, o.met_on])).toEqual([
      ['2026-10-19', ids.swA, null],
      ['2026-11-02', ids.swA2, null],
    ]);
    const mine = await sw.get('/api/worklist?scope=mine');
    expect(JSON.stringify(mine.body)).toContain('iro-recommendation');

    const noNote = await sw.patch(`/api/children/${ids.childA}/recommendations/${res.body.recommendationId}`, { version: 1, doneOn: '2026-10-10' });
    expect(fields(noNote)).toEqual(['doneNote note-required']);
    const done = await sw.patch(`/api/children/${ids.childA}/recommendations/${res.body.recommendationId}`, {
      version: 1,
      doneOn: '2026-10-10',
      doneNote: 'Contact agreed with the brother’s carers; first visit 17 October.',
    });
    expect(done.status).toBe(200);
    expect((await sw.patch(`/api/children/${ids.childA}/recommendations/${res.body.recommendationId}`, { version: 1, dueOn: '2026-12-01' })).status).toBe(409);
    expect((await deadlines('iro-recommendation'))[0]).toMatchObject({ due_date: '2026-10-19', met_on: '2026-10-10' });
    expect((await versions('meeting-recommendation', res.body.recommendationId)).map((v) => v.data.done_on)).toEqual([null, '2026-10-10']);
  });
});

describe('the record of a child protection conference', () => {
  const path = () => `/api/children/${ids.childA}/meetings/conference/${conferenceId}`;

  it('is due the next working day for the decisions and 20 working days for the full record', async () => {
    expect((await deadlines('conference-record')).map((o) => [o.due_date, o.met_on, o.responsible_worker_id])).toEqual([
      ['2026-11-03', null, ids.tmA],
      ['2026-11-30', null, ids.tmA],
    ]);
  });

  it('records attendance with a partner contact from the register, how the child was heard, decisions and a recommendation; all searchable in the chronology', async () => {
    const org = randomUUID();
    const contact = randomUUID();
    await server.store.db
      .insertInto('partner_organisation')
      .values({ la_code: LA, organisation_id: org, name: 'West Mercia Police', partner_type: 'police' })
      .execute();
    await server.store.db.insertInto('partner_contact').values({ la_code: LA, contact_id: contact, organisation_id: org, name: 'DC Priya Shah' }).execute();
    expect(fields(await tm.put(`${path()}/record`, { attendees: [], participation: 'PN1', decisions: 'x' }))).toEqual(['participation reviews-only']);
    const res = await tm.put(`${path()}/record`, {
      attendees: [
        { role: 'child', invited: true, attended: false },
        { role: 'parent', name: 'Karen Lambert', invited: true, attended: true },
        { role: 'agency', partnerContactId: contact, invited: true, attended: true, sentReport: true },
      ],
      viewsHeard: 'met-chair',
      childWords: 'Mum is trying really hard now.',
      decisions: 'The plan ends: Poppy is no longer at risk of significant harm.',
      decisionsSentOn: '2026-11-03',
    });
    expect(res.status).toBe(200);
    const rec = await tm.post(`${path()}/recommendations`, {
      recommendation: 'Step down to a child in need plan with family support',
      ownerWorkerId: ids.swA,
      dueOn: '2026-11-20',
    });
    expect(rec.status).toBe(201);
    expect((await deadlines('conference-record')).map((o) => [o.due_date, o.met_on])).toEqual([
      ['2026-11-03', '2026-11-03'],
      ['2026-11-30', null],
    ]);
    for (const words of ['DC Priya Shah', 'trying really hard', 'no longer at risk', 'family support']) {
      const found = await sw.get(`/api/children/${ids.childA}/chronology?q=${encodeURIComponent(words)}`);
      expect(JSON.stringify(found.body), words).toContain(words);
    }
  });

  it('the child’s voice: last seen, seen alone and latest words, with links', async () => {
    expect(
      (
        await sw.post(`/api/children/${ids.childA}/looked-after/visits`, {
          visitedOn: '2026-10-05',
          faceToFace: true,
          childSeen: true,
          seenAlone: true,
          childWords: 'School is better now.',
        })
      ).status,
    ).toBe(201);
    const voice = (await sw.get(`/api/children/${ids.childA}/voice`)).body;
    expect(voice.latestWords).toMatchObject({
      on: '2026-11-02',
      words: 'Mum is trying really hard now.',
      link: `/children/${ids.childA}/meetings/conference/${conferenceId}`,
    });
    expect(voice.lastSeenAlone).toMatchObject({ on: '2026-10-05', source: 'Looked-after visit', link: `/children/${ids.childA}/looked-after` });
    expect(voice.lastSeen).toMatchObject({ on: '2026-10-05' });
    expect(voice.words.map((w: { words: string }) => w.words)).toContain('I want to stay with Jo and see my brother at weekends.');
  });
});

describe('the IRO’s escalation through the dispute resolution stages', () => {
  let escalationId: string;

  it('only the IRO raises it; the team manager holding the case must answer within 5 working days', async () => {
    expect((await sw.post(`/api/children/${ids.childA}/iro-escalations`, { raisedOn: '2026-11-16', concern: 'No contact plan' })).status).toBe(403);
    const bad = await iro.post(`/api/children/${ids.childA}/iro-escalations`, { raisedOn: '2099-11-16', concern: '' });
    expect(fields(bad)).toEqual(['concern too_small']);
    const res = await iro.post(`/api/children/${ids.childA}/iro-escalations`, {
      raisedOn: '2026-11-16',
      concern: 'The sibling contact agreed at the review has not started.',
    });
    expect(res.status).toBe(201);
    escalationId = res.body.escalationId;
    expect((await deadlines('iro-escalation-stage')).map((o) => [o.start_date, o.due_date, o.responsible_worker_id, o.met_on])).toEqual([
      ['2026-11-16', '2026-11-23', ids.tmA, null],
    ]);
  });

  it('others may not answer; moving on names the next stage’s owner; the head of service sees it open', async () => {
    const answer = (stageVersion: number, body: object) => ({
      version: stageVersion,
      answeredOn: '2026-11-20',
      note: 'Carers cannot drive; transport not yet funded.',
      ...body,
    });
    expect((await sw.post(`/api/children/${ids.childA}/iro-escalations/${escalationId}/answer`, answer(1, { outcome: 'resolved' }))).status).toBe(403);
    const moved = await tm.post(`/api/children/${ids.childA}/iro-escalations/${escalationId}/answer`, answer(1, { outcome: 'escalated' }));
    expect(moved.status).toBe(200);
    expect((await deadlines('iro-escalation-stage')).map((o) => [o.due_date, o.responsible_worker_id, o.met_on])).toEqual([
      ['2026-11-23', ids.tmA, '2026-11-20'],
      ['2026-11-27', serviceManager, null],
    ]);
    const open = await hos.get('/api/iro-escalations');
    expect(open.body).toEqual([expect.objectContaining({ escalation_id: escalationId, stage: 'service-manager', child_name: 'Poppy Lambert' })]);
    expect(open.body[0].stages.map((s: { stageLabel: string }) => s.stageLabel)).toEqual(['Team manager', 'Service manager']);
  });

  it('the IRO may resolve it at the service manager stage; resolved, it leaves the open list', async () => {
    const view = (await iro.get(`/api/children/${ids.childA}/meetings`)).body;
    const stage = view.escalations[0].stages[1];
    expect(
      (
        await iro.post(`/api/children/${ids.childA}/iro-escalations/${escalationId}/answer`, {
          version: stage.version + 1,
          answeredOn: '2026-11-25',
          outcome: 'resolved',
          note: 'x',
        })
      ).status,
    ).toBe(409);
    const res = await iro.post(`/api/children/${ids.childA}/iro-escalations/${escalationId}/answer`, {
      version: stage.version,
      answeredOn: '2026-11-25',
      outcome: 'resolved',
      note: 'Transport funded from 30 November.',
    });
    expect(res.status).toBe(200);
    expect((await hos.get('/api/iro-escalations')).body).toEqual([]);
    expect((await deadlines('iro-escalation-stage'))[1]).toMatchObject({ met_on: '2026-11-25' });
    expect((await versions('iro-escalation', escalationId)).map((v) => v.data.stage)).toEqual(['team-manager', 'service-manager', 'service-manager']);
  });
});
