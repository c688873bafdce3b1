/**
 * `lantern export|validate|import <return>`: the statutory returns. Each return adds its own
 * subcommands through one function here (cinCensus…); heavy modules load only when used.
 */
import { Command } from 'commander';
import { progressPrinter } from './database.ts';
import { writeJsonReport } from './json-report.ts';
import { collectionYear, councilOf, dataDirHelp } from './options.ts';
import { cswwExportCommand, cswwValidateCommand } from './csww.ts';
import { addSsda903Validate } from './ssda903.ts';
import { annexACommands } from './annex-a.ts';
import { addSsda903Database } from './ssda903-db.ts';
import { dfeExportCommand, sarExportCommand } from './exchange.ts';
import { ssdExportCommand, ssdImportCommand } from './ssd.ts';

/** `lantern export cin-census`, `lantern validate cin-census`, `lantern import cin-census`. */
export function cinCensusCommands(groups: { exportGroup: Command; validateGroup: Command; importGroup: Command }): void {
  groups.exportGroup
    .command('cin-census')
    .description('write the CIN census for a collection year as XML')
    .requiredOption('--year <YYYY>', 'the collection year, ending 31 March of YYYY', collectionYear)
    .requiredOption('--out <FILE>', 'the XML file to write')
    .option('--la-code <CODE>', 'the council (default: the only one in the database)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { year: number; out: string; laCode?: string; dataDir?: string }) => {
      const { createWriteStream } = await import('node:fs');
      const { finished } = await import('node:stream/promises');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { COMMAND_LINE, exportCinCensus } = await import('../areas/returns/index.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const laCode = await councilOf(store.db, opts.laCode);
        const out = createWriteStream(opts.out);
        const progress = progressPrinter();
        const r = await exportCinCensus(store.db, laCode, opts.year, out, { actor: COMMAND_LINE, onProgress: (d, t) => progress(d, t, 'Children written') });
        out.end();
        await finished(out);
        process.stdout.write(
          `Wrote the ${opts.year - 1}/${String(opts.year).slice(2)} CIN census of ${laCode} (LA ${r.laNumber}): ${r.children.toLocaleString('en-GB')} children, ` +
            `${r.episodes.toLocaleString('en-GB')} episodes, to ${opts.out} in ${r.seconds.toFixed(1)} s.\n`,
        );
      } finally {
        await store.close();
      }
    });

  groups.validateGroup
    .command('cin-census')
    .description("check a CIN census file against the DfE's schema and rules for its year (exit 1 on any error)")
    .argument('<FILE>', 'the XML file')
    .option('--year <YYYY>', 'the collection year (default: the file header’s Year)', collectionYear)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { year?: number; json?: boolean }) => {
      // The validator alone, not the area's index: its import and export code is a third of the start-up.
      const { validateCinCensusFile } = await import('../areas/returns/cin-census/validate.ts');
      const result = await validateCinCensusFile({ path: file }, { year: opts.year });
      if (opts.json) await writeJsonReport(process.stdout, result, 'failures');
      else {
        const out = process.stdout;
        for (const f of result.failures) {
          out.write(
            `${f.severity === 'error' ? 'ERROR' : 'QUERY'} ${f.code} child ${f.childId ?? '-'} ${f.module}${f.row ? ` (${f.row})` : ''}` +
              `${f.line ? ` line ${f.line}` : ''} [${f.fields.join(', ')}]: ${f.message}\n`,
          );
        }
        out.write(
          `${file}: ${result.children.toLocaleString('en-GB')} children, ${result.year - 1}/${String(result.year).slice(2)} rules; ` +
            `schema ${result.schemaValid ? 'valid' : 'INVALID'}; ${result.errors} errors, ${result.queries} queries.\n`,
        );
      }
      if (result.errors > 0) process.exitCode = 1;
    });

  groups.importGroup
    .command('cin-census')
    .description("load a council's CIN census return as the history of its children (idempotent, all or nothing)")
    .argument('<FILE>', 'the XML file')
    .option('--year <YYYY>', 'the collection year (default: the file header’s Year)', collectionYear)
    .option('--json', 'print the result as JSON')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (file: string, opts: { year?: number; json?: boolean; dataDir?: string }) => {
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { COMMAND_LINE, importCinCensus, phasesText } = await import('../areas/returns/index.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const progress = progressPrinter();
        const r = await importCinCensus(store.db, { path: file }, { actor: COMMAND_LINE, year: opts.year, onProgress: (d, t, stage) => progress(d, t, stage) });
        if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else {
          for (const n of r.notPlaced) process.stdout.write(`NOT PLACED child ${n.childId ?? '-'} ${n.row ?? ''}: ${n.reason}\n`);
          const w = Object.entries(r.written)
            .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
            .join(', ');
          process.stdout.write(
            `Imported ${file} into ${r.laCode} (${r.councilName}): ${r.children.toLocaleString('en-GB')} children in the file; written: ${w || 'nothing new'}; ` +
              `${r.notPlaced.length} records not placed; in ${r.seconds.toFixed(1)} s (${phasesText(r.phases)}).\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}

/** The `export`, `validate` and `import` command groups, each return adding its subcommands. */
export function returnsCommands(): Command[] {
  const exportGroup = new Command('export').description('produce a statutory return from the case record');
  const validateGroup = new Command('validate').description("check a statutory return file against the DfE's schema and rules");
  const importGroup = new Command('import').description("load a council's statutory return into Lantern");
  cinCensusCommands({ exportGroup, validateGroup, importGroup });
  annexACommands({ exportGroup });
  addSsda903Validate(validateGroup);
  addSsda903Database({ exportGroup, importGroup });
  exportGroup.addCommand(cswwExportCommand());
  exportGroup.addCommand(dfeExportCommand());
  exportGroup.addCommand(sarExportCommand());
  exportGroup.addCommand(ssdExportCommand());
  importGroup.addCommand(ssdImportCommand());
  validateGroup.addCommand(cswwValidateCommand());
  return [exportGroup, validateGroup, importGroup];
}
