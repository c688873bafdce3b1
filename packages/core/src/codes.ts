/**
 * Code lists from the DfE's CIN census and SSDA903 specifications
 * (see reference/data-standards.md). Each list is data: the code, and the label a
 * practitioner reads. Return builders and validators use the same lists, so a code accepted
 * on a form is always one the DfE will accept.
 */

export type CodeList = Readonly<Record<string, string>>;

/** Sex as collected from 2024/25 (CIN census rule 4180; SSDA903 rule 101). */
export const SEX = {
  M: 'Male',
  F: 'Female',
  U: 'Unknown or not recorded (including an unborn child)',
} as const satisfies CodeList;

/** Ethnicity: the 20 codes shared by the CIN census and SSDA903 (rule 103). */
export const ETHNICITY = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other Mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
} as const satisfies CodeList;

/** Disability codes (CIN census). NONE must stand alone. */
export const DISABILITY = {
  NONE: 'No disability',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: 'Autism or Asperger syndrome',
  DDA: 'Other disability under the Equality Act',
} as const satisfies CodeList;

/**
 * Why a child has no UPN. UN1–UN5 are defined in the SSDA903 guide (rule 168); the CIN census
 * schema also allows UN6 and UN7, whose meanings the reference does not give.
 */
export const UPN_UNKNOWN = {
  UN1: 'Not of school age and no UPN yet',
  UN2: 'Never attended a maintained school in England',
  UN3: 'Educated outside England',
  UN4: 'Newly looked after, UPN not yet known',
  UN5: 'UPN sources discrepant or unreliable',
  UN6: 'Other reason (CIN census UN6)',
  UN7: 'Other reason (CIN census UN7)',
} as const satisfies CodeList;

/** The reasons SSDA903 accepts for a missing UPN (rule 168): UN1–UN5; UN6 and UN7 are the CIN census's only. */
export const SSDA903_UPN_UNKNOWN: readonly string[] = Object.keys(UPN_UNKNOWN).filter((c) => c !== 'UN6' && c !== 'UN7');

/** CIN census referral source; also used for the source of a contact. */
export const REFERRAL_SOURCE = {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance',
  '1C': 'Individual: self',
  '1D': 'Individual: other',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health: GP',
  '3B': 'Health: health visitor',
  '3C': 'Health: school nurse',
  '3D': 'Health: other primary health services',
  '3E': 'Health: A&E',
  '3F': 'Health: other',
  '4': 'Housing',
  '5A': 'LA services: social care',
  '5B': 'LA services: other internal',
  '5C': 'LA services: external',
  '5D': 'LA services: early help',
  '6': 'Police',
  '7': 'Other legal agency',
  '8': 'Other',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const satisfies CodeList;

/** Categories of need N3–N8, worded alike in the CIN census and the SSDA903 (their N1 and N2 differ). */
export const NEEDS_N3_TO_N8 = {
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
} as const;

/** CIN census primary need code (N1 relabelled from 2025/26). */
export const PRIMARY_NEED = {
  N0: 'Not stated',
  N1: 'Abuse, neglect and exploitation',
  N2: "Child's disability",
  ...NEEDS_N3_TO_N8,
  N9: 'Cases other than children in need',
} as const satisfies CodeList;

/** How a related person stands to a person: "related person is the <type> of person". */
export const RELATIONSHIP_TYPE = {
  mother: 'Mother',
  father: 'Father',
  'step-parent': 'Step-parent',
  'parent-partner': "Parent's partner",
  sibling: 'Sibling',
  'half-sibling': 'Half-sibling',
  grandparent: 'Grandparent',
  'aunt-uncle': 'Aunt or uncle',
  'other-relative': 'Other relative',
  'foster-carer': 'Foster carer',
  'special-guardian': 'Special guardian',
  'family-friend': 'Family friend',
  child: 'Child',
  other: 'Other',
} as const satisfies CodeList;

/** Job roles of the workforce (the CSWW census groups these by OrgRole). */
export const JOB_ROLE = {
  'social-worker': 'Social worker',
  'senior-practitioner': 'Senior practitioner',
  'team-manager': 'Team manager',
  'service-manager': 'Service manager',
  'head-of-service': 'Head of service',
  director: 'Director of children’s services',
  iro: 'Independent reviewing officer',
  'personal-adviser': 'Personal adviser',
  'family-support-worker': 'Family support worker',
  'performance-analyst': 'Performance analyst',
  administrator: 'Business support / administrator',
} as const satisfies CodeList;

export const EMPLOYMENT = {
  permanent: 'Permanent',
  agency: 'Agency',
} as const satisfies CodeList;

/** What a worker is allocated to a child as. */
export const ALLOCATION_ROLE = {
  'social-worker': 'Allocated social worker',
  iro: 'Independent reviewing officer',
  'personal-adviser': 'Personal adviser',
  'family-support': 'Family support worker',
} as const satisfies CodeList;

/** Which job roles may hold each kind of allocation. */
export const MAY_HOLD_ALLOCATION: Readonly<Record<AllocationRole, readonly JobRole[]>> = {
  'social-worker': ['social-worker', 'senior-practitioner', 'team-manager'],
  iro: ['iro'],
  'personal-adviser': ['personal-adviser', 'social-worker'],
  'family-support': ['family-support-worker', 'social-worker', 'senior-practitioner'],
};

export type Sex = keyof typeof SEX;
export type Ethnicity = keyof typeof ETHNICITY;
export type Disability = keyof typeof DISABILITY;
export type UpnUnknown = keyof typeof UPN_UNKNOWN;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPE;
export type JobRole = keyof typeof JOB_ROLE;
export type Employment = keyof typeof EMPLOYMENT;
export type AllocationRole = keyof typeof ALLOCATION_ROLE;

/** The codes of a list, as a non-empty tuple for z.enum. */
export function codesOf<T extends CodeList>(list: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(list) as [keyof T & string, ...(keyof T & string)[]];
}
