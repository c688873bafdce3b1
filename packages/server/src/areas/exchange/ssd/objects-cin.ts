/** The SSD's children-in-need and child protection objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, d, keyedPage, LANTERN_TEAM, LANTERN_WORKER, type SsdObject, type SsdRow, teamOn, ts, workerOn, yn } from './model.ts';

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

type VisitColumn = 'id' | 'person' | 'visited' | 'seen' | 'alone' | 'cp_plan' | 'cla_period';

/** The page of an object of visits of the purposes given: each SSD field from a column of the visit. */
const visitPage = (purposes: string, fields: Record<string, VisitColumn>) => (laCode: string, last: string | null, limit: number) =>
  sql<SsdRow>`
  select v._key, ${sql.join(Object.entries(fields).map(([field, column]) => sql`${sql.ref(`v.${column}`)} as ${sql.ref(field)}`))}
  from (${visits(purposes, laCode, last, limit)}) v order by v._key`;

export const CIN: SsdObject[] = [
  {
    object: 'ssd_contacts',
    from: {
      cont_contact_id: 'the contact’s Lantern id',
      cont_person_id: 'the child’s Lantern id',
      cont_contact_date: 'when the contact was received (date and time)',
      cont_contact_source_code: 'its source code, as recorded',
      cont_contact_outcome_json: 'JSON {"decision": nfa | early-help | referral, "decided_on", "referral_id"}',
    },
    blank: { cont_contact_source_desc: 'the source code is kept; its words are on Lantern’s screens' },
    page: keyedPage(
      { table: 'contact', key: 'contact_id' },
      sql`
      t.contact_id::text as cont_contact_id, t.child_id::text as cont_person_id,
        ${ts('t.received_at')} as cont_contact_date, t.source as cont_contact_source_code,
        json_build_object('decision', t.decision, 'decided_on', t.decided_on, 'referral_id', t.episode_id)::text as cont_contact_outcome_json`,
    ),
  },
  {
    object: 'ssd_cin_episodes',
    from: {
      cine_referral_id: 'the CIN episode’s Lantern id',
      cine_person_id: 'the child’s Lantern id',
      cine_referral_date: 'referral date',
      cine_cin_primary_need_code: 'primary need code (N0–N9)',
      cine_referral_source_code: 'referral source code (CIN census)',
      cine_referral_outcome_json: 'JSON {"referrals_previous_12_months"}',
      cine_referral_nfa: 'Y when the referral was no further action, else N',
      cine_close_reason: 'closure reason code (RC1–RC9)',
      cine_close_date: 'closure date',
      cine_referral_team: `${LANTERN_TEAM}, on the referral date`,
      cine_referral_worker_id: `${LANTERN_WORKER}, on the referral date`,
    },
    blank: { cine_referral_source_desc: 'the source code is kept; its words are on Lantern’s screens' },
    page: keyedPage(
      { table: 'cin_episode', key: 'episode_id' },
      sql`
      t.episode_id::text as cine_referral_id, t.child_id::text as cine_person_id, ${d('t.referral_date')} as cine_referral_date,
        t.primary_need as cine_cin_primary_need_code, t.referral_source as cine_referral_source_code,
        json_build_object('referrals_previous_12_months', t.referrals_previous_12_months)::text as cine_referral_outcome_json,
        ${yn('t.referral_nfa')} as cine_referral_nfa, t.closure_reason as cine_close_reason, ${d('t.closure_date')} as cine_close_date,
        ${teamOn('t.referral_date')} as cine_referral_team, ${workerOn('t.referral_date')} as cine_referral_worker_id`,
    ),
  },
  {
    object: 'ssd_cin_assessments',
    from: {
      cina_assessment_id: 'the assessment’s Lantern id',
      cina_person_id: 'the child’s Lantern id',
      cina_referral_id: 'its CIN episode',
      cina_assessment_start_date: 'start date',
      cina_assessment_child_seen: 'Y when the child was seen during it, else N',
      cina_assessment_auth_date: 'the date a manager authorised it',
      cina_assessment_outcome_json: 'JSON {"outcome", "completed_on"}',
      cina_assessment_outcome_nfa: 'Y when its outcome was no further action, else N',
      cina_assessment_team: `${LANTERN_TEAM}, on the start date`,
      cina_assessment_worker_id: `${LANTERN_WORKER}, on the start date`,
    },
    blank: {},
    page: keyedPage(
      { table: 'assessment', key: 'assessment_id' },
      sql`
      t.assessment_id::text as cina_assessment_id, t.child_id::text as cina_person_id, t.episode_id::text as cina_referral_id,
        ${d('t.start_date')} as cina_assessment_start_date, ${yn('t.child_seen_on is not null')} as cina_assessment_child_seen,
        ${d('t.authorised_on')} as cina_assessment_auth_date,
        json_build_object('outcome', t.outcome, 'completed_on', t.completed_on)::text as cina_assessment_outcome_json,
        ${yn("t.outcome = 'no-further-action'")} as cina_assessment_outcome_nfa,
        ${teamOn('t.start_date')} as cina_assessment_team, ${workerOn('t.start_date')} as cina_assessment_worker_id`,
    ),
  },
  {
    object: 'ssd_assessment_factors',
    from: {
      cinf_table_id: 'the assessment’s Lantern id',
      cinf_assessment_id: 'the assessment (ssd_cin_assessments)',
      cinf_assessment_factors_json: 'JSON array of the factor codes identified (CIN census, e.g. ["2A","4B"])',
    },
    blank: {},
    page: keyedPage(
      { table: 'assessment', key: 'assessment_id', where: sql`cardinality(t.factors) > 0` },
      sql`
      t.assessment_id::text as cinf_table_id, t.assessment_id::text as cinf_assessment_id,
        to_json(t.factors)::text as cinf_assessment_factors_json`,
    ),
  },
  {
    object: 'ssd_cin_plans',
    from: {
      cinp_cin_plan_id: 'the plan’s Lantern id',
      cinp_referral_id: 'its CIN episode',
      cinp_person_id: 'the child’s Lantern id',
      cinp_cin_plan_start_date: 'start date',
      cinp_cin_plan_end_date: 'end date',
      cinp_cin_plan_team: `${LANTERN_TEAM}, on the start date`,
      cinp_cin_plan_worker_id: `${LANTERN_WORKER}, on the start date`,
    },
    blank: {},
    page: keyedPage(
      { table: 'cin_plan', key: 'cin_plan_id' },
      sql`
      t.cin_plan_id::text as cinp_cin_plan_id, t.episode_id::text as cinp_referral_id, t.child_id::text as cinp_person_id,
        ${d('t.start_date')} as cinp_cin_plan_start_date, ${d('t.end_date')} as cinp_cin_plan_end_date,
        ${teamOn('t.start_date')} as cinp_cin_plan_team, ${workerOn('t.start_date')} as cinp_cin_plan_worker_id`,
    ),
  },
  {
    object: 'ssd_s47_enquiry',
    from: {
      s47e_s47_enquiry_id: 'the enquiry’s Lantern id',
      s47e_referral_id: 'its CIN episode',
      s47e_person_id: 'the child’s Lantern id',
      s47e_s47_start_date: 'start date',
      s47e_s47_end_date: 'the date it was completed',
      s47e_s47_nfa: 'Y when its outcome was no further action, else N',
      s47e_s47_outcome_json: 'JSON {"outcome": conference | no-further-action | child-in-need-plan, "icpc_required"}',
      s47e_s47_completed_by_worker_id: `${LANTERN_WORKER}, on the start date`,
      s47e_s47_completed_by_team: `${LANTERN_TEAM}, on the start date`,
    },
    blank: {},
    page: keyedPage(
      { table: 'section47', key: 's47_id' },
      sql`
      t.s47_id::text as s47e_s47_enquiry_id, t.episode_id::text as s47e_referral_id, t.child_id::text as s47e_person_id,
        ${d('t.start_date')} as s47e_s47_start_date, ${d('t.completed_on')} as s47e_s47_end_date, ${yn("t.outcome = 'no-further-action'")} as s47e_s47_nfa,
        json_build_object('outcome', t.outcome, 'icpc_required', not t.icpc_not_required)::text as s47e_s47_outcome_json,
        ${workerOn('t.start_date')} as s47e_s47_completed_by_worker_id, ${teamOn('t.start_date')} as s47e_s47_completed_by_team`,
    ),
  },
  {
    object: 'ssd_initial_cp_conference',
    from: {
      icpc_icpc_id: 'the conference’s Lantern id',
      icpc_icpc_meeting_id: 'the conference’s Lantern id (its meeting record is keyed by it)',
      icpc_s47_enquiry_id: 'the section 47 enquiry it followed',
      icpc_person_id: 'the child’s Lantern id',
      icpc_cp_plan_id: 'the child protection plan it started',
      icpc_referral_id: 'its CIN episode',
      icpc_icpc_date: 'the date it was held',
      icpc_icpc_outcome_cp_flag: 'Y when the child was made subject to a plan, else N',
      icpc_icpc_outcome_json: 'JSON {"outcome", "child_met_decider", "parents_met_decider"}',
      icpc_icpc_team: `${LANTERN_TEAM}, on the day`,
      icpc_icpc_worker_id: `${LANTERN_WORKER}, on the day`,
    },
    blank: {
      icpc_icpc_transfer_in: 'Lantern records a transfer-in conference as a conference, without the flag',
      icpc_icpc_target_date: 'a deadline Lantern derives (the `icpc` obligation), not a recorded fact',
    },
    page: keyedPage(
      { table: 'cp_conference', key: 'conference_id', where: sql`t.kind = 'initial'` },
      sql`
      t.conference_id::text as icpc_icpc_id, t.conference_id::text as icpc_icpc_meeting_id,
        t.s47_id::text as icpc_s47_enquiry_id, t.child_id::text as icpc_person_id, t.plan_id::text as icpc_cp_plan_id,
        t.episode_id::text as icpc_referral_id, ${d('t.held_on')} as icpc_icpc_date, ${yn("t.outcome = 'plan'")} as icpc_icpc_outcome_cp_flag,
        json_build_object('outcome', t.outcome, 'child_met_decider', t.child_met_decider, 'parents_met_decider', t.parents_met_decider)::text as icpc_icpc_outcome_json,
        ${teamOn('t.held_on')} as icpc_icpc_team, ${workerOn('t.held_on')} as icpc_icpc_worker_id`,
    ),
  },
  {
    object: 'ssd_cp_plans',
    from: {
      cppl_cp_plan_id: 'the plan’s Lantern id',
      cppl_referral_id: 'its CIN episode',
      cppl_icpc_id: 'the initial conference that started it',
      cppl_person_id: 'the child’s Lantern id',
      cppl_cp_plan_start_date: 'start date',
      cppl_cp_plan_end_date: 'end date',
      cppl_cp_plan_initial_category: 'initial category of abuse (CIN census)',
      cppl_cp_plan_latest_category: 'latest category of abuse',
    },
    blank: { cppl_cp_plan_ola: 'Lantern does not record plans of other councils' },
    page: keyedPage(
      { table: 'cp_plan', key: 'plan_id' },
      sql`
      t.plan_id::text as cppl_cp_plan_id, t.episode_id::text as cppl_referral_id,
        (select c.conference_id::text from cp_conference c where c.la_code = t.la_code and c.plan_id = t.plan_id and c.kind = 'initial' order by c.held_on limit 1) as cppl_icpc_id,
        t.child_id::text as cppl_person_id, ${d('t.start_date')} as cppl_cp_plan_start_date, ${d('t.end_date')} as cppl_cp_plan_end_date,
        t.initial_category as cppl_cp_plan_initial_category, t.latest_category as cppl_cp_plan_latest_category`,
    ),
  },
  {
    object: 'ssd_cp_reviews',
    from: {
      cppr_cp_review_id: 'the review conference’s Lantern id',
      cppr_person_id: 'the child’s Lantern id',
      cppr_cp_plan_id: 'the plan reviewed',
      cppr_cp_review_date: 'the date it was held',
      cppr_cp_review_meeting_id: 'the conference’s Lantern id (its meeting record is keyed by it)',
      cppr_cp_review_outcome_continue_cp: 'Y when the plan continued, N when it ended',
      cppr_cp_review_participation: 'Y when the child met the person chairing, else N',
    },
    blank: {
      cppr_cp_review_due: 'a deadline Lantern derives (the `rcpc` obligation), not a recorded fact',
      cppr_cp_review_quorate: 'Lantern records who attended (the meeting record), not a quoracy flag',
    },
    page: keyedPage(
      { table: 'cp_conference', key: 'conference_id', where: sql`t.kind = 'review'` },
      sql`
      t.conference_id::text as cppr_cp_review_id, t.child_id::text as cppr_person_id, t.plan_id::text as cppr_cp_plan_id,
        ${d('t.held_on')} as cppr_cp_review_date, t.conference_id::text as cppr_cp_review_meeting_id,
        ${yn("t.outcome = 'continue-plan'")} as cppr_cp_review_outcome_continue_cp, ${yn('t.child_met_decider')} as cppr_cp_review_participation`,
    ),
  },
  {
    object: 'ssd_cin_visits',
    from: {
      cinv_cin_visit_id: 'the visit’s Lantern id (visits for a child in need, an assessment, or other)',
      cinv_person_id: 'the child’s Lantern id',
      cinv_cin_visit_date: 'the date of the visit',
      cinv_cin_visit_seen: 'Y when the child was seen',
      cinv_cin_visit_seen_alone: 'Y when the child was seen alone',
    },
    blank: { cinv_cin_visit_bedroom: 'Lantern does not record whether the bedroom was seen' },
    page: visitPage("'child-in-need', 'assessment', 'other'", {
      cinv_cin_visit_id: 'id',
      cinv_person_id: 'person',
      cinv_cin_visit_date: 'visited',
      cinv_cin_visit_seen: 'seen',
      cinv_cin_visit_seen_alone: 'alone',
    }),
  },
  {
    object: 'ssd_cp_visits',
    from: {
      cppv_cp_visit_id: 'the visit’s Lantern id (child protection visits)',
      cppv_person_id: 'the child’s Lantern id',
      cppv_cp_plan_id: 'the child protection plan open on the day',
      cppv_cp_visit_date: 'the date of the visit',
      cppv_cp_visit_seen: 'Y when the child was seen',
      cppv_cp_visit_seen_alone: 'Y when the child was seen alone',
    },
    blank: { cppv_cp_visit_bedroom: 'Lantern does not record whether the bedroom was seen' },
    page: visitPage("'child-protection'", {
      cppv_cp_visit_id: 'id',
      cppv_person_id: 'person',
      cppv_cp_plan_id: 'cp_plan',
      cppv_cp_visit_date: 'visited',
      cppv_cp_visit_seen: 'seen',
      cppv_cp_visit_seen_alone: 'alone',
    }),
  },
  {
    object: 'ssd_cla_visits',
    from: {
      clav_cla_visit_id: 'the visit’s Lantern id (visits to a looked-after child)',
      clav_cla_id: 'the period of care open on the day (ssd_cla_episodes’ clae_cla_id)',
      clav_person_id: 'the child’s Lantern id',
      clav_cla_visit_date: 'the date of the visit',
      clav_cla_visit_seen: 'Y when the child was seen',
      clav_cla_visit_seen_alone: 'Y when the child was seen alone',
    },
    blank: {},
    page: visitPage("'looked-after'", {
      clav_cla_visit_id: 'id',
      clav_cla_id: 'cla_period',
      clav_person_id: 'person',
      clav_cla_visit_date: 'visited',
      clav_cla_visit_seen: 'seen',
      clav_cla_visit_seen_alone: 'alone',
    }),
  },
];
