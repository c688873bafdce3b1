import { Command, InvalidArgumentError } from 'commander';
import { refused } from './refused.ts';

function threadCount(value: string): number {
  const n = Number(value);
  if (n !== 1 && n !== 2) throw new InvalidArgumentError('--threads must be 1 or 2');
  return n;
}

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
      .option(
        '--threads <N>',
        'threads to check on: 1, or 2 to share the rules between two cores (by default 2 for a return of 4 MB or more when a core is free)',
        threadCount,
      )
      .action(
        async (
          dir: string,
          opts: { year: number; previous?: string; providers?: string; laCode?: string; postcodes?: string; json?: boolean; threads?: number },
        ) => {
          const { ReturnFileError } = await import('../areas/returns/ssda903/files.ts');
          const { checkReturn } = await import('../areas/returns/ssda903/check-run.ts');
          const out = process.stdout;
          // Resolves once the chunk is written, its bytes then filled again with more of the report
          // (a failed write is the stream's 'error', handled in main.ts).
          const write = (chunk: string | Uint8Array) => new Promise<void>((resolve) => out.write(chunk, () => resolve()));
          try {
            let first = true;
            const outcome = await checkReturn(
              { dir, year: opts.year, previous: opts.previous, providers: opts.providers, laCode: opts.laCode, postcodes: opts.postcodes },
              opts.json ? 'json' : 'text',
              {
                begin: async ({ current, previous }, plan) => {
                  if (opts.json) {
                    const head = JSON.stringify({
                      year: opts.year,
                      ran: plan.ran,
                      notRun: plan.notRun,
                      files: current.files,
                      ignored: current.ignored,
                      previousFiles: previous?.files ?? [],
                    });
                    await write(`${head.slice(0, -1)},"failures":[`);
                  } else {
                    for (const f of current.files) process.stderr.write(`${f.table.padEnd(15)} ${f.file} (${f.rows.toLocaleString('en-GB')} rows)\n`);
                    for (const f of current.ignored) process.stderr.write(`ignored         ${f.file}: ${f.reason}\n`);
                  }
                },
                // JSON items each start with a comma; the first item's is dropped.
                write: async (chunk) => {
                  if (opts.json && first) {
                    first = false;
                    await write(typeof chunk === 'string' ? chunk.slice(1) : chunk.subarray(1));
                  } else await write(chunk);
                },
              },
              opts.threads,
            );
            if (opts.json) await write('\n]}\n');
            else
              process.stderr.write(
                `${outcome.count.toLocaleString('en-GB')} failures of ${outcome.byRule.size} rules; ${outcome.ran.length} rules run, ${outcome.notRun.length} not run (--json lists them with why)\n`,
              );
            process.exitCode = outcome.count > 0 ? 1 : 0;
          } catch (error) {
            refused(ReturnFileError)(error);
          }
        },
      ),
  );
  return validate;
}
