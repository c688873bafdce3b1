/** The workforce and management oversight API: caseloads, churn, supervision, decisions. */
import { request } from './client.ts';

export type WorkerLoad = {
  workerId: string;
  name: string;
  jobRole: string;
  employment: string;
  fte: number;
  teamId: string | null;
  teamName: string | null;
  inAsye: boolean;
  children: number;
  weighted: number;
  ceiling: number;
  overCeiling: boolean;
};
export type GroupLoad = {
  id: string;
  name: string;
  workers: number;
  fte: number;
  children: number;
  weighted: number;
  perFte: number | null;
  overCeiling: number;
};
export type TeamMonth = {
  day: string;
  headcount: number;
  fte: number;
  agencyFte: number;
  starters: number;
  leavers: number;
  turnoverRate: number | null;
  agencyShare: number | null;
  fundedFte: number | null;
  vacancies: number | null;
};
export type ChurnRow = {
  childId: string;
  laChildId: string;
  name: string;
  socialWorkersLast12Months: number;
  socialWorkersThisEpisode: number;
  flagged: boolean;
  currentWorker: string | null;
  team: string | null;
};
export type Gap = { childId: string; laChildId: string; name: string; unallocatedSince: string; days: number; lastTeam: string | null };
export type WorkerDeadline = {
  workerId: string;
  workerName: string;
  ruleId: string;
  label: string;
  startDate: string;
  dueDate: string;
  state: string;
  daysOverdue: number;
  responsibleWorker: string | null;
};
export type Supervision = {
  supervisionId: string;
  heldOn: string;
  supervisor: string;
  notes: string | null;
  children: { childId: string; laChildId: string; name: string; direction: string }[];
};
export type Decision = {
  on: string;
  kind: string;
  label: string;
  recordId: string;
  decidedBy: string | null;
  role: string | null;
  reasons: string | null;
  evidence: string | null;
  detail: string | null;
};
export type Direction = { supervisionId: string; heldOn: string; supervisor: string; worker: string; direction: string };

export const workforceApi = {
  caseloads: (query: { teamId?: string } = {}) =>
    request<{ asOf: string; workers: WorkerLoad[]; teams: GroupLoad[]; services: GroupLoad[]; settings: { ceiling: number } }>(
      'GET',
      '/api/workforce/caseloads',
      { query },
    ),
  teamStats: () =>
    request<{ asOf: string; teams: { teamId: string; name: string; service: string; current: TeamMonth; months: TeamMonth[] }[] }>(
      'GET',
      '/api/workforce/team-stats',
    ),
  churn: (flaggedOnly: boolean) =>
    request<{ counts: { children: number; flagged: number }; children: ChurnRow[] }>('GET', '/api/workforce/churn', {
      query: { flaggedOnly: flaggedOnly ? 'true' : undefined, limit: 50 },
    }),
  gaps: () => request<{ children: Gap[] }>('GET', '/api/workforce/allocation-gaps', { query: { limit: 50 } }),
  workerWorklist: (view: 'mine' | 'team' | 'service') =>
    request<{ deadlines: WorkerDeadline[]; counts: { overdue: number; due: number } }>('GET', '/api/worklist/workers', { query: { view } }),
  supervisions: (workerId: string) =>
    request<{ worker: { workerId: string; name: string; asyeStart: string | null }; nextDue: WorkerDeadline | null; supervisions: Supervision[] }>(
      'GET',
      `/api/workers/${encodeURIComponent(workerId)}/supervisions`,
    ),
  workerCases: (workerId: string) =>
    request<{ worker: { name: string }; cases: { childId: string; laChildId: string; name: string; role: string }[] }>(
      'GET',
      `/api/workers/${encodeURIComponent(workerId)}`,
    ),
  recordSupervision: (body: { workerId: string; heldOn: string; notes?: string | null; children: { childId: string; direction: string }[] }) =>
    request<{ supervisionId: string }>('POST', '/api/supervisions', { body }),
  directions: (childId: string) => request<{ directions: Direction[] }>('GET', `/api/children/${encodeURIComponent(childId)}/supervision-directions`),
  accountability: (childId: string) =>
    request<{ decisions: Decision[]; oversight: { lastOversight: string; dueDate: string; overdue: boolean; daysSince: number } | null }>(
      'GET',
      `/api/children/${encodeURIComponent(childId)}/accountability`,
    ),
};

export type WorkerAbsence = { absenceId: string; startDate: string; endDate: string | null; reason: string; reasonLabel: string; workingDays: number };
export type WorkerCensusRecords = {
  workerId: string;
  name: string;
  version: number;
  leaving: { leaveDate: string; reason: string | null; reasonLabel: string | null; destination: string | null; destinationLabel: string | null } | null;
  absences: WorkerAbsence[];
};

/** A worker's absences and leaving, as the workforce census asks for them. */
export const absenceApi = {
  list: (workerId: string) => request<WorkerCensusRecords>('GET', `/api/workers/${encodeURIComponent(workerId)}/absences`),
  record: (workerId: string, body: { startDate: string; endDate: string | null; reason: string }) =>
    request<{ absenceId: string }>('POST', `/api/workers/${encodeURIComponent(workerId)}/absences`, { body }),
};
