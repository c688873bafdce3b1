/**
 * Ofsted's Annex A lists as data: each list's sheet, its columns (Ofsted's header text and how
 * the value comes from the row) and the SQL that finds its rows for a batch of children; lists 8
 * to 11 (care, leaving care, adoption) are in care-lists.ts. Periods and code groupings come from core (`@lantern/core/returns/annex-a`); what Lantern does
 * not hold is a column left blank, with the reason in `blank` (docs/annex-a.md lists them).
 */
import { ABUSE_CATEGORY, needCategory, sourceCategory, yesNo } from '@lantern/core/returns/annex-a';
import { sql } from 'kysely';
import {
  type AnnexAList,
  allocated,
  blank,
  childColumns,
  count,
  date,
  disability,
  ofBatch,
  person,
  personFields,
  type Row,
  str,
  text,
  upTo,
} from './list-columns.ts';
import { CARE_LISTS } from './care-lists.ts';

export type { AnnexAList, ListContext } from './list-columns.ts';

export const ANNEX_A_LISTS: AnnexAList[] = [
  {
    id: 'contacts',
    number: 1,
    title: 'Contacts',
    scope: 'Every contact received in the six months before the as-of date (one row a contact).',
    columns: [...childColumns, date('Date of Contact', 'received_on'), text('Contact Source', (r) => sourceCategory(str(r.source)))],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, c.received_on, c.source
      from contact c ${person(ctx, sql`c.child_id`)}
      where ${ofBatch(ctx, ids, 'c')} and c.received_on between ${ctx.from6}::date and ${ctx.asOf}::date
      order by p.la_child_id, c.received_on, c.received_at`,
  },
  {
    id: 'early-help',
    number: 2,
    title: 'Early Help Assessments',
    scope:
      'Early help assessments in the six months before the as-of date. Lantern records a contact’s decision to refer to early help but holds no early help assessments, so the list is empty.',
    columns: [
      ...childColumns,
      blank('Assessment start date', 'Lantern holds no early help assessments'),
      blank('Assessment completion date', 'Lantern holds no early help assessments'),
      blank('Organisation completing assessment', 'Lantern holds no early help assessments'),
    ],
    query: null,
  },
  {
    id: 'referrals',
    number: 3,
    title: 'Referrals',
    scope: 'Every referral (child-in-need episode) received in the six months before the as-of date; a child referred twice has two rows.',
    columns: [
      ...childColumns,
      date('Date of referral', 'referral_date'),
      text('Referral Source', (r) => sourceCategory(str(r.referral_source))),
      text('Referral NFA?', (r) => yesNo(r.referral_nfa === true)),
      count('Number of Referrals in Last 12 Months', 'previous_referrals'),
      ...allocated,
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, e.referral_date, e.referral_source, e.referral_nfa,
        (select count(*)::int from cin_episode e2 where e2.la_code = e.la_code and e2.child_id = e.child_id and e2.episode_id <> e.episode_id
           and e2.referral_date <= e.referral_date and e2.referral_date > (e.referral_date - interval '12 months')::date) as previous_referrals
      from cin_episode e ${person(ctx, sql`e.child_id`)}
      where ${ofBatch(ctx, ids, 'e')} and e.referral_date between ${ctx.from6}::date and ${ctx.asOf}::date
      order by p.la_child_id, e.referral_date, e.created_at`,
  },
  {
    id: 'assessments',
    number: 4,
    title: 'Assessments',
    scope: 'Every assessment open at any time in the six months before the as-of date: started by it and not authorised before the period began.',
    columns: [
      ...childColumns,
      disability('Does the Child have a Disability'),
      date('Continuous Assessment Start Date', 'start_date'),
      text('Child Seen During Continuous Assessment', (r, ctx) => yesNo(!!upTo(r.child_seen_on, ctx))),
      date('Continuous Assessment Date of Authorisation', 'authorised_on'),
      text("Was the child assessed as requiring LA children's social care support?", (r, ctx) =>
        upTo(r.authorised_on, ctx) ? yesNo(['child-in-need-plan', 'strategy-discussion', 'looked-after'].includes(String(r.outcome))) : null,
      ),
      ...allocated,
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, a.start_date, a.child_seen_on, a.authorised_on, a.outcome
      from assessment a ${person(ctx, sql`a.child_id`)}
      where ${ofBatch(ctx, ids, 'a')} and a.start_date <= ${ctx.asOf}::date
        and (a.authorised_on is null or a.authorised_on >= ${ctx.from6}::date)
      order by p.la_child_id, a.start_date, a.created_at`,
  },
  {
    id: 'section-47',
    number: 5,
    title: 'Section 47 enquiries and ICPCs',
    sheet: 'S47 enquiries and ICPCs',
    scope:
      'Every section 47 enquiry open at any time in the six months before the as-of date (started by it, not completed before the period began), one row an enquiry, with its initial conference.',
    columns: [
      ...childColumns,
      disability(),
      date('Strategy discussion initiating Section 47 Enquiry Start Date', 'strategy_on'),
      text('Was an Initial Child Protection Conference deemed unnecessary?', (r, ctx) =>
        r.icpc_not_required === true ? 'Y' : upTo(r.completed_on, ctx) || upTo(r.icpc_on, ctx) ? 'N' : null,
      ),
      date('Date of Initial Child Protection Conference', 'icpc_on'),
      text('Did the Initial Child Protection Conference Result in a Child Protection Plan', (r, ctx) =>
        upTo(r.icpc_on, ctx) ? yesNo(r.icpc_outcome === 'plan') : null,
      ),
      count('Number of Section 47 Enquiries in the last 12 months', 'previous_s47s'),
      count('Number of ICPCs in the last 12 months', 'previous_icpcs'),
      ...allocated,
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, s.start_date, s.completed_on, s.icpc_not_required, sd.held_on as strategy_on, ic.held_on as icpc_on, ic.outcome as icpc_outcome,
        (select count(*)::int from section47 s2 where s2.la_code = s.la_code and s2.child_id = s.child_id and s2.s47_id <> s.s47_id
           and s2.start_date <= s.start_date and s2.start_date > (s.start_date - interval '12 months')::date) as previous_s47s,
        (select count(*)::int from cp_conference c2 where c2.la_code = s.la_code and c2.child_id = s.child_id and c2.kind = 'initial'
           and c2.held_on < s.start_date and c2.held_on > (s.start_date - interval '12 months')::date) as previous_icpcs
      from section47 s
      join strategy_discussion sd on sd.la_code = s.la_code and sd.strategy_id = s.strategy_id
      ${person(ctx, sql`s.child_id`)}
      left join lateral (select c.held_on, c.outcome from cp_conference c where c.la_code = s.la_code and c.s47_id = s.s47_id and c.kind = 'initial'
                         and c.held_on <= ${ctx.asOf}::date order by c.held_on limit 1) ic on true
      where ${ofBatch(ctx, ids, 's')} and s.start_date <= ${ctx.asOf}::date
        and (s.completed_on is null or s.completed_on >= ${ctx.from6}::date or ic.held_on >= ${ctx.from6}::date)
      order by p.la_child_id, s.start_date, s.created_at`,
  },
  {
    id: 'children-in-need',
    number: 6,
    title: 'Children in need',
    scope:
      'Every child-in-need episode open at any time in the six months before the as-of date (referred by it, not closed before the period began), except referrals that went no further (NFA).',
    columns: [
      ...childColumns,
      disability(),
      date('CIN Start Date', 'referral_date'),
      text('Primary Need Code', (r) => needCategory(str(r.primary_need))),
      date('Date Child Was Last Seen', 'last_seen'),
      date('CIN Closure Date', 'closure_date'),
      text('Reason for Closure', (r, ctx) => (upTo(r.closure_date, ctx) ? str(r.closure_reason) : null)),
      text('Case Status', (r, ctx) => {
        if (upTo(r.closure_date, ctx)) return 'e) Closed episode';
        if (r.looked_after) return 'a) Looked after child';
        if (r.on_cp_plan) return 'b) Child protection plan';
        if (r.on_cin_plan) return 'c) Child in need plan';
        if (r.open_assessment) return 'd) Open assessment';
        return null;
      }),
      ...allocated,
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, e.referral_date, e.primary_need, e.closure_date, e.closure_reason,
        (select max(v.visited_on) from visit v where v.la_code = e.la_code and v.child_id = e.child_id and v.child_seen and v.visited_on <= ${ctx.asOf}::date) as last_seen,
        exists (select 1 from cla_episode x where x.la_code = e.la_code and x.child_id = e.child_id and x.start_date <= ${ctx.asOf}::date
                and (x.end_date is null or x.end_date > ${ctx.asOf}::date)) as looked_after,
        exists (select 1 from cp_plan x where x.la_code = e.la_code and x.episode_id = e.episode_id and x.start_date <= ${ctx.asOf}::date
                and (x.end_date is null or x.end_date > ${ctx.asOf}::date)) as on_cp_plan,
        exists (select 1 from cin_plan x where x.la_code = e.la_code and x.episode_id = e.episode_id and x.start_date <= ${ctx.asOf}::date
                and (x.end_date is null or x.end_date > ${ctx.asOf}::date)) as on_cin_plan,
        exists (select 1 from assessment x where x.la_code = e.la_code and x.episode_id = e.episode_id and x.start_date <= ${ctx.asOf}::date
                and (x.authorised_on is null or x.authorised_on > ${ctx.asOf}::date)) as open_assessment
      from cin_episode e ${person(ctx, sql`e.child_id`)}
      where ${ofBatch(ctx, ids, 'e')} and not e.referral_nfa and e.referral_date <= ${ctx.asOf}::date
        and (e.closure_date is null or e.closure_date >= ${ctx.from6}::date)
      order by p.la_child_id, e.referral_date, e.created_at`,
  },
  {
    id: 'child-protection',
    number: 7,
    title: 'Child protection',
    scope: 'Every child protection plan open at any time in the six months before the as-of date (started by it, not ended before the period began).',
    columns: [
      ...childColumns,
      disability(),
      date('Child Protection Plan Start Date', 'start_date'),
      text('Initial Category of Abuse', (r) => ABUSE_CATEGORY[String(r.initial_category)] ?? null),
      text('Latest Category of Abuse', (r) => ABUSE_CATEGORY[String(r.latest_category)] ?? null),
      date('Date of the Last Statutory Visit', 'last_visit_on'),
      text('Was the Child Seen Alone?', (r) => (r.last_visit_on ? yesNo(r.last_visit_alone === true) : null)),
      date('Date of latest review conference', 'last_review_on'),
      date('Child Protection Plan End Date', 'end_date'),
      text('Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', (r) => yesNo(r.epo_or_police === true)),
      count('Number of Previous Child Protection Plans', 'previous_plans'),
      ...allocated,
    ],
    query: (ctx, ids) => sql<Row>`
      select ${personFields}, cp.start_date, cp.initial_category, cp.latest_category, cp.end_date, cp.previous_plans,
        lv.visited_on as last_visit_on, lv.seen_alone as last_visit_alone,
        (select max(c.held_on) from cp_conference c where c.la_code = cp.la_code and c.plan_id = cp.plan_id and c.kind = 'review' and c.held_on <= ${ctx.asOf}::date) as last_review_on,
        exists (select 1 from cla_episode x where x.la_code = cp.la_code and x.child_id = cp.child_id and x.legal_status in ('L1', 'L2')
                and x.start_date <= ${ctx.asOf}::date and (x.end_date is null or x.end_date >= ${ctx.from6}::date)) as epo_or_police
      from cp_plan cp ${person(ctx, sql`cp.child_id`)}
      left join lateral (select v.visited_on, v.seen_alone from visit v where v.la_code = cp.la_code and v.child_id = cp.child_id and v.purpose = 'child-protection'
                           and v.child_seen and v.visited_on >= cp.start_date and v.visited_on <= least(coalesce(cp.end_date, ${ctx.asOf}::date), ${ctx.asOf}::date)
                         order by v.visited_on desc, v.created_at desc limit 1) lv on true
      where ${ofBatch(ctx, ids, 'cp')} and cp.start_date <= ${ctx.asOf}::date
        and (cp.end_date is null or cp.end_date >= ${ctx.from6}::date)
      order by p.la_child_id, cp.start_date`,
  },
  ...CARE_LISTS,
];
