import type { IndicatorResult } from '../../api/performance.ts';

/** An indicator's value as a director reads it: 72.4%, 42.2 per 10,000, 18.7, 3. */
export function formatValue(unit: IndicatorResult['unit'] | string, value: number | null, suppressed = false): string {
  if (suppressed) return 'Fewer than 6';
  if (value === null) return 'No data';
  const n = value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  if (unit === 'percent') return `${n}%`;
  if (unit === 'per-10k') return `${n} per 10,000`;
  if (unit === 'median-days') return `${n} days`;
  if (unit === 'median-weeks') return `${n} weeks`;
  return n;
}

export const UNIT_AXIS: Record<string, string> = {
  percent: '%',
  'per-10k': 'per 10,000 children',
  count: 'number',
  average: 'cases per FTE',
  'median-days': 'days',
  'median-weeks': 'weeks',
};

/** "Mar 2026" for a month's last day. */
export function monthLabel(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** better / worse than England, in words, or nothing where neither way is better. */
export function againstEngland(r: IndicatorResult): { text: string; tone: 'better' | 'worse' | 'neutral' } | null {
  if (!r.england || r.value === null || r.suppressed || r.unit === 'count') return null;
  const e = r.england.value;
  const diff = Math.round((r.value - e) * 10) / 10;
  if (r.higherIsBetter === null || diff === 0) return { text: `England ${formatValue(r.unit, e)}`, tone: 'neutral' };
  const better = diff > 0 === r.higherIsBetter;
  return { text: `${better ? 'Better' : 'Worse'} than England (${formatValue(r.unit, e)})`, tone: better ? 'better' : 'worse' };
}
