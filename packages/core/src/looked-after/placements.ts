// Which placements need what (the 2025/26 validator's cross-field rules) and the unregistered
// provision test.

import { compareIsoDates, type IsoDate } from '../calendar.ts';
import { checkPostcode, normalisePostcode } from '../identifiers.ts';

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
