/**
 * The children-in-need and child-protection pathway: code lists and the shapes of what is
 * recorded at each step, from contact to closure. The API validates with these schemas, the
 * OpenAPI document is generated from them and the web forms check against them.
 */
import { z } from 'zod';
import { codesOf, PRIMARY_NEED, REFERRAL_SOURCE } from './codes.ts';
import { isoDate } from './schemas.ts';
import { requiredText as text, flag, recordVersion, nullishText, isoDateTime } from './fields.ts';

/** CIN census category of abuse (initial and latest). MUL is allowed but not recommended. */
export const CATEGORY_OF_ABUSE = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple (not recommended)',
} as const;

/** CIN census reason for closure. */
export const CLOSURE_REASON = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to services of another local authority',
  RC6: 'Transferred to adult social care services',
  RC7: 'Case closed after assessment, or services ceased for any other reason, including no longer in need',
  RC8: 'Case closed after assessment, no further action',
  RC9: 'Case closed after assessment, referred to early help',
} as const;

/** CIN census factors identified at assessment. 21 (no factors) must stand alone. */
export const ASSESSMENT_FACTOR = {
  '1A': 'Alcohol misuse: child',
  '1B': 'Alcohol misuse: parent or carer',
  '1C': 'Alcohol misuse: other person in the household',
  '2A': 'Drug misuse: child',
  '2B': 'Drug misuse: parent or carer',
  '2C': 'Drug misuse: other person in the household',
  '3A': 'Domestic abuse: child',
  '3B': 'Domestic abuse: parent or carer',
  '3C': 'Domestic abuse: other person in the household',
  '4A': 'Mental health: child',
  '4B': 'Mental health: parent or carer',
  '4C': 'Mental health: other person in the household',
  '5A': 'Learning disability: child',
  '5B': 'Learning disability: parent or carer',
  '5C': 'Learning disability: other person in the household',
  '6A': 'Physical disability or illness: child',
  '6B': 'Physical disability or illness: parent or carer',
  '6C': 'Physical disability or illness: other person in the household',
  '7A': 'Young carer',
  '8B': 'Privately fostered: overseas, intending to return',
  '8C': 'Privately fostered: overseas, intending to stay',
  '8D': 'Privately fostered: UK, for education',
  '8E': 'Privately fostered: UK, alternative family arrangement',
  '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Neglect',
  '17A': 'Emotional abuse',
  '18B': 'Physical abuse: child on child',
  '18C': 'Physical abuse: adult on child',
  '19B': 'Sexual abuse: child on child',
  '19C': 'Sexual abuse: adult on child',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
} as const;

/** Agencies at a strategy discussion. Working Together expects at least police and health. */
export const AGENCY = {
  'social-care': "Children's social care",
  police: 'Police',
  health: 'Health',
  education: 'Education',
  'early-help': 'Early help',
  housing: 'Housing',
  probation: 'Probation',
  'youth-justice': 'Youth justice',
  other: 'Other',
} as const;
export const EXPECTED_AGENCIES = ['police', 'health', 'education'] as const;

export const CONTACT_DECISION = { nfa: 'No further action', 'early-help': 'Early help', referral: "Referral to children's social care" } as const;
export const ASSESSMENT_OUTCOME = {
  'no-further-action': 'No further action',
  'early-help': 'Early help',
  'child-in-need-plan': 'Child in need plan',
  'strategy-discussion': 'Strategy discussion (possible significant harm)',
  'looked-after': 'Child to become looked after',
} as const;
export const S47_OUTCOME = {
  conference: 'Initial child protection conference',
  'no-further-action': 'No further action',
  'child-in-need-plan': 'Child in need plan',
} as const;
export const CONFERENCE_OUTCOME = { plan: 'Child protection plan', 'no-plan': 'No plan', 'continue-plan': 'Plan continues', 'end-plan': 'Plan ends' } as const;
export const VISIT_PURPOSE = {
  'child-protection': 'Child protection visit',
  'child-in-need': 'Child in need visit',
  assessment: 'Assessment visit',
  other: 'Other visit',
} as const;

/** Whether the child and the parents met the person deciding, and the child's own words. */
const voice = {
  childMetDecider: z.boolean().describe('The child met the person deciding, face to face'),
  parentsMetDecider: z.boolean().describe('The parents met the person deciding, face to face'),
  childWords: nullishText(4000).describe("The child's own words"),
};

export const newContact = z.object({
  receivedAt: isoDateTime.describe('A date and time with its offset, e.g. 2026-11-23T09:30:00Z'),
  source: z.enum(codesOf(REFERRAL_SOURCE)),
  presentingConcern: text(4000),
  significantHarmSuspected: z.boolean().default(false),
});

export const contactDecision = z
  .object({
    decision: z.enum(['nfa', 'early-help', 'referral']),
    decidedOn: isoDate,
    reasons: text(4000).describe('Why: the decision and the reasons are recorded together'),
    primaryNeed: z.enum(codesOf(PRIMARY_NEED)).optional().describe('Required for a referral'),
    teamId: z.uuid().optional().describe('For a referral: the team the child is routed to'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'referral' && !v.primaryNeed) flag(ctx, ['primaryNeed'], 'primary-need-required', 'Give the primary need for a referral');
  });

export const newReferral = z.object({
  referralDate: isoDate,
  source: z.enum(codesOf(REFERRAL_SOURCE)),
  primaryNeed: z.enum(codesOf(PRIMARY_NEED)),
});

export const newAssessment = z.object({ startDate: isoDate });

export const assessmentProgress = z
  .object({
    version: recordVersion,
    childSeenOn: isoDate.nullish(),
    childSeenAlone: z.boolean().nullish(),
    factors: z.array(z.enum(codesOf(ASSESSMENT_FACTOR))).optional(),
    completedOn: isoDate.nullish(),
    outcome: z.enum(codesOf(ASSESSMENT_OUTCOME)).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.factors?.includes('21') && v.factors.length > 1)
      flag(ctx, ['factors'], 'no-factors-alone', '21 (no factors identified) cannot be given with other factors (DfE rule 8869)');
    if (v.completedOn && !v.outcome) flag(ctx, ['outcome'], 'outcome-required', 'Give the outcome of a completed assessment');
  });

export const assessmentAuthorisation = z.object({
  authorisedOn: isoDate,
  lateReason: nullishText(2000).describe('Required when authorised after the 45th working day from the referral'),
});

export const newStrategyDiscussion = z.object({
  heldOn: isoDate,
  agencies: z.array(z.enum(codesOf(AGENCY))).min(1, 'Say which agencies took part'),
  decision: z.enum(['section-47', 'no-section-47']),
  reasons: text(4000),
});

export const newSection47 = z.object({ strategyId: z.uuid(), startDate: isoDate });

export const section47Outcome = z
  .object({
    completedOn: isoDate,
    outcome: z.enum(codesOf(S47_OUTCOME)),
    icpcNotRequiredReason: nullishText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'conference' && !v.icpcNotRequiredReason) {
      flag(ctx, ['icpcNotRequiredReason'], 'icpc-not-required-reason', 'Say why no initial conference is needed');
    }
  });

export const newConference = z
  .object({
    kind: z.enum(['initial', 'review']),
    s47Id: z.uuid().optional().describe('For an initial conference: the enquiry it follows'),
    heldOn: isoDate,
    outcome: z.enum(codesOf(CONFERENCE_OUTCOME)),
    chair: text(200),
    initialCategory: z.enum(codesOf(CATEGORY_OF_ABUSE)).optional(),
    latestCategory: z.enum(codesOf(CATEGORY_OF_ABUSE)).optional(),
    endReason: z.string().trim().max(2000).optional(),
    whatChanged: z.string().trim().max(4000).optional(),
    changeSustainedWeeks: z.number().int().min(0).max(520).optional(),
    ...voice,
  })
  .superRefine((v, ctx) => {
    const add = (path: string, name: string, message: string) => flag(ctx, [path], name, message);
    if (v.kind === 'initial') {
      if (!v.s47Id) add('s47Id', 'enquiry-required', 'An initial conference follows a section 47 enquiry');
      if (v.outcome !== 'plan' && v.outcome !== 'no-plan') add('outcome', 'initial-outcome', 'An initial conference decides on a plan or no plan');
      if (v.outcome === 'plan' && !v.initialCategory) add('initialCategory', 'category-required', 'Give the category of abuse');
    } else {
      if (v.outcome !== 'continue-plan' && v.outcome !== 'end-plan') add('outcome', 'review-outcome', 'A review conference continues or ends the plan');
      if (v.outcome === 'end-plan') {
        if (!v.endReason) add('endReason', 'end-reason-required', 'Say why the plan ends');
        if (!v.whatChanged) add('whatChanged', 'what-changed-required', 'Say what has changed for the child');
        if (v.changeSustainedWeeks === undefined) add('changeSustainedWeeks', 'sustained-required', 'Say for how long the change has held');
      }
    }
  });

export const newCoreGroup = z.object({ heldOn: isoDate, notes: nullishText(4000) });

export const newVisit = z
  .object({
    visitedOn: isoDate,
    purpose: z.enum(codesOf(VISIT_PURPOSE)),
    childSeen: z.boolean(),
    seenAlone: z.boolean().default(false),
    childWords: nullishText(4000).describe("The child's wishes and feelings in their own words"),
  })
  .superRefine((v, ctx) => {
    if (v.childSeen && !v.childWords)
      flag(ctx, ['childWords'], 'child-voice-required', "Record the child's own words, or what was observed for a child too young to say");
    if (v.seenAlone && !v.childSeen) flag(ctx, ['seenAlone'], 'seen-alone-needs-seen', 'A child seen alone was seen');
  });

export const newCinPlan = z.object({ startDate: isoDate });
export const newCinPlanReview = z.object({ heldOn: isoDate, ...voice });
export const endCinPlan = z.object({ endDate: isoDate, reasons: text(2000) });

export const episodeClosure = z.object({
  closureDate: isoDate,
  reason: z.enum(codesOf(CLOSURE_REASON)),
  reasons: text(4000).describe("The manager's reasons for closing"),
  whatChanged: z.string().trim().max(4000).optional().describe('Required after a protection plan'),
  changeSustainedWeeks: z.number().int().min(0).max(520).optional().describe('Required after a protection plan'),
  ...voice,
});

export const worklistQuery = z.object({
  view: z.enum(['mine', 'team', 'service']).default('mine'),
  teamId: z.uuid().optional(),
  workerId: z.uuid().optional(),
  state: z.enum(['overdue', 'due', 'open']).default('open'),
  ruleId: z.string().optional(),
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

// What the API returns (a deadline, a child's casework) is in views/casework.ts; re-exported here for the routes.
export * from './views/casework.ts';
