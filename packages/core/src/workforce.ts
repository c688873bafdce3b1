/**
 * Workforce and management oversight as data and pure rules: the council's settings and their
 * defaults, the figures a manager reads every week (caseload weighting, churn, turnover,
 * agency share, vacancies), and the shapes of what managers and auditors record.
 */
import { z } from 'zod';
import { isoDate } from './schemas.ts';
import { requiredText as text, flag, recordVersion, nullishText } from './fields.ts';
import type { JobRole } from './codes.ts';
import { CSWW_ABSENCE, CSWW_LEAVER_DESTINATION, CSWW_REASON_LEAVE, type CswwAbsenceReason, type CswwLeaverDestination } from './csww.ts';

// ---------------------------------------------------------------------------
// Council settings

/** The kinds of case a caseload weight applies to, most demanding first (a child counts once, as the first that fits). */
export const CASE_KIND = {
  'child-protection': 'Child protection plan',
  'looked-after': 'Looked after',
  'child-in-need': 'Child in need',
} as const;
export type CaseKind = keyof typeof CASE_KIND;

export type CaseloadSettings = { ceiling: number; weights: Record<CaseKind, number> };

/** Unweighted unless the council sets weights; 18 cases is a common ceiling for a full-time worker. */
export const DEFAULT_CASELOAD: CaseloadSettings = { ceiling: 18, weights: { 'child-protection': 1, 'looked-after': 1, 'child-in-need': 1 } };

export type ChecklistItem = { id: string; label: string };

export const DEFAULT_INDUCTION_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'it-access', label: 'Systems access and Lantern training' },
  { id: 'safeguarding-procedures', label: 'Local safeguarding procedures read and discussed' },
  { id: 'shadowing', label: 'Shadowed visits and a child protection conference' },
  { id: 'swe-registration', label: 'Social Work England registration checked' },
  { id: 'dbs', label: 'Enhanced DBS check seen' },
  { id: 'first-supervision', label: 'First supervision held and supervision agreement signed' },
  { id: 'caseload-agreed', label: 'Starting caseload agreed with the team manager' },
];

export type AuditQuestion = { id: string; text: string };

/** The council's audit tool; the two questions Ofsted found wanting are always asked. */
export const DEFAULT_AUDIT_QUESTIONS: readonly AuditQuestion[] = [
  { id: 'risk-realistic', text: 'Is the assessment of risk realistic, and does it weigh the history?' },
  { id: 'child-voice', text: 'Is the child’s voice heard, and does it shape the plan?' },
  { id: 'plan-smart', text: 'Is the plan specific, with timescales, and is it being followed?' },
  { id: 'management-oversight', text: 'Is management oversight recorded, with reasons, at key points?' },
  { id: 'visits-purposeful', text: 'Are visits regular and purposeful, and is the child seen alone?' },
];

export const AUDIT_GRADE = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
} as const;
export type AuditGrade = keyof typeof AUDIT_GRADE;

export const AUDIT_ANSWER = { yes: 'Yes', partly: 'Partly', no: 'No', 'not-applicable': 'Not applicable' } as const;

/** Key points on a child's record at which a manager's decision is recorded with its reasons. */
export const DECISION_KIND = {
  threshold: 'Threshold decision',
  'step-up': 'Step up',
  'step-down': 'Step down',
  closure: 'Closure',
  placement: 'Placement',
  'unregistered-placement': 'Unregistered placement',
  oversight: 'Management oversight',
} as const;
export type DecisionKind = keyof typeof DECISION_KIND;

/** Council setting keys for workforce policy (timescales use the timescale.* keys). */
export const WORKFORCE_SETTING = {
  caseload: 'workforce.caseload',
  inductionChecklist: 'workforce.induction-checklist',
  auditQuestions: 'workforce.audit-questions',
} as const;

// ---------------------------------------------------------------------------
// Who is supervised, who is counted

/** Practitioners who must have formal supervision from their team manager. */
export const SUPERVISED_ROLES: readonly JobRole[] = ['social-worker', 'senior-practitioner', 'personal-adviser', 'family-support-worker', 'iro'];

/** A child with this many social workers or more in 12 months is flagged. */
export const CHURN_FLAG = 3;

// ---------------------------------------------------------------------------
// Figures

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** Weighted caseload: the sum of each child's weight. */
export function weightedCaseload(counts: Partial<Record<CaseKind, number>>, weights: Record<CaseKind, number>): number {
  let total = 0;
  for (const kind of Object.keys(CASE_KIND) as CaseKind[]) total += (counts[kind] ?? 0) * weights[kind];
  return round(total, 2);
}

/**
 * The ceiling a worker is held to: the council's, pro rata for part-time, or the protected
 * caseload of a worker in their ASYE where that is lower.
 */
export function caseloadCeiling(councilCeiling: number, fte: number, protectedCaseload: number | null): number {
  const proRata = round(councilCeiling * fte, 1);
  return protectedCaseload === null ? proRata : Math.min(proRata, protectedCaseload);
}

/**
 * The DfE's turnover rate: FTE leavers in the year over FTE in post at the year's end, as a
 * percentage (null with nobody in post); both of permanent staff, as the DfE counts them.
 */
export function turnoverRate(leaversFte: number, inPostFte: number): number | null {
  return inPostFte > 0 ? round((100 * leaversFte) / inPostFte, 1) : null;
}

/** Agency FTE as a share of all FTE in post, as a percentage. */
export function agencyShare(agencyFte: number, inPostFte: number): number | null {
  return inPostFte > 0 ? round((100 * agencyFte) / inPostFte, 1) : null;
}

/** Funded posts not filled by permanent staff (agency workers cover vacancies, as the census counts them). */
export function vacancies(fundedFte: number | null, permanentFte: number): number | null {
  return fundedFte === null ? null : round(Math.max(0, fundedFte - permanentFte), 2);
}

// ---------------------------------------------------------------------------
// What managers and auditors record

const date = isoDate;

export const newSupervision = z.object({
  workerId: z.uuid(),
  heldOn: date,
  notes: nullishText(5000),
  children: z
    .array(z.object({ childId: z.uuid(), direction: text(5000) }))
    .max(60)
    .default([])
    .refine((cs) => new Set(cs.map((c) => c.childId)).size === cs.length, {
      message: 'Each child is discussed once in a supervision',
      params: { rule: 'child-once' },
    }),
});

export const newDecision = z.object({
  kind: z.enum(Object.keys(DECISION_KIND) as [DecisionKind, ...DecisionKind[]]),
  decidedOn: date,
  reasons: text(5000),
  evidenceSeen: text(5000),
});

export const newCaseAudit = z.object({
  auditedOn: date,
  grade: z.enum(Object.keys(AUDIT_GRADE) as [AuditGrade, ...AuditGrade[]]),
  summary: text(5000),
  answers: z
    .array(
      z.object({
        questionId: z.string().min(1).max(100),
        answer: z.enum(Object.keys(AUDIT_ANSWER) as [keyof typeof AUDIT_ANSWER, ...(keyof typeof AUDIT_ANSWER)[]]),
        comment: nullishText(2000),
      }),
    )
    .min(1),
  actions: z
    .array(z.object({ finding: text(2000), action: text(2000), ownerWorkerId: z.uuid(), dueDate: date }))
    .max(30)
    .default([]),
});

export const moderation = z.object({
  version: recordVersion,
  moderatedOn: date,
  grade: z.enum(Object.keys(AUDIT_GRADE) as [AuditGrade, ...AuditGrade[]]),
  notes: text(5000),
});

/** A worker's absence: from, to (none while it runs), and the census's reason. */
export const newAbsence = z
  .object({
    startDate: date,
    endDate: date.nullish(),
    reason: z.enum(Object.keys(CSWW_ABSENCE) as [CswwAbsenceReason, ...CswwAbsenceReason[]]),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate) flag(ctx, ['endDate'], 'end-after-start', 'The absence ends on or after it starts');
  });

/** A worker leaving: the day, why, and where they went (the census's ReasonLeave and LeaverDestination). */
export const workerLeaving = z.object({
  version: recordVersion,
  leaveDate: date,
  reason: z.enum(Object.keys(CSWW_REASON_LEAVE) as [keyof typeof CSWW_REASON_LEAVE, ...(keyof typeof CSWW_REASON_LEAVE)[]]),
  destination: z.enum(Object.keys(CSWW_LEAVER_DESTINATION) as [CswwLeaverDestination, ...CswwLeaverDestination[]]),
});

/** A worker moving to another team on a day. */
export const teamMove = z.object({
  version: recordVersion,
  teamId: z.uuid(),
  movedOn: date,
});

/** An audit action marked done: when, and the evidence that it was (what was done, where it is on the record). */
export const auditActionDone = z.object({
  version: recordVersion,
  completedOn: date,
  evidence: text(2000),
});

const scale = z.number().int().min(0).max(10);

export const newRiskAssessment = z.object({
  assessedOn: date,
  worries: text(10000),
  strengths: text(10000),
  nextSteps: text(10000),
  workerScale: scale,
  familyScale: scale.nullish(),
});

export const managerView = z.object({ version: recordVersion, managerScale: scale, view: text(5000), on: date });

export const caseloadSettings = z.object({
  ceiling: z.number().positive().max(100),
  weights: z.object({ 'child-protection': z.number().min(0).max(5), 'looked-after': z.number().min(0).max(5), 'child-in-need': z.number().min(0).max(5) }),
});

export const checklistSettings = z
  .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,60}$/), label: text(200) }))
  .min(1)
  .max(40);

export const auditQuestionSettings = z
  .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,60}$/), text: text(500) }))
  .min(1)
  .max(40);
