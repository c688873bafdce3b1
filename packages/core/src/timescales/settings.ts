// Council settings: a council may set any policy interval, and may only make
// statute and guidance stricter, never due later from any start date.

import type { IsoDate } from '../calendar.ts';
import { compareIsoDates, daysSinceEpoch, fromDaysSinceEpoch } from '../calendar.ts';
import { dueDate } from './due.ts';
import type { DueRule, TimescaleRule } from './rule.ts';

/** A council's timescales, keyed by rule id. */
export type TimescaleSettings = Partial<Record<string, DueRule>>;

// Start dates that stress each unit: the days before Christmas, Easter and
// the May and August bank holidays, month ends (incl. 31st and leap day), and
// weekend and midweek days. Checked first so a refusal cites a familiar case.
const REFERENCE_STARTS: readonly IsoDate[] = [
  '2026-06-10', // Wednesday
  '2026-06-13', // Saturday
  '2026-06-14', // Sunday
  '2026-04-02', // Thursday before Good Friday
  '2026-05-01', // Friday before early May bank holiday
  '2026-08-28', // Friday before August bank holiday
  '2026-12-21', // Christmas week
  '2026-12-24',
  '2026-01-31', // month ends
  '2026-08-31',
  '2026-11-30',
  '2027-03-25', // Thursday before Good Friday 2027
  '2027-12-31',
  '2028-02-29',
];

// A handful of dates is not enough when the units differ (13 calendar days
// beats 10 working days from every date above except a Sunday), so a
// cross-unit setting is also checked from every day of a 60-year window:
// many Easter, leap-year and weekday alignments.
const SWEEP_FIRST = daysSinceEpoch('2000-01-01');
const SWEEP_LAST = daysSinceEpoch('2059-12-31');

function describeDue(due: DueRule): string {
  if (due.unit === 'by-event') return due.description;
  const unit = due.unit === 'working-days' ? 'working days' : due.unit === 'months' ? 'calendar months' : due.unit;
  return `${due.n} ${unit}`;
}

type SettingCheck = { ok: true } | { ok: false; reason: string };

/** The first start date from which `proposed` falls due after `standard`, or null. */
function firstLaterStart(standard: DueRule, proposed: DueRule): IsoDate | null {
  const later = (start: IsoDate): boolean => compareIsoDates(dueDate(proposed, start).date, dueDate(standard, start).date) > 0;
  for (const start of REFERENCE_STARTS) if (later(start)) return start;
  for (let d = SWEEP_FIRST; d <= SWEEP_LAST; d++) {
    const start = fromDaysSinceEpoch(d);
    if (later(start)) return start;
  }
  return null;
}

/**
 * May a council use `proposed` for this rule? Policy rules take any whole
 * interval; statute and guidance may only be made stricter: never due later
 * than the default, from any start date.
 */
export function checkSetting(rule: TimescaleRule, proposed: DueRule): SettingCheck {
  if (rule.due.unit === 'by-event') {
    return { ok: false, reason: `${rule.id} is due ${rule.due.description}; it has no interval to set` };
  }
  if (proposed.unit === 'by-event') {
    return { ok: false, reason: `${rule.id} needs an interval, not an event` };
  }
  if (!Number.isSafeInteger(proposed.n) || proposed.n < 0) {
    return { ok: false, reason: `${rule.id}: ${proposed.n} is not a whole number of ${proposed.unit} ≥ 0` };
  }
  // Hours need a recorded time; date-based rules have none.
  if ((proposed.unit === 'hours') !== (rule.due.unit === 'hours')) {
    return {
      ok: false,
      reason:
        rule.due.unit === 'hours'
          ? `${rule.id} runs from a recorded time, so it must be set in hours`
          : `${rule.id} counts from a date, so it cannot be set in hours`,
    };
  }
  if (rule.kind === 'policy') return { ok: true };
  const refuse = (detail: string): SettingCheck => ({
    ok: false,
    reason: `${rule.id} is ${rule.kind} (${rule.source}): a council may only make ${describeDue(rule.due)} stricter, but ${describeDue(proposed)} ${detail}`,
  });
  // Same unit: every unit is monotone in n, so comparing n is exact.
  if (proposed.unit === rule.due.unit) {
    return proposed.n <= rule.due.n ? { ok: true } : refuse('is longer');
  }
  let start: IsoDate | null;
  try {
    start = firstLaterStart(rule.due, proposed);
  } catch (e) {
    if (e instanceof RangeError) return refuse('runs past the end of the calendar');
    throw e;
  }
  if (start === null) return { ok: true };
  return refuse(`from ${start} falls due ${dueDate(proposed, start).date}, after ${dueDate(rule.due, start).date}`);
}

// checkSetting may sweep thousands of dates; effectiveDue sits on hot paths.
const settingChecks = new WeakMap<TimescaleRule, Map<string, boolean>>();

function settingAllowed(rule: TimescaleRule, proposed: DueRule): boolean {
  let byValue = settingChecks.get(rule);
  if (byValue === undefined) {
    byValue = new Map();
    settingChecks.set(rule, byValue);
  }
  const key = JSON.stringify(proposed);
  let ok = byValue.get(key);
  if (ok === undefined) {
    ok = checkSetting(rule, proposed).ok;
    byValue.set(key, ok);
  }
  return ok;
}

/**
 * The due rule in force: the council's setting where it passes checkSetting,
 * else the default. A refused setting never loosens the law; save settings
 * through checkSetting so the refusal is reported.
 */
export function effectiveDue(rule: TimescaleRule, settings?: TimescaleSettings): DueRule {
  const proposed = settings?.[rule.id];
  if (proposed === undefined) return rule.due;
  return settingAllowed(rule, proposed) ? proposed : rule.due;
}
