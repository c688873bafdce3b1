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
import { LOOKED_AFTER_DERIVATIONS, LOOKED_AFTER_RULES, resolveByEvent } from './obligations-looked-after.ts';

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
  ...LOOKED_AFTER_RULES,
] as const;
export type EngineRule = (typeof ENGINE_RULES)[number];

/**
 * How the insert computes a due date from `d.start_date`: calendar arithmetic in place, and for
 * working days a join to calendar_day (set-based, so a whole council costs one hash join).
 */
function dueOf(due: DueRule): { expr: RawBuilder<unknown>; joins: RawBuilder<unknown>; start?: RawBuilder<unknown>; at?: RawBuilder<unknown> } {
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
};

/** The rules core gives to a team manager (conferences, reviews, allocating the case) and to the front door. */
const TEAM_MANAGER_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'team-manager');
const FRONT_DOOR_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'front-door');
const IRO_RULES: readonly string[] = ENGINE_RULES.filter((id) => ruleById(id).responsible === 'iro');

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
    const due = dueOf(effectiveDue(ruleById(rule), settings));
    const who = responsibleOf(rule, laCode);
    // A looked-after derivation may give a row its own interval (due_override).
    const dueDate = (LOOKED_AFTER_RULES as readonly string[]).includes(rule) ? sql`coalesce(d.due_override, ${due.expr})` : due.expr;
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
      )
      select ${laCode}, r.* from (${sql.join(perRule, sql` union all `)}) as r`.execute(trx);
    options.timing?.('insert', performance.now() - t);
    await resolveByEvent(scope).execute(trx);
    return Number(result.numAffectedRows ?? 0);
  };
  const obligations = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return { obligations, seconds: (performance.now() - began) / 1000 };
}
