/**
 * What the CIN census checks (child-checks.ts, rules.ts) are written with: dates as written, a
 * rule over each episode or each module of an episode with where it is, and the few look-ups
 * several rules share.
 */
import { addWorkingDays, dayOfWeek, isIsoDate } from '../../calendar.ts';
import type { RuleHit } from '../types.ts';
import {
  type CensusAssessment,
  type CensusChild,
  type CensusCinPlan,
  type CensusCpPlan,
  type CensusEpisode,
  type CensusSection47,
  type CensusYear,
  yesNo,
} from './model.ts';

export type ChildCheck = (child: CensusChild, year: CensusYear) => RuleHit[];

/** A date as written, or null when absent or not a real yyyy-mm-dd date. */
export const d = (s: string | null | undefined): string | null => (s && isIsoDate(s) ? s : null);
export const present = (s: string | null | undefined): boolean => s !== null && s !== undefined && s.trim() !== '';
export const inYear = (date: string, y: CensusYear) => date >= y.collectionStart && date <= y.referenceDate;
export const isWeekend = (date: string) => {
  const w = dayOfWeek(date);
  return w === 0 || w === 6;
};
export const NFA = (ep: CensusEpisode) => yesNo(ep.referralNfa) === true;
export const notRequired = (s: CensusSection47) => yesNo(s.icpcNotRequired) === true;
export const epRow = (i: number) => `CINdetails ${i + 1}`;
export const subRow = (i: number, name: string, j: number) => `${epRow(i)} / ${name} ${j + 1}`;
/** Age in whole years on a day. */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && dd < bd) ? 1 : 0);
}
/** Two periods overlap; an open end runs past any date. Touching ends do not overlap. */
export function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart < (bEnd ?? '9999-12-31') && bStart < (aEnd ?? '9999-12-31');
}

// The helpers below loop rather than flatMap: they run for every rule and every child of a
// national file, and the arrays flatMap makes cost more than most checks.
export const NONE = Object.freeze([]) as unknown as RuleHit[];
export function episodes(fn: (ep: CensusEpisode, i: number, child: CensusChild, y: CensusYear) => boolean, fields?: string[]): ChildCheck {
  return (child, y) => {
    let hits = NONE;
    for (let i = 0; i < child.episodes.length; i++) {
      const ep = child.episodes[i] as CensusEpisode;
      if (!fn(ep, i, child, y)) continue;
      if (hits === NONE) hits = [];
      hits.push({ row: epRow(i), line: ep.line ?? null, ...(fields ? { fields } : {}) });
    }
    return hits;
  };
}
export function each<T extends { line?: number | null }>(
  pick: (ep: CensusEpisode) => T[],
  name: string,
  fn: (item: T, ep: CensusEpisode, child: CensusChild, y: CensusYear, j: number) => boolean,
): ChildCheck {
  return (child, y) => {
    let hits = NONE;
    for (let i = 0; i < child.episodes.length; i++) {
      const ep = child.episodes[i] as CensusEpisode;
      const items = pick(ep);
      for (let j = 0; j < items.length; j++) {
        const item = items[j] as T;
        if (!fn(item, ep, child, y, j)) continue;
        if (hits === NONE) hits = [];
        hits.push({ row: subRow(i, name, j), line: item.line ?? ep.line ?? null });
      }
    }
    return hits;
  };
}
export const assessments = (fn: (a: CensusAssessment, ep: CensusEpisode, c: CensusChild, y: CensusYear) => boolean) =>
  each((ep) => ep.assessments, 'Assessments', fn);
export const cinPlans = (fn: (p: CensusCinPlan, ep: CensusEpisode, c: CensusChild, y: CensusYear) => boolean) => each((ep) => ep.cinPlans, 'CINPlanDates', fn);
export const section47s = (fn: (s: CensusSection47, ep: CensusEpisode, c: CensusChild, y: CensusYear) => boolean) =>
  each((ep) => ep.section47s, 'Section47', fn);
export const cpPlans = (fn: (p: CensusCpPlan, ep: CensusEpisode, c: CensusChild, y: CensusYear) => boolean) =>
  each((ep) => ep.cpPlans, 'ChildProtectionPlans', fn);
export const whole =
  (fn: (c: CensusChild, y: CensusYear) => boolean): ChildCheck =>
  (child, y) =>
    fn(child, y) ? [{ line: child.line ?? null }] : NONE;

/** Every module of one kind across the child's episodes, with where it is. */
export function allOf<T extends { line?: number | null }>(child: CensusChild, pick: (ep: CensusEpisode) => T[], name: string) {
  return child.episodes.flatMap((ep, i) => pick(ep).map((item, j) => ({ item, ep, row: subRow(i, name, j), line: item.line ?? null })));
}
/** ICPC dates of an episode, at either level. */
export const icpcDates = (ep: CensusEpisode) => [d(ep.icpcDate), ...ep.section47s.map((s) => d(s.icpcDate))].filter((x): x is string => x !== null);

/** The working day before a date, the last one asked kept: every episode asks about the same day. */
export const workingDayBefore = (() => {
  let last = { date: '', before: '' };
  return (date: string) => {
    if (last.date !== date) last = { date, before: addWorkingDays(date, -1) };
    return last.before;
  };
})();

export const UPN_LAST = /^[0-9A-HJ-NP-RT-Z]$/;
export const UPN_SHAPE = /^[A-Za-z]\d{11}[0-9A-Za-z]$/;
export const has = (list: object, code: string | null) => code !== null && Object.hasOwn(list, code);
export const NON_COMPLETING = ['RC8', 'RC9'];
