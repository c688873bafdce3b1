/**
 * What every bench case shares: printing a figure, running `lantern` as its own process with its
 * resources reported, and the PostgreSQL databases the cases seed, measure and drop.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { appLoginName, openStore, type Store } from '../src/kernel/db/store.ts';

export type Figure = (name: string, value: number, unit: string, note?: string) => void;

export const LANTERN = new URL('../bin/lantern.mjs', import.meta.url).pathname;
export const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function figure(name: string, value: number, unit: string, note = ''): void {
  process.stdout.write(`${name.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${note ? `  (${note})` : ''}\n`);
}

export function runLantern(
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

export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
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
export async function seededPostgres(kept: string | undefined, children: number, measure: (url: string, seededSeconds: number | null) => Promise<void>) {
  const db = kept ? { url: kept, drop: async () => undefined } : await freshPostgresDatabase();
  try {
    const seeded = kept ? null : await runLantern(['seed', '--children', String(children)], { DATABASE_URL: db.url });
    await measure(db.url, seeded?.seconds ?? null);
  } finally {
    await db.drop();
  }
}

export async function postgresAvailable(): Promise<boolean> {
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

export const loadAverage = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

/** How many children the council holds (a council seeded before names its own size). */
export async function councilChildren(store: Store): Promise<number> {
  const r = await store.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_child', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The store a case measures, as its figures name it. */
export type MeasuredStore = { label: 'PostgreSQL' | 'PGlite'; kept: boolean; database: string | null };

/**
 * A case measured on a council of `children` on each store LANTERN_BENCH_<NAME>_STORES names
 * (`postgres,pglite` unless set). Seeding takes minutes, so a council seeded before can be named and
 * is left in place: LANTERN_BENCH_<NAME>_DATABASE_URL (PostgreSQL), LANTERN_BENCH_<NAME>_DATA_DIR
 * (PGlite). Otherwise one is seeded for the run and removed after it.
 */
export async function onEachStore(
  name: string,
  options: { work: string; hasPostgres: boolean; children: number },
  measure: (store: Store, on: MeasuredStore) => Promise<void>,
): Promise<void> {
  const env = (what: string) => process.env[`LANTERN_BENCH_${name.toUpperCase()}_${what}`];
  const stores = (env('STORES') ?? 'postgres,pglite').split(',');
  const kept = env('DATABASE_URL');
  if (options.hasPostgres && stores.includes('postgres')) {
    await seededPostgres(kept, options.children, async (url) => {
      const store = await openStore({ kind: 'postgres', databaseUrl: url });
      await measure(store, { label: 'PostgreSQL', kept: kept !== undefined, database: new URL(url).pathname.slice(1) });
      await store.close();
    });
  }
  if (stores.includes('pglite')) {
    const keptDir = env('DATA_DIR');
    const dir = keptDir ?? path.join(options.work, name);
    if (!keptDir) await runLantern(['seed', '--children', String(options.children), '--data-dir', dir]);
    const store = await openStore({ kind: 'pglite', dataDir: dir });
    await measure(store, { label: 'PGlite', kept: keptDir !== undefined, database: null });
    await store.close();
    if (!keptDir) rmSync(dir, { recursive: true, force: true });
  }
}
