/** `lantern export ssda903` and `lantern import ssda903`: the SSDA903 return to and from the case record. */
import { Command } from 'commander';
import { progressPrinter } from './database.ts';
import { refused } from './refused.ts';
import { collectionYear, councilOf, dataDirHelp, councilCommand } from './options.ts';

export function addSsda903Database(groups: { exportGroup: Command; importGroup: Command }): void {
  groups.exportGroup.addCommand(
    councilCommand('ssda903')
      .description('write the SSDA903 return (children looked after) for a collection year as one CSV per table')
      .requiredOption('--year <YYYY>', 'the collection year, ending 31 March of YYYY', collectionYear)
      .requiredOption('--out <DIR>', 'the folder to write the CSV files into')
      .action(async (opts: { year: number; out: string; laCode?: string; dataDir?: string }) => {
        const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
        const { COMMAND_LINE, exportSsda903 } = await import('../areas/returns/index.ts');
        const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
        try {
          const laCode = await councilOf(store.db, opts.laCode?.toUpperCase());
          const progress = progressPrinter();
          const r = await exportSsda903(store.db, laCode, opts.year, opts.out, {
            actor: COMMAND_LINE,
            onProgress: (d, t) => progress(d, t, 'Children written'),
          });
          const tables = Object.entries(r.rows)
            .map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`)
            .join(', ');
          process.stdout.write(
            `Wrote the ${opts.year - 1}/${String(opts.year).slice(2)} SSDA903 return of ${laCode} to ${opts.out} in ${r.seconds.toFixed(1)} s: ${tables}.\n`,
          );
        } finally {
          await store.close();
        }
      }),
  );

  groups.importGroup.addCommand(
    new Command('ssda903')
      .description("load a council's SSDA903 return (a folder of CSV tables) as its looked-after children (idempotent, all or nothing)")
      .argument('<DIR>', 'folder of the CSV files (each recognised by its columns)')
      .requiredOption('--year <YYYY>', 'the collection year, ending 31 March of YYYY', collectionYear)
      .option('--la-code <CODE>', "the council's ONS code (default: the only council in the database)")
      .option('--json', 'print the result as JSON')
      .option('--data-dir <DIR>', dataDirHelp)
      .action(async (dir: string, opts: { year: number; laCode?: string; json?: boolean; dataDir?: string }) => {
        const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
        const { COMMAND_LINE, ImportRefused, importSsda903, phasesText } = await import('../areas/returns/index.ts');
        const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
        try {
          const progress = progressPrinter();
          const r = await importSsda903(store.db, dir, {
            actor: COMMAND_LINE,
            year: opts.year,
            laCode: opts.laCode?.toUpperCase(),
            onProgress: (d, t, stage) => progress(d, t, stage),
          }).catch(refused(ImportRefused));
          if (!r) return;
          if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          else {
            for (const n of r.notPlaced) process.stdout.write(`NOT PLACED child ${n.child ?? '-'} ${n.table} row ${n.row}: ${n.reason}\n`);
            const w = Object.entries(r.written)
              .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
              .join(', ');
            process.stdout.write(
              `Imported ${dir} into ${r.laCode} (${r.councilName}): ${r.children.toLocaleString('en-GB')} children in the return; ` +
                `${r.alreadyImported ? 'already imported, nothing written' : `written: ${w || 'nothing new'}`}; ${r.notPlaced.length} records not placed; in ${r.seconds.toFixed(1)} s (${phasesText(r.phases)}).\n`,
            );
          }
        } finally {
          await store.close();
        }
      }),
  );
}
