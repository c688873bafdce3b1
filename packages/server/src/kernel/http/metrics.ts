/**
 * Prometheus metrics (prom-client), one registry per server: requests by route template, the
 * database pool, deadline refreshes, returns' imports and exports, sign-in failures and lockouts,
 * scheduled jobs, and overdue deadlines by rule. Labels are route templates, rule ids, council
 * codes, return kinds and outcomes: never a name, an id of a person, a query string or free text.
 *
 * Served at /metrics on the main port only to a bearer of LANTERN_METRICS_TOKEN, or on a port of
 * its own (LANTERN_METRICS_PORT, see serveMetricsApart); with neither, there is no /metrics.
 */
import { timingSafeEqual } from 'node:crypto';
import type diagnostics from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import { todayInEngland } from '@lantern/core/calendar';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ALL_COUNCILS, withCouncil } from '../db/council.ts';
import { CHANNELS, type DeadlineRefresh, type JobRun, type ReturnRun, type SignInEvent } from '../telemetry.ts';

export type MetricsOptions = { token?: string | null };

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LONG_SECONDS = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600];

export function installMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const registry = new Registry();
  app.decorate('metrics', registry);
  const requests = new Counter({
    name: 'lantern_http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'lantern_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'],
    buckets: SECONDS,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The template (/api/children/:childId), never the path: ids would make a series per child.
    const route = request.routeOptions.url ?? (request.url.startsWith('/api') ? 'unmatched' : 'web');
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const store = () => app.store.poolUse();
  new Gauge({
    name: 'lantern_db_pool_size',
    help: 'Database connections the pool may open',
    registers: [registry],
    collect() {
      this.set(store().size);
    },
  });
  new Gauge({
    name: 'lantern_db_pool_connections',
    help: 'Database connections open, by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const use = store();
      this.set({ state: 'in-use' }, use.total - use.idle);
      this.set({ state: 'idle' }, use.idle);
    },
  });
  new Gauge({
    name: 'lantern_db_pool_waiting',
    help: 'Queries waiting for a database connection now',
    registers: [registry],
    collect() {
      this.set(store().waiting);
    },
  });
  new Counter({
    name: 'lantern_db_pool_waits_total',
    help: 'Connections taken from the pool',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(store().waits);
    },
  });
  new Counter({
    name: 'lantern_db_pool_wait_seconds_total',
    help: 'Time spent waiting for a pooled connection',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(store().waitSeconds);
    },
  });

  const refresh = new Histogram({
    name: 'lantern_deadline_refresh_seconds',
    help: 'Time to re-derive deadlines',
    labelNames: ['scope'],
    buckets: SECONDS,
    registers: [registry],
  });
  const returns = new Histogram({
    name: 'lantern_return_run_seconds',
    help: 'Imports, exports and validations of the statutory returns',
    labelNames: ['operation', 'format', 'outcome'],
    buckets: LONG_SECONDS,
    registers: [registry],
  });
  const signIns = new Counter({ name: 'lantern_sign_in_failures_total', help: 'Failed sign-ins with a password', registers: [registry] });
  const lockouts = new Counter({ name: 'lantern_sign_in_lockouts_total', help: 'Accounts or addresses locked after repeated failures', registers: [registry] });
  const jobs = new Histogram({
    name: 'lantern_job_run_seconds',
    help: 'Scheduled jobs run by this server',
    labelNames: ['job', 'outcome'],
    buckets: LONG_SECONDS,
    registers: [registry],
  });
  const listeners: [diagnostics.Channel, (message: unknown) => void][] = [
    [
      CHANNELS.deadlineRefresh,
      (m) => refresh.observe({ scope: (m as DeadlineRefresh).children === 'all' ? 'council' : 'children' }, (m as DeadlineRefresh).seconds),
    ],
    [
      CHANNELS.returnRun,
      (m) => {
        const r = m as ReturnRun;
        returns.observe({ operation: r.operation, format: r.format, outcome: r.outcome }, r.seconds);
      },
    ],
    [CHANNELS.signIn, (m) => ((m as SignInEvent).outcome === 'locked' ? lockouts.inc() : signIns.inc())],
    [CHANNELS.job, (m) => jobs.observe({ job: (m as JobRun).job, outcome: (m as JobRun).outcome }, (m as JobRun).seconds)],
  ];
  for (const [channel, listener] of listeners) channel.subscribe(listener);
  app.addHook('onClose', async () => {
    for (const [channel, listener] of listeners) channel.unsubscribe(listener);
  });

  // Counted when scraped, across councils (labelled by council code and rule id only).
  new Gauge({
    name: 'lantern_obligations_overdue',
    help: 'Open statutory deadlines past their due date, by council and rule',
    labelNames: ['council', 'rule'],
    registers: [registry],
    async collect() {
      const { rows } = await withCouncil(ALL_COUNCILS, () =>
        sql<{ la_code: string; rule_id: string; n: number }>`
          select la_code, rule_id, count(*)::int as n from obligation
          where met_on is null and ended_on is null and due_date < ${todayInEngland()}::date
          group by la_code, rule_id`.execute(app.store.db),
      );
      this.reset();
      for (const r of rows) this.set({ council: r.la_code, rule: r.rule_id }, r.n);
    },
  });

  if (options.token) {
    const expected = Buffer.from(`Bearer ${options.token}`);
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain').send('The metrics need the bearer token (LANTERN_METRICS_TOKEN)\n');
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  }
}

/**
 * /metrics on a port of its own (LANTERN_METRICS_PORT), for a scraper on a private network. The
 * caller closes it: the app is ready by now, and Fastify takes no onClose hook once it is (adding
 * one here stopped `lantern start` from starting).
 */
export async function serveMetricsApart(app: FastifyInstance, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Only /metrics here\n');
      return;
    }
    app.metrics.metrics().then(
      (text) => response.writeHead(200, { 'content-type': app.metrics.contentType }).end(text),
      (error: Error) => response.writeHead(503, { 'content-type': 'text/plain' }).end(`Metrics unavailable: ${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  return server;
}
