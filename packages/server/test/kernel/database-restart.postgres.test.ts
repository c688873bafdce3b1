/**
 * Riding through a database restart. The test runs its OWN PostgreSQL server (initdb into a temp
 * folder, on a free port; the machine's shared server is never touched) and a real `lantern start`
 * process against it. Four writers record new children while the database is restarted, then
 * while it is stopped: the server must stay up, answer 503 with Retry-After (and /api/health
 * "database-down") while the database is away, serve again by itself once it is back, and every
 * write it acknowledged must be there. PostgreSQL only (the embedded store has no server to lose).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/kernel/db/store.ts';
import { buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const BIN = readdirSync('/usr/lib/postgresql', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => path.join('/usr/lib/postgresql', d.name, 'bin'))
  .find((dir) => existsSync(path.join(dir, 'initdb')));
const skip = !BIN && process.env.CI !== 'true';
if (skip) console.log('Database restart test skipped: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');

const asRoot = process.getuid?.() === 0;
/** initdb refuses to run as root: then the server runs as the postgres user, in a folder it owns. */
function pgRun(tool: string, args: string[]) {
  const file = path.join(BIN as string, tool);
  return asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' }) : execFileSync(file, args, { stdio: 'pipe' });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let data: string;
let dbPort: number;
let databaseUrl: string;
let lantern: ChildProcess | undefined;
let url: string;
let cookie: string;
let lanternLog = '';

const pgCtl = (action: 'start' | 'stop' | 'restart') =>
  pgRun('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'postgres.log'),
    '-w',
    '-t',
    '60',
    ...(action === 'start' ? [] : ['-m', 'fast']),
    '-o',
    `-p ${dbPort} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
    action,
  ]);

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(path.join(tmpdir(), 'lantern-pg-restart-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  data = path.join(dir, 'data');
  pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  dbPort = await freePort();
  pgCtl('start');
  databaseUrl = `postgres://postgres@127.0.0.1:${dbPort}/postgres`;
  const store = await openStore({ kind: 'postgres', databaseUrl });
  await buildFixture(store.db);
  await store.close();

  const port = await freePort();
  lantern = spawn(process.execPath, [path.join(ROOT, 'packages/server/bin/lantern.mjs'), 'start', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  lantern.stdout?.on('data', (b) => (lanternLog += b));
  lantern.stderr?.on('data', (b) => (lanternLog += b));
  url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240 && !lanternLog.includes('Lantern is running'); i++) {
    if (lantern.exitCode !== null) throw new Error(`lantern start ended: ${lanternLog}`);
    await sleep(250);
  }
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sw', password: FIXTURE_PASSWORD }),
  });
  expect(res.status).toBe(200);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
});

afterAll(async () => {
  if (skip) return;
  lantern?.kill('SIGTERM');
  try {
    pgCtl('stop');
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
});

type Outcome = { acknowledged: string[]; statuses: Map<number, number>; unavailable: { retryAfter: string | null; type: string | null }[] };

/** Writers recording new children until told to stop, noting each acknowledged child and every status. */
let acknowledgedSoFar = () => 0;
function writers(count: number, stop: { now: boolean }): Promise<Outcome> {
  const outcome: Outcome = { acknowledged: [], statuses: new Map(), unavailable: [] };
  acknowledgedSoFar = () => outcome.acknowledged.length;
  let n = 0;
  const one = async (w: number) => {
    while (!stop.now) {
      const name = `Writer${w}n${n++}`;
      try {
        const res = await fetch(`${url}/api/children`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ givenName: name, familyName: 'Restart', sex: 'U', dateOfBirth: '2016-05-01', confirmNotDuplicate: true }),
        });
        const body = (await res.json()) as { child?: { childId: string } };
        outcome.statuses.set(res.status, (outcome.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201 && body.child) outcome.acknowledged.push(body.child.childId);
        if (res.status === 503) {
          outcome.unavailable.push({ retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type') });
          await sleep(100);
        }
      } catch {
        // The server itself not answering: counted, and the test fails on it below.
        outcome.statuses.set(0, (outcome.statuses.get(0) ?? 0) + 1);
        await sleep(100);
      }
    }
  };
  return Promise.all(Array.from({ length: count }, (_, w) => one(w))).then(() => outcome);
}

async function untilWritesSucceed(): Promise<number> {
  const began = Date.now();
  while (Date.now() - began < 60_000) {
    const res = await fetch(`${url}/api/health`);
    if (res.status === 200) return Date.now() - began;
    await sleep(200);
  }
  throw new Error('Lantern did not serve again within 60 s of the database coming back');
}

describe.skipIf(skip)('a PostgreSQL restart under concurrent writes', () => {
  it('leaves the server running, answers 503 while the database is away, and keeps every acknowledged write', { timeout: 240_000 }, async () => {
    const stop = { now: false };
    const running = writers(4, stop);
    // Writes under way (some acknowledged) before the restart.
    while (!stop.now && (await fetch(`${url}/api/health`)).status === 200 && acknowledgedSoFar() < 8) await sleep(200);
    pgCtl('restart');
    await untilWritesSucceed();
    await sleep(1_000);

    // Now the database is away for a while: health says so, writes are refused with 503.
    pgCtl('stop');
    await sleep(1_000);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(await health.json()).toMatchObject({ status: 'database-down' });
    const refused = await fetch(`${url}/api/children/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, { headers: { cookie } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    pgCtl('start');
    const back = await untilWritesSucceed();
    await sleep(1_500);
    stop.now = true;
    const outcome = await running;

    expect(lantern?.exitCode, lanternLog).toBeNull();
    expect(back).toBeLessThan(30_000);
    // Every answer was a success or a 503 with Retry-After: never a 500, never silence.
    expect([...outcome.statuses.keys()].sort(), JSON.stringify([...outcome.statuses])).toEqual(expect.arrayContaining([201, 503]));
    expect(
      [...outcome.statuses.keys()].filter((s) => s !== 201 && s !== 503),
      lanternLog.slice(-2000),
    ).toEqual([]);
    expect(outcome.unavailable.every((u) => u.retryAfter === '5' && u.type?.includes('application/problem+json'))).toBe(true);

    // Every write the server acknowledged is in the database.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const found = await client.query<{ n: number }>('select count(*)::int as n from person where person_id = any($1::uuid[])', [outcome.acknowledged]);
      expect(found.rows[0]?.n).toBe(outcome.acknowledged.length);
      expect(outcome.acknowledged.length).toBeGreaterThan(8);
    } finally {
      await client.end();
    }

    // And writing goes on as before.
    const after = await fetch(`${url}/api/children`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ givenName: 'After', familyName: 'Restart', sex: 'U', dateOfBirth: '2016-05-01', confirmNotDuplicate: true }),
    });
    expect(after.status).toBe(201);
  });
});
