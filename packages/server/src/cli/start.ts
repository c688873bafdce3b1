import { createServer as createNetServer } from 'node:net';
import { ROLES, type Role } from '@lantern/core/permissions';
import { Command } from 'commander';
import type { Store } from '../kernel/db/store.ts';
import { timeline } from '../kernel/timeline.ts';
import { progressPrinter } from './database.ts';
import { dataDirHelp, wholeNumber } from './options.ts';

export function startCommand(): Command {
  return new Command('start')
    .description('start the Lantern server')
    .option('--port <PORT>', 'the port to listen on (default 3000, or PORT)', wholeNumber('--port', 1))
    .option('--host <HOST>', 'the address to listen on (default localhost, or HOST)')
    .option('--data-dir <DIR>', dataDirHelp)
    .option('--seed-if-empty', 'create the demo council when the database has no council yet')
    .option('--log', 'log each request (structured JSON on standard output)')
    .addHelpText('after', '\nEvery setting, its variable and its default: docs/configuration.md')
    .action(async (flags: { port?: number; host?: string; dataDir?: string; seedIfEmpty?: boolean; log?: boolean }) => {
      const began = performance.now();
      // Every setting checked before anything opens: a wrong one stops start-up, named.
      const { ConfigurationError, serverConfig } = await import('../kernel/config.ts');
      let config: import('../kernel/config.ts').ServerConfig;
      try {
        config = serverConfig(process.env, {
          PORT: flags.port === undefined ? undefined : String(flags.port),
          HOST: flags.host,
          LANTERN_DATA_DIR: flags.dataDir,
          LANTERN_SEED_IF_EMPTY: flags.seedIfEmpty ? '1' : undefined,
          LANTERN_LOG: flags.log ? '1' : undefined,
        });
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        process.stderr.write(`lantern: cannot start: ${error.message}\nEvery setting is described in docs/configuration.md.\n`);
        process.exit(EXIT_CONFIGURATION);
      }
      const opts = { port: config.port, host: config.host, dataDir: config.dataDir, seedIfEmpty: config.seedIfEmpty };
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
      // The embedded database starts (and migrates) on its own thread while this one loads the
      // server's modules and builds its routes; a first start seeds the demo council as soon as
      // the store is open, the routes still building around it: on the embedded store the
      // database's thread is the first start's longest path, so it never waits for this one.
      const opening = openStore(storeOptionsFrom(process.env, opts.dataDir));
      opening.catch(() => undefined); // its failure is met below, where it is awaited
      const [{ DEMO_PASSWORD, seedCouncil }, { createServer }] = await Promise.all([
        import('../seed/generate.ts'),
        import('../server.ts'),
        import('../areas/obligation-rules.ts'), // the areas' deadline rules (main.ts), registered before anything is recorded
      ]);
      timeline('modules loaded');
      const seeding = opening.then(async (store) => {
        timeline('store open');
        if (!opts.seedIfEmpty) return;
        const council = await store.db.selectFrom('local_authority').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
        if (Number(council.n) > 0) return;
        process.stderr.write('No council yet: creating the synthetic demo council…\n');
        await seedCouncil(store.db, { onProgress: progressPrinter() });
      });
      seeding.catch(() => undefined); // awaited below, before the server listens
      const { plainHttpWarning } = await import('../kernel/auth/config.ts');
      const warning = plainHttpWarning(config.auth, opts.host);
      if (warning) process.stderr.write(`${warning}\n`);
      const app = await createServer({ store: storeOnceOpen(opening), logger: { level: config.logLevel }, metrics: { token: config.metrics.token } });
      timeline('server built');
      const store = await opening;
      await seeding;
      timeline('seeded');
      let address: string;
      let metricsApart: import('node:http').Server | null = null;
      try {
        address = await app.listen({ port: opts.port, host: opts.host });
        if (config.metrics.port) {
          const { serveMetricsApart } = await import('../kernel/http/metrics.ts');
          metricsApart = await serveMetricsApart(app, config.metrics.port, config.metrics.host);
        }
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
      // Scheduled jobs: every server ticks each minute; a database lock lets one of them run each job.
      const { scheduler } = await import('../kernel/jobs.ts');
      const { SCHEDULED_JOBS, dfeFeedJob } = await import('../scheduled-jobs.ts');
      const all = [...SCHEDULED_JOBS];
      if (config.dfeFeedAt) {
        const { DfeApiClient, dfeApiConfigFrom } = await import('../areas/exchange/index.ts');
        const dfe = dfeApiConfigFrom(process.env);
        all.push(dfeFeedJob(config.dfeFeedAt, () => new DfeApiClient(dfe), dfe.batchSize));
      }
      const jobs = config.jobs ? scheduler(store.db, all, { tickSeconds: 60, onError: (error) => app.log.error({ err: error }, 'scheduled jobs') }) : null;
      const stop = async () => {
        jobs?.stop();
        await new Promise((resolve) => (metricsApart ? metricsApart.close(resolve) : resolve(undefined)));
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/**
 * The store as the server's routes hold it while it is still opening: they reach it only when a
 * request comes, and none comes before the server listens, once the store is open (and seeded).
 */
function storeOnceOpen(opening: Promise<Store>): Store {
  let opened: Store | null = null;
  opening.then((store) => (opened = store)).catch(() => undefined);
  const open = (): Store => {
    if (!opened) throw new Error('The database is still opening');
    return opened;
  };
  return {
    get db() {
      return open().db;
    },
    get kind() {
      return open().kind;
    },
    get description() {
      return open().description;
    },
    poolUse: () => open().poolUse(),
    close: () => open().close(),
  };
}

/** sysexits' EX_CONFIG: deploy/lantern.service does not restart a server stopped by its configuration. */
const EXIT_CONFIGURATION = 78;

/** Whether something already listens on the port: the error code when it cannot be had, else null. */
function portInUse(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
