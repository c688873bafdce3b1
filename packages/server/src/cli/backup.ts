import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { dataDirHelp } from './options.ts';

export function backupCommand(): Command {
  return new Command('backup')
    .description('write a backup of the database to a file (the embedded folder, or PostgreSQL with pg_dump)')
    .requiredOption('--out <FILE>', 'the backup file to write')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (opts: { out: string; dataDir?: string }) => {
      const { storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { backup } = await import('../kernel/db/backup.ts');
      const began = performance.now();
      const out = path.resolve(opts.out);
      const kind = await backup(storeOptionsFrom(process.env, opts.dataDir), out);
      const size = (await stat(out)).size;
      process.stdout.write(
        `Backed up the ${kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database to ${out} (${(size / 1024 / 1024).toFixed(1)} MiB, ${((performance.now() - began) / 1000).toFixed(1)} s).\n`,
      );
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('restore a backup written by `lantern backup` into an empty database (or --replace one)')
    .argument('<FILE>', 'the backup file')
    .option('--replace', 'replace the database that is there (the embedded folder is kept beside it)')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (file: string, opts: { replace?: boolean; dataDir?: string }) => {
      const { sql } = await import('kysely');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { restore } = await import('../kernel/db/backup.ts');
      const options = storeOptionsFrom(process.env, opts.dataDir);
      await restore(options, path.resolve(file), !!opts.replace);
      // Opened once: migrated to this version of Lantern, and what came back is said.
      const store = await openStore(options);
      try {
        const { rows } = await sql<{ councils: number; children: number; audit: number }>`
          select (select count(*)::int from local_authority) as councils,
                 (select count(*)::int from person where is_child) as children,
                 (select count(*)::int from audit_event) as audit`.execute(store.db);
        const n = rows[0];
        process.stdout.write(
          `Restored ${file} into ${store.description}: ${n?.councils} council(s), ${n?.children.toLocaleString('en-GB')} children, ${n?.audit.toLocaleString('en-GB')} audit rows.\n`,
        );
      } finally {
        await store.close();
      }
    });
}
