/**
 * The tables as Kysely sees them, matching migrations/*.sql. Dates are ISO strings
 * (YYYY-MM-DD) from both stores; timestamps are Date objects.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedInt = ColumnType<number, number | undefined, number>;
type DefaultedBool = ColumnType<boolean, boolean | undefined, boolean>;
type DefaultedText = ColumnType<string, string | undefined, string>;

export interface LocalAuthorityTable {
  la_code: string;
  dfe_la_number: string;
  name: string;
  created_at: Timestamp;
}

export interface CouncilSettingTable {
  la_code: string;
  key: string;
  value: unknown;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface TeamTable {
  la_code: string;
  team_id: string;
  name: string;
  service: string;
  manager_worker_id: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
}

export interface WorkerTable {
  la_code: string;
  worker_id: string;
  given_name: string;
  family_name: string;
  job_role: string;
  employment: 'permanent' | 'agency';
  team_id: string | null;
  start_date: string;
  leave_date: string | null;
  fte: ColumnType<number, number | undefined, number>;
  swe_number: string | null;
  email: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
  // Migration 0007 (workforce): census details, the ASYE and the worker's supervisor.
  date_of_birth: string | null;
  gender: string | null;
  ethnicity: string | null;
  qualification_institution: string | null;
  qualification_level: string | null;
  start_origin: string | null;
  leave_reason: string | null;
  asye_start: string | null;
  protected_caseload: number | null;
  supervisor_worker_id: string | null;
  // Migration 0013: where a leaver went (CSWW LeaverDestination).
  leaver_destination: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PersonTable {
  la_code: string;
  person_id: string;
  is_child: boolean;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
  /** lower(family_name) and lower(given_name), kept by the database for search (migration 0036). */
  family_name_key: Generated<string | null>;
  given_name_key: Generated<string | null>;
  other_names: string | null;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  sex: 'M' | 'F' | 'U';
  ethnicity: string | null;
  upn: string | null;
  former_upn: string | null;
  upn_unknown: string | null;
  nhs_number: string | null;
  date_of_death: string | null;
  uasc: DefaultedBool;
  disabilities: ColumnType<string[], string[] | undefined, string[]>;
  restricted: DefaultedBool;
  version: DefaultedInt;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface RelationshipTable {
  la_code: string;
  relationship_id: string;
  person_id: string;
  related_person_id: string;
  relationship_type: string;
  parental_responsibility: DefaultedBool;
  lives_with: DefaultedBool;
  start_date: string | null;
  end_date: string | null;
  notes: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
  created_by: string | null;
}

export interface AddressTable {
  la_code: string;
  address_id: string;
  person_id: string;
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  start_date: string;
  end_date: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
  created_by: string | null;
}

export interface AllocationTable {
  la_code: string;
  allocation_id: string;
  child_id: string;
  worker_id: string;
  allocation_role: string;
  start_date: string;
  end_date: string | null;
  start_reason: string | null;
  end_reason: string | null;
  allocated_by: string | null;
  ended_by: string | null;
  created_at: Timestamp;
}

export interface ChronologyEntryTable {
  la_code: string;
  entry_id: string;
  child_id: string;
  occurred_on: string;
  category: string;
  summary: string;
  record_type: string | null;
  record_id: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface RecordVersionTable {
  la_code: string;
  record_type: string;
  record_id: string;
  version: number;
  child_id: string | null;
  data: unknown;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface AppUserTable {
  la_code: string;
  user_id: string;
  username: string;
  display_name: string;
  role: string;
  worker_id: string | null;
  /** Null for an account that signs in only through the council's identity provider (migration 0022). */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  disabled_at: Date | null;
  created_at: Timestamp;
  /** A partner user's organisation (migration 0008); null for council staff. */
  partner_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Matching a person signed in through the identity provider (migration 0022). */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** A role or worker binding awaiting the head of service's approval: cannot sign in. */
  awaiting_approval: ColumnType<boolean, boolean | undefined, boolean>;
  password_reset_required: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface UserSessionTable {
  la_code: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  /** The last request (noted at most once a minute): the idle timeout counts from here. */
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Failed sign-ins per username and per address (migration 0022); not a council's record. */
export interface SignInThrottleTable {
  kind: 'username' | 'address';
  subject: string;
  failures: number;
  first_failed_at: ColumnType<Date, Date | string, Date | string>;
  last_failed_at: ColumnType<Date, Date | string, Date | string>;
  wait_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An administrator's request for a role reaching restricted records or a worker binding; a head of service decides. */
export interface AccessRequestTable {
  la_code: string;
  request_id: string;
  user_id: string;
  new_user: boolean;
  role: string;
  worker_id: string | null;
  requested_by: string;
  requested_at: Timestamp;
  status: ColumnType<'pending' | 'approved' | 'refused' | 'withdrawn', 'pending' | undefined, 'approved' | 'refused' | 'withdrawn'>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: DefaultedInt;
}

export interface AuditEventTable {
  la_code: string;
  audit_id: Generated<number>;
  occurred_at: Timestamp;
  user_id: string | null;
  username: string | null;
  user_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  child_id: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: unknown;
  request_id: string | null;
}

export interface ScheduledJobTable {
  job: string;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_instance: string | null;
  last_outcome: string | null;
  runs: Generated<number>;
}

/** The ONS Postcode Directory (migration 0028): national reference data. */
export interface PostcodeDirectoryTable {
  postcode: string;
  ons_la_code: Generated<string>;
  easting: number | null;
  northing: number | null;
}

export interface CalendarDayTable {
  day: string;
  is_working_day: boolean;
  working_day_number: number;
}

export interface SchemaMigrationTable {
  version: string;
  applied_at: Timestamp;
}

type DateCol = string;
type Uuid = string;

export interface ContactTable {
  la_code: string;
  contact_id: Uuid;
  child_id: Uuid;
  received_at: Timestamp;
  received_on: DateCol;
  source: string;
  presenting_concern: string;
  significant_harm_suspected: DefaultedBool;
  decision: 'nfa' | 'early-help' | 'referral' | null;
  decided_on: DateCol | null;
  decided_by: Uuid | null;
  decision_reason: string | null;
  episode_id: Uuid | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
}

export interface CinEpisodeTable {
  la_code: string;
  episode_id: Uuid;
  child_id: Uuid;
  contact_id: Uuid | null;
  referral_date: DateCol;
  referral_source: string;
  primary_need: string;
  referral_nfa: DefaultedBool;
  referrals_previous_12_months: DefaultedInt;
  previous_episode_id: Uuid | null;
  closure_date: DateCol | null;
  closure_reason: string | null;
  closure_decision_id: Uuid | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
  initial_cpc_date: DateCol | null; // 0009: the census's CINdetails-level DateOfInitialCPC
}

export interface AssessmentTable {
  la_code: string;
  assessment_id: Uuid;
  episode_id: Uuid;
  child_id: Uuid;
  start_date: DateCol;
  child_seen_on: DateCol | null;
  child_seen_alone: boolean | null;
  factors: ColumnType<string[], string[] | undefined, string[]>;
  completed_on: DateCol | null;
  outcome: string | null;
  authorised_on: DateCol | null;
  authorised_by: Uuid | null;
  late_reason: string | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
  internal_review_date: DateCol | null; // 0009: the census's AssessmentInternalReviewDate
}

export interface StrategyDiscussionTable {
  la_code: string;
  strategy_id: Uuid;
  episode_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  agencies: string[];
  decision: 'section-47' | 'no-section-47';
  reasons: string;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface Section47Table {
  la_code: string;
  s47_id: Uuid;
  episode_id: Uuid;
  child_id: Uuid;
  strategy_id: Uuid;
  start_date: DateCol;
  completed_on: DateCol | null;
  outcome: string | null;
  icpc_not_required: DefaultedBool;
  icpc_not_required_reason: string | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
  icpc_target_date: DateCol | null; // 0009: the census's InitialCPCtarget
}

export interface CpPlanTable {
  la_code: string;
  plan_id: Uuid;
  episode_id: Uuid;
  child_id: Uuid;
  start_date: DateCol;
  initial_category: string;
  latest_category: string;
  previous_plans: DefaultedInt;
  end_date: DateCol | null;
  end_reason: string | null;
  what_changed: string | null;
  change_sustained_weeks: number | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface CpConferenceTable {
  la_code: string;
  conference_id: Uuid;
  episode_id: Uuid;
  child_id: Uuid;
  kind: 'initial' | 'review';
  s47_id: Uuid | null;
  plan_id: Uuid | null;
  held_on: DateCol;
  outcome: 'plan' | 'no-plan' | 'continue-plan' | 'end-plan';
  chair: string | null;
  child_met_decider: boolean;
  parents_met_decider: boolean;
  child_words: string | null;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface CoreGroupTable {
  la_code: string;
  core_group_id: Uuid;
  plan_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  notes: string | null;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface CinPlanTable {
  la_code: string;
  cin_plan_id: Uuid;
  episode_id: Uuid;
  child_id: Uuid;
  start_date: DateCol;
  end_date: DateCol | null;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface CinPlanReviewTable {
  la_code: string;
  review_id: Uuid;
  cin_plan_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  child_met_decider: DefaultedBool;
  parents_met_decider: DefaultedBool;
  child_words: string | null;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface VisitTable {
  la_code: string;
  visit_id: Uuid;
  child_id: Uuid;
  episode_id: Uuid | null;
  visited_on: DateCol;
  purpose: 'child-protection' | 'child-in-need' | 'assessment' | 'other' | 'looked-after';
  child_seen: boolean;
  seen_alone: DefaultedBool;
  child_words: string | null;
  worker_id: Uuid | null;
  created_by: Uuid | null;
  created_at: Timestamp;
  // 0005: visits to a looked-after child
  face_to_face: boolean | null;
  location: string | null;
  placement_id: Uuid | null;
}

export interface ManagementDecisionTable {
  la_code: string;
  decision_id: Uuid;
  child_id: Uuid;
  episode_id: Uuid | null;
  kind: string;
  decided_on: DateCol;
  decided_by: Uuid;
  reasons: string;
  what_changed: string | null;
  change_sustained_weeks: number | null;
  child_met_decider: boolean | null;
  parents_met_decider: boolean | null;
  child_words: string | null;
  created_at: Timestamp;
  evidence_seen: string | null;
}

/** A deadline's columns, the same for a child's, a worker's and a foster household's (kernel/obligations.ts). */
type Deadline = {
  rule_id: string;
  source_id: Uuid;
  start_date: DateCol;
  due_date: DateCol;
  met_on: DateCol | null;
  ended_on: DateCol | null;
  end_reason: string | null;
  responsible_worker_id: Uuid | null;
  responsible_team_id: Uuid | null;
  refreshed_at: Timestamp;
};

export interface ObligationTable extends Deadline {
  la_code: string;
  child_id: Uuid;
  episode_id: Uuid | null;
  due_at: Date | null;
}

export interface ProviderTable {
  la_code: string;
  provider_id: Uuid;
  name: string;
  urn: string | null;
  provider_kind: string;
  place_provider: string | null;
  registration_status: 'registered' | 'unregistered' | 'suspended' | 'cancelled' | 'not-required';
  registered_for: ColumnType<string[], string[] | undefined, string[]>;
  registered_from: DateCol | null;
  registered_to: DateCol | null;
  postcode: string | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

/** One row of the SSDA903 Episodes table. */
export interface ClaEpisodeTable {
  la_code: string;
  cla_episode_id: Uuid;
  child_id: Uuid;
  period_id: Uuid;
  placement_id: Uuid;
  start_date: DateCol;
  reason_new_episode: 'S' | 'L' | 'P' | 'T' | 'B' | 'U';
  legal_status: string;
  category_of_need: string;
  placement_type: string;
  placement_provider: string | null;
  provider_id: Uuid | null;
  urn: string | null;
  placement_postcode: string | null;
  home_postcode: string | null;
  end_date: DateCol | null;
  reason_ended: string | null;
  reason_place_change: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
  // 0005
  intended_until_18: DefaultedBool;
  with_parent: string | null;
  // 0027: the in-house carer household
  foster_household_id?: Uuid | null;
}

/** A view: a period of care from its episodes (read only). */
export interface CarePeriodView {
  la_code: string;
  period_id: Uuid;
  child_id: Uuid;
  start_date: DateCol;
  end_date: DateCol | null;
  reason_ended: string | null;
  episodes: number;
}

/** The director's approval of a placement with a provider not registered for that care. */
export interface UnregisteredApprovalTable {
  la_code: string;
  approval_id: Uuid;
  child_id: Uuid;
  provider_id: Uuid;
  placement_type: string;
  approved_on: DateCol;
  approved_by: Uuid;
  approver_name: string;
  reasons: string;
  placement_id: Uuid | null;
  created_at: Timestamp;
}

/** A looked-after review chaired by an IRO. */
export interface ClaReviewTable {
  la_code: string;
  review_id: Uuid;
  child_id: Uuid;
  period_id: Uuid;
  held_on: DateCol;
  chair_worker_id: Uuid | null;
  participation: string;
  child_words: string | null;
  iro_contact_on: DateCol | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

/** A missing (M) or away (A) episode and its return home interview. */
export interface MissingEpisodeTable {
  la_code: string;
  missing_id: Uuid;
  child_id: Uuid;
  period_id: Uuid | null;
  kind: 'M' | 'A';
  started_at: Timestamp;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  circumstances: string | null;
  rhi_offered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  rhi_accepted: boolean | null;
  rhi_learned: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

// Permanence, UASC, health and education, care leavers (migration 0006)
type Created = { created_by: Uuid | null; created_at: Timestamp };
export interface PermanencePlanTable extends Created {
  la_code: string;
  plan_id: Uuid;
  child_id: Uuid;
  plan_type: string;
  agreed_on: DateCol;
  ended_on: DateCol | null;
  notes: string | null;
  version: DefaultedInt;
}
export interface AdoptionTable extends Created {
  la_code: string;
  adoption_id: Uuid;
  child_id: Uuid;
  decision_on: DateCol;
  placement_order_on: DateCol | null;
  matched_on: DateCol | null;
  adopter_count: number | null;
  adopter_sex: string | null;
  adopter_legal_status: string | null;
  foster_carer_adoption: boolean | null;
  moved_in_on: DateCol | null;
  placed_on: DateCol | null;
  placed_ceased_on: DateCol | null;
  placed_ceased_reason: string | null;
  adoption_order_on: DateCol | null;
  no_longer_on: DateCol | null;
  no_longer_reason: string | null;
  version: DefaultedInt;
}
export interface PermanenceOrderTable extends Created {
  la_code: string;
  order_id: Uuid;
  child_id: Uuid;
  order_type: string;
  made_on: DateCol;
  made_to: string;
  former_foster_carer: DefaultedBool;
}
/** Migration 0045: a deprivation of liberty order (its court details are null when loaded from an SSDA903 return). */
export interface DeprivationOfLibertyOrderTable {
  la_code: string;
  order_id: Uuid;
  child_id: Uuid;
  period_id: Uuid | null;
  made_on: DateCol;
  expires_on: DateCol | null;
  ended_on: DateCol | null;
  end_reason: string | null;
  court: string | null;
  case_number: string | null;
  authorises: string | null;
  review_on: DateCol | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}
export interface PreviousPermanenceTable extends Created {
  la_code: string;
  child_id: Uuid;
  period_id: Uuid;
  prev_perm: string;
  la_perm: string | null;
  date_perm: string | null;
}
export interface UascRecordTable extends Created {
  la_code: string;
  child_id: Uuid;
  referred_on: DateCol;
  referral_route: string;
  age_assessment: string;
  age_assessed_on: DateCol | null;
  nts_referred_on: DateCol | null;
  nts_transferred_on: DateCol | null;
  ceased_on: DateCol | null;
  notes: string | null;
  version: DefaultedInt;
}
export interface HealthCheckTable extends Created {
  la_code: string;
  check_id: Uuid;
  child_id: Uuid;
  kind: string;
  done_on: DateCol;
  notes: string | null;
}
export interface HealthOutcomeTable extends Created {
  la_code: string;
  outcome_id: Uuid;
  child_id: Uuid;
  recorded_on: DateCol;
  immunisations_up_to_date: boolean;
  sdq_score: number | null;
  sdq_reason: string | null;
  substance_misuse: boolean;
  intervention_received: boolean | null;
  intervention_offered: boolean | null;
  convicted: DefaultedBool;
  version: DefaultedInt;
}
export interface PepTable extends Created {
  la_code: string;
  pep_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  school: string | null;
  notes: string | null;
}
export interface CareLeaverTable extends Created {
  la_code: string;
  child_id: Uuid;
  category: string;
  eligible_from: DateCol;
  support_ended_on: DateCol | null;
  version: DefaultedInt;
}
export interface PathwayPlanTable extends Created {
  la_code: string;
  pathway_id: Uuid;
  child_id: Uuid;
  kind: string;
  held_on: DateCol;
}
export interface LeaverAccommodationTable extends Created {
  la_code: string;
  move_id: Uuid;
  child_id: Uuid;
  moved_on: DateCol;
  accommodation: string;
  suitable: boolean;
}
export interface PaVisitTable extends Created {
  la_code: string;
  visit_id: Uuid;
  child_id: Uuid;
  visited_on: DateCol;
  worker_id: Uuid | null;
  notes: string | null;
}
export interface LeaverBirthdayContactTable extends Created {
  la_code: string;
  child_id: Uuid;
  birthday_age: number;
  contact_on: DateCol;
  in_touch: string;
  activity: string;
  accommodation: string;
  version: DefaultedInt;
}

// Performance and improvement (migration 0010)
export interface ComparatorTable {
  la_code: string;
  comparator_code: string;
  name: string;
  level: 'national' | 'regional' | 'local-authority';
  region_code: string | null;
  neighbour_rank: number | null;
}

export interface BenchmarkValueTable {
  la_code: string;
  comparator_code: string;
  indicator_id: string;
  year: string;
  value: ColumnType<number, number, number>;
  loaded_at: Timestamp;
}

export interface IndicatorSnapshotTable {
  la_code: string;
  indicator_id: string;
  period_end: string;
  period_months: number;
  scope_kind: 'council' | 'service' | 'team' | 'worker';
  scope_id: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  frozen_at: Timestamp;
  frozen_by: string | null;
}

export interface InspectionTable {
  la_code: string;
  inspection_id: string;
  kind: string;
  framework: string;
  started_on: string;
  published_on: string | null;
  findings: string;
  version: DefaultedInt;
  created_by: string | null;
  created_at: Timestamp;
}

export interface InspectionJudgementTable {
  la_code: string;
  inspection_id: string;
  judgement_area: string;
  grade: string;
}

export interface RecommendationTable {
  la_code: string;
  recommendation_id: string;
  inspection_id: string;
  number: number;
  text: string;
}

export interface ImprovementActionTable {
  la_code: string;
  action_id: string;
  recommendation_id: string;
  title: string;
  owner_user_id: string;
  due_date: string;
  status: 'not-started' | 'on-track' | 'off-track' | 'done';
  evidence: string | null;
  completed_on: string | null;
  indicator_id: string | null;
  target: number | null;
  baseline: number | null;
  version: DefaultedInt;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface Database {
  local_authority: LocalAuthorityTable;
  council_setting: CouncilSettingTable;
  team: TeamTable;
  worker: WorkerTable;
  person: PersonTable;
  relationship: RelationshipTable;
  address: AddressTable;
  allocation: AllocationTable;
  chronology_entry: ChronologyEntryTable;
  record_version: RecordVersionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  sign_in_throttle: SignInThrottleTable;
  access_request: AccessRequestTable;
  audit_event: AuditEventTable;
  calendar_day: CalendarDayTable;
  scheduled_job: ScheduledJobTable;
  postcode_directory: PostcodeDirectoryTable;
  schema_migration: SchemaMigrationTable;
  contact: ContactTable;
  cin_episode: CinEpisodeTable;
  assessment: AssessmentTable;
  strategy_discussion: StrategyDiscussionTable;
  section47: Section47Table;
  cp_plan: CpPlanTable;
  cp_conference: CpConferenceTable;
  core_group: CoreGroupTable;
  cin_plan: CinPlanTable;
  cin_plan_review: CinPlanReviewTable;
  visit: VisitTable;
  management_decision: ManagementDecisionTable;
  obligation: ObligationTable;
  provider: ProviderTable;
  cla_episode: ClaEpisodeTable;
  care_period: CarePeriodView;
  partner_organisation: PartnerOrganisationTable;
  partner_contact: PartnerContactTable;
  partner_request: PartnerRequestTable;
  partner_report: PartnerReportTable;
  meeting_contribution: MeetingContributionTable;
  meeting_record: MeetingRecordTable;
  early_help_episode: EarlyHelpEpisodeTable;
  early_help_review: EarlyHelpReviewTable;
  early_help_step_up: EarlyHelpStepUpTable;
  meeting_recommendation: MeetingRecommendationTable;
  iro_escalation: IroEscalationTable;
  iro_escalation_stage: IroEscalationStageTable;
  legal_planning_meeting: LegalPlanningMeetingTable;
  pre_proceedings: PreProceedingsTable;
  pre_proceedings_review: PreProceedingsReviewTable;
  care_proceedings: CareProceedingsTable;
  court_hearing: CourtHearingTable;
  proceedings_extension: ProceedingsExtensionTable;
  court_order: CourtOrderTable;
  legal_assessment: LegalAssessmentTable;
  housing_need: HousingNeedTable;
  unregistered_approval: UnregisteredApprovalTable;
  cla_review: ClaReviewTable;
  missing_episode: MissingEpisodeTable;
  permanence_plan: PermanencePlanTable;
  adoption: AdoptionTable;
  permanence_order: PermanenceOrderTable;
  deprivation_of_liberty_order: DeprivationOfLibertyOrderTable;
  previous_permanence: PreviousPermanenceTable;
  uasc_record: UascRecordTable;
  health_check: HealthCheckTable;
  health_outcome: HealthOutcomeTable;
  pep: PepTable;
  care_leaver: CareLeaverTable;
  pathway_plan: PathwayPlanTable;
  leaver_accommodation: LeaverAccommodationTable;
  pa_visit: PaVisitTable;
  leaver_birthday_contact: LeaverBirthdayContactTable;
  return_import: ReturnImportTable;
  team_establishment: TeamEstablishmentTable;
  supervision: SupervisionTable;
  supervision_child: SupervisionChildTable;
  induction_item: InductionItemTable;
  worker_obligation: WorkerObligationTable;
  foster_household: FosterHouseholdTable;
  foster_household_member: FosterHouseholdMemberTable;
  foster_member_check: FosterMemberCheckTable;
  foster_visit: FosterVisitTable;
  foster_review: FosterReviewTable;
  foster_training: FosterTrainingTable;
  foster_allegation: FosterAllegationTable;
  foster_obligation: FosterObligationTable;
  case_audit: CaseAuditTable;
  case_audit_action: CaseAuditActionTable;
  worker_absence: WorkerAbsenceTable;
  worker_team_move: WorkerTeamMoveTable;
  risk_assessment: RiskAssessmentTable;
  assessment_record: AssessmentRecordTable;
  section47_findings: Section47FindingsTable;
  plan_document: PlanDocumentTable;
  plan_action: PlanActionTable;
  plan_action_progress: PlanActionProgressTable;
  comparator: ComparatorTable;
  benchmark_value: BenchmarkValueTable;
  indicator_snapshot: IndicatorSnapshotTable;
  inspection: InspectionTable;
  inspection_judgement: InspectionJudgementTable;
  recommendation: RecommendationTable;
  improvement_action: ImprovementActionTable;
  case_team: CaseTeamTable;
  case_transfer: CaseTransferTable;
  decision_request: DecisionRequestTable;
  dfe_feed_run: DfeFeedRunTable;
  dfe_feed_child: DfeFeedChildTable;
  subject_access_request: SubjectAccessRequestTable;
}

// Migration 0007: workforce and management oversight.
export interface TeamEstablishmentTable {
  la_code: string;
  team_id: Uuid;
  effective_from: DateCol;
  funded_fte: ColumnType<number, number, number>;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
}

export interface SupervisionTable {
  la_code: string;
  supervision_id: Uuid;
  worker_id: Uuid;
  supervisor_worker_id: Uuid;
  held_on: DateCol;
  notes: string | null;
  recorded_by: Uuid;
  recorded_at: Timestamp;
}

export interface SupervisionChildTable {
  la_code: string;
  supervision_id: Uuid;
  child_id: Uuid;
  direction: string;
}

export interface InductionItemTable {
  la_code: string;
  worker_id: Uuid;
  item_id: string;
  label: string;
  completed_on: DateCol | null;
  completed_by: Uuid | null;
}

export interface WorkerObligationTable extends Deadline {
  la_code: string;
  worker_id: Uuid;
}

export interface CaseAuditTable {
  la_code: string;
  case_audit_id: Uuid;
  child_id: Uuid;
  team_id: Uuid | null;
  audited_on: DateCol;
  auditor_user_id: Uuid;
  grade: string;
  answers: ColumnType<unknown, string, string>;
  summary: string;
  moderator_user_id: Uuid | null;
  moderated_on: DateCol | null;
  moderated_grade: string | null;
  moderation_notes: string | null;
  version: DefaultedInt;
  recorded_at: Timestamp;
}

export interface CaseAuditActionTable {
  la_code: string;
  action_id: Uuid;
  case_audit_id: Uuid;
  child_id: Uuid;
  finding: string;
  action: string;
  owner_worker_id: Uuid;
  due_date: DateCol;
  completed_on: DateCol | null;
  version: DefaultedInt;
  // Migration 0013: who marked it done, and the evidence that it was.
  completed_by: ColumnType<Uuid | null, Uuid | null | undefined, Uuid | null>;
  completion_evidence: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0013: a worker's absence (the census's working days lost and who was absent on 30 September). */
export interface WorkerAbsenceTable {
  la_code: string;
  absence_id: Uuid;
  worker_id: Uuid;
  start_date: DateCol;
  end_date: DateCol | null;
  reason: string;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
}

/** Migration 0013: a worker's move from one team to another, so past team figures use the team of the day. */
export interface WorkerTeamMoveTable {
  la_code: string;
  worker_id: Uuid;
  moved_on: DateCol;
  from_team_id: Uuid | null;
  to_team_id: Uuid;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
}

export interface RiskAssessmentTable {
  la_code: string;
  risk_assessment_id: Uuid;
  child_id: Uuid;
  assessed_on: DateCol;
  worries: string;
  strengths: string;
  next_steps: string;
  worker_scale: number;
  family_scale: number | null;
  recorded_by: Uuid;
  manager_scale: number | null;
  manager_view: string | null;
  manager_user_id: Uuid | null;
  manager_on: DateCol | null;
  version: DefaultedInt;
  recorded_at: Timestamp;
}

export type Person = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;
export type Worker = Selectable<WorkerTable>;
export type Team = Selectable<TeamTable>;
export type AppUser = Selectable<AppUserTable>;

// Partner agencies (migration 0008)
export interface PartnerOrganisationTable {
  la_code: string;
  organisation_id: Uuid;
  name: string;
  partner_type: string;
  email: string | null;
  phone: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
  created_by: Uuid | null;
}

export interface PartnerContactTable {
  la_code: string;
  contact_id: Uuid;
  organisation_id: Uuid;
  name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  is_escalation: DefaultedBool;
  active: DefaultedBool;
  version: DefaultedInt;
  created_at: Timestamp;
}

export interface PartnerRequestTable {
  la_code: string;
  request_id: Uuid;
  child_id: Uuid;
  organisation_id: Uuid;
  contact_id: Uuid | null;
  request_type: string;
  asked: string;
  need_to_know: string;
  sent_on: DateCol;
  respond_by: DateCol;
  requested_by: Uuid | null;
  requested_by_worker_id: Uuid | null;
  conference_id: Uuid | null;
  answered_on: DateCol | null;
  answer: string | null;
  answered_by: Uuid | null;
  answered_by_name: string | null;
  withdrawn_on: DateCol | null;
  withdrawn_reason: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
}

export interface PartnerReportTable {
  la_code: string;
  report_id: Uuid;
  request_id: Uuid;
  child_id: Uuid;
  file_name: string;
  content_type: string;
  size_bytes: number;
  /** Buffer from pg, Uint8Array from PGlite. */
  content: Uint8Array;
  uploaded_by: Uuid | null;
  uploaded_at: Timestamp;
}

export interface MeetingContributionTable {
  la_code: string;
  contribution_id: Uuid;
  child_id: Uuid;
  meeting_kind: 'strategy-discussion' | 'conference';
  meeting_id: Uuid;
  organisation_id: Uuid;
  invited: DefaultedBool;
  attended: DefaultedBool;
  report_sent_on: DateCol | null;
  notes: string | null;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
}

export interface HousingNeedTable {
  la_code: string;
  housing_need_id: Uuid;
  child_id: Uuid;
  identified_on: DateCol;
  need: string;
  request_id: Uuid | null;
  priority: string | null;
  priority_agreed_on: DateCol | null;
  resolved_on: DateCol | null;
  resolution: string | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

/** 0009: each import of a statutory return file. */
export interface ReturnImportTable {
  la_code: string;
  import_id: Uuid;
  return_type: string;
  collection_year: number | null;
  file_name: string | null;
  file_sha256: string;
  imported_at: Timestamp;
  imported_by: Uuid | null;
  summary: unknown;
}

/** Migration 0017: the team holding a case (routed by the front door, moved by a transfer). */
export interface CaseTeamTable {
  la_code: string;
  routing_id: Uuid;
  child_id: Uuid;
  team_id: Uuid;
  episode_id: Uuid | null;
  routed_on: DateCol;
  routed_by: Uuid | null;
  reason: string;
  transfer_id: Uuid | null;
  ended_on: DateCol | null;
  version: DefaultedInt;
  created_at: Timestamp;
}

/** Migration 0017: a request that another team take a case, and its answer. */
export interface CaseTransferTable {
  la_code: string;
  transfer_id: Uuid;
  child_id: Uuid;
  from_team_id: Uuid | null;
  to_team_id: Uuid;
  requested_on: DateCol;
  requested_by: Uuid;
  reason: string;
  status: 'requested' | 'accepted' | 'declined' | 'withdrawn';
  decided_on: DateCol | null;
  decided_by: Uuid | null;
  decision_reason: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
}

// Migration 0021: work sent to a manager for a decision.
export interface DecisionRequestTable {
  la_code: string;
  request_id: Uuid;
  child_id: Uuid;
  kind: 'closure' | 'step-down' | 'plan';
  record_id: Uuid;
  team_id: Uuid | null;
  proposal: ColumnType<unknown, string | undefined, string>;
  reasons: string;
  status: ColumnType<'requested' | 'approved' | 'returned' | 'withdrawn', 'requested' | 'approved' | 'returned' | 'withdrawn' | undefined>;
  sent_on: DateCol;
  sent_by: Uuid;
  times_sent: DefaultedInt;
  decided_on: DateCol | null;
  decided_by: Uuid | null;
  decision_reasons: string | null;
  version: DefaultedInt;
  created_at: Timestamp;
}

// Migration 0016: the practice record (assessments as written, enquiry findings, plans that are kept).
export interface AssessmentRecordTable {
  la_code: string;
  assessment_id: Uuid;
  child_id: Uuid;
  lived_experience: DefaultedText;
  child_words: DefaultedText;
  worries: DefaultedText;
  working_well: DefaultedText;
  parents_views: DefaultedText;
  partner_views: DefaultedText;
  analysis: DefaultedText;
  recommendation: DefaultedText;
  status: ColumnType<
    'draft' | 'submitted' | 'returned' | 'authorised',
    'draft' | 'submitted' | 'returned' | 'authorised' | undefined,
    'draft' | 'submitted' | 'returned' | 'authorised'
  >;
  submitted_on: DateCol | null;
  submitted_by: Uuid | null;
  returned_on: DateCol | null;
  returned_by: Uuid | null;
  return_reasons: string | null;
  times_returned: DefaultedInt;
  risk_assessment_id: Uuid | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface Section47FindingsTable {
  la_code: string;
  s47_id: Uuid;
  child_id: Uuid;
  concerns: ColumnType<unknown, string, string>;
  convene: boolean;
  convene_reasons: string;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface PlanDocumentTable {
  la_code: string;
  plan_document_id: Uuid;
  child_id: Uuid;
  kind: 'child-in-need' | 'protection' | 'care' | 'pathway' | 'early-help';
  plan_ref: Uuid;
  stage: 'outline' | 'detailed' | null;
  outcomes: ColumnType<unknown, string | undefined, string>;
  contingency: DefaultedText;
  placement_plan: string | null;
  agreed_on: DateCol;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
  authorised_on: DateCol | null;
  authorised_by: Uuid | null;
}

export interface PlanActionTable {
  la_code: string;
  action_id: Uuid;
  plan_document_id: Uuid;
  child_id: Uuid;
  outcome_id: string | null;
  what: string;
  owner_kind: 'worker' | 'partner' | 'parent-carer' | 'child';
  owner_worker_id: Uuid | null;
  owner_contact_id: Uuid | null;
  owner_name: string | null;
  set_on: DateCol;
  due_on: DateCol;
  completed_on: DateCol | null;
  withdrawn_on: DateCol | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface PlanActionProgressTable {
  la_code: string;
  progress_id: Uuid;
  action_id: Uuid;
  child_id: Uuid;
  meeting_kind: 'core-group' | 'cin-plan-review' | 'review' | 'early-help-review';
  meeting_id: Uuid | null;
  held_on: DateCol;
  progress: 'done' | 'partly' | 'not-done';
  note: DefaultedText;
  created_by: Uuid | null;
  created_at: Timestamp;
}

/** The record of a conference or looked-after review (migration 0018). */
export interface MeetingRecordTable {
  la_code: string;
  meeting_id: Uuid;
  child_id: Uuid;
  meeting_kind: 'conference' | 'review';
  attendees: ColumnType<unknown, string, string>;
  views_heard: string | null;
  child_words: string | null;
  decisions: string | null;
  decisions_sent_on: DateCol | null;
  record_written_on: DateCol | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

/** A recommendation of a conference or review, with its owner and date. */
export interface MeetingRecommendationTable {
  la_code: string;
  recommendation_id: Uuid;
  child_id: Uuid;
  meeting_id: Uuid;
  meeting_kind: 'conference' | 'review';
  held_on: DateCol;
  recommendation: string;
  owner_worker_id: Uuid;
  due_on: DateCol | null;
  done_on: DateCol | null;
  done_note: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

/** The IRO's concern, through the dispute resolution stages. */
export interface IroEscalationTable {
  la_code: string;
  escalation_id: Uuid;
  child_id: Uuid;
  raised_by_worker_id: Uuid;
  raised_on: DateCol;
  concern: string;
  stage: string;
  resolved_on: DateCol | null;
  resolution: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface IroEscalationStageTable {
  la_code: string;
  stage_id: Uuid;
  escalation_id: Uuid;
  child_id: Uuid;
  stage: string;
  raised_on: DateCol;
  owner_worker_id: Uuid;
  answered_on: DateCol | null;
  outcome: 'resolved' | 'escalated' | null;
  note: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

/** An early help episode (migration 0020). */
export interface EarlyHelpEpisodeTable {
  la_code: string;
  early_help_id: Uuid;
  child_id: Uuid;
  started_on: DateCol;
  route: 'contact' | 'assessment' | 'step-down';
  contact_id: Uuid | null;
  cin_episode_id: Uuid | null;
  reasons: string;
  lead_kind: 'worker' | 'partner' | null;
  lead_worker_id: Uuid | null;
  lead_contact_id: Uuid | null;
  team_around_family: ColumnType<unknown, string | undefined, string>;
  assessment_completed_on: DateCol | null;
  assessment_strengths: string | null;
  assessment_needs: string | null;
  assessment_family_views: string | null;
  ended_on: DateCol | null;
  end_outcome: 'needs-met' | 'stepped-up' | 'disengaged' | null;
  end_reasons: string | null;
  stepped_up_episode_id: Uuid | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface EarlyHelpReviewTable {
  la_code: string;
  review_id: Uuid;
  early_help_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  attended: string;
  progress: string;
  family_views: DefaultedText;
  next_review_on: DateCol | null;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface EarlyHelpStepUpTable {
  la_code: string;
  link_id: Uuid;
  early_help_id: Uuid;
  child_id: Uuid;
  contact_id: Uuid | null;
  cin_episode_id: Uuid | null;
  linked_on: DateCol;
  open_then: boolean;
  created_at: Timestamp;
}

// Legal planning and court proceedings (migration 0019).

export interface LegalPlanningMeetingTable {
  la_code: string;
  meeting_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  /** [{role, name}] as JSON text on insert. */
  attendees: ColumnType<unknown, string, string>;
  threshold: string;
  decision: 'no-order' | 'pre-proceedings' | 'proceedings-urgent' | 'proceedings-planned' | null;
  reasons: string | null;
  decided_on: DateCol | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface PreProceedingsTable {
  la_code: string;
  pre_proceedings_id: Uuid;
  child_id: Uuid;
  planning_meeting_id: Uuid | null;
  letter_sent_on: DateCol;
  letter_to: string;
  meeting_held_on: DateCol | null;
  plan_agreed: string | null;
  extended_to: DateCol | null;
  extension_reason: string | null;
  ended_on: DateCol | null;
  outcome: 'stepped-down' | 'proceedings-issued' | null;
  end_reasons: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface PreProceedingsReviewTable {
  la_code: string;
  review_id: Uuid;
  pre_proceedings_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  progress: string;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface CareProceedingsTable {
  la_code: string;
  proceedings_id: Uuid;
  child_id: Uuid;
  pre_proceedings_id: Uuid | null;
  issued_on: DateCol;
  court: string;
  case_number: string;
  application_type: string;
  due_on: DateCol;
  concluded_on: DateCol | null;
  outcome: 'final-order' | 'withdrawn' | null;
  outcome_reasons: string | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface CourtHearingTable {
  la_code: string;
  hearing_id: Uuid;
  proceedings_id: Uuid;
  child_id: Uuid;
  held_on: DateCol;
  hearing_type: string;
  notes: string | null;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface ProceedingsExtensionTable {
  la_code: string;
  extension_id: Uuid;
  proceedings_id: Uuid;
  child_id: Uuid;
  granted_on: DateCol;
  previous_due_on: DateCol;
  new_due_on: DateCol;
  reason: string;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface CourtOrderTable {
  la_code: string;
  order_id: Uuid;
  proceedings_id: Uuid;
  child_id: Uuid;
  made_on: DateCol;
  order_type: string;
  is_final: boolean;
  legal_status: string | null;
  cla_episode_id: Uuid | null;
  notes: string | null;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

export interface LegalAssessmentTable {
  la_code: string;
  assessment_id: Uuid;
  child_id: Uuid;
  kind: string;
  commissioned_on: DateCol;
  assessor: string;
  due_on: DateCol | null;
  recorded_by: Uuid | null;
  created_at: Timestamp;
}

// 0027: the fostering service
export interface FosterHouseholdTable {
  la_code: string;
  household_id: Uuid;
  reference: string;
  name: string;
  kind: DefaultedText;
  status: DefaultedText;
  address_line: DefaultedText;
  postcode: DefaultedText;
  phone: DefaultedText;
  email: DefaultedText;
  supervising_worker_id: Uuid | null;
  enquiry_on: DateCol;
  application_on: DateCol | null;
  stage_one_on: DateCol | null;
  stage_two_on: DateCol | null;
  panel_on: DateCol | null;
  panel_recommendation: string | null;
  decision_on: DateCol | null;
  decision: string | null;
  decision_reasons: string | null;
  max_children: number | null;
  age_from: number | null;
  age_to: number | null;
  terms_sex: string | null;
  placement_types: string[] | null;
  temporary_child_id: Uuid | null;
  temporary_from: DateCol | null;
  temporary_reasons: string | null;
  temporary_extension_reason: string | null;
  left_on: DateCol | null;
  leaving_reason: string | null;
  version: DefaultedInt;
  created_by: Uuid | null;
  created_at: Timestamp;
}

export interface FosterHouseholdMemberTable {
  la_code: string;
  member_id: Uuid;
  household_id: Uuid;
  given_name: string;
  family_name: string;
  date_of_birth: DateCol;
  role: string;
  version: DefaultedInt;
  created_at: Timestamp;
}

export interface FosterMemberCheckTable {
  la_code: string;
  check_id: Uuid;
  member_id: Uuid;
  household_id: Uuid;
  kind: string;
  requested_on: DateCol;
  completed_on: DateCol | null;
  outcome: string | null;
  notes: DefaultedText;
  created_at: Timestamp;
}

export interface FosterVisitTable {
  la_code: string;
  visit_id: Uuid;
  household_id: Uuid;
  visited_on: DateCol;
  unannounced: DefaultedBool;
  notes: string;
  worker_id: Uuid | null;
  created_at: Timestamp;
}

export interface FosterReviewTable {
  la_code: string;
  review_id: Uuid;
  household_id: Uuid;
  held_on: DateCol;
  outcome: string;
  carers_views: DefaultedText;
  notes: DefaultedText;
  created_at: Timestamp;
}

export interface FosterTrainingTable {
  la_code: string;
  training_id: Uuid;
  household_id: Uuid;
  completed_on: DateCol;
  title: string;
  tsd_standards: DefaultedBool;
  created_at: Timestamp;
}

export interface FosterAllegationTable {
  la_code: string;
  allegation_id: Uuid;
  household_id: Uuid;
  child_id: Uuid | null;
  made_on: DateCol;
  summary: string;
  outcome: string | null;
  outcome_on: DateCol | null;
  version: DefaultedInt;
  created_at: Timestamp;
}

export interface FosterObligationTable extends Deadline {
  la_code: string;
  household_id: Uuid;
}

// Migration 0030: the DfE's daily children's social care feed.
export interface DfeFeedRunTable {
  la_code: string;
  run_id: Uuid;
  run_on: DateCol;
  dry_run: DefaultedBool;
  started_at: Timestamp;
  finished_at: Date | null;
  sent_full: DefaultedInt;
  sent_partial: DefaultedInt;
  unchanged: DefaultedInt;
  purged: DefaultedInt;
  failed: DefaultedInt;
}
export interface DfeFeedChildTable {
  la_code: string;
  child_id: Uuid;
  la_child_id: string;
  mis_child_id: string;
  last_payload: ColumnType<unknown, string | null | undefined, string | null>;
  last_hash: string | null;
  last_sent: ColumnType<unknown, string | null | undefined, string | null>;
  sent_kind: 'full' | 'partial' | 'purge' | null;
  state: ColumnType<'pending' | 'sent' | 'error', 'pending' | 'sent' | 'error' | undefined>;
  answer: ColumnType<unknown, string | null | undefined, string | null>;
  in_cohort: DefaultedBool;
  run_id: Uuid | null;
  updated_at: Timestamp;
}

// Migration 0031: subject access requests.
export interface SubjectAccessRequestTable {
  la_code: string;
  sar_id: Uuid;
  child_id: Uuid;
  requester_name: string;
  requester_relationship: 'self' | 'parent' | 'representative';
  identity_seen: string;
  received_on: DateCol;
  due_on: DateCol;
  extended_on: DateCol | null;
  extension_reason: string | null;
  marks: ColumnType<{ text: string; reason: string }[], string | undefined, string>;
  reviewed_by: Uuid | null;
  reviewed_at: Date | null;
  released_on: DateCol | null;
  released_by: Uuid | null;
  version: DefaultedInt;
  recorded_by: Uuid | null;
  recorded_at: Timestamp;
}
