/** The CIN census rules judged one child at a time, by DfE rule code (rules.ts joins them to their definitions). */
import { addDays, addWorkingDays } from '../../calendar.ts';
import { DISABILITY, ETHNICITY, PRIMARY_NEED, REFERRAL_SOURCE } from '../../codes.ts';
import { CATEGORY_OF_ABUSE, CLOSURE_REASON } from '../../pathway.ts';
import { upnCheckLetter } from '../../identifiers.ts';
import type { RuleHit } from '../types.ts';
import { type CensusAssessment, yesNo } from './model.ts';
import { UPN_LA_CODES } from './upn-la-codes.ts';
import {
  allOf,
  ageOn,
  assessments,
  type ChildCheck,
  cinPlans,
  cpPlans,
  d,
  episodes,
  epRow,
  has,
  icpcDates,
  inYear,
  isWeekend,
  NFA,
  NON_COMPLETING,
  notRequired,
  overlaps,
  present,
  section47s,
  subRow,
  UPN_LAST,
  UPN_SHAPE,
  whole,
  workingDayBefore,
} from './check-helpers.ts';

export const childChecks: Record<string, ChildCheck> = {
  '1103': assessments((a, ep) => !!d(a.startDate) && !!d(ep.referralDate) && (d(a.startDate) as string) < (d(ep.referralDate) as string)),
  '1104': (child) =>
    child.episodes.flatMap((ep, i) => {
      const ref = d(ep.referralDate);
      if (!ref) return [];
      const hits: RuleHit[] = [];
      const cin = d(ep.icpcDate);
      if (cin && cin < ref) hits.push({ row: epRow(i), module: 'CINdetails', line: ep.line ?? null });
      ep.section47s.forEach((s, j) => {
        const icpc = d(s.icpcDate);
        if (icpc && icpc < ref) hits.push({ row: subRow(i, 'Section47', j), line: s.line ?? null });
      });
      return hits;
    }),
  '1105': cpPlans((p, ep) => !!d(p.startDate) && !!d(ep.referralDate) && (d(p.startDate) as string) < (d(ep.referralDate) as string)),
  '1510': whole(
    (c) => present(c.upn) && UPN_SHAPE.test(c.upn as string) && upnCheckLetter((c.upn as string).toUpperCase()) !== (c.upn as string)[0]?.toUpperCase(),
  ),
  // The DfE's list of codes, old councils and pseudo-LAs included (UPN_LA_CODES), not today's councils only.
  '1530': whole((c) => present(c.upn) && !UPN_LA_CODES.has((c.upn as string).slice(1, 4))),
  '1540': whole((c) => present(c.upn) && !/^\d{8}$/.test((c.upn as string).slice(4, 12))),
  '1550': whole((c) => present(c.upn) && !UPN_LAST.test((c.upn as string).slice(12, 13).toUpperCase() || '-')),
  '1560Q': whole((c) => present(c.formerUpn) && !/^[A-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test((c.formerUpn as string).toUpperCase())),
  '1570': whole((c) => present(c.laChildId) && (c.laChildId as string).length > 20),
  '1580': whole((c) => present(c.laChildId) && !/^[A-Za-z0-9]+$/.test(c.laChildId as string)),
  // More plans starting in the year in the episode than initial conferences held in it (at
  // either level); plans that began in earlier years had their conferences then.
  '2883': episodes((ep, _i, _c, y) => ep.cpPlans.filter((p) => d(p.startDate) && inYear(d(p.startDate) as string, y)).length > icpcDates(ep).length),
  // The same conference written at both levels: the episode's date equals one of its enquiries'.
  '2884': episodes((ep) => !!d(ep.icpcDate) && ep.section47s.some((s) => d(s.icpcDate) === d(ep.icpcDate))),
  // A plan starting in the year must start on the day of an initial conference in the episode.
  '2885': cpPlans((p, ep, _c, y) => {
    const start = d(p.startDate);
    return !!start && inYear(start, y) && icpcDates(ep).length > 0 && !icpcDates(ep).includes(start);
  }),
  '2889': section47s((s, ep) => !!d(s.startDate) && !!d(ep.referralDate) && (d(s.startDate) as string) < (d(ep.referralDate) as string)),
  '2990': episodes(
    (ep) =>
      NON_COMPLETING.includes(ep.closureReason ?? '') && (ep.cinPlans.length > 0 || ep.section47s.length > 0 || ep.cpPlans.length > 0 || !!d(ep.icpcDate)),
  ),
  '2991Q': episodes((ep) => ep.section47s.length > 0 && ep.assessments.length === 0),
  '4000': episodes((ep) => NFA(ep) && ep.cinPlans.length > 0),
  // A CIN plan and a child protection plan both still open.
  '4001': (child) => {
    const openCin = allOf(child, (ep) => ep.cinPlans, 'CINPlanDates').filter((p) => d(p.item.startDate) && !present(p.item.endDate));
    const openCp = allOf(child, (ep) => ep.cpPlans, 'ChildProtectionPlans').some((p) => d(p.item.startDate) && !present(p.item.endDate));
    return openCp ? openCin.map((p) => ({ row: p.row, line: p.line })) : [];
  },
  // A CP review held while a CIN plan was open (after its start, before its end).
  '4003': (child) => {
    const plans = allOf(child, (ep) => ep.cinPlans, 'CINPlanDates').filter((p) => d(p.item.startDate));
    return allOf(child, (ep) => ep.cpPlans, 'ChildProtectionPlans').flatMap((cp) =>
      (cp.item.reviews ?? [])
        .map(d)
        .filter((r): r is string => r !== null)
        .some((r) => plans.some((p) => r > (p.item.startDate as string) && r < (d(p.item.endDate) ?? '9999-12-31')))
        ? [{ row: cp.row, line: cp.line }]
        : [],
    );
  },
  '4004': (child) => {
    const open = allOf(child, (ep) => ep.cinPlans, 'CINPlanDates').filter((p) => !present(p.item.endDate));
    return open.length > 1 ? open.map((p) => ({ row: p.row, line: p.line })) : [];
  },
  '4008': cinPlans((p, _e, c) => !!d(p.startDate) && !!d(c.deathDate) && (d(p.startDate) as string) > (d(c.deathDate) as string)),
  '4009Q': cinPlans((p, _e, c) => !!d(p.endDate) && !!d(c.deathDate) && (d(p.endDate) as string) > (d(c.deathDate) as string)),
  '4010': cinPlans((p, _e, _c, y) => !d(p.startDate) || (d(p.startDate) as string) > y.referenceDate),
  '4011': cinPlans((p) => !!d(p.startDate) && !!d(p.endDate) && (d(p.endDate) as string) < (d(p.startDate) as string)),
  '4012Q': cinPlans((p) => !!d(p.startDate) && d(p.startDate) === d(p.endDate)),
  '4013': cinPlans((p, _e, _c, y) => !!d(p.endDate) && !inYear(d(p.endDate) as string, y)),
  '4014': (child) => {
    const plans = allOf(child, (ep) => ep.cinPlans, 'CINPlanDates').filter((p) => d(p.item.startDate));
    return plans
      .filter((p, k) => plans.some((q, m) => m !== k && overlaps(p.item.startDate as string, d(p.item.endDate), q.item.startDate as string, d(q.item.endDate))))
      .map((p) => ({ row: p.row, line: p.line }));
  },
  '4015': cinPlans((p, ep) => !!d(p.startDate) && !!d(ep.referralDate) && (d(p.startDate) as string) < (d(ep.referralDate) as string)),
  // A CIN plan starting while a child protection plan is open (on or after its start, before its end).
  '4016': (child) => {
    const cps = allOf(child, (ep) => ep.cpPlans, 'ChildProtectionPlans').filter((p) => d(p.item.startDate));
    return allOf(child, (ep) => ep.cinPlans, 'CINPlanDates')
      .filter((p) => {
        const s = d(p.item.startDate);
        return !!s && cps.some((cp) => s >= (cp.item.startDate as string) && s < (d(cp.item.endDate) ?? '9999-12-31'));
      })
      .map((p) => ({ row: p.row, line: p.line }));
  },
  // A child protection plan starting while a CIN plan is open (after its start, before its end).
  '4017': (child) => {
    const cpStarts = allOf(child, (ep) => ep.cpPlans, 'ChildProtectionPlans').flatMap((cp) => (d(cp.item.startDate) ? [cp.item.startDate as string] : []));
    return allOf(child, (ep) => ep.cinPlans, 'CINPlanDates')
      .filter((p) => {
        const s = d(p.item.startDate);
        const e = d(p.item.endDate) ?? '9999-12-31';
        return !!s && cpStarts.some((c) => c > s && c < e);
      })
      .map((p) => ({ row: p.row, line: p.line }));
  },
  '4180': whole((c) => !['M', 'F', 'U'].includes(c.sex ?? '')),
  '4220': whole((c) => !has(ETHNICITY, c.ethnicity)),
  '8500': whole((c) => !present(c.laChildId)),
  '8520': whole((c, y) => !!d(c.birthDate) && (d(c.birthDate) as string) > y.referenceDate),
  '8525Q': whole((c) => present(c.birthDate) === present(c.expectedBirthDate)),
  '8530Q': whole(
    (c, y) => !!d(c.expectedBirthDate) && !((d(c.expectedBirthDate) as string) >= `${y.year}-03-01` && (d(c.expectedBirthDate) as string) <= `${y.year}-12-31`),
  ),
  '8535Q': whole((c) => !!d(c.deathDate) && !!d(c.birthDate) && (d(c.deathDate) as string) < (d(c.birthDate) as string)),
  // Disabilities absent, or a code not in the list; an unborn child and a child whose every
  // referral was no further action need not have them.
  '8540': whole((c) => {
    if (c.disabilities === null) return !!d(c.birthDate) && c.episodes.some((ep) => !NFA(ep));
    return c.disabilities.length === 0 || c.disabilities.some((x) => !has(DISABILITY, x));
  }),
  '8545Q': whole((c, y) => !!d(c.deathDate) && !inYear(d(c.deathDate) as string, y)),
  '8555Q': episodes((ep, _i, c) => !!d(c.deathDate) && !!d(ep.referralDate) && (d(ep.referralDate) as string) > (d(c.deathDate) as string)),
  '8565': (child) =>
    child.episodes.flatMap((ep, i) => {
      const closed = d(ep.closureDate);
      if (!closed) return [];
      const after = (s: string | null) => !!d(s) && (d(s) as string) > closed;
      const late =
        after(ep.icpcDate) ||
        ep.assessments.some((a) => after(a.startDate) || after(a.authorisationDate)) ||
        ep.section47s.some((s) => after(s.startDate) || after(s.icpcDate)) ||
        ep.cpPlans.some((p) => after(p.startDate) || after(p.endDate)) ||
        ep.cinPlans.some((p) => after(p.startDate) || after(p.endDate));
      return late ? [{ row: epRow(i), line: ep.line ?? null }] : [];
    }),
  '8568': episodes((ep) => yesNo(ep.referralNfa) === null),
  // Referred before the working day before the collection year began, yet flagged as NFA.
  '8569Q': episodes((ep, _i, _c, y) => NFA(ep) && !!d(ep.referralDate) && (d(ep.referralDate) as string) < workingDayBefore(y.collectionStart)),
  '8585Q': episodes((ep, _i, c) => ep.closureReason === 'RC2' && !present(c.deathDate)),
  '8590': whole((c) => c.episodes.length === 0),
  '8600': episodes((ep, _i, _c, y) => !d(ep.referralDate) || (d(ep.referralDate) as string) > y.referenceDate),
  '8606': episodes((ep, _i, c) => {
    const born = d(c.birthDate) ?? d(c.expectedBirthDate);
    const ref = d(ep.referralDate);
    return !!born && !!ref && ref < addDays(born, -280);
  }),
  '8608': assessments((a) => !!d(a.startDate) && !!d(a.authorisationDate) && (d(a.startDate) as string) > (d(a.authorisationDate) as string)),
  '8610': episodes((ep) => yesNo(ep.referralNfa) === false && !present(ep.primaryNeed)),
  '8614': assessments((a) => (a.factors?.length ?? 0) > 0 && !present(a.authorisationDate)),
  '8615': section47s((s) => !d(s.startDate) || (!!d(s.icpcDate) && (d(s.startDate) as string) > (d(s.icpcDate) as string))),
  '8620': episodes((ep, _i, _c, y) => !!d(ep.closureDate) && !inYear(d(ep.closureDate) as string, y)),
  '8630': episodes((ep) => !!d(ep.closureDate) && !!d(ep.referralDate) && (d(ep.closureDate) as string) < (d(ep.referralDate) as string)),
  '8640': episodes((ep) => present(ep.closureReason) && !has(CLOSURE_REASON, ep.closureReason)),
  '8650': episodes((ep) => present(ep.primaryNeed) && !has(PRIMARY_NEED, ep.primaryNeed)),
  '8670Q': assessments(
    (a, _e, _c, y) => !present(a.authorisationDate) && !!d(a.startDate) && (d(a.startDate) as string) < addWorkingDays(y.referenceDate, -45),
  ),
  '8675Q': section47s(
    (s, _e, _c, y) => !present(s.icpcDate) && !notRequired(s) && !!d(s.startDate) && (d(s.startDate) as string) < addWorkingDays(y.referenceDate, -15),
  ),
  '8696': assessments((a, _e, _c, y) => !!d(a.authorisationDate) && !inYear(d(a.authorisationDate) as string, y)),
  // The DfE's module is Section47: a CINdetails-level DateOfInitialCPC is not checked by 8715 or 8875.
  '8715': (child, y) =>
    child.episodes.flatMap((ep, i) => {
      const hits: RuleHit[] = [];
      ep.section47s.forEach((s, j) => {
        const icpc = d(s.icpcDate);
        if (icpc && !inYear(icpc, y)) hits.push({ row: subRow(i, 'Section47', j), line: s.line ?? null });
      });
      return hits;
    }),
  '8720': cpPlans((p, _e, _c, y) => !d(p.startDate) || (d(p.startDate) as string) > y.referenceDate),
  '8730': cpPlans((p) => !/^\d+$/.test(p.previousPlans ?? '')),
  '8736': assessments((a, _e, _c, y) => !present(a.authorisationDate) && !!d(a.startDate) && !inYear(d(a.startDate) as string, y)),
  '8740': section47s((s, _e, _c, y) => !present(s.icpcDate) && !notRequired(s) && !!d(s.startDate) && !inYear(d(s.startDate) as string, y)),
  '8750': whole((c) => !present(c.birthDate) && present(c.expectedBirthDate) && c.sex !== 'U'),
  // No UPN and no reason; or UN1 ("not of school age") for a child aged 5 to 15 on the
  // 31 August before the reference date (of compulsory school age during the school year).
  '8770Q': whole((c, y) => {
    if (!present(c.upn) && !present(c.upnUnknown)) return true;
    const born = d(c.birthDate);
    if (c.upnUnknown !== 'UN1' || !born) return false;
    const age = ageOn(born, `${y.year - 1}-08-31`);
    return age >= 5 && age <= 15;
  }),
  '8772': whole((c) => c.upnUnknown === 'UN7' && c.episodes.some((ep) => yesNo(ep.referralNfa) === false)),
  '8775Q': whole((c, y) => {
    const born = d(c.birthDate);
    if (!born) return false;
    const closures = c.episodes.map((ep) => d(ep.closureDate));
    const asOf = closures.length > 0 && closures.every((x) => x) ? (closures.sort().at(-1) as string) : y.referenceDate;
    return ageOn(born, asOf) > 25;
  }),
  '8790': whole((c) => !!c.disabilities && c.disabilities.includes('NONE') && c.disabilities.length > 1),
  '8794': whole((c) => !!c.disabilities && new Set(c.disabilities).size < c.disabilities.length),
  '8805': episodes((ep) => present(ep.closureDate) && !present(ep.closureReason)),
  '8810': episodes((ep) => present(ep.closureReason) && !present(ep.closureDate)),
  '8815': (child) => {
    const open = child.episodes.map((ep, i) => ({ ep, i })).filter(({ ep }) => !present(ep.closureDate) && !NFA(ep));
    return open.length > 1 ? open.map(({ ep, i }) => ({ row: epRow(i), line: ep.line ?? null })) : [];
  },
  '8816': (child) => {
    const latest =
      child.episodes
        .map((ep) => d(ep.referralDate) ?? '')
        .sort()
        .at(-1) ?? '';
    return child.episodes.flatMap((ep, i) =>
      !present(ep.closureDate) && !NFA(ep) && (d(ep.referralDate) ?? '') < latest ? [{ row: epRow(i), line: ep.line ?? null }] : [],
    );
  },
  // Two closed-or-open episodes whose periods cross (one referred before the other closed).
  '8820': (child) => {
    const eps = child.episodes.map((ep, i) => ({ ep, i, s: d(ep.referralDate), e: d(ep.closureDate) })).filter((x) => x.s);
    return eps
      .filter((a) => eps.some((b) => b !== a && (b.s as string) > (a.s as string) && !!a.e && (b.s as string) < a.e))
      .map(({ ep, i }) => ({ row: epRow(i), line: ep.line ?? null }));
  },
  '8825Q': episodes((ep) => NON_COMPLETING.includes(ep.closureReason ?? '') && ep.assessments.length === 0),
  '8831': episodes((ep) => NFA(ep) && (ep.assessments.length > 0 || ep.section47s.length > 0 || present(ep.icpcDate))),
  '8832': episodes((ep) => NFA(ep) && ep.cpPlans.length > 0),
  '8839': episodes((ep) => ep.section47s.filter((s) => !present(s.icpcDate) && !notRequired(s)).length > 1),
  '8840': cpPlans((p) => !!d(p.startDate) && d(p.startDate) === d(p.endDate)),
  '8841': cpPlans((p) => !!d(p.startDate) && (p.reviews ?? []).some((r) => !!d(r) && (d(r) as string) <= (d(p.startDate) as string))),
  '8842Q': cpPlans((p) => !!p.reviews?.some((r) => !present(r))),
  // An assessment starting while an earlier one (anywhere in the child's return) is still open.
  '8863Q': (child) => {
    const all = allOf(child, (ep) => ep.assessments, 'Assessments').filter((a) => d(a.item.startDate));
    return all
      .filter((b) =>
        all.some((a) => {
          const s = a.item.startDate as string;
          const bs = b.item.startDate as string;
          return a !== b && s < bs && bs < (d(a.item.authorisationDate) ?? '9999-12-31');
        }),
      )
      .map((b) => ({ row: b.row, line: b.line }));
  },
  '8866': episodes((ep) => !has(REFERRAL_SOURCE, ep.referralSource)),
  '8867': episodes((ep) => present(ep.closureDate) && ep.assessments.some((a) => !present(a.authorisationDate))),
  '8868': episodes((ep) => present(ep.closureDate) && ep.section47s.some((s) => !present(s.icpcDate) && !notRequired(s))),
  '8869': assessments((a) => !!a.factors && a.factors.includes('21') && a.factors.length > 1),
  '8870Q': section47s((s) => !!d(s.icpcTarget) && isWeekend(d(s.icpcTarget) as string)),
  '8873Q': episodes((ep) => {
    // The DfE: "<ReasonForClosure> must = RC8 or RC9" — an episode still open has neither, so it is queried too.
    if (ep.assessments.length !== 1) return false;
    const a = ep.assessments[0] as CensusAssessment;
    return present(a.authorisationDate) && a.factors?.length === 1 && a.factors[0] === '21' && !NON_COMPLETING.includes((ep.closureReason ?? '') as string);
  }),
  '8875': (child) =>
    child.episodes.flatMap((ep, i) => {
      const hits: RuleHit[] = [];
      ep.section47s.forEach((s, j) => {
        if (d(s.icpcDate) && isWeekend(d(s.icpcDate) as string)) hits.push({ row: subRow(i, 'Section47', j), line: s.line ?? null });
      });
      return hits;
    }),
  // An enquiry starting while an earlier one is ongoing (no conference yet, and one was required).
  '8890': (child) => {
    const all = allOf(child, (ep) => ep.section47s, 'Section47').filter((s) => d(s.item.startDate));
    return all
      .filter((b) =>
        all.some((a) => {
          if (a === b) return false;
          const s = a.item.startDate as string;
          const bs = b.item.startDate as string;
          const ended = d(a.item.icpcDate) ?? (notRequired(a.item) ? s : '9999-12-31');
          return s < bs && bs < ended;
        }),
      )
      .map((b) => ({ row: b.row, line: b.line }));
  },
  '8896': episodes((ep) => ep.assessments.filter((a) => !present(a.authorisationDate)).length > 1),
  '8897Q': assessments((a) => present(a.authorisationDate) && (a.factors?.length ?? 0) === 0),
  '8898': assessments((a) => !!a.factors && new Set(a.factors).size < a.factors.length),
  '8905': cpPlans((p) => !has(CATEGORY_OF_ABUSE, p.initialCategory)),
  '8910': cpPlans((p) => !has(CATEGORY_OF_ABUSE, p.latestCategory)),
  '8915': cpPlans((p, _e, c) => !!d(p.startDate) && !!d(c.deathDate) && (d(p.startDate) as string) > (d(c.deathDate) as string)),
  '8920': cpPlans((p, _e, c) => !!d(p.endDate) && !!d(c.deathDate) && (d(p.endDate) as string) > (d(c.deathDate) as string)),
  '8925': cpPlans((p) => !!d(p.startDate) && !!d(p.endDate) && (d(p.endDate) as string) < (d(p.startDate) as string)),
  '8930': cpPlans((p, _e, _c, y) => !!d(p.endDate) && !inYear(d(p.endDate) as string, y)),
  '8935': (child) => {
    const open = allOf(child, (ep) => ep.cpPlans, 'ChildProtectionPlans').filter((p) => !present(p.item.endDate));
    return open.length > 1 ? open.map((p) => ({ row: p.row, line: p.line })) : [];
  },
  '8940': (child) => {
    const plans = allOf(child, (ep) => ep.cpPlans, 'ChildProtectionPlans').filter((p) => d(p.item.startDate));
    return plans
      .filter((p) => plans.some((q) => q !== p && overlaps(p.item.startDate as string, d(p.item.endDate), q.item.startDate as string, d(q.item.endDate))))
      .map((p) => ({ row: p.row, line: p.line }));
  },
  '8945Q': assessments((a) => !!a.factors?.includes('18A')),
  '8950Q': assessments((a) => !!a.factors?.includes('19A')),
};
