/**
 * The tables as Kysely sees them, matching migrations/*.sql. Dates are ISO strings
 * (YYYY-MM-DD) from both stores; timestamps are Date objects.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedInt = ColumnType<number, number | undefined, number>;
type DefaultedBool = ColumnType<boolean, boolean | undefined, boolean>;

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
}

export interface PersonTable {
  la_code: string;
  person_id: string;
  is_child: boolean;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
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
  password_hash: string;
  disabled_at: Date | null;
  created_at: Timestamp;
  /** A partner user's organisation (migration 0008); null for council staff. */
  partner_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserSessionTable {
  la_code: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
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
  purpose: 'child-protection' | 'child-in-need' | 'assessment' | 'other';
  child_seen: boolean;
  seen_alone: DefaultedBool;
  child_words: string | null;
  worker_id: Uuid | null;
  created_by: Uuid | null;
  created_at: Timestamp;
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
}

export interface ObligationTable {
  la_code: string;
  child_id: Uuid;
  rule_id: string;
  source_id: Uuid;
  episode_id: Uuid | null;
  start_date: DateCol;
  due_date: DateCol;
  due_at: Date | null;
  met_on: DateCol | null;
  ended_on: DateCol | null;
  end_reason: string | null;
  responsible_worker_id: Uuid | null;
  responsible_team_id: Uuid | null;
  refreshed_at: Timestamp;
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
  audit_event: AuditEventTable;
  calendar_day: CalendarDayTable;
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
  housing_need: HousingNeedTable;
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
