import { describe, it } from 'vitest';
import { ep, expectFlags, hd } from './helpers.ts';

// The collection year is 1 April 2025 – 31 March 2026 throughout.
describe('SSDA903 Header rules', () => {
  it('101 sex must be M, F or U', () =>
    expectFlags(
      '101',
      { Header: [hd('1', '01/01/2010', { SEX: 'M' }), hd('2', '01/01/2010', { SEX: '1' }), hd('3', '01/01/2010', { SEX: '' })] },
      { Header: [1, 2] },
    ));
  it('102 date of birth must be a real date', () =>
    expectFlags('102', { Header: [hd('1', '29/02/2012'), hd('2', '29/02/2011'), hd('3', ''), hd('4', '2011-01-01')] }, { Header: [1, 2, 3] }));
  it('103 ethnicity must be a DfE code', () =>
    expectFlags(
      '103',
      { Header: [hd('1', '01/01/2010'), hd('2', '01/01/2010', { ETHNIC: 'XXXX' }), hd('3', '01/01/2010', { ETHNIC: '' })] },
      { Header: [1, 2] },
    ));
  it('168 UPN must be well formed or UN1–UN5', () =>
    expectFlags(
      '168',
      {
        Header: [
          hd('1', '01/01/2010'),
          hd('2', '01/01/2010', { UPN: 'UN3' }),
          hd('3', '01/01/2010', { UPN: 'I123456789012' }),
          hd('4', '01/01/2010', { UPN: 'A12345678901' }),
          hd('5', '01/01/2010', { UPN: 'A12345678901B' }),
          hd('6', '01/01/2010', { UPN: '' }),
          // S is not a check letter (nor I or O); T is.
          hd('7', '01/01/2010', { UPN: 'S123456789012' }),
          hd('8', '01/01/2010', { UPN: 'T123456789012' }),
        ],
      },
      { Header: [2, 3, 6] },
    ));
  it('171 mother’s child’s date of birth must be a real date', () =>
    expectFlags('171', { Header: [hd('1', '01/01/2005', { MC_DOB: '01/02/2024' }), hd('2', '01/01/2005', { MC_DOB: '31/02/2024' })] }, { Header: [1] }));
  it('174 a boy cannot have a child’s date of birth', () =>
    expectFlags(
      '174',
      {
        Header: [
          hd('1', '01/01/2005', { MC_DOB: '01/02/2024' }),
          hd('2', '01/01/2005', { SEX: 'M', MC_DOB: '01/02/2024' }),
          hd('3', '01/01/2005', { SEX: 'M' }),
        ],
      },
      { Header: [1] },
    ));
  it('232 sex reported as unknown', () => expectFlags('232', { Header: [hd('1', '01/01/2010'), hd('2', '01/01/2010', { SEX: 'U' })] }, { Header: [1] }));
  it('301 born after the year ended', () => expectFlags('301', { Header: [hd('1', '31/03/2026'), hd('2', '01/04/2026')] }, { Header: [1] }));
  it('351 over 25 at the start of the year', () => expectFlags('351', { Header: [hd('1', '01/04/2000'), hd('2', '31/03/2000')] }, { Header: [1] }));
  it('611 a mother needs her child’s date of birth', () =>
    expectFlags('611', { Header: [hd('1', '01/01/2005', { MOTHER: '1', MC_DOB: '01/02/2024' }), hd('2', '01/01/2005', { MOTHER: '1' })] }, { Header: [1] }));
  it('612 a child’s date of birth given but not a mother', () =>
    expectFlags(
      '612',
      { Header: [hd('1', '01/01/2005', { MOTHER: '1', MC_DOB: '01/02/2024' }), hd('2', '01/01/2005', { MOTHER: '0', MC_DOB: '01/02/2024' })] },
      { Header: [1] },
    ));
  it('620 a mother under 11', () =>
    expectFlags('620', { Header: [hd('1', '01/04/2014', { MOTHER: '1' }), hd('2', '02/04/2014', { MOTHER: '1' }), hd('3', '02/04/2014')] }, { Header: [1] }));
  it('621 a mother younger than her child', () =>
    expectFlags('621', { Header: [hd('1', '01/01/2005', { MC_DOB: '01/02/2024' }), hd('2', '01/01/2005', { MC_DOB: '01/01/2005' })] }, { Header: [1] }));
  it('444 the same UPN for two children (unknown codes aside)', () =>
    expectFlags(
      '444',
      {
        Header: [
          hd('1', '01/01/2010'),
          hd('2', '01/01/2011'),
          hd('3', '01/01/2010', { UPN: 'UN1' }),
          hd('4', '01/01/2010', { UPN: 'UN1' }),
          hd('5', '01/01/2010', { UPN: 'B123456789012' }),
        ],
      },
      { Header: [0, 1] },
    ));
  it('209 UN1 for a child of school age', () =>
    expectFlags('209', { Header: [hd('1', '01/04/2020', { UPN: 'UN1' }), hd('2', '02/04/2020', { UPN: 'UN1' }), hd('3', '01/04/2010')] }, { Header: [0] }));
  it('210 UN4 for a child looked after more than a week at 31 March', () =>
    expectFlags(
      '210',
      {
        Header: [hd('1', '01/01/2010', { UPN: 'UN4' }), hd('2', '01/01/2010', { UPN: 'UN4' }), hd('3', '01/01/2010', { UPN: 'UN4' })],
        Episodes: [
          ep('1', '01/01/2026', { DEC: '28/03/2026', REC: 'X1' }),
          ep('1', '28/03/2026', { RNE: 'P' }),
          ep('2', '28/03/2026'),
          ep('3', '01/01/2026', { DEC: '01/02/2026', REC: 'E13' }),
        ],
      },
      { Header: [0] },
    ));
  it('442 UPN missing for a child looked after', () =>
    expectFlags(
      '442',
      {
        Header: [hd('1', '01/01/2010', { UPN: '' }), hd('2', '01/01/2010', { UPN: '' })],
        Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2020', { DEC: '01/05/2021', REC: 'E13' })],
      },
      { Header: [0] },
    ));
  it('393 mother field blank for a girl looked after at 31 March', () =>
    expectFlags(
      '393',
      {
        Header: [hd('1', '01/01/2010', { MOTHER: '' }), hd('2', '01/01/2010', { MOTHER: '', SEX: 'M' }), hd('3', '01/01/2010')],
        Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025'), ep('3', '01/05/2025')],
      },
      { Header: [0] },
    ));
  it('607 mother field blank for a girl who left care in the year', () =>
    expectFlags(
      '607',
      {
        Header: [hd('1', '01/01/2008', { MOTHER: '' }), hd('2', '01/01/2008', { MOTHER: '' })],
        Episodes: [ep('1', '01/05/2025', { DEC: '01/06/2025', REC: 'E13' }), ep('2', '01/05/2025')],
      },
      { Header: [0] },
    ));
  it('231 a UASC child under 11 at 31 March', () =>
    expectFlags(
      '231',
      { Header: [hd('1', '31/03/2015'), hd('2', '01/04/2015'), hd('3', '01/04/2015')], UASC: [{ CHILD: '1' }, { CHILD: '2' }] },
      { Header: [1] },
    ));
  it('625 mother’s child born after the year ended or after the mother left care', () =>
    expectFlags(
      '625',
      {
        Header: [
          hd('1', '01/01/2008', { MC_DOB: '31/03/2026' }),
          hd('2', '01/01/2008', { MC_DOB: '01/04/2026' }),
          hd('3', '01/01/2008', { MC_DOB: '02/06/2025' }),
        ],
        Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025'), ep('3', '01/05/2025', { DEC: '01/06/2025', REC: 'E13' })],
      },
      { Header: [1, 2] },
    ));
  it('165 mother status must be 0 or 1, not 1 for a boy, and given for a girl looked after in the year', () =>
    expectFlags(
      '165',
      {
        Header: [
          hd('1', '01/01/2008', { MOTHER: '1' }),
          hd('2', '01/01/2008', { MOTHER: '2' }),
          hd('3', '01/01/2008', { MOTHER: '1', SEX: 'M' }),
          hd('4', '01/01/2008', { MOTHER: '' }),
          hd('5', '01/01/2008', { MOTHER: '', SEX: 'M' }),
          hd('6', '01/01/2008', { MOTHER: '' }),
          // The old code 2 (female before 2024/25) is rule 101's finding, not read as a sex here.
          hd('7', '01/01/2008', { MOTHER: '', SEX: '2' }),
        ],
        Episodes: [ep('4', '01/05/2025'), ep('5', '01/05/2025'), ep('6', '01/05/2025', { LS: 'V3' }), ep('7', '01/05/2025')],
      },
      { Header: [1, 2, 3] },
    ));
});
