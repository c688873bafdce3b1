/**
 * The demo council's seeding and the server's start: `lantern seed` as its own process on both
 * stores, the first start on an empty folder (seeding the demo) with its timeline, a restart, and
 * the latency of a search and of a child's record on the demo council.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { templateUsable } from '../src/kernel/db/embedded-template.ts';
import { watchDatabaseCpu } from './database-cpu.ts';
import { figure, freshPostgresDatabase, LANTERN, loadAverage, runLantern } from './harness.ts';

async function waitForHealth(url: string, child: ChildProcess, began: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return (performance.now() - began) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * CPU seconds (both of its threads: the HTTP one and the embedded database's) and peak memory of
 * a running process so far, from /proc: on a machine shared with other work, the CPU time says
 * more than the wall time. Zeros where /proc is not there.
 */
function resourcesSoFar(pid: number | undefined): { cpuSeconds: number; peakMiB: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuSeconds: ticks / 100, peakMiB: hwm ? Number(hwm[1]) / 1024 : 0 };
  } catch {
    return { cpuSeconds: 0, peakMiB: 0 };
  }
}

async function startServer(dataDir: string, port: number, extra: string[] = []) {
  const began = performance.now();
  // Its timeline (kernel/timeline.ts): each step of the start, with the time and CPU used so far.
  const child = spawn('node', [LANTERN, 'start', '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANTERN_TIMELINE: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const seconds = await waitForHealth(`http://127.0.0.1:${port}`, child, began);
  return {
    seconds,
    timeline: stderr.split('\n').filter((l) => l.startsWith('timeline ')),
    ...resourcesSoFar(child.pid),
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/** `lantern seed` of the demo council and of 50,000 children, on PGlite and (where there is a server) PostgreSQL. */
export async function seedingFigures(work: string, hasPostgres: boolean): Promise<void> {
  const demoDir = path.join(work, 'demo');
  const demo = await runLantern(['seed', '--data-dir', demoDir]);
  figure('seed demo council (2,400 children), PGlite: time', demo.seconds, 's', `whole process, incl. creating the database; ${loadAverage()}`);
  figure('seed demo council (2,400 children), PGlite: CPU time', demo.cpuSeconds, 's', 'both threads');
  figure('seed demo council (2,400 children), PGlite: peak memory', demo.peakMiB, 'MiB');
  const bigDir = path.join(work, 'big');
  const big = await runLantern(['seed', '--children', '50000', '--data-dir', bigDir]);
  figure('seed 50,000 children, PGlite: time', big.seconds, 's', loadAverage());
  figure('seed 50,000 children, PGlite: CPU time', big.cpuSeconds, 's', 'both threads');
  figure('seed 50,000 children, PGlite: peak memory', big.peakMiB, 'MiB', 'target under 1,024');
  rmSync(bigDir, { recursive: true, force: true });
  if (hasPostgres) {
    for (const children of [2400, 50000]) {
      const db = await freshPostgresDatabase();
      try {
        // The database's side too: on a shared machine the two CPU times say where the time went.
        const watch = await watchDatabaseCpu(db.url);
        const r = await runLantern(['seed', '--children', String(children)], { DATABASE_URL: db.url });
        const databaseCpu = await watch.stop();
        const target = children === 50000 ? `target 60 s: ${(r.seconds / 60).toFixed(2)}× of it; ` : '';
        figure(`seed ${children.toLocaleString('en-GB')} children, PostgreSQL: time`, r.seconds, 's', `${target}${loadAverage()}`);
        figure(`seed ${children.toLocaleString('en-GB')} children, PostgreSQL: Lantern's CPU time`, r.cpuSeconds, 's', 'the database server’s not counted');
        if (databaseCpu !== null)
          figure(
            `seed ${children.toLocaleString('en-GB')} children, PostgreSQL: the database server's CPU time`,
            databaseCpu,
            's',
            'its backends for the seed',
          );
        figure(`seed ${children.toLocaleString('en-GB')} children, PostgreSQL: peak memory`, r.peakMiB, 'MiB', 'target under 1,024');
      } finally {
        await db.drop();
      }
    }
  } else process.stdout.write('seed on PostgreSQL: skipped (no server at TEST_DATABASE_URL)\n');
}

/** The first start on an empty folder, then three restarts; with `api`, the demo's search and record latency. */
export async function startUpFigures(work: string, api: boolean): Promise<void> {
  const dir = path.join(work, 'start');
  const first = await startServer(dir, 3461, ['--seed-if-empty']);
  const target = `target 15 s: ${(first.seconds / 15).toFixed(2)}× of it; ${loadAverage()}`;
  figure('first start on an empty folder, incl. seeding the demo council', first.seconds, 's', `launch to first health answer; ${target}`);
  figure('first start: CPU time (both threads) to the health answer', first.cpuSeconds, 's', `${(first.cpuSeconds / first.seconds).toFixed(2)} cores busy`);
  figure('first start: peak memory', first.peakMiB, 'MiB', 'target under 1,024');
  const template = templateUsable() ? "a copy of the install's empty database" : 'no template: created the long way (npm install makes it)';
  process.stdout.write(`first start's steps (the new folder: ${template}):\n${first.timeline.map((l) => `  ${l}`).join('\n')}\n`);
  await first.stop();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer(dir, 3461);
    times.push(s.seconds);
    if (i < 2) await s.stop();
    else if (api) await apiFigures(s.url);
    if (i === 2) await s.stop();
  }
  figure('server start, demo council already there (median of 3)', times.sort((a, b) => a - b)[1] as number, 's', 'launch to first health answer');
}

async function apiFigures(url: string) {
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sw.demo', password: 'lantern-demo-2026' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const time = async (path: string, n: number) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(n * 0.5)] as number, p95: ms[Math.floor(n * 0.95)] as number };
  };
  const search = await time('/api/children?q=smith', 100);
  figure('search children by name, demo council, PGlite: median', search.p50, 'ms');
  figure('search children by name, demo council, PGlite: 95th percentile', search.p95, 'ms');
  const found = (await (await fetch(`${url}/api/children?q=a&limit=1`, { headers: { cookie } })).json()) as { results: { childId: string }[] };
  const childId = found.results[0]?.childId;
  if (childId) {
    const open = await time(`/api/children/${childId}`, 100);
    figure('open a child’s record, demo council, PGlite: median', open.p50, 'ms');
    figure('open a child’s record, demo council, PGlite: 95th percentile', open.p95, 'ms');
  }
}
