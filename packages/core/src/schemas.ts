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

/** The custom issue param `rule` travels to the API's problem document. */
function rule(name: string, message: string) {
  return { message, params: { rule: name } };
}

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

const trimmed = (max: number) => z.string().trim().min(1).max(max);

function identifier(check: (v: string) => { rule: string; message: string } | null) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      const problem = check(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } });
      return v;
    });
}

export const upn = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = checkUpn(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } });
  });
export const nhsNumber = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .superRefine((v, ctx) => {
    const problem = checkNhsNumber(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } });
  });
export const postcode = identifier(checkPostcode);

const childFields = {
  laChildId: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = checkLaChildId(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } });
    })
    .optional()
    .describe('The council’s id for the child; assigned by Lantern when left out'),
  givenName: trimmed(100),
  familyName: trimmed(100),
  otherNames: z.string().trim().max(200).nullish(),
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
    ctx.addIssue({
      code: 'custom',
      path: ['expectedDateOfBirth'],
      message: 'Give a date of birth or an expected date of birth, not both',
      params: { rule: 'birth-date-or-expected' },
    });
  }
  if (child.dateOfBirth !== undefined && child.expectedDateOfBirth !== undefined && !child.dateOfBirth && !child.expectedDateOfBirth) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfBirth'],
      message: 'Give a date of birth, or an expected date of birth for an unborn child',
      params: { rule: 'birth-date-required' },
    });
  }
  if (child.expectedDateOfBirth && child.sex && child.sex !== 'U') {
    ctx.addIssue({ code: 'custom', path: ['sex'], message: 'Sex must be U for an unborn child (DfE rule 8750)', params: { rule: 'unborn-sex' } });
  }
  if (child.dateOfDeath && child.dateOfBirth && child.dateOfDeath < child.dateOfBirth) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfDeath'],
      message: 'Date of death must be on or after the date of birth',
      params: { rule: 'death-after-birth' },
    });
  }
  if (child.upn && child.upnUnknown) {
    ctx.addIssue({ code: 'custom', path: ['upnUnknown'], message: 'Give a UPN or a reason it is unknown, not both', params: { rule: 'upn-or-unknown' } });
  }
  if (child.disabilities?.includes('NONE') && child.disabilities.length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['disabilities'],
      message: 'NONE cannot be given with another disability',
      params: { rule: 'disability-none-alone' },
    });
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
  .extend({ version: z.number().int().positive().describe('The version of the record this change was made from') })
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
  givenName: trimmed(100),
  familyName: trimmed(100),
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
      ctx.addIssue({
        code: 'custom',
        path: ['relatedPersonId'],
        message: 'Choose a person already recorded, or record a new one',
        params: { rule: 'one-related-person' },
      });
    }
  });

export const newAddress = z
  .object({
    line1: trimmed(200),
    line2: z.string().trim().max(200).nullish(),
    town: trimmed(100),
    postcode,
    startDate: isoDate,
    endDate: isoDate.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The address must end on or after it starts', params: { rule: 'end-after-start' } });
  });

export const newTeam = z.object({
  name: trimmed(120),
  service: trimmed(120),
});

export const newWorker = z
  .object({
    givenName: trimmed(100),
    familyName: trimmed(100),
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
    if (v.leaveDate && v.leaveDate < v.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['leaveDate'],
        message: 'The leaving date must be on or after the start date',
        params: { rule: 'end-after-start' },
      });
  });

export const newAllocation = z.object({
  workerId: uuid,
  role: z.enum(codesOf(ALLOCATION_ROLE)).default('social-worker'),
  startDate: isoDate,
  reason: z.string().trim().max(500).nullish(),
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
  displayName: trimmed(120),
  role: z.enum(ROLE_IDS),
  workerId: uuid.nullish(),
  password: z.string().min(12, 'A password has at least 12 characters').max(200),
});

export const signIn = z.object({
  username: z.string().trim().toLowerCase().min(1),
  password: z.string().min(1),
  laCode: z.string().optional().describe('Only needed where one username exists in two councils'),
});

export const chronologyNote = z.object({
  occurredOn: isoDate,
  category: z.enum(['case-note', 'visit', 'phone-call', 'meeting', 'management-decision', 'correspondence', 'other']),
  summary: trimmed(4000),
});

/** The rules across fields, applied to a whole record after a change is merged into it. */
export const childRecordRules = childObject.partial().superRefine((v, ctx) => childCrossChecks(v as ChildShape, ctx));
