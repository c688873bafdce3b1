/**
 * Failed sign-ins are slowed and then locked, per username and per address. The username is
 * counted whether or not it exists (in any council), so the answer never says which exist.
 * After `slowAfter` failures each further try must wait 1, 2, 4… seconds; at `lockAfter` the
 * username (or address) is locked for `lockMinutes`. Failures older than the window are forgotten.
 * An address gets more room: an office shares one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type ThrottleKind = 'username' | 'address';
export const THROTTLE = {
  username: { slowAfter: 5, lockAfter: 10, lockMinutes: 15 },
  address: { slowAfter: 20, lockAfter: 50, lockMinutes: 15 },
  windowMinutes: 60,
} as const;

export type Wait = { kind: ThrottleKind; seconds: number; locked: boolean };

/** Whether a sign-in may be tried now; the longest wait if not. */
export async function waitBeforeSignIn(db: Kysely<Database>, username: string, address: string | null): Promise<Wait | null> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where((eb) =>
      eb.or([eb.and([eb('kind', '=', 'username'), eb('subject', '=', username)]), eb.and([eb('kind', '=', 'address'), eb('subject', '=', address ?? '')])]),
    )
    .execute();
  const now = Date.now();
  let wait: Wait | null = null;
  for (const r of rows) {
    if (!r.wait_until || r.wait_until.getTime() <= now) continue;
    const seconds = Math.ceil((r.wait_until.getTime() - now) / 1000);
    if (!wait || seconds > wait.seconds) wait = { kind: r.kind, seconds, locked: r.failures >= THROTTLE[r.kind].lockAfter };
  }
  return wait;
}

function waitAfter(kind: ThrottleKind, failures: number): number {
  const rule = THROTTLE[kind];
  if (failures >= rule.lockAfter) return rule.lockMinutes * 60;
  if (failures >= rule.slowAfter) return 2 ** (failures - rule.slowAfter);
  return 0;
}

/** Counts a failed sign-in; returns which of the username and address it has just locked. */
export async function noteFailedSignIn(db: Kysely<Database>, username: string, address: string | null): Promise<ThrottleKind[]> {
  const locked: ThrottleKind[] = [];
  const now = new Date();
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  for (const [kind, subject] of [
    ['username', username],
    ['address', address],
  ] as const) {
    if (!subject) continue;
    // One statement, so concurrent failures each count.
    const row = await db
      .insertInto('sign_in_throttle')
      .values({ kind, subject, failures: 1, first_failed_at: now, last_failed_at: now })
      .onConflict((oc) =>
        oc.columns(['kind', 'subject']).doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('sign_in_throttle.last_failed_at', '<', windowStart)
            .then(1)
            .else(eb('sign_in_throttle.failures', '+', 1))
            .end(),
          first_failed_at: eb.case().when('sign_in_throttle.last_failed_at', '<', windowStart).then(now).else(eb.ref('sign_in_throttle.first_failed_at')).end(),
          last_failed_at: now,
        })),
      )
      .returning(['failures'])
      .executeTakeFirstOrThrow();
    const seconds = waitAfter(kind, row.failures);
    if (seconds > 0) {
      await db
        .updateTable('sign_in_throttle')
        .set({ wait_until: new Date(now.getTime() + seconds * 1000) })
        .where('kind', '=', kind)
        .where('subject', '=', subject)
        .execute();
    }
    if (row.failures === THROTTLE[kind].lockAfter) locked.push(kind);
  }
  return locked;
}

/** A successful sign-in (or an administrator's unlock) forgets the username's failures. */
export async function clearUsername(db: Kysely<Database>, username: string): Promise<boolean> {
  const rows = await db.deleteFrom('sign_in_throttle').where('kind', '=', 'username').where('subject', '=', username).returning('subject').execute();
  return rows.length > 0;
}

/** Whether a username is locked now (for the administrator's list of users). */
export async function lockedUsernames(db: Kysely<Database>, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select('subject')
    .where('kind', '=', 'username')
    .where('subject', 'in', usernames)
    .where('failures', '>=', THROTTLE.username.lockAfter)
    .where('wait_until', '>', new Date())
    .execute();
  return new Set(rows.map((r) => r.subject));
}
