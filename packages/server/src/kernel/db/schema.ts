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
}

export type Person = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;
export type Worker = Selectable<WorkerTable>;
export type Team = Selectable<TeamTable>;
export type AppUser = Selectable<AppUserTable>;
