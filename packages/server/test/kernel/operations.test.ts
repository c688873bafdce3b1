/**
 * What a council's infrastructure team relies on, on both stores: liveness and readiness, the
 * Prometheus metrics behind their token (no personal data in a label), request ids from the log
 * into the audit trail, structured logs without a child's name, migrations' status, and scheduled
 * jobs that run once however many schedulers tick together.
 */
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCouncil } from '../../src/kernel/db/council.ts';
import { loadMigrations, migrationStatus } from '../../src/kernel/db/migrate.ts';
import { scheduler } from '../../src/kernel/jobs.ts';
import { SCHEDULED_JOBS } from '../../src/scheduled-jobs.ts';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { client, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789';
let server: TestServer;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
  });
  server = await startTestServer({ children: 12, logs, metricsToken: TOKEN });
});
afterAll(() => server?.close());

describe('health for load balancers', () => {
  it('live answers while the process runs; ready checks the database, migrations and the store', async () => {
    expect((await client(server).get('/api/health/live')).body).toEqual({ status: 'live' });
    const ready = await client(server).get('/api/health/ready');
    const last = loadMigrations().at(-1)?.version;
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true, detail: `at ${last}` }, store: { ok: true } },
    });
  });

  it('ready says not-ready (503) when the database has migrations this release lacks', async () => {
    await sql`insert into schema_migration (version) values ('9999_from_a_newer_release')`.execute(server.store.db).catch(() => undefined);
    // The application's login may not write schema_migration on PostgreSQL; ask the status directly then.
    const status = await migrationStatus(server.store.db);
    if (status.unknown.length > 0) {
      const ready = await client(server).get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.migrations.detail).toMatch(/newer release/);
      await sql`delete from schema_migration where version = '9999_from_a_newer_release'`.execute(server.store.db);
    }
    expect((await migrationStatus(server.store.db)).pending).toEqual([]);
  });
});

describe('metrics for Prometheus', () => {
  it('needs the token, then counts requests by route template, with no name or id in any label', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const cookie = await signInAs(server, 'sw.demo', DEMO_PASSWORD);
    const children = await client(server, cookie).get('/api/children?q=a');
    const child = children.body.results[0];
    await client(server, cookie).get(`/api/children/${child.childId}`);
    await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sw.demo', password: 'not the password at all' }),
    });

    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/lantern_http_requests_total\{method="GET",route="\/api\/children\/:childId",status="200"\} 1/);
    expect(text).toMatch(/lantern_http_request_duration_seconds_bucket\{le="[0-9.]+",method="GET",route="\/api\/children"\}/);
    expect(text).toMatch(/lantern_sign_in_failures_total 1/);
    expect(text).toMatch(/lantern_db_pool_size \d+/);
    expect(text).toMatch(/lantern_deadline_refresh_seconds_count\{scope="council"\}|lantern_deadline_refresh_seconds/);
    expect(text).toMatch(/lantern_obligations_overdue\{council="E06000019",rule="[a-z0-9-]+"\} \d+/);
    // No personal data: not the child's id, names, the search, or the username.
    for (const secret of [child.childId, child.givenName, child.familyName, 'q=a', 'sw.demo']) expect(text).not.toContain(secret);
  });
});

describe('request ids and logs', () => {
  it('each answer carries its request id, and the audit rows of that request carry it too', async () => {
    const cookie = await signInAs(server, 'tm.demo', DEMO_PASSWORD);
    const search = await client(server, cookie).get('/api/children?q=e');
    const child = search.body.results[0];
    const read = await client(server, cookie).get(`/api/children/${child.childId}`);
    const requestId = read.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await withCouncil('*', () =>
      server.store.db.selectFrom('audit_event').select(['action', 'child_id', 'request_id']).where('request_id', '=', requestId).execute(),
    );
    expect(rows).toEqual([expect.objectContaining({ action: 'read', child_id: child.childId })]);
    // The same id in the structured log line of that request.
    const line = logLines.find((l) => l.reqId === requestId && l.msg === 'request completed');
    expect(line).toMatchObject({ res: { statusCode: 200 } });
  });

  it("a proxy's own request id is kept", async () => {
    const res = await fetch(`${server.url}/api/health/live`, { headers: { 'x-request-id': 'proxy-id-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('proxy-id-12345678');
  });

  it('log lines are JSON naming the route, never a query string or a child’s name', async () => {
    const names = await withCouncil('*', () => server.store.db.selectFrom('person').select(['given_name', 'family_name']).execute());
    expect(names.length).toBeGreaterThan(10);
    const text = JSON.stringify(logLines);
    expect(logLines.some((l) => (l.req as { route?: string } | undefined)?.route === '/api/children/:childId')).toBe(true);
    expect(text).not.toContain('q=a');
    for (const n of names) for (const part of [n.given_name, n.family_name]) if (part && part.length > 2) expect(text, part).not.toContain(part);
  });
});

describe('scheduled jobs', () => {
  it('run once when several schedulers find them due together, and not again until due', async () => {
    const a = scheduler(server.store.db, SCHEDULED_JOBS, { instance: 'server-a' });
    const b = scheduler(server.store.db, SCHEDULED_JOBS, { instance: 'server-b' });
    const [first, second] = await Promise.all([a.runDue(), b.runDue()]);
    const ran = [...(first ?? []), ...(second ?? [])].filter((o) => o.outcome === 'ran').map((o) => o.job);
    expect(ran.sort()).toEqual(['clear-ended-sessions', 'refresh-deadlines']);
    expect((await a.runDue()).map((o) => o.outcome)).toEqual(['skipped', 'skipped']);
    const rows = await server.store.db.selectFrom('scheduled_job').select(['job', 'runs', 'last_outcome']).orderBy('job').execute();
    expect(rows).toEqual([
      { job: 'clear-ended-sessions', runs: 1, last_outcome: expect.stringMatching(/ended sessions cleared/) },
      { job: 'refresh-deadlines', runs: 1, last_outcome: expect.stringMatching(/^\d+ deadlines in 1 council$/) },
    ]);
  });
});
