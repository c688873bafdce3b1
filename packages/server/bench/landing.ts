/**
 * `npm run bench -- landing`: each role's landing page (GET /api/work's service, every list's
 * count and first page) for the demo users of a seeded council, as the 95th percentile of 40
 * runs after 3 to warm up. The target is 300 ms at 50,000 children on PostgreSQL. Peak memory
 * is the process's resident high-water mark (the kernel's, so no sampling misses a peak).
 */
import type { Role } from '@lantern/core/permissions';
import { sql } from 'kysely';
import { landing } from '../src/areas/work/index.ts';
import type { Actor } from '../src/kernel/context.ts';
import { withCouncil } from '../src/kernel/db/council.ts';
import type { Store } from '../src/kernel/db/store.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

/** LANTERN_BENCH_LANDING_USERS=hos.demo,irom.demo measures only those. */
const USERS = process.env.LANTERN_BENCH_LANDING_USERS?.split(',') ?? ['sw.demo', 'tm.demo', 'fd.demo', 'iro.demo', 'irom.demo', 'hos.demo', 'partner.demo'];

/** The 95th and 50th percentile of 40 runs after 3 to warm up. */
async function percentiles(run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < 43; i++) {
    const t = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p95: times[Math.ceil(times.length * 0.95) - 1] as number, median: times[Math.floor(times.length / 2)] as number, n: times.length };
}

/** The process's resident set high-water mark so far, in MiB (resourceUsage gives KiB). */
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

export async function landingFigures(store: Store, label: string, figure: Figure) {
  const before = peakMiB();
  // The floor: a bare query's round trip on the same connection pool, in the same run, so a
  // loaded machine's figures can be read against it.
  const floor = await percentiles(() => sql`select 1`.execute(store.db));
  figure(`floor: a bare query, ${label} (p95 of ${floor.n})`, floor.p95, 'ms', `median ${floor.median.toFixed(2)} ms`);
  const users = await store.db
    .selectFrom('app_user as u')
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'u.la_code').onRef('w.worker_id', '=', 'u.worker_id'))
    .select(['u.user_id', 'u.la_code', 'u.username', 'u.display_name', 'u.role', 'u.worker_id', 'w.team_id', 'u.partner_organisation_id'])
    .where('u.username', 'in', USERS)
    .execute();
  for (const username of USERS) {
    const u = users.find((x) => x.username === username);
    if (!u) continue;
    const actor: Actor = {
      user: {
        userId: u.user_id,
        laCode: u.la_code,
        username: u.username,
        displayName: u.display_name,
        role: u.role as Role,
        workerId: u.worker_id,
        teamId: u.team_id,
        partnerOrganisationId: u.partner_organisation_id,
      },
      ip: null,
      userAgent: 'bench',
    };
    let items = 0;
    const { p95, median, n } = await percentiles(async () => {
      // As a request runs: for the user's council only (row-level security, kernel/db/council.ts).
      const page = await withCouncil(u.la_code, () => landing(store.db, actor, { page: 1, pageSize: 10 }));
      items = page.sections.reduce((k, s) => k + s.total, 0);
    });
    figure(
      `landing page, ${username}, ${label} (p95 of ${n})`,
      p95,
      'ms',
      `median ${median.toFixed(1)} ms; ${items.toLocaleString('en-GB')} items in its lists; peak memory so far ${peakMiB().toFixed(0)} MiB`,
    );
    // LANTERN_BENCH_LANDING_SECTIONS=1: each list on its own, to find the slow one.
    if (process.env.LANTERN_BENCH_LANDING_SECTIONS) {
      const page = await withCouncil(u.la_code, () => landing(store.db, actor, { page: 1, pageSize: 10 }));
      for (const s of page.sections) {
        const one = await percentiles(() => withCouncil(u.la_code, () => landing(store.db, actor, { section: s.id, page: 1, pageSize: 10 })));
        figure(`  ${username}: ${s.id}`, one.p95, 'ms', `median ${one.median.toFixed(1)} ms; ${s.total} items`);
      }
    }
  }
  figure(`peak memory, landing pages, ${label} (process RSS high-water)`, peakMiB(), 'MiB', `${before.toFixed(0)} MiB before the landing pages`);
}
