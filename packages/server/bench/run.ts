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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../src/kernel/db/store.ts';
import { childRecordFigures } from './child-record.ts';
import { cinValidateFigures } from './cin-validate.ts';
import { embeddedFigures } from './embedded.ts';
import { councilChildren, figure, freshPostgresDatabase, postgresAvailable, runLantern, seededPostgres } from './harness.ts';
import { importFigures } from './imports.ts';
import { kpiCase } from './kpi.ts';
import { landingFigures } from './landing.ts';
import { lookedAfterFigures } from './looked-after.ts';
import { obligationFigures } from './obligations.ts';
import { permanenceFigures } from './permanence.ts';
import { annexAFigures, returnsCinFigures, ssda903ImportExportFigures } from './returns.ts';
import { ssda903ValidateFigures } from './ssda903-validate.ts';
import { seedingFigures, startUpFigures } from './start-up.ts';
import { workforceCase } from './workforce.ts';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'lantern-bench-'));
  const hasPostgres = await postgresAvailable();
  try {
    process.stdout.write(`Lantern benchmarks — node ${process.version}, ${new Date().toISOString()}\n\n`);
    if (want('seeding')) await seedingFigures(work, hasPostgres);
    if (want('start-up') || want('api')) await startUpFigures(work, want('api'));

    if (want('obligations')) {
      const sizes = process.env.LANTERN_BENCH_NATIONAL ? [50_000, 500_000] : [50_000];
      for (const children of sizes) {
        if (hasPostgres) {
          // LANTERN_BENCH_OBLIGATIONS_DATABASE_URL names a 50,000-child council seeded before (left in place),
          // LANTERN_BENCH_OBLIGATIONS_NATIONAL_DATABASE_URL a 500,000-child one (its seed took 53 minutes here).
          const kept = children === 50_000 ? process.env.LANTERN_BENCH_OBLIGATIONS_DATABASE_URL : process.env.LANTERN_BENCH_OBLIGATIONS_NATIONAL_DATABASE_URL;
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
    if (want('kpi')) await kpiCase(work, hasPostgres);

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
    if (want('workforce')) await workforceCase(work, hasPostgres);
    if (want('embedded')) await embeddedFigures();
    if (want('returns-903-validate')) await ssda903ValidateFigures(work, figure);
    if (want('returns-cin-validate')) await cinValidateFigures(work, figure);
    if (want('returns-903')) {
      if (hasPostgres) await ssda903ImportExportFigures(work);
      else process.stdout.write('returns-903: skipped (no PostgreSQL server at TEST_DATABASE_URL)\n');
    }
    if (want('annex-a')) await annexAFigures(work, hasPostgres);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
