// SSDA903 rules of the adoption tables, AD1 and PlacedAdoption (src/returns/ssda903/rules-adoption.ts).
import { describe } from 'vitest';
import { closed, ep, hd, itFlags } from './helpers.ts';

// The collection year is 1 April 2025 – 31 March 2026 throughout.
const F = itFlags;

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
