/**
 * The looked-after deadlines (2010 Care Planning Regulations): visits attach to
 * the placement (reg. 28), reviews to the period of care (reg. 33), return home interviews to
 * the recorded return. Each derivation selects (child_id, source_id, episode_id, start_date,
 * met_on, ended_on, end_reason) and, where a row's interval is not the rule's own, due_override.
 * The period of care stands in for the episode id.
 */
import { type RawBuilder, sql } from 'kysely';
import { metOrEnded, type ObligationRuleSet, type Scope } from '../../kernel/obligations.ts';

/**
 * Each placement (episodes sharing a placement_id), then one row per occasion: the placement's
 * start and each visit in which the child was seen face to face, each met by the next. A visit
 * on the day one placement ends and the next starts belongs to the new placement only. The rule
 * for a row: with a parent or connected person weekly until the first review (reg. 28(3)–(4));
 * otherwise a week from the start, then 6 weeks, or 3 months after the first year where the
 * placement is intended to last until 18. Short breaks (V3, V4) follow reg. 48 and are left out.
 */
const placementOccasions = (scope: Scope) => sql`
  with placement as (
    select e.la_code, e.child_id, e.placement_id, e.period_id, min(e.start_date) as start_date,
      case when bool_or(e.end_date is null) then null else max(e.end_date) end as end_date,
      (array_agg(e.intended_until_18 order by e.start_date desc))[1] as until_18,
      (array_agg(e.with_parent order by e.start_date desc))[1] as with_parent,
      bool_or(e.legal_status in ('V3', 'V4')) as short_break
    from cla_episode e where ${scope('e')}
    group by e.la_code, e.child_id, e.placement_id, e.period_id
  ), occasion as (
    select p.*, p.placement_id as source_id, p.start_date as on_date, 0 as is_visit from placement p where not p.short_break
    union all
    -- Each placement's visits by one index range of the child's visits (offset 0 keeps the lookup
    -- from being flattened into a join of every visit with every placement of the child: 2 million
    -- pairs tested for 284,000 visits at 50,000 children). The end as a case, not coalesce: row-level
    -- security lets only a leakproof condition into the index range, and PostgreSQL cannot tell
    -- that coalesce is, so with it each placement read every later visit of the child (1.2 million, not 300,000).
    select p.*, v.visit_id, v.visited_on, 1
    from placement p
    cross join lateral (
      select v.visit_id, v.visited_on from visit v
      where v.la_code = p.la_code and v.child_id = p.child_id and v.purpose = 'looked-after' and v.child_seen and coalesce(v.face_to_face, true)
        and v.visited_on >= p.start_date and v.visited_on < case when p.end_date is null then 'infinity'::date else p.end_date end
      offset 0
    ) v
    where not p.short_break
  ), timed as (
    -- By placement alone: a refresh reads one council, and sorting by its code (a collated text) first was a fifth of the table's time.
    -- Reviewed by the occasion's day: the period's first review was held by then (one join of each
    -- period's first review, not a lookup of the reviews for each of a council's 300,000 occasions).
    select o.*, lead(o.on_date) over (partition by o.placement_id order by o.on_date, o.is_visit, o.source_id) as next_on,
      coalesce(fr.held_on <= o.on_date, false) as reviewed,
      exists (select 1 from unregistered_approval ua where ua.la_code = o.la_code and ua.placement_id = o.placement_id) as unregistered
    from occasion o
    left join (select r.period_id, min(r.held_on) as held_on from cla_review r where ${scope('r')} group by r.period_id) fr on fr.period_id = o.period_id
  )
  -- The columns the visit rules read (visitRows), not every one the occasions were worked out from:
  -- a rebuild writes these 300,000 rows to a table and each of five rules reads them back.
  select t.child_id, t.source_id, t.period_id, t.on_date, t.next_on, t.end_date, t.unregistered,
    case
      when t.with_parent is not null and (t.is_visit = 0 or not t.reviewed) then 'cla-visit-with-parent'
      when t.with_parent in ('connected-person-temporary', 'interim-care-order-with-parent') then 'cla-visit-with-parent'
      when t.is_visit = 0 then 'cla-visit-first'
      when t.until_18 and t.on_date >= (t.start_date + interval '12 months')::date then 'cla-visit-long-term'
      else 'cla-visit'
    end as visit_rule,
    -- After the first review: 4 weeks with a temporarily approved connected person or under an
    -- interim care order at home (reg. 28(4)); the rule's own weekly interval before it.
    case when t.with_parent in ('connected-person-temporary', 'interim-care-order-with-parent') and t.is_visit = 1 and t.reviewed then t.on_date + 28 end as due_override
  from timed t`;

/** The placements' occasions, derived once for the five visit rules (the rule set's `shared`). */
const OCCASIONS = 'cla_placement_occasion';

const visitRows = (where: RawBuilder<unknown>) => sql`
  select o.child_id, o.source_id, o.period_id, o.on_date,
    ${metOrEnded(sql`o.next_on`, sql`o.end_date`, 'Placement ended')},
    o.due_override
  from ${sql.raw(OCCASIONS)} o where ${where}`;

/** Reviews in order within their period of care, each with the next. */
const rankedReviews = (scope: Scope) => sql`
  select r.*, row_number() over (partition by r.period_id order by r.held_on, r.review_id) as n,
    lead(r.held_on) over (partition by r.period_id order by r.held_on, r.review_id) as next_on,
    lead(r.iro_contact_on) over (partition by r.period_id order by r.held_on, r.review_id) as next_contact_on
  from cla_review r where ${scope('r')}`;

const ceased = sql`'Ceased to be looked after'`;

/** When a review's period of care ended (null while it runs), by the period index rather than the view. */
const periodEnd = (alias: RawBuilder<unknown>) => sql`
  select case when bool_or(x.end_date is null) then null else max(x.end_date) end as end_date
  from cla_episode x where x.la_code = ${alias}.la_code and x.period_id = ${alias}.period_id`;

/** A review's deadline for the next, met when it is held; the period's end cancels it. */
const nextReview = (scope: Scope, which: RawBuilder<unknown>) => sql`
    select r.child_id, r.review_id, r.period_id, r.held_on,
      ${metOrEnded(sql`r.next_on`, sql`cp.end_date`, ceased)},
      null::date as due_override
    from (${rankedReviews(scope)}) r
    cross join lateral (${periodEnd(sql`r`)}) cp
    where ${which}`;

/** A deadline once per period of care, met on the first day `firstMet` (a lateral select of `met_on`) finds; the period's end cancels it. */
const oncePerPeriod = (scope: Scope, firstMet: RawBuilder<unknown>) => sql`
    select cp.child_id, cp.period_id, cp.period_id, cp.start_date,
      ${metOrEnded(sql`f.met_on`, sql`cp.end_date`, ceased)},
      null::date as due_override
    from care_period cp
    left join lateral (${firstMet}) f on true
    where ${scope('cp')}`;

const DERIVATIONS = {
  'cla-visit-first': () => visitRows(sql`o.visit_rule = 'cla-visit-first'`),
  'cla-visit': () => visitRows(sql`o.visit_rule = 'cla-visit'`),
  'cla-visit-long-term': () => visitRows(sql`o.visit_rule = 'cla-visit-long-term'`),
  'cla-visit-with-parent': () => visitRows(sql`o.visit_rule = 'cla-visit-with-parent'`),
  // Alongside the statutory visits: the council's more frequent visits while the provider is not
  // registered for the care, from the placement's start until it ends.
  'unregistered-visit': () => visitRows(sql`o.unregistered`),

  'cla-review-first': (scope: Scope) => sql`
    select cp.child_id, cp.period_id, cp.period_id, cp.start_date,
      ${metOrEnded(sql`r.held_on`, sql`cp.end_date`, ceased)},
      null::date as due_override
    from care_period cp
    left join (select r.period_id, min(r.held_on) as held_on from cla_review r where ${scope('r')} group by r.period_id) r on r.period_id = cp.period_id
    where ${scope('cp')}`,

  'cla-review-second': (scope: Scope) => nextReview(scope, sql`r.n = 1`),
  'cla-review': (scope: Scope) => nextReview(scope, sql`r.n >= 2`),

  // One per review clock (the period's start, then each review), sharing the clock's source id:
  // the IRO's contact with the child before the next review. Its due date is that review's
  // (settled after the insert: see resolveByEvent). A review held without it ends it unmet.
  'iro-contact': (scope: Scope) => sql`
    select cp.child_id, cp.period_id, cp.period_id, cp.start_date,
      case when f.iro_contact_on >= cp.start_date then f.iro_contact_on end,
      case when f.held_on is not null and not coalesce(f.iro_contact_on >= cp.start_date, false) then f.held_on when f.held_on is null then cp.end_date end,
      case when f.held_on is not null and not coalesce(f.iro_contact_on >= cp.start_date, false) then 'Review held without the IRO speaking with the child first'
           when f.held_on is null and cp.end_date is not null then ${ceased} end,
      null::date as due_override
    from care_period cp
    left join (${rankedReviews(scope)}) f on f.la_code = cp.la_code and f.period_id = cp.period_id and f.n = 1
    where ${scope('cp')}
    union all
    select r.child_id, r.review_id, r.period_id, r.held_on,
      case when r.next_contact_on > r.held_on then r.next_contact_on end,
      case when r.next_on is not null and not coalesce(r.next_contact_on > r.held_on, false) then r.next_on when r.next_on is null then cp.end_date end,
      case when r.next_on is not null and not coalesce(r.next_contact_on > r.held_on, false) then 'Review held without the IRO speaking with the child first'
           when r.next_on is null and cp.end_date is not null then ${ceased} end,
      null::date as due_override
    from (${rankedReviews(scope)}) r
    cross join lateral (${periodEnd(sql`r`)}) cp`,

  // The IRO service is told when an IRO is allocated; one already allocated when the period began meets it that day.
  'iro-notify': (scope: Scope) =>
    oncePerPeriod(
      scope,
      sql`select min(greatest(a.start_date, cp.start_date)) as met_on from allocation a
      where a.la_code = cp.la_code and a.child_id = cp.child_id and a.allocation_role = 'iro' and (a.end_date is null or a.end_date >= cp.start_date)`,
    ),

  // A permanence plan is agreed by the second review (Children Act 1989 guidance vol. 2): counted
  // from the period of care's start, met by a plan agreed in the period (or one already in force
  // when it began). The due date is the second review's, settled once the review clocks are in.
  'permanence-plan': (scope: Scope) =>
    oncePerPeriod(
      scope,
      sql`select min(greatest(pp.agreed_on, cp.start_date)) as met_on from permanence_plan pp
      where pp.la_code = cp.la_code and pp.child_id = cp.child_id and (pp.ended_on is null or pp.ended_on >= cp.start_date)
        and (cp.end_date is null or pp.agreed_on <= cp.end_date)`,
    ),

  // Counted in hours from the recorded return (start_date here is the instant).
  rhi: (scope: Scope) => sql`
    select m.child_id, m.missing_id, m.period_id, m.ended_at,
      (m.rhi_offered_at at time zone 'Europe/London')::date, null::date, null,
      null::date as due_override
    from missing_episode m where ${scope('m')} and m.ended_at is not null`,
} as const;

/** The review clocks whose due date an IRO's contact shares, by the clock's source id. */
const REVIEW_RULES = ['cla-review-first', 'cla-review-second', 'cla-review'] as const;

// Both resolutions join obligation to itself by its primary key: they run straight after the
// council's rows are inserted, before the planner has statistics for them, and a join planned as
// if the table were empty must still be a lookup per row, not a scan. A council's rebuild settles
// its derived rows (`table`) before comparing them with those stored.

/**
 * `iro-contact` is due by the next review: the review clock's due date, or the day the review
 * was held if that was earlier (an early review brings the contact forward).
 */
const resolveByEvent = (scope: Scope, table = 'obligation') => sql`
  update ${sql.table(table)} io set due_date = least(r.due_date, coalesce(r.met_on, r.due_date))
  from ${sql.table(table)} r
  where ${scope('io')} and io.rule_id = 'iro-contact'
    and r.la_code = io.la_code and r.child_id = io.child_id and r.rule_id = any(${[...REVIEW_RULES]}::text[]) and r.source_id = io.source_id`;

/**
 * `permanence-plan` is due by the second review: that review's clock (its due date, or the day
 * it was held if earlier) once the first review is held; before then, three months after the
 * first review's own due date.
 */
const resolvePermanencePlan = (scope: Scope, table = 'obligation') => sql`
  update ${sql.table(table)} p set due_date = coalesce(least(s.due_date, coalesce(s.met_on, s.due_date)), (least(f.due_date, coalesce(f.met_on, f.due_date)) + interval '3 months')::date)
  from ${sql.table(table)} f
  left join ${sql.table(table)} s on s.la_code = f.la_code and s.child_id = f.child_id and s.rule_id = 'cla-review-second' and s.episode_id = f.episode_id
  where ${scope('p')} and p.rule_id = 'permanence-plan'
    and f.la_code = p.la_code and f.child_id = p.child_id and f.rule_id = 'cla-review-first' and f.source_id = p.source_id`;

/** Every row may carry its own interval (due_override); the IRO's contact and the permanence plan settle from the review clocks. */
export const LOOKED_AFTER_OBLIGATIONS: ObligationRuleSet = {
  area: 'looked-after',
  rules: Object.entries(DERIVATIONS).map(([id, derive]) => ({ id, derive, rowDue: true })),
  settle: [resolveByEvent, resolvePermanencePlan],
  shared: { [OCCASIONS]: placementOccasions },
};
