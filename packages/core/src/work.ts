/**
 * The day's work: what each role's landing page shows, how a referred child is routed to a team,
 * and how a case moves between teams. The API validates with these schemas and the web app
 * infers its types from them.
 */
import { z } from 'zod';
import { ALLOCATION_ROLE, codesOf } from './codes.ts';
import { CLOSURE_REASON } from './pathway.ts';
import { isoDate, uuid } from './schemas.ts';
import { requiredText as text, flag, recordVersion, nullishText } from './fields.ts';

/** One line of a landing page list: a child's deadline, a contact, a request, or a count for a group. */
export const workItem = z.object({
  key: z.string(),
  childId: z.string().nullable(),
  childName: z.string().nullable(),
  laChildId: z.string().nullable(),
  /** What is to be done, in plain English. */
  what: z.string(),
  dueDate: z.string().nullable(),
  /** Whole days past the due date (overdue items only). */
  daysOverdue: z.number().int().nullable(),
  /** Hours left on a clock counted in hours or to the end of a working day (negative when past). */
  hoursLeft: z.number().int().nullable(),
  /** Who owns it: a worker, a team, or both. */
  who: z.string().nullable(),
  note: z.string().nullable(),
  /** Where to act on it. */
  href: z.string().nullable(),
  /** For a group (overdue by worker, by team and rule): how many. */
  count: z.number().int().nullable(),
});
export type WorkItem = z.infer<typeof workItem>;

/** One list on a landing page, paged: `total` is every item, `items` one page of them. */
export const workSection = z.object({
  id: z.string(),
  title: z.string(),
  /** What a nil list means, said plainly ("Nothing overdue"). */
  empty: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(workItem),
  /** A page elsewhere with more (the full worklist, a team page). */
  more: z.object({ href: z.string(), text: z.string() }).nullable(),
});
export type WorkSection = z.infer<typeof workSection>;

export const LANDING_KINDS = {
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  'front-door': 'Front door',
  iro: 'Independent reviewing officer',
  'iro-manager': 'IRO manager',
  'head-of-service': 'Head of service',
  partner: 'Partner agency',
  other: 'Your work',
} as const;
export type LandingKind = keyof typeof LANDING_KINDS;

export const landingPage = z.object({
  kind: z.enum(codesOf(LANDING_KINDS)),
  heading: z.string(),
  asOf: z.string(),
  sections: z.array(workSection),
});
export type LandingPage = z.infer<typeof landingPage>;

export const landingQuery = z.object({
  section: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

/** The front door (or the head of service) routes a referred child to a team. */
export const caseRouting = z.object({
  teamId: uuid,
  reason: text(2000).describe('Why this team: recorded with the routing'),
});

export const transferRequest = z.object({
  toTeamId: uuid,
  reason: text(2000),
});

export const transferDecision = z
  .object({
    version: recordVersion,
    accept: z.boolean(),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.accept && !v.reason) flag(ctx, ['reason'], 'reason-required', 'Say why the team cannot take the case');
  });

export const iroAllocation = z.object({
  workerId: uuid,
  startDate: isoDate,
  reason: nullishText(2000),
});

export const allocatableQuery = z.object({ role: z.enum(codesOf(ALLOCATION_ROLE)).default('social-worker') });

export const allocatableWorker = z.object({
  workerId: z.string(),
  name: z.string(),
  jobRole: z.string(),
  teamName: z.string().nullable(),
  /** Children the worker holds now (open allocations of any kind). */
  caseload: z.number().int(),
});

/** A team the front door may route to, with how many children it holds now. */
export const routingTeam = z.object({
  teamId: z.string(),
  name: z.string(),
  service: z.string(),
  /** Children held by the team's workers, and children routed to it not yet allocated. */
  caseload: z.number().int(),
  awaitingAllocation: z.number().int(),
});

export const transferView = z.object({
  transferId: z.string(),
  childId: z.string(),
  fromTeam: z.string().nullable(),
  toTeam: z.string(),
  toTeamId: z.string(),
  requestedOn: z.string(),
  reason: z.string(),
  status: z.enum(['requested', 'accepted', 'declined', 'withdrawn']),
  decidedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
});

/** A child's status at a glance, in plain English. */
export const childStatus = z.object({
  inNeed: z.boolean(),
  protectionPlan: z.object({ since: z.string(), category: z.string() }).nullable(),
  lookedAfter: z.object({ since: z.string(), legalStatus: z.string(), placement: z.string() }).nullable(),
  careLeaver: z.string().nullable(),
  missingSince: z.string().nullable(),
  restricted: z.boolean(),
  team: z.string().nullable(),
  socialWorker: z.string().nullable(),
  iro: z.string().nullable(),
});

/** One open deadline on a child's page ("What is due"). */
export const childDue = z.object({
  ruleId: z.string(),
  what: z.string(),
  area: z.string(),
  dueDate: z.string(),
  state: z.enum(['overdue', 'due']),
  daysOverdue: z.number().int(),
  owner: z.string().nullable(),
});

export const childDueView = z.object({ asOf: z.string(), status: childStatus, due: z.array(childDue), transfer: transferView.nullable() });

/** Which part of the record a deadline belongs to, for the child's "What is due" (by the rule's id). */
export function areaOfRule(ruleId: string): string {
  if (ruleId === 'plan-action') return 'Plan actions';
  if (ruleId === 'iro-recommendation') return 'IRO recommendations';
  if (ruleId.startsWith('partner-')) return 'Partners';
  if (ruleId.startsWith('case-audit')) return 'Case audit';
  if (/^(icpc|core-group|cp-)/.test(ruleId)) return 'Protection';
  if (/^(health-|pep-|uasc-|pathway-|pa-|permanence)/.test(ruleId)) return 'Care';
  if (/^(cla-|care-plan|placement-|iro-|unregistered-|rhi)/.test(ruleId)) return 'Looked after';
  return 'Casework';
}

/** What a worker may send their manager for a decision. */
export const DECISION_KINDS = {
  closure: 'Case closure',
  'step-down': 'Step-down to early help',
  plan: 'Plan to authorise',
} as const;
export type DecisionKind = keyof typeof DECISION_KINDS;

/** The closure the manager will record on approval (their reasons and the date are added then). */
export const closureProposal = z.object({
  reason: z.enum(codesOf(CLOSURE_REASON)),
  whatChanged: z.string().trim().max(4000).optional().describe('Required after a protection plan'),
  changeSustainedWeeks: z.number().int().min(0).max(520).optional().describe('Required after a protection plan'),
  childMetDecider: z.boolean().default(false).describe('The child met the manager, face to face'),
  parentsMetDecider: z.boolean().default(false).describe('The parents met the manager, face to face'),
  childWords: nullishText(4000).describe("The child's own words"),
});

/** A worker sends a closure, a step-down or a plan to their manager (or sends a returned one again). */
export const decisionRequestBody = z
  .object({
    kind: z.enum(codesOf(DECISION_KINDS)),
    reasons: text(4000).describe('Why: what the manager reads first'),
    planDocumentId: uuid.optional().describe('The plan to authorise (kind plan)'),
    closure: closureProposal.optional().describe('The closure proposed (kinds closure and step-down)'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'plan' && !v.planDocumentId) flag(ctx, ['planDocumentId'], 'plan-required', 'Choose the plan to authorise');
    if (v.kind !== 'plan' && !v.closure) flag(ctx, ['closure'], 'closure-required', 'Say how the case would close');
    if (v.kind === 'step-down' && v.closure && v.closure.reason !== 'RC9')
      flag(ctx, ['closure', 'reason'], 'step-down-rc9', 'A step-down closes as referred to early help (RC9)');
  });

/** The manager approves, or returns the work with reasons. */
export const decisionAnswer = z.object({
  version: recordVersion,
  approve: z.boolean(),
  reasons: text(4000).describe('The manager’s reasons: recorded with the closure, or read by the worker when returned'),
  decidedOn: isoDate.optional().describe('The day of the decision (today if not given); a closure closes on it'),
});

export const decisionRequestView = z.object({
  requestId: z.string(),
  childId: z.string(),
  kind: z.enum(codesOf(DECISION_KINDS)),
  what: z.string(),
  recordId: z.string(),
  reasons: z.string(),
  closure: closureProposal.nullable(),
  status: z.enum(['requested', 'approved', 'returned', 'withdrawn']),
  sentOn: z.string(),
  sentBy: z.string().nullable(),
  timesSent: z.number().int(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReasons: z.string().nullable(),
  /** Whether this user may decide it (the deciding team's manager, or the head of service). */
  mayDecide: z.boolean(),
  version: z.number().int(),
});
export type DecisionRequestView = z.infer<typeof decisionRequestView>;
