/** What the API sends and takes, beyond the record views shared in @lantern/core/views. */
import type { PossibleMatch } from '@lantern/core/views';

export type {
  ChildCase,
  ChildRecord,
  ChildSearchResult,
  ChronologyEntryView,
  PersonSummary,
  PossibleMatch,
} from '@lantern/core/views';

export type SessionUser = {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  laCode: string;
  councilName: string;
  workerId: string | null;
  teamId: string | null;
  permissions: string[];
};

export type Team = {
  teamId: string;
  name: string;
  service: string;
  managerWorkerId: string | null;
  managerName: string | null;
  workers: number;
};

export type Worker = {
  workerId: string;
  name: string;
  jobRole: string;
  jobRoleLabel: string;
  employment: string;
  teamId: string | null;
  teamName: string | null;
  startDate: string;
  leaveDate: string | null;
  fte: number;
  sweNumber: string | null;
  caseload: number;
};

export type FieldError = { field: string; rule: string; message: string };

/** An RFC 9457 problem document, as the API sends for every error. */
export type Problem = {
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  possibleMatches?: PossibleMatch[];
  currentVersion?: number;
};

export type NewChildBody = {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
  expectedDateOfBirth?: string | null;
  sex: string;
  ethnicity: string;
  upn?: string | null;
  nhsNumber?: string | null;
  confirmNotDuplicate?: boolean;
};

export type ChildChangesBody = Partial<Omit<NewChildBody, 'confirmNotDuplicate'>> & { upnUnknown?: string | null; version: number };

export type ChronologyNoteBody = { occurredOn: string; category: string; summary: string };

export type AllocationBody = { workerId: string; role: string; startDate: string; reason?: string | null };

export type PossibleMatchQuery = { givenName?: string; familyName?: string; dateOfBirth?: string; upn?: string; nhsNumber?: string };
