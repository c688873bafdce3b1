import { Command } from 'commander';
import { dataDirHelp, wholeNumber } from './options.ts';

/** Progress on one line of a terminal, or a line every stage when output is a file. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStage = '';
  let lastPrint = 0;
  return (done: number, total: number, stage: string) => {
    const now = Date.now();
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
    .description('apply database migrations (the server also does this on start)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { dataDir?: string }) => {
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      await store.close();
      process.stdout.write(`Migrations applied on ${store.description}.\n`);
    });
}
