import { describe, it } from 'vitest';
import { ep, expectFlags, hd, type Rows } from './helpers.ts';

// The collection year is 1 April 2025 – 31 March 2026 throughout.
const F = (code: string, rows: Rows, want: Parameters<typeof expectFlags>[2]) => it(code, () => expectFlags(code, rows, want));
const closed = (child: string, decom: string, dec: string, rec: string, more: Record<string, string> = {}) => ep(child, decom, { DEC: dec, REC: rec, ...more });
/** Looked after continuously since 2023 (the OC2 cohort) … */
const cla = (child: string) => ep(child, '01/01/2023');
/** … and a child who started to be looked after in the year (not in it). */
const newly = (child: string) => ep(child, '01/06/2025');

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

describe('SSDA903 OC2 rules', () => {
  const full = { CONVICTED: '0', HEALTH_CHECK: '', IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' };
  const o = (child: string, dob: string, more: Record<string, string> = {}) => ({ CHILD: child, DOB: dob, ...full, ...more });
  F(
    '180',
    { OC2: [o('1', '01/01/2012', { SDQ_SCORE: '40' }), o('2', '01/01/2012', { SDQ_SCORE: '41' }), o('3', '01/01/2012', { SDQ_SCORE: '1.5' })] },
    { OC2: [1, 2] },
  );
  F('196', { OC2: [o('1', '01/01/2012', { SDQ_REASON: 'SDQ5' }), o('2', '01/01/2012', { SDQ_REASON: 'SDQ6' })] }, { OC2: [1] });
  F('181', { OC2: [o('1', '01/01/2012'), o('2', '01/01/2012', { TEETH_CHECK: '2' })] }, { OC2: [1] });
  F('182', { OC2: [o('1', '01/01/2012'), o('2', '01/01/2012', { TEETH_CHECK: '' }), { CHILD: '3' }] }, { OC2: [1] });
  F(
    '158',
    {
      OC2: [
        o('1', '01/01/2012', { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }),
        o('2', '01/01/2012', { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: '1' }),
      ],
    },
    { OC2: [1] },
  );
  F(
    '159',
    {
      OC2: [
        o('1', '01/01/2012', { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }),
        o('2', '01/01/2012', { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' }),
      ],
    },
    { OC2: [1] },
  );
  F(
    '192',
    { OC2: [o('1', '01/01/2012', { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }), o('2', '01/01/2012', { SUBSTANCE_MISUSE: '1' })] },
    { OC2: [1] },
  );
  F('193', { OC2: [o('1', '01/01/2012'), o('2', '01/01/2012', { INTERVENTION_OFFERED: '0' })] }, { OC2: [1] });
  F('188', { OC2: [o('1', '31/03/2022', { SDQ_REASON: 'SDQ1' }), o('2', '01/04/2022', { SDQ_REASON: 'SDQ1' })] }, { OC2: [1] });
  F('189', { OC2: [o('1', '02/04/2008', { SDQ_SCORE: '10' }), o('2', '01/04/2008', { SDQ_SCORE: '10' })] }, { OC2: [1] });
  F('197a', { OC2: [o('1', '01/01/2012', { SDQ_SCORE: '10' }), o('2', '01/01/2012', { SDQ_SCORE: '10', SDQ_REASON: 'SDQ4' })] }, { OC2: [1] });
  // 157 and 546 are about the OC2 cohort only (the DfE's logic names CONTINUOUSLY_LOOKED_AFTER):
  // the reference validator agreed, Lantern once flagged every OC2 row.
  F(
    '157',
    {
      Episodes: [cla('1'), cla('2'), newly('3'), cla('4')],
      OC2: [
        o('1', '01/01/2008', { SDQ_REASON: 'SDQ1' }),
        o('2', '01/01/2012', { SDQ_REASON: 'SDQ1' }),
        o('3', '01/01/2012', { SDQ_REASON: 'SDQ1' }),
        o('4', '01/01/2012', { SDQ_REASON: 'SDQ1', SDQ_SCORE: '10' }),
      ],
    },
    { OC2: [1] },
  );
  F('542', { OC2: [o('1', '31/03/2016'), o('2', '01/04/2016')] }, { OC2: [1] });
  F('544', { OC2: [o('1', '01/01/2012'), o('2', '01/01/2012', { IMMUNISATIONS: '' })] }, { OC2: [1] });
  F(
    '546',
    {
      Episodes: [cla('1'), cla('2'), newly('3')],
      OC2: [o('1', '01/04/2021', { HEALTH_CHECK: '1' }), o('2', '31/03/2021', { HEALTH_CHECK: '1' }), o('3', '31/03/2021', { HEALTH_CHECK: '1' })],
    },
    { OC2: [1] },
  );
  F('547', { OC2: [o('1', '01/04/2022', { HEALTH_CHECK: '1' }), o('2', '01/04/2022', { HEALTH_CHECK: '1', SUBSTANCE_MISUSE: '' })] }, { OC2: [1] });
  const cohort = (code: string, rows: Record<string, string>[], want: number[]) => F(code, { Episodes: [cla('1'), newly('2')], OC2: rows }, { OC2: want });
  cohort('185', [o('1', '01/01/2012', { SDQ_SCORE: '10' }), o('2', '01/01/2012', { SDQ_SCORE: '10' })], [1]);
  cohort('198', [o('1', '01/01/2012', { SDQ_REASON: 'SDQ2' }), o('2', '01/01/2012', { SDQ_REASON: 'SDQ2' })], [1]);
  cohort('190', [o('1', '01/01/2012'), o('2', '01/01/2012')], [1]);
  cohort('191', [o('1', '01/01/2012', { TEETH_CHECK: '' }), o('2', '01/01/2012', { TEETH_CHECK: '' })], [0]);
  cohort('186', [o('1', '01/01/2012'), o('2', '01/01/2012')], [0]);
  cohort('197B', [o('1', '01/01/2012'), o('2', '01/01/2012')], [0]);
  cohort('543', [o('1', '01/01/2012', { CONVICTED: '' }), o('2', '01/01/2012', { CONVICTED: '' })], [0]);
  cohort('545', [o('1', '01/01/2022'), o('2', '01/01/2022')], [0]);
  it('the OC2 cohort: not a child who left care or had short breaks in the year', () =>
    expectFlags(
      '190',
      {
        Episodes: [cla('1'), closed('2', '01/01/2023', '01/03/2026', 'E13'), ep('3', '01/01/2023', { LS: 'V3' })],
        OC2: [o('1', '01/01/2012'), o('2', '01/01/2012'), o('3', '01/01/2012')],
      },
      { OC2: [1, 2] },
    ));
});

describe('SSDA903 OC3 rules', () => {
  const l = (child: string, dob: string, touch: string, activ: string, accom: string) => ({
    CHILD: child,
    DOB: dob,
    IN_TOUCH: touch,
    ACTIV: activ,
    ACCOM: accom,
  });
  F('131', { OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'MAYBE', 'F1', 'U1')] }, { OC3: [1] });
  F('132', { OC3: [l('1', '01/01/2007', 'YES', 'G6', 'U1'), l('2', '01/01/2007', 'YES', 'F3', 'U1')] }, { OC3: [1] });
  F('133', { OC3: [l('1', '01/01/2007', 'YES', 'F1', 'Z2'), l('2', '01/01/2007', 'YES', 'F1', 'S1')] }, { OC3: [1] });
  F('153', { OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'YES', '', 'U1'), l('3', '01/01/2007', '', '', '')] }, { OC3: [1] });
  F('344', { OC3: [l('1', '01/01/2007', 'DIED', '0', '0'), l('2', '01/01/2007', 'RHOM', 'F1', '0')] }, { OC3: [1] });
  F('345', { OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'YES', '0', 'U1')] }, { OC3: [1] });
  F(
    '391',
    {
      OC3: [
        l('1', '31/03/2009', 'YES', 'F1', 'U1'),
        l('2', '01/04/2009', 'YES', 'F1', 'U1'),
        l('3', '02/04/2003', 'YES', 'F1', 'U1'),
        l('4', '31/03/2003', 'YES', 'F1', 'U1'),
      ],
    },
    { OC3: [1, 3] },
  );
  F('3001', { OC3: [l('1', '01/06/2008', 'YES', 'F1', 'Z1'), l('2', '01/06/2006', 'YES', 'F1', 'Z1')] }, { OC3: [0] });
  F('347', { OC3: [l('1', '01/04/2007', 'YES', 'F1', 'T1'), l('2', '02/04/2007', 'YES', 'F1', 'T1'), l('3', '02/04/2007', 'YES', 'F1', 'U1')] }, { OC3: [1] });
  F(
    '1016',
    {
      Episodes: [
        closed('1', '01/05/2024', '01/06/2025', 'E13'),
        closed('2', '01/05/2024', '30/05/2025', 'E13'),
        closed('3', '01/05/2024', '01/06/2025', 'E13'),
      ],
      OC3: [l('1', '01/06/2008', 'YES', 'F1', 'U1'), l('2', '31/05/2008', 'YES', 'F1', 'U1'), l('3', '01/06/2006', 'YES', 'F1', 'U1')],
    },
    { OC3: [0] },
  );
  F(
    '134',
    { OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'YES', 'F1', 'U1')], AD1: [{ CHILD: '1' }, { CHILD: '3' }] },
    { OC3: [0], AD1: [0] },
  );
  F(
    '187',
    {
      Episodes: [cla('1'), newly('2')],
      OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'YES', 'F1', 'U1')],
      AD1: [{ CHILD: '1' }, { CHILD: '2' }],
    },
    { OC3: [0], AD1: [0] },
  );
  F(
    '215',
    {
      OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1')],
      OC2: [
        { CHILD: '1', IMMUNISATIONS: '1' },
        { CHILD: '2', IMMUNISATIONS: '1' },
      ],
    },
    { OC2: [0] },
  );
  F(
    '1000',
    {
      Episodes: [closed('1', '01/05/2025', '01/06/2025', 'E2'), closed('2', '01/05/2025', '01/06/2025', 'E13')],
      OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'YES', 'F1', 'U1')],
    },
    { OC3: [0] },
  );
  F(
    '1011',
    {
      Episodes: [closed('1', '01/05/2025', '01/06/2025', 'E3'), closed('2', '01/05/2025', '01/06/2025', 'E13')],
      OC3: [l('1', '01/01/2007', 'YES', 'F1', 'U1'), l('2', '01/01/2007', 'YES', 'F1', 'U1')],
    },
    { OC3: [0] },
  );
  F(
    '1007',
    {
      // Child 3 is 20 at the end of the year: the DfE's rule is about 17- and 18-year-olds.
      Episodes: [ep('1', '01/05/2025'), closed('2', '01/05/2025', '01/06/2025', 'E13'), ep('3', '01/05/2025')],
      OC3: [l('1', '01/01/2008', 'YES', 'F1', 'U1'), l('2', '01/01/2008', 'YES', 'F1', 'U1'), l('3', '01/01/2006', 'YES', 'F1', 'U1')],
    },
    { OC3: [0] },
  );
  F(
    '1012',
    {
      Episodes: [ep('2', '01/05/2025')],
      OC3: [{ CHILD: '1' }, { CHILD: '2' }],
      Reviews: [{ CHILD: '1' }, { CHILD: '2' }],
      Missing: [{ CHILD: '2' }, { CHILD: '1' }],
    },
    { Reviews: [0], Missing: [1] },
  );
  F(
    '628',
    {
      Episodes: [ep('2', '01/05/2025')],
      OC3: [{ CHILD: '1' }, { CHILD: '2' }],
      Header: [hd('1', '01/01/2006'), hd('2', '01/01/2006'), hd('3', '01/01/2006', { MOTHER: '' })],
    },
    { Header: [0] },
  );
});

describe('SSDA903 AD1 rules', () => {
  const a = (child: string, more: Record<string, string> = {}) => ({
    CHILD: child,
    DATE_INT: '01/02/2025',
    DATE_MATCH: '01/03/2025',
    FOSTER_CARE: '0',
    NB_ADOPTR: '2',
    SEX_ADOPTR: 'MF',
    LS_ADOPTR: 'L11',
    ...more,
  });
  F('112', { AD1: [a('1'), a('2', { DATE_INT: '30/02/2025' })] }, { AD1: [1] });
  F('113', { AD1: [a('1'), a('2', { DATE_MATCH: '1/3/2025' })] }, { AD1: [1] });
  F('114', { AD1: [a('1'), a('2', { FOSTER_CARE: '2' })] }, { AD1: [1] });
  F('175', { AD1: [a('1'), a('2', { NB_ADOPTR: '3' })] }, { AD1: [1] });
  F('176', { AD1: [a('1'), a('2', { SEX_ADOPTR: 'XX' })] }, { AD1: [1] });
  F('177', { AD1: [a('1'), a('2', { LS_ADOPTR: 'L1' })] }, { AD1: [1] });
  F('151', { AD1: [a('1'), a('2', { LS_ADOPTR: '' }), { CHILD: '3' }] }, { AD1: [1] });
  F('333', { AD1: [a('1'), a('2', { DATE_INT: '02/03/2025' })] }, { AD1: [1] });
  F('511', { AD1: [a('1'), a('2', { SEX_ADOPTR: 'F1' })] }, { AD1: [1] });
  F('514', { AD1: [a('1', { LS_ADOPTR: 'L0', NB_ADOPTR: '1', SEX_ADOPTR: 'F1' }), a('2', { LS_ADOPTR: 'L0' })] }, { AD1: [1] });
  F('517', { AD1: [a('1', { LS_ADOPTR: 'L3' }), a('2', { LS_ADOPTR: 'L3', SEX_ADOPTR: 'FF' })] }, { AD1: [1] });
  F('518', { AD1: [a('1', { LS_ADOPTR: 'L4', SEX_ADOPTR: 'MM' }), a('2', { LS_ADOPTR: 'L4' })] }, { AD1: [1] });
  F('519', { AD1: [a('1', { LS_ADOPTR: 'L2' }), a('2', { LS_ADOPTR: 'L2', SEX_ADOPTR: 'M1' })] }, { AD1: [1] });
  F('520', { AD1: [a('1'), a('2', { SEX_ADOPTR: 'FF' })] }, { AD1: [1] });
  F('524', { AD1: [a('1', { LS_ADOPTR: 'L12', SEX_ADOPTR: 'FF' }), a('2', { LS_ADOPTR: 'L12' })] }, { AD1: [1] });
  // Child 1 placed for adoption (A4) on 01/04/2025 and adopted on 01/10/2025.
  const adopted = (child: string) => [
    closed(child, '01/01/2024', '01/04/2025', 'X1'),
    closed(child, '01/04/2025', '01/10/2025', 'E11', { RNE: 'P', PLACE: 'A4' }),
  ];
  F('331', { Episodes: [...adopted('1'), ...adopted('2')], AD1: [a('1'), a('2', { DATE_MATCH: '02/04/2025' })] }, { AD1: [1] });
  F('521', { Episodes: [...adopted('1'), ...adopted('2')], AD1: [a('1'), a('2', { DATE_INT: '02/04/2025', DATE_MATCH: '02/04/2025' })] }, { AD1: [1] });
  F('582', { Episodes: [...adopted('1'), ...adopted('2')], AD1: [a('1'), a('2', { DATE_MATCH: '01/10/2025' })] }, { AD1: [1] });
  F('335', { Episodes: [...adopted('1'), ...adopted('2')], AD1: [a('1'), a('2', { FOSTER_CARE: '1' })] }, { AD1: [1] });
  F('334', { Episodes: [...adopted('1'), ...adopted('2')], AD1: [a('1'), a('2', { DATE_INT: '31/12/2023' })] }, { AD1: [1] });
  // With no episode starting a period of care (RNE S) the return does not show when care began.
  F(
    '334',
    {
      Episodes: adopted('3').map((e) => ({ ...e, RNE: 'P' })),
      AD1: [a('3', { DATE_INT: '31/12/2023' })],
    },
    {},
  );
  F('601', { Episodes: [...adopted('1'), ...adopted('2'), ...adopted('3')], AD1: [a('1'), a('2', { SEX_ADOPTR: '' })] }, { Episodes: [3, 5] });
  F('602', { Episodes: [...adopted('1'), ep('2', '01/01/2024')], AD1: [a('1'), a('2')] }, { AD1: [1] });
  F(
    '525',
    {
      AD1: [a('1'), a('2')],
      PlacedAdoption: [
        { CHILD: '1', DATE_PLACED: '01/01/2025' },
        { CHILD: '2', DATE_PLACED: '01/01/2025', DATE_PLACED_CEASED: '01/02/2025', REASON_PLACED_CEASED: 'RD1' },
      ],
    },
    { AD1: [1] },
  );
  F(
    '523',
    {
      AD1: [a('1'), a('2')],
      PlacedAdoption: [
        { CHILD: '1', DATE_PLACED: '01/02/2025' },
        { CHILD: '2', DATE_PLACED: '03/02/2025' },
      ],
    },
    { AD1: [1] },
  );
});

describe('SSDA903 PlacedAdoption rules', () => {
  const p = (child: string, placed: string, ceased = '', reason = '') => ({
    CHILD: child,
    DOB: '01/01/2020',
    DATE_PLACED: placed,
    DATE_PLACED_CEASED: ceased,
    REASON_PLACED_CEASED: reason,
  });
  F('115', { PlacedAdoption: [p('1', '01/06/2025'), p('2', '01/6/2025')] }, { PlacedAdoption: [1] });
  F('116', { PlacedAdoption: [p('1', '01/06/2025', '01/07/2025', 'RD1'), p('2', '01/06/2025', '31/09/2025', 'RD1')] }, { PlacedAdoption: [1] });
  F('120', { PlacedAdoption: [p('1', '01/06/2025', '01/07/2025', 'RD4'), p('2', '01/06/2025', '01/07/2025', 'RD5')] }, { PlacedAdoption: [1] });
  F('119', { PlacedAdoption: [p('1', '01/06/2025', '01/07/2025', 'RD1'), p('2', '01/06/2025', '01/07/2025'), p('3', '01/06/2025')] }, { PlacedAdoption: [1] });
  F('522', { PlacedAdoption: [p('1', '01/06/2025', '01/06/2025', 'RD1'), p('2', '01/06/2025', '31/05/2025', 'RD1')] }, { PlacedAdoption: [1] });
  F('563', { PlacedAdoption: [p('1', '01/06/2025', '01/07/2025', 'RD1'), p('2', '', '01/07/2025', 'RD1')] }, { PlacedAdoption: [1] });
  F(
    '579',
    { PlacedAdoption: [p('1', '01/06/2025', '01/07/2025', 'RD1'), p('1', '01/07/2025'), p('2', '01/06/2025', '01/08/2025', 'RD1'), p('2', '01/07/2025')] },
    { PlacedAdoption: [3] },
  );
  F(
    '583',
    { PlacedAdoption: [p('1', '01/06/2025', '01/07/2025', 'RD1'), p('1', '01/08/2025'), p('2', '01/06/2025'), p('2', '01/08/2025')] },
    { PlacedAdoption: [2] },
  );
  F('184', { Header: [hd('1', '01/01/2020'), hd('2', '01/01/2020')], PlacedAdoption: [p('1', '01/01/2020'), p('2', '31/12/2019')] }, { PlacedAdoption: [1] });
  F(
    '117',
    {
      Episodes: [closed('1', '01/05/2025', '01/07/2025', 'E13'), ep('2', '01/05/2025')],
      PlacedAdoption: [p('1', '02/07/2025'), p('1', '01/07/2025'), p('2', '01/04/2026')],
    },
    { PlacedAdoption: [0, 2] },
  );
  F(
    '118',
    {
      // The earliest episode that is not a short break (V3/V4) is when care started: child 3's decision
      // ceased before it, child 4's after it.
      Episodes: [
        ep('1', '01/05/2025'),
        ep('2', '01/05/2025'),
        closed('3', '01/04/2025', '02/04/2025', 'E13', { LS: 'V3' }),
        ep('3', '01/06/2025'),
        closed('4', '01/04/2025', '02/04/2025', 'E13', { LS: 'V3' }),
        ep('4', '01/06/2025'),
      ],
      PlacedAdoption: [
        p('1', '01/01/2025', '30/04/2025', 'RD1'),
        p('2', '01/01/2025', '01/05/2025', 'RD1'),
        p('3', '01/01/2025', '15/05/2025', 'RD1'),
        p('4', '01/01/2025', '15/06/2025', 'RD1'),
      ],
    },
    { PlacedAdoption: [0, 2] },
  );
  F(
    '1003',
    { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025', { RNE: 'P' })], PlacedAdoption: [p('1', '30/04/2025'), p('2', '30/04/2025')] },
    { PlacedAdoption: [0] },
  );
  F(
    '551',
    // An adoptive placement from an earlier year needs its decision too (as the reference reads it).
    {
      Episodes: [ep('1', '01/05/2025', { PLACE: 'A6' }), ep('2', '01/05/2025', { PLACE: 'A6' }), ep('3', '01/05/2024', { PLACE: 'A5' })],
      PlacedAdoption: [p('2', '01/04/2025')],
    },
    { Episodes: [0, 2] },
  );
  F(
    '553',
    {
      Episodes: [ep('1', '01/05/2025', { LS: 'E1' }), ep('2', '01/05/2025', { LS: 'E1' }), ep('3', '01/05/2024', { LS: 'E1' })],
      PlacedAdoption: [p('2', '01/04/2025')],
    },
    { Episodes: [0, 2] },
  );
  F(
    '552',
    {
      Episodes: [ep('1', '01/05/2025', { PLACE: 'A6' }), ep('2', '01/05/2025', { PLACE: 'A6' })],
      PlacedAdoption: [p('1', '01/05/2025'), p('2', '02/05/2025')],
    },
    { PlacedAdoption: [1] },
  );
  F(
    '554',
    { Episodes: [ep('1', '01/05/2025', { LS: 'E1' }), ep('2', '01/05/2025', { LS: 'E1' })], PlacedAdoption: [p('1', '01/05/2025'), p('2', '02/05/2025')] },
    { PlacedAdoption: [1] },
  );
  F(
    '557',
    {
      Episodes: [
        closed('1', '01/05/2025', '01/07/2025', 'E13'),
        closed('2', '01/05/2025', '01/07/2025', 'E13'),
        // Placed for adoption, then left care to live with a parent, with no decision recorded at all.
        closed('3', '01/05/2025', '01/07/2025', 'E13', { PLACE: 'A4' }),
        // Adopted: nothing to cease.
        closed('4', '01/05/2025', '01/07/2025', 'E11', { PLACE: 'A4' }),
      ],
      PlacedAdoption: [p('1', '01/06/2025'), p('2', '01/06/2025', '01/07/2025', 'RD1')],
    },
    { PlacedAdoption: [0], Episodes: [2] },
  );
  F(
    '558',
    {
      Episodes: [closed('1', '01/05/2025', '01/07/2025', 'E11', { PLACE: 'A4' }), closed('2', '01/05/2025', '01/07/2025', 'E11', { PLACE: 'A4' })],
      PlacedAdoption: [p('1', '01/01/2025', '01/02/2025', 'RD1'), p('1', '01/03/2025'), p('2', '01/03/2025', '01/04/2025', 'RD1')],
    },
    { PlacedAdoption: [2] },
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
