import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Esme Harlow's assessment, written in Lantern: Ava writes it (every save a version), sends it
// with her safety scale, Tom returns it once with reasons (Ava sees it on her list), then
// authorises it with his own scale — which the risk-scaling view shows beside Ava's.
let server: TestServer;
let ids: FixtureIds;
let sw: Client;
let tm: Client;
let childId: string;
let assessmentId: string;
const base = () => `/api/children/${childId}/assessments/${assessmentId}/record`;

const sections = {
  livedExperience: 'Esme gets herself up for school most days; breakfast is whatever is in the cupboard.',
  childWords: '“I like it when Nan picks me up because she does my hair.”',
  worries: 'Mum’s drinking has got worse since the winter and Esme has been left alone at night twice.',
  workingWell: 'Nan lives two streets away and Esme goes to her every Tuesday and Thursday.',
  parentsViews: 'Mum says she is lonely and wants help but is scared Esme will be taken away.',
  partnerViews: 'School says attendance is 84% and Esme is often tired on Mondays.',
  analysis: 'The risk is at night, when Mum has been drinking and no other adult is around.',
  recommendation: 'A child in need plan with Nan as the evening safety adult and an alcohol service referral for Mum.',
};

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm] = await signedIn(server, 'sw', 'tm');
  const created = await sw.post('/api/children', { givenName: 'Esme', familyName: 'Harlow', dateOfBirth: '2016-05-14', sex: 'F' });
  childId = created.body.child.childId;
  expect((await tm.post(`/api/children/${childId}/allocations`, { workerId: ids.swA, startDate: '2026-01-05' })).status).toBe(201);
  expect((await sw.post(`/api/children/${childId}/referrals`, { referralDate: '2026-01-05', source: '1B', primaryNeed: 'N2' })).status).toBe(201);
  const started = await sw.post(`/api/children/${childId}/assessments`, { startDate: '2026-01-06' });
  expect(started.status).toBe(201);
  assessmentId = started.body.assessmentId;
});
afterAll(() => server?.close());

describe('the written assessment', () => {
  it('is saved in versions, with factors chosen by name; a stale save is refused and writes nothing', async () => {
    const first = await sw.put(base(), { livedExperience: sections.livedExperience, factors: ['1B', '4B'] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, status: 'draft' });
    const second = await sw.put(base(), { version: 1, ...sections });
    expect(second.body.version).toBe(2);
    const stale = await sw.put(base(), { version: 1, analysis: 'Overwritten' });
    expect(stale.status).toBe(409);
    const view = (await sw.get(base())).body;
    expect(view.sections.analysis).toBe(sections.analysis);
    expect(view.factors).toEqual([
      { code: '1B', label: 'Alcohol misuse: parent or carer' },
      { code: '4B', label: 'Mental health: parent or carer' },
    ]);
    const history = (await sw.get(`${base()}/versions`)).body.versions;
    expect(history.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history[1].changedSections.map((s: { section: string }) => s.section)).toContain('analysis');
    expect(history[1].changedSections.map((s: { section: string }) => s.section)).not.toContain('livedExperience');
  });

  it('refuses bad input with the field and the rule', async () => {
    const bad = await sw.put(base(), { version: 2, factors: ['21', '1B'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'factors', rule: 'no-factors-alone' });
    const scale = await sw.post(`${base()}/submission`, { version: 2, workerScale: 11, completedOn: '2026-02-10', outcome: 'child-in-need-plan' });
    expect(scale.status).toBe(400);
    expect(scale.body.errors[0].field).toBe('workerScale');
    expect((await sw.get(base())).body.version).toBe(2);
  });

  it('cannot be sent with a section unwritten; nothing is half-written', async () => {
    expect((await sw.put(base(), { version: 2, partnerViews: '' })).status).toBe(200);
    const missing = await sw.post(`${base()}/submission`, { version: 3, workerScale: 7, completedOn: '2026-02-10', outcome: 'child-in-need-plan' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'partnerViews', rule: 'section-required' })]);
    const view = (await sw.get(base())).body;
    expect(view).toMatchObject({ status: 'draft', completedOn: null, workerScale: null });
    expect((await sw.get(`/api/children/${childId}/risk-assessments`)).body.riskAssessments).toEqual([]);
    expect((await sw.put(base(), { version: 3, partnerViews: sections.partnerViews })).status).toBe(200);
  });

  it('is sent with the worker’s scale; the manager returns it with reasons, and the worker sees it on their list', async () => {
    const sent = await sw.post(`${base()}/submission`, { version: 4, workerScale: 7, completedOn: '2026-02-10', outcome: 'child-in-need-plan' });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('submitted');
    expect((await sw.put(base(), { version: 5, analysis: 'Changed while with the manager' })).status).toBe(409);
    expect((await sw.post(`${base()}/return`, { version: 5, returnedOn: '2026-02-11', reasons: 'No' })).status).toBe(403);
    const noReason = await tm.post(`${base()}/return`, { version: 5, returnedOn: '2026-02-11', reasons: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reasons');
    const returned = await tm.post(`${base()}/return`, {
      version: 5,
      returnedOn: '2026-02-11',
      reasons: 'The analysis does not weigh what happens at weekends, when Nan is away.',
    });
    expect(returned.status).toBe(200);
    const list = (await sw.get('/api/assessments/returned')).body.returned;
    expect(list).toEqual([
      expect.objectContaining({ assessmentId, childName: 'Esme Harlow', returnedBy: 'tm (test)', reasons: expect.stringContaining('weekends') }),
    ]);
    expect((await tm.get('/api/assessments/returned')).body.returned).toEqual([]);
  });

  it('is authorised with the manager’s own scale, which the risk-scaling view shows beside the worker’s', async () => {
    expect(
      (await sw.put(base(), { version: 6, analysis: `${sections.analysis} At weekends Nan is away, so the plan needs a second safe adult.` })).status,
    ).toBe(200);
    expect((await sw.post(`${base()}/submission`, { version: 7, workerScale: 8, completedOn: '2026-02-12', outcome: 'child-in-need-plan' })).status).toBe(200);
    expect((await sw.get('/api/assessments/returned')).body.returned).toEqual([]);
    const self = await sw.post(`${base()}/authorisation`, { version: 8, authorisedOn: '2026-02-13', managerScale: 5, managerView: 'Too hopeful.' });
    expect(self.status).toBe(403);
    const ok = await tm.post(`${base()}/authorisation`, {
      version: 8,
      authorisedOn: '2026-02-13',
      managerScale: 5,
      managerView: 'Nan cannot be there every night; until the alcohol work starts this is a 5.',
    });
    expect(ok.status).toBe(200);
    const risks = (await sw.get(`/api/children/${childId}/risk-assessments`)).body.riskAssessments;
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatchObject({ workerScale: 8, managerScale: 5, gap: 3, overOptimistic: true, assessedOn: '2026-02-12' });
    const view = (await sw.get(base())).body;
    expect(view).toMatchObject({ status: 'authorised', workerScale: 8, managerScale: 5, timesReturned: 1, authorisedOn: '2026-02-13' });
    const cw = (await sw.get(`/api/children/${childId}/casework`)).body;
    expect(cw.obligations.find((o: { ruleId: string }) => o.ruleId === 'assessment')).toMatchObject({ metOn: '2026-02-13', state: 'met-on-time' });
    expect((await sw.put(base(), { version: 9, analysis: 'After authorisation' })).status).toBe(409);
    const history = (await sw.get(`${base()}/versions`)).body.versions;
    expect(history.map((v: { status: string }) => v.status)).toEqual([
      'draft',
      'draft',
      'draft',
      'draft',
      'submitted',
      'returned',
      'returned',
      'submitted',
      'authorised',
    ]);
  });

  it('every word typed is found from the chronology', async () => {
    for (const words of ['does my hair', 'every Tuesday', 'second safe adult', 'weekends, when Nan is away']) {
      const found = (await sw.get(`/api/children/${childId}/chronology?q=${encodeURIComponent(words)}`)).body.entries;
      expect(found.length, words).toBeGreaterThan(0);
    }
    expect((await sw.get(`/api/children/${childId}/chronology?q=${encodeURIComponent('nothing like this was written')}`)).body.entries).toEqual([]);
  });
});

describe('section 47 enquiry findings', () => {
  let s47Id: string;
  it('records each concern, whether harm was substantiated and why, and the reasons to convene; versions kept', async () => {
    const sd = await sw.post(`/api/children/${childId}/strategy-discussions`, {
      heldOn: '2026-02-16',
      agencies: ['social-care', 'police', 'health', 'education'],
      decision: 'section-47',
      reasons: 'Esme found alone at 11pm by police.',
    });
    expect(sd.status).toBe(201);
    const s47 = await sw.post(`/api/children/${childId}/section47s`, { strategyId: sd.body.strategyId, startDate: '2026-02-16' });
    s47Id = s47.body.s47Id;
    const url = `/api/children/${childId}/section47/${s47Id}/findings`;
    const body = {
      concerns: [
        {
          concern: 'Left alone overnight',
          found: 'Esme was alone from 9pm to 1am on two nights.',
          substantiated: true,
          why: 'Two police logs and Esme’s own account agree.',
        },
        {
          concern: 'Bruise on her leg',
          found: 'A fall at the park, seen by a neighbour.',
          substantiated: false,
          why: 'The neighbour and the school nurse say the same.',
        },
      ],
      convene: true,
      conveneReasons: 'Neglect at night is substantiated and Mum has not yet engaged with support.',
    };
    const bad = await sw.put(url, { ...body, concerns: [{ ...body.concerns[0], substantiated: undefined }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('concerns.0.substantiated');
    const empty = await sw.put(url, { ...body, concerns: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('concerns');
    expect((await sw.get(url)).body.findings).toBeNull();
    expect((await sw.put(url, body)).body.version).toBe(1);
    expect((await sw.put(url, { ...body, version: 1, conveneReasons: `${body.conveneReasons} The police share the view.` })).body.version).toBe(2);
    expect((await sw.put(url, { ...body, version: 1 })).status).toBe(409);
    const view = (await sw.get(url)).body;
    expect(view.findings.concerns[1]).toMatchObject({ concern: 'Bruise on her leg', substantiated: false });
    expect(view.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const found = (await sw.get(`/api/children/${childId}/chronology?q=${encodeURIComponent('seen by a neighbour')}`)).body.entries;
    expect(found[0].summary).toContain('not substantiated');
  });
});
