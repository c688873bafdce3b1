/** The SSD's children-in-need and child protection objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, CHILD_ID, d, keyedPage, type PageOf, type SsdObject, type SsdRow, ssdObject, teamField, ts, workerField, yn } from './model.ts';

/** A page of the council's visits of the purposes given, with the plan or period of care open on the day. */
const visits = (purposes: string, laCode: string, last: string | null, limit: number) =>
  sql`
    select t.visit_id::text as _key, t.visit_id::text as id, t.child_id::text as person, ${d('t.visited_on')} as visited,
      ${yn('t.child_seen')} as seen, ${yn('t.seen_alone')} as alone,
      ${sql.raw(`(select c.plan_id::text from cp_plan c where c.la_code = t.la_code and c.child_id = t.child_id and c.start_date <= t.visited_on
        and (c.end_date is null or c.end_date >= t.visited_on) order by c.start_date desc limit 1)`)} as cp_plan,
      ${sql.raw(`(select e.period_id::text from cla_episode e where e.la_code = t.la_code and e.child_id = t.child_id and e.start_date <= t.visited_on
        and (e.end_date is null or e.end_date >= t.visited_on) order by e.start_date desc limit 1)`)} as cla_period
    from visit t where t.la_code = ${laCode} and t.purpose in (${sql.raw(purposes)}) and ${after('t.visit_id', last)} order by t.visit_id limit ${limit}`;

/** The page of an object of visits of the purposes given: each SSD field from a column of the visit (`v`). */
const visitPage =
  (purposes: string): PageOf =>
  (columns) =>
  (laCode, last, limit) =>
    sql<SsdRow>`
  select v._key, ${columns}
  from (${visits(purposes, laCode, last, limit)}) v order by v._key`;

const SOURCE_WORDS = 'the source code is kept; its words are on Lantern’s screens';
const NO_BEDROOM = 'Lantern does not record whether the bedroom was seen';

export const CIN: SsdObject[] = [
  ssdObject(
    'ssd_contacts',
    keyedPage({ table: 'contact', key: 'contact_id' }),
    {
      cont_contact_id: ['t.contact_id::text', 'the contact’s Lantern id'],
      cont_person_id: CHILD_ID,
      cont_contact_date: [ts('t.received_at'), 'when the contact was received (date and time)'],
      cont_contact_source_code: ['t.source', 'its source code, as recorded'],
      cont_contact_outcome_json: [
        "json_build_object('decision', t.decision, 'decided_on', t.decided_on, 'referral_id', t.episode_id)::text",
        'JSON {"decision": nfa | early-help | referral, "decided_on", "referral_id"}',
      ],
    },
    { cont_contact_source_desc: SOURCE_WORDS },
  ),
  ssdObject(
    'ssd_cin_episodes',
    keyedPage({ table: 'cin_episode', key: 'episode_id' }),
    {
      cine_referral_id: ['t.episode_id::text', 'the CIN episode’s Lantern id'],
      cine_person_id: CHILD_ID,
      cine_referral_date: [d('t.referral_date'), 'referral date'],
      cine_cin_primary_need_code: ['t.primary_need', 'primary need code (N0–N9)'],
      cine_referral_source_code: ['t.referral_source', 'referral source code (CIN census)'],
      cine_referral_outcome_json: [
        "json_build_object('referrals_previous_12_months', t.referrals_previous_12_months)::text",
        'JSON {"referrals_previous_12_months"}',
      ],
      cine_referral_nfa: [yn('t.referral_nfa'), 'Y when the referral was no further action, else N'],
      cine_close_reason: ['t.closure_reason', 'closure reason code (RC1–RC9)'],
      cine_close_date: [d('t.closure_date'), 'closure date'],
      cine_referral_team: teamField('t.referral_date', 'the referral date'),
      cine_referral_worker_id: workerField('t.referral_date', 'the referral date'),
    },
    { cine_referral_source_desc: SOURCE_WORDS },
  ),
  ssdObject('ssd_cin_assessments', keyedPage({ table: 'assessment', key: 'assessment_id' }), {
    cina_assessment_id: ['t.assessment_id::text', 'the assessment’s Lantern id'],
    cina_person_id: CHILD_ID,
    cina_referral_id: ['t.episode_id::text', 'its CIN episode'],
    cina_assessment_start_date: [d('t.start_date'), 'start date'],
    cina_assessment_child_seen: [yn('t.child_seen_on is not null'), 'Y when the child was seen during it, else N'],
    cina_assessment_auth_date: [d('t.authorised_on'), 'the date a manager authorised it'],
    cina_assessment_outcome_json: ["json_build_object('outcome', t.outcome, 'completed_on', t.completed_on)::text", 'JSON {"outcome", "completed_on"}'],
    cina_assessment_outcome_nfa: [yn("t.outcome = 'no-further-action'"), 'Y when its outcome was no further action, else N'],
    cina_assessment_team: teamField('t.start_date', 'the start date'),
    cina_assessment_worker_id: workerField('t.start_date', 'the start date'),
  }),
  ssdObject('ssd_assessment_factors', keyedPage({ table: 'assessment', key: 'assessment_id', where: sql`cardinality(t.factors) > 0` }), {
    cinf_table_id: ['t.assessment_id::text', 'the assessment’s Lantern id'],
    cinf_assessment_id: ['t.assessment_id::text', 'the assessment (ssd_cin_assessments)'],
    cinf_assessment_factors_json: ['to_json(t.factors)::text', 'JSON array of the factor codes identified (CIN census, e.g. ["2A","4B"])'],
  }),
  ssdObject('ssd_cin_plans', keyedPage({ table: 'cin_plan', key: 'cin_plan_id' }), {
    cinp_cin_plan_id: ['t.cin_plan_id::text', 'the plan’s Lantern id'],
    cinp_referral_id: ['t.episode_id::text', 'its CIN episode'],
    cinp_person_id: CHILD_ID,
    cinp_cin_plan_start_date: [d('t.start_date'), 'start date'],
    cinp_cin_plan_end_date: [d('t.end_date'), 'end date'],
    cinp_cin_plan_team: teamField('t.start_date', 'the start date'),
    cinp_cin_plan_worker_id: workerField('t.start_date', 'the start date'),
  }),
  ssdObject('ssd_s47_enquiry', keyedPage({ table: 'section47', key: 's47_id' }), {
    s47e_s47_enquiry_id: ['t.s47_id::text', 'the enquiry’s Lantern id'],
    s47e_referral_id: ['t.episode_id::text', 'its CIN episode'],
    s47e_person_id: CHILD_ID,
    s47e_s47_start_date: [d('t.start_date'), 'start date'],
    s47e_s47_end_date: [d('t.completed_on'), 'the date it was completed'],
    s47e_s47_nfa: [yn("t.outcome = 'no-further-action'"), 'Y when its outcome was no further action, else N'],
    s47e_s47_outcome_json: [
      "json_build_object('outcome', t.outcome, 'icpc_required', not t.icpc_not_required)::text",
      'JSON {"outcome": conference | no-further-action | child-in-need-plan, "icpc_required"}',
    ],
    s47e_s47_completed_by_worker_id: workerField('t.start_date', 'the start date'),
    s47e_s47_completed_by_team: teamField('t.start_date', 'the start date'),
  }),
  ssdObject(
    'ssd_initial_cp_conference',
    keyedPage({ table: 'cp_conference', key: 'conference_id', where: sql`t.kind = 'initial'` }),
    {
      icpc_icpc_id: ['t.conference_id::text', 'the conference’s Lantern id'],
      icpc_icpc_meeting_id: ['t.conference_id::text', 'the conference’s Lantern id (its meeting record is keyed by it)'],
      icpc_s47_enquiry_id: ['t.s47_id::text', 'the section 47 enquiry it followed'],
      icpc_person_id: CHILD_ID,
      icpc_cp_plan_id: ['t.plan_id::text', 'the child protection plan it started'],
      icpc_referral_id: ['t.episode_id::text', 'its CIN episode'],
      icpc_icpc_date: [d('t.held_on'), 'the date it was held'],
      icpc_icpc_outcome_cp_flag: [yn("t.outcome = 'plan'"), 'Y when the child was made subject to a plan, else N'],
      icpc_icpc_outcome_json: [
        "json_build_object('outcome', t.outcome, 'child_met_decider', t.child_met_decider, 'parents_met_decider', t.parents_met_decider)::text",
        'JSON {"outcome", "child_met_decider", "parents_met_decider"}',
      ],
      icpc_icpc_team: teamField('t.held_on', 'the day'),
      icpc_icpc_worker_id: workerField('t.held_on', 'the day'),
    },
    {
      icpc_icpc_transfer_in: 'Lantern records a transfer-in conference as a conference, without the flag',
      icpc_icpc_target_date: 'a deadline Lantern derives (the `icpc` obligation), not a recorded fact',
    },
  ),
  ssdObject(
    'ssd_cp_plans',
    keyedPage({ table: 'cp_plan', key: 'plan_id' }),
    {
      cppl_cp_plan_id: ['t.plan_id::text', 'the plan’s Lantern id'],
      cppl_referral_id: ['t.episode_id::text', 'its CIN episode'],
      cppl_icpc_id: [
        "(select c.conference_id::text from cp_conference c where c.la_code = t.la_code and c.plan_id = t.plan_id and c.kind = 'initial' order by c.held_on limit 1)",
        'the initial conference that started it',
      ],
      cppl_person_id: CHILD_ID,
      cppl_cp_plan_start_date: [d('t.start_date'), 'start date'],
      cppl_cp_plan_end_date: [d('t.end_date'), 'end date'],
      cppl_cp_plan_initial_category: ['t.initial_category', 'initial category of abuse (CIN census)'],
      cppl_cp_plan_latest_category: ['t.latest_category', 'latest category of abuse'],
    },
    { cppl_cp_plan_ola: 'Lantern does not record plans of other councils' },
  ),
  ssdObject(
    'ssd_cp_reviews',
    keyedPage({ table: 'cp_conference', key: 'conference_id', where: sql`t.kind = 'review'` }),
    {
      cppr_cp_review_id: ['t.conference_id::text', 'the review conference’s Lantern id'],
      cppr_person_id: CHILD_ID,
      cppr_cp_plan_id: ['t.plan_id::text', 'the plan reviewed'],
      cppr_cp_review_date: [d('t.held_on'), 'the date it was held'],
      cppr_cp_review_meeting_id: ['t.conference_id::text', 'the conference’s Lantern id (its meeting record is keyed by it)'],
      cppr_cp_review_outcome_continue_cp: [yn("t.outcome = 'continue-plan'"), 'Y when the plan continued, N when it ended'],
      cppr_cp_review_participation: [yn('t.child_met_decider'), 'Y when the child met the person chairing, else N'],
    },
    {
      cppr_cp_review_due: 'a deadline Lantern derives (the `rcpc` obligation), not a recorded fact',
      cppr_cp_review_quorate: 'Lantern records who attended (the meeting record), not a quoracy flag',
    },
  ),
  ssdObject(
    'ssd_cin_visits',
    visitPage("'child-in-need', 'assessment', 'other'"),
    {
      cinv_cin_visit_id: ['v.id', 'the visit’s Lantern id (visits for a child in need, an assessment, or other)'],
      cinv_person_id: ['v.person', 'the child’s Lantern id'],
      cinv_cin_visit_date: ['v.visited', 'the date of the visit'],
      cinv_cin_visit_seen: ['v.seen', 'Y when the child was seen'],
      cinv_cin_visit_seen_alone: ['v.alone', 'Y when the child was seen alone'],
    },
    { cinv_cin_visit_bedroom: NO_BEDROOM },
  ),
  ssdObject(
    'ssd_cp_visits',
    visitPage("'child-protection'"),
    {
      cppv_cp_visit_id: ['v.id', 'the visit’s Lantern id (child protection visits)'],
      cppv_person_id: ['v.person', 'the child’s Lantern id'],
      cppv_cp_plan_id: ['v.cp_plan', 'the child protection plan open on the day'],
      cppv_cp_visit_date: ['v.visited', 'the date of the visit'],
      cppv_cp_visit_seen: ['v.seen', 'Y when the child was seen'],
      cppv_cp_visit_seen_alone: ['v.alone', 'Y when the child was seen alone'],
    },
    { cppv_cp_visit_bedroom: NO_BEDROOM },
  ),
  ssdObject('ssd_cla_visits', visitPage("'looked-after'"), {
    clav_cla_visit_id: ['v.id', 'the visit’s Lantern id (visits to a looked-after child)'],
    clav_cla_id: ['v.cla_period', 'the period of care open on the day (ssd_cla_episodes’ clae_cla_id)'],
    clav_person_id: ['v.person', 'the child’s Lantern id'],
    clav_cla_visit_date: ['v.visited', 'the date of the visit'],
    clav_cla_visit_seen: ['v.seen', 'Y when the child was seen'],
    clav_cla_visit_seen_alone: ['v.alone', 'Y when the child was seen alone'],
  }),
];
