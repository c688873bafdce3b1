import { ALLOCATION_ROLE } from '@lantern/core/codes';
import { ASSESSMENT_OUTCOME } from '@lantern/core/pathway';
/**
 * The accountability view: every decision on a child, or by a worker, from every area in one
 * shape. Reads are audited by the routes.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { DECISION_KIND } from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import { childFor, childrenInScope } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';

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
  const worker = await findByKey(db, laCode, 'worker', { worker_id: workerId }, 'worker');
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
  return { worker: { workerId, name: `${worker.given_name} ${worker.family_name}` }, decisions: rows };
}
