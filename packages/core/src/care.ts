/**
 * Permanence and adoption, unaccompanied asylum-seeking children, the health and education of
 * looked-after children, and care leavers: code lists (SSDA903 where the 903 has one), the
 * shapes of what is recorded, and the pure rules the screens and the timescales engine share.
 */
import { z } from 'zod';
import type { IsoDate } from './calendar.ts';
import { addCalendarMonths, addDays, compareIsoDates, daysSinceEpoch, parseIsoDate } from './calendar.ts';
import { codesOf } from './codes.ts';
import { isoDate } from './schemas.ts';
import { requiredText as text, recordVersion } from './fields.ts';

// ---------------------------------------------------------------------------
// Code lists

/** The permanence plan (Annex A list 8 groupings, with SGO and CAO told apart). */
export const PERMANENCE_PLAN_TYPE = {
  'return-home': 'Return to family',
  adoption: 'Adoption',
  sgo: 'Special guardianship order',
  cao: 'Child arrangements order',
  'long-term-fostering': 'Long-term fostering',
  'supported-living': 'Supported living in the community',
  'long-term-residential': 'Long-term residential placement',
  other: 'Other',
} as const;

/** 903 AD1 SEX_ADOPTR. */
export const ADOPTER_SEX = {
  M1: 'Male adopter (single)',
  F1: 'Female adopter (single)',
  MM: 'Two male adopters',
  FF: 'Two female adopters',
  MF: 'Male and female adopters',
} as const;

/** 903 AD1 LS_ADOPTR. The DfE's meanings are not in Lantern's sources; the codes are. */
export const ADOPTER_LEGAL_STATUS = {
  L0: 'L0',
  L11: 'L11',
  L12: 'L12',
  L2: 'L2',
  L3: 'L3',
  L4: 'L4',
} as const;

/** 903 PlacedAdoption REASON_PLACED_CEASED, as Annex A list 10 words them (order unverified by the DfE guide). */
export const PLACED_CEASED_REASON = {
  RD1: "The child's needs changed",
  RD2: 'The court did not make a placement order',
  RD3: 'Prospective adopters could not be found',
  RD4: 'Any other reason',
} as const;

/** 903 PrevPerm PREV_PERM. */
export const PREVIOUS_PERMANENCE = {
  P1: 'Adoption',
  P2: 'Special guardianship order',
  P3: 'Residence order or child arrangements order',
  P4: 'Previous permanence order, type unknown',
  Z1: 'No previous permanence option',
} as const;

export const PERMANENCE_ORDER_TYPE = {
  sgo: 'Special guardianship order',
  cao: 'Child arrangements order',
} as const;

/** How an unaccompanied child came to the council. */
export const UASC_REFERRAL_ROUTE = {
  'spontaneous-arrival': 'Spontaneous arrival',
  'national-transfer-scheme': 'National Transfer Scheme (transferred in)',
  'home-office': 'Referred by the Home Office',
  police: 'Referred by the police',
  other: 'Other',
} as const;

export const AGE_ASSESSMENT = {
  'not-needed': 'Not needed',
  pending: 'Pending',
  disputed: 'Age disputed',
  child: 'Assessed as a child',
  adult: 'Assessed as an adult',
} as const;

export const HEALTH_CHECK_KIND = {
  'initial-health-assessment': 'Initial health assessment',
  'review-health-assessment': 'Review health assessment',
  dental: 'Dental check',
} as const;

/** 903 OC2 SDQ_REASON. */
export const SDQ_REASON = {
  SDQ1: 'Not aged 4 to 16 at the assessment',
  SDQ2: 'Carer refused',
  SDQ3: 'Not possible because of disability',
  SDQ4: 'Other',
  SDQ5: 'Young person refused',
} as const;

export const CARE_LEAVER_CATEGORY = {
  eligible: 'Eligible (16–17, still looked after)',
  relevant: 'Relevant (16–17, left care)',
  'former-relevant': 'Former relevant (18–25)',
  qualifying: 'Qualifying',
} as const;

/** 903 OC3 IN_TOUCH. */
export const IN_TOUCH = {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Died',
  REFU: 'Refuses contact',
  NREQ: 'No longer requires services',
  RHOM: 'Returned home for 6 months or more',
} as const;

/** 903 OC3 ACTIV. */
export const ACTIVITY = {
  F1: 'Full-time higher education',
  P1: 'Part-time higher education',
  F2: 'Full-time other education',
  P2: 'Part-time other education',
  F4: 'Full-time apprenticeship',
  P4: 'Part-time apprenticeship',
  F5: 'Full-time training or employment',
  P5: 'Part-time training or employment',
  G4: 'Not in education, employment or training: illness or disability',
  G5: 'Not in education, employment or training: other',
  G6: 'Not in education, employment or training: pregnancy or parenting',
  '0': 'Not in touch, died or returned home',
} as const;

/** 903 OC3 ACCOM letters; the code returned adds 1 (suitable) or 2 (not suitable). */
export const ACCOMMODATION = {
  B: 'With parents or relatives',
  C: 'Community home or other residential care',
  D: 'Semi-independent, transitional accommodation',
  E: 'Supported lodgings',
  G: 'Gone abroad',
  H: 'Deported',
  K: 'Ordinary lodgings',
  R: 'Residence not known',
  S: 'No fixed abode or homeless',
  T: 'Foyers',
  U: 'Independent living',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other',
  Z: 'With former foster carers (staying put)',
} as const;

/** The ACCOM codes the 903 accepts (rule 133): not every letter may be suitable or unsuitable. */
// biome-ignore format: the 903's own list, kept on few lines
export const ACCOM_CODES: readonly string[] = [
  'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2',
  'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
];

// ---------------------------------------------------------------------------
// Pure rules

/**
 * The day a person born on `dateOfBirth` reaches `years`. A 29 February birthday is taken as
 * 1 March in other years, as healthAssessmentReviewInterval does.
 */
export function birthday(dateOfBirth: IsoDate, years: number): IsoDate {
  const plain = addCalendarMonths(dateOfBirth, years * 12);
  return dateOfBirth.endsWith('-02-29') && plain.endsWith('-02-28') ? addDays(plain, 1) : plain;
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return daysSinceEpoch(to) - daysSinceEpoch(from);
}

/**
 * The pathway plan's clock (regs. 42–43): from the later of the 16th birthday and the day the
 * young person became eligible.
 */
export function pathwayPlanCountedFrom(dateOfBirth: IsoDate, eligibleFrom: IsoDate): IsoDate {
  const sixteen = birthday(dateOfBirth, 16);
  return compareIsoDates(eligibleFrom, sixteen) > 0 ? eligibleFrom : sixteen;
}

/**
 * Days an unaccompanied child waited to be accommodated: from referral (or arrival) to the day
 * they became looked after, or to `asOf` while they wait. An age-disputed child is a child
 * until assessed, so the wait counts. The statutory timescale is the same day: any day is delay.
 */
export function uascDelayDays(referredOn: IsoDate, lookedAfterOn: IsoDate | null, asOf: IsoDate): number {
  const end = lookedAfterOn ?? asOf;
  return Math.max(0, daysBetween(referredOn, end));
}

/**
 * Days from entering care to moving in with the adoptive family (adoption scorecard A1): from
 * the start of the period of care to the placement for adoption, or, where the child's foster
 * carers adopt, to the day the child moved in with them.
 */
export function entryToPlacedDays(enteredCareOn: IsoDate, placedOn: IsoDate, fosterCarerAdoption: boolean, movedInOn: IsoDate | null): number {
  const movedIn = fosterCarerAdoption && movedInOn !== null && compareIsoDates(movedInOn, placedOn) < 0 ? movedInOn : placedOn;
  return Math.max(0, daysBetween(enteredCareOn, movedIn));
}

/** OC3: the young person is in education, employment or training. */
export function isEet(activity: string): boolean {
  return /^[FP][1245]$/.test(activity);
}

/** OC3: the accommodation code says suitable (digit 1). */
export function isSuitableAccommodation(accom: string): boolean {
  return /^[A-Z]1$/.test(accom);
}

/**
 * OC3: the birthday contact's codes agree: not in touch (or died, returned home) means activity
 * and accommodation are 0; in touch means neither is 0; ACCOM must be in the 903 list; staying
 * put (Z) is not for a 17-year-old.
 */
export function birthdayContactProblems(c: { birthdayAge: number; inTouch: string; activity: string; accommodation: string }) {
  const problems: { field: string; rule: string; message: string }[] = [];
  const noContact = c.inTouch === 'NO' || c.inTouch === 'DIED' || c.inTouch === 'RHOM';
  if (!ACCOM_CODES.includes(c.accommodation))
    problems.push({ field: 'accommodation', rule: 'oc3-accom-code', message: 'Choose an accommodation type and whether it is suitable (903 ACCOM)' });
  if (!(c.activity in ACTIVITY)) problems.push({ field: 'activity', rule: 'oc3-activ-code', message: 'Choose an activity (903 ACTIV)' });
  if (noContact && c.activity !== '0')
    problems.push({ field: 'activity', rule: 'oc3-not-in-touch-activity', message: 'Not in touch, died or returned home: activity is not known (0)' });
  if (noContact && c.accommodation !== '0')
    problems.push({ field: 'accommodation', rule: 'oc3-not-in-touch-accom', message: 'Not in touch, died or returned home: accommodation is not known (0)' });
  if (!noContact && c.activity === '0')
    problems.push({ field: 'activity', rule: 'oc3-in-touch-activity', message: 'Record the activity of a young person in touch' });
  if (!noContact && c.accommodation === '0')
    problems.push({ field: 'accommodation', rule: 'oc3-in-touch-accom', message: 'Record the accommodation of a young person in touch' });
  if (c.birthdayAge === 17 && c.accommodation.startsWith('Z'))
    problems.push({ field: 'accommodation', rule: 'oc3-staying-put-17', message: 'Staying put (Z) does not apply at 17' });
  return problems;
}

/** The window around a birthday in which the OC3 contact counts: a month either side (DfE guide practice). */
export function birthdayContactWindow(dateOfBirth: IsoDate, age: number): { from: IsoDate; to: IsoDate } {
  const day = birthday(dateOfBirth, age);
  parseIsoDate(day);
  return { from: addCalendarMonths(day, -1), to: addCalendarMonths(day, 1) };
}

// ---------------------------------------------------------------------------
// What people record

export const newPermanencePlan = z.object({
  planType: z.enum(codesOf(PERMANENCE_PLAN_TYPE)),
  agreedOn: isoDate,
  notes: text(2000).optional(),
});

export const newAdoptionDecision = z.object({ decisionOn: isoDate });

/** Each step of the adoption journey, recorded as it happens; `version` guards concurrent edits. */
export const adoptionProgress = z.object({
  version: recordVersion,
  placementOrderOn: isoDate.nullable().optional(),
  matchedOn: isoDate.nullable().optional(),
  adopterCount: z
    .union([z.literal(1), z.literal(2)])
    .nullable()
    .optional(),
  adopterSex: z.enum(codesOf(ADOPTER_SEX)).nullable().optional(),
  adopterLegalStatus: z.enum(codesOf(ADOPTER_LEGAL_STATUS)).nullable().optional(),
  fosterCarerAdoption: z.boolean().nullable().optional(),
  movedInOn: isoDate.nullable().optional(),
  placedOn: isoDate.nullable().optional(),
  placedCeasedOn: isoDate.nullable().optional(),
  placedCeasedReason: z.enum(codesOf(PLACED_CEASED_REASON)).nullable().optional(),
  adoptionOrderOn: isoDate.nullable().optional(),
  noLongerOn: isoDate.nullable().optional(),
  noLongerReason: text(500).nullable().optional(),
});

export const newPermanenceOrder = z.object({
  orderType: z.enum(codesOf(PERMANENCE_ORDER_TYPE)),
  madeOn: isoDate,
  madeTo: text(200),
  formerFosterCarer: z.boolean().default(false),
});

export const newPreviousPermanence = z.object({
  periodId: z.uuid(),
  prevPerm: z.enum(codesOf(PREVIOUS_PERMANENCE)),
  laPerm: z
    .string()
    .regex(/^(\d{3}|WAL|SCO|NUK|NIR)$/, 'A 3-digit LA number, WAL, SCO, NUK or NIR (999: not available)')
    .optional(),
  datePerm: z
    .string()
    .regex(/^(\d{2}|ZZ)\/(\d{2}|ZZ)\/\d{4}$/, 'dd/mm/yyyy; ZZ for an unknown day or month')
    .optional(),
});

export const uascDetails = z.object({
  version: recordVersion.optional(), // absent when first recorded
  referredOn: isoDate,
  referralRoute: z.enum(codesOf(UASC_REFERRAL_ROUTE)),
  ageAssessment: z.enum(codesOf(AGE_ASSESSMENT)),
  ageAssessedOn: isoDate.nullable().optional(),
  ntsReferredOn: isoDate.nullable().optional(),
  ntsTransferredOn: isoDate.nullable().optional(),
  ceasedOn: isoDate.nullable().optional(),
  notes: text(2000).nullable().optional(),
});

export const newHealthCheck = z.object({
  kind: z.enum(codesOf(HEALTH_CHECK_KIND)),
  doneOn: isoDate,
  notes: text(2000).optional(),
});

export const newHealthOutcome = z.object({
  recordedOn: isoDate,
  immunisationsUpToDate: z.boolean(),
  sdqScore: z.number().int().min(0).max(40).nullable().default(null),
  sdqReason: z.enum(codesOf(SDQ_REASON)).nullable().default(null),
  substanceMisuse: z.boolean(),
  interventionReceived: z.boolean().nullable().default(null),
  interventionOffered: z.boolean().nullable().default(null),
  convicted: z.boolean().default(false),
});

export const newPep = z.object({ heldOn: isoDate, school: text(200).optional(), notes: text(2000).optional() });

export const careLeaverDetails = z.object({
  version: recordVersion.optional(),
  category: z.enum(codesOf(CARE_LEAVER_CATEGORY)),
  eligibleFrom: isoDate,
  supportEndedOn: isoDate.nullable().optional(),
});

export const newPathwayPlan = z.object({ kind: z.enum(['plan', 'review']), heldOn: isoDate });

export const newLeaverAccommodation = z.object({
  movedOn: isoDate,
  accommodation: z.enum(codesOf(ACCOMMODATION)),
  suitable: z.boolean(),
});

export const newPaVisit = z.object({ visitedOn: isoDate, notes: text(2000).optional() });

export const birthdayContact = z.object({
  version: recordVersion.optional(),
  birthdayAge: z.number().int().min(17).max(21),
  contactOn: isoDate,
  inTouch: z.enum(codesOf(IN_TOUCH)),
  activity: z.string(),
  accommodation: z.string(),
});
