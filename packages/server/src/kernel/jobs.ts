/**
 * Scheduled jobs, run once per period however many servers share the database. Each job has a
 * row in `scheduled_job` (migration 0029); a server that finds a job due takes that row's lock
 * (`for update skip locked`: a server that finds it taken moves on at once), checks again that it
 * is due, and runs the job in the same transaction, noting when and where it ran. So two servers
 * ticking together run it once, and a job's work commits with its record or not at all.
 *
 * A job that calls out over the network (the DfE's daily feed) is `claimed` instead: under the same
 * lock the server notes that it has started (so no other server finds it due) and commits at once;
 * then it runs outside that transaction, writing through the ledger as any command does, and notes
 * when it finished and how it went. Its transaction is not held open over minutes of HTTP (on the
 * embedded database that would stop every other request).
 *
 * A job runs every `everyMinutes`, or each day at `dailyAt` (HH:MM, the time in England): due once
 * that time has come today and it has not started since.
 */
import { hostname } from 'node:os';
import { type Kysely, sql } from 'kysely';
import { ALL_COUNCILS, withCouncil } from './db/council.ts';
import type { Database } from './db/schema.ts';
import { CHANNELS, type JobRun } from './telemetry.ts';

export type Job = {
  name: string;
  /** How often it runs, at most. */
  everyMinutes?: number;
  /** Or once a day from this time in England, HH:MM (24-hour). */
  dailyAt?: string;
  /** Claimed under the lock, then run outside its transaction (work that waits on the network). */
  claimed?: boolean;
  /** The work: in the job's transaction, or for a claimed job on the database itself; it sets the council for work of one council's. */
  run(db: Kysely<Database>): Promise<string>;
};

/** The SQL for whether a job is due now: its period since it last started, or today's time come and not started since. */
function dueWhen(job: Job) {
  if (job.dailyAt) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(job.dailyAt)) throw new Error(`Job ${job.name}: dailyAt must be HH:MM, not "${job.dailyAt}"`);
    const today = sql`(((now() at time zone 'Europe/London')::date + ${job.dailyAt}::time) at time zone 'Europe/London')`;
    return sql<boolean>`now() >= ${today} and (last_started_at is null or last_started_at < ${today})`;
  }
  if (!job.everyMinutes) throw new Error(`Job ${job.name}: say everyMinutes or dailyAt`);
  return sql<boolean>`last_started_at is null or last_started_at <= now() - make_interval(mins => ${job.everyMinutes})`;
}

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
        select ${dueWhen(job)} as due from scheduled_job where job = ${job.name} for update skip locked`.execute(trx);
      const row = rows[0];
      if (!row) return { job: job.name, outcome: 'skipped', detail: 'running on another server' };
      if (!row.due) return { job: job.name, outcome: 'skipped', detail: 'not due yet' };
      await sql`update scheduled_job set last_started_at = now(), last_instance = ${instance} where job = ${job.name}`.execute(trx);
      if (job.claimed) return { job: job.name, outcome: 'ran', detail: 'claimed' };
      const detail = await job.run(trx);
      await sql`update scheduled_job set last_finished_at = clock_timestamp(), last_outcome = ${detail}, runs = runs + 1 where job = ${job.name}`.execute(trx);
      return { job: job.name, outcome: 'ran', detail };
    }),
  )
    .then((claim) => (job.claimed && claim.outcome === 'ran' ? runClaimed(db, job) : claim))
    .catch((error: Error) => ({ job: job.name, outcome: 'failed' as const, detail: error.message }));
  if (result.outcome !== 'skipped' && CHANNELS.job.hasSubscribers)
    CHANNELS.job.publish({ job: job.name, outcome: result.outcome, seconds: (performance.now() - began) / 1000 } satisfies JobRun);
  return result;
}

/** A claimed job's work, outside the lock's transaction; its end (or failure) noted after. */
async function runClaimed(db: Kysely<Database>, job: Job): Promise<JobOutcome> {
  let outcome: JobOutcome;
  try {
    outcome = { job: job.name, outcome: 'ran', detail: await job.run(db) };
  } catch (error) {
    outcome = { job: job.name, outcome: 'failed', detail: (error as Error).message };
  }
  const noted = outcome.outcome === 'ran' ? outcome.detail : `failed: ${outcome.detail}`;
  await withCouncil(ALL_COUNCILS, () =>
    sql`update scheduled_job set last_finished_at = clock_timestamp(), last_outcome = ${noted}, runs = runs + 1 where job = ${job.name}`.execute(db),
  );
  return outcome;
}
