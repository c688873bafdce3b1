/**
 * The shapes of what people record, as zod schemas. The API validates bodies with them, the
 * OpenAPI document is generated from them, and the web app's forms check against them, so a
 * rule is written once. Messages name the rule in words a practitioner understands.
 */
import { z } from 'zod';
import { isIsoDate } from './calendar.ts';
import { ALLOCATION_ROLE, DISABILITY, EMPLOYMENT, ETHNICITY, JOB_ROLE, RELATIONSHIP_TYPE, SEX, UPN_UNKNOWN, codesOf } from './codes.ts';
import { checkLaChildId, checkNhsNumber, checkPostcode, checkSweNumber, checkUpn } from './identifiers.ts';
import { ROLE_IDS } from './permissions.ts';
import { requiredText, rule, flag, recordVersion, nullishText } from './fields.ts';

/** The years a date in a child's record can fall in: anything else is a typing slip (or an attack). */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;
const inYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

export const isoDate = z
  .string()
  .refine(isIsoDate, rule('date', 'Enter a real date as YYYY-MM-DD'))
  .refine(inYears, rule('date-range', `Enter a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}`))
  .meta({ format: 'date', example: '2026-04-01' });

export const uuid = z.uuid();

type IdentifierCheck = (v: string) => { rule: string; message: string } | null;

/** An identifier check's problem, if any, as an issue on the field naming its rule. */
function report(check: IdentifierCheck, v: string, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>) {
  const problem = check(v);
  if (problem) ctx.addIssue({ code: 'custom', ...rule(problem.rule, problem.message) });
}

function identifier(check: IdentifierCheck) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      report(check, v, ctx);
      return v;
    });
}

export const upn = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => report(checkUpn, v, ctx));
export const nhsNumber = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .superRefine((v, ctx) => report(checkNhsNumber, v, ctx));
export const postcode = identifier(checkPostcode);

const childFields = {
  laChildId: z
    .string()
    .trim()
    .superRefine((v, ctx) => report(checkLaChildId, v, ctx))
    .optional()
    .describe('The council’s id for the child; assigned by Lantern when left out'),
  givenName: requiredText(100),
  familyName: requiredText(100),
  otherNames: nullishText(200),
  dateOfBirth: isoDate.nullish(),
  expectedDateOfBirth: isoDate.nullish().describe('For an unborn child'),
  sex: z.enum(codesOf(SEX)),
  ethnicity: z.enum(codesOf(ETHNICITY)),
  upn: upn.nullish(),
  formerUpn: upn.nullish(),
  upnUnknown: z.enum(codesOf(UPN_UNKNOWN)).nullish(),
  nhsNumber: nhsNumber.nullish(),
  dateOfDeath: isoDate.nullish(),
  uasc: z.boolean().describe('Unaccompanied asylum-seeking child'),
  disabilities: z.array(z.enum(codesOf(DISABILITY))),
  restricted: z.boolean().describe('Open only to those holding the case (e.g. adoption)'),
};
const childObject = z.object(childFields);

type ChildShape = {
  dateOfBirth?: string | null | undefined;
  expectedDateOfBirth?: string | null | undefined;
  dateOfDeath?: string | null | undefined;
  upn?: string | null | undefined;
  upnUnknown?: string | null | undefined;
  disabilities?: string[] | undefined;
  sex?: string | undefined;
};

/** Rules across fields, from the CIN census validation (8525, 8750, 1500-series, 8869-like NONE). */
function childCrossChecks(child: ChildShape, ctx: z.RefinementCtx) {
  if (child.dateOfBirth && child.expectedDateOfBirth) {
    flag(ctx, ['expectedDateOfBirth'], 'birth-date-or-expected', 'Give a date of birth or an expected date of birth, not both');
  }
  if (child.dateOfBirth !== undefined && child.expectedDateOfBirth !== undefined && !child.dateOfBirth && !child.expectedDateOfBirth) {
    flag(ctx, ['dateOfBirth'], 'birth-date-required', 'Give a date of birth, or an expected date of birth for an unborn child');
  }
  if (child.expectedDateOfBirth && child.sex && child.sex !== 'U') {
    flag(ctx, ['sex'], 'unborn-sex', 'Sex must be U for an unborn child (DfE rule 8750)');
  }
  if (child.dateOfDeath && child.dateOfBirth && child.dateOfDeath < child.dateOfBirth) {
    flag(ctx, ['dateOfDeath'], 'death-after-birth', 'Date of death must be on or after the date of birth');
  }
  if (child.upn && child.upnUnknown) {
    flag(ctx, ['upnUnknown'], 'upn-or-unknown', 'Give a UPN or a reason it is unknown, not both');
  }
  if (child.disabilities?.includes('NONE') && child.disabilities.length > 1) {
    flag(ctx, ['disabilities'], 'disability-none-alone', 'NONE cannot be given with another disability');
  }
}

export const newChild = childObject
  .extend({
    ethnicity: childFields.ethnicity.default('NOBT'),
    uasc: childFields.uasc.default(false),
    disabilities: childFields.disabilities.default([]),
    restricted: childFields.restricted.default(false),
    confirmNotDuplicate: z.boolean().default(false).describe('Set after the user has seen the possible matches and confirmed this is a different child'),
  })
  .superRefine(childCrossChecks);
export type NewChild = z.infer<typeof newChild>;

/** An update names only the fields that change, and the version it was made from. */
export const childChanges = childObject
  .partial()
  .extend({ version: recordVersion.describe('The version of the record this change was made from') })
  .superRefine(childCrossChecks);
export type ChildChanges = z.infer<typeof childChanges>;

export const possibleMatchQuery = z.object({
  givenName: z.string().trim().optional(),
  familyName: z.string().trim().optional(),
  dateOfBirth: isoDate.optional(),
  upn: z.string().trim().toUpperCase().optional(),
  nhsNumber: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .optional(),
});

export const newAdult = z.object({
  givenName: requiredText(100),
  familyName: requiredText(100),
  dateOfBirth: isoDate.nullish(),
  sex: z.enum(codesOf(SEX)).default('U'),
  nhsNumber: nhsNumber.nullish(),
});

export const newRelationship = z
  .object({
    relatedPersonId: uuid.optional().describe('An adult or child already recorded'),
    newPerson: newAdult.optional().describe('Or a person to record now'),
    type: z.enum(codesOf(RELATIONSHIP_TYPE)).describe('The related person is the <type> of the child'),
    parentalResponsibility: z.boolean().default(false),
    livesWithChild: z.boolean().default(false),
    startDate: isoDate.nullish(),
    notes: z.string().max(2000).nullish(),
  })
  .superRefine((v, ctx) => {
    if (!!v.relatedPersonId === !!v.newPerson) {
      flag(ctx, ['relatedPersonId'], 'one-related-person', 'Choose a person already recorded, or record a new one');
    }
  });

export const newAddress = z
  .object({
    line1: requiredText(200),
    line2: nullishText(200),
    town: requiredText(100),
    postcode,
    startDate: isoDate,
    endDate: isoDate.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate) flag(ctx, ['endDate'], 'end-after-start', 'The address must end on or after it starts');
  });

export const newTeam = z.object({
  name: requiredText(120),
  service: requiredText(120),
});

export const newWorker = z
  .object({
    givenName: requiredText(100),
    familyName: requiredText(100),
    jobRole: z.enum(codesOf(JOB_ROLE)),
    employment: z.enum(codesOf(EMPLOYMENT)),
    teamId: uuid.nullish(),
    startDate: isoDate,
    leaveDate: isoDate.nullish(),
    fte: z.number().gt(0).max(1).default(1),
    sweNumber: identifier(checkSweNumber).nullish(),
    email: z.email().nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.leaveDate && v.leaveDate < v.startDate) flag(ctx, ['leaveDate'], 'end-after-start', 'The leaving date must be on or after the start date');
  });

export const newAllocation = z.object({
  workerId: uuid,
  role: z.enum(codesOf(ALLOCATION_ROLE)).default('social-worker'),
  startDate: isoDate,
  reason: nullishText(500),
});

export const endAllocation = z.object({
  endDate: isoDate,
  reason: z.string().trim().min(1).max(500),
});

export const newUser = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,60}$/, 'A username is 3 to 60 letters, digits, dots, dashes or underscores'),
  displayName: requiredText(120),
  role: z.enum(ROLE_IDS),
  workerId: uuid.nullish(),
  /** Optional where people sign in through the council's identity provider. */
  password: z.string().min(12, 'A password has at least 12 characters').max(200).optional(),
  email: z.email('Enter an email address like name@council.gov.uk').max(254).nullish(),
  oidcSubject: z.string().trim().min(1).max(255).nullish().describe('The identity provider’s subject (sub) for this person, if known'),
});

/** An administrator's change to a user's role or worker (either may need a head of service's approval). */
export const userChange = z
  .object({
    role: z.enum(ROLE_IDS).optional(),
    workerId: uuid.nullish(),
    email: z.email('Enter an email address like name@council.gov.uk').max(254).nullish(),
    oidcSubject: z.string().trim().min(1).max(255).nullish(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Say what to change' });

/** An administrator's temporary password: the person chooses their own at next sign-in. */
export const passwordReset = z.object({ temporaryPassword: z.string().min(12, 'A password has at least 12 characters').max(200) });

/** Choosing a new password (after a reset, or at will): proves the current one first. */
export const passwordChange = z.object({
  username: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(200),
  newPassword: z.string().min(12, 'A password has at least 12 characters').max(200),
  laCode: z.string().max(20).optional(),
});

/** A head of service's decision on an administrator's request. */
export const accessDecision = z.object({
  decision: z.enum(['approve', 'refuse']),
  fromVersion: z.number().int().min(1).max(1_000_000),
});

export const signIn = z.object({
  username: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(200),
  laCode: z.string().max(20).optional().describe('Only needed where one username exists in two councils'),
});

export const chronologyNote = z.object({
  occurredOn: isoDate,
  category: z.enum(['case-note', 'visit', 'phone-call', 'meeting', 'management-decision', 'correspondence', 'other']),
  summary: requiredText(4000),
});

/** The rules across fields, applied to a whole record after a change is merged into it. */
export const childRecordRules = childObject.partial().superRefine((v, ctx) => childCrossChecks(v as ChildShape, ctx));
