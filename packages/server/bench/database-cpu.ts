/**
 * The CPU time a database's server processes spend while something runs against it, read from
 * /proc for each client connection to the database (a local PostgreSQL server only). On a shared
 * machine an import's wall time stretches with everyone's load; the CPU its own process and its
 * database backend used does not, and says which side the time went to.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

/** A process's CPU seconds so far (user and system), from /proc; null when it has ended or is not this machine's. */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    if (!fields) return null;
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return null; // ended, or not this machine's
  }
}

/** Starts watching `url`'s database; `stop` gives its backends' CPU seconds (null when unreadable). */
export async function watchDatabaseCpu(url: string, everyMs = 250): Promise<{ stop: () => Promise<number | null> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seen = new Map<number, number>();
  let readable = false;
  const poll = async () => {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    for (const { pid } of rows) {
      const s = cpuSeconds(pid);
      if (s === null) continue;
      readable = true;
      seen.set(pid, Math.max(seen.get(pid) ?? 0, s));
    }
  };
  let polling = Promise.resolve();
  const timer = setInterval(() => {
    polling = polling.then(poll).catch(() => undefined);
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await polling;
      await client.end();
      return readable ? [...seen.values()].reduce((n, s) => n + s, 0) : null;
    },
  };
}
