/**
 * Scheduled jobs, run once per period however many servers share the database. Each job has a
 * row in `scheduled_job` (migration 0029); a server that finds a job due takes that row's lock
 * (`for update skip locked`: a server that finds it taken moves on at once), checks again that it
 * is due, and runs the job in the same transaction, noting when and where it ran. So two servers
 * ticking together run it once, and a job's work commits with its record or not at all.
 */
import { hostname } from 'node:os';
import { type Kysely, sql } from 'kysely';
import { ALL_COUNCILS, withCouncil } from './db/council.ts';
import type { Database } from './db/schema.ts';
import { CHANNELS, type JobRun } from './telemetry.ts';

export type Job = {
  name: string;
  /** How often it runs, at most. */
  everyMinutes: number;
  /** The work, in the job's transaction; it sets the council for work of one council's. */
  run(trx: Kysely<Database>): Promise<string>;
};

export type JobOutcome = { job: string; outcome: JobRun['outcome']; detail: string };

export type Scheduler = {
  /** Runs every job that is due now (the timer calls this; tests call it directly). */
  runDue(): Promise<JobOutcome[]>;
  stop(): void;
};

/** This server, as the jobs' record names it: host and process. */
export const INSTANCE = `${hostname()}:${process.pid}`;

export function scheduler(
  db: Kysely<Database>,
  jobs: readonly Job[],
  options: { tickSeconds?: number; instance?: string; onError?: (error: Error) => void } = {},
): Scheduler {
  const instance = options.instance ?? INSTANCE;
  let running: Promise<JobOutcome[]> | null = null;
  const runDue = async () => {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) outcomes.push(await runIfDue(db, job, instance));
    return outcomes;
  };
  let timer: NodeJS.Timeout | null = null;
  if (options.tickSeconds) {
    timer = setInterval(() => {
      if (running) return; // the last tick is still at work
      running = runDue()
        .catch((error: Error) => {
          options.onError?.(error);
          return [];
        })
        .finally(() => {
          running = null;
        });
    }, options.tickSeconds * 1000);
    timer.unref();
  }
  return {
    runDue,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

async function runIfDue(db: Kysely<Database>, job: Job, instance: string): Promise<JobOutcome> {
  const began = performance.now();
  // The job's own record is housekeeping across councils; its work sets the council it acts for.
  const result = await withCouncil(ALL_COUNCILS, () =>
    db.transaction().execute(async (trx): Promise<JobOutcome> => {
      await sql`insert into scheduled_job (job) values (${job.name}) on conflict (job) do nothing`.execute(trx);
      const { rows } = await sql<{ due: boolean }>`
        select last_started_at is null or last_started_at <= now() - make_interval(mins => ${job.everyMinutes}) as due
        from scheduled_job where job = ${job.name} for update skip locked`.execute(trx);
      const row = rows[0];
      if (!row) return { job: job.name, outcome: 'skipped', detail: 'running on another server' };
      if (!row.due) return { job: job.name, outcome: 'skipped', detail: 'not due yet' };
      await sql`update scheduled_job set last_started_at = now(), last_instance = ${instance} where job = ${job.name}`.execute(trx);
      const detail = await job.run(trx);
      await sql`update scheduled_job set last_finished_at = clock_timestamp(), last_outcome = ${detail}, runs = runs + 1 where job = ${job.name}`.execute(trx);
      return { job: job.name, outcome: 'ran', detail };
    }),
  ).catch((error: Error) => ({ job: job.name, outcome: 'failed' as const, detail: error.message }));
  if (result.outcome !== 'skipped' && CHANNELS.job.hasSubscribers)
    CHANNELS.job.publish({ job: job.name, outcome: result.outcome, seconds: (performance.now() - began) / 1000 } satisfies JobRun);
  return result;
}
