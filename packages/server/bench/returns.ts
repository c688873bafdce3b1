/**
 * The returns at a large council's size, each `lantern` command as its own process: the CIN census
 * (export, validate, import), the SSDA903 return (import, export) and Annex A (export).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { figure, freshPostgresDatabase, runLantern } from './harness.ts';
import { writeNationalReturn } from './ssda903-national.ts';

/**
 * The CIN census at the size of a large council: seed enough children that ~100,000 have an
 * episode open in 2025/26, then export, validate and import (into an empty database) as separate
 * processes. LANTERN_BENCH_CIN_SEED overrides the number of children seeded.
 */
export async function returnsCinFigures(work: string, hasPostgres: boolean) {
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

/** `lantern import ssda903` of a national-scale return into an empty PostgreSQL database, then `lantern export ssda903`. */
export async function ssda903ImportExportFigures(work: string): Promise<void> {
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

/** `lantern export annex-a` for a large seeded council (PostgreSQL where there is a server, else PGlite). */
export async function annexAFigures(work: string, hasPostgres: boolean): Promise<void> {
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
    figure(`export Annex A, ${label}: time`, r.seconds, 's', `${rows.toLocaleString('en-GB')} rows in 11 lists; seeding took ${seeded.seconds.toFixed(0)} s`);
    figure(`export Annex A, ${label}: peak memory`, r.peakMiB, 'MiB');
  } finally {
    await store?.drop();
  }
}
