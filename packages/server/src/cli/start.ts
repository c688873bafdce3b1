import { createServer as createNetServer } from 'node:net';
import { ROLES, type Role } from '@lantern/core/permissions';
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
      // Before opening the store or seeding: another server on the port would make all that wait for nothing.
      const busy = await portInUse(opts.port, opts.host);
      if (busy) {
        process.stderr.write(
          `lantern: cannot start: ${busy === 'EADDRINUSE' ? `port ${opts.port} on ${opts.host} is already in use (is Lantern already running?)` : `cannot listen on ${opts.host}:${opts.port} (${busy})`}. Stop the other server or choose another port with --port N.\n`,
        );
        process.exit(1);
      }
      const { sql } = await import('kysely');
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { DEMO_PASSWORD, seedCouncil } = await import('../seed/generate.ts');
      const { createServer } = await import('../server.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      if (opts.seedIfEmpty) {
        const council = await store.db.selectFrom('local_authority').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
        if (Number(council.n) === 0) {
          process.stderr.write('No council yet: creating the synthetic demo council…\n');
          await seedCouncil(store.db, { onProgress: progressPrinter() });
        }
      }
      const { authSettings, plainHttpWarning } = await import('../kernel/auth/config.ts');
      const warning = plainHttpWarning(authSettings(), opts.host);
      if (warning) process.stderr.write(`${warning}\n`);
      const app = await createServer({ store, logger: !!opts.log });
      let address: string;
      try {
        address = await app.listen({ port: opts.port, host: opts.host });
      } catch (error) {
        await app.close();
        await store.close();
        process.stderr.write(`lantern: cannot start: ${(error as Error).message}\n`);
        process.exit(1);
      }
      const url = address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
      // Each demo user's role in words, with the team it leads or works in (the front door's manager is a team manager too).
      const users = (
        await store.db
          .selectFrom('app_user as u')
          .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'u.la_code').onRef('w.worker_id', '=', 'u.worker_id'))
          .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
          .select(['u.username', 'u.role', 't.name as team'])
          .where('u.username', 'like', '%.demo')
          .orderBy('u.role')
          .orderBy('u.username')
          .execute()
      ).map(
        (u) =>
          `    ${u.username.padEnd(14)} ${ROLES[u.role as Role] ?? u.role}${u.team && ['social-worker', 'team-manager'].includes(u.role) ? `, ${u.team}` : ''}`,
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

/** Whether something already listens on the port: the error code when it cannot be had, else null. */
function portInUse(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
