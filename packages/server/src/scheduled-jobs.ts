/**
 * Lantern's scheduled jobs (run by kernel/jobs.ts, once per period across every server):
 *   refresh-deadlines     nightly, every council's deadlines re-derived from the record, so those
 *                         that turn on the date (birthdays, reviews, supervision) are current;
 *                         settled history (every deadline met or ended) is left as it stands
 *   clear-ended-sessions  hourly, the rows of sessions past their absolute end removed
 */
import { sql } from 'kysely';
import { forCouncil } from './kernel/db/council.ts';
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
