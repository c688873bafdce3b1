import { Command } from 'commander';
import { progressPrinter } from './database.ts';
import { dataDirHelp, wholeNumber } from './options.ts';

export function startCommand(): Command {
  return new Command('start')
    .description('start the Lantern server')
    .option('--port <PORT>', 'the port to listen on', wholeNumber('--port', 1), Number(process.env.PORT ?? 3000))
    .option('--host <HOST>', 'the address to listen on', process.env.HOST ?? 'localhost')
    .option('--data-dir <DIR>', dataDirHelp)
    .option('--seed-if-empty', 'create the demo council when the database has no council yet')
    .option('--log', 'log each request')
    .action(async (opts: { port: number; host: string; dataDir?: string; seedIfEmpty?: boolean; log?: boolean }) => {
      const began = performance.now();
      const { sql } = await import('kysely');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { DEMO_PASSWORD, seedCouncil } = await import('../seed/generate.ts');
      const { createServer } = await import('../server.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      let seededUsers: string[] = [];
      if (opts.seedIfEmpty) {
        const council = await store.db.selectFrom('local_authority').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
        if (Number(council.n) === 0) {
          process.stderr.write('No council yet: creating the synthetic demo council…\n');
          const summary = await seedCouncil(store.db, { onProgress: progressPrinter() });
          seededUsers = summary.users.map((u) => `    ${u.username.padEnd(14)} ${u.role}`);
        }
      }
      const app = await createServer({ store, logger: !!opts.log });
      const address = await app.listen({ port: opts.port, host: opts.host });
      const url = address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
      const users = seededUsers.length
        ? seededUsers
        : (await store.db.selectFrom('app_user').select(['username', 'role']).where('username', 'like', '%.demo').orderBy('role').execute()).map(
            (u) => `    ${u.username.padEnd(14)} ${u.role}`,
          );
      process.stdout.write(
        `\nLantern is running at ${url} on ${store.description} (ready in ${((performance.now() - began) / 1000).toFixed(1)} s).\n` +
          (users.length ? `Sign in as one of the demo users, password ${DEMO_PASSWORD}:\n${users.join('\n')}\n` : '') +
          'Press Ctrl+C to stop.\n',
      );
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
