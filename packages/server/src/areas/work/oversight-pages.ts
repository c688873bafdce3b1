/** The landing pages of those who oversee: the IRO and their manager, the head of service, a partner agency. */
import { PARTNER_REQUEST_TYPE, type PartnerRequestType } from '@lantern/core/partners';
import { HEARING_TYPE, plainDate } from '@lantern/core';
import { type Kysely, sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { childItem, type Days, item, listSection, NO_ID, obligationSection, overdueBy, ruleLabel, type SectionDef, visible } from './sections.ts';

import { grouped, mine, ofRules, RECOMMENDATION_RULES, yourOverdue } from './sections.ts';

export function iro(db: Kysely<Database>, u: CurrentUser, d: Days, manager: boolean): SectionDef[] {
  const sections = [
    obligationSection(u, d, {
      id: 'reviews',
      title: 'Reviews in the next 20 working days',
      empty: 'No reviews in the next 20 working days.',
      where: () => sql`${mine(u)} and o.rule_id like '%review%' and o.due_date between ${d.asOf} and ${d.in20}`,
    }),
    obligationSection(u, d, {
      id: 'recommendations',
      title: 'Recommendations overdue',
      empty: 'No recommendations are overdue.',
      // The children first (those the IRO owes a recommendation on, or reviews), so both halves read an index rather than every recommendation overdue.
      where: () => sql`${ofRules(RECOMMENDATION_RULES)} and o.due_date < ${d.asOf} and o.child_id in (
          select o2.child_id from obligation o2 where o2.la_code = ${u.laCode} and o2.rule_id = any(${RECOMMENDATION_RULES}::text[]) and o2.met_on is null and o2.ended_on is null and o2.responsible_worker_id = ${u.workerId ?? NO_ID}
          union all select ia.child_id from allocation ia where ia.la_code = ${u.laCode} and ia.allocation_role = 'iro' and ia.end_date is null and ia.worker_id = ${u.workerId ?? NO_ID})
        and (${mine(u)} or exists (select 1 from allocation ia where ia.la_code = o.la_code and ia.child_id = o.child_id and ia.allocation_role = 'iro' and ia.end_date is null and ia.worker_id = ${u.workerId ?? NO_ID}))`,
    }),
    yourOverdue(u, d),
  ];
  if (!manager) return sections;
  return [
    listSection(
      {
        id: 'without-iro',
        title: 'Children without an IRO',
        empty: 'Every child looked after or on a protection plan has an IRO.',
        select:
          () => sql`p.person_id as child_id, p.given_name, p.family_name, p.la_child_id, e.cla_episode_id is not null as looked_after, cp.plan_id is not null as on_plan,
          least(cp.start_date, (select min(x.start_date) from cla_episode x where x.la_code = e.la_code and x.period_id = e.period_id)) as since`,
        // From the children looked after or on a plan (few), less those with an IRO (an index of current IROs), then the child.
        from: () => sql`from (
            select n.child_id from (
              select x.child_id from cla_episode x where x.la_code = ${u.laCode} and x.end_date is null
              union select y.child_id from cp_plan y where y.la_code = ${u.laCode} and y.end_date is null
            ) n where not exists (select 1 from allocation a where a.la_code = ${u.laCode} and a.child_id = n.child_id and a.allocation_role = 'iro' and a.end_date is null)
          ) q
          join person p on p.la_code = ${u.laCode} and p.person_id = q.child_id
          left join cla_episode e on e.la_code = p.la_code and e.child_id = p.person_id and e.end_date is null
          left join cp_plan cp on cp.la_code = p.la_code and cp.child_id = p.person_id and cp.end_date is null
          where ${visible(u)}`,
        order: () => sql`since, p.family_name, p.person_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.child_id),
          what: r.looked_after && r.on_plan ? 'Looked after and on a protection plan' : r.looked_after ? 'Looked after' : 'On a protection plan',
          note: r.since ? `Since ${r.since}` : null,
          href: `/children/${r.child_id}/work/iro`,
        }),
    ),
    ...sections,
    grouped(db, u, d, {
      id: 'iros-overdue',
      title: 'Your IROs’ overdue work, by IRO',
      empty: 'Nothing overdue among your IROs.',
      where: () => sql`o.responsible_team_id = ${u.teamId ?? NO_ID}`,
      by: 'worker',
    }),
  ];
}

export function headOfService(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  const preProceedings = sql`from pre_proceedings pp
    join person p on p.la_code = pp.la_code and p.person_id = pp.child_id
    left join lateral (
      select o.rule_id, o.due_date from obligation o
      where o.la_code = pp.la_code and o.child_id = pp.child_id and o.met_on is null and o.ended_on is null
        and o.rule_id in ('pre-proceedings-meeting', 'pre-proceedings-review', 'pre-proceedings-end')
      order by o.due_date limit 1
    ) nx on true
    where pp.la_code = ${u.laCode} and pp.ended_on is null and ${visible(u)}`;
  const proceedings = sql`from care_proceedings c
    join person p on p.la_code = c.la_code and p.person_id = c.child_id
    left join lateral (
      select h.held_on, h.hearing_type from court_hearing h
      where h.la_code = c.la_code and h.proceedings_id = c.proceedings_id and h.held_on >= ${d.asOf}
      order by h.held_on limit 1
    ) h on true
    where c.la_code = ${u.laCode} and c.concluded_on is null and ${visible(u)}`;
  const child = sql`p.given_name, p.family_name, p.la_child_id`;
  return [
    grouped(db, u, d, {
      id: 'overdue-by-team',
      title: 'Overdue, by team and rule',
      empty: 'Nothing is overdue in the service.',
      where: () => sql`true`,
      by: 'team-rule',
    }),
    listSection(
      {
        id: 'missing',
        title: 'Missing now',
        empty: 'No child is missing now.',
        select: () => sql`m.missing_id, m.child_id, m.kind, m.started_at, ${child}, floor(extract(epoch from now() - m.started_at) / 3600)::int as hours`,
        from: () =>
          sql`from missing_episode m join person p on p.la_code = m.la_code and p.person_id = m.child_id where m.la_code = ${u.laCode} and m.ended_at is null and ${visible(u)}`,
        order: () => sql`m.started_at, m.missing_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.missing_id),
          what: r.kind === 'A' ? 'Away from placement without permission' : 'Missing',
          note: `For ${Math.floor(Number(r.hours) / 24)} days ${Number(r.hours) % 24} hours`,
        }),
    ),
    listSection(
      {
        id: 'unregistered',
        title: 'Placements not registered for the care given',
        empty: 'No child is placed where the provider is not registered.',
        select: () => sql`a.approval_id, a.child_id, pr.name as provider_name, a.approved_on, ${child}`,
        from: () => sql`from unregistered_approval a
          join cla_episode e on e.la_code = a.la_code and e.placement_id = a.placement_id and e.end_date is null
          join person p on p.la_code = a.la_code and p.person_id = a.child_id
          join provider pr on pr.la_code = a.la_code and pr.provider_id = a.provider_id
          where a.la_code = ${u.laCode} and ${visible(u)}`,
        order: () => sql`a.approved_on, a.approval_id`,
      },
      (r) => childItem(r, { key: String(r.approval_id), what: String(r.provider_name), note: `Approved on ${r.approved_on}` }),
    ),
    // Children in pre-proceedings and in court proceedings, each with the next date that matters.
    listSection(
      {
        id: 'pre-proceedings',
        title: 'Children in pre-proceedings',
        empty: 'No child is in pre-proceedings.',
        select: () => sql`pp.pre_proceedings_id, pp.child_id, pp.letter_sent_on, nx.rule_id, nx.due_date, p.given_name, p.family_name, p.la_child_id`,
        from: () => preProceedings,
        order: () => sql`nx.due_date nulls last, pp.letter_sent_on`,
      },
      (r) =>
        childItem(r, {
          key: String(r.pre_proceedings_id),
          what: `Letter before proceedings sent ${plainDate(String(r.letter_sent_on))}`,
          note: r.due_date ? `Next: ${ruleLabel(String(r.rule_id))} by ${plainDate(String(r.due_date))}` : null,
        }),
    ),
    listSection(
      {
        id: 'proceedings',
        title: 'Children in care proceedings',
        empty: 'No child is in care proceedings.',
        select: () =>
          sql`c.proceedings_id, c.child_id, c.issued_on, c.due_on, c.court, h.held_on as hearing_on, h.hearing_type, p.given_name, p.family_name, p.la_child_id`,
        from: () => proceedings,
        order: () => sql`least(h.held_on, c.due_on), c.issued_on`,
      },
      (r) =>
        childItem(r, {
          key: String(r.proceedings_id),
          what: `Issued ${plainDate(String(r.issued_on))} at ${r.court}; must conclude by ${plainDate(String(r.due_on))}${String(r.due_on) < d.asOf ? ' (overdue)' : ''}`,
          note: r.hearing_on
            ? `Next: ${HEARING_TYPE[r.hearing_type as keyof typeof HEARING_TYPE] ?? 'hearing'} on ${plainDate(String(r.hearing_on))}`
            : `Next: conclude by ${plainDate(String(r.due_on))}`,
        }),
    ),
    obligationSection(u, d, {
      id: 'escalations',
      title: 'Open escalations: partner requests overdue',
      empty: 'No partner requests are overdue.',
      where: () => sql`o.rule_id = 'partner-response' and o.due_date < ${d.asOf}`,
    }),
    listSection(
      {
        id: 'improvement',
        title: 'Improvement actions off track',
        empty: 'Every improvement action is on track.',
        more: { href: '/improvement', text: 'The improvement plan' },
        select: () => sql`x.action_id, x.title, x.due_date, x.status`,
        from: () => sql`from improvement_action x where x.la_code = ${u.laCode} and x.status <> 'done' and (x.status = 'off-track' or x.due_date < ${d.asOf})`,
        order: () => sql`x.due_date, x.title, x.action_id`,
      },
      (r) =>
        item({
          key: String(r.action_id),
          what: String(r.title),
          dueDate: String(r.due_date),
          daysOverdue: overdueBy(String(r.due_date), d.asOf),
          note: r.status === 'off-track' ? 'Off track' : 'Past its due date',
          href: `/improvement/actions/${r.action_id}`,
        }),
    ),
  ];
}

export function partner(u: CurrentUser, d: Days): SectionDef[] {
  return [
    listSection(
      {
        id: 'requests',
        title: 'Your open requests, soonest due first',
        empty: 'No open requests.',
        select: () => sql`r.request_id, r.request_type, r.respond_by, p.given_name, p.family_name`,
        from: () => sql`from partner_request r join person p on p.la_code = r.la_code and p.person_id = r.child_id
          where r.la_code = ${u.laCode} and r.organisation_id = ${u.partnerOrganisationId ?? NO_ID} and r.answered_on is null and r.withdrawn_on is null and not p.restricted`,
        order: () => sql`r.respond_by, r.sent_on, r.request_id`,
      },
      (r) =>
        item({
          key: String(r.request_id),
          childName: `${r.given_name} ${r.family_name}`,
          what: PARTNER_REQUEST_TYPE[r.request_type as PartnerRequestType]?.label ?? 'A request',
          dueDate: String(r.respond_by),
          daysOverdue: overdueBy(String(r.respond_by), d.asOf),
          href: `/partner/requests/${r.request_id}`,
        }),
    ),
  ];
}
