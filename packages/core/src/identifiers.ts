/**
 * Checks for the identifiers the DfE and the NHS issue. Pure functions: each returns the
 * rule broken, or null when the value is well formed.
 */

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * The UPN's check letter (CIN census rule 1510): digits 2–13 weighted 2–13, summed, mod 23,
 * mapped onto the 23 letters without I, O and S. A 13th character that is a letter counts by
 * its position in that alphabet (the DfE's temporary UPNs end in a letter).
 */
export function upnCheckLetter(upn: string): string | null {
  if (upn.length !== 13) return null;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const ch = upn[i] as string;
    let value: number;
    if (/\d/.test(ch)) value = Number(ch);
    else {
      const idx = UPN_CHECK_LETTERS.indexOf(ch.toUpperCase());
      if (idx < 0) return null;
      value = idx;
    }
    sum += value * (i + 1);
  }
  return UPN_CHECK_LETTERS[sum % 23] ?? null;
}

export type IdentifierProblem = { rule: string; message: string };

/** A UPN: letter, 11 digits, then a digit or a letter other than I, O or S; check letter right. */
export function checkUpn(upn: string): IdentifierProblem | null {
  if (!/^[A-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(upn)) {
    return { rule: 'upn-format', message: 'A UPN is 13 characters: a letter, 11 digits, then a digit or a letter other than I, O or S' };
  }
  if (upnCheckLetter(upn) !== upn[0]) {
    return { rule: 'upn-check-letter', message: 'The UPN’s first letter is not the check letter its digits give (DfE rule 1510)' };
  }
  return null;
}

/** NHS number: 10 digits, the last a modulus-11 check digit over the first nine (weights 10..2). */
export function checkNhsNumber(nhs: string): IdentifierProblem | null {
  const digits = nhs.replace(/\s/g, '');
  if (!/^\d{10}$/.test(digits)) return { rule: 'nhs-number-format', message: 'An NHS number is 10 digits' };
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  // A remainder giving 10 means no valid NHS number has those nine digits.
  if (expected === 10 || expected !== Number(digits[9])) {
    return { rule: 'nhs-number-check-digit', message: 'The NHS number’s check digit is wrong' };
  }
  return null;
}

/** Builds a valid NHS number from nine digits (used by the synthetic generator). */
export function nhsNumberFromNineDigits(nine: string): string | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const digit = check === 11 ? 0 : check;
  return digit === 10 ? null : `${nine}${digit}`;
}

/** Builds a valid UPN from an LA number and 8 digits of serial (used by the synthetic generator). */
export function upnFromParts(laNumber: string, serial: string, last: string): string {
  const body = `${laNumber}${serial}${last}`;
  const letter = upnCheckLetter(`A${body}`) as string;
  return `${letter}${body}`;
}

/** A UK postcode in its usual written form (outward code, space optional, inward code). */
export function checkPostcode(postcode: string): IdentifierProblem | null {
  if (!/^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/i.test(postcode.trim())) {
    return { rule: 'postcode-format', message: 'Enter a real postcode, like HR1 2AB' };
  }
  return null;
}

/** Normalises a postcode to upper case with one space before the inward code. */
export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Social Work England registration number: "SW" and digits (CSWW SWENo, SSDA903 SW_ID). */
export function checkSweNumber(swe: string): IdentifierProblem | null {
  if (!/^SW\d{1,10}$/.test(swe)) return { rule: 'swe-number-format', message: 'A Social Work England number is SW followed by digits, like SW123456' };
  return null;
}

/** A LA child id as the CIN census allows it: up to 20 letters and digits (rules 1570, 1580). */
/** The prefix of new children's ids where the council has set none (its `child-id-prefix` setting). */
export const DEFAULT_CHILD_ID_PREFIX = 'LC';

export function checkLaChildId(id: string): IdentifierProblem | null {
  if (!/^[A-Za-z0-9]{1,20}$/.test(id)) return { rule: 'la-child-id-format', message: 'An LA child id is 1 to 20 letters and digits' };
  return null;
}
