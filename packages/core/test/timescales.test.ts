import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  compareIsoDates,
  daysInMonth,
  daysSinceEpoch,
  fromDaysSinceEpoch,
  isWorkingDay,
  parseIsoDate,
} from '../src/calendar.ts';
import { referenceFile } from '../src/reference.ts';
import type { DueRule, TimescaleRule } from '../src/timescales.ts';
import {
  asyeSupervisionInterval,
  checkSetting,
  claVisitInterval,
  claVisitWithParentInterval,
  daysOverdue,
  dueDate,
  effectiveDue,
  healthAssessmentReviewInterval,
  obligationState,
  paVisitInterval,
  privateFosteringVisitInterval,
  ruleById,
  TIMESCALE_RULES,
  LOCAL_RULE_IDS,
  workingDaysOverdue,
} from '../src/timescales.ts';

// ---------------------------------------------------------------------------
// The reference table, read at test time so the code cannot drift from it.

interface ReferenceRow {
  id: string;
  what: string;
  countedFrom: string;
  due: string;
  kind: string;
  source: string;
}

const referenceText = readFileSync(referenceFile('timescales.md'), 'utf8');

// Table body rows are the lines whose first cell is a backticked id.
const reference: ReferenceRow[] = referenceText
  .split('\n')
  .filter((line) => /^\|\s*`[^`]+`\s*\|/.test(line))
  .map((line) => {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 6) throw new Error(`timescales.md row has ${cells.length} cells: ${line}`);
    const [id = '', what = '', countedFrom = '', due = '', kind = '', source = ''] = cells;
    return { id: id.replace(/`/g, ''), what, countedFrom, due, kind, source };
  });

/**
 * Rows of timescales.md that no area keeps yet: the reference runs ahead of the code (the practice
 * record, legal planning and the fostering service add them). Take an id off as its rule lands.
 */
const NOT_YET_KEPT = ['transfer-in-conference'];
const kept = reference.filter((r) => !NOT_YET_KEPT.includes(r.id));

/** The leading "n unit" of the reference's due column, as a DueRule. */
function parseDueColumn(text: string, id: string): DueRule {
  if (/^weekly\b/.test(text)) return { unit: 'weeks', n: 1 };
  if (/^1 year\b/.test(text)) return { unit: 'months', n: 12 };
  const m = /^(\d+) (working days?|calendar months?|weeks?|days?|hours?)\b/.exec(text);
  if (m === null) return { unit: 'by-event', event: id, description: text };
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  if (unit.startsWith('working')) return { unit: 'working-days', n };
  if (unit.startsWith('calendar')) return { unit: 'months', n };
  if (unit.startsWith('week')) return { unit: 'weeks', n };
  if (unit.startsWith('hour')) return { unit: 'hours', n };
  return { unit: 'days', n };
}

describe('TIMESCALE_RULES against timescales.md', () => {
  it('finds the reference tables', () => {
    expect(reference.length).toBeGreaterThan(40);
  });

  it('has every id in the reference exactly once, in its order, and nothing else', () => {
    const ids = TIMESCALE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !LOCAL_RULE_IDS.includes(id))).toEqual(kept.map((r) => r.id));
  });

  it('lists as not yet kept only rows of the reference that have no rule', () => {
    const ids = TIMESCALE_RULES.map((r) => r.id);
    for (const id of NOT_YET_KEPT) {
      expect(reference.map((r) => r.id)).toContain(id);
      expect(ids).not.toContain(id);
    }
  });

  it('keeps Lantern’s own rules (partner-response, case-audit-action, early help) out of the reference, as council policy', () => {
    expect(LOCAL_RULE_IDS).toEqual(['partner-response', 'case-audit-action', 'early-help-assessment', 'early-help-review', 'sar-response']);
    // A subject access request's month is the law's (UK GDPR art. 12), not in timescales.md and not a council setting.
    expect(reference.map((r) => r.id)).not.toContain('sar-response');
    expect(ruleById('sar-response')).toMatchObject({ kind: 'statute', due: { unit: 'months', n: 1 } });
    expect(ruleById('sar-response').setting).toBeUndefined();
    expect(reference.map((r) => r.id)).not.toContain('partner-response');
    expect(reference.map((r) => r.id)).not.toContain('case-audit-action');
    expect(ruleById('partner-response').kind).toBe('policy');
    expect(ruleById('case-audit-action').kind).toBe('policy');
    for (const id of ['early-help-assessment', 'early-help-review']) {
      expect(reference.map((r) => r.id)).not.toContain(id);
      expect(ruleById(id).kind).toBe('policy');
      expect(ruleById(id).setting).toBeTruthy();
    }
  });

  it.each(kept)('$id: kind, source, what and counted-from are the reference words', (row) => {
    const rule = ruleById(row.id);
    // The kind column may qualify the kind in brackets: "policy (recorded due date)".
    expect(rule.kind).toBe(row.kind.replace(/\s*\(.*\)$/, ''));
    expect(rule.source).toBe(row.source);
    expect(rule.what).toBe(row.what);
    expect(rule.countedFrom).toBe(row.countedFrom);
  });

  it.each(kept)('$id: the default due is the first interval in the due column', (row) => {
    const rule = ruleById(row.id);
    const expected = parseDueColumn(row.due, row.id);
    if (expected.unit === 'by-event') expect(rule.due.unit).toBe('by-event');
    else expect(rule.due).toEqual(expected);
  });

  it('gives every policy rule a council setting key, and never calls it law', () => {
    for (const rule of TIMESCALE_RULES.filter((r) => r.kind === 'policy')) {
      expect(rule.setting).toBe(`timescale.${rule.id}`);
    }
    expect(ruleById('cp-visit').kind).toBe('policy');
  });

  it('describes the variable intervals in notes', () => {
    for (const id of [
      'cla-visit-with-parent',
      'private-fostering-visit',
      'health-assessment-review',
      'supervision-asye',
      'pa-visit',
      'unregistered-approval',
      'iro-contact',
      'permanence-plan',
    ]) {
      expect(ruleById(id).notes, id).toBeTruthy();
    }
  });

  it('ruleById throws for an unknown id', () => {
    expect(() => ruleById('cla-reveiw')).toThrow(/Unknown timescale rule/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(TIMESCALE_RULES)).toBe(true);
    expect(Object.isFrozen(ruleById('icpc'))).toBe(true);
    expect(Object.isFrozen(ruleById('icpc').due)).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Due dates worked by hand. The event date is day 0. Holidays used:
// 2026: Fri 25 Dec Christmas, Mon 28 Dec (Boxing Day substitute);
// 2027: Fri 1 Jan, Good Friday 26 Mar, Easter Monday 29 Mar;
// 2023: Mon 1 May, Mon 8 May (coronation); 2026: Mon 31 Aug.

const due = (id: string, from: string, fromTime?: string) => dueDate(ruleById(id).due, from, fromTime);

describe('dueDate, worked by hand', () => {
  it.each([
    // Nov 3–6 → 4, weeks to Dec 18 → 34, Dec 21–24 → 38, (25, 28 off),
    // Dec 29–31 → 41, (1 Jan off), Jan 4–7 → 45.
    ['assessment: 45 working days from a referral on Mon 2 Nov 2026', 'assessment', '2026-11-02', '2027-01-07'],
    // Dec 22–24 → 3, Dec 29–31 → 6, Jan 4–8 → 11, then 5 a week to Feb 19 → 41,
    // Feb 22–25 → 45.
    ['assessment: 45 working days from a referral on Mon 21 Dec 2026', 'assessment', '2026-12-21', '2027-02-25'],
    // Dec 17–18 → 2, Dec 21–24 → 6, Dec 29–31 → 9, Jan 4–8 → 14, Jan 11 → 15.
    ['icpc: 15 working days from a strategy discussion on Wed 16 Dec 2026', 'icpc', '2026-12-16', '2027-01-11'],
    // (1 May off) May 2–5 → 4, (8 May off) May 9–12 → 8, May 15–19 → 13, May 22–23 → 15.
    ['icpc: 15 working days from a strategy discussion on Fri 28 Apr 2023', 'icpc', '2023-04-28', '2023-05-23'],
    // Mar 23–25 → 3, (26, 29 off) Mar 30–Apr 2 → 7, Apr 5–7 → 10.
    ['core-group-first: 10 working days from a conference on Mon 22 Mar 2027, over Easter', 'core-group-first', '2027-03-22', '2027-04-07'],
    ['cp-review-first: 3 months from 30 Nov 2026 is the end of February', 'cp-review-first', '2026-11-30', '2027-02-28'],
    ['cp-review: 6 months from 31 Aug 2027 is leap day 2028', 'cp-review', '2027-08-31', '2028-02-29'],
    // Aug 21 → 1, Aug 24–28 → 6, (31 off) Sep 1–4 → 10, Sep 7–11 → 15, Sep 14–18 → 20.
    ['cla-review-first: 20 working days from Thu 20 Aug 2026, over the August bank holiday', 'cla-review-first', '2026-08-20', '2026-09-18'],
    ['cla-visit-first: 1 week is 7 calendar days, holidays included', 'cla-visit-first', '2026-12-24', '2026-12-31'],
  ])('%s', (_title, id, from, date) => {
    expect(due(id, from)).toEqual({ date });
  });

  it('rhi: 72 hours from the recorded return, across a weekend', () => {
    expect(due('rhi', '2026-11-20', '2026-11-20T22:30:00Z')).toEqual({
      date: '2026-11-23',
      at: '2026-11-23T22:30:00Z',
    });
    // An offset is converted to UTC: 23:30 at +01:00 is 22:30Z.
    expect(due('rhi', '2026-06-10', '2026-06-10T23:30:00+01:00')).toEqual({
      date: '2026-06-13',
      at: '2026-06-13T22:30:00Z',
    });
  });

  it('rhi needs the recorded time, with a zone', () => {
    expect(() => due('rhi', '2026-11-20')).toThrow(/recorded time/);
    expect(() => due('rhi', '2026-11-20', '2026-11-20T22:30:00')).toThrow(RangeError);
  });

  it('contact-decision: 1 working day from a Friday is the Monday, or later over a holiday', () => {
    expect(due('contact-decision', '2026-11-06')).toEqual({ date: '2026-11-09' });
    expect(due('contact-decision', '2026-08-28')).toEqual({ date: '2026-09-01' }); // Mon 31 Aug off
    expect(due('contact-decision', '2026-12-25')).toEqual({ date: '2026-12-29' }); // Mon 28 Dec off
  });

  it('0 working days is the day itself, or the next working day', () => {
    expect(due('unregistered-approval', '2026-06-10')).toEqual({ date: '2026-06-10' });
    expect(due('unregistered-approval', '2026-06-13')).toEqual({ date: '2026-06-15' });
    expect(due('uasc-looked-after', '2026-06-13')).toEqual({ date: '2026-06-13' });
  });

  it('by-event rules are resolved by the caller, not counted', () => {
    expect(() => due('permanence-plan', '2026-06-10')).toThrow(/second review/);
    expect(() => due('iro-contact', '2026-06-10')).toThrow();
  });

  it('refuses a nonsense interval or date', () => {
    expect(() => dueDate({ unit: 'days', n: -1 }, '2026-06-10')).toThrow(RangeError);
    expect(() => dueDate({ unit: 'weeks', n: 1.5 }, '2026-06-10')).toThrow(RangeError);
    expect(() => dueDate({ unit: 'days', n: 1 }, '2026-02-30')).toThrow();
  });
});

// ---------------------------------------------------------------------------

describe('obligationState', () => {
  const dueOn = '2026-09-18';
  it('met on the due date is on time', () => {
    expect(obligationState(dueOn, '2026-09-18', '2026-09-30')).toBe('met-on-time');
    expect(obligationState(dueOn, '2026-09-01', '2026-09-01')).toBe('met-on-time');
  });
  it('met the day after is late', () => {
    expect(obligationState(dueOn, '2026-09-19', '2026-09-30')).toBe('met-late');
  });
  it('open on the due date is due; the day after, overdue', () => {
    expect(obligationState(dueOn, null, '2026-09-17')).toBe('due');
    expect(obligationState(dueOn, null, '2026-09-18')).toBe('due');
    expect(obligationState(dueOn, null, '2026-09-19')).toBe('overdue');
  });
  it('counts days overdue in calendar and working days', () => {
    // Due Fri 18 Sep; as of Mon 21 Sep: 3 calendar days, 1 working day.
    expect(daysOverdue(dueOn, '2026-09-21')).toBe(3);
    expect(workingDaysOverdue(dueOn, '2026-09-21')).toBe(1);
    expect(daysOverdue(dueOn, '2026-09-18')).toBe(0);
    expect(workingDaysOverdue(dueOn, '2026-09-01')).toBe(0);
    expect(daysOverdue(dueOn, '2026-09-01')).toBe(0);
  });
});

// ---------------------------------------------------------------------------

describe('council settings', () => {
  const cpVisit = ruleById('cp-visit');
  const assessment = ruleById('assessment');
  const claReviewFirst = ruleById('cla-review-first');

  it('a council may set a policy rule (cp-visit) to any interval', () => {
    expect(checkSetting(cpVisit, { unit: 'working-days', n: 15 })).toEqual({ ok: true });
    expect(checkSetting(cpVisit, { unit: 'weeks', n: 2 })).toEqual({ ok: true });
    expect(checkSetting(cpVisit, { unit: 'weeks', n: 4 })).toEqual({ ok: true });
  });

  it('guidance (assessment) may be shortened to 30 working days but not lengthened to 50', () => {
    expect(checkSetting(assessment, { unit: 'working-days', n: 30 })).toEqual({ ok: true });
    const refused = checkSetting(assessment, { unit: 'working-days', n: 50 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/guidance/);
  });

  it('statute (cla-review-first) may be shortened to 15 working days but not lengthened to 25', () => {
    expect(checkSetting(claReviewFirst, { unit: 'working-days', n: 15 })).toEqual({ ok: true });
    const refused = checkSetting(claReviewFirst, { unit: 'working-days', n: 25 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/statute.*reg\. 33/);
  });

  it('compares across units by the dates they give', () => {
    // 4 weeks from a Saturday lands on a Saturday, after the 20th working day (a Friday).
    expect(checkSetting(claReviewFirst, { unit: 'weeks', n: 4 }).ok).toBe(false);
    expect(checkSetting(claReviewFirst, { unit: 'weeks', n: 3 }).ok).toBe(true);
    // 6 months from 31 Aug is end of Feb; 26 weeks is always 182 days, sometimes later.
    expect(checkSetting(ruleById('cla-review'), { unit: 'weeks', n: 26 }).ok).toBe(false);
    expect(checkSetting(ruleById('rhi'), { unit: 'hours', n: 48 }).ok).toBe(true);
    expect(checkSetting(ruleById('rhi'), { unit: 'hours', n: 96 }).ok).toBe(false);
  });

  it('checks cross-unit settings from every start, not only the usual ones', () => {
    // 13 calendar days beats 10 working days from most starts, but from a
    // Sunday the 10th working day is the Friday 12 days later.
    const refused = checkSetting(ruleById('core-group-first'), { unit: 'days', n: 13 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/from 2026-06-14 falls due 2026-06-27, after 2026-06-26/);
    expect(checkSetting(ruleById('core-group-first'), { unit: 'days', n: 12 }).ok).toBe(true);
  });

  it('refuses malformed settings and ones that cannot be counted', () => {
    expect(checkSetting(cpVisit, { unit: 'working-days', n: -1 }).ok).toBe(false);
    expect(checkSetting(cpVisit, { unit: 'hours', n: 240 }).ok).toBe(false);
    expect(checkSetting(ruleById('rhi'), { unit: 'days', n: 2 }).ok).toBe(false);
    expect(checkSetting(ruleById('permanence-plan'), { unit: 'months', n: 3 }).ok).toBe(false);
    expect(checkSetting(cpVisit, { unit: 'by-event', event: 'x', description: 'whenever' }).ok).toBe(false);
  });

  it('effectiveDue uses the setting only when one is given, and never a looser statutory one', () => {
    expect(effectiveDue(cpVisit)).toEqual({ unit: 'working-days', n: 10 });
    expect(effectiveDue(cpVisit, {})).toEqual({ unit: 'working-days', n: 10 });
    expect(effectiveDue(cpVisit, { 'cin-visit': { unit: 'weeks', n: 2 } })).toEqual({ unit: 'working-days', n: 10 });
    expect(effectiveDue(cpVisit, { 'cp-visit': { unit: 'weeks', n: 2 } })).toEqual({ unit: 'weeks', n: 2 });
    expect(effectiveDue(assessment, { assessment: { unit: 'working-days', n: 30 } })).toEqual({
      unit: 'working-days',
      n: 30,
    });
    expect(effectiveDue(claReviewFirst, { 'cla-review-first': { unit: 'working-days', n: 25 } })).toEqual({
      unit: 'working-days',
      n: 20,
    });
  });
});

// ---------------------------------------------------------------------------

describe('intervals that vary', () => {
  it('health assessment review: 6 months under 5, 12 from the fifth birthday', () => {
    expect(healthAssessmentReviewInterval('2022-03-15', '2027-03-14')).toEqual({ unit: 'months', n: 6 });
    expect(healthAssessmentReviewInterval('2022-03-15', '2027-03-15')).toEqual({ unit: 'months', n: 12 });
    // Born on leap day: 5 on 1 March.
    expect(healthAssessmentReviewInterval('2024-02-29', '2029-02-28')).toEqual({ unit: 'months', n: 6 });
    expect(healthAssessmentReviewInterval('2024-02-29', '2029-03-01')).toEqual({ unit: 'months', n: 12 });
    expect(() => healthAssessmentReviewInterval('2024-02-29', '2024-01-01')).toThrow(RangeError);
  });

  it('private fostering visits: 6 weeks in the first year, 12 after', () => {
    expect(privateFosteringVisitInterval('2026-01-10', '2027-01-09')).toEqual({ unit: 'weeks', n: 6 });
    expect(privateFosteringVisitInterval('2026-01-10', '2027-01-10')).toEqual({ unit: 'weeks', n: 12 });
  });

  it('ASYE supervision: weekly for 6 weeks, fortnightly to 6 months, then monthly', () => {
    const start = '2026-09-01';
    expect(asyeSupervisionInterval(start, null)).toEqual({ unit: 'weeks', n: 1 });
    expect(asyeSupervisionInterval(start, '2026-10-12')).toEqual({ unit: 'weeks', n: 1 }); // day 41
    expect(asyeSupervisionInterval(start, '2026-10-13')).toEqual({ unit: 'weeks', n: 2 }); // day 42
    expect(asyeSupervisionInterval(start, '2027-02-28')).toEqual({ unit: 'weeks', n: 2 });
    expect(asyeSupervisionInterval(start, '2027-03-01')).toEqual({ unit: 'months', n: 1 });
  });

  it('visits with a parent or connected person: weekly until the first review', () => {
    expect(claVisitWithParentInterval('placed-with-parent', false)).toEqual({ unit: 'weeks', n: 1 });
    expect(claVisitWithParentInterval('placed-with-parent', true)).toEqual({ unit: 'weeks', n: 6 });
    expect(claVisitWithParentInterval('connected-person-temporary', true)).toEqual({ unit: 'weeks', n: 4 });
    expect(claVisitWithParentInterval('interim-care-order-with-parent', true)).toEqual({ unit: 'weeks', n: 4 });
  });

  it('reg. 28 visits: first visit, then first year, then long-term only if meant to last to 18', () => {
    expect(claVisitInterval('2026-01-10', null, true)).toMatchObject({ ruleId: 'cla-visit-first', from: '2026-01-10' });
    // A visit from a previous placement does not count.
    expect(claVisitInterval('2026-01-10', '2026-01-05', true).ruleId).toBe('cla-visit-first');
    expect(claVisitInterval('2026-01-10', '2027-01-09', true)).toMatchObject({ ruleId: 'cla-visit', from: '2027-01-09' });
    expect(claVisitInterval('2026-01-10', '2027-01-10', true).ruleId).toBe('cla-visit-long-term');
    expect(claVisitInterval('2026-01-10', '2027-01-10', false).ruleId).toBe('cla-visit');
  });

  it('personal adviser visits: 7 days after a move, then 2 months', () => {
    expect(paVisitInterval('2026-06-10', null)).toEqual({ from: '2026-06-10', due: { unit: 'days', n: 7 } });
    expect(paVisitInterval('2026-06-10', '2026-05-01')).toEqual({ from: '2026-06-10', due: { unit: 'days', n: 7 } });
    expect(paVisitInterval('2026-06-10', '2026-06-10')).toEqual({ from: '2026-06-10', due: { unit: 'months', n: 2 } });
    expect(paVisitInterval(null, '2026-06-12')).toEqual({ from: '2026-06-12', due: { unit: 'months', n: 2 } });
    expect(() => paVisitInterval(null, null)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// Properties. Starts stay a year inside the calendar's range.

const FIRST = daysSinceEpoch(`${CALENDAR_FIRST_YEAR + 1}-01-01`);
const LAST = daysSinceEpoch(`${CALENDAR_LAST_YEAR - 1}-12-31`);
const startDate = fc.integer({ min: FIRST, max: LAST }).map(fromDaysSinceEpoch);
const byUnit = (unit: DueRule['unit']): TimescaleRule[] => TIMESCALE_RULES.filter((r) => r.due.unit === unit);

describe('properties', () => {
  it('working-day rules fall due on a working day, never before the start', () => {
    const rules = byUnit('working-days');
    expect(rules.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(startDate, fc.constantFrom(...rules), (start, rule) => {
        const { date } = dueDate(rule.due, start);
        return isWorkingDay(date) && compareIsoDates(date, start) >= 0;
      }),
    );
  });

  it('working-day settings too, for any n', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const { date } = dueDate({ unit: 'working-days', n }, start);
        return isWorkingDay(date) && compareIsoDates(date, start) >= 0 && (n > 0 ? date > start : true);
      }),
    );
  });

  it("month rules land on the start's day of the month, or the month's last day when it is shorter", () => {
    const rules = byUnit('months');
    expect(rules.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(startDate, fc.constantFrom(...rules), (start, rule) => {
        const s = parseIsoDate(start);
        const d = parseIsoDate(dueDate(rule.due, start).date);
        const last = daysInMonth(d.year, d.month);
        return d.day === s.day || (d.day === last && s.day > last);
      }),
    );
  });

  it('a statute or guidance setting that checkSetting allows is never due later, from any start', () => {
    const counted = TIMESCALE_RULES.filter((r) => r.kind !== 'policy' && r.due.unit !== 'by-event' && r.due.unit !== 'hours');
    const units = ['working-days', 'days', 'weeks', 'months'] as const;
    const inWindow = fc.integer({ min: daysSinceEpoch('2000-01-01'), max: daysSinceEpoch('2059-12-31') }).map(fromDaysSinceEpoch);
    fc.assert(
      fc.property(fc.constantFrom(...counted), fc.constantFrom(...units), fc.integer({ min: 0, max: 70 }), inWindow, (rule, unit, n, start) => {
        const proposed: DueRule = { unit, n };
        if (!checkSetting(rule, proposed).ok) return true;
        return compareIsoDates(dueDate(proposed, start).date, dueDate(rule.due, start).date) <= 0;
      }),
      { numRuns: 300 },
    );
    // CPU-bound property runs: a shared machine needs more than the default 5 s.
  }, 20_000);
});

describe('short labels', () => {
  it('every rule has a short label for worklists', async () => {
    const { RULE_LABELS, TIMESCALE_RULES } = await import('../src/timescales.ts');
    expect(TIMESCALE_RULES.filter((r) => !RULE_LABELS[r.id]).map((r) => r.id)).toEqual([]);
    expect(Object.keys(RULE_LABELS).sort()).toEqual(TIMESCALE_RULES.map((r) => r.id).sort());
  });
});
