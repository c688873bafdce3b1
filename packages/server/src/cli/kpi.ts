import { isIsoDate, todayInEngland } from '@lantern/core/calendar';
import { type Command, InvalidArgumentError } from 'commander';
import { onCouncil, councilCommand } from './options.ts';

function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('--as-of must be a real date written YYYY-MM-DD');
  return value;
}

function months(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 36) throw new InvalidArgumentError('--months must be a whole number from 1 to 36');
  return n;
}

/** `lantern kpi`: every indicator for the council, for the period ending on a day. */
export function kpiCommand(): Command {
  return councilCommand('kpi')
    .description('print every performance indicator for the council (the 12 months ending on the as-of date, or a snapshot on it)')
    .option('--as-of <DATE>', 'the last day of the period, or the snapshot date (default: today in England)', date)
    .option('--months <N>', 'the length of the period in months (default 12)', months)
    .option('--json', 'print JSON, one indicator a line')
    .action(async (opts: { asOf?: string; months?: number; json?: boolean; laCode?: string; dataDir?: string }) => {
      const { computeAll } = await import('../areas/performance/index.ts');
      await onCouncil(opts, async (db, laCode) => {
        const asOf = opts.asOf ?? todayInEngland();
        const began = performance.now();
        const results = await computeAll(db, laCode, { asOf, months: opts.months });
        const seconds = (performance.now() - began) / 1000;
        const out = process.stdout;
        if (!opts.json) out.write(`${['indicator', 'value', 'unit', 'numerator', 'denominator', 'period', 'england'].join('\t')}\n`);
        for (const r of results) {
          if (opts.json) {
            out.write(`${JSON.stringify(r)}\n`);
            continue;
          }
          const unit = {
            percent: '%',
            'per-10k': 'per 10,000',
            count: 'count',
            average: 'average',
            'median-days': 'median days',
            'median-weeks': 'median weeks',
          }[r.unit];
          const period = r.period ? `${r.period.from}..${r.period.to}` : `on ${r.asOf}`;
          const value = r.value === null ? '-' : String(r.value);
          const extra = r.per10k !== null ? ` (${r.per10k} per 10,000)` : r.medianDays !== null && r.unit === 'count' ? ` (median ${r.medianDays} days)` : '';
          out.write(
            `${[r.id, value + extra, unit, r.numerator ?? '-', r.denominator ?? '-', period, r.england ? `${r.england.value} (${r.england.year})` : '-'].join('\t')}\n`,
          );
        }
        process.stderr.write(`${results.length} indicators for ${laCode} as of ${asOf} in ${seconds.toFixed(2)} s\n`);
      });
    });
}
