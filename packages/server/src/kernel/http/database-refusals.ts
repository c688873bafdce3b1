/**
 * The two 503s a request can get from the database (postgres-pool.ts tells them apart): it cannot be
 * reached, or every connection stayed busy while the request waited its turn. Nothing was saved in
 * either, and the client may try again shortly.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Problem } from './problem.ts';

/** While the database cannot be reached: nothing was saved, and the client may try again shortly. */
export const databaseUnavailable = () =>
  new Problem(503, 'Service unavailable', 'The database cannot be reached just now; nothing was saved. Try again in a few seconds.', undefined, {
    retryAfter: RETRY_AFTER_SECONDS,
  });
export const RETRY_AFTER_SECONDS = 5;

/** Every connection stayed busy while the request waited its turn (postgres-pool.ts): as above, but saying so. */
export const databaseBusy = () =>
  new Problem(503, 'Service busy', 'Every database connection stayed busy while this waited; nothing was saved. Try again in a few seconds.', undefined, {
    retryAfter: RETRY_AFTER_SECONDS,
  });

/**
 * A database 503 leaves a warning in the log for whoever is on call, at the default level, but not
 * one line per refused request: under load that is hundreds a second. One line per kind at most
 * every `everyMs`, saying how many more were refused since the last line of that kind.
 */
export function databaseRefusalLog(everyMs = 60_000, now: () => number = Date.now) {
  const last = new Map<'busy' | 'unreachable', { at: number; since: number }>();
  return (kind: 'busy' | 'unreachable', log: FastifyBaseLogger) => {
    const seen = last.get(kind);
    if (seen && now() - seen.at < everyMs) {
      seen.since++;
      return;
    }
    last.set(kind, { at: now(), since: 0 });
    const more = seen?.since ?? 0;
    log.warn(
      { database: kind, refusedSinceLastLine: more },
      kind === 'busy'
        ? `503 Service busy: every database connection stayed in use for the pool's queue wait (${more} more since the last such line)`
        : `503 Service unavailable: the database cannot be reached (${more} more since the last such line)`,
    );
  };
}
