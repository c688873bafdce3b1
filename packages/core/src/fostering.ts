/**
 * The fostering service: the council's own foster carers. A household (its members and each
 * adult's checks), recruitment from enquiry through the two assessment stages and panel to the
 * decision maker, the approval and its terms, supervising visits, annual reviews, training and
 * the TSD standards, allegations, and the household's status with the reason it left. Pure
 * rules: whether a household's terms fit a child, free places, turnover. Labels are plain English.
 */
import { z } from 'zod';
import { codesOf } from './codes.ts';
import { isoDate } from './schemas.ts';
import { someText as text, optionalText } from './fields.ts';

/** Where a household is: recruitment, approved, paused, or gone. */
export const HOUSEHOLD_STATUS = {
  enquiry: 'Enquiry',
  assessment: 'In assessment',
  approved: 'Approved',
  'on-hold': 'On hold',
  resigned: 'Resigned',
  deregistered: 'De-registered',
  withdrawn: 'Did not go ahead',
} as const;
export type HouseholdStatus = keyof typeof HOUSEHOLD_STATUS;
/** A household that has left the service (or never joined): no placements, no deadlines. */
export const HOUSEHOLD_GONE: readonly HouseholdStatus[] = ['resigned', 'deregistered', 'withdrawn'];

export const HOUSEHOLD_KIND = {
  mainstream: 'Mainstream foster carers',
  'connected-person': 'Family and friends (connected person)',
} as const;

export const MEMBER_ROLE = {
  applicant: 'Applicant (foster carer)',
  'second-carer': 'Second carer',
  'adult-member': 'Other adult in the household',
  child: 'Child of the household',
} as const;

export const CHECK_KIND = {
  dbs: 'DBS (enhanced, barred lists)',
  reference: 'Personal reference',
  medical: 'Medical (GP report)',
  'local-authority': 'Local authority check',
  employer: 'Employer reference',
} as const;

export const CHECK_OUTCOME = {
  clear: 'Clear',
  'concerns-noted': 'Concerns noted and discussed',
  'not-suitable': 'Not suitable',
} as const;

/** Kinds of placement a household is approved for. */
export const PLACEMENT_TERM = {
  'short-term': 'Short-term',
  'long-term': 'Long-term',
  respite: 'Respite (short breaks)',
  emergency: 'Emergency',
  'parent-and-child': 'Parent and child',
} as const;
export type PlacementTerm = keyof typeof PLACEMENT_TERM;

export const TERMS_SEX = { any: 'Any', female: 'Girls only', male: 'Boys only' } as const;

/** Why a household left the service (resigned or de-registered). */
export const LEAVING_REASON = {
  retirement: 'Retirement',
  'moved-to-agency': 'Moved to an independent fostering agency',
  allegation: 'After an allegation',
  'permanence-for-child': 'Adopted, or took a special guardianship order, for the child',
  'dissatisfied-support': 'Dissatisfied with the support given',
  'family-circumstances': 'Change in family circumstances',
  health: 'Health',
  'moved-away': 'Moved out of the area',
  'standards-of-care': 'Standards of care (the council ended the approval)',
  other: 'Another reason',
} as const;
export type LeavingReason = keyof typeof LEAVING_REASON;

export const PANEL_RECOMMENDATION = { approve: 'Approve', 'do-not-approve': 'Do not approve' } as const;
export const DECISION = { approved: 'Approved', 'not-approved': 'Not approved' } as const;

export const REVIEW_OUTCOME = {
  continue: 'Approval continues on the same terms',
  'change-terms': 'Approval continues on changed terms',
  'to-panel': 'Referred to panel',
  terminate: 'Recommend ending the approval',
} as const;

export const ALLEGATION_OUTCOME = {
  substantiated: 'Substantiated',
  unsubstantiated: 'Unsubstantiated',
  unfounded: 'Unfounded',
  false: 'False',
  malicious: 'Malicious',
} as const;

/** Recruitment steps recorded one after another, each on or after the last. */
export const RECRUITMENT_STEP = {
  application: 'Application received',
  'stage-one': 'Stage one completed (checks and references)',
  'stage-two': 'Stage two assessment completed (ready for panel)',
  panel: 'Fostering panel',
} as const;
export type RecruitmentStep = keyof typeof RECRUITMENT_STEP;

// ---------------------------------------------------------------------------------------------
// Pure rules

export type Terms = { maxChildren: number; ageFrom: number; ageTo: number; sex: keyof typeof TERMS_SEX; placementTypes: readonly string[] };

/** Why a household's approval does not fit a child (age in whole years, sex M/F, a kind of placement); empty when it fits. */
export function termsMisfit(terms: Terms, child: { age: number; sex: string | null }, kind: PlacementTerm | null): string[] {
  const out: string[] = [];
  if (child.age < terms.ageFrom || child.age > terms.ageTo) out.push(`Approved for ages ${terms.ageFrom} to ${terms.ageTo}`);
  if (terms.sex === 'female' && child.sex === 'M') out.push('Approved for girls only');
  if (terms.sex === 'male' && child.sex === 'F') out.push('Approved for boys only');
  if (kind && !terms.placementTypes.includes(kind)) out.push(`Not approved for ${PLACEMENT_TERM[kind].toLowerCase()} placements`);
  return out;
}

/** Free places: approved places less the children placed, never below nought. */
export function freePlaces(approved: number, placed: number): number {
  return Math.max(0, approved - placed);
}

/** Carers' turnover: households that left in the year as a percentage of those approved at its start. */
export function carerTurnoverRate(left: number, approvedAtStart: number): number | null {
  return approvedAtStart > 0 ? Math.round((1000 * left) / approvedAtStart) / 10 : null;
}

/** The TSD standards are due 12 months from approval, 18 for family and friends carers. */
export function tsdMonths(kind: keyof typeof HOUSEHOLD_KIND): number {
  return kind === 'connected-person' ? 18 : 12;
}

// ---------------------------------------------------------------------------------------------
// What is recorded

const version = z.number().int().min(1);

export const fosterEnquiry = z.object({
  name: text(120).describe('How the household is known, e.g. “Amy and Ben Carter”'),
  kind: z.enum(codesOf(HOUSEHOLD_KIND)).default('mainstream'),
  enquiryOn: isoDate,
  addressLine: optionalText(200).default(''),
  postcode: optionalText(10).default(''),
  phone: optionalText(40).default(''),
  email: optionalText(200).default(''),
  supervisingWorkerId: z.uuid().nullish(),
});

export const householdMember = z.object({
  givenName: text(80),
  familyName: text(80),
  dateOfBirth: isoDate,
  role: z.enum(codesOf(MEMBER_ROLE)),
});

export const memberCheck = z.object({
  memberId: z.uuid(),
  kind: z.enum(codesOf(CHECK_KIND)),
  requestedOn: isoDate,
  completedOn: isoDate.nullish(),
  outcome: z.enum(codesOf(CHECK_OUTCOME)).nullish(),
  notes: optionalText(2000).default(''),
});

export const recruitmentStep = z.object({
  version,
  step: z.enum(codesOf(RECRUITMENT_STEP)),
  on: isoDate,
  recommendation: z.enum(codesOf(PANEL_RECOMMENDATION)).nullish().describe('The panel’s recommendation (panel only)'),
  notes: optionalText(2000).default(''),
});

export const approvalTerms = z.object({
  maxChildren: z.number().int().min(1).max(6),
  ageFrom: z.number().int().min(0).max(17),
  ageTo: z.number().int().min(0).max(17),
  sex: z.enum(codesOf(TERMS_SEX)).default('any'),
  placementTypes: z.array(z.enum(codesOf(PLACEMENT_TERM))).min(1, 'Choose at least one kind of placement'),
});

export const fosteringDecision = z.object({
  version,
  decidedOn: isoDate,
  decision: z.enum(codesOf(DECISION)),
  reasons: text(2000),
  terms: approvalTerms.nullish().describe('The terms of approval (when approved)'),
});

export const temporaryApproval = z.object({
  version,
  childId: z.uuid(),
  placedOn: isoDate,
  reasons: text(2000),
});

export const temporaryExtension = z.object({ version, reason: text(2000) });

export const supervisingVisit = z.object({
  visitedOn: isoDate,
  unannounced: z.boolean().default(false),
  notes: text(4000),
});

export const carerReview = z.object({
  heldOn: isoDate,
  outcome: z.enum(codesOf(REVIEW_OUTCOME)),
  carersViews: optionalText(4000).default(''),
  notes: optionalText(4000).default(''),
});

export const carerTraining = z.object({
  completedOn: isoDate,
  title: text(200),
  tsdStandards: z.boolean().default(false).describe('This completes the Training, Support and Development Standards'),
});

export const carerAllegation = z.object({
  madeOn: isoDate,
  childId: z.uuid().nullish(),
  summary: text(4000),
});

export const allegationOutcome = z.object({ version, outcome: z.enum(codesOf(ALLEGATION_OUTCOME)), outcomeOn: isoDate });

export const householdStatusChange = z.object({
  version,
  status: z.enum(['approved', 'on-hold', 'resigned', 'deregistered', 'withdrawn']),
  on: isoDate,
  reason: z.enum(codesOf(LEAVING_REASON)).nullish().describe('Why the household left (resigned or de-registered)'),
  notes: optionalText(2000).default(''),
});

// ---------------------------------------------------------------------------------------------
// What the API returns

const deadline = z.object({ ruleId: z.string(), label: z.string(), startDate: z.string(), dueDate: z.string(), state: z.string() });

export const householdSummary = z.object({
  householdId: z.uuid(),
  reference: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number(),
  supervisingWorker: z.string().nullable(),
  approvedOn: z.string().nullable(),
  places: z.number().nullable(),
  placed: z.number(),
  free: z.number(),
  overdue: z.number(),
});

export const householdList = z.object({ households: z.array(householdSummary) });

export const householdView = householdSummary.extend({
  addressLine: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  supervisingWorkerId: z.string().nullable(),
  enquiryOn: z.string(),
  applicationOn: z.string().nullable(),
  stageOneOn: z.string().nullable(),
  stageTwoOn: z.string().nullable(),
  panelOn: z.string().nullable(),
  panelRecommendation: z.string().nullable(),
  decisionOn: z.string().nullable(),
  decision: z.string().nullable(),
  terms: approvalTerms.nullable(),
  termsText: z.string().nullable(),
  temporary: z.object({ childId: z.string(), childName: z.string(), placedOn: z.string(), extendedReason: z.string().nullable() }).nullable(),
  leftOn: z.string().nullable(),
  leavingReason: z.string().nullable(),
  unannouncedInYear: z.boolean(),
  members: z.array(
    z.object({
      memberId: z.uuid(),
      name: z.string(),
      role: z.string(),
      dateOfBirth: z.string(),
      checks: z.array(
        z.object({ checkId: z.uuid(), kind: z.string(), requestedOn: z.string(), completedOn: z.string().nullable(), outcome: z.string().nullable() }),
      ),
    }),
  ),
  children: z.array(z.object({ childId: z.uuid(), name: z.string(), since: z.string() })),
  visits: z.array(z.object({ visitId: z.uuid(), visitedOn: z.string(), unannounced: z.boolean(), notes: z.string(), by: z.string().nullable() })),
  reviews: z.array(z.object({ reviewId: z.uuid(), heldOn: z.string(), outcome: z.string(), notes: z.string() })),
  training: z.array(z.object({ trainingId: z.uuid(), completedOn: z.string(), title: z.string(), tsdStandards: z.boolean() })),
  allegations: z.array(
    z.object({
      allegationId: z.uuid(),
      madeOn: z.string(),
      summary: z.string(),
      outcome: z.string().nullable(),
      outcomeOn: z.string().nullable(),
      version: z.number(),
    }),
  ),
  deadlines: z.array(deadline),
});

/** What a child's social worker sees of their carers: the approval's terms and how to reach them, not the assessments. */
export const carerContact = householdView.pick({
  householdId: true,
  reference: true,
  name: true,
  statusLabel: true,
  addressLine: true,
  postcode: true,
  phone: true,
  email: true,
  supervisingWorker: true,
  termsText: true,
});

export const registerView = z.object({
  asOf: z.string(),
  totals: z.object({ households: z.number(), places: z.number(), placed: z.number(), free: z.number() }),
  freeBy: z.array(z.object({ placementType: z.string(), label: z.string(), ageBand: z.string(), free: z.number() })),
  /** Carers' turnover over the 12 months to today: households that left, against those approved at the start, and why they left. */
  turnover: z.object({
    from: z.string(),
    approvedAtStart: z.number(),
    approvedInYear: z.number(),
    left: z.number(),
    rate: z.number().nullable(),
    reasons: z.array(z.object({ reason: z.string(), label: z.string(), households: z.number() })),
  }),
  households: z.array(householdSummary.extend({ termsText: z.string().nullable(), children: z.array(z.object({ childId: z.uuid(), name: z.string() })) })),
});

export const matchingView = z.object({
  child: z.object({ childId: z.uuid(), name: z.string(), age: z.number(), sex: z.string().nullable() }),
  placementType: z.string().nullable(),
  fits: z.array(householdSummary.extend({ termsText: z.string().nullable() })),
  notFitting: z.array(z.object({ householdId: z.uuid(), name: z.string(), reasons: z.array(z.string()) })),
});

export const sectionTwentyView = z.object({
  asOf: z.string(),
  children: z.array(
    z.object({
      childId: z.uuid(),
      name: z.string(),
      laChildId: z.string().nullable(),
      accommodatedSince: z.string(),
      months: z.number(),
      lastLegalReview: z.string().nullable(),
      nextReviewDue: z.string().nullable(),
      overdue: z.boolean(),
      worker: z.string().nullable(),
    }),
  ),
});

/** Plain words for approval terms. */
export function termsText(t: Terms | null): string | null {
  if (!t) return null;
  const kinds = t.placementTypes.map((k) => PLACEMENT_TERM[k as PlacementTerm]?.toLowerCase() ?? k).join(', ');
  const sex = t.sex === 'any' ? '' : t.sex === 'female' ? ', girls' : ', boys';
  return `Up to ${t.maxChildren} ${t.maxChildren === 1 ? 'child' : 'children'} aged ${t.ageFrom} to ${t.ageTo}${sex}: ${kinds}`;
}

/** The households behind a fostering indicator's number. */
export const householdsBehindView = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  households: z.array(
    z.object({
      householdId: z.uuid(),
      name: z.string(),
      reference: z.string(),
      onDate: z.string(),
      inNumerator: z.boolean(),
      /** Its part of the numerator (places, for the net change; days, for the average). */
      count: z.number(),
      days: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
