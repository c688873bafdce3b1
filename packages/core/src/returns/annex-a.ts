/**
 * Ofsted's Annex A (the child-level lists a council sends at the start of an ILACS inspection):
 * the period each list covers and how Lantern's codes become Ofsted's "letter) label" values
 * (reference/data-standards.md §4, from the public Annex A schema). Pure data and
 * functions; the server's list definitions turn the case record into rows with them.
 */
import { ACCOMMODATION } from '../care.ts';
import { ETHNICITY } from '../codes.ts';

/** The day `months` calendar months before `iso` (clamped to the month's end: 31 Aug − 6 = 28/29 Feb). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The period a list covers, ending on the as-of date (the inspection's start): "the six months
 * before" is the day after the same date six months earlier, up to and including the as-of date
 * (as of 30/11/2026: 31/05/2026–30/11/2026).
 */
export function periodBefore(asOf: string, months: number): { from: string; to: string } {
  return { from: addDays(monthsBefore(asOf, months), 1), to: asOf };
}

/** Whole years of age on a date (a birthday on 29 February falls on 1 March in other years). */
export function ageOn(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth || dateOfBirth > on) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const lettered = (labels: readonly string[]) => labels.map((l, i) => `${String.fromCharCode(97 + i)}) ${l}`);

export const SEX_CATEGORY: Readonly<Record<string, string>> = { M: 'a) Male', F: 'b) Female', U: 'c) Not stated/recorded' };

/** Ethnicity: the 20 DfE codes, lettered in Ofsted's order (White first, by code, then Mixed, Asian, Black, Other as the DfE lists them). */
const ETHNIC_ORDER = [
  ...Object.keys(ETHNICITY)
    .filter((c) => c.startsWith('W'))
    .sort(),
  ...Object.keys(ETHNICITY).filter((c) => !c.startsWith('W')),
];
export const ETHNICITY_CATEGORY: Readonly<Record<string, string>> = Object.fromEntries(ETHNIC_ORDER.map((c, i) => [c, lettered(ETHNIC_ORDER)[i] as string]));

/** Contact and referral source: the DfE's 22 codes in Ofsted's 11 groups. */
export function sourceCategory(code: string | null): string | null {
  if (!code) return null;
  const groups: [RegExp, string][] = [
    [/^1[A-D]$/, 'a) Individual'],
    [/^2A$/, 'b) Schools'],
    [/^2B$/, 'c) Education services'],
    [/^3[A-F]$/, 'd) Health services'],
    [/^4$/, 'e) Housing'],
    [/^5[A-D]$/, 'f) LA services'],
    [/^6$/, 'g) Police'],
    [/^7$/, 'h) Other legal agency'],
    [/^8$/, 'i) Other'],
    [/^9$/, 'j) Anonymous'],
    [/^10$/, 'k) Unknown'],
  ];
  return groups.find(([re]) => re.test(code))?.[1] ?? 'k) Unknown';
}

/** Primary need / category of need: a)–h) = N1–N8, i) not a child in need (N9), j) not stated (N0). */
export function needCategory(code: string | null): string | null {
  if (!code) return null;
  const labels: Record<string, string> = {
    N1: 'a) N1 Abuse or neglect',
    N2: "b) N2 Child's disability",
    N3: 'c) N3 Parental illness or disability',
    N4: 'd) N4 Family in acute stress',
    N5: 'e) N5 Family dysfunction',
    N6: 'f) N6 Socially unacceptable behaviour',
    N7: 'g) N7 Low income',
    N8: 'h) N8 Absent parenting',
    N9: 'i) Not CIN',
    N0: 'j) Not stated',
  };
  return labels[code] ?? 'j) Not stated';
}

export const ABUSE_CATEGORY: Readonly<Record<string, string>> = {
  NEG: 'a) Neglect',
  PHY: 'b) Physical',
  SAB: 'c) Sexual',
  EMO: 'd) Emotional',
  MUL: 'e) Multiple',
};

/**
 * Legal status groups. The reference names the first (interim care orders) and the last (youth
 * justice) of seven; the ones between follow the 903 code list's order [unverified against
 * Ofsted's template].
 */
export function legalStatusCategory(code: string | null): string | null {
  if (!code) return null;
  if (code === 'C1') return 'a) Interim care order';
  if (code === 'C2') return 'b) Full care order';
  if (code === 'D1' || code === 'E1') return 'c) Placement order or freeing order';
  if (code === 'V2') return 'd) Accommodated under section 20';
  if (code === 'V3' || code === 'V4') return 'e) Short-term breaks';
  if (code === 'L1' || code === 'L2' || code === 'L3') return 'f) Police protection, emergency protection or child assessment order';
  if (code.startsWith('J')) return 'g) Youth justice';
  return null;
}

export const PERMANENCE_CATEGORY: Readonly<Record<string, string>> = {
  'return-home': 'a) Return to family',
  adoption: 'b) Adoption',
  sgo: 'c) SGO/CAO',
  cao: 'c) SGO/CAO',
  'supported-living': 'd) Supported living in the community',
  'long-term-residential': 'e) Long-term residential placement',
  'long-term-fostering': 'f) Long-term fostering',
  other: 'g) Other',
};

/**
 * Placement type groups, a) Foster … o) Temporary placement. The reference gives the first and
 * last of fifteen; the groups between are Lantern's reading of the 903 list [unverified].
 */
export function placementCategory(code: string | null): string | null {
  if (!code) return null;
  const groups: [RegExp, string][] = [
    [/^U[1-6]$/, 'a) Foster placement'],
    [/^A[3-6]$/, 'b) Placed for adoption'],
    [/^P1$/, 'c) Placed with parents or person with parental responsibility'],
    [/^K1$/, 'd) Secure children’s home'],
    [/^K2$/, 'e) Children’s home'],
    [/^K3$/, 'f) Supported accommodation'],
    [/^R1$/, 'g) Residential care home'],
    [/^R2$/, 'h) NHS or health trust establishment'],
    [/^R3$/, 'i) Family centre or mother and baby unit'],
    [/^R5$/, 'j) Young offender institution'],
    [/^S1$/, 'k) Residential school'],
    [/^P3$/, 'l) Residential employment'],
    [/^Z1[1-4]?$/, 'm) Other placement'],
    [/^(H5|P2)$/, 'n) Independent living'],
    [/^T[0-4]$/, 'o) Temporary placement'],
  ];
  return groups.find(([re]) => re.test(code))?.[1] ?? null;
}

export function providerCategory(code: string | null): string | null {
  if (!code) return null;
  return code === 'PR1' ? 'a) Own LA' : code === 'PR4' ? 'b) Private' : 'c) Other';
}

export const LEAVER_ELIGIBILITY: Readonly<Record<string, string>> = {
  relevant: 'a) Relevant',
  'former-relevant': 'b) Former relevant',
  qualifying: 'c) Qualifying',
  eligible: 'd) Eligible',
};

/** LA in touch, from the latest 903 IN_TOUCH: in touch, not in touch (incl. refusing), or excluded (died, no longer needs services, home 6+ months). */
export function inTouchCategory(code: string | null): string {
  if (!code) return 'c) Not recorded';
  if (code === 'YES') return 'a) In touch';
  if (code === 'NO' || code === 'REFU') return 'b) Not in touch';
  return 'd) Exclude';
}

/** Accommodation a)–p): the 903 ACCOM letters in the 903's order. */
const ACCOM_LETTERS = ['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'] as const;
// The care leavers' accommodation list, as Annex A words its last line.
const ACCOM_LABELS: Record<string, string> = { ...ACCOMMODATION, Z: 'With former foster carers' };
export function accommodationCategory(letter: string | null): string | null {
  if (!letter) return null;
  const i = ACCOM_LETTERS.indexOf(letter.slice(0, 1) as (typeof ACCOM_LETTERS)[number]);
  return i < 0 ? null : `${String.fromCharCode(97 + i)}) ${ACCOM_LABELS[ACCOM_LETTERS[i] as string]}`;
}

export function suitabilityCategory(suitable: boolean | null): string {
  return suitable === true ? 'a) Suitable' : suitable === false ? 'b) Not suitable' : 'c) Not in touch or not recorded';
}

/** Reason a child should no longer be placed for adoption (the 903's RD1–RD4, in the list's order [unverified]). */
export const NO_LONGER_PLACED_CATEGORY: Readonly<Record<string, string>> = {
  RD1: "a) Child's needs changed",
  RD2: 'b) Court did not make a placement order',
  RD3: 'c) Prospective adopters could not be found',
  RD4: 'd) Any other reason',
};

export const yesNo = (v: boolean | null | undefined): string | null => (v === true ? 'Y' : v === false ? 'N' : null);
