import { describe, expect, it } from 'vitest';
import { derivePlacements, distanceMiles, type PostcodeDirectory } from '../../src/returns/ssda903/postcodes.ts';
import { validateSsda903 } from '../../src/returns/ssda903/validate.ts';
import { ep, expectFlags, ret } from './helpers.ts';

// A tiny synthetic directory: two Herefordshire postcodes 16.1 km apart, one in Powys, one with no grid reference.
const HEREFORDSHIRE = 'E06000019';
const directory: PostcodeDirectory = new Map([
  ['HR12AA', { laCode: HEREFORDSHIRE, easting: 351000, northing: 240000 }],
  ['HR97AB', { laCode: HEREFORDSHIRE, easting: 360000, northing: 253350 }],
  ['LD16AA', { laCode: 'W06000023', easting: 305000, northing: 261000 }],
  ['HR11ZZ', { laCode: HEREFORDSHIRE, easting: Number.NaN, northing: Number.NaN }],
]);
const opts = { postcodes: directory, laCode: HEREFORDSHIRE };
const at = (child: string, home: string, place: string, more: Record<string, string> = {}) =>
  ep(child, '01/05/2025', { HOME_POST: home, PL_POST: place, ...more });

describe('placement facts derived from the ONS Postcode Directory', () => {
  it('gives the distance in miles by the DfE formula, PL_LA with the country outside England, and IN or OUT', () => {
    expect(distanceMiles({ laCode: '', easting: 0, northing: 0 }, { laCode: '', easting: 0, northing: 16093 })).toBe(10);
    const d = derivePlacements(
      { home: ['HR1 2AA', 'HR1 2AA', 'XX1 1XX', 'HR1 2AA'], place: ['HR9 7AB', 'LD1 6AA', 'HR9 7AB', 'HR1 1ZZ'] },
      directory,
      HEREFORDSHIRE,
    );
    expect(d.plLa).toEqual([HEREFORDSHIRE, 'WAL', HEREFORDSHIRE, HEREFORDSHIRE]);
    expect(d.plLocation).toEqual(['IN', 'OUT', 'IN', 'IN']);
    expect(d.distance[0]).toBe(10);
    expect(Number.isNaN(d.distance[2]!)).toBe(true); // home postcode not in the directory
    expect(Number.isNaN(d.distance[3]!)).toBe(true); // no grid reference
  });

  it('lists the directory rules as not run without it, and runs them with it', () => {
    const rows = { Episodes: [at('1', 'HR1 2AA', 'HR9 7AB')] };
    const without = validateSsda903(ret(rows, { laCode: HEREFORDSHIRE }));
    expect(without.notRun.find((n) => n.code === '169')?.reason).toMatch(/Postcode Directory/);
    const withDir = validateSsda903(ret(rows, opts));
    expect(withDir.ran).toContain('169');
    expect(withDir.failures).toEqual([]);
  });
});

describe('SSDA903 postcode rules with the directory', () => {
  it('392c: a postcode not in the directory is invalid, whatever its shape', () =>
    expectFlags('392c', { Episodes: [at('1', 'HR1 2AA', 'HR9 7AB'), at('2', 'HR1 2AA', 'HR9 9ZZ'), at('3', 'HR1 2AA', '')] }, { Episodes: [1] }, opts));
  it('392a: no distance for a looked-after child (not a short break, not UASC)', () =>
    expectFlags(
      '392a',
      {
        Episodes: [at('1', 'HR1 2AA', 'HR9 7AB'), at('2', 'HR1 2AA', 'HR9 9ZZ'), at('3', 'HR1 2AA', '', { LS: 'V3' }), at('4', '', '')],
        UASC: [{ CHILD: '4', SEX: 'M', DOB: '01/01/2010', DUC: '01/01/2028' }],
      },
      { Episodes: [1] },
      opts,
    ));
  it('169 and 179: no placement LA or location when PL_POST is not in the directory', () => {
    const rows = { Episodes: [at('1', 'HR1 2AA', 'HR9 7AB'), at('2', 'HR1 2AA', 'HR9 9ZZ'), at('3', '', '', { LS: 'V4' })] };
    expectFlags('169', rows, { Episodes: [1] }, opts);
    expectFlags('179', rows, { Episodes: [1] }, opts);
  });
  it('1015: own provision (PR1, not foster or adoption) placed outside the council', () =>
    expectFlags(
      '1015',
      {
        Episodes: [
          at('1', 'HR1 2AA', 'HR9 7AB', { PLACE: 'K2' }),
          at('2', 'HR1 2AA', 'LD1 6AA', { PLACE: 'K2' }),
          at('3', 'HR1 2AA', 'LD1 6AA', { PLACE: 'U1' }),
          at('4', 'HR1 2AA', 'LD1 6AA', { PLACE: 'K2', PLACE_PROVIDER: 'PR2' }),
        ],
      },
      { Episodes: [1] },
      opts,
    ));
  it('420: a placement LA for a short break', () =>
    expectFlags(
      '420',
      { Episodes: [at('1', 'HR1 2AA', 'HR9 7AB', { LS: 'V3' }), at('2', '', '', { LS: 'V3' }), at('3', 'HR1 2AA', 'HR9 7AB')] },
      { Episodes: [0] },
      opts,
    ));
  it('406: a UASC child with a distance', () =>
    expectFlags(
      '406',
      { Episodes: [at('1', 'HR1 2AA', 'HR9 7AB'), at('2', 'HR1 2AA', 'HR1 1ZZ')], UASC: [{ CHILD: '1' }, { CHILD: '2' }] },
      { Episodes: [0] },
      opts,
    ));
  it('454: more than 350 miles', () => {
    const far: PostcodeDirectory = new Map([...directory, ['ZE11AA', { laCode: 'S12000027', easting: 446000, northing: 1141000 }]]);
    expectFlags('454', { Episodes: [at('1', 'HR1 2AA', 'ZE1 1AA'), at('2', 'HR1 2AA', 'HR9 7AB')] }, { Episodes: [0] }, { ...opts, postcodes: far });
  });
});

describe('placement facts compared with last year’s return', () => {
  // Each child's placement was open at 31 March 2025; this year's first episode continues it (same start, same RNE).
  const last = (child: string, place: string) => ep(child, '01/01/2025', { HOME_POST: 'HR1 2AA', PL_POST: place });
  const now = (child: string, place: string) => ep(child, '01/01/2025', { HOME_POST: 'HR1 2AA', PL_POST: place });
  const previous = { Episodes: [last('1', 'HR9 7AB'), last('2', 'HR9 7AB'), last('3', 'HR9 7AB'), last('4', 'XX1 1XX')] };
  // Child 1 unchanged; child 2's placement is now in Powys; child 3's is the home postcode (distance 0);
  // child 4's last postcode is not in the directory (392c's finding last year), so nothing is compared.
  const rows = { Episodes: [now('1', 'HR9 7AB'), now('2', 'LD1 6AA'), now('3', 'HR1 2AA'), now('4', 'HR9 7AB')] };
  const o = { ...opts, previous };
  it('503H and 452: PL_LA of the first episode must match last year’s open episode', () => {
    expectFlags('503H', rows, { Episodes: [1] }, o);
    expectFlags('452', rows, { Episodes: [1] }, o);
  });
  it('503G and 453: PL_DISTANCE must match', () => {
    expectFlags('503G', rows, { Episodes: [1, 2] }, o);
    expectFlags('453', rows, { Episodes: [1, 2] }, o);
  });
  it('503J: PL_LOCATION must match', () => expectFlags('503J', rows, { Episodes: [1] }, o));
  it('452 compares only an episode with the same reason for new episode; 503H only one with the same start', () => {
    const moved = { Episodes: [ep('2', '01/01/2025', { HOME_POST: 'HR1 2AA', PL_POST: 'LD1 6AA', RNE: 'P' })] };
    expectFlags('452', moved, {}, o);
    expectFlags('503H', moved, { Episodes: [0] }, o);
    const later = { Episodes: [ep('2', '01/06/2025', { HOME_POST: 'HR1 2AA', PL_POST: 'LD1 6AA' })] };
    expectFlags('503H', later, {}, o);
    expectFlags('452', later, { Episodes: [0] }, o);
  });
});
