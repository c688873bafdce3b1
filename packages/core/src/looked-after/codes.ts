// The SSDA903 2025/26 code lists for children looked after: reasons for a new episode, legal
// statuses, placement types and providers, reasons an episode ended, and the rest.

import { NEEDS_N3_TO_N8 } from '../codes.ts';

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
  ...NEEDS_N3_TO_N8,
} as const;

/**
 * Placements a child with a deprivation of liberty order cannot be in (903 rule 710): a secure
 * children's home (K1, which has its own order), with parents (P1), a young offender institution
 * (R5) or registered supported accommodation (K3).
 */
export const NO_DOLO_PLACES: ReadonlySet<string> = new Set(['K1', 'P1', 'R5', 'K3']);

/**
 * The placements a child with a deprivation of liberty order is expected to be in (903 rule 709,
 * as data-to-insight's validator defines it: the DfE's message names none): a children's home (K2),
 * or Z12 / Z13.
 */
export const DOLO_PLACES: ReadonlySet<string> = new Set(['K2', 'Z12', 'Z13']);

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
