import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { upnFromParts } from '../../src/identifiers.ts';
import { referenceFile } from '../../src/reference.ts';
import { CIN_CENSUS_2025_26_DEFINITIONS } from '../../src/returns/cin-census/definitions.ts';
import { type CensusChild, type CensusCpPlan, type CensusEpisode, type CensusHeader, censusYear } from '../../src/returns/cin-census/model.ts';
import { CIN_CENSUS_2025_26_NOT_IMPLEMENTED, CIN_CENSUS_2025_26_RULES, validateCinCensus } from '../../src/returns/cin-census/rules.ts';

// The 2025/26 collection: 1 April 2025 to 31 March 2026.
const YEAR = censusYear(2026, ['875', '876']);
const HEADER: CensusHeader = { collection: 'CIN', year: '2026', referenceDate: '2026-03-31', laNumber: '875' };

/**
 * A child whose return breaks no rule: referred in May 2025, assessed, a section 47 enquiry,
 * an initial conference on Wednesday 28 May and a plan from that day, ended 1 October 2025 and
 * stepped down to a child-in-need plan that is still open.
 */
function goodChild(): CensusChild {
  return {
    laChildId: 'C000001',
    upn: upnFromParts('875', '00000001', '1'),
    formerUpn: null,
    upnUnknown: null,
    birthDate: '2015-06-10',
    expectedBirthDate: null,
    sex: 'F',
    deathDate: null,
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
    episodes: [
      {
        referralDate: '2025-05-01',
        referralSource: '2A',
        primaryNeed: 'N1',
        closureDate: null,
        closureReason: null,
        icpcDate: null,
        referralNfa: '0',
        assessments: [{ startDate: '2025-05-02', internalReviewDate: null, authorisationDate: '2025-06-10', factors: ['3B', '4B'] }],
        cinPlans: [{ startDate: '2025-10-01', endDate: null }],
        section47s: [{ startDate: '2025-05-05', icpcTarget: '2025-05-27', icpcDate: '2025-05-28', icpcNotRequired: '0' }],
        cpPlans: [
          {
            startDate: '2025-05-28',
            endDate: '2025-10-01',
            initialCategory: 'NEG',
            latestCategory: 'NEG',
            previousPlans: '0',
            reviews: ['2025-08-20'],
          },
        ],
      },
    ],
  };
}

/** A second, earlier episode: referred and closed with no further action. */
function nfaEpisode(): CensusEpisode {
  return {
    referralDate: '2025-04-10',
    referralSource: '1A',
    primaryNeed: null,
    closureDate: '2025-04-10',
    closureReason: 'RC7',
    icpcDate: null,
    referralNfa: '1',
    assessments: [],
    cinPlans: [],
    section47s: [],
    cpPlans: [],
  };
}

const codesFor = (child: CensusChild, header = HEADER) => validateCinCensus(header, [child], YEAR).map((f) => f.code);
const childOnly = (codes: string[]) => codes.filter((c) => !['2887Q', '2888Q'].includes(c));

type Edit = (c: CensusChild, ep: CensusEpisode) => void;
/** For each rule: an edit to the good child that breaks it (and only what it must). */
const BREAKS: Record<string, Edit> = {
  '1103': (_c, ep) => ((ep.assessments[0] as { startDate: string }).startDate = '2025-04-30'),
  '1104': (_c, ep) => ((ep.section47s[0] as { icpcDate: string }).icpcDate = '2025-04-30'),
  '1105': (_c, ep) => ((ep.cpPlans[0] as { startDate: string }).startDate = '2025-04-30'),
  '1510': (c) => (c.upn = `${(c.upn as string)[0] === 'A' ? 'B' : 'A'}${(c.upn as string).slice(1)}`),
  '1530': (c) => (c.upn = upnFromParts('999', '00000001', '1')),
  '1540': (c) => (c.upn = `${(c.upn as string).slice(0, 5)}X${(c.upn as string).slice(6)}`),
  '1550': (c) => (c.upn = `${(c.upn as string).slice(0, 12)}I`),
  '1560Q': (c) => (c.formerUpn = 'ABC'),
  '1570': (c) => (c.laChildId = 'C12345678901234567890'),
  '1580': (c) => (c.laChildId = 'C-0001'),
  '2883': (_c, ep) => ep.cpPlans.push({ ...(ep.cpPlans[0] as CensusCpPlan), startDate: '2025-11-05', endDate: '2025-12-01' }),
  '2884': (_c, ep) => (ep.icpcDate = '2025-05-28'),
  '2885': (_c, ep) => ((ep.cpPlans[0] as { startDate: string }).startDate = '2025-05-29'),
  '2889': (_c, ep) => ((ep.section47s[0] as { startDate: string }).startDate = '2025-04-29'),
  '2990': (_c, ep) => {
    ep.closureDate = '2026-01-10';
    ep.closureReason = 'RC8';
    (ep.cinPlans[0] as { endDate: string | null }).endDate = '2026-01-10';
  },
  '2991Q': (_c, ep) => (ep.assessments = []),
  '4000': (_c, ep) => (ep.referralNfa = '1'),
  '4001': (_c, ep) => ((ep.cpPlans[0] as { endDate: string | null }).endDate = null),
  '4003': (_c, ep) => (ep.cpPlans[0] as { reviews: string[] }).reviews.push('2025-10-15'),
  '4004': (_c, ep) => ep.cinPlans.push({ startDate: '2026-01-01', endDate: null }),
  '4008': (c) => (c.deathDate = '2025-09-01'),
  '4009Q': (c, ep) => {
    c.deathDate = '2025-12-01';
    (ep.cinPlans[0] as { endDate: string | null }).endDate = '2025-12-05';
  },
  '4010': (_c, ep) => ((ep.cinPlans[0] as { startDate: string | null }).startDate = null),
  '4011': (_c, ep) => ((ep.cinPlans[0] as { endDate: string | null }).endDate = '2025-09-30'),
  '4012Q': (_c, ep) => ((ep.cinPlans[0] as { endDate: string | null }).endDate = '2025-10-01'),
  '4013': (_c, ep) => ((ep.cinPlans[0] as { endDate: string | null }).endDate = '2026-04-02'),
  '4014': (_c, ep) => ep.cinPlans.push({ startDate: '2025-11-01', endDate: '2025-12-01' }),
  '4015': (_c, ep) => ep.cinPlans.unshift({ startDate: '2025-04-20', endDate: '2025-04-25' }),
  '4016': (_c, ep) => ep.cinPlans.unshift({ startDate: '2025-06-01', endDate: '2025-06-05' }),
  '4017': (_c, ep) => ep.cinPlans.unshift({ startDate: '2025-05-10', endDate: '2025-06-05' }),
  '4180': (c) => (c.sex = '1'),
  '4220': (c) => (c.ethnicity = 'XXXX'),
  '8500': (c) => (c.laChildId = null),
  '8520': (c) => (c.birthDate = '2026-04-01'),
  '8525Q': (c) => (c.expectedBirthDate = '2015-06-10'),
  '8530Q': (c) => {
    c.birthDate = null;
    c.sex = 'U';
    c.expectedBirthDate = '2027-01-05';
  },
  '8535Q': (c) => (c.deathDate = '2015-01-01'),
  '8540': (c) => (c.disabilities = ['NONE', 'WHEEL'].slice(1)),
  '8545Q': (c) => (c.deathDate = '2026-04-10'),
  '8555Q': (c) => (c.deathDate = '2025-04-20'),
  '8565': (_c, ep) => {
    ep.closureDate = '2025-09-01';
    ep.closureReason = 'RC7';
  },
  '8568': (_c, ep) => (ep.referralNfa = 'maybe'),
  '8569Q': (c) => c.episodes.unshift({ ...nfaEpisode(), referralDate: '2025-03-01', closureDate: '2025-04-01', closureReason: 'RC7' }),
  '8585Q': (c) => c.episodes.unshift({ ...nfaEpisode(), closureReason: 'RC2' }),
  '8590': (c) => (c.episodes = []),
  '8600': (_c, ep) => (ep.referralDate = null),
  '8606': (c) => (c.birthDate = '2026-03-01'),
  '8608': (_c, ep) => ((ep.assessments[0] as { authorisationDate: string }).authorisationDate = '2025-05-01'),
  '8610': (_c, ep) => (ep.primaryNeed = null),
  '8614': (_c, ep) => ((ep.assessments[0] as { authorisationDate: string | null }).authorisationDate = null),
  '8615': (_c, ep) => ((ep.section47s[0] as { startDate: string }).startDate = '2025-05-29'),
  '8620': (_c, ep) => {
    ep.closureDate = '2026-04-05';
    ep.closureReason = 'RC7';
  },
  '8630': (c) => c.episodes.unshift({ ...nfaEpisode(), closureDate: '2025-04-09' }),
  '8640': (c) => c.episodes.unshift({ ...nfaEpisode(), closureReason: 'RC10' }),
  '8650': (_c, ep) => (ep.primaryNeed = 'N10'),
  '8670Q': (_c, ep) => ep.assessments.push({ startDate: '2025-12-01', internalReviewDate: null, authorisationDate: null, factors: null }),
  '8675Q': (_c, ep) => ep.section47s.push({ startDate: '2026-01-05', icpcTarget: null, icpcDate: null, icpcNotRequired: '0' }),
  '8696': (_c, ep) => ((ep.assessments[0] as { authorisationDate: string }).authorisationDate = '2026-04-01'),
  '8715': (_c, ep) => ((ep.section47s[0] as { icpcDate: string }).icpcDate = '2026-04-01'),
  '8720': (_c, ep) => ((ep.cpPlans[0] as { startDate: string | null }).startDate = null),
  '8730': (_c, ep) => ((ep.cpPlans[0] as { previousPlans: string | null }).previousPlans = null),
  '8736': (c) =>
    (c.episodes[0] as CensusEpisode).assessments.push({ startDate: '2025-03-01', internalReviewDate: null, authorisationDate: null, factors: null }),
  '8740': (_c, ep) => ep.section47s.push({ startDate: '2025-03-20', icpcTarget: null, icpcDate: null, icpcNotRequired: '0' }),
  '8750': (c) => {
    c.birthDate = null;
    c.expectedBirthDate = '2026-05-01';
  },
  '8770Q': (c) => {
    c.upn = null;
    c.upnUnknown = 'UN1';
  },
  '8772': (c) => {
    c.upn = null;
    c.upnUnknown = 'UN7';
  },
  '8775Q': (c) => (c.birthDate = '2000-01-01'),
  '8790': (c) => (c.disabilities = ['NONE', 'MOB']),
  '8794': (c) => (c.disabilities = ['MOB', 'MOB']),
  '8805': (c) => c.episodes.unshift({ ...nfaEpisode(), closureReason: null }),
  '8810': (c) => c.episodes.unshift({ ...nfaEpisode(), closureDate: null }),
  '8815': (c) => c.episodes.push({ ...nfaEpisode(), referralDate: '2026-02-01', referralNfa: '0', closureDate: null, closureReason: null, primaryNeed: 'N4' }),
  '8816': (c) => c.episodes.push({ ...nfaEpisode(), referralDate: '2026-02-01' }),
  '8820': (c) => c.episodes.unshift({ ...nfaEpisode(), closureDate: '2025-05-10', closureReason: 'RC7' }),
  '8825Q': (c) => c.episodes.unshift({ ...nfaEpisode(), referralNfa: '0', primaryNeed: 'N5', closureReason: 'RC9' }),
  '8831': (c) => c.episodes.unshift({ ...nfaEpisode(), section47s: [{ startDate: '2025-04-10', icpcTarget: null, icpcDate: null, icpcNotRequired: '1' }] }),
  '8832': (c) => {
    const ep = nfaEpisode();
    ep.cpPlans = [{ startDate: '2025-04-10', endDate: '2025-04-10', initialCategory: 'NEG', latestCategory: 'NEG', previousPlans: '0', reviews: null }];
    c.episodes.unshift(ep);
  },
  '8839': (_c, ep) => {
    ep.section47s.push({ startDate: '2026-03-10', icpcTarget: null, icpcDate: null, icpcNotRequired: '0' });
    ep.section47s.push({ startDate: '2026-03-12', icpcTarget: null, icpcDate: null, icpcNotRequired: '0' });
  },
  '8840': (_c, ep) => ((ep.cpPlans[0] as { endDate: string }).endDate = '2025-05-28'),
  '8841': (_c, ep) => (ep.cpPlans[0] as { reviews: string[] }).reviews.unshift('2025-05-28'),
  '8842Q': (_c, ep) => (ep.cpPlans[0] as { reviews: (string | null)[] }).reviews.push(''),
  '8863Q': (_c, ep) => ep.assessments.push({ startDate: '2025-06-01', internalReviewDate: null, authorisationDate: '2025-06-20', factors: ['20'] }),
  '8866': (_c, ep) => (ep.referralSource = '11'),
  '8867': (_c, ep) => {
    ep.closureDate = '2026-03-01';
    ep.closureReason = 'RC7';
    (ep.cinPlans[0] as { endDate: string | null }).endDate = '2026-03-01';
    ep.assessments.push({ startDate: '2026-02-01', internalReviewDate: null, authorisationDate: null, factors: null });
  },
  '8868': (_c, ep) => {
    ep.closureDate = '2026-03-01';
    ep.closureReason = 'RC7';
    (ep.cinPlans[0] as { endDate: string | null }).endDate = '2026-03-01';
    ep.section47s.push({ startDate: '2026-02-01', icpcTarget: null, icpcDate: null, icpcNotRequired: '0' });
  },
  '8869': (_c, ep) => (ep.assessments[0] as { factors: string[] }).factors.push('21'),
  '8870Q': (_c, ep) => ((ep.section47s[0] as { icpcTarget: string }).icpcTarget = '2025-05-31'),
  '8873Q': (c) => {
    c.episodes.unshift({
      ...nfaEpisode(),
      referralNfa: '0',
      primaryNeed: 'N4',
      closureDate: '2025-04-20',
      closureReason: 'RC7',
      assessments: [{ startDate: '2025-04-10', internalReviewDate: null, authorisationDate: '2025-04-20', factors: ['21'] }],
    });
  },
  '8875': (_c, ep) => {
    (ep.section47s[0] as { icpcDate: string }).icpcDate = '2025-05-31';
    (ep.cpPlans[0] as { startDate: string }).startDate = '2025-05-31';
  },
  '8890': (_c, ep) => ep.section47s.push({ startDate: '2025-05-10', icpcTarget: null, icpcDate: null, icpcNotRequired: '1' }),
  '8896': (_c, ep) => {
    ep.assessments.push({ startDate: '2026-03-01', internalReviewDate: null, authorisationDate: null, factors: null });
    ep.assessments.push({ startDate: '2026-03-02', internalReviewDate: null, authorisationDate: null, factors: null });
  },
  '8897Q': (_c, ep) => ((ep.assessments[0] as { factors: string[] | null }).factors = null),
  '8898': (_c, ep) => ((ep.assessments[0] as { factors: string[] }).factors = ['3B', '3B']),
  '8905': (_c, ep) => ((ep.cpPlans[0] as { initialCategory: string }).initialCategory = 'XYZ'),
  '8910': (_c, ep) => ((ep.cpPlans[0] as { latestCategory: string | null }).latestCategory = null),
  '8915': (c, ep) => {
    c.deathDate = '2025-05-20';
    ep.cinPlans = [];
  },
  '8920': (c, ep) => {
    c.deathDate = '2025-09-20';
    (ep.cinPlans[0] as { startDate: string }).startDate = '2025-09-01';
  },
  '8925': (_c, ep) => ((ep.cpPlans[0] as { endDate: string }).endDate = '2025-05-27'),
  '8930': (_c, ep) => ((ep.cpPlans[0] as { endDate: string }).endDate = '2026-04-01'),
  '8935': (_c, ep) => {
    (ep.cpPlans[0] as { endDate: string | null }).endDate = null;
    ep.cinPlans = [];
    ep.cpPlans.push({ ...(ep.cpPlans[0] as CensusCpPlan), startDate: '2025-12-01' });
  },
  '8940': (_c, ep) => ep.cpPlans.push({ ...(ep.cpPlans[0] as CensusCpPlan), startDate: '2025-09-01', endDate: '2025-09-30' }),
  '8945Q': (_c, ep) => ((ep.assessments[0] as { factors: string[] }).factors = ['18A']),
  '8950Q': (_c, ep) => ((ep.assessments[0] as { factors: string[] }).factors = ['19A']),
};

describe('CIN census rules 2025/26', () => {
  it('are the DfE’s list exactly: every code, type and message of the reference file', () => {
    const tsv = readFileSync(referenceFile('rules/cin-census-2025_26.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(CIN_CENSUS_2025_26_DEFINITIONS.map((r) => [r.code, r.severity === 'error' ? 'ERROR' : 'QUERY', r.module, r.fields.join(';'), r.message])).toEqual(
      tsv,
    );
  });

  it('implements every rule in the list', () => {
    expect(CIN_CENSUS_2025_26_NOT_IMPLEMENTED).toEqual([]);
    expect(CIN_CENSUS_2025_26_RULES).toHaveLength(109);
  });

  it('pass a return that breaks no rule', () => {
    expect(childOnly(codesFor(goodChild()))).toEqual([]);
    const withNfa = goodChild();
    withNfa.episodes.unshift(nfaEpisode());
    expect(childOnly(codesFor(withNfa))).toEqual([]);
  });

  const childRules = CIN_CENSUS_2025_26_RULES.filter((r) => r.scope === 'child');
  it.each(childRules.map((r) => r.code))('rule %s fails the child built to break it, naming the child and where', (code) => {
    const edit = BREAKS[code];
    expect(edit, `no breaking example for ${code}`).toBeDefined();
    const child = goodChild();
    (edit as Edit)(child, child.episodes[0] as CensusEpisode);
    const failures = validateCinCensus(HEADER, [child], YEAR).filter((f) => f.code === code);
    expect(failures.length).toBeGreaterThan(0);
    const rule = CIN_CENSUS_2025_26_DEFINITIONS.find((r) => r.code === code);
    expect(failures[0]).toMatchObject({ childId: child.laChildId, message: rule?.message, severity: rule?.severity });
  });

  it('names the module and row of a failure', () => {
    const child = goodChild();
    (BREAKS['8608'] as Edit)(child, child.episodes[0] as CensusEpisode);
    const [f] = validateCinCensus(HEADER, [child], YEAR).filter((x) => x.code === '8608');
    expect(f).toMatchObject({
      module: 'Assessments',
      row: 'CINdetails 1 / Assessments 1',
      fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    });
  });

  it('rule 100: the reference date must be 31 March of the collection year', () => {
    expect(codesFor(goodChild(), { ...HEADER, referenceDate: '2026-03-31' })).not.toContain('100');
    expect(codesFor(goodChild(), { ...HEADER, referenceDate: '2025-03-31' })).toContain('100');
  });

  it('rules 1520 and 8510: a UPN or an LA child id used twice names both children', () => {
    const a = goodChild();
    const b = { ...goodChild(), laChildId: 'C000002' };
    const c = { ...goodChild(), laChildId: 'C000002', upn: upnFromParts('875', '00000002', '1') };
    const failures = validateCinCensus(HEADER, [a, b, c], YEAR);
    expect(failures.filter((f) => f.code === '1520').map((f) => f.childId)).toEqual(['C000001', 'C000002']);
    expect(failures.filter((f) => f.code === '8510').map((f) => f.childId)).toEqual(['C000002', 'C000002']);
    expect(validateCinCensus(HEADER, [a, c], YEAR).map((f) => f.code)).not.toContain('1520');
  });

  it('rule 2886Q: more than 2% of born children with no sex recorded', () => {
    const children: CensusChild[] = Array.from({ length: 50 }, (_, i) => ({ ...goodChild(), laChildId: `C${i}`, upn: null, upnUnknown: 'UN2' }));
    expect(validateCinCensus(HEADER, children, YEAR).map((f) => f.code)).not.toContain('2886Q');
    children[0] = { ...(children[0] as CensusChild), sex: 'U' };
    expect(validateCinCensus(HEADER, children, YEAR).map((f) => f.code)).not.toContain('2886Q'); // 1 in 50 = 2%
    children[1] = { ...(children[1] as CensusChild), sex: 'U' };
    expect(validateCinCensus(HEADER, children, YEAR).map((f) => f.code)).toContain('2886Q');
  });

  it('rules 2887Q and 2888Q: too few disability codes used, and never more than one a child', () => {
    const codes = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'];
    const seven = codes.slice(0, 7).map((x, i) => ({ ...goodChild(), laChildId: `C${i}`, upn: null, upnUnknown: 'UN2', disabilities: [x] }));
    const seven2 = validateCinCensus(HEADER, seven, YEAR).map((f) => f.code);
    expect(seven2).toContain('2887Q');
    expect(seven2).toContain('2888Q');
    const eight = [...seven, { ...goodChild(), laChildId: 'C8', upn: null, upnUnknown: 'UN2', disabilities: ['VIS', 'AUT'] }];
    const eight2 = validateCinCensus(HEADER, eight, YEAR).map((f) => f.code);
    expect(eight2).not.toContain('2887Q');
    expect(eight2).not.toContain('2888Q');
  });

  // Readings corrected against the DfE's text after comparing with data-to-insight's validator.
  it('rule 1530: the DfE list of UPN LA codes, old councils and pseudo-LAs included', () => {
    const old = goodChild();
    old.upn = upnFromParts('835', '00000001', '1'); // Dorset before 2019: no longer a council, still a valid UPN
    expect(childOnly(codesFor(old))).not.toContain('1530');
    const pseudo = goodChild();
    pseudo.upn = upnFromParts('001', '00000001', '1');
    expect(childOnly(codesFor(pseudo))).not.toContain('1530');
    const none = goodChild();
    none.upn = upnFromParts('999', '00000001', '1');
    expect(childOnly(codesFor(none))).toContain('1530');
  });

  it('rules 8715 and 8875: the Section 47 conference date, not the CINdetails-level one', () => {
    const cinLevel = goodChild();
    (cinLevel.episodes[0] as CensusEpisode).icpcDate = '2025-03-01'; // before the year, a Saturday
    const codes = childOnly(codesFor(cinLevel));
    expect(codes).not.toContain('8715');
    expect(codes).not.toContain('8875');
    const s47 = goodChild();
    ((s47.episodes[0] as CensusEpisode).section47s[0] as { icpcDate: string }).icpcDate = '2025-03-01';
    expect(childOnly(codesFor(s47))).toContain('8715');
  });

  it('rule 8873Q: a lone "no factors" assessment on an episode still open is queried; closed RC8, it is not', () => {
    const open = goodChild();
    ((open.episodes[0] as CensusEpisode).assessments[0] as { factors: string[] }).factors = ['21'];
    expect(childOnly(codesFor(open))).toContain('8873Q');
    const closed = goodChild();
    closed.episodes.unshift({
      ...nfaEpisode(),
      closureDate: '2025-04-20',
      closureReason: 'RC8',
      assessments: [{ startDate: '2025-04-10', internalReviewDate: null, authorisationDate: '2025-04-20', factors: ['21'] }],
    });
    expect(childOnly(codesFor(closed))).not.toContain('8873Q');
  });

  it('reads yes/no as 0/1 or true/false', () => {
    const child = goodChild();
    (child.episodes[0] as CensusEpisode).referralNfa = 'false';
    expect(childOnly(codesFor(child))).toEqual([]);
  });
});
