/**
 * The practice record: the child and family assessment as it is written, what a section 47
 * enquiry found, and plans that are kept (outcomes, actions with an owner and a date, the
 * contingency), with progress recorded against each action. Labels are plain English: the
 * family reads the printed plan, so nothing here that a person reads is a code.
 */
import { z } from 'zod';
import { ASSESSMENT_FACTOR, ASSESSMENT_OUTCOME } from './pathway.ts';
import { codesOf } from './codes.ts';
import { isoDate } from './schemas.ts';
import { someText as text, optionalText, flag, recordVersion, nullishText } from './fields.ts';

/**
 * The safety scale, as the oversight area's risk-scaling view means it: higher is safer.
 * What the numbers mean is stated on every form that asks for one.
 */
export const SAFETY_SCALE = {
  min: 0,
  max: 10,
  meaning: '0 means the child is not safe and harm is very likely; 10 means the child is safe enough for us to close the case.',
} as const;
export const safetyScale = z.number().int().min(0, 'The scale runs from 0 to 10').max(10, 'The scale runs from 0 to 10');

/** The parts of the written assessment, in the order a reader meets them. */
export const ASSESSMENT_SECTIONS = {
  livedExperience: 'The child’s daily lived experience',
  childWords: 'What the child said, in their own words',
  worries: 'What we are worried about (harm and risk, past and future)',
  workingWell: 'What is working well (strengths, safety, protective adults)',
  parentsViews: 'What parents and carers think',
  partnerViews: 'What partner agencies told us',
  analysis: 'Our analysis',
  recommendation: 'Our recommendation',
} as const;
export type AssessmentSection = keyof typeof ASSESSMENT_SECTIONS;

export const ASSESSMENT_RECORD_STATUS = {
  draft: 'Being written',
  submitted: 'Waiting for the manager',
  returned: 'Returned by the manager',
  authorised: 'Authorised',
} as const;

const sections = Object.fromEntries(Object.keys(ASSESSMENT_SECTIONS).map((k) => [k, optionalText(20000).optional()])) as Record<
  AssessmentSection,
  z.ZodOptional<z.ZodString>
>;

/** A save of the written assessment (every save is a version). */
export const assessmentRecordSave = z
  .object({
    version: recordVersion.optional().describe('The version this save was made from; leave out on the first save'),
    ...sections,
    factors: z
      .array(z.enum(codesOf(ASSESSMENT_FACTOR)))
      .optional()
      .describe('Assessment factors, chosen by name'),
  })
  .superRefine((v, ctx) => {
    if (v.factors?.includes('21') && v.factors.length > 1)
      flag(ctx, ['factors'], 'no-factors-alone', '“No factors identified” cannot be chosen with other factors');
  });

/** The worker sends the assessment to their manager, with their own safety scale and the outcome. */
export const assessmentSubmission = z.object({
  version: recordVersion,
  workerScale: safetyScale,
  completedOn: isoDate,
  outcome: z.enum(codesOf(ASSESSMENT_OUTCOME)),
});

/** The manager returns the assessment to the worker, saying why. */
export const assessmentReturn = z.object({ version: recordVersion, returnedOn: isoDate, reasons: text(5000) });

/** The manager authorises the assessment with their own safety scale and view. */
export const assessmentRecordAuthorisation = z.object({
  version: recordVersion,
  authorisedOn: isoDate,
  managerScale: safetyScale,
  managerView: text(5000),
  lateReason: nullishText(2000).describe('Required when authorised after the 45th working day from the referral'),
});

// ---------------------------------------------------------------------------
// Section 47 enquiry findings

export const s47Concern = z.object({
  concern: text(2000),
  found: text(10000),
  substantiated: z.boolean({ error: 'Say whether significant harm was substantiated' }),
  why: text(5000),
});

export const section47FindingsSave = z.object({
  version: recordVersion.optional(),
  concerns: z.array(s47Concern).min(1, 'Record at least one concern and what was found'),
  convene: z.boolean({ error: 'Say whether an initial child protection conference should be convened' }),
  conveneReasons: text(5000),
});

// ---------------------------------------------------------------------------
// Plans

export const PLAN_KIND = {
  'child-in-need': 'Child in need plan',
  protection: 'Child protection plan',
  care: 'Care plan',
  pathway: 'Pathway plan',
  'early-help': 'Early help plan',
} as const;
export type PlanKind = keyof typeof PLAN_KIND;

/** The plan as the family reads it: the heading of the printed plan. */
export const PLAN_KIND_FOR_FAMILY = {
  'child-in-need': 'Our plan to help',
  protection: 'Our plan to keep you safe',
  care: 'Your care plan',
  pathway: 'Your pathway plan',
  'early-help': 'Our early help plan',
} as const;

export const PLAN_STAGE = { outline: 'Outline plan (agreed at the initial conference)', detailed: 'Detailed plan (made by the core group)' } as const;

export const ACTION_OWNER_KIND = {
  worker: 'A worker',
  partner: 'Someone at a partner agency',
  'parent-carer': 'A parent or carer',
  child: 'The child',
} as const;

export const ACTION_PROGRESS = { done: 'Done', partly: 'Partly done', 'not-done': 'Not done' } as const;

export const PROGRESS_MEETING = {
  'core-group': 'Core group',
  'cin-plan-review': 'Child in need review',
  review: 'Review',
  'early-help-review': 'Early help review',
} as const;

export const planOutcome = z.object({
  outcomeId: z.string().trim().min(1).max(40).optional().describe('Kept from the previous version; given by the server when new'),
  text: text(2000).describe('What must change for the child, in the family’s words where possible'),
  measure: text(2000).describe('How we will all know it has changed'),
});

export const planActionInput = z
  .object({
    actionId: z.uuid().optional().describe('An action already on the plan; leave out for a new one'),
    outcomeId: nullishText(40),
    what: text(2000),
    ownerKind: z.enum(codesOf(ACTION_OWNER_KIND)),
    ownerWorkerId: z.uuid().nullish(),
    ownerContactId: z.uuid().nullish(),
    ownerName: nullishText(200),
    dueOn: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.ownerKind === 'worker' && !v.ownerWorkerId) flag(ctx, ['ownerWorkerId'], 'owner-required', 'Choose the worker who will do this');
    if (v.ownerKind === 'partner' && !v.ownerContactId)
      flag(ctx, ['ownerContactId'], 'owner-required', 'Choose the person at the partner agency who will do this');
    if (v.ownerKind === 'parent-carer' && !v.ownerName) flag(ctx, ['ownerName'], 'owner-required', 'Give the parent’s or carer’s name');
  });

/** A save of a plan (every save a version): its outcomes, its actions and the contingency. */
export const planSave = z.object({
  version: recordVersion.optional(),
  kind: z.enum(codesOf(PLAN_KIND)),
  planRef: z.uuid().describe('The plan it belongs to: the child in need plan, protection plan, period of care, pathway plan or early help episode'),
  agreedOn: isoDate,
  stage: z.enum(codesOf(PLAN_STAGE)).nullish().describe('A protection plan: outline (initial conference) or detailed (first core group)'),
  outcomes: z.array(planOutcome).min(1, 'Say at least one thing that must change for the child'),
  actions: z.array(planActionInput).min(1, 'Give at least one action, with who will do it and by when'),
  contingency: text(5000).describe('What will happen if things do not change'),
  placementPlan: nullishText(10000).describe('A care plan: the placement plan'),
});

export const progressEntry = z.object({
  actionId: z.uuid(),
  progress: z.enum(codesOf(ACTION_PROGRESS)),
  note: optionalText(2000).default(''),
});

/** Progress recorded at a core group or review, against each action, with any new actions. */
export const planProgress = z.object({
  version: recordVersion,
  meetingKind: z.enum(codesOf(PROGRESS_MEETING)),
  meetingId: z.uuid().nullish(),
  heldOn: isoDate,
  progress: z.array(progressEntry).min(1, 'Record progress against at least one action'),
  newActions: z.array(planActionInput).default([]),
  makeDetailed: z.boolean().optional().describe('The first core group makes a protection plan’s outline detailed'),
});
