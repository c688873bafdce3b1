import { describe, it } from 'vitest';
import { BLANK, dayNumber, type Provider } from '../../src/returns/ssda903/model.ts';
import { closed, ep, expectFlags, hd, itFlags } from './helpers.ts';

// The collection year is 1 April 2025 – 31 March 2026 throughout.
const F = itFlags;

describe('SSDA903 social worker episode rules', () => {
  const s = (child: string, start: string, end = '', more: Record<string, string> = {}) => ({
    CHILD: child,
    SW_ID: 'SW1',
    SW_DECOM: start,
    SW_DEC: end,
    SW_REASON: 'MANAGE',
    ...more,
  });
  F('SW01aSTG1', { SWEpisodes: [s('1', '01/04/2025'), s('2', '01/04/2025', '', { SW_ID: '' }), s('3', '')] }, { SWEpisodes: [1, 2] });
  F(
    'SW01bSTG1',
    {
      SWEpisodes: [
        s('1', '01/04/2025', '01/06/2025', { SW_REASON: '' }),
        s('2', '01/04/2025'),
        s('3', '01/01/2023', '', { SW_REASON: '' }),
        s('4', ''),
        s('5', '01/04/2025', '', { SW_ID: '' }),
      ],
    },
    { SWEpisodes: [0, 3, 4] },
  );
  F(
    'SW02STG1',
    { SWEpisodes: [s('1', '01/04/2025'), s('2', '01/04/2025', '', { SW_ID: 'XX9' }), s('3', '01/04/2025', '', { SW_ID: 'AB1' })] },
    { SWEpisodes: [2] },
  );
  F('SW04STG1', { SWEpisodes: [s('1', '01/04/2025'), s('2', '1/4/2025')] }, { SWEpisodes: [1] });
  F('SW05STG1', { SWEpisodes: [s('1', '01/04/2025', '02/04/2025'), s('2', '01/04/2025', '02-04-2025')] }, { SWEpisodes: [1] });
  F('SW06STG2', { SWEpisodes: [s('1', '31/03/2026'), s('2', '01/04/2026')] }, { SWEpisodes: [1] });
  F('SW07STG2', { SWEpisodes: [s('1', '01/03/2025', '01/04/2025'), s('2', '01/03/2025', '31/03/2025')] }, { SWEpisodes: [1] });
  F('SW08STG2', { SWEpisodes: [s('1', '01/04/2025'), s('1', '01/06/2025'), s('2', '01/04/2025', '01/06/2025'), s('2', '01/06/2025')] }, { SWEpisodes: [0] });
  F('SW09STG2', { SWEpisodes: [s('1', '01/04/2025', '02/04/2025'), s('2', '01/04/2025', '01/04/2025')] }, { SWEpisodes: [1] });
  F(
    'SW10STG2',
    { SWEpisodes: [s('1', '01/04/2025', '01/06/2025'), s('1', '01/06/2025'), s('2', '01/04/2025', '01/06/2025'), s('2', '31/05/2025')] },
    { SWEpisodes: [3] },
  );
  F('SW13STG1', { SWEpisodes: [s('1', '01/04/2025'), s('2', '01/04/2025', '', { SW_REASON: 'BORED' })] }, { SWEpisodes: [1] });
  const lac = [ep('1', '01/01/2024'), ep('2', '01/01/2024'), ep('3', '01/01/2024')];
  F(
    'SW11bSTG2',
    { Episodes: lac, SWEpisodes: [s('1', '01/01/2024', '01/06/2025'), s('1', '01/06/2025'), s('2', '01/01/2024', '01/06/2025')] },
    { SWEpisodes: [2] },
  );
  F('SW12STG2', { Episodes: lac, SWEpisodes: [s('1', '01/01/2024'), s('2', '02/04/2025')] }, { SWEpisodes: [1], Episodes: [2] });
  // Looked after from 1 September: a social worker from then (or before) covers the year; one from October does not.
  F(
    'SW12STG2',
    { Episodes: [ep('1', '01/09/2025'), ep('2', '01/09/2025')], SWEpisodes: [s('1', '15/08/2025'), s('2', '01/10/2025')] },
    { SWEpisodes: [1], Episodes: [] },
  );
  F(
    'SW17STG2',
    { Episodes: lac, SWEpisodes: [s('1', '01/01/2024'), s('2', '01/01/2024', '30/03/2026'), s('3', '01/01/2024', '31/03/2026')] },
    { SWEpisodes: [1] },
  );
});

describe('SSDA903 deprivation of liberty rules (2026/27)', () => {
  const d = (child: string, start: string, end = '', dob = '01/01/2012') => ({ CHILD: child, DOB: dob, DOLO_START: start, DOLO_END: end });
  const y = { year: 2027 }; // 1 April 2026 – 31 March 2027
  F('700', { DoLo: [d('1', '01/05/2026'), d('2', ''), d('3', '31/04/2026')] }, { DoLo: [1, 2] }, y);
  F('701', { DoLo: [d('1', '01/05/2026', '01/06/2026'), d('2', '01/05/2026', '1 June')] }, { DoLo: [1] }, y);
  F('702', { DoLo: [d('1', '01/05/2026', '01/05/2026'), d('2', '01/05/2026', '30/04/2026')] }, { DoLo: [1] }, y);
  F('703', { DoLo: [d('1', '31/03/2027'), d('2', '01/04/2027')] }, { DoLo: [1] }, y);
  F('704', { DoLo: [d('1', '01/03/2026', '01/04/2026'), d('2', '01/03/2026', '31/03/2026')] }, { DoLo: [1] }, y);
  F('705', { DoLo: [d('1', '01/05/2026', '01/06/2026'), d('1', '01/06/2026'), d('2', '01/05/2026'), d('2', '01/07/2026')] }, { DoLo: [3] }, y);
  F('708', { DoLo: [d('1', '01/05/2026', '', '01/05/2012'), d('2', '01/05/2012', '', '02/05/2012')] }, { DoLo: [1] }, y);
  F(
    '707',
    { Episodes: [closed('1', '01/05/2026', '01/07/2026', 'E13'), ep('2', '01/05/2026')], DoLo: [d('1', '01/05/2026'), d('2', '01/05/2026')] },
    { DoLo: [0] },
    y,
  );
  // 1: a K2 episode overlapping the order passes. 2: a foster placement (U1) overlapping it fails,
  // both rows. 3: an order with no end date is not checked. 4: an order ending before the episode starts passes.
  F(
    '709',
    {
      Episodes: [
        ep('1', '01/05/2026', { PLACE: 'K2' }),
        ep('2', '01/05/2026', { PLACE: 'U1' }),
        ep('3', '01/05/2026', { PLACE: 'U1' }),
        ep('4', '01/06/2026', { PLACE: 'U1' }),
      ],
      DoLo: [d('1', '01/05/2026', '01/07/2026'), d('2', '01/06/2026', '01/07/2026'), d('3', '01/05/2026'), d('4', '01/05/2026', '31/05/2026')],
    },
    { DoLo: [1], Episodes: [1] },
    y,
  );
  F(
    '710',
    {
      Episodes: [ep('1', '01/05/2026', { PLACE: 'K2' }), closed('2', '01/05/2026', '01/06/2026', 'X1'), ep('2', '01/06/2026', { PLACE: 'K1', RNE: 'P' })],
      DoLo: [d('1', '01/05/2026'), d('2', '01/05/2026', '31/05/2026'), d('2', '02/06/2026')],
    },
    { DoLo: [2] },
    y,
  );
});

describe('SSDA903 postcode rules', () => {
  F(
    '392b',
    {
      Episodes: [
        ep('1', '01/05/2025'),
        ep('2', '01/05/2025', { HOME_POST: '' }),
        ep('3', '01/05/2025', { LS: 'V3', PL_POST: '' }),
        ep('4', '01/05/2025', { PL_POST: '' }),
      ],
      UASC: [{ CHILD: '4' }],
    },
    { Episodes: [1] },
  );
  F(
    '392c',
    { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025', { HOME_POST: 'LS62QR' }), ep('3', '01/05/2025', { PL_POST: 'LEEDS' })] },
    { Episodes: [2] },
  );
  F(
    '392d',
    { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025', { HOME_POST: 'LS1 2CD' }), ep('3', '01/05/2025', { HOME_POST: 'LS12CD', PLACE: 'P1' })] },
    { Episodes: [1] },
  );
  F('398', { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025', { LS: 'V3' }), ep('3', '01/05/2025', { LS: 'V4', HOME_POST: '' })] }, { Episodes: [1] });
  F('420', { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025', { LS: 'V3' }), ep('3', '01/05/2025', { LS: 'V4', PL_POST: '' })] }, { Episodes: [1] });
  F(
    '406',
    { Episodes: [ep('1', '01/05/2025'), ep('2', '01/05/2025'), ep('3', '01/05/2025', { HOME_POST: '' })], UASC: [{ CHILD: '2' }, { CHILD: '3' }] },
    { Episodes: [1] },
  );
});

describe('SSDA903 rules against last year’s return', () => {
  const h = (child: string, more: Record<string, string>) => hd(child, '01/01/2010', more);
  F(
    '202',
    { Header: [h('1', { SEX: 'F' }), h('2', { SEX: 'M' }), h('3', { SEX: 'M' })] },
    { Header: [1] },
    { previous: { Header: [h('1', { SEX: 'F' }), h('2', { SEX: 'F' })] } },
  );
  F(
    '203',
    { Header: [hd('1', '01/01/2010'), hd('2', '02/01/2010')] },
    { Header: [1] },
    { previous: { Header: [hd('1', '01/01/2010'), hd('2', '01/01/2010')] } },
  );
  F('204', { Header: [h('1', {}), h('2', { ETHNIC: 'WIRI' })] }, { Header: [1] }, { previous: { Header: [h('1', {}), h('2', {})] } });
  F(
    '208',
    { Header: [h('1', {}), h('2', { UPN: 'B123456789012' }), h('3', { UPN: 'UN2' })] },
    { Header: [1, 2] },
    { previous: { Header: [h('1', { UPN: 'UN1' }), h('2', {}), h('3', {})] } },
  );
  F(
    '624',
    { Header: [h('1', { MC_DOB: '01/01/2024' }), h('2', { MC_DOB: '02/01/2024' })] },
    { Header: [1] },
    { previous: { Header: [h('1', { MC_DOB: '01/01/2024' }), h('2', { MC_DOB: '01/01/2024' })] } },
  );
  F(
    '207',
    { Header: [h('1', { MOTHER: '1' }), h('2', { MOTHER: '0' })] },
    { Header: [1] },
    { previous: { Header: [h('1', { MOTHER: '0' }), h('2', { MOTHER: '1' })] } },
  );
  F(
    '626',
    { Header: [h('1', { MOTHER: '1', MC_DOB: '01/06/2025' }), h('2', { MOTHER: '1', MC_DOB: '01/01/2025' })] },
    { Header: [1] },
    { previous: { Header: [h('1', { MOTHER: '0' }), h('2', { MOTHER: '0' })] } },
  );
  const last = { Episodes: [ep('1', '01/01/2024'), ep('2', '01/01/2024'), closed('3', '01/01/2024', '01/02/2025', 'E13')] };
  F('502', { Episodes: [ep('1', '01/01/2024'), ep('2', '02/01/2024'), ep('3', '01/05/2025')] }, { Episodes: [1] }, { previous: last });
  for (const [code, field, value] of [
    ['503A', 'RNE', 'P'],
    ['503B', 'LS', 'C1'],
    ['503C', 'CIN', 'N2'],
    ['503D', 'PLACE', 'U6'],
    ['503E', 'PLACE_PROVIDER', 'PR4'],
    ['503F', 'URN', 'SC999999'],
  ] as const) {
    F(code, { Episodes: [ep('1', '01/01/2024'), ep('2', '01/01/2024', { [field]: value })] }, { Episodes: [1] }, { previous: last });
  }
  F('562', { Episodes: [ep('1', '01/01/2024'), ep('2', '01/02/2024'), ep('4', '01/02/2024')] }, { Episodes: [1] }, { previous: last });
  F('NoE', { Episodes: [ep('1', '01/01/2024'), ep('4', '01/02/2024'), ep('5', '01/05/2025')] }, { Episodes: [1] }, { previous: last });
  F(
    '576',
    { Missing: [{ CHILD: '1', MISSING: 'M', MIS_START: '01/03/2025' }] },
    { Missing_last: [1] },
    {
      previous: {
        Missing: [
          { CHILD: '1', MISSING: 'M', MIS_START: '01/03/2025' },
          { CHILD: '2', MISSING: 'M', MIS_START: '01/03/2025' },
          { CHILD: '3', MISSING: 'M', MIS_START: '01/03/2025', MIS_END: '02/03/2025' },
        ],
      },
    },
  );
  F(
    '706',
    { DoLo: [{ CHILD: '1', DOLO_START: '01/03/2026' }] },
    { DoLo_last: [1] },
    {
      year: 2027,
      previous: {
        DoLo: [
          { CHILD: '1', DOLO_START: '01/03/2026' },
          { CHILD: '2', DOLO_START: '01/03/2026' },
        ],
      },
    },
  );
  F(
    '205A',
    { Header: [h('1', {}), h('2', {}), h('3', {})], UASC: [{ CHILD: '1' }] },
    { Header: [1] },
    { previous: { Header: [h('1', {}), h('2', {}), h('3', {})], UASC: [{ CHILD: '1' }, { CHILD: '2' }, { CHILD: '3', DUC: '01/02/2025' }] } },
  );
  F(
    '205B',
    {
      UASC: [
        { CHILD: '1', DUC: '01/02/2025' },
        { CHILD: '2', DUC: '' },
      ],
    },
    { UASC: [1] },
    {
      previous: {
        UASC: [
          { CHILD: '1', DUC: '01/02/2025' },
          { CHILD: '2', DUC: '01/02/2025' },
        ],
      },
    },
  );
  F(
    '205D',
    { Header: [h('1', {}), h('2', {}), h('3', {})], UASC: [{ CHILD: '1' }, { CHILD: '2' }, { CHILD: '3' }] },
    { UASC: [1] },
    { previous: { Header: [h('1', {}), h('2', {})], UASC: [{ CHILD: '1' }] } },
  );
  F(
    '348',
    {
      OC3: [
        { CHILD: '1', IN_TOUCH: 'DIED' },
        { CHILD: '2', IN_TOUCH: 'YES' },
      ],
    },
    { OC3: [1] },
    {
      previous: {
        OC3: [
          { CHILD: '1', IN_TOUCH: 'DIED' },
          { CHILD: '2', IN_TOUCH: 'DIED' },
        ],
      },
    },
  );
  const leaver = (child: string) => ({ CHILD: child, IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'U1' });
  F('1002', { Episodes: [ep('1', '01/05/2025')], OC3: [leaver('1'), leaver('2'), leaver('4')] }, { OC3: [2] }, { previous: last });
  F('1010', { Episodes: [ep('9', '01/05/2025')], OC3: [leaver('1'), leaver('3')] }, { OC3: [0] }, { previous: last });
  F(
    '559',
    {
      PlacedAdoption: [
        { CHILD: '1', DATE_PLACED: '01/01/2025' },
        { CHILD: '2', DATE_PLACED: '01/01/2025' },
        { CHILD: '3', DATE_PLACED: '01/05/2025' },
      ],
    },
    { PlacedAdoption: [1] },
    {
      previous: { PlacedAdoption: [{ CHILD: '1', DATE_PLACED: '01/01/2025' }] },
    },
  );
  F(
    '561',
    {
      PlacedAdoption: [
        { CHILD: '1', DATE_PLACED: '01/01/2025' },
        { CHILD: '2', DATE_PLACED: '01/01/2025' },
      ],
    },
    { PlacedAdoption: [1] },
    {
      previous: {
        PlacedAdoption: [
          { CHILD: '1', DATE_PLACED: '01/01/2025' },
          { CHILD: '2', DATE_PLACED: '01/01/2025', DATE_PLACED_CEASED: '01/02/2025' },
        ],
      },
    },
  );
});

describe('SSDA903 rules against Ofsted’s provider list', () => {
  const home: Provider = {
    urn: 'SC123456',
    placeCodes: ['K2'],
    providerCodes: ['PR4'],
    postcode: 'LS1 2CD',
    laCode: 'E08000035',
    registered: dayNumber(2020, 1, 1),
    closed: dayNumber(2025, 12, 31),
  };
  const opts = { providers: [home], laCode: 'E08000035' };
  const k2 = (child: string, more: Record<string, string> = {}) => ep(child, '01/05/2025', { PLACE: 'K2', PLACE_PROVIDER: 'PR4', ...more });
  F('1008', { Episodes: [k2('1'), k2('2', { URN: 'SC000001' }), k2('3', { URN: 'XXXXXXX' })] }, { Episodes: [1] }, opts);
  F('219', { Episodes: [k2('1'), k2('2', { PLACE: 'K1' })] }, { Episodes: [1] }, opts);
  F('224', { Episodes: [k2('1'), k2('2', { PLACE_PROVIDER: 'PR5' })] }, { Episodes: [1] }, opts);
  F('221', { Episodes: [k2('1', { PL_POST: 'LS12CD' }), k2('2', { PL_POST: 'LS1 9ZZ' }), k2('3', { PL_POST: 'LS1 9ZZ', LS: 'V3' })] }, { Episodes: [1] }, opts);
  F('227', { Episodes: [k2('1'), ep('2', '01/01/2026', { PLACE: 'K2', PLACE_PROVIDER: 'PR4' })] }, { Episodes: [1] }, opts);
  F('228', { Episodes: [closed('1', '01/05/2025', '31/12/2025', 'E13', { PLACE: 'K2', PLACE_PROVIDER: 'PR4' }), k2('2')] }, { Episodes: [1] }, opts);
  F('229', { Episodes: [k2('1', { PLACE_PROVIDER: 'PR1' }), k2('2', { PLACE_PROVIDER: 'PR2' }), k2('3')] }, { Episodes: [1] }, opts);
  it('a provider with no registration dates is not flagged by 227/228', () =>
    expectFlags('227', { Episodes: [k2('1')] }, {}, { providers: [{ ...home, registered: BLANK, closed: BLANK }] }));
});
