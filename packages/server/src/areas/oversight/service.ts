/**
 * Management oversight on the child's record: decisions at key points with who decided, the
 * reasons and the evidence seen; structured risk assessments with the manager's view beside the
 * worker's; case audits graded against the council's questions, moderated by a second auditor,
 * with actions; and the accountability view — every decision on a child, or by a worker.
 */
import { randomUUID } from 'node:crypto';
import { todayInEngland } from '@lantern/core/calendar';
import { ALLOCATION_ROLE } from '@lantern/core/codes';
import { ASSESSMENT_OUTCOME } from '@lantern/core/pathway';
import { scopeFor } from '@lantern/core/permissions';
import {
  AUDIT_GRADE,
  type AuditGrade,
  type auditActionDone,
  DECISION_KIND,
  type managerView,
  type moderation,
  type newCaseAudit,
  type newDecision,
  type newRiskAssessment,
} from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childFor, childrenInScope } from '../../kernel/access.ts';
import { audit, auditMany } from '../../kernel/audit.ts';
import { recordStep } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, forbidden, invalid, notFound, staleVersion } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { workforceSettings } from '../workforce/figures.ts';

// ---------------------------------------------------------------------------
// Decisions

export async function recordDecision(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newDecision>) {
  return recordStep(db, actor, childId, 'oversight:record', async (trx, child) => {
    new DateRules().notInFuture('decidedOn', input.decidedOn).notBefore('decidedOn', input.decidedOn, child.date_of_birth, 'the child’s birth').check();
    const episode = await trx
      .selectFrom('cin_episode')
      .select('episode_id')
      .where('la_code', '=', actor.user.laCode)
      .where('child_id', '=', childId)
      .where('closure_date', 'is', null)
      .executeTakeFirst();
    const decisionId = randomUUID();
    await trx
      .insertInto('management_decision')
      .values({
        la_code: actor.user.laCode,
        decision_id: decisionId,
        child_id: childId,
        episode_id: episode?.episode_id ?? null,
        kind: input.kind,
        decided_on: input.decidedOn,
        decided_by: actor.user.userId,
        reasons: input.reasons,
        evidence_seen: input.evidenceSeen,
      })
      .execute();
    return {
      result: { decisionId },
      chronology: [
        {
          occurredOn: input.decidedOn,
          category: 'management-decision',
          summary: `${DECISION_KIND[input.kind]} (${actor.user.displayName}): ${input.reasons}`,
          recordType: 'management-decision',
          recordId: decisionId,
        },
      ],
      audit: [{ action: 'create', recordType: 'management-decision', recordId: decisionId, detail: { kind: input.kind } }],
    };
  });
}

/**
 * Every decision made on the record, from every area, in one shape: what was decided, when, by
 * whom (their user and worker record), why, and on what evidence.
 */
const decisions = (laCode: string) => sql`
  select m.child_id, m.decided_on as on_date, 'management-decision' as record_type, m.decision_id::text as record_id, m.kind,
    m.decided_by as user_id, null::uuid as worker_id, m.reasons, m.evidence_seen as evidence, m.what_changed as detail, m.created_at as recorded_at
  from management_decision m where m.la_code = ${laCode}
  union all
  select c.child_id, c.decided_on, 'contact', c.contact_id::text, 'contact-' || c.decision, c.decided_by, null, c.decision_reason, c.presenting_concern, null, c.recorded_at
  from contact c where c.la_code = ${laCode} and c.decided_on is not null
  union all
  select a.child_id, a.authorised_on, 'assessment', a.assessment_id::text, 'assessment-authorised', a.authorised_by, null, a.late_reason, null, a.outcome, a.created_at
  from assessment a where a.la_code = ${laCode} and a.authorised_on is not null
  union all
  select s.child_id, s.held_on, 'strategy-discussion', s.strategy_id::text, 'strategy-' || s.decision, s.created_by, null, s.reasons, array_to_string(s.agencies, ', '), null, s.created_at
  from strategy_discussion s where s.la_code = ${laCode}
  union all
  select a.child_id, a.start_date, 'allocation', a.allocation_id::text, 'allocation', a.allocated_by, null,
    coalesce(a.start_reason, 'Allocated'), null, a.allocation_role || ': ' || w.given_name || ' ' || w.family_name, a.created_at
  from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id where a.la_code = ${laCode} and a.allocated_by is not null
  union all
  select sc.child_id, s.held_on, 'supervision', s.supervision_id::text, 'supervision-direction', null, s.supervisor_worker_id, sc.direction, null,
    'Supervision of ' || w.given_name || ' ' || w.family_name, s.recorded_at
  from supervision_child sc join supervision s on s.la_code = sc.la_code and s.supervision_id = sc.supervision_id
    join worker w on w.la_code = s.la_code and w.worker_id = s.worker_id
  where sc.la_code = ${laCode}
  union all
  select ca.child_id, ca.audited_on, 'case-audit', ca.case_audit_id::text, 'case-audit', ca.auditor_user_id, null, ca.summary, null, 'Graded ' || ca.grade, ca.recorded_at
  from case_audit ca where ca.la_code = ${laCode}
  union all
  select ca.child_id, ca.moderated_on, 'case-audit', ca.case_audit_id::text, 'case-audit-moderation', ca.moderator_user_id, null, ca.moderation_notes, null, 'Moderated to ' || ca.moderated_grade, ca.recorded_at
  from case_audit ca where ca.la_code = ${laCode} and ca.moderated_on is not null
  union all
  select r.child_id, r.manager_on, 'risk-assessment', r.risk_assessment_id::text, 'risk-manager-view', r.manager_user_id, null, r.manager_view, null,
    'Safety scale: worker ' || r.worker_scale || ', manager ' || r.manager_scale, r.recorded_at
  from risk_assessment r where r.la_code = ${laCode} and r.manager_on is not null`;

type DecisionRow = {
  child_id: string;
  la_child_id: string | null;
  child_name: string;
  on_date: string;
  record_type: string;
  record_id: string;
  kind: string;
  user_id: string | null;
  worker_id: string | null;
  decided_by: string | null;
  role: string | null;
  reasons: string | null;
  evidence: string | null;
  detail: string | null;
};

const KIND_LABELS: Record<string, string> = {
  ...DECISION_KIND,
  'contact-nfa': 'Contact: no further action',
  'contact-early-help': 'Contact: early help',
  'contact-referral': 'Contact: referred for assessment',
  'assessment-authorised': 'Assessment authorised',
  'strategy-section-47': 'Strategy discussion: section 47 enquiry',
  'strategy-no-section-47': 'Strategy discussion: no section 47',
  allocation: 'Allocation',
  'supervision-direction': 'Supervision direction',
  'case-audit': 'Case audit',
  'case-audit-moderation': 'Case audit moderated',
  'risk-manager-view': 'Manager’s view of the risk assessment',
};

async function decisionRows(db: Kysely<Database>, laCode: string, where: ReturnType<typeof sql>, limit: number) {
  const rows = await sql<DecisionRow>`
    select d.child_id, p.la_child_id, p.given_name || ' ' || p.family_name as child_name, d.on_date::text as on_date, d.record_type, d.record_id, d.kind,
      coalesce(d.user_id, u2.user_id) as user_id, coalesce(d.worker_id, u.worker_id) as worker_id,
      coalesce(w.given_name || ' ' || w.family_name, u.display_name, u2.display_name) as decided_by,
      coalesce(u.role, u2.role) as role, d.reasons, d.evidence, d.detail
    from (${decisions(laCode)}) d
    join person p on p.la_code = ${laCode} and p.person_id = d.child_id
    left join app_user u on u.la_code = ${laCode} and u.user_id = d.user_id
    left join lateral (select x.user_id, x.display_name, x.role from app_user x where x.la_code = ${laCode} and d.worker_id is not null and x.worker_id = d.worker_id limit 1) u2 on true
    left join worker w on w.la_code = ${laCode} and w.worker_id = coalesce(d.worker_id, u.worker_id)
    where ${where}
    order by d.on_date desc, d.recorded_at desc, d.record_id desc
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    childId: r.child_id,
    laChildId: r.la_child_id ?? '',
    childName: r.child_name,
    on: String(r.on_date).slice(0, 10),
    kind: r.kind,
    label: KIND_LABELS[r.kind] ?? r.kind,
    recordType: r.record_type,
    recordId: r.record_id,
    decidedBy: r.decided_by,
    decidedByUserId: r.user_id,
    decidedByWorkerId: r.worker_id,
    role: r.role,
    reasons: r.reasons,
    evidence: r.evidence,
    detail: plainDetail(r.kind, r.detail),
  }));
}

/** The codes some sources carry in their detail (an allocation's role, an assessment's outcome), in words. */
function plainDetail(kind: string, detail: string | null): string | null {
  if (detail === null) return null;
  if (kind === 'assessment-authorised') return `Outcome: ${ASSESSMENT_OUTCOME[detail as keyof typeof ASSESSMENT_OUTCOME] ?? detail}`;
  if (kind === 'allocation') {
    const [role = '', name = ''] = detail.split(/: (.*)/s);
    return `${ALLOCATION_ROLE[role as keyof typeof ALLOCATION_ROLE] ?? role}: ${name}`;
  }
  return detail;
}

/** Every decision made on a child's record, newest first, with the management oversight deadline. */
export async function childAccountability(db: Kysely<Database>, actor: Actor, childId: string) {
  const laCode = actor.user.laCode;
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await decisionRows(db, laCode, sql`d.child_id = ${childId}`, 2000);
  const oversight = await db
    .selectFrom('obligation')
    .select(['start_date', 'due_date'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('rule_id', '=', 'management-oversight')
    .where('met_on', 'is', null)
    .where('ended_on', 'is', null)
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
  const today = todayInEngland();
  await audit(db, actor, { action: 'read', recordType: 'accountability', childId });
  return {
    decisions: rows,
    oversight: oversight
      ? {
          lastOversight: oversight.start_date,
          dueDate: oversight.due_date,
          overdue: oversight.due_date < today,
          daysSince: daysBetween(oversight.start_date, today),
        }
      : null,
  };
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** Every decision a worker made (as themselves or through their user), on the children the reader may see. */
export async function workerAccountability(db: Kysely<Database>, actor: Actor, workerId: string) {
  const laCode = actor.user.laCode;
  const worker = await db
    .selectFrom('worker')
    .select(['given_name', 'family_name'])
    .where('la_code', '=', laCode)
    .where('worker_id', '=', workerId)
    .executeTakeFirst();
  if (!worker) throw notFound('worker');
  const readScope = scopeFor(actor.user.role, 'child:read');
  if (!readScope) return { worker: { workerId, name: `${worker.given_name} ${worker.family_name}` }, decisions: [] };
  const all = await decisionRows(
    db,
    laCode,
    sql`(d.worker_id = ${workerId} or d.user_id in (select user_id from app_user where la_code = ${laCode} and worker_id = ${workerId}))`,
    1000,
  );
  const childIds = [...new Set(all.map((r) => r.childId))];
  const visible = new Set(
    childIds.length
      ? (
          await db.selectFrom('person as p').select('p.person_id').where('p.person_id', 'in', childIds).where(childrenInScope(actor.user, readScope)).execute()
        ).map((p) => p.person_id)
      : [],
  );
  const rows = all.filter((r) => visible.has(r.childId));
  await auditMany(db, actor, [
    { action: 'read', recordType: 'worker-decisions', recordId: workerId },
    ...[...new Set(rows.map((r) => r.childId))].map((childId) => ({ action: 'read' as const, recordType: 'accountability', childId })),
  ]);
  return { worker: { workerId, name: `${worker.given_name} ${worker.family_name}` }, decisions: rows };
}

// ---------------------------------------------------------------------------
// Risk assessments

/** Worker more hopeful than their manager by this many points on the safety scale: over-optimism. */
const OPTIMISM_GAP = 2;

export async function recordRiskAssessment(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newRiskAssessment>) {
  return recordStep(db, actor, childId, 'casework:record', async (trx) => {
    new DateRules().notInFuture('assessedOn', input.assessedOn).check();
    const id = randomUUID();
    await trx
      .insertInto('risk_assessment')
      .values({
        la_code: actor.user.laCode,
        risk_assessment_id: id,
        child_id: childId,
        assessed_on: input.assessedOn,
        worries: input.worries,
        strengths: input.strengths,
        next_steps: input.nextSteps,
        worker_scale: input.workerScale,
        family_scale: input.familyScale ?? null,
        recorded_by: actor.user.userId,
      })
      .execute();
    return {
      result: { riskAssessmentId: id },
      chronology: [
        {
          occurredOn: input.assessedOn,
          category: 'case-note',
          summary: `Risk assessment: safety ${input.workerScale}/10 (worker)${input.familyScale != null ? `, ${input.familyScale}/10 (family)` : ''}`,
          recordType: 'risk-assessment',
          recordId: id,
        },
      ],
      audit: [{ action: 'create', recordType: 'risk-assessment', recordId: id }],
    };
  });
}

export async function recordManagerView(db: Kysely<Database>, actor: Actor, childId: string, riskAssessmentId: string, input: z.infer<typeof managerView>) {
  return recordStep(db, actor, childId, 'oversight:record', async (trx) => {
    const ra = await trx
      .selectFrom('risk_assessment')
      .selectAll()
      .where('la_code', '=', actor.user.laCode)
      .where('risk_assessment_id', '=', riskAssessmentId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!ra) throw notFound('risk assessment');
    if (ra.version !== input.version) throw staleVersion(ra.version, input.version);
    if (ra.recorded_by === actor.user.userId)
      throw invalid([{ field: 'managerScale', rule: 'second-view', message: 'The manager’s view is another person’s' }]);
    new DateRules().notInFuture('on', input.on).notBefore('on', input.on, ra.assessed_on, 'the assessment').check();
    await trx
      .updateTable('risk_assessment')
      .set({ manager_scale: input.managerScale, manager_view: input.view, manager_user_id: actor.user.userId, manager_on: input.on, version: ra.version + 1 })
      .where('la_code', '=', actor.user.laCode)
      .where('risk_assessment_id', '=', riskAssessmentId)
      .execute();
    return {
      result: { riskAssessmentId, version: ra.version + 1 },
      chronology: [
        {
          occurredOn: input.on,
          category: 'management-decision',
          summary: `Manager’s view of the risk assessment: safety ${input.managerScale}/10 (worker ${ra.worker_scale}/10) — ${input.view}`,
          recordType: 'risk-assessment',
          recordId: riskAssessmentId,
        },
      ],
      audit: [{ action: 'update', recordType: 'risk-assessment', recordId: riskAssessmentId }],
    };
  });
}

export async function riskAssessments(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await db
    .selectFrom('risk_assessment as r')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'r.la_code').onRef('u.user_id', '=', 'r.recorded_by'))
    .leftJoin('app_user as m', (j) => j.onRef('m.la_code', '=', 'r.la_code').onRef('m.user_id', '=', 'r.manager_user_id'))
    .select([
      'r.risk_assessment_id',
      'r.assessed_on',
      'r.worries',
      'r.strengths',
      'r.next_steps',
      'r.worker_scale',
      'r.family_scale',
      'r.manager_scale',
      'r.manager_view',
      'r.manager_on',
      'r.version',
      'u.display_name as recorded_by',
      'm.display_name as manager',
    ])
    .where('r.la_code', '=', actor.user.laCode)
    .where('r.child_id', '=', childId)
    .orderBy('r.assessed_on', 'desc')
    .execute();
  await audit(db, actor, { action: 'read', recordType: 'risk-assessment', childId });
  return {
    riskAssessments: rows.map((r) => {
      const gap = r.manager_scale === null ? null : r.worker_scale - r.manager_scale;
      return {
        riskAssessmentId: r.risk_assessment_id,
        assessedOn: r.assessed_on,
        worries: r.worries,
        strengths: r.strengths,
        nextSteps: r.next_steps,
        workerScale: r.worker_scale,
        familyScale: r.family_scale,
        recordedBy: r.recorded_by,
        managerScale: r.manager_scale,
        managerView: r.manager_view,
        manager: r.manager,
        managerOn: r.manager_on,
        gap,
        // Higher on the scale is safer: a worker well above their manager is over-optimistic.
        overOptimistic: gap !== null && gap >= OPTIMISM_GAP,
        version: r.version,
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// Case audits

export async function recordCaseAudit(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newCaseAudit>) {
  const laCode = actor.user.laCode;
  const { auditQuestions } = await workforceSettings(db, laCode);
  return recordStep(db, actor, childId, 'case-audit:record', async (trx) => {
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
      .where('a.la_code', '=', laCode)
      .where('a.child_id', '=', childId)
      .where('a.end_date', 'is', null)
      .execute();
    if (actor.user.workerId && holding.some((h) => h.worker_id === actor.user.workerId))
      throw conflict('You hold this child’s case, so cannot audit it', [{ field: 'childId', rule: 'auditor-independent', message: 'Ask another auditor' }]);
    const teamId = holding.find((h) => h.allocation_role === 'social-worker')?.team_id ?? null;
    const id = randomUUID();
    await trx
      .insertInto('case_audit')
      .values({
        la_code: laCode,
        case_audit_id: id,
        child_id: childId,
        team_id: teamId,
        audited_on: input.auditedOn,
        auditor_user_id: actor.user.userId,
        grade: input.grade,
        answers: JSON.stringify(input.answers.map((a) => ({ ...a, question: asked.get(a.questionId), comment: a.comment ?? null }))),
        summary: input.summary,
      })
      .execute();
    if (input.actions.length)
      await trx
        .insertInto('case_audit_action')
        .values(
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
        )
        .execute();
    return {
      result: { caseAuditId: id },
      chronology: [
        {
          occurredOn: input.auditedOn,
          category: 'management-decision',
          summary: `Case audit (${actor.user.displayName}): ${AUDIT_GRADE[input.grade]} — ${input.summary}`,
          recordType: 'case-audit',
          recordId: id,
        },
      ],
      audit: [{ action: 'create', recordType: 'case-audit', recordId: id, detail: { grade: input.grade, actions: input.actions.length } }],
    };
  });
}

export async function moderateCaseAudit(db: Kysely<Database>, actor: Actor, childId: string, caseAuditId: string, input: z.infer<typeof moderation>) {
  return recordStep(db, actor, childId, 'case-audit:record', async (trx) => {
    const ca = await trx
      .selectFrom('case_audit')
      .selectAll()
      .where('la_code', '=', actor.user.laCode)
      .where('case_audit_id', '=', caseAuditId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!ca) throw notFound('case audit');
    if (ca.version !== input.version) throw staleVersion(ca.version, input.version);
    if (ca.auditor_user_id === actor.user.userId)
      throw invalid([{ field: 'grade', rule: 'second-auditor', message: 'Moderation is by a second auditor, not the first' }]);
    if (ca.moderated_on)
      throw conflict(`Already moderated on ${ca.moderated_on}`, [{ field: 'caseAuditId', rule: 'already-moderated', message: 'Moderated already' }]);
    new DateRules().notInFuture('moderatedOn', input.moderatedOn).notBefore('moderatedOn', input.moderatedOn, ca.audited_on, 'the audit').check();
    await trx
      .updateTable('case_audit')
      .set({
        moderator_user_id: actor.user.userId,
        moderated_on: input.moderatedOn,
        moderated_grade: input.grade,
        moderation_notes: input.notes,
        version: ca.version + 1,
      })
      .where('la_code', '=', actor.user.laCode)
      .where('case_audit_id', '=', caseAuditId)
      .execute();
    return {
      result: { caseAuditId, version: ca.version + 1 },
      chronology: [
        {
          occurredOn: input.moderatedOn,
          category: 'management-decision',
          summary: `Case audit moderated (${actor.user.displayName}): ${AUDIT_GRADE[ca.grade as AuditGrade]} → ${AUDIT_GRADE[input.grade]}`,
          recordType: 'case-audit',
          recordId: caseAuditId,
        },
      ],
      audit: [{ action: 'update', recordType: 'case-audit', recordId: caseAuditId, detail: { moderatedGrade: input.grade } }],
    };
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
    .where('c.la_code', '=', laCode)
    .where('c.child_id', '=', childId)
    .orderBy('c.audited_on', 'desc')
    .execute();
  const actions = await db
    .selectFrom('case_audit_action as x')
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'x.la_code').onRef('w.worker_id', '=', 'x.owner_worker_id'))
    .leftJoin('app_user as cu', (j) => j.onRef('cu.la_code', '=', 'x.la_code').onRef('cu.user_id', '=', 'x.completed_by'))
    .select([
      'x.action_id',
      'x.case_audit_id',
      'x.finding',
      'x.action',
      'x.owner_worker_id',
      'x.due_date',
      'x.completed_on',
      'x.completion_evidence',
      'x.version',
      'w.given_name',
      'w.family_name',
      'cu.display_name as completed_by',
    ])
    .where('x.la_code', '=', laCode)
    .where('x.child_id', '=', childId)
    .orderBy('x.due_date')
    .execute();
  await audit(db, actor, { action: 'read', recordType: 'case-audit', childId });
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
  const found = await db.selectFrom('case_audit_action').select('child_id').where('la_code', '=', laCode).where('action_id', '=', actionId).executeTakeFirst();
  if (!found) throw notFound('audit action');
  return recordStep(db, actor, found.child_id, 'child:read', async (trx) => {
    const a = await trx
      .selectFrom('case_audit_action as x')
      .innerJoin('case_audit as c', (j) => j.onRef('c.la_code', '=', 'x.la_code').onRef('c.case_audit_id', '=', 'x.case_audit_id'))
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'x.la_code').onRef('w.worker_id', '=', 'x.owner_worker_id'))
      .select([
        'x.action_id',
        'x.case_audit_id',
        'x.finding',
        'x.action',
        'x.owner_worker_id',
        'x.due_date',
        'x.completed_on',
        'x.completed_by',
        'x.completion_evidence',
        'x.version',
        'c.audited_on',
        'c.auditor_user_id',
        'w.worker_id',
        'w.team_id',
        'w.supervisor_worker_id',
      ])
      .where('x.la_code', '=', laCode)
      .where('x.action_id', '=', actionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!mayCompleteAction(actor, a)) throw forbidden('Only the action’s owner or their manager may mark it done');
    if (a.version !== input.version) throw staleVersion(a.version, input.version);
    if (a.completed_on) throw conflict(`Marked done on ${a.completed_on}`, [{ field: 'actionId', rule: 'already-completed', message: 'Marked done already' }]);
    new DateRules().notInFuture('completedOn', input.completedOn).notBefore('completedOn', input.completedOn, a.audited_on, 'the audit').check();
    const version = a.version + 1;
    await trx
      .updateTable('case_audit_action')
      .set({ completed_on: input.completedOn, completed_by: actor.user.userId, completion_evidence: input.evidence, version })
      .where('la_code', '=', laCode)
      .where('action_id', '=', actionId)
      .where('version', '=', a.version)
      .execute();
    return {
      result: { actionId, version, completedOn: input.completedOn },
      chronology: [
        {
          occurredOn: input.completedOn,
          category: 'management-decision',
          summary: `Case audit action done (${actor.user.displayName}): ${a.action} — evidence: ${input.evidence}`,
          recordType: 'case-audit',
          recordId: a.case_audit_id,
        },
      ],
      audit: [{ action: 'update', recordType: 'case-audit-action', recordId: actionId, detail: { completedOn: input.completedOn, version } }],
    };
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
