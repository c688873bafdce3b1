/**
 * Case audits graded against the council's questions, moderated by a second auditor, with
 * actions their owners mark done; and the results by team and month.
 */
import { randomUUID } from 'node:crypto';
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { AUDIT_GRADE, type AuditGrade, type auditActionDone, type moderation, type newCaseAudit } from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childFor } from '../../kernel/access.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, forbidden, invalid, staleVersion } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { stepOnRecord } from '../../kernel/record-step.ts';
import { DateRules } from '../../kernel/rules.ts';
import { workforceSettings } from '../workforce/index.ts';

/** An audit action's own columns (alias `x`), as its lists and its completion read them. */
const ACTION_COLUMNS = [
  'x.action_id',
  'x.case_audit_id',
  'x.finding',
  'x.action',
  'x.owner_worker_id',
  'x.due_date',
  'x.completed_on',
  'x.completion_evidence',
  'x.version',
] as const;

export async function recordCaseAudit(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newCaseAudit>) {
  const laCode = actor.user.laCode;
  const { auditQuestions } = await workforceSettings(db, laCode);
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    new DateRules().notInFuture('auditedOn', input.auditedOn).check();
    const errors: FieldError[] = [];
    const asked = new Map(auditQuestions.map((q) => [q.id, q.text]));
    const answered = new Set(input.answers.map((a) => a.questionId));
    for (const [i, a] of input.answers.entries())
      if (!asked.has(a.questionId))
        errors.push({ field: `answers.${i}.questionId`, rule: 'council-question', message: 'Not one of the council’s audit questions' });
    for (const q of auditQuestions) if (!answered.has(q.id)) errors.push({ field: 'answers', rule: 'every-question', message: `Answer “${q.text}”` });
    const owners = input.actions.length
      ? new Set(
          (
            await trx
              .selectFrom('worker')
              .select('worker_id')
              .where('la_code', '=', laCode)
              .where(
                'worker_id',
                'in',
                input.actions.map((a) => a.ownerWorkerId),
              )
              .execute()
          ).map((w) => w.worker_id),
        )
      : new Set<string>();
    for (const [i, a] of input.actions.entries())
      if (!owners.has(a.ownerWorkerId)) errors.push({ field: `actions.${i}.ownerWorkerId`, rule: 'exists', message: 'Choose a worker of this council' });
    if (errors.length) throw invalid(errors);
    // An auditor does not audit a case they hold.
    const holding = await trx
      .selectFrom('allocation as a')
      .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .select(['a.worker_id', 'w.team_id', 'a.allocation_role'])
      .where(ofChild('a', laCode, childId))
      .where('a.end_date', 'is', null)
      .execute();
    if (actor.user.workerId && holding.some((h) => h.worker_id === actor.user.workerId))
      throw conflict('You hold this child’s case, so cannot audit it', [{ field: 'childId', rule: 'auditor-independent', message: 'Ask another auditor' }]);
    const teamId = holding.find((h) => h.allocation_role === 'social-worker')?.team_id ?? null;
    const { case_audit_id: id } = await insertNew(
      ledger,
      'case_audit',
      {
        child_id: childId,
        team_id: teamId,
        audited_on: input.auditedOn,
        auditor_user_id: actor.user.userId,
        grade: input.grade,
        answers: JSON.stringify(input.answers.map((a) => ({ ...a, question: asked.get(a.questionId), comment: a.comment ?? null }))),
        summary: input.summary,
      },
      { detail: { grade: input.grade, actions: input.actions.length } },
    );
    await ledger.insertMany(
      'case_audit_action',
      input.actions.map((a) => ({
        la_code: laCode,
        action_id: randomUUID(),
        case_audit_id: id,
        child_id: childId,
        finding: a.finding,
        action: a.action,
        owner_worker_id: a.ownerWorkerId,
        due_date: a.dueDate,
      })),
    );
    ledger.chronicle({
      occurredOn: input.auditedOn,
      category: 'management-decision',
      summary: `Case audit (${actor.user.displayName}): ${AUDIT_GRADE[input.grade]} — ${input.summary}`,
      recordType: 'case-audit',
      recordId: id,
    });
    return { caseAuditId: id };
  });
}

export async function moderateCaseAudit(db: Kysely<Database>, actor: Actor, childId: string, caseAuditId: string, input: z.infer<typeof moderation>) {
  return step(db, actor, childId, async (ledger) => {
    const ca = await ledger.find('case_audit', { case_audit_id: caseAuditId, child_id: childId }, 'case audit', { lock: true });
    if (ca.version !== input.version) throw staleVersion(ca.version, input.version);
    if (ca.auditor_user_id === actor.user.userId)
      throw invalid([{ field: 'grade', rule: 'second-auditor', message: 'Moderation is by a second auditor, not the first' }]);
    if (ca.moderated_on)
      throw conflict(`Already moderated on ${ca.moderated_on}`, [{ field: 'caseAuditId', rule: 'already-moderated', message: 'Moderated already' }]);
    new DateRules().notInFuture('moderatedOn', input.moderatedOn).notBefore('moderatedOn', input.moderatedOn, ca.audited_on, 'the audit').check();
    const { version } = await ledger.update(
      'case_audit',
      { case_audit_id: caseAuditId },
      { moderator_user_id: actor.user.userId, moderated_on: input.moderatedOn, moderated_grade: input.grade, moderation_notes: input.notes },
      { fromVersion: ca.version, detail: { moderatedGrade: input.grade } },
    );
    ledger.chronicle({
      occurredOn: input.moderatedOn,
      category: 'management-decision',
      summary: `Case audit moderated (${actor.user.displayName}): ${AUDIT_GRADE[ca.grade as AuditGrade]} → ${AUDIT_GRADE[input.grade]}`,
      recordType: 'case-audit',
      recordId: caseAuditId,
    });
    return { caseAuditId, version };
  });
}

export async function childCaseAudits(db: Kysely<Database>, actor: Actor, childId: string) {
  const laCode = actor.user.laCode;
  await childFor(db, actor.user, childId, 'child:read');
  const audits = await db
    .selectFrom('case_audit as c')
    .leftJoin('app_user as a', (j) => j.onRef('a.la_code', '=', 'c.la_code').onRef('a.user_id', '=', 'c.auditor_user_id'))
    .leftJoin('app_user as m', (j) => j.onRef('m.la_code', '=', 'c.la_code').onRef('m.user_id', '=', 'c.moderator_user_id'))
    .select([
      'c.case_audit_id',
      'c.audited_on',
      'c.grade',
      'c.summary',
      'c.answers',
      'c.moderated_on',
      'c.moderated_grade',
      'c.moderation_notes',
      'c.version',
      'a.display_name as auditor',
      'm.display_name as moderator',
    ])
    .where(ofChild('c', laCode, childId))
    .orderBy('c.audited_on', 'desc')
    .execute();
  const actions = await db
    .selectFrom('case_audit_action as x')
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'x.la_code').onRef('w.worker_id', '=', 'x.owner_worker_id'))
    .leftJoin('app_user as cu', (j) => j.onRef('cu.la_code', '=', 'x.la_code').onRef('cu.user_id', '=', 'x.completed_by'))
    .select([...ACTION_COLUMNS, 'w.given_name', 'w.family_name', 'cu.display_name as completed_by'])
    .where(ofChild('x', laCode, childId))
    .orderBy('x.due_date')
    .execute();
  const today = todayInEngland();
  return {
    caseAudits: audits.map((c) => ({
      caseAuditId: c.case_audit_id,
      auditedOn: c.audited_on,
      auditor: c.auditor,
      grade: c.grade,
      summary: c.summary,
      answers: (typeof c.answers === 'string' ? JSON.parse(c.answers) : c.answers) as {
        questionId: string;
        question: string;
        answer: string;
        comment: string | null;
      }[],
      moderatedOn: c.moderated_on,
      moderator: c.moderator,
      moderatedGrade: c.moderated_grade,
      moderationNotes: c.moderation_notes,
      finalGrade: c.moderated_grade ?? c.grade,
      version: c.version,
      actions: actions
        .filter((a) => a.case_audit_id === c.case_audit_id)
        .map((a) => ({
          actionId: a.action_id,
          finding: a.finding,
          action: a.action,
          ownerWorkerId: a.owner_worker_id,
          owner: `${a.given_name} ${a.family_name}`,
          dueDate: a.due_date,
          completedOn: a.completed_on,
          completedBy: a.completed_by,
          evidence: a.completion_evidence,
          overdue: a.completed_on === null && a.due_date < today,
          version: a.version,
        })),
    })),
  };
}

/**
 * Whether the user may mark this action done: its owner; with team scope, a manager of the
 * owner's team or the owner's supervisor; with council scope, anyone.
 */
function mayCompleteAction(actor: Actor, owner: { worker_id: string; team_id: string | null; supervisor_worker_id: string | null }) {
  const scope = scopeFor(actor.user.role, 'audit-action:complete');
  const me = actor.user.workerId;
  if (scope === 'council') return true;
  if (scope === null) return false;
  if (me && owner.worker_id === me) return true;
  return scope === 'team' && ((!!me && owner.supervisor_worker_id === me) || (!!owner.team_id && owner.team_id === actor.user.teamId));
}

/**
 * An audit action done: by its owner or their manager, with the evidence that it was. Kept as a
 * record version, on the child's chronology and the audit trail; it meets the action's deadline.
 */
export async function completeAuditAction(db: Kysely<Database>, actor: Actor, actionId: string, input: z.infer<typeof auditActionDone>) {
  const laCode = actor.user.laCode;
  // The owner acts on an action about a child they can see.
  return stepOnRecord(db, actor, 'case_audit_action', { action_id: actionId }, 'audit action', async (ledger) => {
    const a = await ledger.db
      .selectFrom('case_audit_action as x')
      .innerJoin('case_audit as c', (j) => j.onRef('c.la_code', '=', 'x.la_code').onRef('c.case_audit_id', '=', 'x.case_audit_id'))
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'x.la_code').onRef('w.worker_id', '=', 'x.owner_worker_id'))
      .select([...ACTION_COLUMNS, 'x.completed_by', 'c.audited_on', 'c.auditor_user_id', 'w.worker_id', 'w.team_id', 'w.supervisor_worker_id'])
      .where('x.la_code', '=', laCode)
      .where('x.action_id', '=', actionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!mayCompleteAction(actor, a)) throw forbidden('Only the action’s owner or their manager may mark it done');
    if (a.version !== input.version) throw staleVersion(a.version, input.version);
    if (a.completed_on) throw conflict(`Marked done on ${a.completed_on}`, [{ field: 'actionId', rule: 'already-completed', message: 'Marked done already' }]);
    new DateRules().notInFuture('completedOn', input.completedOn).notBefore('completedOn', input.completedOn, a.audited_on, 'the audit').check();
    const { version } = await ledger.update(
      'case_audit_action',
      { action_id: actionId },
      { completed_on: input.completedOn, completed_by: actor.user.userId, completion_evidence: input.evidence },
      { fromVersion: a.version, detail: { completedOn: input.completedOn } },
    );
    ledger.chronicle({
      occurredOn: input.completedOn,
      category: 'management-decision',
      summary: `Case audit action done (${actor.user.displayName}): ${a.action} — evidence: ${input.evidence}`,
      recordType: 'case-audit',
      recordId: a.case_audit_id,
    });
    return { actionId, version, completedOn: input.completedOn };
  });
}

/** Audit results by team and month (the final grade: moderated where it was), over the last `months` months. */
export async function auditResults(db: Kysely<Database>, laCode: string, q: { months: number; asOf?: string | undefined }) {
  const asOf = q.asOf ?? todayInEngland();
  const rows = (
    await sql<{ team_id: string | null; team: string | null; month: string; grade: string; n: number | string; moderated: number | string }>`
    select c.team_id, t.name as team, to_char(c.audited_on, 'YYYY-MM') as month, coalesce(c.moderated_grade, c.grade) as grade,
      count(*) as n, count(*) filter (where c.moderated_on is not null) as moderated
    from case_audit c left join team t on t.la_code = c.la_code and t.team_id = c.team_id
    where c.la_code = ${laCode} and c.audited_on <= ${asOf}::date and c.audited_on > (${asOf}::date - make_interval(months => ${q.months}))::date
    group by c.team_id, t.name, to_char(c.audited_on, 'YYYY-MM'), coalesce(c.moderated_grade, c.grade)
    order by t.name nulls last, month`.execute(db)
  ).rows;
  const teams = new Map<string, { teamId: string | null; team: string; months: Map<string, Record<AuditGrade, number> & { moderated: number }> }>();
  for (const r of rows) {
    const key = r.team_id ?? '';
    let t = teams.get(key);
    if (!t) {
      t = { teamId: r.team_id, team: r.team ?? 'No team', months: new Map() };
      teams.set(key, t);
    }
    let m = t.months.get(r.month);
    if (!m) {
      m = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0, moderated: 0 };
      t.months.set(r.month, m);
    }
    m[r.grade as AuditGrade] += Number(r.n);
    m.moderated += Number(r.moderated);
  }
  return {
    asOf,
    teams: [...teams.values()].map((t) => ({
      teamId: t.teamId,
      team: t.team,
      months: [...t.months.entries()].map(([month, grades]) => ({ month, ...grades })),
    })),
  };
}
