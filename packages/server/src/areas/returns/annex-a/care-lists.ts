/**
 * Annex A lists 8 to 11 as data (the model of lists.ts): children in care, care leavers,
 * children with an adoption decision, and adopters.
 */
import {
  accommodationCategory,
  inTouchCategory,
  LEAVER_ELIGIBILITY,
  legalStatusCategory,
  NO_LONGER_PLACED_CATEGORY,
  needCategory,
  PERMANENCE_CATEGORY,
  placementCategory,
  providerCategory,
  suitabilityCategory,
  yesNo,
} from '@lantern/core/returns/annex-a';
import { ACTIVITY } from '@lantern/core/care';
import { sql } from 'kysely';
import {
  type AnnexAList,
  type Column,
  type Row,
  allocated,
  blank,
  childColumns,
  count,
  date,
  disability,
  ofBatch,
  person,
  personFields,
  str,
  text,
  upTo,
} from './list-columns.ts';

export const CARE_LISTS: AnnexAList[] = [
  {
    id: 'children-in-care',
    number: 8,
    title: 'Children in care',
    scope: 'Every child looked after at any time in the six months before the as-of date: one row a child, for their latest period of care in it.',
    columns: [
      ...childColumns,
      text('UASC within the Last 12 Months (Y/N)', (r) => yesNo(r.uasc_12m === true)),
      disability(),
      date('Date Started to be Looked After', 'period_start'),
      text("Child's Category of Need", (r) => needCategory(str(r.category_of_need))),
      text('Is this a second or subsequent period of being looked after within the last 12 months (Y/N)', (r) => yesNo(r.earlier_period_12m === true)),
      date('Start date of current legal status', 'legal_status_from'),
      text("Child's Legal Status", (r) => legalStatusCategory(str(r.legal_status))),
      date('Date of Latest Statutory Review', 'last_review_on'),
      date('Date of Last Social Work Visit', 'last_visit_on'),
      text('What is the permanence plan for this child?', (r) => PERMANENCE_CATEGORY[String(r.permanence_plan)] ?? null),
      date('Date of Last IRO Visit / Contact to the Child', 'last_iro_contact_on'),
      date('Date of Last Health Assessment', 'last_health_on'),
      date('Date of Last Dental Check', 'last_dental_on'),
      count('Number of Placements in the Last 12 months', 'placements_12m'),
      date('Date Ceased to be Looked After', 'period_end'),
      text('Reason Ceased to be Looked After', (r, ctx) => (upTo(r.period_end, ctx) ? str(r.reason_ended) : null)),
      date('Start Date of Most Recent Placement', 'placement_from'),
      text('Placement Type', (r) => placementCategory(str(r.placement_type))),
      text('Placement Provider', (r) => providerCategory(str(r.placement_provider))),
      text('Placement postcode', (r) => str(r.placement_postcode)),
      text('URN of Placement', (r) => str(r.urn)),
      blank('Placement Location', 'Lantern holds no postcode directory to tell which council a placement postcode is in'),
      blank('LA of Placement', 'Lantern holds no postcode directory to tell which council a placement postcode is in'),
      count("Number of Episodes 'Missing' in last 12 months", 'missing_12m'),
      count("Number of Episodes 'Absent' in last 12 months", 'absent_12m'),
      text('Was the child offered a Return Interview after their last missing episode (Y/N)?', (r) => (r.last_missing_id ? yesNo(!!r.rhi_offered_at) : null)),
      text('Did the child accept a Return Interview after their last missing episode (Y/N)?', (r) =>
        r.last_missing_id && r.rhi_offered_at ? yesNo(r.rhi_accepted === true) : null,
      ),
      ...allocated,
    ],
    // The latest episode in the period gives the period, the legal status and the placement.
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, ep.period_id, ep.category_of_need, ep.legal_status, ep.placement_type, ep.placement_provider, ep.placement_postcode, ep.urn,
        cp.start_date as period_start, cp.end_date as period_end, cp.reason_ended,
        (select min(x.start_date) from cla_episode x where x.la_code = ep.la_code and x.placement_id = ep.placement_id) as placement_from,
        (select min(x.start_date) from cla_episode x where x.la_code = ep.la_code and x.period_id = ep.period_id and x.start_date <= ep.start_date
           and x.start_date > coalesce((select max(y.start_date) from cla_episode y where y.la_code = ep.la_code and y.period_id = ep.period_id
                                        and y.start_date <= ep.start_date and y.legal_status <> ep.legal_status), '0001-01-01'::date)) as legal_status_from,
        exists (select 1 from uasc_record u where u.la_code = p.la_code and u.child_id = p.person_id and u.referred_on <= ${ctx.asOf}::date
                and (u.ceased_on is null or u.ceased_on >= ${ctx.from12}::date)) as uasc_12m,
        exists (select 1 from care_period o where o.la_code = p.la_code and o.child_id = p.person_id and o.period_id <> ep.period_id
                and o.start_date < cp.start_date and o.end_date >= ${ctx.from12}::date) as earlier_period_12m,
        (select max(r.held_on) from cla_review r where r.la_code = p.la_code and r.child_id = p.person_id and r.held_on <= ${ctx.asOf}::date) as last_review_on,
        (select max(r.iro_contact_on) from cla_review r where r.la_code = p.la_code and r.child_id = p.person_id and r.iro_contact_on <= ${ctx.asOf}::date) as last_iro_contact_on,
        (select max(v.visited_on) from visit v where v.la_code = p.la_code and v.child_id = p.person_id and v.purpose = 'looked-after' and v.visited_on <= ${ctx.asOf}::date) as last_visit_on,
        (select pp.plan_type from permanence_plan pp where pp.la_code = p.la_code and pp.child_id = p.person_id and pp.agreed_on <= ${ctx.asOf}::date
           and (pp.ended_on is null or pp.ended_on > ${ctx.asOf}::date) order by pp.agreed_on desc limit 1) as permanence_plan,
        (select max(h.done_on) from health_check h where h.la_code = p.la_code and h.child_id = p.person_id and h.kind in ('initial-health-assessment', 'review-health-assessment')
           and h.done_on <= ${ctx.asOf}::date) as last_health_on,
        (select max(h.done_on) from health_check h where h.la_code = p.la_code and h.child_id = p.person_id and h.kind = 'dental' and h.done_on <= ${ctx.asOf}::date) as last_dental_on,
        (select count(distinct x.placement_id)::int from cla_episode x where x.la_code = p.la_code and x.child_id = p.person_id and x.start_date <= ${ctx.asOf}::date
           and (x.end_date is null or x.end_date >= ${ctx.from12}::date)) as placements_12m,
        (select count(*)::int from missing_episode m where m.la_code = p.la_code and m.child_id = p.person_id and m.kind = 'M'
           and m.started_at::date between ${ctx.from12}::date and ${ctx.asOf}::date) as missing_12m,
        (select count(*)::int from missing_episode m where m.la_code = p.la_code and m.child_id = p.person_id and m.kind = 'A'
           and m.started_at::date between ${ctx.from12}::date and ${ctx.asOf}::date) as absent_12m,
        lm.missing_id as last_missing_id, lm.rhi_offered_at, lm.rhi_accepted
      from (select distinct on (x.child_id) x.* from cla_episode x
            where ${ofBatch(ctx, ids, 'x')} and x.start_date <= ${ctx.asOf}::date
              and (x.end_date is null or x.end_date >= ${ctx.from6}::date)
            order by x.child_id, x.start_date desc, x.recorded_at desc) ep
      join care_period cp on cp.la_code = ep.la_code and cp.period_id = ep.period_id
      ${person(ctx, sql`ep.child_id`)}
      left join lateral (select m.missing_id, m.rhi_offered_at, m.rhi_accepted from missing_episode m where m.la_code = p.la_code and m.child_id = p.person_id
                           and m.kind = 'M' and m.ended_at is not null and m.started_at::date <= ${ctx.asOf}::date order by m.started_at desc limit 1) lm on true
      order by p.la_child_id`,
  },
  {
    id: 'care-leavers',
    number: 9,
    title: 'Leaving care services',
    scope:
      'Every care leaver eligible for leaving care support at any time in the six months before the as-of date (support not ended before the period began).',
    columns: [
      ...childColumns,
      text('UASC, or formerly UASC if 18 or over (Y/N)', (r) => yesNo(r.uasc === true)),
      disability(),
      ...allocated,
      text('Allocated Personal Advisor', (r) => str(r.pa_name)),
      text('Eligibility Category', (r) => LEAVER_ELIGIBILITY[String(r.category)] ?? 'e) Other'),
      date('Latest Pathway Plan Review Date', 'last_pathway_on'),
      text('LA in Touch', (r) => inTouchCategory(str(r.in_touch))),
      date('Latest Date of Contact', 'last_contact_on'),
      text('Type of Accommodation', (r) => accommodationCategory(str(r.accommodation))),
      text('Suitability of Accommodation', (r) => (r.accommodation ? suitabilityCategory(r.suitable as boolean | null) : suitabilityCategory(null))),
      text('Activity Status', (r) => {
        const a = str(r.activity);
        return a ? `${a}: ${ACTIVITY[a as keyof typeof ACTIVITY] ?? a}` : null;
      }),
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, cl.category, (p.uasc or exists (select 1 from uasc_record u where u.la_code = p.la_code and u.child_id = p.person_id)) as uasc,
        pa.pa_name, bc.in_touch, bc.activity, la.accommodation, la.suitable,
        (select max(pp.held_on) from pathway_plan pp where pp.la_code = p.la_code and pp.child_id = p.person_id and pp.held_on <= ${ctx.asOf}::date) as last_pathway_on,
        greatest((select max(v.visited_on) from pa_visit v where v.la_code = p.la_code and v.child_id = p.person_id and v.visited_on <= ${ctx.asOf}::date), bc.contact_on) as last_contact_on
      from care_leaver cl ${person(ctx, sql`cl.child_id`)}
      left join lateral (select w.given_name || ' ' || w.family_name as pa_name from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
                         where a.la_code = p.la_code and a.child_id = p.person_id and a.allocation_role = 'personal-adviser' and a.start_date <= ${ctx.asOf}::date
                         order by (a.end_date is null or a.end_date > ${ctx.asOf}::date) desc, a.start_date desc limit 1) pa on true
      left join lateral (select b.in_touch, b.activity, b.contact_on from leaver_birthday_contact b where b.la_code = p.la_code and b.child_id = p.person_id
                           and b.contact_on <= ${ctx.asOf}::date order by b.contact_on desc limit 1) bc on true
      left join lateral (select m.accommodation, m.suitable from leaver_accommodation m where m.la_code = p.la_code and m.child_id = p.person_id
                           and m.moved_on <= ${ctx.asOf}::date order by m.moved_on desc, m.created_at desc limit 1) la on true
      where ${ofBatch(ctx, ids, 'cl')} and cl.eligible_from <= ${ctx.asOf}::date
        and (cl.support_ended_on is null or cl.support_ended_on >= ${ctx.from6}::date)
      order by p.la_child_id`,
  },
  {
    id: 'adoption',
    number: 10,
    title: 'Adoption',
    scope:
      'Every child with a decision that they should be placed for adoption by the as-of date whose adoption was still in progress in the twelve months before it (no adoption order, and no decision to stop, before the twelve months began).',
    columns: [
      childColumns[0] as Column,
      blank('Family identifier', 'Lantern does not yet hold the prospective adopters as records (list 11)'),
      ...childColumns.slice(1),
      disability(),
      date('Date the Child Entered Care', 'entered_care_on'),
      date('Date of Decision that Child Should be Placed for Adoption', 'decision_on'),
      date('Date of Placement Order', 'placement_order_on'),
      date('Date of Matching Child and Prospective Adopters', 'matched_on'),
      date('Date Placed for Adoption', 'placed_on'),
      date('Date of Adoption Order', 'adoption_order_on'),
      date('Date of Decision that Child Should No Longer be Placed for Adoption', 'no_longer_on'),
      text('Reason Why Child No Longer Placed for Adoption', (r, ctx) => {
        if (!upTo(r.no_longer_on, ctx)) return null;
        const code = str(r.placed_ceased_reason);
        return (code && NO_LONGER_PLACED_CATEGORY[code]) ?? str(r.no_longer_reason);
      }),
      date('Date the child was placed for fostering in FFA or concurrent planning placement', 'ffa_on'),
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, ad.decision_on, ad.placement_order_on, ad.matched_on, ad.placed_on, ad.adoption_order_on, ad.no_longer_on, ad.no_longer_reason,
        ad.placed_ceased_reason,
        (select max(cp.start_date) from care_period cp where cp.la_code = ad.la_code and cp.child_id = ad.child_id and cp.start_date <= ad.decision_on) as entered_care_on,
        (select min(x.start_date) from cla_episode x where x.la_code = ad.la_code and x.child_id = ad.child_id and x.placement_type in ('U2', 'U5')
           and x.start_date <= ${ctx.asOf}::date) as ffa_on
      from adoption ad ${person(ctx, sql`ad.child_id`)}
      where ${ofBatch(ctx, ids, 'ad')} and ad.decision_on <= ${ctx.asOf}::date
        and (ad.adoption_order_on is null or ad.adoption_order_on >= ${ctx.from12}::date)
        and (ad.no_longer_on is null or ad.no_longer_on >= ${ctx.from12}::date)
      order by p.la_child_id, ad.decision_on`,
  },
  {
    id: 'adopters',
    number: 11,
    title: 'Adopters',
    scope:
      'Prospective adopters and adopters. Lantern holds the adopters of a child only as the 903 does (how many, their sex and legal status), not as people with a recruitment process, so the list is empty.',
    columns: [
      'Individual adopter identifier',
      'Family identifier',
      'Gender',
      'Ethnicity',
      'Disability',
      'Is the (prospective) adopter fostering for adoption?',
      'Date enquiry received',
      'Date Stage 1 started',
      'Date Stage 1 ended',
      'Date Stage 2 started',
      'Date Stage 2 ended',
      'Date application submitted',
      'Date application approved',
      'Date adopter matched with child(ren)',
      'Date child/children placed with adopter(s)',
      'No. of children placed',
      'Date of Adoption Order',
      'Date of leaving adoption process',
      'Reason for leaving adoption process',
    ].map((h) => blank(h, 'Lantern holds no adopter records')),
    query: null,
  },
];
