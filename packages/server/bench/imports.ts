/**
 * `npm run bench -- imports`: a national-scale CIN census and SSDA903 return, each imported into
 * an empty PostgreSQL database by `lantern import` as its own process, beside the 60 s target.
 * Each figure is printed with the import's peak memory, its own CPU time and its database
 * backend's, where the time went (its phases) and the machine's load average, since a loaded
 * machine stretches wall time.
 *
 * The SSDA903 return is Lantern's synthetic national one (ssda903-national.ts; 85,000 children,
 * LANTERN_BENCH_IMPORT_903_CHILDREN to change). The CIN census is a seeded council's return
 * (LANTERN_BENCH_IMPORT_CIN_SEED children, 8,000) with its children repeated under new ids
 * (cin-census-national.ts) up to LANTERN_BENCH_IMPORT_CIN_CHILDREN (95,000).
 * LANTERN_BENCH_IMPORTS=ssda903 (or cin-census) measures one of the two.
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { repeatCensus } from './cin-census-national.ts';
import { watchDatabaseCpu } from './database-cpu.ts';
import { writeNationalReturn } from './ssda903-national.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;
type Run = (args: string[], env?: Record<string, string>) => Promise<{ seconds: number; peakMiB: number; cpuSeconds: number; stdout: string }>;
type Database = () => Promise<{ url: string; drop: () => Promise<void> }>;

const TARGET_SECONDS = 60;
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

export async function importFigures(work: string, tools: { figure: Figure; runLantern: Run; freshDatabase: Database }): Promise<void> {
  const { figure, runLantern } = tools;

  /** Runs the import, watching its database backend's CPU as well as its own. */
  const timed = async (args: string[], url: string) => {
    const before = load();
    const watch = await watchDatabaseCpu(url);
    const ran = await runLantern(args, { DATABASE_URL: url }).then(
      (r) => ({ r }),
      (error: unknown) => ({ error }),
    );
    const databaseCpu = await watch.stop();
    if ('error' in ran) throw ran.error;
    return { r: ran.r, before, databaseCpu };
  };

  const report = (label: string, { r, before, databaseCpu }: Awaited<ReturnType<typeof timed>>) => {
    const out = JSON.parse(r.stdout) as { written: Record<string, number>; notPlaced: unknown[]; phases: Record<string, number> };
    const rows = Object.values(out.written).reduce((n, v) => n + v, 0);
    figure(`${label}: time`, r.seconds, 's', `target ${TARGET_SECONDS} s, ${(r.seconds / TARGET_SECONDS).toFixed(2)}× it; load ${before} → ${load()}`);
    figure(
      `${label}: peak memory`,
      r.peakMiB,
      'MiB',
      `${rows.toLocaleString('en-GB')} records written, ${out.notPlaced.length.toLocaleString('en-GB')} not placed`,
    );
    figure(`${label}: CPU of the import's process`, r.cpuSeconds, 's', 'the database server’s own work is not counted');
    if (databaseCpu !== null)
      figure(`${label}: CPU of its database backend`, databaseCpu, 's', `${((100 * databaseCpu) / (databaseCpu + r.cpuSeconds)).toFixed(0)}% of the two`);
    process.stdout.write(
      `  phases: ${Object.entries(out.phases)
        .map(([p, s]) => `${p} ${s.toFixed(1)} s`)
        .join(', ')}\n`,
    );
  };

  const which = (process.env.LANTERN_BENCH_IMPORTS ?? 'ssda903,cin-census').split(',');
  if (which.includes('ssda903')) await ssda903Figures(work, tools, timed, report);
  if (which.includes('cin-census')) await censusFigures(work, tools, timed, report);
}

type Timed = (args: string[], url: string) => Promise<{ r: Awaited<ReturnType<Run>>; before: string; databaseCpu: number | null }>;
type Report = (label: string, ran: Awaited<ReturnType<Timed>>) => void;

async function ssda903Figures(work: string, { runLantern, freshDatabase }: { runLantern: Run; freshDatabase: Database }, timed: Timed, report: Report) {
  const children903 = Number(process.env.LANTERN_BENCH_IMPORT_903_CHILDREN ?? 85_000);
  const dir = path.join(work, 'imports-903');
  mkdirSync(dir);
  const made = await writeNationalReturn(dir, children903);
  const db903 = await freshDatabase();
  try {
    await runLantern(['migrate'], { DATABASE_URL: db903.url });
    const r = await timed(['import', 'ssda903', dir, '--year', '2026', '--la-code', 'E08000035', '--json'], db903.url);
    report(`import SSDA903, ${made.children.toLocaleString('en-GB')} children, ${made.episodes.toLocaleString('en-GB')} episodes, PostgreSQL`, r);
  } finally {
    await db903.drop();
  }
}

async function censusFigures(work: string, { runLantern, freshDatabase }: { runLantern: Run; freshDatabase: Database }, timed: Timed, report: Report) {
  const seed = Number(process.env.LANTERN_BENCH_IMPORT_CIN_SEED ?? 8_000);
  const wanted = Number(process.env.LANTERN_BENCH_IMPORT_CIN_CHILDREN ?? 95_000);
  const sample = path.join(work, 'imports-cin-sample.xml');
  const source = await freshDatabase();
  try {
    await runLantern(['seed', '--children', String(seed)], { DATABASE_URL: source.url });
    await runLantern(['export', 'cin-census', '--year', '2026', '--out', sample], { DATABASE_URL: source.url });
  } finally {
    await source.drop();
  }
  const perCopy = (await repeatCensus(sample, path.join(work, 'imports-cin-one.xml'), 1)).children;
  const file = path.join(work, 'imports-cin.xml');
  const national = await repeatCensus(sample, file, Math.max(1, Math.ceil(wanted / perCopy)));
  const dbCin = await freshDatabase();
  try {
    await runLantern(['migrate'], { DATABASE_URL: dbCin.url });
    const r = await timed(['import', 'cin-census', file, '--json'], dbCin.url);
    report(`import CIN census, ${national.children.toLocaleString('en-GB')} children, PostgreSQL`, r);
  } finally {
    await dbCin.drop();
  }
}
