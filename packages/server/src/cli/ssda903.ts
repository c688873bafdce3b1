import { Command, InvalidArgumentError } from 'commander';

/** `--year`: the year of the return's 31 March (2026 for 2025/26); "2025/26" is accepted too. */
function collectionYear(value: string): number {
  const m = /^(\d{4})(?:[/-](\d{2}))?$/.exec(value.trim());
  const year = m ? (m[2] ? Number(m[1]) + 1 : Number(m[1])) : Number.NaN;
  if (m?.[2] && Number(m[2]) !== year % 100) throw new InvalidArgumentError('--year must be like 2026 or 2025/26');
  if (year !== 2026 && year !== 2027) throw new InvalidArgumentError('--year must be 2026 (2025/26) or 2027 (2026/27): the years whose DfE rules Lantern has');
  return year;
}

/** Adds `ssda903` to a `validate` command group: `lantern validate ssda903 DIR --year YYYY`. */
export function addSsda903Validate(validate: Command): Command {
  validate.addCommand(
    new Command('ssda903')
      .description('check an SSDA903 return (a folder of CSV tables) against the DfE rules for its year')
      .argument('<DIR>', 'folder of the CSV files (each recognised by its columns, whatever its name)')
      .requiredOption('--year <YYYY>', 'collection year, by its 31 March: 2026 for 2025/26', collectionYear)
      .option('--previous <DIR>', "folder of last year's return, for the rules that compare years")
      .option('--providers <FILE>', "Ofsted's providers as CSV: URN, PLACE_CODES, PROVIDER_CODES, POSTCODE, LA_CODE, REGISTERED, CLOSED")
      .option('--la-code <CODE>', "the council's ONS code (e.g. E09000027), for the rules on the provider's council and PL_LOCATION")
      .option(
        '--postcodes <FILE>',
        'the ONS Postcode Directory (the ONS zip or CSV, or the compact .tsv.gz), for the rules on PL_LA, PL_LOCATION and PL_DISTANCE',
      )
      .option('--json', 'print the result as JSON')
      .action(async (dir: string, opts: { year: number; previous?: string; providers?: string; laCode?: string; postcodes?: string; json?: boolean }) => {
        const { loadReturnDir, loadProviders, ReturnFileError } = await import('../areas/returns/ssda903/files.ts');
        const { Ssda903Return, checkSsda903, failuresOf } = await import('@lantern/core/returns/ssda903/index');
        try {
          const current = await loadReturnDir(dir);
          const previous = opts.previous ? await loadReturnDir(opts.previous) : undefined;
          const providers = opts.providers ? await loadProviders(opts.providers) : undefined;
          if (current.files.length === 0) throw new ReturnFileError(`${dir} has no SSDA903 tables (CSV files with the DfE's column names)`);
          let postcodes: import('@lantern/core/returns/ssda903/postcodes').PostcodeDirectory | undefined;
          if (opts.postcodes) {
            const { loadPostcodeDirectory, postcodesOf } = await import('../areas/returns/ssda903/postcode-file.ts');
            postcodes = await loadPostcodeDirectory(opts.postcodes, postcodesOf(current.tables.Episodes, previous?.tables.Episodes));
          }
          const ret = new Ssda903Return({
            year: opts.year,
            tables: current.tables,
            previous: previous?.tables,
            providers,
            laCode: opts.laCode?.toUpperCase(),
            postcodes,
          });
          const result = checkSsda903(ret);
          const out = process.stdout;
          if (opts.json) {
            const { writeSsda903Json } = await import('./ssda903-report.ts');
            await writeSsda903Json(out, ret, result, { files: current.files, ignored: current.ignored, previousFiles: previous?.files ?? [] });
          } else {
            for (const f of current.files) process.stderr.write(`${f.table.padEnd(15)} ${f.file} (${f.rows.toLocaleString('en-GB')} rows)\n`);
            for (const f of current.ignored) process.stderr.write(`ignored         ${f.file}: ${f.reason}\n`);
            for (const f of failuresOf(ret, result.findings)) {
              const fields = Object.entries(f.fields)
                .map(([k, v]) => `${k}=${v === '' ? '(blank)' : v}`)
                .join(' ');
              out.write(`${f.code}\t${f.table} row ${f.row}\tchild ${f.child}\t${fields}\t${f.message}\n`);
            }
            const byRule = new Map<string, number>();
            for (const f of result.findings) byRule.set(f.info.code, (byRule.get(f.info.code) ?? 0) + f.rows.length);
            process.stderr.write(
              `${result.count.toLocaleString('en-GB')} failures of ${byRule.size} rules; ${result.ran.length} rules run, ${result.notRun.length} not run (--json lists them with why)\n`,
            );
          }
          process.exitCode = result.count > 0 ? 1 : 0;
        } catch (error) {
          if (error instanceof ReturnFileError) {
            process.stderr.write(`lantern: ${error.message}\n`);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      }),
  );
  return validate;
}
