import { Command } from 'commander';
import { timeline } from '../kernel/timeline.ts';
import { dataDirHelp, wholeNumber } from './options.ts';

/** Progress on one line of a terminal, or a line every stage when output is a file. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStage = '';
  let lastPrint = 0;
  return (done: number, total: number, stage: string) => {
    const now = Date.now();
    if (stage !== lastStage) timeline(`seeding: ${stage}`);
    if (stage === lastStage && now - lastPrint < 250 && done < total) return;
    const line = `${stage}: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}${done >= total ? '\n' : ''}`);
    else if (stage !== lastStage || done >= total) stream.write(`${line}\n`);
    lastStage = stage;
    lastPrint = now;
  };
}

export function seedCommand(): Command {
  return new Command('seed')
    .description('create the synthetic demo council (deterministic for a seed)')
    .option('--children <N>', 'how many children', wholeNumber('--children', 1))
    .option('--seed <S>', 'the random seed', wholeNumber('--seed'), 1)
    .option('--la-code <CODE>', 'the council’s ONS code', 'E06000019')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { children?: number; seed: number; laCode: string; dataDir?: string }) => {
      // Loaded on use, so light commands (calendar) start fast.
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { seedCouncil } = await import('../seed/generate.ts');
      // Another council beside an existing one takes its own name and DfE number from the list of English councils.
      const { englishCouncils } = await import('../areas/returns/index.ts');
      const council = englishCouncils().find((c) => c.laCode === opts.laCode);
      if (!council) {
        process.stderr.write(`lantern: cannot seed: ${opts.laCode} is not an English council's ONS code (reference/councils.csv), e.g. E06000019\n`);
        process.exit(1);
      }
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const summary = await seedCouncil(store.db, {
          children: opts.children,
          seed: opts.seed,
          laCode: council.laCode,
          laNumber: council.laNumber,
          councilName: council.name,
          onProgress: progressPrinter(),
        });
        process.stdout.write(
          `Seeded ${summary.laCode}: ${summary.children.toLocaleString('en-GB')} children, ${summary.adults.toLocaleString('en-GB')} adults, ` +
            `${summary.workers} workers in ${summary.teams} teams, in ${summary.seconds.toFixed(1)} s (${store.description}).\n`,
        );
        for (const u of summary.users) process.stdout.write(`  ${u.username.padEnd(14)} ${u.role}\n`);
        process.stdout.write(`  password for every demo user: ${summary.password}\n`);
      } finally {
        await store.close();
      }
    });
}

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply database migrations (the server also does this on start, under a lock, so two servers never both migrate)')
    .option('--data-dir <DIR>', dataDirHelp)
    .option(
      '--check',
      'say what would run, and change nothing: exit 0 when up to date, 1 when migrations would run, 3 when the database is newer than this release',
    )
    .action(async (opts: { dataDir?: string; check?: boolean }) => {
      const { openStore, readMigrationStatus, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const options = storeOptionsFrom(process.env, opts.dataDir);
      if (opts.check) {
        const status = await readMigrationStatus(options);
        const where = options.kind === 'pglite' ? `The embedded database in ${options.dataDir}` : 'The database';
        process.stdout.write(`${where} is at ${status.applied ?? 'no migration yet'}; this release expects ${status.expected}.\n`);
        if (status.unknown.length > 0) {
          process.stdout.write(
            `It has migrations this release does not know (${status.unknown.join(', ')}): a newer Lantern migrated it. Run that release, or restore the backup taken before the upgrade (docs/operations.md, "Upgrades and rollback").\n`,
          );
          process.exitCode = 3;
        } else if (status.pending.length > 0) {
          process.stdout.write(`Would apply, in order:\n${status.pending.map((v) => `  ${v}\n`).join('')}`);
          process.exitCode = 1;
        } else process.stdout.write('Nothing to apply.\n');
        return;
      }
      const store = await openStore(options);
      await store.close();
      process.stdout.write(`Migrations applied on ${store.description}.\n`);
    });
}
