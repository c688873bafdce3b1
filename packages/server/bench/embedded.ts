/**
 * How long the HTTP thread stalls while the embedded database runs a slow query: PGlite on the
 * calling thread (the library's default, the baseline) against PGlite on its worker thread.
 */
import { PGlite } from '@electric-sql/pglite';
import { EmbeddedPostgres } from '../src/kernel/db/pglite-dialect.ts';
import { figure } from './harness.ts';

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

export async function embeddedFigures(): Promise<void> {
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
