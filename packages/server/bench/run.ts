/**
 * `npm run bench`: Lantern's speed and memory figures, each printed with its unit. Not a test:
 * nothing here passes or fails on a number; the figures go in the closing notes of the issues.
 *   seeding    — `lantern seed` as its own process: wall time and peak memory, on both stores
 *   start-up   — from launching `lantern start` to the first answered health check
 *   embedded   — how long the HTTP thread stalls while the embedded database runs a slow query,
 *                with PGlite on the main thread (the baseline) and on its worker thread
 *   api        — latency of a child search and of opening a child on the demo council
 *   workforce  — the workforce views (caseloads, churn, team turnover, allocation gaps, the supervision
 *                worklist), wall time and CPU time (LANTERN_BENCH_WORKFORCE_* measure a council seeded before)
 *   annex-a    — `lantern export annex-a` for a large seeded council (50,000 children on PostgreSQL,
 *                or ANNEX_A_CHILDREN; PGlite when there is no server): wall time and peak memory
 *   returns-903 — `lantern import ssda903` of that return into PostgreSQL, then `lantern export ssda903`
 *                 (LANTERN_BENCH_903_CHILDREN sets a smaller scale)
 *                on a council of about 1,000 staff, on both stores
 *   returns-903-validate — `lantern validate ssda903` on a national return (the reference's sample ×32, or
 *                the synthetic one), against data-to-insight's validator in the same run (ssda903-validate.ts)
 *   returns-cin-validate — `lantern validate cin-census` on the reference's CIN sample ×100 (33,200 children),
 *                against data-to-insight's CIN validator in the same run (cin-validate.ts)
 *   permanence — the demo council in process (PGlite): seeding with the permanence, UASC, health
 *                and care leaver records, and one looked-after child's deadline refresh
 *   imports    — `lantern import` of a national-scale SSDA903 return and CIN census into empty PostgreSQL
 *                databases, each beside the 60 s target, with peak memory, phases and load (imports.ts)
 *   returns-cin — the CIN census of ~100,000 children: export, validate, and import into an
 *                empty database, each as its own process (wall time and peak memory)
 *   looked-after — the generator's looked-after part on its own, the demo council's looked-after
 *                rows, and one recorded looked-after event (a visit, with its deadlines)
 *   obligations — the deadlines: a whole rebuild (everything, and with settled history kept), one
 *                recorded event and one child's refresh, on 50,000 children (and 500,000 on PostgreSQL
 *                with LANTERN_BENCH_NATIONAL=1); obligations.ts
 *   kpi        — every performance indicator for a council of 50,000 children, and for one team
 *                (LANTERN_BENCH_KPI_CHILDREN sets a smaller council, to check it runs)
 *   child-record — opening a child's record, a search and a worklist at 100 concurrent connections
 *                on a 50,000-child council on PostgreSQL, each against a bare Fastify + pg floor
 *                started in the same run (child-record.ts)
 *   landing    — each role's landing page at the 95th percentile for a council of 50,000 children on
 *                PostgreSQL (LANTERN_BENCH_CHILDREN sizes it smaller; LANTERN_BENCH_LANDING_DATABASE_URL
 *                names a seeded council to reuse, left in place)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { templateUsable } from '../src/kernel/db/embedded-template.ts';
import { EmbeddedPostgres } from '../src/kernel/db/pglite-dialect.ts';
import { appLoginName, openStore, type Store } from '../src/kernel/db/store.ts';
import { refreshObligations } from '../src/kernel/obligations.ts';
import { obligationFigures } from './obligations.ts';
import { writeNationalReturn } from './ssda903-national.ts';
import { ssda903ValidateFigures } from './ssda903-validate.ts';
import { cinValidateFigures } from './cin-validate.ts';
import { lookedAfterFigures } from './looked-after.ts';
import { importFigures } from './imports.ts';
import { computeAll, computeIndicator } from '../src/areas/performance/index.ts';
import { landingFigures } from './landing.ts';
import { childRecordFigures } from './child-record.ts';
import { INDICATORS } from '@lantern/core/indicators';

const LANTERN = new URL('../bin/lantern.mjs', import.meta.url).pathname;
const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

function figure(name: string, value: number, unit: string, note = '') {
  process.stdout.write(`${name.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${note ? `  (${note})` : ''}\n`);
}

function runLantern(
  args: string[],
  env: Record<string, string> = {},
  okCodes = [0],
): Promise<{ seconds: number; peakMiB: number; cpuSeconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [LANTERN, ...args], { env: { ...process.env, ...env, LANTERN_REPORT_RESOURCES: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      const line = stderr.split('\n').find((l) => l.startsWith('LANTERN_RESOURCES '));
      if (!okCodes.includes(code ?? -1) || !line) return reject(new Error(`lantern ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
      resolve({ ...(JSON.parse(line.slice('LANTERN_RESOURCES '.length)) as { seconds: number; peakMiB: number; cpuSeconds: number }), stdout });
    });
  });
}

async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lantern_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(POSTGRES);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`drop role if exists ${appLoginName(name)}`); // the application's login made for it
      await c.end();
    },
  };
}

/**
 * A PostgreSQL council of `children` to measure: the database `kept` names (seeded before, left in
 * place), else a fresh one seeded for the run and dropped after it. `measure` is given its URL and,
 * when it was seeded here, how long that took.
 */
async function seededPostgres(kept: string | undefined, children: number, measure: (url: string, seededSeconds: number | null) => Promise<void>) {
  const db = kept ? { url: kept, drop: async () => undefined } : await freshPostgresDatabase();
  try {
    const seeded = kept ? null : await runLantern(['seed', '--children', String(children)], { DATABASE_URL: db.url });
    await measure(db.url, seeded?.seconds ?? null);
  } finally {
    await db.drop();
  }
}

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

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

const loadAverage = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

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

// A query that keeps the database busy for a couple of seconds of pure computation.
const SLOW_QUERY = 'select count(*) from generate_series(1, 4000000) g where md5(g::text) like $1';

/** The longest gap between 5 ms timer ticks while `run` works: how long a request would wait. */
async function stallWhile(run: () => Promise<unknown>): Promise<{ maxMs: number; queryMs: number }> {
  let last = performance.now();
  let maxGap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  const began = performance.now();
  await run();
  const queryMs = performance.now() - began;
  await new Promise((r) => setTimeout(r, 30)); // let a tick delayed by the query land
  clearInterval(tick);
  return { maxMs: maxGap, queryMs };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'lantern-bench-'));
  const hasPostgres = await postgresAvailable();
  try {
    process.stdout.write(`Lantern benchmarks — node ${process.version}, ${new Date().toISOString()}\n\n`);

    if (want('seeding')) {
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
            const r = await runLantern(['seed', '--children', String(children)], { DATABASE_URL: db.url });
            const target = children === 50000 ? `target 60 s: ${(r.seconds / 60).toFixed(2)}× of it; ` : '';
            figure(`seed ${children.toLocaleString('en-GB')} children, PostgreSQL: time`, r.seconds, 's', `${target}${loadAverage()}`);
            figure(`seed ${children.toLocaleString('en-GB')} children, PostgreSQL: Lantern's CPU time`, r.cpuSeconds, 's', 'the database server’s not counted');
            figure(`seed ${children.toLocaleString('en-GB')} children, PostgreSQL: peak memory`, r.peakMiB, 'MiB', 'target under 1,024');
          } finally {
            await db.drop();
          }
        }
      } else process.stdout.write('seed on PostgreSQL: skipped (no server at TEST_DATABASE_URL)\n');
    }

    if (want('start-up') || want('api')) {
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
        else if (want('api')) await apiFigures(s.url);
        if (i === 2) await s.stop();
      }
      figure('server start, demo council already there (median of 3)', times.sort((a, b) => a - b)[1] as number, 's', 'launch to first health answer');
    }

    if (want('obligations')) {
      const sizes = process.env.LANTERN_BENCH_NATIONAL ? [50_000, 500_000] : [50_000];
      for (const children of sizes) {
        if (hasPostgres) {
          // LANTERN_BENCH_OBLIGATIONS_DATABASE_URL names a 50,000-child council seeded before (left in place).
          const kept = children === 50_000 ? process.env.LANTERN_BENCH_OBLIGATIONS_DATABASE_URL : undefined;
          await seededPostgres(kept, children, async (url) => {
            const store = await openStore({ kind: 'postgres', databaseUrl: url });
            await obligationFigures(store, `${children.toLocaleString('en-GB')} children, PostgreSQL`, figure);
            await store.close();
          });
        }
        if (children <= 50_000 && !process.env.LANTERN_BENCH_OBLIGATIONS_POSTGRES_ONLY) {
          const dir = path.join(work, `obligations-${children}`);
          await runLantern(['seed', '--children', String(children), '--data-dir', dir]);
          const store = await openStore({ kind: 'pglite', dataDir: dir });
          await obligationFigures(store, `${children.toLocaleString('en-GB')} children, PGlite`, figure);
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }
      if (!process.env.LANTERN_BENCH_NATIONAL)
        process.stdout.write('(national scale: LANTERN_BENCH_NATIONAL=1 npm run bench -- obligations, PostgreSQL only)\n');
    }

    if (want('permanence')) await permanenceFigures();
    if (want('returns-cin')) await returnsCinFigures(work, hasPostgres);
    if (want('imports')) {
      if (hasPostgres) await importFigures(work, { figure, runLantern, freshDatabase: freshPostgresDatabase });
      else process.stdout.write('imports: skipped (no PostgreSQL server at TEST_DATABASE_URL)\n');
    }
    if (want('looked-after')) await lookedAfterFigures(figure);
    if (want('kpi')) {
      // The full indicator set for a council of 50,000 children, as `lantern kpi` and the dashboard count it.
      // Seeding one takes a quarter of an hour: LANTERN_BENCH_KPI_DATABASE_URL names a seeded council
      // to reuse (left in place), and LANTERN_BENCH_KPI_STORES=postgres (or pglite) runs one store.
      const children = Number(process.env.LANTERN_BENCH_KPI_CHILDREN ?? 50_000);
      const stores = (process.env.LANTERN_BENCH_KPI_STORES ?? 'postgres,pglite').split(',');
      const kept = process.env.LANTERN_BENCH_KPI_DATABASE_URL;
      if (hasPostgres && stores.includes('postgres')) {
        await seededPostgres(kept, children, async (url) => {
          const store = await openStore({ kind: 'postgres', databaseUrl: url });
          const label = kept
            ? `${(await councilChildren(store)).toLocaleString('en-GB')} children, PostgreSQL`
            : `${children.toLocaleString('en-GB')} children, PostgreSQL`;
          await kpiFigures(store, label);
          await store.close();
        });
      }
      if (stores.includes('pglite')) {
        const dir = path.join(work, `kpi-${children}`);
        await runLantern(['seed', '--children', String(children), '--data-dir', dir]);
        const store = await openStore({ kind: 'pglite', dataDir: dir });
        await kpiFigures(store, `${children.toLocaleString('en-GB')} children, PGlite`);
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }

    if (want('landing')) {
      const children = Number(process.env.LANTERN_BENCH_CHILDREN ?? 50_000);
      const kept = process.env.LANTERN_BENCH_LANDING_DATABASE_URL;
      if (!hasPostgres) process.stdout.write('(landing: needs PostgreSQL)\n');
      else {
        await seededPostgres(kept, children, async (url, seededSeconds) => {
          if (seededSeconds !== null) figure(`seeding ${children.toLocaleString('en-GB')} children for the landing pages`, seededSeconds, 's');
          // A council in use has been vacuumed by autovacuum; one just seeded has not, and its
          // lists of deadlines then read the table rather than the index alone (the head of
          // service's overdue by team: 317 ms before, 56 ms after, at 50,000 children).
          const vacuumed = performance.now();
          const owner = new pg.Client({ connectionString: url });
          await owner.connect();
          await owner.query('vacuum analyze');
          await owner.end();
          figure('vacuum analyze first, as autovacuum would have', (performance.now() - vacuumed) / 1000, 's');
          const store = await openStore({ kind: 'postgres', databaseUrl: url });
          const label = kept
            ? `${(await councilChildren(store)).toLocaleString('en-GB')} children, PostgreSQL`
            : `${children.toLocaleString('en-GB')} children, PostgreSQL`;
          await landingFigures(store, label, figure);
          await store.close();
        });
      }
    }

    if (want('child-record')) {
      // LANTERN_BENCH_CHILD_DATABASE_URL names a council seeded before (left in place); else one of
      // LANTERN_BENCH_CHILDREN (50,000) is seeded for the run and dropped after it.
      const children = Number(process.env.LANTERN_BENCH_CHILDREN ?? 50_000);
      const kept = process.env.LANTERN_BENCH_CHILD_DATABASE_URL;
      if (!hasPostgres) process.stdout.write('(child-record: needs PostgreSQL)\n');
      else {
        await seededPostgres(kept, children, async (url) => {
          const store = await openStore({ kind: 'postgres', databaseUrl: url });
          const label = `${(await councilChildren(store)).toLocaleString('en-GB')} children, PostgreSQL`;
          await store.close();
          await childRecordFigures(url, label, figure);
        });
      }
    }

    if (want('workforce')) {
      // The generator staffs about one worker for every 18.6 children: 18,600 children make ~1,000 staff.
      // Seeding takes minutes, so a council already seeded can be measured again:
      // LANTERN_BENCH_WORKFORCE_DATABASE_URL (PostgreSQL) and LANTERN_BENCH_WORKFORCE_DATA_DIR (PGlite)
      // name one and leave it in place; LANTERN_BENCH_WORKFORCE_STORES=postgres (or pglite) runs one store.
      const children = Number(process.env.LANTERN_BENCH_WORKFORCE_CHILDREN ?? 18_600);
      const stores = (process.env.LANTERN_BENCH_WORKFORCE_STORES ?? 'postgres,pglite').split(',');
      const kept = process.env.LANTERN_BENCH_WORKFORCE_DATABASE_URL;
      if (hasPostgres && stores.includes('postgres')) {
        await seededPostgres(kept, children, async (url) => {
          const store = await openStore({ kind: 'postgres', databaseUrl: url });
          await workforceFigures(store, 'PostgreSQL', new URL(url).pathname.slice(1));
          await store.close();
        });
      }
      if (stores.includes('pglite')) {
        const keptDir = process.env.LANTERN_BENCH_WORKFORCE_DATA_DIR;
        const dir = keptDir ?? path.join(work, 'workforce');
        if (!keptDir) await runLantern(['seed', '--children', String(children), '--data-dir', dir]);
        const store = await openStore({ kind: 'pglite', dataDir: dir });
        await workforceFigures(store, 'PGlite', null);
        await store.close();
        if (!keptDir) rmSync(dir, { recursive: true, force: true });
      }
    }

    if (want('embedded')) {
      // Baseline: PGlite on the calling thread, as the library runs by default.
      const inline = await PGlite.create();
      await inline.query(SLOW_QUERY, ['abc%']); // warm up
      const onMain = await stallWhile(() => inline.query(SLOW_QUERY, ['abc%']));
      await inline.close();
      const worker = await EmbeddedPostgres.start(undefined);
      await worker.query(SLOW_QUERY, ['abc%']);
      const offMain = await stallWhile(() => worker.query(SLOW_QUERY, ['abc%']));
      await worker.close();
      figure('slow embedded query: duration (main thread)', onMain.queryMs / 1000, 's');
      figure('  longest HTTP-thread stall, PGlite on the main thread', onMain.maxMs, 'ms');
      figure(
        '  longest HTTP-thread stall, PGlite on its worker thread',
        offMain.maxMs,
        'ms',
        `${(onMain.maxMs / Math.max(offMain.maxMs, 0.001)).toFixed(0)}× shorter`,
      );
    }

    if (want('returns-903-validate')) await ssda903ValidateFigures(work, figure);
    if (want('returns-cin-validate')) await cinValidateFigures(work, figure);

    if (want('returns-903')) {
      if (!hasPostgres) process.stdout.write('returns-903: skipped (no PostgreSQL server at TEST_DATABASE_URL)\n');
      else {
        const children = Number(process.env.LANTERN_BENCH_903_CHILDREN ?? 85_000);
        const dir = path.join(work, 'ssda903-import');
        mkdirSync(dir);
        const made = await writeNationalReturn(dir, children);
        const db = await freshPostgresDatabase();
        try {
          await runLantern(['migrate'], { DATABASE_URL: db.url });
          const imported = await runLantern(['import', 'ssda903', dir, '--year', '2026', '--la-code', 'E08000035', '--json'], { DATABASE_URL: db.url });
          const r = JSON.parse(imported.stdout) as { written: Record<string, number>; notPlaced: unknown[] };
          const note = `${made.children.toLocaleString('en-GB')} children, ${made.episodes.toLocaleString('en-GB')} episodes; ${(r.written.cla_episode ?? 0).toLocaleString('en-GB')} episodes written, ${r.notPlaced.length.toLocaleString('en-GB')} not placed`;
          figure('import SSDA903 into PostgreSQL: time', imported.seconds, 's', note);
          figure('import SSDA903 into PostgreSQL: peak memory', imported.peakMiB, 'MiB');
          const out = path.join(work, 'ssda903-export');
          const exported = await runLantern(['export', 'ssda903', '--year', '2026', '--out', out], { DATABASE_URL: db.url });
          figure('export SSDA903 from PostgreSQL: time', exported.seconds, 's', exported.stdout.trim().split(': ').at(-1));
          figure('export SSDA903 from PostgreSQL: peak memory', exported.peakMiB, 'MiB');
        } finally {
          await db.drop();
        }
      }
    }

    if (want('annex-a')) {
      const children = Number(process.env.ANNEX_A_CHILDREN ?? 50000);
      const asOf = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const out = path.join(work, 'annex-a.xlsx');
      const store = hasPostgres ? await freshPostgresDatabase() : null;
      const env: Record<string, string> = store ? { DATABASE_URL: store.url } : {};
      const dataDir = store ? [] : ['--data-dir', path.join(work, 'annex-a')];
      try {
        const seeded = await runLantern(['seed', '--children', String(children), ...dataDir], env);
        const r = await runLantern(['export', 'annex-a', '--as-of', asOf, '--out', out, ...dataDir], env);
        const rows = [...r.stdout.matchAll(/([\d,]+) rows/g)].reduce((n, m) => n + Number(m[1]?.replace(/,/g, '')), 0);
        const label = `${children.toLocaleString('en-GB')} children, ${store ? 'PostgreSQL' : 'PGlite'}`;
        figure(
          `export Annex A, ${label}: time`,
          r.seconds,
          's',
          `${rows.toLocaleString('en-GB')} rows in 11 lists; seeding took ${seeded.seconds.toFixed(0)} s`,
        );
        figure(`export Annex A, ${label}: peak memory`, r.peakMiB, 'MiB');
      } finally {
        await store?.drop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * CPU seconds spent so far by this process (every thread, so PGlite's worker too) and, on
 * PostgreSQL, by the server processes serving the bench's database (found by the database name
 * in their process titles; a parallel worker's time is not seen once it has exited). The machine
 * is shared, so CPU time is the steadier figure; wall time includes waiting for a core.
 */
function cpuSeconds(database: string | null): { node: number; db: number } {
  const u = process.cpuUsage();
  let db = 0;
  if (database) {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!title.startsWith('postgres: ') || !title.split(' ').includes(database)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        db += (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
      } catch {
        // the process ended while we looked
      }
    }
  }
  return { node: (u.user + u.system) / 1e6, db };
}

/** The workforce views as a head of service sees them, each the median of 5 after a warm-up, with mean CPU per run. */
async function workforceFigures(store: Store, label: string, database: string | null) {
  const laCode = 'E06000019';
  const { caseloads, caseloadHistory, churn, teamStats, allocationGaps } = await import('../src/areas/workforce/index.ts');
  const { workerWorklist } = await import('../src/areas/supervision/index.ts');
  const { refreshWorkerObligations } = await import('../src/kernel/worker-obligations.ts');
  const staff = await store.db.selectFrom('worker').select(store.db.fn.countAll<number>().as('n')).where('la_code', '=', laCode).executeTakeFirstOrThrow();
  const hos = await store.db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('username', '=', 'hos.demo').executeTakeFirstOrThrow();
  const tm = await store.db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('username', '=', 'tm.demo').executeTakeFirstOrThrow();
  const team = await store.db
    .selectFrom('worker')
    .select('team_id')
    .where('la_code', '=', laCode)
    .where('worker_id', '=', tm.worker_id as string)
    .executeTakeFirstOrThrow();
  const actor = (u: typeof hos, teamId: string | null) => ({
    user: { userId: u.user_id, laCode, username: u.username, displayName: u.display_name, role: u.role as 'head-of-service', workerId: u.worker_id, teamId },
    ip: null,
    userAgent: 'bench',
  });
  const time = async (name: string, run: () => Promise<unknown>) => {
    await run();
    const ms: number[] = [];
    const before = cpuSeconds(database);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await run();
      ms.push(performance.now() - t);
    }
    const after = cpuSeconds(database);
    ms.sort((a, b) => a - b);
    const cpu = ((after.node - before.node + after.db - before.db) / 5) * 1000;
    const split = database
      ? `node ${(((after.node - before.node) / 5) * 1000).toFixed(0)} + server ${(((after.db - before.db) / 5) * 1000).toFixed(0)} ms`
      : 'one process';
    figure(`${name}, ${Number(staff.n).toLocaleString('en-GB')} staff, ${label}: median`, ms[2] as number, 'ms');
    figure(`${name}, ${label}: CPU per run`, cpu, 'ms', split);
  };
  await time('caseloads of every worker, by team and service', () => caseloads(store.db, laCode, {}));
  await time('caseloads of one team over 12 month ends', () => caseloadHistory(store.db, laCode, { teamId: team.team_id as string, months: 12 }));
  await time('churn: social workers per child, whole council', () => churn(store.db, actor(hos, null), { limit: 200 }));
  await time('team stats: 12 month ends, every team', () => teamStats(store.db, laCode, { months: 12 }));
  await time('allocation gaps, whole council', () => allocationGaps(store.db, actor(hos, null), { limit: 200 }));
  await time('supervision worklist, whole service', () => workerWorklist(store.db, actor(hos, null), { view: 'service', limit: 200 }));
  await time('supervision worklist, a team manager', () => workerWorklist(store.db, actor(tm, team.team_id), { view: 'mine', limit: 200 }));
  await time('rebuild every worker deadline (supervision, induction)', () => refreshWorkerObligations(store.db, laCode));
}

/** Every indicator for the council, and for one team, as of the seed's date (median of 3). */
async function councilChildren(store: Store): Promise<number> {
  const r = await store.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_child', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function kpiFigures(store: Store, label: string) {
  const laCode = 'E06000019';
  const asOf = '2026-11-23';
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await run();
      times.push((performance.now() - t) / 1000);
    }
    return times.sort((a, b) => a - b)[1] as number;
  };
  const count = INDICATORS.length;
  figure(`every indicator (${count}) for the council, ${label} (median of 3)`, await median(() => computeAll(store.db, laCode, { asOf, live: true })), 's');
  const team = await store.db
    .selectFrom('team')
    .select('team_id')
    .where('la_code', '=', laCode)
    .where('service', '=', 'Children in need')
    .limit(1)
    .executeTakeFirst();
  if (team)
    figure(
      `every indicator for one team, ${label} (median of 3)`,
      await median(() => computeAll(store.db, laCode, { asOf, live: true, scope: { kind: 'team', id: team.team_id } })),
      's',
    );
  for (const id of [
    'contact-decisions-1wd',
    'children-3plus-workers',
    'cp-visits-in-time',
    'cla-long-term-stability',
    'turnover-rate',
    'management-oversight-in-time',
  ]) {
    figure(`  ${id}, council, ${label}`, await median(() => computeIndicator(store.db, laCode, id, { asOf, live: true })), 's');
  }
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

await main();

/** The permanence generator's share of the demo council, and the refresh one looked-after child's event costs. */
async function permanenceFigures() {
  const { seedCouncil } = await import('../src/seed/generate.ts');
  const { PERMANENCE_TABLES } = await import('../src/seed/permanence.ts');
  const store = await openStore({ kind: 'pglite-memory' });
  try {
    const began = performance.now();
    const summary = await seedCouncil(store.db, { children: 2400 });
    const rows = PERMANENCE_TABLES.reduce((n, t) => n + (summary.records[t] ?? 0), 0);
    figure(
      'seed demo council (2,400 children) in process, PGlite: time',
      (performance.now() - began) / 1000,
      's',
      `${rows.toLocaleString('en-GB')} permanence/UASC/health/leaver rows`,
    );
    const children = await store.db.selectFrom('care_period').select('child_id').where('la_code', '=', 'E06000019').limit(20).execute();
    const times: number[] = [];
    for (const c of children) {
      const t = performance.now();
      await refreshObligations(store.db, 'E06000019', { childIds: [c.child_id] });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    figure('refresh one looked-after child’s deadlines, PGlite: median of 20', times[Math.floor(times.length / 2)] as number, 'ms', 'all rules');
  } finally {
    await store.close();
  }
}

/**
 * The CIN census at the size of a large council: seed enough children that ~100,000 have an
 * episode open in 2025/26, then export, validate and import (into an empty database) as separate
 * processes. LANTERN_BENCH_CIN_SEED overrides the number of children seeded.
 */
async function returnsCinFigures(work: string, hasPostgres: boolean) {
  const seeded = Number(process.env.LANTERN_BENCH_CIN_SEED ?? 127_000);
  const file = path.join(work, 'cin-census.xml');
  const stores: { label: string; env: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }> }[] = [];
  if (hasPostgres)
    stores.push({
      label: 'PostgreSQL',
      env: async () => {
        const db = await freshPostgresDatabase();
        return { env: { DATABASE_URL: db.url }, drop: db.drop };
      },
    });
  stores.push({
    label: 'PGlite',
    env: async () => {
      const dir = mkdtempSync(path.join(work, 'cin-'));
      return { env: { DATABASE_URL: '', LANTERN_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  });
  for (const store of stores.slice(0, process.env.LANTERN_BENCH_CIN_PGLITE ? 2 : 1)) {
    const source = await store.env();
    try {
      await runLantern(['seed', '--children', String(seeded)], source.env);
      const exported = await runLantern(['export', 'cin-census', '--year', '2026', '--out', file], source.env);
      const children = Number(/: ([\d,]+) children/.exec(exported.stdout)?.[1]?.replace(/,/g, '') ?? 0);
      const { statSync } = await import('node:fs');
      figure(
        `CIN census export, ${children.toLocaleString('en-GB')} children, ${store.label}: time`,
        exported.seconds,
        's',
        `${(statSync(file).size / 2 ** 20).toFixed(0)} MiB of XML`,
      );
      figure(`CIN census export, ${store.label}: peak memory`, exported.peakMiB, 'MiB');
    } finally {
      await source.drop();
    }
    // Exit 1 means the file has errors: still a figure.
    const validated = await runLantern(['validate', 'cin-census', file], {}, [0, 1]);
    figure('CIN census validate (schema + 109 rules): time', validated.seconds, 's', validated.stdout.trim().split('\n').at(-1));
    figure('CIN census validate: peak memory', validated.peakMiB, 'MiB');
    const target = await store.env();
    try {
      const imported = await runLantern(['import', 'cin-census', file], target.env);
      figure(`CIN census import into an empty database, ${store.label}: time`, imported.seconds, 's', 'incl. deriving every deadline');
      figure(`CIN census import, ${store.label}: peak memory`, imported.peakMiB, 'MiB');
    } finally {
      await target.drop();
    }
  }
  if (!process.env.LANTERN_BENCH_CIN_PGLITE) process.stdout.write('(PGlite as well: LANTERN_BENCH_CIN_PGLITE=1 npm run bench -- returns-cin)\n');
}
