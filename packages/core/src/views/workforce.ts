/**
 * What the workforce and supervision routes send back (caseloads, team figures, churn, allocation
 * gaps, the per-worker deadlines, supervisions and their directions, inductions): the server's
 * response schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { caseloadSettings } from '../workforce.ts';
import { maybe, workerRef } from '../fields.ts';

const int = z.number().int();

const byKind = z.object({ 'child-protection': int, 'looked-after': int, 'child-in-need': int });

/** A child on a worker's or a team's list, spread into its row. */
const listedChild = { childId: z.uuid(), laChildId: z.string(), name: z.string() };

export const workerLoadView = z.object({
  ...workerRef,
  employment: z.string(),
  fte: z.number(),
  teamId: z.uuid().nullable(),
  teamName: maybe,
  service: maybe,
  inAsye: z.boolean(),
  children: int,
  byKind,
  weighted: z.number(),
  ceiling: z.number(),
  overCeiling: z.boolean(),
});
export type WorkerLoad = z.infer<typeof workerLoadView>;

/** A team's or a service's caseload totals. */
export const groupLoadView = z.object({
  id: z.string(),
  name: z.string(),
  workers: int,
  fte: z.number(),
  children: int,
  weighted: z.number(),
  perFte: z.number().nullable(),
  overCeiling: int,
});
export type GroupLoad = z.infer<typeof groupLoadView>;

export const caseloadsView = z.object({
  asOf: z.string(),
  settings: caseloadSettings,
  workers: z.array(workerLoadView),
  teams: z.array(groupLoadView),
  services: z.array(groupLoadView),
});
export type Caseloads = z.infer<typeof caseloadsView>;

export const teamMonthView = z.object({
  day: z.string(),
  headcount: int,
  fte: z.number(),
  agencyFte: z.number(),
  starters: int,
  leavers: int,
  turnoverRate: z.number().nullable(),
  agencyShare: z.number().nullable(),
  fundedFte: z.number().nullable(),
  vacancies: z.number().nullable(),
});
export type TeamMonth = z.infer<typeof teamMonthView>;

export const teamStatsView = z.object({
  asOf: z.string(),
  teams: z.array(z.object({ teamId: z.uuid(), name: z.string(), service: z.string(), current: teamMonthView, months: z.array(teamMonthView) })),
});
export type TeamStats = z.infer<typeof teamStatsView>;

export const churnRowView = z.object({
  ...listedChild,
  episodeStart: z.string(),
  socialWorkersLast12Months: int,
  socialWorkersThisEpisode: int,
  flagged: z.boolean(),
  currentWorkerId: z.uuid().nullable(),
  currentWorker: maybe,
  team: maybe,
});
export type ChurnRow = z.infer<typeof churnRowView>;

export const churnView = z.object({
  asOf: z.string(),
  flagAt: int,
  counts: z.object({ children: int, flagged: int }),
  children: z.array(churnRowView),
});
export type Churn = z.infer<typeof churnView>;

export const gapView = z.object({
  ...listedChild,
  unallocatedSince: z.string(),
  days: int,
  lastTeam: maybe,
});
export type Gap = z.infer<typeof gapView>;
export const allocationGapsView = z.object({ asOf: z.string(), children: z.array(gapView) });
export type AllocationGaps = z.infer<typeof allocationGapsView>;

/** A deadline a worker owes or is owed (supervision, induction). */
export const workerDeadlineView = z.object({
  workerId: z.uuid(),
  workerName: z.string(),
  ruleId: z.string(),
  label: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  metOn: maybe,
  state: z.string(),
  daysOverdue: int,
  responsibleWorkerId: z.uuid().nullable(),
  responsibleWorker: maybe,
  team: maybe,
});
export type WorkerDeadline = z.infer<typeof workerDeadlineView>;

export const workerWorklistView = z.object({ asOf: z.string(), deadlines: z.array(workerDeadlineView), counts: z.object({ overdue: int, due: int }) });
export type WorkerWorklist = z.infer<typeof workerWorklistView>;

export const supervisionView = z.object({
  supervisionId: z.uuid(),
  heldOn: z.string(),
  supervisor: z.string(),
  notes: maybe,
  children: z.array(z.object({ ...listedChild, direction: z.string() })),
});
export type Supervision = z.infer<typeof supervisionView>;

export const workerSupervisionsView = z.object({
  worker: z.object({ workerId: z.uuid(), name: z.string(), asyeStart: maybe, protectedCaseload: int.nullable() }),
  nextDue: workerDeadlineView.nullable(),
  supervisions: z.array(supervisionView),
});
export type WorkerSupervisions = z.infer<typeof workerSupervisionsView>;

export const directionView = z.object({
  supervisionId: z.uuid(),
  heldOn: z.string(),
  supervisor: z.string(),
  supervisorWorkerId: z.uuid(),
  worker: z.string(),
  direction: z.string(),
});
export type Direction = z.infer<typeof directionView>;

export const inductionView = z.object({
  workerId: z.uuid(),
  name: z.string(),
  startDate: z.string(),
  asyeStart: maybe,
  protectedCaseload: int.nullable(),
  items: z.array(z.object({ itemId: z.string(), label: z.string(), completedOn: maybe })),
  complete: z.boolean(),
  deadline: workerDeadlineView.nullable(),
});
export type Induction = z.infer<typeof inductionView>;

/** A team, with its manager and how many work in it. */
export const teamView = z.object({
  teamId: z.uuid(),
  name: z.string(),
  service: z.string(),
  managerWorkerId: z.uuid().nullable(),
  managerName: z.string().nullable(),
  workers: z.number().int(),
});
export type Team = z.infer<typeof teamView>;

export const workerView = z.object({
  ...workerRef,
  jobRoleLabel: z.string(),
  employment: z.string(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  startDate: z.string(),
  leaveDate: z.string().nullable(),
  fte: z.number(),
  sweNumber: z.string().nullable(),
  caseload: z.number().int(),
});
export type Worker = z.infer<typeof workerView>;

/** A worker and the children they hold. */
export const workerCasesView = z.object({
  worker: workerView,
  cases: z.array(z.object({ ...listedChild, dateOfBirth: maybe, role: z.string(), since: z.string() })),
});
export type WorkerCases = z.infer<typeof workerCasesView>;

/** A worker's absences and leaving, as the workforce census asks for them. */
export const workerCensusRecordsView = z.object({
  workerId: z.uuid(),
  name: z.string(),
  version: int,
  leaving: z.object({ leaveDate: z.string(), reason: maybe, reasonLabel: maybe, destination: maybe, destinationLabel: maybe }).nullable(),
  absences: z.array(z.object({ absenceId: z.uuid(), startDate: z.string(), endDate: maybe, reason: z.string(), reasonLabel: z.string(), workingDays: int })),
});
export type WorkerCensusRecords = z.infer<typeof workerCensusRecordsView>;
export type WorkerAbsence = WorkerCensusRecords['absences'][number];
