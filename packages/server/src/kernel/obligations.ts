/**
 * The timescales engine. Every deadline of every child is derived from the record by SQL, one
 * derivation per rule, and materialised in `obligation`. A whole council is rebuilt with a
 * handful of set-based statements; an event rebuilds only the children it touched, with the
 * same statements, so the two can never disagree. Due dates come from packages/core's rules
 * (with the council's settings) and the calendar_day table.
 */
import { type DueRule, effectiveDue, ruleById, type TimescaleSettings } from '@lantern/core/timescales';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import { LOOKED_AFTER_DERIVATIONS, LOOKED_AFTER_RULES, resolveByEvent, resolvePermanencePlan } from './obligations-looked-after.ts';
import { MEETING_DERIVATIONS, MEETING_RECORDED_DUE, MEETING_ROW_DUE_RULES, MEETING_RULES } from './obligations-meetings.ts';

/** A due date in SQL: its expression and joins; for hours, the start and due timestamps too. */
export type DueSql = { expr: RawBuilder<unknown>; joins: RawBuilder<unknown>; start?: RawBuilder<unknown>; at?: RawBuilder<unknown> };

/** The rules this engine derives (the looked-after and workforce rules join as their areas do). */
export const ENGINE_RULES = [
  'contact-decision',
  'strategy-discussion',
  'assessment',
  'icpc',
  'core-group-first',
  'core-group',
  'cp-review-first',
  'cp-review',
  'cp-visit',
  'cin-plan-review',
  'cin-visit',
  'allocation',
  'partner-response',
  'case-audit-action',
  ...LOOKED_AFTER_RULES,
  // Permanence, UASC, health and education, care leavers (areas/looked-after-care)
  'health-assessment-initial',
  'health-assessment-review',
  'pep-initial',
  'pep-review',
  'uasc-looked-after',
  'uasc-transfer',
  'pathway-plan',
  'pathway-plan-review',
  'pa-visit',
  'management-oversight',
  // Conferences and reviews as the practice record (kernel/obligations-meetings.ts)
  ...MEETING_RULES,
] as const;
export type EngineRule = (typeof ENGINE_RULES)[number];

/**
 * How the insert computes a due date from `d.start_date`: calendar arithmetic in place, and for
 * working days a join to calendar_day (set-based, so a whole council costs one hash join).
 */
export function dueOf(due: DueRule): DueSql {
  const none = sql``;
  switch (due.unit) {
    case 'hours':
      // `d.start_date` is an instant; the day it falls on and the due day are England's.
      return {
        start: sql`((d.start_date at time zone 'Europe/London')::date)`,
        expr: sql`(((d.start_date + make_interval(hours => ${sql.lit(due.n)})) at time zone 'Europe/London')::date)`,
        at: sql`(d.start_date + make_interval(hours => ${sql.lit(due.n)}))`,
        joins: none,
      };
    case 'by-event':
      // Settled from the event's own deadline once every rule's rows are in (resolveByEvent).
      return { expr: sql`d.start_date`, joins: none };
    case 'working-days': {
      // A weekend or holiday carries the number of the working day before it, so counting n ≤ 0
      // from one needs one more (see calendarDays in core).
      const extra = due.n > 0 ? sql.lit(0) : sql`(case when c1.is_working_day then 0 else 1 end)`;
      return {
        expr: sql`c2.day`,
        joins: sql`join calendar_day c1 on c1.day = d.start_date join calendar_day c2 on c2.is_working_day and c2.working_day_number = c1.working_day_number + ${sql.lit(due.n)} + ${extra}`,
      };
    }
    case 'days':
      return { expr: sql`(d.start_date + ${sql.lit(due.n)})`, joins: none };
    case 'weeks':
      return { expr: sql`(d.start_date + ${sql.lit(due.n * 7)})`, joins: none };
    case 'months':
      // Postgres clamps to the month's last day (31 August + 6 months = 28 or 29 February).
      return { expr: sql`((d.start_date + make_interval(months => ${sql.lit(due.n)}))::date)`, joins: none };
    default:
      throw new Error(`The engine cannot count a due rule of unit ${(due as DueRule).unit} in SQL`);
  }
}

export async function councilTimescaleSettings(db: Kysely<Database>, laCode: string): Promise<TimescaleSettings> {
  const rows = await db.selectFrom('council_setting').select(['key', 'value']).where('la_code', '=', laCode).where('key', 'like', 'timescale.%').execute();
  const settings: TimescaleSettings = {};
  for (const r of rows) settings[r.key.slice('timescale.'.length)] = (typeof r.value === 'string' ? JSON.parse(r.value) : r.value) as DueRule;
  return settings;
}

type Derivation = (scope: (alias: string) => RawBuilder<unknown>) => RawBuilder<unknown>;

/**
 * The child had been born by the visit. Before birth a visit cannot see the child, so a visit to
 * an expectant parent counts; after birth only a visit in which the child was seen does. A plan's
 * window ends the day before its end date, so a visit on the day one plan ends and the next
 * starts belongs to the new plan only.
 */
const bornBy = (visit: string) =>
  sql`select 1 from person b where b.la_code = ${sql.ref(`${visit}.la_code`)} and b.person_id = ${sql.ref(`${visit}.child_id`)} and b.date_of_birth is not null and b.date_of_birth <= ${sql.ref(`${visit}.visited_on`)}`;

/**
 * A deadline that recurs through a plan: counted from the plan's start, then from each occasion
 * (a visit, a review) within the plan, each met by the next occasion; unmet when the plan ends.
 */
function throughPlan(
  scope: (alias: string) => RawBuilder<unknown>,
  table: 'cp_plan' | 'cin_plan',
  key: 'plan_id' | 'cin_plan_id',
  occasion: { join: RawBuilder<unknown>; id: RawBuilder<unknown>; on: RawBuilder<unknown> },
) {
  const plan = sql.table(table);
  const planKey = sql.ref(`p.${key}`);
  return sql`
    select o.child_id, o.source_id, o.episode_id, o.on_date,
      o.next_on, case when o.next_on is null then o.end_date end, case when o.next_on is null and o.end_date is not null then 'Plan ended' end
    from (
      select x.*, lead(on_date) over (partition by la_code, plan_key order by on_date, is_occasion, source_id) as next_on
      from (
        select p.la_code, ${planKey} as plan_key, p.child_id, p.episode_id, p.end_date, ${planKey} as source_id, p.start_date as on_date, 0 as is_occasion
        from ${plan} p where ${scope('p')}
        union all
        select p.la_code, ${planKey}, p.child_id, p.episode_id, p.end_date, ${occasion.id}, ${occasion.on}, 1
        from ${plan} p ${occasion.join}
          and ${occasion.on} >= p.start_date and (p.end_date is null or ${occasion.on} < p.end_date)
        where ${scope('p')}
      ) x
    ) o`;
}

/**
 * Each derivation selects (child_id, source_id, episode_id, start_date, met_on, ended_on,
 * end_reason): when the clock started, what met it, or when the need ended.
 * Recurring rules (visits, core groups, reviews) have one row per occasion: counted from the
 * plan's start or the previous occasion, met by the next.
 */
const DERIVATIONS: Record<EngineRule, Derivation> = {
  'contact-decision': (scope) => sql`
    select c.child_id, c.contact_id, c.episode_id, c.received_on,
      c.decided_on, null::date, null
    from contact c where ${scope('c')}`,

  // A contact recorded with reasonable cause to suspect significant harm: the first strategy
  // discussion on or after it meets it.
  'strategy-discussion': (scope) => sql`
    select c.child_id, c.contact_id, c.episode_id, c.received_on,
      sd.held_on,
      case when sd.held_on is null then coalesce(case when c.decision in ('nfa', 'early-help') then c.decided_on end, e.closure_date) end,
      case when sd.held_on is null and c.decision in ('nfa', 'early-help') then 'Contact not referred'
           when sd.held_on is null and e.closure_date is not null then 'Episode closed' end
    from contact c
    left join cin_episode e on e.la_code = c.la_code and e.episode_id = c.episode_id
    left join lateral (select min(d.held_on) as held_on from strategy_discussion d where d.la_code = c.la_code and d.child_id = c.child_id and d.held_on >= c.received_on) sd on true
    where ${scope('c')} and c.significant_harm_suspected`,

  assessment: (scope) => sql`
    select e.child_id, e.episode_id, e.episode_id, e.referral_date,
      a.authorised_on,
      case when a.authorised_on is null then e.closure_date end,
      case when a.authorised_on is null and e.closure_date is not null then 'Episode closed' end
    from cin_episode e
    left join (select a.episode_id, min(a.authorised_on) as authorised_on from assessment a where ${scope('a')} group by a.episode_id) a on a.episode_id = e.episode_id
    where ${scope('e')} and not e.referral_nfa`,

  // Counted from the last strategy discussion before the conference (Working Together: "or the
  // last strategy discussion if more than one has been held").
  icpc: (scope) => sql`
    select s.child_id, s.s47_id, s.episode_id, sd.held_on,
      ic.held_on,
      case when ic.held_on is null then coalesce(case when s.icpc_not_required then s.completed_on end, e.closure_date) end,
      case when ic.held_on is null and s.icpc_not_required then 'Not required: ' || s.icpc_not_required_reason
           when ic.held_on is null and e.closure_date is not null then 'Episode closed' end
    from section47 s
    join cin_episode e on e.la_code = s.la_code and e.episode_id = s.episode_id
    left join (select c.s47_id, min(c.held_on) as held_on from cp_conference c where ${scope('c')} and c.kind = 'initial' group by c.s47_id) ic on ic.s47_id = s.s47_id
    join lateral (
      select max(d.held_on) as held_on from strategy_discussion d
      join strategy_discussion first on first.la_code = s.la_code and first.strategy_id = s.strategy_id
      where d.la_code = s.la_code and d.episode_id = s.episode_id and d.decision = 'section-47'
        and d.held_on >= first.held_on and (ic.held_on is null or d.held_on <= ic.held_on)
    ) sd on true
    where ${scope('s')}`,

  'core-group-first': (scope) => sql`
    select p.child_id, p.plan_id, p.episode_id, p.start_date,
      g.held_on, case when g.held_on is null then p.end_date end, case when g.held_on is null and p.end_date is not null then 'Plan ended' end
    from cp_plan p
    left join (select g.plan_id, min(g.held_on) as held_on from core_group g where ${scope('g')} group by g.plan_id) g on g.plan_id = p.plan_id
    where ${scope('p')}`,

  'core-group': (scope) => sql`
    select g.child_id, g.core_group_id, p.episode_id, g.held_on,
      g.next_on, case when g.next_on is null then p.end_date end, case when g.next_on is null and p.end_date is not null then 'Plan ended' end
    from (select g.*, lead(held_on) over (partition by la_code, plan_id order by held_on, core_group_id) as next_on from core_group g where ${scope('g')}) g
    join cp_plan p on p.la_code = g.la_code and p.plan_id = g.plan_id`,

  'cp-review-first': (scope) => sql`
    select p.child_id, p.plan_id, p.episode_id, p.start_date,
      r.held_on, case when r.held_on is null then p.end_date end, case when r.held_on is null and p.end_date is not null then 'Plan ended' end
    from cp_plan p
    left join (select c.plan_id, min(c.held_on) as held_on from cp_conference c where ${scope('c')} and c.kind = 'review' group by c.plan_id) r on r.plan_id = p.plan_id
    where ${scope('p')}`,

  'cp-review': (scope) => sql`
    select r.child_id, r.conference_id, r.episode_id, r.held_on,
      r.next_on, case when r.next_on is null then p.end_date end, case when r.next_on is null and p.end_date is not null then 'Plan ended' end
    from (select c.*, lead(held_on) over (partition by la_code, plan_id order by held_on, conference_id) as next_on
          from cp_conference c where c.kind = 'review' and ${scope('c')}) r
    join cp_plan p on p.la_code = r.la_code and p.plan_id = r.plan_id
    where r.outcome = 'continue-plan'`,

  // One row per occasion: the plan's start, then each visit in which the child was seen.
  'cp-visit': (scope) =>
    throughPlan(scope, 'cp_plan', 'plan_id', {
      join: sql`join visit v on v.la_code = p.la_code and v.child_id = p.child_id and v.purpose = 'child-protection' and (v.child_seen or not exists (${bornBy('v')}))`,
      id: sql`v.visit_id`,
      on: sql`v.visited_on`,
    }),

  'cin-plan-review': (scope) =>
    throughPlan(scope, 'cin_plan', 'cin_plan_id', {
      join: sql`join cin_plan_review r on r.la_code = p.la_code and r.cin_plan_id = p.cin_plan_id`,
      id: sql`r.review_id`,
      on: sql`r.held_on`,
    }),

  'cin-visit': (scope) =>
    throughPlan(scope, 'cin_plan', 'cin_plan_id', {
      join: sql`join visit v on v.la_code = p.la_code and v.child_id = p.child_id and v.purpose = 'child-in-need' and (v.child_seen or not exists (${bornBy('v')}))`,
      id: sql`v.visit_id`,
      on: sql`v.visited_on`,
    }),

  // An open case with no allocated social worker: counted from the referral, or from the day
  // the last social worker's allocation ended. It disappears when someone is allocated.
  ...LOOKED_AFTER_DERIVATIONS,

  allocation: (scope) => sql`
    select e.child_id, e.episode_id, e.episode_id, greatest(e.referral_date, sw.last_end),
      null::date, null::date, null
    from cin_episode e
    left join (
      select a.child_id, max(a.end_date) as last_end, bool_or(a.end_date is null) as has_open
      from allocation a where ${scope('a')} and a.allocation_role = 'social-worker' group by a.child_id
    ) sw on sw.child_id = e.child_id
    where ${scope('e')} and e.closure_date is null and not coalesce(sw.has_open, false)`,

  // A request to a partner agency: met by the answer, ended if the worker withdraws it. The due
  // date is the one the request gave (RECORDED_DUE), not counted here.
  'partner-response': (scope) => sql`
    select r.child_id, r.request_id, null::uuid, r.sent_on,
      r.answered_on, r.withdrawn_on, case when r.withdrawn_on is not null then 'Request withdrawn: ' || r.withdrawn_reason end
    from partner_request r where ${scope('r')}`,
  // An action from a case audit: from the audit, met when its owner (or their manager) marks it
  // done; ended unmet if the case the audit looked at closed first. Due date and owner: RECORDED_DUE.
  'case-audit-action': (scope) => sql`
    select x.child_id, x.action_id, null::uuid, ca.audited_on, x.completed_on,
      case when x.completed_on is null then closed.on_date end, case when x.completed_on is null and closed.on_date is not null then 'Case closed' end
    from case_audit_action x
    join case_audit ca on ca.la_code = x.la_code and ca.case_audit_id = x.case_audit_id
    left join lateral (
      select min(e.closure_date) as on_date from cin_episode e
      where e.la_code = x.la_code and e.child_id = x.child_id and e.referral_date <= ca.audited_on and e.closure_date >= ca.audited_on
    ) closed on true
    where ${scope('x')}`,
  // From the day the child became looked after (the period of care's start); met by the first
  // initial health assessment in the period; unmet when the child ceased to be looked after.
  'health-assessment-initial': (scope) => firstInCare(scope, sql`health_check`, sql`x.done_on`, sql`x.kind = 'initial-health-assessment'`),

  // From each health assessment in a period of care, met by the next; the interval (6 or 12
  // months by age at the assessment) is in DUE_OVERRIDES.
  'health-assessment-review': (scope) =>
    eachInCare(scope, sql`health_check`, sql`x.check_id`, sql`x.done_on`, sql`x.kind in ('initial-health-assessment', 'review-health-assessment')`),

  // A personal education plan is for a child of school age (4 to 17 here; early years PEPs are
  // the council's choice): counted only for periods that began at that age.
  'pep-initial': (scope) =>
    firstInCare(
      scope,
      sql`pep`,
      sql`x.held_on`,
      sql`true`,
      sql`exists (select 1 from person sp where sp.la_code = cp.la_code and sp.person_id = cp.child_id and cp.start_date >= ${birthdaySql(sql`sp.date_of_birth`, 4)} and cp.start_date < ${birthdaySql(sql`sp.date_of_birth`, 18)})`,
    ),

  'pep-review': (scope) => eachInCare(scope, sql`pep`, sql`x.pep_id`, sql`x.held_on`, sql`true`),

  // Accommodated the same day as the referral or arrival (s.20). An age-disputed child is a child
  // until assessed, so the clock runs through the dispute; only an assessment as an adult ends it.
  // Met on the day the child became looked after (care_period), never before the referral.
  'uasc-looked-after': (scope) => sql`
    select u.child_id, u.child_id, null::uuid, u.referred_on,
      la.on_date,
      case when la.on_date is null and u.age_assessment = 'adult' then greatest(u.age_assessed_on, u.referred_on) end,
      case when la.on_date is null and u.age_assessment = 'adult' then 'Assessed as an adult' end
    from uasc_record u
    left join lateral (
      select case when min(cp.start_date) is null then null else greatest(min(cp.start_date), u.referred_on) end as on_date
      from care_period cp where cp.la_code = u.la_code and cp.child_id = u.child_id and (cp.end_date is null or cp.end_date >= u.referred_on)
    ) la on true
    where ${scope('u')}`,

  'uasc-transfer': (scope) => sql`
    select u.child_id, u.child_id, null::uuid, u.nts_referred_on,
      u.nts_transferred_on,
      case when u.nts_transferred_on is null then u.ceased_on end,
      case when u.nts_transferred_on is null and u.ceased_on is not null then 'UASC status ceased' end
    from uasc_record u where ${scope('u')} and u.nts_referred_on is not null`,

  // From the later of the 16th birthday and becoming eligible; a qualifying care leaver has
  // advice and assistance, not a pathway plan.
  'pathway-plan': (scope) => sql`
    select cl.child_id, cl.child_id, null::uuid, greatest(${birthdaySql(sql`p.date_of_birth`, 16)}, cl.eligible_from),
      pp.held_on,
      case when pp.held_on is null then cl.support_ended_on end,
      case when pp.held_on is null and cl.support_ended_on is not null then 'Leaving care support ended' end
    from care_leaver cl
    join person p on p.la_code = cl.la_code and p.person_id = cl.child_id
    left join lateral (select min(x.held_on) as held_on from pathway_plan x where x.la_code = cl.la_code and x.child_id = cl.child_id and x.kind = 'plan') pp on true
    where ${scope('cl')} and cl.category <> 'qualifying' and p.date_of_birth is not null`,

  'pathway-plan-review': (scope) => sql`
    select o.child_id, o.pathway_id, null::uuid, o.held_on,
      o.next_on,
      case when o.next_on is null then o.support_ended_on end,
      case when o.next_on is null and o.support_ended_on is not null then 'Leaving care support ended' end
    from (
      select x.child_id, x.pathway_id, x.held_on, cl.support_ended_on,
        lead(x.held_on) over (partition by x.la_code, x.child_id order by x.held_on, x.pathway_id) as next_on
      from pathway_plan x join care_leaver cl on cl.la_code = x.la_code and cl.child_id = x.child_id
      where ${scope('x')} and cl.category <> 'qualifying'
    ) o`,

  // Relevant and former relevant care leavers: within 7 days of each move (a visit on the day of
  // the move counts), then 2 months from each visit; a move before the next visit replaces the
  // 2-month clock with the 7-day one (paVisitInterval in core). Intervals in DUE_OVERRIDES.
  'pa-visit': (scope) => sql`
    select o.child_id, o.source_id, null::uuid, o.on_date,
      case when o.moved_first then null else o.next_visit end,
      case when o.moved_first then o.next_move when o.next_visit is null then o.support_ended_on end,
      case when o.moved_first then 'Moved: a visit is due within 7 days of the move'
           when o.next_visit is null and o.support_ended_on is not null then 'Leaving care support ended' end
    from (
      select m.child_id, m.move_id as source_id, m.moved_on as on_date, cl.support_ended_on, false as moved_first, null::date as next_move,
        (select min(v.visited_on) from pa_visit v where v.la_code = m.la_code and v.child_id = m.child_id and v.visited_on >= m.moved_on) as next_visit
      from leaver_accommodation m join care_leaver cl on cl.la_code = m.la_code and cl.child_id = m.child_id
      where ${scope('m')} and cl.category in ('relevant', 'former-relevant')
      union all
      select y.child_id, y.visit_id, y.visited_on, y.support_ended_on, coalesce(y.next_move < y.next_visit, y.next_move is not null), y.next_move, y.next_visit
      from (
        select v.child_id, v.visit_id, v.visited_on, cl.support_ended_on,
          (select min(n.visited_on) from pa_visit n where n.la_code = v.la_code and n.child_id = v.child_id and (n.visited_on, n.visit_id) > (v.visited_on, v.visit_id)) as next_visit,
          (select min(m.moved_on) from leaver_accommodation m where m.la_code = v.la_code and m.child_id = v.child_id and m.moved_on > v.visited_on) as next_move
        from pa_visit v join care_leaver cl on cl.la_code = v.la_code and cl.child_id = v.child_id
        where ${scope('v')} and cl.category in ('relevant', 'former-relevant')
      ) y
    ) o`,
  // Counted from the referral, then from each manager's recorded decision or supervision
  // direction on the child within the episode, each met by the next; unmet when the case closes.
  // (The workforce area's oversight: management_decision and supervision_child, migration 0007.)
  'management-oversight': (scope) => sql`
    select o.child_id, o.source_id, o.episode_id, o.on_date,
      o.next_on, case when o.next_on is null then o.closure_date end, case when o.next_on is null and o.closure_date is not null then 'Episode closed' end
    from (
      select x.*, lead(on_date) over (partition by la_code, episode_id order by on_date, is_occasion, source_id) as next_on
      from (
        select e.la_code, e.child_id, e.episode_id, e.closure_date, e.episode_id as source_id, e.referral_date as on_date, 0 as is_occasion
        from cin_episode e where ${scope('e')} and not e.referral_nfa
        union all
        select e.la_code, e.child_id, e.episode_id, e.closure_date, m.decision_id, m.decided_on, 1
        from cin_episode e join management_decision m on m.la_code = e.la_code and m.child_id = e.child_id
          and m.decided_on >= e.referral_date and (e.closure_date is null or m.decided_on < e.closure_date)
        where ${scope('e')} and not e.referral_nfa
        union all
        select e.la_code, e.child_id, e.episode_id, e.closure_date, s.supervision_id, s.held_on, 1
        from cin_episode e join supervision_child sc on sc.la_code = e.la_code and sc.child_id = e.child_id
          join supervision s on s.la_code = sc.la_code and s.supervision_id = sc.supervision_id
          and s.held_on >= e.referral_date and (e.closure_date is null or s.held_on < e.closure_date)
        where ${scope('e')} and not e.referral_nfa
      ) x
    ) o`,
  ...MEETING_DERIVATIONS,
};

/**
 * Rules whose due date is on the record that started the clock (a request says "by when"), and
 * whose responsible worker is the one who made it, not the child's allocated worker.
 */
const RECORDED_DUE: Partial<
  Record<EngineRule, (laCode: string, settings: TimescaleSettings) => { joins: RawBuilder<unknown>; due: RawBuilder<unknown>; who: RawBuilder<unknown> }>
> = {
  ...MEETING_RECORDED_DUE(dueOf),
  'partner-response': (laCode) => ({
    joins: sql`join partner_request pr on pr.la_code = ${laCode} and pr.request_id = d.source_id
      left join worker prw on prw.la_code = pr.la_code and prw.worker_id = pr.requested_by_worker_id`,
    due: sql`pr.respond_by`,
    who: sql`pr.requested_by_worker_id, prw.team_id`,
  }),
  'case-audit-action': (laCode) => ({
    joins: sql`join case_audit_action cx on cx.la_code = ${laCode} and cx.action_id = d.source_id
      left join worker cxw on cxw.la_code = cx.la_code and cxw.worker_id = cx.owner_worker_id`,
    due: sql`cx.due_date`,
    who: sql`cx.owner_worker_id, cxw.team_id`,
  }),
};

// ---------------------------------------------------------------------------
// Looked-after children and care leavers: shared derivation shapes

/** The day a person reaches `years` in SQL; a 29 February birthday is 1 March in other years (as core's birthday). */
function birthdaySql(dob: RawBuilder<unknown>, years: number) {
  const plain = sql`(${dob} + make_interval(years => ${sql.lit(years)}))::date`;
  return sql`(case when to_char(${dob}, 'MM-DD') = '02-29' and to_char(${plain}, 'MM-DD') = '02-28' then ${plain} + 1 else ${plain} end)`;
}

/**
 * A first occasion due after the child became looked after: counted from the period of care's
 * start, met by the first qualifying record in the period, unmet when the period ends.
 */
function firstInCare(
  scope: (alias: string) => RawBuilder<unknown>,
  table: RawBuilder<unknown>,
  on: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  periodWhere: RawBuilder<unknown> = sql`true`,
) {
  return sql`
    select cp.child_id, cp.period_id, cp.period_id, cp.start_date,
      f.on_date,
      case when f.on_date is null then cp.end_date end,
      case when f.on_date is null and cp.end_date is not null then 'Ceased to be looked after' end
    from care_period cp
    left join lateral (
      select min(${on}) as on_date from ${table} x
      where x.la_code = cp.la_code and x.child_id = cp.child_id and ${where} and ${on} >= cp.start_date and (cp.end_date is null or ${on} < cp.end_date)
    ) f on true
    where ${scope('cp')} and ${periodWhere}`;
}

/** An occasion that recurs while looked after: from each qualifying record in a period, met by the next. */
function eachInCare(
  scope: (alias: string) => RawBuilder<unknown>,
  table: RawBuilder<unknown>,
  id: RawBuilder<unknown>,
  on: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
) {
  return sql`
    select o.child_id, o.source_id, o.period_id, o.on_date,
      o.next_on,
      case when o.next_on is null then o.end_date end,
      case when o.next_on is null and o.end_date is not null then 'Ceased to be looked after' end
    from (
      select cp.child_id, ${id} as source_id, cp.period_id, cp.end_date, ${on} as on_date,
        lead(${on}) over (partition by cp.la_code, cp.period_id order by ${on}, ${id}) as next_on
      from care_period cp
      join ${table} x on x.la_code = cp.la_code and x.child_id = cp.child_id and ${where} and ${on} >= cp.start_date and (cp.end_date is null or ${on} < cp.end_date)
      where ${scope('cp')}
    ) o`;
}

/**
 * Rules whose interval depends on the row: health reviews by age at the previous assessment
 * (healthAssessmentReviewInterval), personal adviser visits by whether the clock started at a
 * move or a visit (paVisitInterval). The council's setting applies to the rule's default case.
 */
const DUE_OVERRIDES: Partial<Record<EngineRule, (settings: TimescaleSettings, laCode: string) => DueSql>> = {
  'health-assessment-review': (settings, laCode) => {
    const underFive = dueOf(effectiveDue(ruleById('health-assessment-review'), settings));
    return {
      // A child whose date of birth is not known is reviewed on the under-five interval (the stricter).
      expr: sql`case when coalesce(d.start_date < ${birthdaySql(sql`hp.date_of_birth`, 5)}, true) then ${underFive.expr} else (d.start_date + interval '12 months')::date end`,
      joins: sql`${underFive.joins} join person hp on hp.la_code = ${laCode} and hp.person_id = d.child_id`,
    };
  },
  'pa-visit': (settings, laCode) => {
    const afterMove = dueOf(effectiveDue(ruleById('pa-visit'), settings));
    return {
      expr: sql`case when mv.move_id is not null then ${afterMove.expr} else (d.start_date + interval '2 months')::date end`,
      joins: sql`${afterMove.joins} left join leaver_accommodation mv on mv.la_code = ${laCode} and mv.move_id = d.source_id`,
    };
  },
};

/** Rules whose derivation may give a row its own due date (`due_override`). */
const ROW_DUE_RULES: readonly string[] = [...LOOKED_AFTER_RULES, ...MEETING_ROW_DUE_RULES];

/** The rules core gives to a team manager (conferences, reviews, allocating the case) and to the front door. */
const TEAM_MANAGER_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'team-manager');
const FRONT_DOOR_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'front-door');
const IRO_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'iro');
/** The care leaver rules core gives to the personal adviser. */
const PERSONAL_ADVISER_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'personal-adviser');

/**
 * Who must act, joined in as each rule's rows are inserted: the child's allocated social worker
 * and their team (or, for an unallocated child, the team that last held the case); for rules a
 * manager owns, that team's manager; for contacts, the front door team and its manager.
 */
function responsibleOf(rule: EngineRule, laCode: string) {
  if (FRONT_DOOR_RULES.includes(rule)) {
    return {
      columns: sql`fd.manager_worker_id, fd.team_id`,
      joins: sql`left join (select team_id, manager_worker_id from team where la_code = ${laCode} and service = 'Front door' order by name limit 1) fd on true`,
    };
  }
  // The holders are worked out once per refresh (materialised in the insert), not once per rule's row.
  const holder = sql`left join case_holder r on r.child_id = d.child_id`;
  if (IRO_RULES.includes(rule)) {
    // The child's IRO (an allocation of role 'iro'); without one, the social worker's team sees it.
    return {
      columns: sql`iro.worker_id, coalesce(iro.team_id, r.team_id)`,
      joins: sql`${holder} left join case_iro iro on iro.child_id = d.child_id`,
    };
  }
  if (PERSONAL_ADVISER_RULES.includes(rule)) {
    // The young person's personal adviser; until one is allocated, the social worker holding the case.
    return {
      columns: sql`coalesce(pa.worker_id, r.worker_id), coalesce(pa.team_id, r.team_id)`,
      joins: sql`${holder} left join case_adviser pa on pa.child_id = d.child_id`,
    };
  }
  if (TEAM_MANAGER_RULES.includes(rule)) {
    return { columns: sql`t.manager_worker_id, r.team_id`, joins: sql`${holder} left join team t on t.la_code = ${laCode} and t.team_id = r.team_id` };
  }
  return { columns: sql`r.worker_id, r.team_id`, joins: holder };
}

/**
 * Rebuilds the obligations of a council, or of some of its children. Pass the transaction of
 * the event that touched them, so the record and its deadlines commit together.
 */
export async function refreshObligations(
  db: Kysely<Database>,
  laCode: string,
  options: { childIds?: string[]; timing?: (step: string, ms: number) => void } = {},
): Promise<{ obligations: number; seconds: number }> {
  const began = performance.now();
  const settings = await councilTimescaleSettings(db, laCode);
  const childIds = options.childIds;
  if (childIds && childIds.length === 0) return { obligations: 0, seconds: 0 };
  const scope = (alias: string) =>
    childIds
      ? sql`${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.child_id`)} = any(${childIds}::uuid[])`
      : sql`${sql.ref(`${alias}.la_code`)} = ${laCode}`;

  // Every rule's rows in one statement: an event's refresh is one delete and one insert.
  const perRule = ENGINE_RULES.map((rule) => {
    const recorded = RECORDED_DUE[rule]?.(laCode, settings);
    if (recorded) {
      return sql`
      select d.child_id, ${rule}::text as rule_id, d.source_id, d.episode_id, d.start_date, ${recorded.due} as due_date, null::timestamptz as due_at, d.met_on, d.ended_on, d.end_reason, ${recorded.who}
      from (${DERIVATIONS[rule](scope)}) as d (child_id, source_id, episode_id, start_date, met_on, ended_on, end_reason)
      ${recorded.joins}`;
    }
    const due = DUE_OVERRIDES[rule]?.(settings, laCode) ?? dueOf(effectiveDue(ruleById(rule), settings));
    const who = responsibleOf(rule, laCode);
    // A looked-after derivation may give a row its own interval (due_override).
    const dueDate = ROW_DUE_RULES.includes(rule) ? sql`coalesce(d.due_override, ${due.expr})` : due.expr;
    return sql`
      select d.child_id, ${rule}::text as rule_id, d.source_id, d.episode_id, ${due.start ?? sql`d.start_date`}::date as start_date, ${dueDate} as due_date, ${due.at ?? sql`null::timestamptz`} as due_at, d.met_on, d.ended_on, d.end_reason, ${who.columns}
      from (${DERIVATIONS[rule](scope)}) as d (child_id, source_id, episode_id, start_date, met_on, ended_on, end_reason)
      ${due.joins}
      ${who.joins}`;
  });
  const run = async (trx: Kysely<Database>) => {
    let t = performance.now();
    await sql`delete from obligation o where ${scope('o')} and o.rule_id = any(${[...ENGINE_RULES]}::text[])`.execute(trx);
    options.timing?.('delete', performance.now() - t);
    t = performance.now();
    const result = await sql`
      insert into obligation (la_code, child_id, rule_id, source_id, episode_id, start_date, due_date, due_at, met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id)
      with case_holder as materialized (
        select distinct on (a.child_id) a.child_id, case when a.end_date is null then a.worker_id end as worker_id, w.team_id
        from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'social-worker'
        order by a.child_id, (a.end_date is null) desc, a.end_date desc
      ), case_iro as materialized (
        select a.child_id, a.worker_id, w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'iro' and a.end_date is null
      ), case_adviser as materialized (
        select a.child_id, a.worker_id, w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where ${scope('a')} and a.allocation_role = 'personal-adviser' and a.end_date is null
      )
      select ${laCode}, r.* from (${sql.join(perRule, sql` union all `)}) as r`.execute(trx);
    options.timing?.('insert', performance.now() - t);
    await resolveByEvent(scope).execute(trx);
    await resolvePermanencePlan(scope).execute(trx);
    return Number(result.numAffectedRows ?? 0);
  };
  const obligations = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return { obligations, seconds: (performance.now() - began) / 1000 };
}
