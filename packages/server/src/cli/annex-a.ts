/** `lantern export annex-a`: Ofsted's Annex A lists as an Excel workbook, from the case record. */
import { type Command, InvalidArgumentError } from 'commander';
import { progressPrinter } from './database.ts';
import { dataDirHelp, onCouncil } from './options.ts';

function isoDate(value: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  )
    throw new InvalidArgumentError('--as-of must be a real date written YYYY-MM-DD');
  return value;
}

export function annexACommands(groups: { exportGroup: Command }): void {
  groups.exportGroup
    .command('annex-a')
    .description("write Ofsted's Annex A lists (one sheet a list) as at a date, as an Excel workbook")
    .requiredOption('--as-of <DATE>', 'the date the lists are drawn up to (usually the day before the inspection), YYYY-MM-DD', isoDate)
    .requiredOption('--out <FILE>', 'the .xlsx file to write')
    .option('--la-code <CODE>', 'the council (default: the only one in the database)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { asOf: string; out: string; laCode?: string; dataDir?: string }) => {
      const { createWriteStream } = await import('node:fs');
      const { finished } = await import('node:stream/promises');
      const { COMMAND_LINE, exportAnnexA } = await import('../areas/returns/index.ts');
      await onCouncil(opts, async (db, laCode) => {
        const out = createWriteStream(opts.out);
        const progress = progressPrinter();
        const r = await exportAnnexA(db, laCode, opts.asOf, out, { actor: COMMAND_LINE, onProgress: (d, t) => progress(d, t, 'Children read') });
        await finished(out);
        for (const l of r.lists)
          process.stdout.write(`List ${String(l.number).padStart(2)} ${l.title.padEnd(32)} ${l.rows.toLocaleString('en-GB').padStart(8)} rows\n`);
        process.stdout.write(
          `Wrote Annex A of ${laCode} as at ${opts.asOf} (six months from ${r.from6}, twelve from ${r.from12}): ` +
            `${r.children.toLocaleString('en-GB')} children, to ${opts.out} in ${r.seconds.toFixed(1)} s.\n`,
        );
      });
    });
}
