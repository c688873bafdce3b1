import { randomUUID } from 'node:crypto';
import { DEFAULT_AUDIT_QUESTIONS } from '@lantern/core/workforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, openCinEpisode } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Management oversight on Poppy's record (childA, referred 1 October 2025, held by Ava in team A):
// a manager's decision with its reasons and evidence, a risk assessment the manager sees as
// over-optimistic, a case audit moderated by a second auditor, and one view of who decided what.
let server: TestServer, ids: FixtureIds;
let tm: Client, sw: Client, hos: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [tm, sw, hos] = await signedIn(server, 'tm', 'sw', 'hos');
  await openCinEpisode(server.store.db, ids.childA, '2025-10-01');
});
afterAll(() => server?.close());

describe('management decisions', () => {
  it('a team manager records a step-up with reasons and evidence; oversight is next due three months on', async () => {
    const body = {
      kind: 'step-up',
      decidedOn: '2026-01-10',
      reasons: 'Neglect is escalating despite support.',
      evidenceSeen: 'School attendance 62%; health visitor report.',
    };
    expect((await sw.post(`/api/children/${ids.childA}/decisions`, body)).status).toBe(403);
    expect((await tm.post(`/api/children/${ids.childB}/decisions`, body)).status).toBe(403);
    const noEvidence = await tm.post(`/api/children/${ids.childA}/decisions`, { ...body, evidenceSeen: '' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.errors[0].field).toBe('evidenceSeen');
    expect((await tm.post(`/api/children/${ids.childA}/decisions`, body)).status).toBe(201);
    const view = (await sw.get(`/api/children/${ids.childA}/accountability`)).body;
    // From the referral (1 October) oversight was due 1 January; met late on 10 January; next due 10 April.
    expect(view.oversight).toMatchObject({ lastOversight: '2026-01-10', dueDate: '2026-04-10' });
    const cw = (await sw.get(`/api/children/${ids.childA}/casework`)).body;
    expect(cw.obligations).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'management-oversight', startDate: '2025-10-01', dueDate: '2026-01-01', state: 'met-late' })]),
    );
    expect(view.decisions[0]).toMatchObject({
      on: '2026-01-10',
      kind: 'step-up',
      decidedBy: 'Tom Tester',
      decidedByWorkerId: ids.tmA,
      role: 'team-manager',
      reasons: body.reasons,
      evidence: body.evidenceSeen,
    });
  });

  it('a child with no oversight for longer than the council’s interval is overdue on the manager’s worklist', async () => {
    await openCinEpisode(server.store.db, ids.childUnallocated, '2025-11-03');
    // Allocating to Ava refreshes Mia's deadlines; the team manager owns oversight.
    expect((await tm.post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA, startDate: '2025-11-04' })).status).toBe(201);
    const list = (await tm.get('/api/worklist?view=mine&ruleId=management-oversight&state=overdue&asOf=2026-02-04')).body;
    expect(list.obligations).toEqual([expect.objectContaining({ childId: ids.childUnallocated, dueDate: '2026-02-03', state: 'overdue', daysOverdue: 1 })]);
  });
});

describe('risk assessment', () => {
  it('puts the manager’s safety scale beside the worker’s, so over-optimism shows', async () => {
    const created = await sw.post(`/api/children/${ids.childA}/risk-assessments`, {
      assessedOn: '2026-01-12',
      worries: 'Poppy has come to school hungry four times this month.',
      strengths: 'Grandmother visits daily.',
      nextSteps: 'Food bank referral; daily check-ins by school.',
      workerScale: 8,
      familyScale: 9,
    });
    expect(created.status).toBe(201);
    const id = created.body.riskAssessmentId;
    expect(
      (await sw.post(`/api/children/${ids.childA}/risk-assessments/${id}/manager-view`, { version: 1, managerScale: 4, view: 'x', on: '2026-01-13' })).status,
    ).toBe(403);
    const view = { version: 1, managerScale: 4, view: 'The history of neglect is not weighed; I would put this at 4.', on: '2026-01-13' };
    expect((await tm.post(`/api/children/${ids.childA}/risk-assessments/${id}/manager-view`, view)).status).toBe(200);
    expect((await tm.post(`/api/children/${ids.childA}/risk-assessments/${id}/manager-view`, view)).status).toBe(409);
    const list = (await sw.get(`/api/children/${ids.childA}/risk-assessments`)).body.riskAssessments;
    expect(list[0]).toMatchObject({ workerScale: 8, familyScale: 9, managerScale: 4, gap: 4, overOptimistic: true, version: 2 });
  });
});

describe('case audits', () => {
  const answers = DEFAULT_AUDIT_QUESTIONS.map((q) => ({ questionId: q.id, answer: q.id === 'risk-realistic' ? 'no' : 'yes', comment: null }));
  let auditId: string;

  it('grades a case against every council question, and turns findings into actions', async () => {
    const missing = await hos.post(`/api/children/${ids.childA}/case-audits`, {
      auditedOn: '2026-01-20',
      grade: 'good',
      summary: 'x',
      answers: answers.slice(1),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'answers', rule: 'every-question' });
    expect((await sw.post(`/api/children/${ids.childA}/case-audits`, { auditedOn: '2026-01-20', grade: 'good', summary: 'x', answers })).status).toBe(403);
    const res = await hos.post(`/api/children/${ids.childA}/case-audits`, {
      auditedOn: '2026-01-20',
      grade: 'good',
      summary: 'Child seen and heard; the risk assessment is over-optimistic.',
      answers,
      actions: [
        { finding: 'Risk not weighed against history', action: 'Redo the risk assessment with the chronology', ownerWorkerId: ids.swA, dueDate: '2026-02-03' },
      ],
    });
    expect(res.status).toBe(201);
    auditId = res.body.caseAuditId;
  });

  it('is moderated by a second auditor, not the first; the moderated grade counts for the team', async () => {
    const mod = { version: 1, moderatedOn: '2026-01-27', grade: 'requires-improvement', notes: 'Unrealistic risk assessment means this cannot be good.' };
    const self = await hos.post(`/api/children/${ids.childA}/case-audits/${auditId}/moderation`, mod);
    expect(self.status).toBe(400);
    expect(self.body.errors[0].rule).toBe('second-auditor');
    expect((await tm.post(`/api/children/${ids.childA}/case-audits/${auditId}/moderation`, mod)).status).toBe(200);
    expect((await tm.post(`/api/children/${ids.childA}/case-audits/${auditId}/moderation`, mod)).status).toBe(409);
    const audits = (await sw.get(`/api/children/${ids.childA}/case-audits`)).body.caseAudits;
    expect(audits[0]).toMatchObject({ grade: 'good', moderatedGrade: 'requires-improvement', finalGrade: 'requires-improvement' });
    const results = (await hos.get('/api/workforce/case-audit-results?asOf=2026-03-31')).body;
    expect(results.teams).toEqual([
      {
        teamId: ids.teamA,
        team: 'Children in need 1',
        months: [{ month: '2026-01', outstanding: 0, good: 0, 'requires-improvement': 1, inadequate: 0, moderated: 1 }],
      },
    ]);
    expect(audits[0].actions[0]).toMatchObject({ owner: 'Ava Tester', dueDate: '2026-02-03', completedOn: null, evidence: null });
  });
});

describe('marking an audit action done', () => {
  const answers = DEFAULT_AUDIT_QUESTIONS.map((q) => ({ questionId: q.id, answer: 'yes' }));
  let actions: { actionId: string; ownerWorkerId: string; version: number }[];
  const worklist = async (who: Client, asOf: string) =>
    (await who.get(`/api/worklist?view=mine&ruleId=case-audit-action&asOf=${asOf}`)).body.obligations as { childId: string; dueDate: string; state: string }[];

  beforeAll(async () => {
    // An audit on 3 February 2026 with two actions: one for Ava, one for Amir (both team A).
    const res = await hos.post(`/api/children/${ids.childA}/case-audits`, {
      auditedOn: '2026-02-03',
      grade: 'requires-improvement',
      summary: 'Visits are late and the plan is vague.',
      answers,
      actions: [
        { finding: 'Visits out of time', action: 'Visit within five working days and record the child’s words', ownerWorkerId: ids.swA, dueDate: '2026-02-17' },
        { finding: 'Plan not specific', action: 'Rewrite the plan with dates and owners', ownerWorkerId: ids.swA2, dueDate: '2026-02-24' },
      ],
    });
    expect(res.status).toBe(201);
    const audits = (await sw.get(`/api/children/${ids.childA}/case-audits`)).body.caseAudits as { caseAuditId: string; actions: typeof actions }[];
    actions = (audits.find((a) => a.caseAuditId === res.body.caseAuditId) as { actions: typeof actions }).actions;
  });

  // Ava also owns the action of the January audit above, due 3 February and still open.
  const january = () => expect.objectContaining({ childId: ids.childA, dueDate: '2026-02-03', state: 'overdue' });

  it('puts open actions on their owner’s worklist, overdue once past their date', async () => {
    expect(await worklist(sw, '2026-02-16')).toEqual([january(), expect.objectContaining({ childId: ids.childA, dueDate: '2026-02-17', state: 'due' })]);
    expect(await worklist(sw, '2026-02-20')).toEqual([january(), expect.objectContaining({ childId: ids.childA, dueDate: '2026-02-17', state: 'overdue' })]);
  });

  it('is marked done by its owner with the evidence, once; a stale version is refused with 409', async () => {
    const ava = actions.find((a) => a.ownerWorkerId === ids.swA) as (typeof actions)[number];
    const bea = client(server, await signInAs(server, 'sw2', FIXTURE_PASSWORD));
    const url = `/api/case-audit-actions/${ava.actionId}/complete`;
    const done = { version: 1, completedOn: '2026-02-19', evidence: 'Visited 19 February; Poppy’s words are in the visit record.' };
    // Bea is in team B and does not own it.
    expect((await bea.post(url, done)).status).toBe(403);
    const noEvidence = await sw.post(url, { ...done, evidence: '  ' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.errors[0].field).toBe('evidence');
    const early = await sw.post(url, { ...done, completedOn: '2026-02-02' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'completedOn', rule: 'not-before' });
    expect((await sw.post(url, { ...done, version: 2 })).status).toBe(409);
    const ok = await sw.post(url, done);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ actionId: ava.actionId, version: 2, completedOn: '2026-02-19' });
    expect((await sw.post(url, done)).status).toBe(409);
    expect((await sw.post(url, { ...done, version: 2 })).status).toBe(409);

    const audits = (await sw.get(`/api/children/${ids.childA}/case-audits`)).body.caseAudits;
    const shown = audits.flatMap((a: { actions: unknown[] }) => a.actions).find((a: { actionId: string }) => a.actionId === ava.actionId);
    expect(shown).toMatchObject({ completedOn: '2026-02-19', completedBy: 'sw (test)', evidence: done.evidence, overdue: false, version: 2 });
    // Off the worklist; its deadline met late (due 17 February).
    expect(await worklist(sw, '2026-02-20')).toEqual([january()]);
    const deadline = await server.store.db
      .selectFrom('obligation')
      .select(['due_date', 'met_on', 'responsible_worker_id'])
      .where('rule_id', '=', 'case-audit-action')
      .where('source_id', '=', ava.actionId)
      .execute();
    expect(deadline).toEqual([{ due_date: '2026-02-17', met_on: '2026-02-19', responsible_worker_id: ids.swA }]);
    // Kept: both versions, the chronology entry and the audit row.
    const db = server.store.db;
    const versions = await db
      .selectFrom('record_version')
      .select(['version', 'data'])
      .where('record_type', '=', 'case-audit-action')
      .where('record_id', '=', ava.actionId)
      .orderBy('version')
      .execute();
    // Each version is the row as it was (the ledger keeps the table's own columns).
    expect(versions.map((v) => [v.version, (typeof v.data === 'string' ? JSON.parse(v.data) : v.data).completion_evidence])).toEqual([
      [1, null],
      [2, done.evidence],
    ]);
    const chronology = await db
      .selectFrom('chronology_entry')
      .select('summary')
      .where('child_id', '=', ids.childA)
      .where('occurred_on', '=', '2026-02-19')
      .execute();
    expect(chronology.map((c) => c.summary)).toEqual([expect.stringContaining(`evidence: ${done.evidence}`)]);
    const trail = await db
      .selectFrom('audit_event')
      .select(['username', 'action'])
      .where('record_type', '=', 'case-audit-action')
      .where('record_id', '=', ava.actionId)
      .orderBy('audit_id')
      .execute();
    // The action's own creation with the audit (one audit row per record written), then its completion.
    expect(trail).toEqual([
      { username: 'hos', action: 'create' },
      { username: 'sw', action: 'update' },
    ]);
  });

  it('is marked done by the owner’s team manager; not by another worker in the team', async () => {
    const amir = actions.find((a) => a.ownerWorkerId === ids.swA2) as (typeof actions)[number];
    const url = `/api/case-audit-actions/${amir.actionId}/complete`;
    const done = { version: 1, completedOn: '2026-02-25', evidence: 'The plan now names who does what by when.' };
    expect((await sw.post(url, done)).status).toBe(403);
    expect((await tm.post(url, done)).status).toBe(200);
    expect((await tm.post(`/api/case-audit-actions/${randomUUID()}/complete`, done)).status).toBe(404);
  });
});

describe('accountability', () => {
  it('lists every decision on the child, and a worker’s own decisions', async () => {
    const view = (await sw.get(`/api/children/${ids.childA}/accountability`)).body;
    const kinds = view.decisions.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['step-up', 'risk-manager-view', 'case-audit', 'case-audit-moderation']));
    expect(view.decisions.find((d: { kind: string }) => d.kind === 'case-audit-moderation')).toMatchObject({ on: '2026-01-27', role: 'team-manager' });
    const toms = (await hos.get(`/api/workers/${ids.tmA}/decisions`)).body;
    expect(toms.worker.name).toBe('Tom Tester');
    expect(toms.decisions.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['step-up', 'risk-manager-view', 'case-audit-moderation', 'allocation']),
    );
    expect(toms.decisions.every((d: { decidedByWorkerId: string }) => d.decidedByWorkerId === ids.tmA)).toBe(true);
    expect((await sw.get(`/api/workers/${ids.tmA}/decisions`)).status).toBe(403);
  });
});

describe('the council’s own audit questions', () => {
  it('audits against the questions the council set', async () => {
    const questions = [
      { id: 'risk-realistic', text: 'Is the risk assessment realistic?' },
      { id: 'child-voice', text: 'Is the child’s voice heard?' },
    ];
    expect((await tm.put('/api/settings/audit-questions', questions)).status).toBe(403);
    expect((await hos.put('/api/settings/audit-questions', [...questions, questions[0]])).status).toBe(400);
    expect((await hos.put('/api/settings/audit-questions', questions)).body).toEqual({ key: 'workforce.audit-questions', items: 2 });
    const old = DEFAULT_AUDIT_QUESTIONS.map((q) => ({ questionId: q.id, answer: 'yes' }));
    const refused = await tm.post(`/api/children/${ids.childA}/case-audits`, { auditedOn: '2026-02-10', grade: 'good', summary: 'x', answers: old });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ rule: 'council-question', field: 'answers.2.questionId' });
    const ok = await tm.post(`/api/children/${ids.childA}/case-audits`, {
      auditedOn: '2026-02-10',
      grade: 'good',
      summary: 'Both questions answered well.',
      answers: questions.map((q) => ({ questionId: q.id, answer: 'yes' })),
    });
    expect(ok.status).toBe(201);
  });
});
