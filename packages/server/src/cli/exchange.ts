/**
 * `lantern export dfe-csc-api`, `lantern feed dfe-csc-api`: the DfE's daily children's social care
 * feed (and, beside it, the SSD and subject access requests). Heavy modules load only when used.
 */
import { Command, InvalidArgumentError } from 'commander';
import { dataDirHelp } from './options.ts';

function isoDate(value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError('--as-of must be a real date written YYYY-MM-DD');
  return value;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function councilOf(db: import('kysely').Kysely<import('../kernel/db/schema.ts').Database>, laCode?: string): Promise<string> {
  const councils = await db.selectFrom('local_authority').select('la_code').execute();
  const code = laCode ?? (councils.length === 1 ? councils[0]?.la_code : undefined);
  if (!code) throw new Error(councils.length ? `There are ${councils.length} councils: say which with --la-code` : 'There is no council in this database yet');
  return code;
}

/** `lantern export dfe-csc-api`. */
export function dfeExportCommand(): Command {
  return new Command('dfe-csc-api')
    .description("write the full object of every child in the DfE feed's cohort as one JSON array (checked against the feed's JSON Schema)")
    .option('--as-of <DATE>', 'the date the cohort is drawn up to (default today), YYYY-MM-DD', isoDate)
    .requiredOption('--out <FILE>', 'the .json file to write')
    .option('--la-code <CODE>', 'the council (default: the only one in the database)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { asOf?: string; out: string; laCode?: string; dataDir?: string }) => {
      const { open } = await import('node:fs/promises');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { COMMAND_LINE } = await import('../areas/returns/index.ts');
      const { exportDfeCscApi } = await import('../areas/exchange/index.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      const file = await open(opts.out, 'w');
      try {
        const laCode = await councilOf(store.db, opts.laCode);
        const asOf = opts.asOf ?? today();
        const r = await exportDfeCscApi(store.db, laCode, asOf, async (s) => void (await file.write(s)), COMMAND_LINE);
        for (const c of r.invalid) process.stdout.write(`NOT WRITTEN child ${c.laChildId}: ${c.errors.join('; ')}\n`);
        process.stdout.write(
          `Wrote ${r.written.toLocaleString('en-GB')} children of ${laCode}'s DfE feed as at ${asOf} to ${opts.out}; ${r.invalid.length} not valid.\n`,
        );
        if (r.invalid.length) process.exitCode = 1;
      } finally {
        await file.close();
        await store.close();
      }
    });
}

/** `lantern feed dfe-csc-api`: one day's submission. */
export function feedCommand(): Command {
  const feed = new Command('feed').description('send a daily feed from the case record');
  feed
    .command('dfe-csc-api')
    .description("send today's changes to the DfE's children's social care API (configured by LANTERN_DFE_* settings)")
    .option('--as-of <DATE>', 'the run date (default today), YYYY-MM-DD', isoDate)
    .option('--dry-run', 'send nothing: write what would be sent (to --out, else standard output)')
    .option('--out <FILE>', 'with --dry-run, the .json file to write')
    .option('--la-code <CODE>', 'the council (default: the only one in the database)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { asOf?: string; dryRun?: boolean; out?: string; laCode?: string; dataDir?: string }) => {
      const { writeFile } = await import('node:fs/promises');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { COMMAND_LINE } = await import('../areas/returns/index.ts');
      const { DfeApiClient, dfeApiConfigFrom, runDfeFeed } = await import('../areas/exchange/index.ts');
      const config = opts.dryRun ? null : dfeApiConfigFrom(process.env);
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const laCode = await councilOf(store.db, opts.laCode);
        const asOf = opts.asOf ?? today();
        const r = await runDfeFeed(store.db, laCode, {
          asOf,
          client: config ? new DfeApiClient(config) : null,
          batchSize: config?.batchSize ?? Number(process.env.LANTERN_DFE_BATCH_SIZE ?? 100),
          actor: COMMAND_LINE,
        });
        if (opts.dryRun) {
          const text = `${JSON.stringify(
            r.items.map((i) => i.payload),
            null,
            2,
          )}\n`;
          if (opts.out) await writeFile(opts.out, text);
          else process.stdout.write(text);
        }
        for (const c of r.invalid) process.stderr.write(`NOT SENT child ${c.laChildId}: ${c.errors.join('; ')}\n`);
        process.stderr.write(
          `${opts.dryRun ? 'Would send' : 'Sent'} ${laCode}'s DfE feed for ${asOf}: ${r.full} in full, ${r.partial} partial, ${r.purged} purged, ` +
            `${r.unchanged} unchanged, ${r.failed} failed.\n`,
        );
        if (r.failed) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
  return feed;
}

/** `lantern export sar`: the copy of a child's record for their subject access request, as a PDF. */
export function sarExportCommand(): Command {
  return new Command('sar')
    .description('write the copy of a child’s record for their latest subject access request as a PDF (review copy, or the released one)')
    .requiredOption('--child <LA_CHILD_ID>', 'the council’s id for the child')
    .requiredOption('--out <FILE>', 'the .pdf file to write')
    .option('--copy <KIND>', 'review (marked text highlighted) or released (marked text removed; once released)', 'review')
    .option('--la-code <CODE>', 'the council (default: the only one in the database)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { child: string; out: string; copy: string; laCode?: string; dataDir?: string }) => {
      if (opts.copy !== 'review' && opts.copy !== 'released') throw new InvalidArgumentError('--copy must be review or released');
      const { writeFile } = await import('node:fs/promises');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { COMMAND_LINE, importActor } = await import('../areas/returns/index.ts');
      const { sarCopy } = await import('../areas/exchange/index.ts');
      const { batch } = await import('../kernel/ledger.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const laCode = await councilOf(store.db, opts.laCode);
        const child = await store.db
          .selectFrom('person')
          .select('person_id')
          .where('la_code', '=', laCode)
          .where('la_child_id', '=', opts.child)
          .executeTakeFirst();
        if (!child) throw new Error(`No child ${opts.child} in ${laCode}`);
        const sar = await store.db
          .selectFrom('subject_access_request')
          .selectAll()
          .where('la_code', '=', laCode)
          .where('child_id', '=', child.person_id)
          .orderBy('received_on', 'desc')
          .executeTakeFirst();
        if (!sar) throw new Error(`${opts.child} has no subject access request recorded`);
        if (opts.copy === 'released' && !sar.released_on)
          throw new Error('That request’s copy has not been released: a person reviews its marks and releases it first');
        const pdf = await sarCopy(store.db, laCode, child.person_id, sar.sar_id, opts.copy === 'released' ? 'release' : 'review');
        await writeFile(opts.out, pdf);
        await batch(
          store.db,
          importActor(COMMAND_LINE, laCode),
          async (ledger) =>
            ledger.audit({
              action: 'export',
              recordType: 'subject-access-request-copy',
              recordId: sar.sar_id,
              childId: child.person_id,
              detail: { copy: opts.copy },
            }),
          { laCode },
        );
        process.stdout.write(`Wrote the ${opts.copy} copy of ${opts.child}'s record (${sar.marks.length} redaction marks) to ${opts.out}.\n`);
      } finally {
        await store.close();
      }
    });
}
