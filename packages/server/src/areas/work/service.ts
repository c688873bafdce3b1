/**
 * The landing page: for each role, what to do next, first. Every list is counted in full and
 * paged; the API returns totals and pages.
 */
import { accessRequestsToDecide, administrator } from './access-queues.ts';
import { todayInEngland } from '@lantern/core/calendar';
import { PARTNER_REQUEST_TYPE, type PartnerRequestType } from '@lantern/core/partners';
import { CONTACT_DECISION } from '@lantern/core/pathway';
import { HEARING_TYPE, plainDate } from '@lantern/core';
import type { LandingKind, LandingPage, landingQuery } from '@lantern/core/work';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { managerQueues, returnedWork } from './queues.ts';
import {
  childItem,
  type Days,
  daysFrom,
  item,
  listSection,
  NO_ID,
  obligationSection,
  overdueBy,
  querySection,
  ruleLabel,
  type SectionDef,
  visible,
} from './sections.ts';

/** Rules the landing pages single out; read by id, so they appear as soon as the engine derives them. */
export const PLAN_ACTION_RULES = ['plan-action'];
export const RECOMMENDATION_RULES = ['iro-recommendation'];

const mine = (u: CurrentUser) => sql`o.responsible_worker_id = ${u.workerId ?? NO_ID}`;
const ofRules = (ids: string[]) => sql`o.rule_id = any(${ids}::text[])`;

/** Which landing page a user gets: by role, and for a team manager of the front door, the front door's. */
async function kindOf(db: Kysely<Database>, user: CurrentUser): Promise<LandingKind> {
  if (user.role === 'team-manager' && user.teamId) {
    const team = await db.selectFrom('team').select('service').where('la_code', '=', user.laCode).where('team_id', '=', user.teamId).executeTakeFirst();
    if (team?.service === 'Front door') return 'front-door';
  }
  const byRole: Partial<Record<CurrentUser['role'], LandingKind>> = {
    'social-worker': 'social-worker',
    'team-manager': 'team-manager',
    iro: 'iro',
    'iro-manager': 'iro-manager',
    'head-of-service': 'head-of-service',
    partner: 'partner',
  };
  return byRole[user.role] ?? 'other';
}

function socialWorker(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  return [
    obligationSection(db, u, d, {
      id: 'overdue',
      title: 'Overdue',
      empty: 'Nothing of yours is overdue.',
      where: sql`${mine(u)} and o.due_date < ${d.asOf}`,
      more: { href: '/work', text: 'Your full worklist' },
    }),
    obligationSection(db, u, d, {
      id: 'due-soon',
      title: 'Due in the next 5 working days',
      empty: 'Nothing falls due in the next 5 working days.',
      where: sql`${mine(u)} and o.due_date between ${d.asOf} and ${d.in5}`,
    }),
    obligationSection(db, u, d, {
      id: 'visits',
      title: 'Visits due this week',
      empty: 'No visits fall due this week.',
      where: sql`${mine(u)} and o.rule_id like '%visit%' and o.due_date between ${d.asOf} and ${d.weekEnd}`,
    }),
    obligationSection(db, u, d, {
      id: 'plan-actions',
      title: 'Plan actions you owe',
      empty: 'No plan actions are waiting for you.',
      where: sql`${mine(u)} and ${ofRules(PLAN_ACTION_RULES)}`,
    }),
    returnedWork(db, u),
    newAllocations(db, u, d),
  ];
}

function newAllocations(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef {
  return listSection(
    db,
    {
      id: 'new-allocations',
      title: 'Newly allocated to you',
      empty: 'No children allocated to you in the last 14 days.',
      select: sql`a.allocation_id, a.child_id, a.start_date, a.start_reason, p.given_name, p.family_name, p.la_child_id`,
      from: sql`from allocation a join person p on p.la_code = a.la_code and p.person_id = a.child_id
        where a.la_code = ${u.laCode} and a.worker_id = ${u.workerId ?? NO_ID} and a.end_date is null and a.start_date between ${d.since14} and ${d.asOf}`,
      order: sql`a.start_date desc, p.family_name, a.allocation_id`,
    },
    (r) => childItem(r, { key: String(r.allocation_id), what: 'Allocated to you', note: `From ${r.start_date}${r.start_reason ? `: ${r.start_reason}` : ''}` }),
  );
}

/** Open deadlines grouped by who owns them (a team's overdue by worker, the service's by team and rule). */
function grouped(
  db: Kysely<Database>,
  u: CurrentUser,
  d: Days,
  def: { id: string; title: string; empty: string; where: ReturnType<typeof sql>; by: 'worker' | 'team-rule' },
): SectionDef {
  const keys = def.by === 'worker' ? sql`o.responsible_worker_id` : sql`o.responsible_team_id, o.rule_id`;
  const from = sql`from obligation o where o.la_code = ${u.laCode} and o.met_on is null and o.ended_on is null and o.due_date < ${d.asOf} and ${def.where} group by ${keys}`;
  // The number of groups rides on each row (counted after grouping, before the page is cut), so
  // the overdue are read once, not once to count and again for the page.
  const page = (limit: number, offset: number) => sql<Record<string, unknown>>`
    select g.*, w.given_name || ' ' || w.family_name as worker_name, t.name as team_name from (
      select ${keys}, count(*)::int as n, min(o.due_date) as oldest, count(*) over ()::int as groups ${from} order by count(*) desc, min(o.due_date) limit ${limit} offset ${offset}
    ) g
    left join worker w on w.la_code = ${u.laCode} and w.worker_id = ${def.by === 'worker' ? sql`g.responsible_worker_id` : sql`null::uuid`}
    left join team t on t.la_code = ${u.laCode} and t.team_id = ${def.by === 'worker' ? sql`null::uuid` : sql`g.responsible_team_id`}
    order by g.n desc, g.oldest`;
  const toItem = (r: Record<string, unknown>) =>
    item({
      key: def.by === 'worker' ? String(r.responsible_worker_id ?? 'none') : `${r.responsible_team_id ?? 'none'}:${r.rule_id}`,
      what: def.by === 'worker' ? String(r.worker_name ?? 'No one allocated') : ruleLabel(String(r.rule_id)),
      who: def.by === 'worker' ? null : String(r.team_name ?? 'No team'),
      count: Number(r.n),
      daysOverdue: overdueBy(String(r.oldest), d.asOf),
      dueDate: String(r.oldest),
      href: def.by === 'worker' && r.responsible_worker_id ? `/work?view=team&workerId=${r.responsible_worker_id}` : null,
    });
  const count = sql<{ n: number }>`select count(*)::int as n from (select 1 ${from}) g`;
  return {
    ...querySection(db, { id: def.id, title: def.title, empty: def.empty, count, page }, toItem),
    both: async (limit, offset) => {
      const rows = (await page(limit, offset).execute(db)).rows;
      // Past the last page no row carries the number of groups: count them.
      const total = rows.length ? Number(rows[0]?.groups) : offset > 0 ? Number((await count.execute(db)).rows[0]?.n ?? 0) : 0;
      return { total, items: rows.map(toItem) };
    },
  };
}

function supervisionsDue(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef {
  return listSection(
    db,
    {
      id: 'supervisions',
      title: 'Supervisions due',
      empty: 'No supervisions due in the next 5 working days.',
      select: sql`o.worker_id, o.rule_id, o.source_id, o.due_date, w.given_name, w.family_name`,
      from: sql`from worker_obligation o join worker w on w.la_code = o.la_code and w.worker_id = o.worker_id
        where o.la_code = ${u.laCode} and o.responsible_worker_id = ${u.workerId ?? NO_ID} and o.met_on is null and o.ended_on is null and o.due_date <= ${d.in5}`,
      order: sql`o.due_date, w.family_name, o.source_id`,
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

function teamManager(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  const team = u.teamId ?? NO_ID;
  return [
    ...managerQueues(db, u, d),
    obligationSection(db, u, d, {
      id: 'to-allocate',
      title: 'New referrals and children to allocate',
      empty: 'Every child your team holds has a social worker.',
      where: sql`o.rule_id = 'allocation' and o.responsible_team_id = ${team}`,
    }),
    grouped(db, u, d, {
      id: 'team-overdue',
      title: 'Your team’s overdue work, by worker',
      empty: 'Nothing overdue in your team.',
      where: sql`o.responsible_team_id = ${team}`,
      by: 'worker',
    }),
    supervisionsDue(db, u, d),
    obligationSection(db, u, d, {
      id: 'my-work',
      title: 'Your own work',
      empty: 'Nothing open that you own.',
      where: sql`${mine(u)} and o.rule_id not in ('contact-decision', 'allocation')`,
      more: { href: '/work', text: 'Your full worklist' },
    }),
  ];
}

function frontDoor(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  const child = sql`p.given_name, p.family_name, p.la_child_id`;
  return [
    listSection(
      db,
      {
        id: 'contacts',
        title: 'Contacts awaiting a decision',
        empty: 'No contacts are waiting for a decision.',
        select: sql`c.contact_id, c.child_id, c.received_on, o.due_date, ${child},
          floor(extract(epoch from (((coalesce(o.due_date, c.received_on) + 1)::timestamp at time zone 'Europe/London') - now())) / 3600)::int as hours_left`,
        from: sql`from contact c join person p on p.la_code = c.la_code and p.person_id = c.child_id
          left join obligation o on o.la_code = c.la_code and o.child_id = c.child_id and o.rule_id = 'contact-decision' and o.source_id = c.contact_id
          where c.la_code = ${u.laCode} and c.decision is null and ${visible(u)}`,
        order: sql`c.received_at, c.contact_id`,
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
      db,
      {
        id: 'decided-today',
        title: 'Decided today',
        empty: 'No contacts decided today yet.',
        select: sql`c.contact_id, c.child_id, c.decision, t.name as team_name, ${child}`,
        from: sql`from contact c join person p on p.la_code = c.la_code and p.person_id = c.child_id
          left join case_team ct on ct.la_code = c.la_code and ct.episode_id = c.episode_id and c.episode_id is not null
          left join team t on t.la_code = ct.la_code and t.team_id = ct.team_id
          where c.la_code = ${u.laCode} and c.decided_on = ${d.asOf} and ${visible(u)}`,
        order: sql`p.family_name, c.contact_id`,
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

function iro(db: Kysely<Database>, u: CurrentUser, d: Days, manager: boolean): SectionDef[] {
  const sections = [
    obligationSection(db, u, d, {
      id: 'reviews',
      title: 'Reviews in the next 20 working days',
      empty: 'No reviews in the next 20 working days.',
      where: sql`${mine(u)} and o.rule_id like '%review%' and o.due_date between ${d.asOf} and ${d.in20}`,
    }),
    obligationSection(db, u, d, {
      id: 'recommendations',
      title: 'Recommendations overdue',
      empty: 'No recommendations are overdue.',
      // The children first (those the IRO owes a recommendation on, or reviews), so both halves read an index rather than every recommendation overdue.
      where: sql`${ofRules(RECOMMENDATION_RULES)} and o.due_date < ${d.asOf} and o.child_id in (
          select o2.child_id from obligation o2 where o2.la_code = ${u.laCode} and o2.rule_id = any(${RECOMMENDATION_RULES}::text[]) and o2.met_on is null and o2.ended_on is null and o2.responsible_worker_id = ${u.workerId ?? NO_ID}
          union all select ia.child_id from allocation ia where ia.la_code = ${u.laCode} and ia.allocation_role = 'iro' and ia.end_date is null and ia.worker_id = ${u.workerId ?? NO_ID})
        and (${mine(u)} or exists (select 1 from allocation ia where ia.la_code = o.la_code and ia.child_id = o.child_id and ia.allocation_role = 'iro' and ia.end_date is null and ia.worker_id = ${u.workerId ?? NO_ID}))`,
    }),
    obligationSection(db, u, d, {
      id: 'overdue',
      title: 'Overdue',
      empty: 'Nothing of yours is overdue.',
      where: sql`${mine(u)} and o.due_date < ${d.asOf}`,
      more: { href: '/work', text: 'Your full worklist' },
    }),
  ];
  if (!manager) return sections;
  return [
    listSection(
      db,
      {
        id: 'without-iro',
        title: 'Children without an IRO',
        empty: 'Every child looked after or on a protection plan has an IRO.',
        select: sql`p.person_id as child_id, p.given_name, p.family_name, p.la_child_id, e.cla_episode_id is not null as looked_after, cp.plan_id is not null as on_plan,
          least(cp.start_date, (select min(x.start_date) from cla_episode x where x.la_code = e.la_code and x.period_id = e.period_id)) as since`,
        // From the children looked after or on a plan (few), less those with an IRO (an index of current IROs), then the child.
        from: sql`from (
            select n.child_id from (
              select x.child_id from cla_episode x where x.la_code = ${u.laCode} and x.end_date is null
              union select y.child_id from cp_plan y where y.la_code = ${u.laCode} and y.end_date is null
            ) n where not exists (select 1 from allocation a where a.la_code = ${u.laCode} and a.child_id = n.child_id and a.allocation_role = 'iro' and a.end_date is null)
          ) q
          join person p on p.la_code = ${u.laCode} and p.person_id = q.child_id
          left join cla_episode e on e.la_code = p.la_code and e.child_id = p.person_id and e.end_date is null
          left join cp_plan cp on cp.la_code = p.la_code and cp.child_id = p.person_id and cp.end_date is null
          where ${visible(u)}`,
        order: sql`since, p.family_name, p.person_id`,
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
      where: sql`o.responsible_team_id = ${u.teamId ?? NO_ID}`,
      by: 'worker',
    }),
  ];
}

function headOfService(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
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
      where: sql`true`,
      by: 'team-rule',
    }),
    listSection(
      db,
      {
        id: 'missing',
        title: 'Missing now',
        empty: 'No child is missing now.',
        select: sql`m.missing_id, m.child_id, m.kind, m.started_at, ${child}, floor(extract(epoch from now() - m.started_at) / 3600)::int as hours`,
        from: sql`from missing_episode m join person p on p.la_code = m.la_code and p.person_id = m.child_id where m.la_code = ${u.laCode} and m.ended_at is null and ${visible(u)}`,
        order: sql`m.started_at, m.missing_id`,
      },
      (r) =>
        childItem(r, {
          key: String(r.missing_id),
          what: r.kind === 'A' ? 'Away from placement without permission' : 'Missing',
          note: `For ${Math.floor(Number(r.hours) / 24)} days ${Number(r.hours) % 24} hours`,
        }),
    ),
    listSection(
      db,
      {
        id: 'unregistered',
        title: 'Placements not registered for the care given',
        empty: 'No child is placed where the provider is not registered.',
        select: sql`a.approval_id, a.child_id, pr.name as provider_name, a.approved_on, ${child}`,
        from: sql`from unregistered_approval a
          join cla_episode e on e.la_code = a.la_code and e.placement_id = a.placement_id and e.end_date is null
          join person p on p.la_code = a.la_code and p.person_id = a.child_id
          join provider pr on pr.la_code = a.la_code and pr.provider_id = a.provider_id
          where a.la_code = ${u.laCode} and ${visible(u)}`,
        order: sql`a.approved_on, a.approval_id`,
      },
      (r) => childItem(r, { key: String(r.approval_id), what: String(r.provider_name), note: `Approved on ${r.approved_on}` }),
    ),
    // Children in pre-proceedings and in court proceedings, each with the next date that matters.
    querySection(
      db,
      {
        id: 'pre-proceedings',
        title: 'Children in pre-proceedings',
        empty: 'No child is in pre-proceedings.',
        count: sql<{ n: number }>`select count(*)::int as n ${preProceedings}`,
        page: (limit, offset) =>
          sql`select pp.pre_proceedings_id, pp.child_id, pp.letter_sent_on, nx.rule_id, nx.due_date, p.given_name, p.family_name, p.la_child_id ${preProceedings}
            order by nx.due_date nulls last, pp.letter_sent_on limit ${limit} offset ${offset}`,
      },
      (r) =>
        item({
          key: String(r.pre_proceedings_id),
          childId: String(r.child_id),
          childName: `${r.given_name} ${r.family_name}`,
          laChildId: r.la_child_id as string | null,
          what: `Letter before proceedings sent ${plainDate(String(r.letter_sent_on))}`,
          note: r.due_date ? `Next: ${ruleLabel(String(r.rule_id))} by ${plainDate(String(r.due_date))}` : null,
        }),
    ),
    querySection(
      db,
      {
        id: 'proceedings',
        title: 'Children in care proceedings',
        empty: 'No child is in care proceedings.',
        count: sql<{ n: number }>`select count(*)::int as n ${proceedings}`,
        page: (limit, offset) =>
          sql`select c.proceedings_id, c.child_id, c.issued_on, c.due_on, c.court, h.held_on as hearing_on, h.hearing_type, p.given_name, p.family_name, p.la_child_id ${proceedings}
            order by least(h.held_on, c.due_on), c.issued_on limit ${limit} offset ${offset}`,
      },
      (r) =>
        item({
          key: String(r.proceedings_id),
          childId: String(r.child_id),
          childName: `${r.given_name} ${r.family_name}`,
          laChildId: r.la_child_id as string | null,
          what: `Issued ${plainDate(String(r.issued_on))} at ${r.court}; must conclude by ${plainDate(String(r.due_on))}${String(r.due_on) < d.asOf ? ' (overdue)' : ''}`,
          note: r.hearing_on
            ? `Next: ${HEARING_TYPE[r.hearing_type as keyof typeof HEARING_TYPE] ?? 'hearing'} on ${plainDate(String(r.hearing_on))}`
            : `Next: conclude by ${plainDate(String(r.due_on))}`,
        }),
    ),
    obligationSection(db, u, d, {
      id: 'escalations',
      title: 'Open escalations: partner requests overdue',
      empty: 'No partner requests are overdue.',
      where: sql`o.rule_id = 'partner-response' and o.due_date < ${d.asOf}`,
    }),
    listSection(
      db,
      {
        id: 'improvement',
        title: 'Improvement actions off track',
        empty: 'Every improvement action is on track.',
        more: { href: '/improvement', text: 'The improvement plan' },
        select: sql`x.action_id, x.title, x.due_date, x.status`,
        from: sql`from improvement_action x where x.la_code = ${u.laCode} and x.status <> 'done' and (x.status = 'off-track' or x.due_date < ${d.asOf})`,
        order: sql`x.due_date, x.title, x.action_id`,
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

function partner(db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  return [
    listSection(
      db,
      {
        id: 'requests',
        title: 'Your open requests, soonest due first',
        empty: 'No open requests.',
        select: sql`r.request_id, r.request_type, r.respond_by, p.given_name, p.family_name`,
        from: sql`from partner_request r join person p on p.la_code = r.la_code and p.person_id = r.child_id
          where r.la_code = ${u.laCode} and r.organisation_id = ${u.partnerOrganisationId ?? NO_ID} and r.answered_on is null and r.withdrawn_on is null and not p.restricted`,
        order: sql`r.respond_by, r.sent_on, r.request_id`,
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

const HEADINGS: Record<LandingKind, string> = {
  'social-worker': 'Your work',
  'team-manager': 'Your team’s work',
  'front-door': 'The front door',
  iro: 'Your reviews',
  'iro-manager': 'The reviewing service',
  'head-of-service': 'The service today',
  partner: 'Requests to you',
  other: 'Your work',
};

function sectionsFor(kind: LandingKind, db: Kysely<Database>, u: CurrentUser, d: Days): SectionDef[] {
  switch (kind) {
    case 'social-worker':
      return socialWorker(db, u, d);
    case 'team-manager':
      return teamManager(db, u, d);
    case 'front-door':
      return frontDoor(db, u, d);
    case 'iro':
      return iro(db, u, d, false);
    case 'iro-manager':
      return iro(db, u, d, true);
    case 'head-of-service':
      return [accessRequestsToDecide(db, u), ...headOfService(db, u, d)];
    case 'partner':
      return partner(db, u, d);
    default:
      // Analysts see the service's overdue by team and rule; the legal adviser the children in
      // pre-proceedings and proceedings; administrators hold no cases: their accounts' queues.
      if (u.role === 'legal-adviser') return headOfService(db, u, d).filter((s) => s.id === 'pre-proceedings' || s.id === 'proceedings');
      if (u.role === 'administrator') return administrator(db, u);
      return u.role === 'performance-analyst' ? headOfService(db, u, d).slice(0, 1) : [];
  }
}

/** The user's landing page, or one of its lists at a page (`section`). */
export async function landing(db: Kysely<Database>, actor: Actor, q: z.infer<typeof landingQuery>, asOf = todayInEngland()): Promise<LandingPage> {
  const user = actor.user;
  const kind = await kindOf(db, user);
  const days = daysFrom(asOf);
  let defs = sectionsFor(kind, db, user, days);
  if (q.section) {
    defs = defs.filter((s) => s.id === q.section);
    if (defs.length === 0) throw notFound('list');
  }
  const page = q.section ? q.page : 1;
  // Every list's count and page at once: PostgreSQL answers them on as many connections (PGlite,
  // with one, in turn); each is an indexed read.
  const sections = await Promise.all(
    defs.map(async (s) => {
      const offset = (page - 1) * q.pageSize;
      const { total, items } = s.both
        ? await s.both(q.pageSize, offset)
        : await Promise.all([s.total(), s.rows(q.pageSize, offset)]).then(([total, items]) => ({ total, items }));
      return { id: s.id, title: s.title, empty: s.empty, total, page, pageSize: q.pageSize, items, more: s.more ?? null };
    }),
  );
  await audit(db, actor, { action: 'read', recordType: 'landing-page', detail: { kind, section: q.section ?? null, page } });
  return { kind, heading: HEADINGS[kind], asOf, sections };
}
