/**
 * Children looked after, the SSDA903 way: the 2025/26 code lists, the shapes of what is
 * recorded (coming into care, a change of placement or legal status, ceasing, visits,
 * reviews, missing episodes), the cross-field rules of the 903 validator, the unregistered
 * provision test, and the reconstruction of a child's history from their episodes.
 * Pure: no clock (today is passed in) and no I/O.
 */
import { z } from 'zod';
import { addCalendarMonths, compareIsoDates, type IsoDate } from './calendar.ts';
import { codesOf } from './codes.ts';
import { checkPostcode, normalisePostcode } from './identifiers.ts';
import { isoDate } from './schemas.ts';

function rule(name: string, message: string) {
  return { message, params: { rule: name } };
}

/** RNE: reason for new episode (rule 143). */
export const REASON_NEW_EPISODE = {
  S: 'Started to be looked after',
  L: 'Change of legal status only',
  P: 'Change of placement and carer(s) only',
  T: 'Change of placement (same carer(s)) only',
  B: 'Change of legal status and placement and carer(s) at the same time',
  U: 'Change of legal status and change of placement (same carer(s)) at the same time',
} as const;

/** LS: legal status (rule 144). */
export const LEGAL_STATUS = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20',
  V3: 'Agreed series of short-term breaks, individual episodes recorded',
  V4: 'Agreed series of short-term breaks, agreements recorded',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order',
  L3: 'Under child assessment order and in local authority accommodation',
  J1: 'Remanded to local authority or youth detention accommodation',
  J2: 'Placed in local authority accommodation under PACE 1984',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
} as const;

/** CIN: category of need (903 rule 145). */
export const CATEGORY_OF_NEED = {
  N1: 'Abuse or neglect',
  N2: 'Child’s disability',
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
} as const;

/** PLACE: placement type, the 2025/26 set (rule 146): H5, P2 and Z1 withdrawn; K3 and Z11–Z14 new. */
export const PLACEMENT_TYPE = {
  A3: 'Placed for adoption with consent, with current foster carer(s)',
  A4: 'Placed for adoption with consent, not with current foster carer(s)',
  A5: 'Placed for adoption with a placement order, with current foster carer(s)',
  A6: 'Placed for adoption with a placement order, not with current foster carer(s)',
  K1: 'Secure children’s home',
  K2: 'Children’s home subject to Children’s Homes Regulations',
  K3: 'Registered supported accommodation',
  P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS or health trust or other establishment providing medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution',
  S1: 'Residential school (except where dual-registered as a children’s home)',
  T0: 'All types of temporary move',
  T1: 'Temporary period in hospital',
  T2: 'Temporary absence on holiday',
  T3: 'Temporary accommodation while normal foster carer(s) on holiday',
  T4: 'Temporary accommodation of seven days or less',
  U1: 'Foster placement with relative or friend, long term',
  U2: 'Foster placement with relative or friend who is also an approved adopter (FfA or concurrent)',
  U3: 'Foster placement with relative or friend, not long term or FfA',
  U4: 'Foster placement with other foster carer, long term',
  U5: 'Foster placement with other foster carer who is also an approved adopter (FfA or concurrent)',
  U6: 'Foster placement with other foster carer, not long term or FfA',
  // The reference has no meanings for Z11–Z14 (they replace Z1, "other placements"); the DfE
  // 2025/26 guide gives them. Shown by code until then.
  Z11: 'Other placement (Z11)',
  Z12: 'Other placement (Z12)',
  Z13: 'Other placement (Z13)',
  Z14: 'Other placement (Z14)',
} as const;
export type PlacementType = keyof typeof PLACEMENT_TYPE;

/** PLACE_PROVIDER (rule 178). */
export const PLACEMENT_PROVIDER = {
  PR0: 'Parent(s) or other person with parental responsibility',
  PR1: 'Own provision (by the local authority)',
  PR2: 'Other local authority provision',
  PR3: 'Other public provision',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
} as const;

/** REC: reason episode ceased (rule 149). X1 is the only reason that keeps the child in care. */
export const REASON_ENDED = {
  X1: 'Episode ceases, and new episode begins on same day',
  E11: 'Adopted: application unopposed',
  E12: 'Adopted: consent dispensed with by the court',
  E2: 'Died',
  E3: 'Care taken over by another local authority in the UK',
  E4A: 'Returned home to parents, relatives or PR holder as part of the care plan',
  E4B: 'Returned home to parents, relatives or PR holder not as part of the care plan',
  E13: 'Left care to live with parent(s), relative(s) or others with no parental responsibility',
  E41: 'Residence order or child arrangements order granted',
  E45: 'Special guardianship order to former foster carer(s) who are relatives or friends',
  E46: 'Special guardianship order to former foster carer(s) who are not relatives or friends',
  E47: 'Special guardianship order to carer(s) other than former foster carers, relatives or friends',
  E48: 'Special guardianship order to carer(s) other than former foster carers, not relatives or friends',
  E5: 'Moved to independent living with supportive accommodation',
  E6: 'Moved to independent living with no formalised support',
  E7: 'Transferred to residential care funded by adult social care',
  E8: 'Period of being looked after ceased for any other reason',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment determined child is 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 or over and remained with current carers (including staying put)',
} as const;
const { X1: _x1, ...CEASED } = REASON_ENDED;
/** The reasons a period of care ends (every REC but X1). */
export const REASON_CEASED = CEASED;

/** REASON_PLACE_CHANGE (rule 1009). */
export const REASON_PLACE_CHANGE = {
  CARPL: 'Change to or implementation of the care plan',
  CLOSE: 'Resignation or closure of provision',
  ALLEG: 'Allegation (section 47)',
  STAND: 'Standards of care concern',
  APPRR: 'Approval removed',
  CREQB: 'Carer requests placement end due to the child’s behaviour',
  CREQO: 'Carer requests placement end other than due to the child’s behaviour',
  CHILD: 'Child requests placement end',
  LAREQ: 'Responsible or area authority requests placement end',
  PLACE: 'Change in the status of the placement only',
  CUSTOD: 'Custody arrangement',
  OTHER: 'Other',
} as const;

/** REVIEW_CODE: the child's participation in the review (rule 167). */
export const PARTICIPATION = {
  PN0: 'Child aged under 4 at the time of the review',
  PN1: 'Child attends and speaks for themselves',
  PN2: 'Child attends and an advocate speaks on their behalf',
  PN3: 'Child attends and conveys their view symbolically (non-verbally)',
  PN4: 'Child attends but does not speak for themselves, convey a view or have an advocate',
  PN5: 'Child does not attend but briefs an advocate to speak for them',
  PN6: 'Child does not attend but conveys their views by a facilitative medium',
  PN7: 'Child does not attend, nor are their views conveyed to the review',
} as const;

/** Missing (rule 1006). */
export const MISSING_KIND = {
  M: 'Missing from care (whereabouts unknown)',
  A: 'Away from placement without authorisation (whereabouts known)',
} as const;

/** Reg. 28(3)–(5): placements with parents or connected persons visited weekly until the first review. */
export const WITH_PARENT_ARRANGEMENT = {
  'placed-with-parent': 'Placed with a parent before the assessment is complete (reg. 19)',
  'connected-person-temporary': 'Connected person with temporary approval (reg. 24)',
  'interim-care-order-with-parent': 'Living with a parent under an interim care order',
} as const;

/** What a provider is, for the unregistered-provision test. */
export const PROVIDER_KIND = {
  'childrens-home': 'Children’s home',
  'secure-childrens-home': 'Secure children’s home',
  'supported-accommodation': 'Supported accommodation (16–17)',
  'fostering-agency': 'Fostering agency',
  'other-arrangements': 'Other arrangements (independent or semi-independent, not registered)',
  'residential-school': 'Residential school',
  'family-centre': 'Family centre or mother and baby unit',
  other: 'Other',
} as const;

export const REGISTRATION_STATUS = {
  registered: 'Registered',
  unregistered: 'Not registered',
  suspended: 'Registration suspended',
  cancelled: 'Registration cancelled',
  'not-required': 'Registration not required',
} as const;

// ---------------------------------------------------------------------------
// Which placements need what (2025/26 validator rules)

const set = (...codes: string[]) => new Set(codes);
const TEMPORARY = set('T0', 'T1', 'T2', 'T3', 'T4');
const OTHER_Z = set('Z11', 'Z12', 'Z13', 'Z14');
/** Rule 178: PLACE_PROVIDER blank for T0–T3 and Z11–Z14. Rule 213 also calls it "not required" for T4, so T4 may go either way. */
const PROVIDER_BLANK = set('T0', 'T1', 'T2', 'T3', ...OTHER_Z);
const PROVIDER_OPTIONAL = set('T4');
/** Rules 218 and 222: no URN for these placement types (XXXXXXX tolerated). */
const NO_URN = set('P1', 'P3', 'R1', 'R2', 'R5', ...TEMPORARY, ...OTHER_Z);
/** Rule 221: the placement postcode is the provider's setting postcode. */
const POSTCODE_IS_SETTING = set('K1', 'K2', 'K3', 'R3', 'S1');
/** Rule 214: short breaks carry no placement postcode and no URN. */
const SHORT_BREAKS = set('V3', 'V4');
/** Placement types that are care Ofsted registers: the provider must be registered for it. */
export const REGISTERED_CARE = set('K1', 'K2', 'K3');

export const URN_PLACEHOLDER = 'XXXXXXX';

export type FieldProblem = { field: string; rule: string; message: string };

export interface PlacementFacts {
  placementType: string;
  placementProvider?: string | null;
  providerId?: string | null;
  urn?: string | null;
  placementPostcode?: string | null;
  homePostcode?: string | null;
  legalStatus: string;
}

/**
 * What a placement of this type must record about who provides it, from the same rules
 * placementProblems checks: said on the form before saving, so hint and rule cannot disagree.
 */
export function placementNeeds(placementType: string, legalStatus = ''): { providerCode: 'required' | 'blank' | 'optional'; urn: boolean; hint: string } {
  const providerCode = PROVIDER_BLANK.has(placementType) ? 'blank' : PROVIDER_OPTIONAL.has(placementType) ? 'optional' : 'required';
  const urn = !NO_URN.has(placementType) && !SHORT_BREAKS.has(legalStatus);
  if (!placementType) return { providerCode, urn, hint: 'Choose the placement type first: it decides whether a provider is needed.' };
  const who =
    providerCode === 'required'
      ? 'Say who provides this placement'
      : providerCode === 'blank'
        ? 'Leave who provides the placement blank for this placement type'
        : 'Who provides the placement may be left blank for this placement type';
  const ofsted = urn
    ? 'and choose the provider from the register (or enter its Ofsted URN), as the SSDA903 return needs it.'
    : 'no provider from the register or Ofsted URN is needed.';
  return { providerCode, urn, hint: `${who}; ${ofsted}` };
}

/**
 * The 903's cross-field rules on one episode's placement: provider code blank or required
 * (178, 213, 526), URN required or refused (218, 222), postcodes (214, 392b–d).
 * The provider's own postcode and URN are checked by the caller, who has the provider.
 */
export function placementProblems(p: PlacementFacts, prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  const f = (name: string) => `${prefix}${name}`;
  const place = p.placementType;
  const shortBreak = SHORT_BREAKS.has(p.legalStatus);
  if (PROVIDER_BLANK.has(place) && p.placementProvider)
    out.push({ field: f('placementProvider'), rule: '903-178', message: `No placement provider is recorded for placement type ${place}` });
  if (!PROVIDER_BLANK.has(place) && !PROVIDER_OPTIONAL.has(place) && !p.placementProvider)
    out.push({ field: f('placementProvider'), rule: '903-526', message: `Choose who provides the placement (placement type ${place})` });
  const urn = p.urn && p.urn !== URN_PLACEHOLDER ? p.urn : null;
  if ((NO_URN.has(place) || shortBreak) && urn)
    out.push({ field: f('urn'), rule: '903-222', message: `An Ofsted URN is not recorded for placement type ${place}` });
  if (!NO_URN.has(place) && !shortBreak && !p.urn && !p.providerId)
    out.push({ field: f('urn'), rule: '903-218', message: `Placement type ${place} needs the provider’s Ofsted URN: choose the provider or enter the URN` });
  if (shortBreak && p.placementPostcode)
    out.push({ field: f('placementPostcode'), rule: '903-214', message: 'Short-break episodes carry no placement postcode' });
  if (!shortBreak && !p.placementPostcode) out.push({ field: f('placementPostcode'), rule: '903-392b', message: 'Enter the placement postcode' });
  if (!p.homePostcode) out.push({ field: f('homePostcode'), rule: '903-392b', message: 'Enter the postcode of the child’s home' });
  for (const field of ['placementPostcode', 'homePostcode'] as const) {
    const value = p[field];
    const problem = value ? checkPostcode(value) : null;
    if (problem) out.push({ field: f(field), rule: '903-392c', message: problem.message });
  }
  if (p.placementPostcode && p.homePostcode && place !== 'P1' && normalisePostcode(p.placementPostcode) === normalisePostcode(p.homePostcode))
    out.push({
      field: f('placementPostcode'),
      rule: '903-392d',
      message: 'The placement postcode is the home postcode: only a placement with parents (P1) may be',
    });
  return out;
}

/** Whether the placement postcode must be the provider's setting postcode (rule 221). */
export const postcodeIsProviderSetting = (placementType: string, legalStatus: string) =>
  POSTCODE_IS_SETTING.has(placementType) && !SHORT_BREAKS.has(legalStatus);

/** Whether a placement type's visits and reviews follow the short-break rules instead (V3, V4). */
export const isShortBreak = (legalStatus: string) => SHORT_BREAKS.has(legalStatus);

// ---------------------------------------------------------------------------
// Unregistered provision

export interface ProviderFacts {
  providerKind: string;
  registrationStatus: string;
  registeredFor: readonly string[];
  registeredFrom: IsoDate | null;
  registeredTo: IsoDate | null;
}

/** Ofsted registered the provider for this placement type on this day. */
export function registeredFor(p: ProviderFacts, placementType: string, on: IsoDate): boolean {
  return (
    p.registrationStatus === 'registered' &&
    p.registeredFor.includes(placementType) &&
    (p.registeredFrom === null || compareIsoDates(p.registeredFrom, on) <= 0) &&
    (p.registeredTo === null || compareIsoDates(on, p.registeredTo) <= 0)
  );
}

export type UnregisteredReason = {
  rule: 'unregistered-childrens-home' | 'supported-accommodation-not-registered' | 'under-16-other-arrangements';
  message: string;
};

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Why a placement is with a provider not registered for that kind of care, or null: a
 * children's home not registered (Care Standards Act 2000 s.11); supported accommodation not
 * registered for 16–17 year olds (since 28 October 2023); a child under 16 in "other
 * arrangements" (unlawful since September 2021). Such a placement needs the director's approval.
 */
export function unregisteredReason(p: ProviderFacts, placementType: string, dateOfBirth: IsoDate | null, on: IsoDate): UnregisteredReason | null {
  const age = dateOfBirth ? ageOn(dateOfBirth, on) : null;
  const semiIndependent = p.providerKind === 'supported-accommodation' || p.providerKind === 'other-arrangements' || placementType === 'K3';
  if (age !== null && age < 16 && semiIndependent)
    return {
      rule: 'under-16-other-arrangements',
      message: `A child under 16 (aged ${age}) may not be placed in supported accommodation or other arrangements`,
    };
  if ((placementType === 'K1' || placementType === 'K2') && !registeredFor(p, placementType, on))
    return { rule: 'unregistered-childrens-home', message: 'The provider is not registered with Ofsted as a children’s home for this care' };
  if (semiIndependent && !registeredFor(p, 'K3', on))
    return {
      rule: 'supported-accommodation-not-registered',
      message: 'The provider is not registered with Ofsted to provide supported accommodation for 16–17 year olds',
    };
  return null;
}

// ---------------------------------------------------------------------------
// What is recorded

const postcodeField = z.string().trim().max(10).nullish();
const text = (max: number) => z.string().trim().min(1).max(max);

export const placementDetails = z.object({
  placementType: z.enum(codesOf(PLACEMENT_TYPE)),
  placementProvider: z.enum(codesOf(PLACEMENT_PROVIDER)).nullish(),
  providerId: z.uuid().nullish(),
  urn: z.string().trim().max(8).nullish().describe('The Ofsted URN where no provider from the register is chosen (or XXXXXXX)'),
  placementPostcode: postcodeField,
  intendedUntil18: z.boolean().default(false).describe('The placement is intended to last until the child is 18 (reg. 28(2)(c))'),
  withParent: z.enum(codesOf(WITH_PARENT_ARRANGEMENT)).nullish(),
  fosterHouseholdId: z.uuid().nullish().describe('The in-house foster carers (a household on the fostering register)'),
});

export const startLookedAfter = placementDetails.extend({
  startDate: isoDate,
  legalStatus: z.enum(codesOf(LEGAL_STATUS)),
  categoryOfNeed: z.enum(codesOf(CATEGORY_OF_NEED)),
  homePostcode: postcodeField,
});

export const careChange = z
  .object({
    episodeId: z.uuid().describe('The current episode, as read: a change made from an older one is refused'),
    version: z.number().int().positive().describe('The version of the current episode'),
    date: isoDate,
    legalStatus: z.enum(codesOf(LEGAL_STATUS)).nullish().describe('The new legal status, if it changes'),
    placement: placementDetails.nullish().describe('The new placement, if it changes'),
    sameCarer: z.boolean().default(false).describe('The new placement is with the same carer(s)'),
    reasonPlaceChange: z.enum(codesOf(REASON_PLACE_CHANGE)).nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.legalStatus && !v.placement)
      ctx.addIssue({ code: 'custom', path: ['legalStatus'], ...rule('change-required', 'Record a new legal status, a new placement, or both') });
    if (v.placement && !v.reasonPlaceChange)
      ctx.addIssue({ code: 'custom', path: ['reasonPlaceChange'], ...rule('903-1009', 'Say why the placement changed') });
  });

export const ceaseLookedAfter = z.object({
  episodeId: z.uuid(),
  version: z.number().int().positive(),
  endDate: isoDate,
  reasonEnded: z.enum(codesOf(REASON_CEASED)),
});

/** The RNE a change makes (rule 143). */
export function reasonForChange(legalChanged: boolean, placementChanged: boolean, sameCarer: boolean): 'L' | 'P' | 'T' | 'B' | 'U' {
  if (!placementChanged) return 'L';
  if (!legalChanged) return sameCarer ? 'T' : 'P';
  return sameCarer ? 'U' : 'B';
}

export const newProvider = z.object({
  name: text(200),
  urn: z
    .string()
    .trim()
    .regex(/^(SC)?\d{6,7}$/, 'An Ofsted URN is 6 or 7 digits, or SC and 6 digits')
    .nullish(),
  providerKind: z.enum(codesOf(PROVIDER_KIND)),
  placeProvider: z.enum(codesOf(PLACEMENT_PROVIDER)).nullish(),
  registrationStatus: z.enum(codesOf(REGISTRATION_STATUS)),
  registeredFor: z
    .array(z.enum(codesOf(PLACEMENT_TYPE)))
    .default([])
    .describe('The placement types Ofsted registered it for'),
  registeredFrom: isoDate.nullish(),
  registeredTo: isoDate.nullish(),
  postcode: postcodeField,
});
export const providerChanges = newProvider.partial().extend({ version: z.number().int().positive() });

export const unregisteredApproval = z.object({
  providerId: z.uuid(),
  placementType: z.enum(codesOf(PLACEMENT_TYPE)),
  approvedOn: isoDate,
  reasons: text(4000).describe('Why this placement is the right one for the child despite the provider not being registered, and the safeguards'),
});

export const newLookedAfterVisit = z
  .object({
    visitedOn: isoDate,
    faceToFace: z.boolean(),
    childSeen: z.boolean(),
    seenAlone: z.boolean().default(false),
    location: z.string().trim().max(200).nullish().describe('Where the child was seen'),
    childWords: z.string().trim().max(4000).nullish().describe("The child's wishes and feelings in their own words"),
  })
  .superRefine((v, ctx) => {
    if (v.childSeen && !v.childWords)
      ctx.addIssue({ code: 'custom', path: ['childWords'], ...rule('child-voice-required', "Record the child's wishes and feelings in their own words") });
    if (v.seenAlone && !v.childSeen) ctx.addIssue({ code: 'custom', path: ['seenAlone'], ...rule('seen-alone-needs-seen', 'A child seen alone was seen') });
  });

export const newClaReview = z.object({
  heldOn: isoDate,
  participation: z.enum(codesOf(PARTICIPATION)),
  childWords: z.string().trim().max(4000).nullish(),
  iroContactOn: isoDate.nullish().describe('When the IRO spoke with the child before this review'),
  chairWorkerId: z.uuid().nullish().describe('The IRO who chaired (defaults to the child’s IRO)'),
});

const isoDateTime = z.iso.datetime({ offset: true });

export const newMissingEpisode = z.object({
  kind: z.enum(codesOf(MISSING_KIND)),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullish(),
  circumstances: z.string().trim().max(4000).nullish(),
});

export const missingEpisodeChanges = z.object({
  version: z.number().int().positive(),
  endedAt: isoDateTime.nullish(),
  rhiOfferedAt: isoDateTime.nullish().describe('When an independent return home interview was offered'),
  rhiAccepted: z.boolean().nullish(),
  rhiLearned: z.string().trim().max(4000).nullish().describe('What was learned from the interview'),
});

/** Repeat missing episodes: this many started within this many days flags the child to the manager. */
export const REPEAT_MISSING_DEFAULT = { episodes: 3, days: 90 } as const;

/** 72 hours, exactly, from the recorded return. */
export function rhiOfferedInTime(returnedAt: string, offeredAt: string | null, hours = 72): boolean {
  if (!offeredAt) return false;
  return Date.parse(offeredAt) - Date.parse(returnedAt) <= hours * 3_600_000;
}

// ---------------------------------------------------------------------------
// History

export interface EpisodeRow {
  episodeId: string;
  periodId: string;
  placementId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  reasonNewEpisode: string;
  legalStatus: string;
  categoryOfNeed: string;
  placementType: string;
  placementProvider: string | null;
  providerId: string | null;
  urn: string | null;
  placementPostcode: string | null;
  reasonEnded: string | null;
  reasonPlaceChange: string | null;
}

export interface CareHistory<E extends EpisodeRow = EpisodeRow> {
  periods: {
    periodId: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
    reasonEnded: string | null;
    episodes: E[];
    placements: {
      placementId: string;
      startDate: IsoDate;
      endDate: IsoDate | null;
      placementType: string;
      providerId: string | null;
      urn: string | null;
      reasonChanged: string | null;
    }[];
    legalStatuses: { legalStatus: string; startDate: IsoDate; endDate: IsoDate | null }[];
  }[];
}

/**
 * A child's periods of care, placements and legal statuses from their episodes. A placement
 * runs across episodes that keep it (RNE L); a legal status across episodes that keep it.
 */
export function careHistory<E extends EpisodeRow>(episodes: readonly E[]): CareHistory<E> {
  const sorted = [...episodes].sort(
    (a, b) => compareIsoDates(a.startDate, b.startDate) || compareIsoDates(a.endDate ?? '9999-12-31', b.endDate ?? '9999-12-31'),
  );
  const periods: CareHistory<E>['periods'] = [];
  for (const e of sorted) {
    let period = periods.find((p) => p.periodId === e.periodId);
    if (!period) {
      period = { periodId: e.periodId, startDate: e.startDate, endDate: null, reasonEnded: null, episodes: [], placements: [], legalStatuses: [] };
      periods.push(period);
    }
    period.episodes.push(e);
    period.endDate = e.endDate !== null && e.reasonEnded !== 'X1' ? e.endDate : null;
    period.reasonEnded = e.reasonEnded !== 'X1' ? e.reasonEnded : null;
    const lastPlacement = period.placements.at(-1);
    if (lastPlacement && lastPlacement.placementId === e.placementId) lastPlacement.endDate = e.endDate;
    else {
      const previous = period.episodes.at(-2);
      period.placements.push({
        placementId: e.placementId,
        startDate: e.startDate,
        endDate: e.endDate,
        placementType: e.placementType,
        providerId: e.providerId,
        urn: e.urn,
        reasonChanged: null,
      });
      if (lastPlacement) lastPlacement.reasonChanged = previous?.reasonPlaceChange ?? null;
    }
    const lastStatus = period.legalStatuses.at(-1);
    if (lastStatus && lastStatus.legalStatus === e.legalStatus) lastStatus.endDate = e.endDate;
    else period.legalStatuses.push({ legalStatus: e.legalStatus, startDate: e.startDate, endDate: e.endDate });
  }
  return { periods };
}

/** Placements that started within the year before a day: "3 or more placements in a year" is an Ofsted measure. */
export function placementsInYear(history: CareHistory, asOf: IsoDate): number {
  const yearAgo = addCalendarMonths(asOf, -12);
  return history.periods.flatMap((p) => p.placements).filter((p) => compareIsoDates(p.startDate, yearAgo) > 0 && compareIsoDates(p.startDate, asOf) <= 0)
    .length;
}
