// SSDA903 rules of the care leaver tables, OC2 and OC3 (src/returns/ssda903/rules-leavers.ts).
import { describe, it } from 'vitest';
import { closed, ep, expectFlags, hd, itFlags } from './helpers.ts';

// The collection year is 1 April 2025 – 31 March 2026 throughout.
const F = itFlags;
/** Looked after continuously since 2023 (the OC2 cohort) … */
const cla = (child: string) => ep(child, '01/01/2023');
/** … and a child who started to be looked after in the year (not in it). */
const newly = (child: string) => ep(child, '01/06/2025');

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
