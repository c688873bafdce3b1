import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLaChildId,
  checkNhsNumber,
  checkPostcode,
  checkSweNumber,
  checkUpn,
  nhsNumberFromNineDigits,
  normalisePostcode,
  upnCheckLetter,
  upnFromParts,
} from '../src/identifiers.ts';

describe('UPN', () => {
  it('accepts a UPN whose first letter is its check letter (DfE rule 1510)', () => {
    // 884 (Herefordshire) + 00001234 + 5: weights 2..13 over the 12 characters after the letter.
    const upn = upnFromParts('884', '00001234', '5');
    expect(upn).toMatch(/^[A-Z]884000012345$/);
    expect(checkUpn(upn)).toBeNull();
  });

  it('works out the check letter by hand for one example', () => {
    // A801200001001: digits 8,0,1,2,0,0,0,0,1,0,0,1 × weights 2..13 = 16+0+4+10+0+0+0+0+10+0+0+13 = 53; 53 mod 23 = 7 → 'H'.
    expect(upnCheckLetter('A801200001001')).toBe('H');
    expect(checkUpn('H801200001001')).toBeNull();
    expect(checkUpn('A801200001001')).toMatchObject({ rule: 'upn-check-letter' });
  });

  it('refuses malformed UPNs by rule', () => {
    expect(checkUpn('H80120000100')).toMatchObject({ rule: 'upn-format' });
    expect(checkUpn('H80120000100I')).toMatchObject({ rule: 'upn-format' });
    expect(checkUpn('1801200001001')).toMatchObject({ rule: 'upn-format' });
  });

  it('every generated UPN passes, whatever its digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d$/), (la, serial, last) => {
        expect(checkUpn(upnFromParts(la, serial, last))).toBeNull();
      }),
    );
  });
});

describe('NHS number', () => {
  it('checks the modulus 11 check digit', () => {
    expect(checkNhsNumber('9434765919')).toBeNull();
    expect(checkNhsNumber('943 476 5919')).toBeNull();
    expect(checkNhsNumber('9434765918')).toMatchObject({ rule: 'nhs-number-check-digit' });
    expect(checkNhsNumber('94347659')).toMatchObject({ rule: 'nhs-number-format' });
  });

  it('never issues nine digits whose check digit would be 10', () => {
    // 1,0,0,0,0,0,0,0,2: 10 + 4 = 14; 14 mod 11 = 3; 11 - 3 = 8 → valid. 0,0,0,0,0,0,0,0,1: 2; 11-2 = 9.
    expect(nhsNumberFromNineDigits('000000001')).toBe('0000000019');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const nhs = nhsNumberFromNineDigits(nine);
        if (nhs) expect(checkNhsNumber(nhs)).toBeNull();
      }),
    );
  });
});

describe('other identifiers', () => {
  it('postcodes', () => {
    expect(checkPostcode('HR1 2AB')).toBeNull();
    expect(checkPostcode('hr12ab')).toBeNull();
    expect(checkPostcode('HR1 2A')).toMatchObject({ rule: 'postcode-format' });
    expect(normalisePostcode('hr12ab')).toBe('HR1 2AB');
  });

  it('Social Work England numbers and LA child ids', () => {
    expect(checkSweNumber('SW123456')).toBeNull();
    expect(checkSweNumber('123456')).toMatchObject({ rule: 'swe-number-format' });
    expect(checkLaChildId('HC000123')).toBeNull();
    expect(checkLaChildId('HC-000123')).toMatchObject({ rule: 'la-child-id-format' });
    expect(checkLaChildId('A'.repeat(21))).toMatchObject({ rule: 'la-child-id-format' });
  });
});
