import { describe, it } from 'vitest';
import { ep, expectFlags, hd } from './helpers.ts';

const TABLES = [
  ['INT01', 'INT11', 'AD1'],
  ['INT02', 'INT12', 'PlacedAdoption'],
  ['INT04', 'INT13', 'Missing'],
  ['INT05', 'INT14', 'OC2'],
  ['INT06', 'INT15', 'OC3'],
  ['INT07', 'INT16', 'PrevPerm'],
  ['INT08', 'INT17', 'Reviews'],
  ['INT09', 'INT18', 'UASC'],
] as const;

describe('SSDA903 integrity checks', () => {
  for (const [known, dob, table] of TABLES) {
    it(`${known} a child in ${table} must be in Header; ${dob} with the same date of birth`, () => {
      const rows = {
        Header: [hd('1', '01/01/2010')],
        [table]: [
          { CHILD: '1', DOB: '01/01/2010' },
          { CHILD: '2', DOB: '01/01/2010' },
          { CHILD: '1', DOB: '02/01/2010' },
        ],
      };
      expectFlags(known, rows, { [table]: [1] });
      expectFlags(dob, rows, { [table]: [2] });
    });
  }
  it('INT03 a child in Episodes must be in Header', () =>
    expectFlags('INT03', { Header: [hd('1', '01/01/2010')], Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025')] }, { Episodes: [1] }));
  it('INT21 sex in UASC must match Header', () =>
    expectFlags(
      'INT21',
      {
        Header: [hd('1', '01/01/2010'), hd('2', '01/01/2010')],
        UASC: [
          { CHILD: '1', SEX: 'F' },
          { CHILD: '2', SEX: 'M' },
        ],
      },
      { UASC: [1] },
    ));
  for (const [code, table] of [
    ['INT31', 'AD1'],
    ['INT32', 'Header'],
    ['INT33', 'OC2'],
    ['INT34', 'OC3'],
    ['INT35', 'PrevPerm'],
    ['INT36', 'UASC'],
  ] as const) {
    it(`${code} a child only once in ${table}`, () => expectFlags(code, { [table]: [{ CHILD: '1' }, { CHILD: '2' }, { CHILD: '1' }] }, { [table]: [0, 2] }));
  }
  it('EPI a child in Header with no episodes (care leavers in OC3 aside)', () =>
    expectFlags(
      'EPI',
      { Header: [hd('1', '01/01/2010'), hd('2', '01/01/2010'), hd('3', '01/01/2005')], Episodes: [ep('1', '01/05/2025')], OC3: [{ CHILD: '3' }] },
      { Header: [1] },
    ));
});
