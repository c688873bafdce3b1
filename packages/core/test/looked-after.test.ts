import { describe, expect, it } from 'vitest';
import {
  ageOn,
  careChange,
  careHistory,
  type EpisodeRow,
  PLACEMENT_TYPE,
  placementProblems,
  placementsInYear,
  reasonForChange,
  registeredFor,
  rhiOfferedInTime,
  unregisteredReason,
} from '../src/looked-after.ts';

const rules = (problems: { field: string; rule: string }[]) => problems.map((p) => `${p.field} ${p.rule}`).sort();
const foster = { placementType: 'U6', placementProvider: 'PR1', urn: 'SC555555', placementPostcode: 'HR2 7AA', homePostcode: 'HR1 2AB', legalStatus: 'C2' };

describe('the 2025/26 placement types', () => {
  it('has K3 and Z11–Z14, and no longer H5, P2 or Z1', () => {
    expect(Object.keys(PLACEMENT_TYPE)).toEqual(expect.arrayContaining(['K3', 'Z11', 'Z12', 'Z13', 'Z14']));
    for (const gone of ['H5', 'P2', 'Z1']) expect(Object.keys(PLACEMENT_TYPE)).not.toContain(gone);
  });
});

describe('placement rules (903)', () => {
  it('a complete foster placement passes', () => {
    expect(placementProblems(foster)).toEqual([]);
  });
  it('178: no provider code for T0–T3 and Z11–Z14; 526: required otherwise; T4 either way', () => {
    expect(rules(placementProblems({ ...foster, placementType: 'Z12', urn: null }))).toEqual(['placementProvider 903-178']);
    expect(rules(placementProblems({ ...foster, placementType: 'T2', urn: null }))).toEqual(['placementProvider 903-178']);
    expect(rules(placementProblems({ ...foster, placementProvider: null }))).toEqual(['placementProvider 903-526']);
    expect(placementProblems({ ...foster, placementType: 'T4', urn: null })).toEqual([]);
    expect(placementProblems({ ...foster, placementType: 'T4', urn: null, placementProvider: null })).toEqual([]);
  });
  it('218/222: URN required for a children’s home, refused for a placement with parents (XXXXXXX tolerated)', () => {
    expect(rules(placementProblems({ ...foster, placementType: 'K2', urn: null }))).toEqual(['urn 903-218']);
    expect(placementProblems({ ...foster, placementType: 'K2', urn: null, providerId: 'p' })).toEqual([]);
    expect(rules(placementProblems({ ...foster, placementType: 'P1', placementProvider: 'PR0' }))).toEqual(['urn 903-222']);
    expect(placementProblems({ ...foster, placementType: 'P1', placementProvider: 'PR0', urn: 'XXXXXXX' })).toEqual([]);
  });
  it('392b–d and 214: postcodes present, real, and different unless placed with parents; none for short breaks', () => {
    expect(rules(placementProblems({ ...foster, placementPostcode: null, homePostcode: null }))).toEqual([
      'homePostcode 903-392b',
      'placementPostcode 903-392b',
    ]);
    expect(rules(placementProblems({ ...foster, placementPostcode: 'NOT A CODE' }))).toEqual(['placementPostcode 903-392c']);
    expect(rules(placementProblems({ ...foster, placementPostcode: 'hr1 2ab' }))).toEqual(['placementPostcode 903-392d']);
    expect(placementProblems({ ...foster, placementType: 'P1', placementProvider: 'PR0', urn: null, placementPostcode: 'HR1 2AB' })).toEqual([]);
    expect(rules(placementProblems({ ...foster, legalStatus: 'V3', urn: null }))).toEqual(['placementPostcode 903-214']);
    expect(placementProblems({ ...foster, legalStatus: 'V3', urn: null, placementPostcode: null })).toEqual([]);
  });
});

describe('the reason for a new episode', () => {
  it.each([
    [true, false, false, 'L'],
    [false, true, false, 'P'],
    [false, true, true, 'T'],
    [true, true, false, 'B'],
    [true, true, true, 'U'],
  ] as const)('legal %s, placement %s, same carer %s: %s', (legal, placement, same, rne) => {
    expect(reasonForChange(legal, placement, same)).toBe(rne);
  });
  it('a change needs something to change, and a placement change its reason (1009)', () => {
    const base = { episodeId: '6f1f0a3e-1d2b-4c3d-9e4f-5a6b7c8d9e0f', version: 1, date: '2026-04-01' };
    expect(careChange.safeParse(base).success).toBe(false);
    const noReason = careChange.safeParse({ ...base, placement: { placementType: 'U6' } });
    expect(noReason.error?.issues.map((i) => i.path.join('.'))).toEqual(['reasonPlaceChange']);
    expect(careChange.safeParse({ ...base, legalStatus: 'C2' }).success).toBe(true);
  });
});

describe('unregistered provision', () => {
  const home = {
    providerKind: 'childrens-home',
    registrationStatus: 'registered',
    registeredFor: ['K2'],
    registeredFrom: '2020-01-01',
    registeredTo: '2026-06-30',
  };
  it('a home registered for K2 on the day is registered; before, after or suspended it is not', () => {
    expect(registeredFor(home, 'K2', '2026-06-30')).toBe(true);
    expect(registeredFor(home, 'K2', '2026-07-01')).toBe(false);
    expect(registeredFor(home, 'K2', '2019-12-31')).toBe(false);
    expect(registeredFor(home, 'K1', '2026-01-01')).toBe(false);
    expect(registeredFor({ ...home, registrationStatus: 'suspended' }, 'K2', '2026-01-01')).toBe(false);
  });
  it('an unregistered children’s home, supported accommodation not registered, an under-16 in other arrangements', () => {
    expect(unregisteredReason(home, 'K2', '2012-01-01', '2026-01-01')).toBeNull();
    expect(unregisteredReason(home, 'K2', '2012-01-01', '2026-07-01')?.rule).toBe('unregistered-childrens-home');
    const sa = { providerKind: 'supported-accommodation', registrationStatus: 'registered', registeredFor: ['K3'], registeredFrom: null, registeredTo: null };
    expect(unregisteredReason(sa, 'K3', '2009-05-01', '2026-01-01')).toBeNull();
    expect(unregisteredReason({ ...sa, registrationStatus: 'unregistered' }, 'K3', '2009-05-01', '2026-01-01')?.rule).toBe(
      'supported-accommodation-not-registered',
    );
    // 16 on the day: allowed; the day before the 16th birthday: not.
    expect(unregisteredReason(sa, 'K3', '2010-01-01', '2026-01-01')).toBeNull();
    expect(unregisteredReason(sa, 'K3', '2010-01-02', '2026-01-01')?.rule).toBe('under-16-other-arrangements');
    const other = { providerKind: 'other-arrangements', registrationStatus: 'not-required', registeredFor: [], registeredFrom: null, registeredTo: null };
    expect(unregisteredReason(other, 'Z11', '2012-01-01', '2026-01-01')?.rule).toBe('under-16-other-arrangements');
    expect(unregisteredReason(other, 'Z11', '2008-01-01', '2026-01-01')?.rule).toBe('supported-accommodation-not-registered');
    const agency = { providerKind: 'fostering-agency', registrationStatus: 'registered', registeredFor: [], registeredFrom: null, registeredTo: null };
    expect(unregisteredReason(agency, 'U6', '2020-01-01', '2026-01-01')).toBeNull();
  });
  it('age in whole years, a leap-day birthday counting from 1 March', () => {
    expect(ageOn('2010-02-28', '2026-02-27')).toBe(15);
    expect(ageOn('2010-02-28', '2026-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
  });
});

describe('the return home interview', () => {
  it('is in time within exactly 72 hours of the return, across a weekend and the clocks', () => {
    expect(rhiOfferedInTime('2026-06-05T17:00:00Z', '2026-06-08T17:00:00Z')).toBe(true);
    expect(rhiOfferedInTime('2026-06-05T17:00:00Z', '2026-06-08T17:00:01Z')).toBe(false);
    // Clocks go back on Sunday 25 October 2026: 72 hours from Friday 18:00 BST is Monday 17:00 GMT.
    expect(rhiOfferedInTime('2026-10-23T18:00:00+01:00', '2026-10-26T17:00:00Z')).toBe(true);
    expect(rhiOfferedInTime('2026-10-23T18:00:00+01:00', '2026-10-26T18:00:00Z')).toBe(false);
    expect(rhiOfferedInTime('2026-06-05T17:00:00Z', null)).toBe(false);
  });
});

describe('the history from episodes', () => {
  const e = (n: number, over: Partial<EpisodeRow>): EpisodeRow => ({
    episodeId: `e${n}`,
    periodId: 'p1',
    placementId: 'a',
    startDate: '2026-01-01',
    endDate: null,
    reasonNewEpisode: 'S',
    legalStatus: 'V2',
    categoryOfNeed: 'N1',
    placementType: 'U6',
    placementProvider: 'PR1',
    providerId: null,
    urn: null,
    placementPostcode: null,
    reasonEnded: null,
    reasonPlaceChange: null,
    ...over,
  });
  const episodes = [
    e(3, { startDate: '2026-03-01', endDate: '2026-04-01', reasonNewEpisode: 'T', placementId: 'b', legalStatus: 'C1', reasonEnded: 'E4A' }),
    e(1, { endDate: '2026-02-01', reasonEnded: 'X1' }),
    e(2, { startDate: '2026-02-01', endDate: '2026-03-01', reasonNewEpisode: 'L', legalStatus: 'C1', reasonEnded: 'X1', reasonPlaceChange: 'CARPL' }),
    e(4, { periodId: 'p2', startDate: '2026-05-01', placementId: 'c', placementType: 'K2' }),
  ];
  it('groups periods, placements across an L, and legal statuses across a T', () => {
    const h = careHistory(episodes);
    expect(h.periods.map((p) => [p.startDate, p.endDate, p.reasonEnded, p.episodes.length])).toEqual([
      ['2026-01-01', '2026-04-01', 'E4A', 3],
      ['2026-05-01', null, null, 1],
    ]);
    expect(h.periods[0]?.placements.map((p) => [p.placementId, p.startDate, p.endDate, p.reasonChanged])).toEqual([
      ['a', '2026-01-01', '2026-03-01', 'CARPL'],
      ['b', '2026-03-01', '2026-04-01', null],
    ]);
    expect(h.periods[0]?.legalStatuses.map((s) => [s.legalStatus, s.startDate, s.endDate])).toEqual([
      ['V2', '2026-01-01', '2026-02-01'],
      ['C1', '2026-02-01', '2026-04-01'],
    ]);
    expect(placementsInYear(h, '2026-05-01')).toBe(3);
    expect(placementsInYear(h, '2027-01-15')).toBe(2);
    expect(placementsInYear(h, '2027-03-15')).toBe(1);
  });
});
