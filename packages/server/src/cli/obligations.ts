import { isIsoDate, todayInEngland } from '@lantern/core/calendar';
import { type Command, InvalidArgumentError } from 'commander';
import { onCouncil, councilCommand } from './options.ts';

function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('--as-of must be a real date written YYYY-MM-DD');
  return value;
}

/** `lantern obligations`: every open deadline, as of a day. */
export function obligationsCommand(): Command {
  return councilCommand('obligations')
    .description('print the open obligations (deadlines) of every child, overdue first, then the foster carers’')
    .option('--as-of <DATE>', 'the day to ask about (default: today in England)', date)
    .option('--overdue', 'only those overdue')
    .option('--json', 'print JSON, one object a line')
    .option('--rebuild', 'rebuild every obligation from the record first, the workers’ supervision and induction deadlines too')
    .option('--keep-settled', 'with --rebuild: leave settled history (children whose every deadline is met or ended) as it stands')
    .action(async (opts: { asOf?: string; overdue?: boolean; json?: boolean; rebuild?: boolean; keepSettled?: boolean; laCode?: string; dataDir?: string }) => {
      const { refreshObligations } = await import('../kernel/obligations.ts');
      const { refreshWorkerObligations } = await import('../kernel/worker-obligations.ts');
      const { stateOn } = await import('../areas/timescales/index.ts');
      const { openOn } = await import('./open-obligations.ts');
      await onCouncil(opts, async (db, laCode) => {
        if (opts.rebuild) {
          const r = await refreshObligations(db, laCode, { settled: opts.keepSettled ? 'keep' : 'rederive' });
          process.stderr.write(`Rebuilt ${r.obligations.toLocaleString('en-GB')} obligations in ${r.seconds.toFixed(2)} s\n`);
          // Supervision and induction are workers' deadlines, kept in their own table: rebuilt too.
          const began = performance.now();
          const w = await refreshWorkerObligations(db, laCode);
          process.stderr.write(
            `Rebuilt ${w.obligations.toLocaleString('en-GB')} worker deadlines (supervision, induction) in ${((performance.now() - began) / 1000).toFixed(2)} s\n`,
          );
          // The fostering households' deadlines (reviews, visits, TSD, assessments) have their own table too.
          const { refreshFosterObligations } = await import('../areas/fostering/index.ts');
          const f = await refreshFosterObligations(db, laCode);
          process.stderr.write(`Rebuilt ${f.obligations.toLocaleString('en-GB')} foster carers’ deadlines\n`);
        }
        const asOf = opts.asOf ?? todayInEngland();
        const stream = openOn(db, 'obligation', laCode, asOf, !!opts.overdue)
          .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'o.la_code').onRef('p.person_id', '=', 'o.child_id'))
          .select('p.la_child_id')
          .orderBy('p.la_child_id')
          .stream(2000);
        const out = process.stdout;
        if (!opts.json) out.write(`${['la_child_id', 'rule', 'start', 'due', 'state', 'worker', 'team'].join('\t')}\n`);
        let n = 0;
        /** One deadline as a line: JSON with `who` spread in (laChildId, or a household), else a tab-separated row led by its id. */
        type Open = {
          rule_id: string;
          start_date: string;
          due_date: string;
          met_on: string | null;
          ended_on: string | null;
          worker: string | null;
          team: string | null;
        };
        const print = (r: Open, who: { laChildId: string | null; household?: string }, id: string | null) => {
          const row = { ...who, ruleId: r.rule_id, startDate: r.start_date, dueDate: r.due_date, state: stateOn(r, asOf), worker: r.worker, team: r.team };
          out.write(
            opts.json
              ? `${JSON.stringify(row)}\n`
              : `${[id, row.ruleId, row.startDate, row.dueDate, row.state, row.worker ?? '-', row.team ?? '-'].join('\t')}\n`,
          );
          n++;
        };
        for await (const r of stream) print(r, { laChildId: r.la_child_id }, r.la_child_id);
        // The foster carers' deadlines: a household, not a child, so `household` names it and laChildId is null.
        const carers = openOn(db, 'foster_obligation', laCode, asOf, !!opts.overdue)
          .innerJoin('foster_household as h', (j) => j.onRef('h.la_code', '=', 'o.la_code').onRef('h.household_id', '=', 'o.household_id'))
          .select('h.reference')
          .orderBy('h.reference')
          .stream(2000);
        for await (const r of carers) print(r, { laChildId: null, household: r.reference }, r.reference);
        process.stderr.write(`${n.toLocaleString('en-GB')} open obligations as of ${asOf}\n`);
      });
    });
}
