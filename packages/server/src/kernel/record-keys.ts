/**
 * Each table's key, without the council: how the ledger names a record it wrote in the audit trail
 * (the key columns joined by ":"). The database's own primary keys are checked against this list
 * in a test, so the two cannot drift.
 */
export const RECORD_KEYS = {
  address: ['address_id'],
  adoption: ['adoption_id'],
  allocation: ['allocation_id'],
  app_user: ['user_id'],
  assessment: ['assessment_id'],
  audit_event: ['audit_id'],
  benchmark_value: ['comparator_code', 'indicator_id', 'year'],
  calendar_day: ['day'],
  care_leaver: ['child_id'],
  case_audit: ['case_audit_id'],
  case_audit_action: ['action_id'],
  chronology_entry: ['entry_id'],
  cin_episode: ['episode_id'],
  cin_plan: ['cin_plan_id'],
  cin_plan_review: ['review_id'],
  cla_episode: ['cla_episode_id'],
  cla_review: ['review_id'],
  comparator: ['comparator_code'],
  contact: ['contact_id'],
  core_group: ['core_group_id'],
  council_setting: ['key'],
  cp_conference: ['conference_id'],
  cp_plan: ['plan_id'],
  health_check: ['check_id'],
  health_outcome: ['outcome_id'],
  housing_need: ['housing_need_id'],
  improvement_action: ['action_id'],
  indicator_snapshot: ['indicator_id', 'period_end', 'period_months', 'scope_kind', 'scope_id'],
  induction_item: ['worker_id', 'item_id'],
  inspection: ['inspection_id'],
  inspection_judgement: ['inspection_id', 'judgement_area'],
  iro_escalation: ['escalation_id'],
  iro_escalation_stage: ['stage_id'],
  leaver_accommodation: ['move_id'],
  leaver_birthday_contact: ['child_id', 'birthday_age'],
  local_authority: ['la_code'],
  management_decision: ['decision_id'],
  meeting_contribution: ['contribution_id'],
  meeting_record: ['meeting_id'],
  meeting_recommendation: ['recommendation_id'],
  missing_episode: ['missing_id'],
  obligation: ['child_id', 'rule_id', 'source_id'],
  pa_visit: ['visit_id'],
  partner_contact: ['contact_id'],
  partner_organisation: ['organisation_id'],
  partner_report: ['report_id'],
  partner_request: ['request_id'],
  pathway_plan: ['pathway_id'],
  pep: ['pep_id'],
  permanence_order: ['order_id'],
  permanence_plan: ['plan_id'],
  person: ['person_id'],
  previous_permanence: ['child_id', 'period_id'],
  provider: ['provider_id'],
  recommendation: ['recommendation_id'],
  record_version: ['record_type', 'record_id', 'version'],
  relationship: ['relationship_id'],
  return_import: ['import_id'],
  risk_assessment: ['risk_assessment_id'],
  schema_migration: ['version'],
  section47: ['s47_id'],
  strategy_discussion: ['strategy_id'],
  supervision: ['supervision_id'],
  supervision_child: ['supervision_id', 'child_id'],
  team: ['team_id'],
  team_establishment: ['team_id', 'effective_from'],
  uasc_record: ['child_id'],
  unregistered_approval: ['approval_id'],
  user_session: ['token_hash'],
  visit: ['visit_id'],
  worker: ['worker_id'],
  worker_absence: ['absence_id'],
  worker_obligation: ['worker_id', 'rule_id', 'source_id'],
  worker_team_move: ['worker_id', 'moved_on'],
} as const satisfies Record<string, readonly string[]>;

export type KeyedTable = keyof typeof RECORD_KEYS;

/** The record's type as the trail names it: its table in kebab case (`cla_episode` is `cla-episode`). */
export const recordType = (table: string): string => table.replaceAll('_', '-');

/** The record's id: its key columns' values, joined by ':' when there is more than one. */
export function recordKey(table: string, row: Record<string, unknown>): string {
  const columns = (RECORD_KEYS as Record<string, readonly string[]>)[table];
  if (!columns) throw new Error(`The ledger has no key for the table ${table}`);
  return columns.map((c) => String(row[c])).join(':');
}
