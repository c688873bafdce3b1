/**
 * Lantern's scheduled jobs (run by kernel/jobs.ts, once per period across every server):
 *   refresh-deadlines     nightly, every council's deadlines re-derived from the record, so those
 *                         that turn on the date (birthdays, reviews, supervision) are current;
 *                         settled history (every deadline met or ended) is left as it stands
 *   clear-ended-sessions  hourly, the rows of sessions past their absolute end removed
 *   dfe-feed              each day at LANTERN_DFE_FEED_AT, the DfE's feed sent for every council
 *                         (only when configured: see dfeFeedJob)
 */
import { todayInEngland } from '@lantern/core/calendar';
import { sql } from 'kysely';
import { type DfeApiClient, runDfeFeed } from './areas/exchange/index.ts';
import type { ReturnActor } from './areas/returns/index.ts';
import { ALL_COUNCILS, forCouncil, withCouncil } from './kernel/db/council.ts';
import type { Job } from './kernel/jobs.ts';
import { refreshObligations } from './kernel/obligations.ts';
import { refreshWorkerObligations } from './kernel/worker-obligations.ts';

export const SCHEDULED_JOBS: readonly Job[] = [
  {
    name: 'refresh-deadlines',
    everyMinutes: 24 * 60,
    run: async (trx) => {
      const councils = await trx.selectFrom('local_authority').select('la_code').orderBy('la_code').execute();
      let deadlines = 0;
      for (const { la_code } of councils) {
        // Each council's refresh sees that council only (row-level security), not every council.
        deadlines += (await refreshObligations(trx, la_code, { settled: 'keep' })).obligations;
        deadlines += (await forCouncil(trx, la_code, () => refreshWorkerObligations(trx, la_code))).obligations;
      }
      return `${deadlines} deadlines in ${councils.length} ${councils.length === 1 ? 'council' : 'councils'}`;
    },
  },
  {
    name: 'clear-ended-sessions',
    everyMinutes: 60,
    run: async (trx) => {
      const { numDeletedRows } = await trx.deleteFrom('user_session').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
      return `${Number(numDeletedRows)} ended sessions cleared`;
    },
  },
];

/** Who the audit trail names for the server's own sending of the feed. */
export const SCHEDULER: ReturnActor = { userId: null, username: 'lantern-scheduler', role: 'operator' };

/**
 * The DfE's daily feed, sent by the server each day at `at` (HH:MM in England) for every council
 * in the database: one day's submission each, as `lantern feed dfe-csc-api` sends it. Claimed
 * under the jobs' lock, so one server sends it; its HTTP runs outside that lock's transaction.
 */
export function dfeFeedJob(at: string, client: () => DfeApiClient, batchSize: number): Job {
  return {
    name: 'dfe-feed',
    dailyAt: at,
    claimed: true,
    run: async (db) => {
      const councils = await withCouncil(ALL_COUNCILS, () => db.selectFrom('local_authority').select('la_code').orderBy('la_code').execute());
      const asOf = todayInEngland();
      const said: string[] = [];
      for (const { la_code } of councils) {
        const r = await runDfeFeed(db, la_code, { asOf, client: client(), batchSize, actor: SCHEDULER });
        said.push(`${la_code}: ${r.full} in full, ${r.partial} partial, ${r.purged} purged, ${r.unchanged} unchanged, ${r.failed} failed`);
      }
      return said.join('; ') || 'no council';
    },
  };
}
