/** `lantern export ssd` and `lantern import ssd`: the Standard Safeguarding Dataset out of and into the case record. */
import { Command } from 'commander';
import { progressPrinter } from './database.ts';
import { refused } from './refused.ts';
import { councilOf, dataDirHelp } from './options.ts';

export function ssdExportCommand(): Command {
  return new Command('ssd')
    .description('write the Standard Safeguarding Dataset: one CSV per SSD object Lantern holds (docs/ssd.md)')
    .requiredOption('--out <DIR>', 'the folder to write the CSV files into')
    .option('--la-code <CODE>', 'the council (default: the only one in the database)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { out: string; laCode?: string; dataDir?: string }) => {
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { exportSsd } = await import('../areas/exchange/index.ts');
      const { COMMAND_LINE } = await import('../areas/returns/index.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const laCode = await councilOf(store.db, opts.laCode?.toUpperCase());
        const r = await exportSsd(store.db, laCode, opts.out, { actor: COMMAND_LINE });
        const rows = Object.entries(r.rows)
          .map(([object, n]) => `${object} ${n.toLocaleString('en-GB')}`)
          .join(', ');
        process.stdout.write(`Wrote the SSD of ${laCode} to ${opts.out} in ${r.seconds.toFixed(1)} s: ${rows}.\n`);
      } finally {
        await store.close();
      }
    });
}

export function ssdImportCommand(): Command {
  return new Command('ssd')
    .description(
      "load a council's Standard Safeguarding Dataset extract (a folder of ssd_*.csv files) into a council with no children yet (idempotent, all or nothing)",
    )
    .argument('<DIR>', 'the folder of CSV files, each named by its SSD object (ssd_person.csv, ssd_cin_episodes.csv…)')
    .option('--la-code <CODE>', "the council's ONS code (default: the only council in the database)")
    .option('--json', 'print the result as JSON')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (dir: string, opts: { laCode?: string; json?: boolean; dataDir?: string }) => {
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { COMMAND_LINE, ImportRefused } = await import('../areas/returns/index.ts');
      const { importSsd } = await import('../areas/exchange/index.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const progress = progressPrinter();
        const r = await importSsd(store.db, dir, { actor: COMMAND_LINE, laCode: opts.laCode?.toUpperCase(), onProgress: progress }).catch(
          refused(ImportRefused),
        );
        if (!r) return;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        for (const n of r.notHeld) process.stdout.write(`NOT HELD ${n}\n`);
        for (const n of r.notPlaced) process.stdout.write(`NOT PLACED ${n.object} row ${n.row} (${n.id}): ${n.reason}\n`);
        const written = Object.entries(r.written)
          .map(([table, n]) => `${n.toLocaleString('en-GB')} ${table}`)
          .join(', ');
        process.stdout.write(
          `Imported ${dir} into ${r.laCode} (${r.councilName}): ${r.children.toLocaleString('en-GB')} children in the extract; ` +
            `${r.alreadyImported ? 'already imported, nothing written' : `written: ${written || 'nothing'}`}; ${r.notPlaced.length} records not placed; in ${r.seconds.toFixed(1)} s.\n`,
        );
      } finally {
        await store.close();
      }
    });
}
