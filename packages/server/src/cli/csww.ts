import { readFile, writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { onCouncil, councilCommand } from './options.ts';

function year(value: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) throw new InvalidArgumentError('--year must be a year written YYYY');
  return Number(value);
}

/** `lantern export csww`: the children's social work workforce census for a year (reference date 30 September). */
export function cswwExportCommand(): Command {
  return councilCommand('csww')
    .description('the children’s social work workforce census (CSWW) as XML, as at 30 September of the year')
    .requiredOption('--year <YYYY>', 'the collection year', year)
    .requiredOption('--out <FILE>', 'where to write the XML')
    .action(async (opts: { year: number; out: string; laCode?: string; dataDir?: string }) => {
      const { buildCensus, validateCensus } = await import('../areas/workforce/index.ts');
      await onCouncil(opts, async (db, laCode) => {
        const census = await buildCensus(db, laCode, opts.year);
        await writeFile(opts.out, census.xml);
        const report = await validateCensus(census.xml);
        const errors = report.issues.filter((i) => i.severity === 'error').length + report.schemaErrors.length;
        process.stderr.write(
          `Wrote ${opts.out}: ${census.message.workers.length} workers as at ${census.message.referenceDate}, ` +
            `${census.message.vacancies.NumberOfVacancies} vacancies, ${census.message.vacancies.NoAgencyHeadcount} agency workers` +
            (errors ? `; ${errors} errors: run lantern validate csww ${opts.out}` : '') +
            '\n',
        );
      });
    });
}

/** `lantern validate csww FILE`: any council's census file against the schema and the census's rules; exit 1 on an error. */
export function cswwValidateCommand(): Command {
  return new Command('csww')
    .description('check a CSWW census file against the 2022 schema and the census’s rules (exit 1 on an error)')
    .argument('<FILE>', 'the census XML')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { validateCensus } = await import('../areas/workforce/index.ts');
      const report = await validateCensus(await readFile(file, 'utf8'));
      if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        for (const e of report.schemaErrors) process.stdout.write(`error\tschema\tline ${e.line ?? '?'}\t${e.message}\n`);
        for (const i of report.issues)
          process.stdout.write(`${i.severity}\t${i.rule}\t${i.worker ? `worker ${i.worker} (${i.swe})` : 'return'}\t${i.field}: ${i.message}\n`);
        const errors = report.schemaErrors.length + report.issues.filter((i) => i.severity === 'error').length;
        const warnings = report.issues.length - report.issues.filter((i) => i.severity === 'error').length;
        process.stdout.write(`${file}: ${report.workers} workers; ${errors} errors, ${warnings} warnings — ${report.valid ? 'valid' : 'NOT valid'}\n`);
      }
      if (!report.valid) process.exitCode = 1;
    });
}
