/** The landing pages of those who hold cases: the social worker, the team manager, the front door. */
import { CONTACT_DECISION } from '@lantern/core/pathway';
import { type Kysely, sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { managerQueues, returnedWork } from './queues.ts';
import { childItem, type Days, item, listSection, NO_ID, obligationSection, overdueBy, ruleLabel, type SectionDef, visible } from './sections.ts';

import { grouped, mine, ofRules, PLAN_ACTION_RULES, yourOverdue } from './sections.ts';

export function socialWorker(u: CurrentUser, d: Days): SectionDef[] {
  return [
    yourOverdue(u, d),
    obligationSection(u, d, {
      id: 'due-soon',
      title: 'Due in the next 5 working days',
      empty: 'Nothing falls due in the next 5 working days.',
      where: () => sql`${mine(u)} and o.due_date between ${d.asOf} and ${d.in5}`,
    }),
    obligationSection(u, d, {
      id: 'visits',
      title: 'Visits due this week',
      empty: 'No visits fall due this week.',
      where: () => sql`${mine(u)} and o.rule_id like '%visit%' and o.due_date between ${d.asOf} and ${d.weekEnd}`,
    }),
    obligationSection(u, d, {
      id: 'plan-actions',
      title: 'Plan actions you owe',
      empty: 'No plan actions are waiting for you.',
      where: () => sql`${mine(u)} and ${ofRules(PLAN_ACTION_RULES)}`,
    }),
    returnedWork(u),
    newAllocations(u, d),
  ];
}

export function newAllocations(u: CurrentUser, d: Days): SectionDef {
  return listSection(
    {
      id: 'new-allocations',
      title: 'Newly allocated to you',
      empty: 'No children allocated to you in the last 14 days.',
      select: () => sql`a.allocation_id, a.child_id, a.start_date, a.start_reason, p.given_name, p.family_name, p.la_child_id`,
      from: () => sql`from allocation a join person p on p.la_code = a.la_code and p.person_id = a.child_id
        where a.la_code = ${u.laCode} and a.worker_id = ${u.workerId ?? NO_ID} and a.end_date is null and a.start_date between ${d.since14} and ${d.asOf}`,
      order: () => sql`a.start_date desc, p.family_name, a.allocation_id`,
    },
    (r) => childItem(r, { key: String(r.allocation_id), what: 'Allocated to you', note: `From ${r.start_date}${r.start_reason ? `: ${r.start_reason}` : ''}` }),
  );
}

export function supervisionsDue(u: CurrentUser, d: Days): SectionDef {
  return listSection(
    {
      id: 'supervisions',
      title: 'Supervisions due',
      empty: 'No supervisions due in the next 5 working days.',
      select: () => sql`o.worker_id, o.rule_id, o.source_id, o.due_date, w.given_name, w.family_name`,
      from: () => sql`from worker_obligation o join worker w on w.la_code = o.la_code and w.worker_id = o.worker_id
        where o.la_code = ${u.laCode} and o.responsible_worker_id = ${u.workerId ?? NO_ID} and o.met_on is null and o.ended_on is null and o.due_date <= ${d.in5}`,
      order: () => sql`o.due_date, w.family_name, o.source_id`,
    },
    (r) =>
      item({
        key: `${r.worker_id}:${r.rule_id}:${r.source_id}`,
        what: `${ruleLabel(String(r.rule_id))}: ${r.given_name} ${r.family_name}`,
        dueDate: String(r.due_date),
        daysOverdue: overdueBy(String(r.due_date), d.asOf),
        href: `/workers/${r.worker_id}/supervision`,
      }),
  );
}

export function teamManager(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  const team = u.teamId ?? NO_ID;
  return [
    ...managerQueues(u, d),
    obligationSection(u, d, {
      id: 'to-allocate',
      title: 'New referrals and children to allocate',
      empty: 'Every child your team holds has a social worker.',
      where: () => sql`o.rule_id = 'allocation' and o.responsible_team_id = ${team}`,
    }),
    grouped(db, u, d, {
      id: 'team-overdue',
      title: 'Your team’s overdue work, by worker',
      empty: 'Nothing overdue in your team.',
      where: () => sql`o.responsible_team_id = ${team}`,
      by: 'worker',
    }),
    supervisionsDue(u, d),
    obligationSection(u, d, {
      id: 'my-work',
      title: 'Your own work',
      empty: 'Nothing open that you own.',
      where: () => sql`${mine(u)} and o.rule_id not in ('contact-decision', 'allocation')`,
      more: { href: '/work', text: 'Your full worklist' },
    }),
  ];
}

export function frontDoor(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  const child = sql`p.given_name, p.family_name, p.la_child_id`;
  return [
    listSection(
      {
        id: 'contacts',
        title: 'Contacts awaiting a decision',
        empty: 'No contacts are waiting for a decision.',
        select: () => sql`c.contact_id, c.child_id, c.received_on, o.due_date, ${child},
          floor(extract(epoch from (((coalesce(o.due_date, c.received_on) + 1)::timestamp at time zone 'Europe/London') - now())) / 3600)::int as hours_left`,
        from: () => sql`from contact c join person p on p.la_code = c.la_code and p.person_id = c.child_id
          left join obligation o on o.la_code = c.la_code and o.child_id = c.child_id and o.rule_id = 'contact-decision' and o.source_id = c.contact_id
          where c.la_code = ${u.laCode} and c.decision is null and ${visible(u)}`,
        order: () => sql`c.received_at, c.contact_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.contact_id),
          what: 'Contact to decide',
          dueDate: (r.due_date as string | null) ?? null,
          daysOverdue: r.due_date ? overdueBy(String(r.due_date), d.asOf) : null,
          hoursLeft: Number(r.hours_left),
          note: `Received ${r.received_on}`,
          href: `/children/${r.child_id}/record/contact/${r.contact_id}/decision`,
        }),
    ),
    listSection(
      {
        id: 'decided-today',
        title: 'Decided today',
        empty: 'No contacts decided today yet.',
        select: () => sql`c.contact_id, c.child_id, c.decision, t.name as team_name, ${child}`,
        from: () => sql`from contact c join person p on p.la_code = c.la_code and p.person_id = c.child_id
          left join case_team ct on ct.la_code = c.la_code and ct.episode_id = c.episode_id and c.episode_id is not null
          left join team t on t.la_code = ct.la_code and t.team_id = ct.team_id
          where c.la_code = ${u.laCode} and c.decided_on = ${d.asOf} and ${visible(u)}`,
        order: () => sql`p.family_name, c.contact_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.contact_id),
          what: CONTACT_DECISION[r.decision as keyof typeof CONTACT_DECISION] ?? String(r.decision),
          who: r.decision === 'referral' ? ((r.team_name as string | null) ?? 'No team chosen yet') : null,
        }),
    ),
    ...teamManager(db, u, d).filter((s) => s.id === 'my-work'),
  ];
}
