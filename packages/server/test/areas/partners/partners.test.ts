import { addWorkingDays, todayInEngland } from '@lantern/core/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// A housing request about Poppy (held by swA in team A), answered late by the housing partner;
// its deadline on the asking worker's and the manager's worklists; partners at a conference;
// the housing list and the indicators. Dates worked by hand: November 2026 has no bank holiday.
let server: TestServer;
let ids: FixtureIds;
let sw: Client;
let swCookie: string;
let sw2: Client;
let tm: Client;
let hos: Client;
let admin: Client;
let housing: Client;
let police: Client;
const org: Record<string, string> = {};
let housingContactId: string;
let requestId: string;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  swCookie = await signInAs(server, 'sw', FIXTURE_PASSWORD);
  sw = client(server, swCookie);
  [sw2, tm, hos, admin] = await signedIn(server, 'sw2', 'tm', 'hos', 'admin');
  for (const [key, name, partnerType] of [
    ['housing', 'Wye Valley Homes', 'housing'],
    ['police', 'West Mercia Police', 'police'],
    ['health', 'Hereford Health Visiting', 'health-visiting'],
    ['school', 'Marlbrook Primary School', 'school'],
  ] as const) {
    const res = await admin.post('/api/partner-organisations', { name, partnerType });
    expect(res.status).toBe(201);
    org[key] = res.body.organisationId;
  }
  housingContactId = (await admin.post(`/api/partner-organisations/${org.housing}/contacts`, { name: 'Hal Ashby', jobTitle: 'Housing officer' })).body
    .contactId;
  expect(
    (await admin.post(`/api/partner-organisations/${org.housing}/contacts`, { name: 'Esther Lowe', jobTitle: 'Housing options manager', isEscalation: true }))
      .status,
  ).toBe(201);
  for (const [username, key] of [
    ['housing.user', 'housing'],
    ['police.user', 'police'],
  ] as const) {
    expect(
      (await admin.post(`/api/partner-organisations/${org[key]}/users`, { username, displayName: `${key} officer`, password: 'a long partner password' }))
        .status,
    ).toBe(201);
  }
  housing = client(server, await signInAs(server, 'housing.user', 'a long partner password'));
  police = client(server, await signInAs(server, 'police.user', 'a long partner password'));
});
afterAll(() => server?.close());

const partnerWork = async (childId: string) => (await sw.get(`/api/children/${childId}/partner-work`)).body;

describe('a request to the housing partner', () => {
  it('is due 10 working days after it is sent: Monday 2 November 2026 → Monday 16 November', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/partner-requests`, {
      organisationId: org.housing,
      contactId: housingContactId,
      requestType: 'housing-assessment',
      asked: 'Assess the family for an urgent move: the flat is damp and overcrowded.',
      needToKnow: 'Poppy (11) lives with her mother in a one-bedroom flat; her asthma is worse with the damp.',
      sentOn: '2026-11-02',
    });
    expect(res.status).toBe(201);
    expect(res.body.respondBy).toBe('2026-11-16');
    requestId = res.body.requestId;
    const chronology = (await sw.get(`/api/children/${ids.childA}/chronology`)).body;
    expect(JSON.stringify(chronology)).toContain('Request to Wye Valley Homes: A housing assessment');
  });

  it('may not ask for an answer later than the council’s deadline, and says which field and rule', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/partner-requests`, {
      organisationId: org.housing,
      requestType: 'housing-assessment',
      asked: 'x',
      needToKnow: 'y',
      sentOn: '2026-11-02',
      respondBy: '2026-11-17',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'respondBy', rule: 'council-deadline' })]);
  });

  it('refuses a contact who works elsewhere', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/partner-requests`, {
      organisationId: org.police,
      contactId: housingContactId,
      requestType: 'assessment-information',
      asked: 'x',
      needToKnow: 'y',
      sentOn: '2026-11-02',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'contactId', rule: 'contact-of-organisation' })]);
  });

  it('is not sent about a restricted child: the record stays closed to partners', async () => {
    const res = await sw2.post(`/api/children/${ids.childRestricted}/partner-requests`, {
      organisationId: org.housing,
      requestType: 'housing-assessment',
      asked: 'x',
      needToKnow: 'y',
      sentOn: '2026-11-02',
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ rule: 'restricted-record' })]);
  });

  it('once overdue, shows as escalated to the housing partner’s escalation contact the day after it fell due', async () => {
    const work = await partnerWork(ids.childA);
    expect(work.requests).toHaveLength(1);
    expect(work.requests[0]).toMatchObject({
      organisationName: 'Wye Valley Homes',
      contactName: 'Hal Ashby',
      respondBy: '2026-11-16',
      state: 'overdue-escalated',
      escalatedOn: '2026-11-17',
      escalatedTo: 'Esther Lowe',
      reminderFrom: '2026-11-12',
    });
  });

  it('is on the asking worker’s own worklist and their manager’s team worklist, not another team’s', async () => {
    const mine = await sw.get('/api/worklist?view=mine&ruleId=partner-response');
    expect(mine.status).toBe(200);
    expect(mine.body.obligations).toEqual([
      expect.objectContaining({ childId: ids.childA, ruleId: 'partner-response', startDate: '2026-11-02', dueDate: '2026-11-16', state: 'overdue' }),
    ]);
    const team = await tm.get('/api/worklist?view=team&ruleId=partner-response');
    expect(team.body.obligations.map((o: { childId: string }) => o.childId)).toEqual([ids.childA]);
    expect((await tm.get('/api/worklist?view=team&ruleId=partner-response&state=overdue')).body.counts.overdue).toBe(1);
    const other = await sw2.get('/api/worklist?view=mine&ruleId=partner-response');
    expect(other.body.obligations).toEqual([]);
  });

  it('a request sent today and due in one working day is in its reminder window; one due in ten is awaiting', async () => {
    const today = todayInEngland();
    const soon = await sw.post(`/api/children/${ids.childUnallocated}/partner-requests`, {
      organisationId: org.police,
      requestType: 'assessment-information',
      asked: 'Any police call-outs to the address?',
      needToKnow: 'Mia (7) lives at 4 Elm Row.',
      sentOn: today,
      respondBy: addWorkingDays(today, 1),
    });
    expect(soon.status).toBe(201);
    const later = await sw.post(`/api/children/${ids.childUnallocated}/partner-requests`, {
      organisationId: org.police,
      requestType: 'assessment-information',
      asked: 'Any police call-outs to the previous address?',
      needToKnow: 'Mia (7) lived at 9 Mill Lane until June.',
      sentOn: today,
    });
    expect(later.body.respondBy).toBe(addWorkingDays(today, 10));
    const work = await partnerWork(ids.childUnallocated);
    const byId = Object.fromEntries(work.requests.map((r: { requestId: string; state: string }) => [r.requestId, r.state]));
    expect(byId[soon.body.requestId]).toBe('reminder-due');
    expect(byId[later.body.requestId]).toBe('awaiting');
  });
});

describe('the partner’s own view', () => {
  it('shows the housing officer only the open requests to their organisation: the child’s name, birth date and the request', async () => {
    const inbox = await housing.get('/api/partner/requests');
    expect(inbox.status).toBe(200);
    expect(inbox.body.organisationName).toBe('Wye Valley Homes');
    expect(inbox.body.requests).toHaveLength(1);
    const r = inbox.body.requests[0];
    expect(r.child).toEqual({ name: 'Poppy Lambert', dateOfBirth: '2015-03-12' });
    expect(r).toMatchObject({ requestId, typeLabel: 'A housing assessment', respondBy: '2026-11-16', state: 'overdue-escalated', escalatedTo: 'Esther Lowe' });
    // Nothing else of the child's record: no id to reach it by, no address, no worker's notes.
    expect(Object.keys(r).sort()).toEqual(
      [
        'asked',
        'child',
        'contactName',
        'escalatedTo',
        'needToKnow',
        'reminderFrom',
        'requestId',
        'requestType',
        'requestedBy',
        'respondBy',
        'sentOn',
        'state',
        'typeLabel',
        'version',
      ].sort(),
    );
  });

  it('shows the police officer their own requests only, and not the housing one', async () => {
    const inbox = await police.get('/api/partner/requests');
    expect(inbox.body.requests.map((r: { child: { name: string } }) => r.child.name)).toEqual(['Mia Goodwin', 'Mia Goodwin']);
    expect((await police.get(`/api/partner/requests/${requestId}`)).status).toBe(404);
    expect((await police.post(`/api/partner/requests/${requestId}/answer`, { version: 1, answeredOn: '2026-11-20', answer: 'x' })).status).toBe(404);
  });

  it('audits every view of a child by a partner, with the child', async () => {
    await housing.get(`/api/partner/requests/${requestId}`);
    const rows = await server.store.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'child_id', 'user_role'])
      .where('la_code', '=', LA)
      .where('username', '=', 'housing.user')
      .where('action', '=', 'read')
      .execute();
    expect(rows.filter((r) => r.child_id === ids.childA && r.record_type === 'partner-request').length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.user_role === 'partner')).toBe(true);
  });

  it('refuses a report that is not what it claims, and a stale version, saving nothing', async () => {
    const fake = await housing.post(`/api/partner/requests/${requestId}/answer`, {
      version: 1,
      answeredOn: '2026-11-20',
      answer: 'Assessed: band A.',
      report: { fileName: 'assessment.pdf', contentType: 'application/pdf', base64: Buffer.from('not a pdf').toString('base64') },
    });
    expect(fake.status).toBe(400);
    expect(fake.body.errors).toEqual([expect.objectContaining({ field: 'report.base64', rule: 'report-content' })]);
    const stale = await housing.post(`/api/partner/requests/${requestId}/answer`, { version: 7, answeredOn: '2026-11-20', answer: 'Assessed: band A.' });
    expect(stale.status).toBe(409);
    expect((await partnerWork(ids.childA)).requests[0].answeredOn).toBeNull();
  });

  it('answers with a report; the answer is on the child’s chronology and the request leaves the partner’s list', async () => {
    const report = '%PDF-1.4\nHousing assessment for the Lambert household: band A, two-bedroom need.\n%%EOF';
    const res = await housing.post(`/api/partner/requests/${requestId}/answer`, {
      version: 1,
      answeredOn: '2026-11-20',
      answer: 'Assessed on 19 November: band A, two-bedroom need; offer expected within 8 weeks.',
      report: { fileName: 'assessment.pdf', contentType: 'application/pdf', base64: Buffer.from(report).toString('base64') },
    });
    expect(res.status).toBe(200);
    const chronology = await sw.get(`/api/children/${ids.childA}/chronology`);
    const text = JSON.stringify(chronology.body);
    expect(text).toContain('Wye Valley Homes answered (housing officer): A housing assessment (due 2026-11-16: late)');
    expect(text).toContain('band A, two-bedroom need');
    const work = await partnerWork(ids.childA);
    expect(work.requests[0]).toMatchObject({ state: 'answered-late', answeredOn: '2026-11-20', escalatedTo: 'Esther Lowe' });
    expect(work.requests[0].reports).toEqual([
      expect.objectContaining({ fileName: 'assessment.pdf', contentType: 'application/pdf', sizeBytes: report.length }),
    ]);
    const file = await fetch(`${server.url}/api/children/${ids.childA}/partner-reports/${res.body.reportId}`, {
      headers: { cookie: swCookie },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/pdf');
    expect(await file.text()).toBe(report);
    // The child is no longer open to the partner.
    expect((await housing.get('/api/partner/requests')).body.requests).toEqual([]);
    expect((await housing.get(`/api/partner/requests/${requestId}`)).status).toBe(404);
  });

  it('the deadline is met late and leaves the worklists', async () => {
    const mine = await sw.get('/api/worklist?view=mine&ruleId=partner-response');
    expect(mine.body.obligations.filter((o: { childId: string }) => o.childId === ids.childA)).toEqual([]);
    // Mia's two police requests, sent by the same worker today, are still open on it.
    expect(mine.body.obligations.map((o: { childId: string }) => o.childId)).toEqual([ids.childUnallocated, ids.childUnallocated]);
    const cw = (await sw.get(`/api/children/${ids.childA}/casework`)).body;
    const ob = cw.obligations.find((o: { ruleId: string }) => o.ruleId === 'partner-response');
    expect(ob).toMatchObject({ dueDate: '2026-11-16', metOn: '2026-11-20', state: 'met-late' });
  });
});

describe('partners at strategy discussions and conferences', () => {
  let conferenceId: string;

  it('flags a conference that police attended but health and education did not', async () => {
    const ref = await sw2.post(`/api/children/${ids.childB}/referrals`, { referralDate: '2026-10-01', source: '2A', primaryNeed: 'N1' });
    expect(ref.status).toBe(201);
    const sd = await sw2.post(`/api/children/${ids.childB}/strategy-discussions`, {
      heldOn: '2026-10-02',
      agencies: ['social-care', 'police', 'health'],
      decision: 'section-47',
      reasons: 'Disclosure at school.',
    });
    const s47 = await sw2.post(`/api/children/${ids.childB}/section47s`, { strategyId: sd.body.strategyId, startDate: '2026-10-02' });
    const conf = await sw2.post(`/api/children/${ids.childB}/conferences`, {
      kind: 'initial',
      s47Id: s47.body.s47Id,
      heldOn: '2026-10-20',
      outcome: 'no-plan',
      chair: 'Iris Chair',
      childMetDecider: true,
      parentsMetDecider: true,
    });
    expect(conf.status).toBe(201);
    conferenceId = conf.body.conferenceId;
    const res = await sw2.put(`/api/children/${ids.childB}/meetings/conference/${conferenceId}/contributions`, {
      contributions: [
        { organisationId: org.police, attended: true, reportSentOn: '2026-10-19' },
        { organisationId: org.health, attended: false },
        { organisationId: org.housing, attended: false, invited: false },
      ],
    });
    expect(res.status).toBe(200);
    const meeting = (await sw2.get(`/api/children/${ids.childB}/partner-work`)).body.meetings.find((m: { meetingId: string }) => m.meetingId === conferenceId);
    expect(meeting.missingAgencies).toEqual(['Health', 'Education']);
    expect(meeting.contributions.find((c: { organisationName: string }) => c.organisationName === 'West Mercia Police')).toMatchObject({
      attended: true,
      reportSentOn: '2026-10-19',
    });
    // The strategy discussion itself had police and health: no agency flagged but education.
    const discussion = (await sw2.get(`/api/children/${ids.childB}/partner-work`)).body.meetings.find(
      (m: { meetingKind: string }) => m.meetingKind === 'strategy-discussion',
    );
    expect(discussion.missingAgencies).toEqual(['Education']);
  });

  it('refuses an organisation twice, and attendance without an invitation, naming each', async () => {
    const res = await sw2.put(`/api/children/${ids.childB}/meetings/conference/${conferenceId}/contributions`, {
      contributions: [{ organisationId: org.school, attended: true, invited: false }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'contributions.0.invited', rule: 'attended-means-invited' })]);
  });

  it('another team’s worker may not record contributions to this child’s conference', async () => {
    expect(
      (
        await sw.put(`/api/children/${ids.childB}/meetings/conference/${conferenceId}/contributions`, {
          contributions: [{ organisationId: org.police, attended: true }],
        })
      ).status,
    ).toBe(403);
  });
});

describe('housing and the indicators', () => {
  let housingNeedId: string;

  it('the head of service sees a family waiting for a home, with the days waited and the request to housing', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/housing-needs`, {
      identifiedOn: '2026-10-30',
      need: 'Overcrowded and damp one-bedroom flat',
      requestId,
    });
    expect(res.status).toBe(201);
    housingNeedId = res.body.housingNeedId;
    const list = await hos.get('/api/housing-list');
    expect(list.status).toBe(200);
    const days = Math.round((Date.parse(todayInEngland()) - Date.parse('2026-10-30')) / 86_400_000);
    expect(list.body.families).toEqual([
      expect.objectContaining({
        childId: ids.childA,
        childName: 'Poppy Lambert',
        housingPartner: 'Wye Valley Homes',
        requestState: 'answered-late',
        daysWaiting: days,
      }),
    ]);
    expect((await sw.get('/api/housing-list')).status).toBe(403);
  });

  it('refuses a request to a partner that is not housing as the housing request', async () => {
    const police = (await partnerWork(ids.childUnallocated)).requests[0].requestId;
    const res = await sw.post(`/api/children/${ids.childUnallocated}/housing-needs`, { identifiedOn: '2026-11-30', need: 'Homeless', requestId: police });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'requestId', rule: 'housing-partner' })]);
  });

  it('records the priority agreed, refuses a stale edit, and will not close a need without saying how', async () => {
    const p = await sw.patch(`/api/children/${ids.childA}/housing-needs/${housingNeedId}`, { version: 1, priority: 'band-a', priorityAgreedOn: '2026-11-20' });
    expect(p.status).toBe(200);
    expect(
      (await sw.patch(`/api/children/${ids.childA}/housing-needs/${housingNeedId}`, { version: 1, resolvedOn: '2026-11-30', resolution: 'Moved' })).status,
    ).toBe(409);
    expect((await hos.get('/api/housing-list')).body.families[0]).toMatchObject({ priority: 'band-a' });
    const noWhy = await sw.patch(`/api/children/${ids.childA}/housing-needs/${housingNeedId}`, { version: 2, resolvedOn: '2026-11-30' });
    expect(noWhy.body.errors).toEqual([expect.objectContaining({ field: 'resolution', rule: 'resolution-required' })]);
  });

  it('computes the indicators by agency as of 30 November 2026', async () => {
    const res = await hos.get('/api/partner-indicators?asOf=2026-11-30');
    expect(res.status).toBe(200);
    // Housing: one request due in the period, answered late. Police requests fall due after 30 November.
    expect(res.body['partner-requests-in-time']).toEqual([{ agency: 'housing', numerator: 0, denominator: 1, percent: 0 }]);
    expect(res.body['conference-attendance-by-agency']).toEqual([
      { agency: 'health', numerator: 0, denominator: 1, percent: 0 },
      { agency: 'police', numerator: 1, denominator: 1, percent: 100 },
    ]);
    expect(res.body['conferences-missing-agencies']).toEqual({ numerator: 1, denominator: 1, percent: 100 });
    expect(res.body['families-waiting-rehousing']).toEqual({ children: 1, medianDays: 31, longestDays: 31 });
  });
});

describe('the council’s deadlines', () => {
  it('a head of service sets 5 working days for housing assessments; new requests take it', async () => {
    expect((await hos.put('/api/settings/partner-response/housing-assessment', { unit: 'working-days', n: 5 })).status).toBe(200);
    expect((await sw.put('/api/settings/partner-response/housing-assessment', { unit: 'working-days', n: 5 })).status).toBe(403);
    const res = await sw.post(`/api/children/${ids.childA}/partner-requests`, {
      organisationId: org.housing,
      requestType: 'housing-assessment',
      asked: 'Re-assess after the repairs.',
      needToKnow: 'Poppy (11).',
      sentOn: '2026-11-02',
    });
    expect(res.body.respondBy).toBe('2026-11-09');
  });
});

describe('withdrawing a request, and an answer that came by phone', () => {
  const send = async (organisationId: string | undefined) =>
    (
      await sw.post(`/api/children/${ids.childA}/partner-requests`, {
        organisationId,
        requestType: 'health-assessment',
        asked: 'Please see Poppy about her asthma.',
        needToKnow: 'Poppy (11): asthma worse since the move.',
        sentOn: '2026-11-02',
      })
    ).body.requestId as string;

  it('a withdrawn request ends its deadline and closes the child to the partner', async () => {
    const requestId = await send(org.housing);
    expect((await housing.get(`/api/partner/requests/${requestId}`)).status).toBe(200);
    const res = await sw.post(`/api/children/${ids.childA}/partner-requests/${requestId}/withdrawal`, {
      version: 1,
      withdrawnOn: '2026-11-03',
      reason: 'Sent to the wrong agency',
    });
    expect(res.status).toBe(200);
    expect((await housing.get(`/api/partner/requests/${requestId}`)).status).toBe(404);
    const cw = (await sw.get(`/api/children/${ids.childA}/casework`)).body;
    expect(
      cw.obligations.find((o: { ruleId: string; startDate: string; state: string }) => o.ruleId === 'partner-response' && o.state === 'ended'),
    ).toBeDefined();
    expect(
      (await sw.post(`/api/children/${ids.childA}/partner-requests/${requestId}/withdrawal`, { version: 2, withdrawnOn: '2026-11-03', reason: 'Again' }))
        .status,
    ).toBe(409);
  });

  it('the worker records an answer the partner gave by phone; another team’s worker may not', async () => {
    const requestId = await send(org.health);
    const body = { version: 1, answeredOn: '2026-11-06', answer: 'Seen at clinic; inhaler changed.', answeredByName: 'Health visitor, by phone' };
    expect((await sw2.post(`/api/children/${ids.childA}/partner-requests/${requestId}/answer`, body)).status).toBe(403);
    const res = await sw.post(`/api/children/${ids.childA}/partner-requests/${requestId}/answer`, body);
    expect(res.status).toBe(200);
    const r = (await partnerWork(ids.childA)).requests.find((x: { requestId: string }) => x.requestId === requestId);
    expect(r).toMatchObject({ state: 'answered', answeredOn: '2026-11-06', answeredByName: 'Health visitor, by phone' });
  });

  it('refuses a report over 1 MB, naming the field', async () => {
    const requestId = await send(org.housing);
    const big = Buffer.alloc(1024 * 1024 + 10, 0x41).toString('base64');
    const res = await housing.post(`/api/partner/requests/${requestId}/answer`, {
      version: 1,
      answeredOn: '2026-11-06',
      answer: 'See the report.',
      report: { fileName: 'big.txt', contentType: 'text/plain', base64: big },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'report.base64' })]);
    expect((await housing.get(`/api/partner/requests/${requestId}`)).status).toBe(200);
  });

  it('keeps a report named in any script and serves it under that name (RFC 5987)', async () => {
    const requestId = await send(org.housing);
    const name = '報告 📄.txt';
    const text = 'Band A: an offer is expected within 8 weeks.';
    const res = await housing.post(`/api/partner/requests/${requestId}/answer`, {
      version: 1,
      answeredOn: '2026-11-06',
      answer: 'See the report.',
      report: { fileName: name, contentType: 'text/plain', base64: Buffer.from(text).toString('base64') },
    });
    expect(res.status).toBe(200);
    const file = await fetch(`${server.url}/api/children/${ids.childA}/partner-reports/${res.body.reportId}`, { headers: { cookie: swCookie } });
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(text);
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '')).toBe(name);
    // Old clients get a plain stand-in of the same length.
    expect(disposition).toContain('filename="__ _.txt"');
  });

  it('refuses a file name that is a NUL-laced or 280-character name, naming the field', async () => {
    const requestId = await send(org.housing);
    for (const fileName of ['report\u0000.txt', `${'r'.repeat(276)}.txt`]) {
      const res = await housing.post(`/api/partner/requests/${requestId}/answer`, {
        version: 1,
        answeredOn: '2026-11-06',
        answer: 'See the report.',
        report: { fileName, contentType: 'text/plain', base64: Buffer.from('x').toString('base64') },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'report.fileName' })]);
    }
  });
});
