/**
 * The manager's queues, each exact and each its own counted, paged list: assessments to
 * authorise, plans to authorise, closures and step-downs, transfers offered to the team, and
 * contacts they decide. And the worker's other side of it: work returned by a manager, shown
 * until the worker sends it again.
 */
import { DECISION_KINDS, type DecisionKind } from '@lantern/core/work';
import { sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import { childItem, type Days, listSection, NO_ID, overdueBy, type SectionDef, visible } from './sections.ts';

const person = (u: CurrentUser, child: string) => sql`join person p on p.la_code = ${u.laCode} and p.person_id = ${sql.ref(child)} where ${visible(u)} and`;
const childCols = sql`p.given_name, p.family_name, p.la_child_id`;

/**
 * The team holding the child: the allocated social worker's team, else the team the case was
 * routed to. A manager decides for the children their team holds.
 */
const heldBy = (team: string, child: string) => sql`(
  exists (select 1 from allocation al join worker w on w.la_code = al.la_code and w.worker_id = al.worker_id
    where al.la_code = p.la_code and al.child_id = ${sql.ref(child)} and al.allocation_role = 'social-worker' and al.end_date is null and w.team_id = ${team})
  or (not exists (select 1 from allocation al where al.la_code = p.la_code and al.child_id = ${sql.ref(child)} and al.allocation_role = 'social-worker' and al.end_date is null)
    and exists (select 1 from case_team ct where ct.la_code = p.la_code and ct.child_id = ${sql.ref(child)} and ct.ended_on is null and ct.team_id = ${team})))`;

/** Requests of these kinds waiting for this team's manager. */
function requests(u: CurrentUser, def: { id: string; title: string; empty: string; kinds: DecisionKind[] }): SectionDef {
  return listSection(
    {
      ...def,
      select: () => sql`r.request_id, r.child_id, r.kind, r.sent_on, r.reasons, r.times_sent, su.display_name as sent_name, ${childCols}`,
      from: () => sql`from decision_request r left join app_user su on su.la_code = r.la_code and su.user_id = r.sent_by
        ${person(u, 'r.child_id')} r.la_code = ${u.laCode} and r.status = 'requested' and r.team_id = ${u.teamId ?? NO_ID} and r.kind = any(${def.kinds}::text[])`,
      order: () => sql`r.sent_on, p.family_name, r.request_id`,
    },
    (r) =>
      childItem(r, {
        key: String(r.request_id),
        what: `${DECISION_KINDS[r.kind as DecisionKind]}${Number(r.times_sent) > 1 ? ' (sent again)' : ''}`,
        who: (r.sent_name as string | null) ?? null,
        note: `Sent on ${r.sent_on}: ${String(r.reasons).slice(0, 200)}`,
        href: `/children/${r.child_id}/work/decide?request=${r.request_id}`,
      }),
  );
}

export function managerQueues(u: CurrentUser, d: Days): SectionDef[] {
  const team = u.teamId ?? NO_ID;
  return [
    listSection(
      {
        id: 'decide-assessments',
        title: 'Assessments to authorise',
        empty: 'No assessments are waiting for you to authorise.',
        select: () => sql`a.assessment_id, a.child_id, a.completed_on, ${childCols}`,
        // Few wait at once (a partial index holds them): read those, then whether the team holds each.
        from: () =>
          sql`from assessment a ${person(u, 'a.child_id')} a.la_code = ${u.laCode} and a.completed_on is not null and a.authorised_on is null and ${heldBy(team, 'a.child_id')}`,
        order: () => sql`a.completed_on, p.family_name, a.assessment_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.assessment_id),
          what: 'Assessment to authorise',
          note: `Completed on ${r.completed_on}`,
          href: `/children/${r.child_id}/record/assessment/${r.assessment_id}/authorise`,
        }),
    ),
    requests(u, { id: 'decide-plans', title: 'Plans to authorise', empty: 'No plans are waiting for you to authorise.', kinds: ['plan'] }),
    requests(u, {
      id: 'decide-closures',
      title: 'Closures and step-downs to decide',
      empty: 'No closures or step-downs are waiting for your decision.',
      kinds: ['closure', 'step-down'],
    }),
    listSection(
      {
        id: 'decide-transfers',
        title: 'Transfers offered to your team',
        empty: 'No cases are being offered to your team.',
        select: () => sql`x.transfer_id, x.child_id, x.requested_on, x.reason, ft.name as from_team, ${childCols}`,
        from: () => sql`from case_transfer x left join team ft on ft.la_code = x.la_code and ft.team_id = x.from_team_id
          ${person(u, 'x.child_id')} x.la_code = ${u.laCode} and x.to_team_id = ${team} and x.status = 'requested'`,
        order: () => sql`x.requested_on, p.family_name, x.transfer_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.transfer_id),
          what: 'Transfer offered to your team',
          who: (r.from_team as string | null) ?? null,
          note: `Asked on ${r.requested_on}: ${String(r.reason).slice(0, 200)}`,
          href: `/children/${r.child_id}/work/transfer-decision`,
        }),
    ),
    listSection(
      {
        id: 'decide-contacts',
        title: 'Contacts for you to decide',
        empty: 'No contacts are waiting for your decision.',
        select: () => sql`o.source_id, o.child_id, o.due_date, ${childCols}`,
        from: () => sql`from obligation o ${person(u, 'o.child_id')} o.la_code = ${u.laCode} and o.rule_id = 'contact-decision' and o.met_on is null and o.ended_on is null
          and o.responsible_worker_id = ${u.workerId ?? NO_ID}`,
        order: () => sql`o.due_date, p.family_name, o.source_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.source_id),
          what: 'Contact to decide',
          dueDate: String(r.due_date),
          daysOverdue: overdueBy(String(r.due_date), d.asOf),
          href: `/children/${r.child_id}/record/contact/${r.source_id}/decision`,
        }),
    ),
  ];
}

/** Work a manager returned to this worker, until the worker sends it again: requests and written assessments. */
export function returnedWork(u: CurrentUser): SectionDef {
  const union = sql`
    select 'request' as source, r.request_id as key, r.child_id, r.kind, r.decided_on as returned_on, r.decision_reasons as reasons, du.display_name as by_name
    from decision_request r left join app_user du on du.la_code = r.la_code and du.user_id = r.decided_by
    where r.la_code = ${u.laCode} and r.status = 'returned' and r.sent_by = ${u.userId}
    union all
    select 'assessment', ar.assessment_id, ar.child_id, 'assessment', ar.returned_on, ar.return_reasons, ru.display_name
    from assessment_record ar left join app_user ru on ru.la_code = ar.la_code and ru.user_id = ar.returned_by
    where ar.la_code = ${u.laCode} and ar.status = 'returned' and ar.submitted_by = ${u.userId}`;
  return listSection(
    {
      id: 'returned',
      title: 'Returned to you by a manager',
      empty: 'Nothing is waiting for you to change and send again.',
      select: () => sql`q.*, ${childCols}`,
      from: () => sql`from (${union}) q ${person(u, 'q.child_id')} true`,
      order: () => sql`q.returned_on, p.family_name, q.key`,
    },
    (r) =>
      childItem(r, {
        key: `${r.source}:${r.key}`,
        what: `${r.source === 'assessment' ? 'Assessment' : DECISION_KINDS[r.kind as DecisionKind]} returned${r.by_name ? ` by ${r.by_name}` : ''}`,
        note: `On ${r.returned_on}: ${String(r.reasons ?? '').slice(0, 200)}`,
        href:
          r.source === 'assessment'
            ? `/children/${r.child_id}/assessments/${r.key}`
            : `/children/${r.child_id}/work/${r.kind === 'plan' ? 'send-plan' : 'send-closure'}?request=${r.key}`,
      }),
  );
}
