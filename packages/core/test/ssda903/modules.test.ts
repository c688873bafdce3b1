// SSDA903 rules of Reviews, UASC, Missing and PrevPerm (src/returns/ssda903/rules-modules.ts).
import { describe } from 'vitest';
import { closed, ep, hd, itFlags } from './helpers.ts';

// The collection year is 1 April 2025 – 31 March 2026 throughout.
const F = itFlags;

describe('SSDA903 Reviews rules', () => {
  const rv = (child: string, dob: string, review: string, code: string) => ({ CHILD: child, DOB: dob, REVIEW: review, REVIEW_CODE: code });
  F(
    '166',
    { Reviews: [rv('1', '01/01/2015', '01/06/2025', 'PN1'), rv('2', '01/01/2015', '', 'PN1'), rv('3', '01/01/2015', '31/06/2025', 'PN1')] },
    { Reviews: [1, 2] },
  );
  F(
    '167',
    { Reviews: [rv('1', '01/01/2015', '01/06/2025', 'PN1'), rv('2', '01/01/2015', '01/06/2025', ''), rv('3', '01/01/2015', '01/06/2025', 'PN9')] },
    { Reviews: [1, 2] },
  );
  F('440', { Reviews: [rv('1', '02/06/2021', '01/06/2025', 'PN0'), rv('2', '01/06/2021', '01/06/2025', 'PN0')] }, { Reviews: [1] });
  F('441', { Reviews: [rv('1', '01/06/2021', '01/06/2025', 'PN1'), rv('2', '02/06/2021', '01/06/2025', 'PN1')] }, { Reviews: [1] });
  F(
    '399',
    {
      Episodes: [ep('1', '01/06/2025', { LS: 'V3' }), ep('2', '01/06/2025')],
      Header: [hd('1', '01/01/2010', { MOTHER: '0' }), hd('2', '01/01/2010'), hd('3', '01/01/2010')],
      Reviews: [rv('1', '01/01/2010', '01/07/2025', 'PN1'), rv('2', '01/01/2010', '01/07/2025', 'PN1')],
    },
    { Header: [0], Reviews: [0] },
  );
});

describe('SSDA903 UASC rules', () => {
  F(
    '104',
    {
      UASC: [
        { CHILD: '1', DUC: '01/01/2026' },
        { CHILD: '2', DUC: '1/1/2026' },
        { CHILD: '3', DUC: '' },
      ],
    },
    { UASC: [1] },
  );
  F(
    '304',
    {
      UASC: [
        { CHILD: '1', DOB: '01/01/2008', DUC: '01/01/2026' },
        { CHILD: '2', DOB: '01/01/2008', DUC: '02/01/2026' },
      ],
    },
    { UASC: [1] },
  );
  F(
    '1014',
    {
      UASC: [{ CHILD: '1' }, { CHILD: '2' }, { CHILD: '3' }],
      OC3: [{ CHILD: '1' }, { CHILD: '2' }, { CHILD: '3' }],
      // Child 3's only episode ended before the year: a care leaver this year, as child 1.
      Episodes: [ep('2', '01/06/2025'), closed('3', '01/05/2023', '01/06/2024', 'E8')],
    },
    { UASC: [0, 2] },
  );
});

describe('SSDA903 Missing rules', () => {
  const ms = (child: string, type: string, start: string, end = '', dob = '01/01/2010') => ({
    CHILD: child,
    DOB: dob,
    MISSING: type,
    MIS_START: start,
    MIS_END: end,
  });
  F('1004', { Missing: [ms('1', 'M', '01/06/2025'), ms('2', 'M', '01/13/2025')] }, { Missing: [1] });
  F('1005', { Missing: [ms('1', 'M', '01/06/2025', '02/06/2025'), ms('2', 'M', '01/06/2025', '2025-06-02')] }, { Missing: [1] });
  F('1006', { Missing: [ms('1', 'A', '01/06/2025'), ms('2', 'X', '01/06/2025')] }, { Missing: [1] });
  F('564', { Missing: [ms('1', 'M', '01/06/2025'), ms('2', 'M', '')] }, { Missing: [1] });
  F('565', { Missing: [ms('1', 'M', '01/06/2025'), ms('2', '', '01/06/2025')] }, { Missing: [1] });
  F('566', { Missing: [ms('1', 'M', '01/06/2025', '02/06/2025'), ms('2', '', '', '02/06/2025')] }, { Missing: [1] });
  F('567', { Missing: [ms('1', 'M', '01/06/2025', '01/06/2025'), ms('2', 'M', '01/06/2025', '31/05/2025')] }, { Missing: [1] });
  F('570', { Missing: [ms('1', 'M', '31/03/2026'), ms('2', 'M', '01/04/2026')] }, { Missing: [1] });
  F(
    '571',
    { Missing: [ms('1', 'M', '01/03/2025', '01/04/2025'), ms('2', 'M', '01/03/2025', '31/03/2025'), ms('3', 'M', '01/03/2026', '01/04/2026')] },
    { Missing: [1, 2] },
  );
  F(
    '574',
    { Missing: [ms('1', 'M', '01/06/2025', '03/06/2025'), ms('1', 'M', '03/06/2025'), ms('2', 'M', '01/06/2025'), ms('2', 'A', '05/06/2025', '06/06/2025')] },
    { Missing: [3] },
  );
  F('586', { Missing: [ms('1', 'M', '01/06/2025', '', '01/06/2025'), ms('2', 'M', '01/06/2025', '', '02/06/2025')] }, { Missing: [1] });
  F(
    '575',
    {
      Episodes: [closed('1', '01/05/2025', '01/07/2025', 'X1'), ep('1', '01/07/2025', { RNE: 'P', PLACE: 'U6' }), ep('2', '01/05/2025')],
      Missing: [ms('1', 'M', '01/06/2025'), ms('2', 'M', '01/06/2025')],
    },
    { Missing: [0] },
  );
  F(
    '577',
    { Episodes: [closed('1', '01/05/2025', '01/07/2025', 'E13'), ep('2', '01/05/2025')], Missing: [ms('1', 'M', '01/06/2025'), ms('2', 'M', '01/06/2025')] },
    { Missing: [0] },
  );
  F(
    '578',
    {
      Episodes: [closed('1', '01/05/2025', '01/07/2025', 'E13'), ep('2', '01/05/2025')],
      Missing: [ms('1', 'M', '02/07/2025', '03/07/2025'), ms('1', 'M', '01/07/2025', '01/07/2025'), ms('2', 'M', '01/08/2025')],
    },
    { Missing: [0] },
  );
  F(
    '581',
    { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025')], Missing: [ms('1', 'M', '30/04/2025', '01/05/2025'), ms('2', 'M', '01/05/2025')] },
    { Missing: [0] },
  );
  F(
    '580',
    {
      Episodes: [closed('1', '01/05/2025', '01/07/2025', 'E13'), closed('2', '01/05/2025', '01/07/2025', 'E8'), closed('3', '01/05/2025', '01/07/2025', 'E13')],
      Missing: [ms('1', 'M', '20/06/2025'), ms('2', 'M', '20/06/2025'), ms('3', 'M', '20/06/2025', '25/06/2025')],
    },
    { Episodes: [0] },
  );
});

describe('SSDA903 PrevPerm rules', () => {
  const pp = (child: string, prev: string, la = '', date = '') => ({ CHILD: child, PREV_PERM: prev, LA_PERM: la, DATE_PERM: date });
  F('631', { PrevPerm: [pp('1', 'P1'), pp('2', 'P5'), pp('3', '')] }, { PrevPerm: [1] });
  F('635', { PrevPerm: [pp('1', 'Z1'), pp('2', 'Z1', '', '01/01/2020'), pp('3', 'P1', '202', '01/01/2020')] }, { PrevPerm: [1] });
  F(
    '632',
    {
      Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025'), ep('3', '01/05/2025'), ep('4', '01/05/2025')],
      PrevPerm: [pp('1', 'P1', '', 'ZZ/ZZ/2019'), pp('2', 'P1', '', '31/02/2019'), pp('3', 'P1', '', '02/05/2025'), pp('4', 'P1', '', '2019')],
    },
    { PrevPerm: [1, 2, 3] },
  );
  // The child's latest episode decides (the DfE: "at least 1 episode must have a DECOM later than
  // 01/04/2016"): child 3's care began in 2015 but it has an episode from 2017.
  F(
    '634',
    {
      Episodes: [ep('1', '01/04/2016'), ep('2', '31/03/2016'), closed('3', '01/06/2015', '01/02/2017', 'X1'), ep('3', '01/02/2017', { RNE: 'P' })],
      PrevPerm: [pp('1', 'P1'), pp('2', 'P1'), pp('3', 'P1')],
    },
    { PrevPerm: [1] },
  );
  F('630', { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025'), ep('3', '01/05/2024')], PrevPerm: [pp('1', 'Z1')] }, { Episodes: [1] });
});
