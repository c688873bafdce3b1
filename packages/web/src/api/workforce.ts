/** The workforce and management oversight API: caseloads, churn, supervision, decisions. */
import type { ChildAccountability, DecisionView } from '@lantern/core/views/oversight';
import type {
  AllocationGaps,
  Caseloads,
  Churn,
  ChurnRow,
  Direction,
  Gap,
  GroupLoad,
  Supervision,
  TeamMonth,
  TeamStats,
  WorkerAbsence,
  WorkerCases,
  WorkerCensusRecords,
  WorkerDeadline,
  WorkerLoad,
  WorkerSupervisions,
  WorkerWorklist,
} from '@lantern/core/views/workforce';
import { request } from './client.ts';

export type { ChurnRow, Direction, Gap, GroupLoad, Supervision, TeamMonth, WorkerAbsence, WorkerCensusRecords, WorkerDeadline, WorkerLoad };
/** A decision on the child's record, as the accountability view lists it. */
export type Decision = DecisionView;

export const workforceApi = {
  caseloads: (query: { teamId?: string } = {}) => request<Caseloads>('GET', '/api/workforce/caseloads', { query }),
  teamStats: () => request<TeamStats>('GET', '/api/workforce/team-stats'),
  churn: (flaggedOnly: boolean) =>
    request<Churn>('GET', '/api/workforce/churn', {
      query: { flaggedOnly: flaggedOnly ? 'true' : undefined, limit: 50 },
    }),
  gaps: () => request<AllocationGaps>('GET', '/api/workforce/allocation-gaps', { query: { limit: 50 } }),
  workerWorklist: (view: 'mine' | 'team' | 'service') => request<WorkerWorklist>('GET', '/api/worklist/workers', { query: { view } }),
  supervisions: (workerId: string) => request<WorkerSupervisions>('GET', `/api/workers/${encodeURIComponent(workerId)}/supervisions`),
  workerCases: (workerId: string) => request<WorkerCases>('GET', `/api/workers/${encodeURIComponent(workerId)}`),
  recordSupervision: (body: { workerId: string; heldOn: string; notes?: string | null; children: { childId: string; direction: string }[] }) =>
    request<{ supervisionId: string }>('POST', '/api/supervisions', { body }),
  directions: (childId: string) => request<{ directions: Direction[] }>('GET', `/api/children/${encodeURIComponent(childId)}/supervision-directions`),
  accountability: (childId: string) => request<ChildAccountability>('GET', `/api/children/${encodeURIComponent(childId)}/accountability`),
};

/** A worker's absences and leaving, as the workforce census asks for them. */
export const absenceApi = {
  list: (workerId: string) => request<WorkerCensusRecords>('GET', `/api/workers/${encodeURIComponent(workerId)}/absences`),
  record: (workerId: string, body: { startDate: string; endDate: string | null; reason: string }) =>
    request<{ absenceId: string }>('POST', `/api/workers/${encodeURIComponent(workerId)}/absences`, { body }),
};
