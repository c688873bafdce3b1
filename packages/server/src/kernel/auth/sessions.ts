import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compiledOnce } from '../compiled.ts';
import { runPrepared } from '../db/store.ts';
import type { CurrentUser } from '../context.ts';
import type { Role } from '@lantern/core/permissions';
import { authSettings, idleMinutes } from './config.ts';

export const SESSION_COOKIE = 'lantern_session';
/** A working day by default, then sign in again (LANTERN_SESSION_HOURS). */
export const SESSION_HOURS = 10;
/** The last request is noted at most this often, so reads do not each write. */
const SEEN_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The session cookie's attributes: Secure whenever the public address is https. */
export function sessionCookieOptions() {
  const settings = authSettings();
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: settings.secureCookies, maxAge: settings.sessionHours * 3600 };
}

/** Creates a session; the cookie value carries the council and a random token, never the hash. */
export async function createSession(db: Kysely<Database>, laCode: string, userId: string, ip: string | null): Promise<{ cookie: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + authSettings().sessionHours * 3600_000);
  await db
    .insertInto('user_session')
    .values({ la_code: laCode, token_hash: hashToken(token), user_id: userId, expires_at: expiresAt, ip })
    .execute();
  return { cookie: `${laCode}.${token}`, expiresAt };
}

function parseCookie(cookie: string): { laCode: string; tokenHash: string } | null {
  const dot = cookie.indexOf('.');
  if (dot < 1 || cookie.length > 200) return null;
  return { laCode: cookie.slice(0, dot), tokenHash: hashToken(cookie.slice(dot + 1)) };
}

/** The session and its user, by the council and the token's hash. */
const sessionQuery = compiledOnce((db, v: { laCode: string; tokenHash: string }) =>
  db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 's.la_code').onRef('u.user_id', '=', 's.user_id'))
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'u.la_code').onRef('w.worker_id', '=', 'u.worker_id'))
    .select([
      'u.user_id',
      'u.la_code',
      'u.username',
      'u.display_name',
      'u.role',
      'u.worker_id',
      'w.team_id',
      's.expires_at',
      's.last_seen_at',
      'u.disabled_at',
      'u.awaiting_approval',
      'u.password_reset_required',
      'u.partner_organisation_id',
    ])
    .where('s.la_code', '=', v.laCode)
    .where('s.token_hash', '=', v.tokenHash),
);

/**
 * The user a session cookie signs in, or null: unknown, expired (absolute), idle too long, or the
 * user disabled or awaiting approval. An ended session's row is removed.
 */
export async function userForSession(db: Kysely<Database>, cookie: string): Promise<CurrentUser | null> {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  // Prepared once per connection, and built once (compiled.ts): every request reads it.
  const [row] = await runPrepared(db, sessionQuery(db, 'session', parsed));
  const key = `${parsed.laCode}.${parsed.tokenHash}`;
  if (!row) {
    lastSignedIn.delete(key);
    return null;
  }
  const now = Date.now();
  const idle = now - row.last_seen_at.getTime() > idleMinutes() * 60_000;
  if (row.disabled_at || row.awaiting_approval || row.password_reset_required || row.expires_at.getTime() < now || idle) {
    lastSignedIn.delete(key);
    await db.deleteFrom('user_session').where('la_code', '=', parsed.laCode).where('token_hash', '=', parsed.tokenHash).execute();
    return null;
  }
  await noteUse(db, parsed, row.last_seen_at, now);
  const user: CurrentUser = {
    userId: row.user_id,
    laCode: row.la_code,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    workerId: row.worker_id,
    teamId: row.team_id,
    partnerOrganisationId: row.partner_organisation_id,
  };
  if (lastSignedIn.size >= REMEMBERED_AT_MOST) lastSignedIn.clear();
  lastSignedIn.set(key, user);
  return user;
}

/** The session's use noted, at most once a minute (the idle timeout counts from it). */
async function noteUse(db: Kysely<Database>, parsed: { laCode: string; tokenHash: string }, lastSeen: Date, now: number): Promise<void> {
  if (now - lastSeen.getTime() <= SEEN_EVERY_MS) return;
  await db
    .updateTable('user_session')
    .set({ last_seen_at: new Date(now) })
    .where('la_code', '=', parsed.laCode)
    .where('token_hash', '=', parsed.tokenHash)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// A session confirmed by the request's own read
//
// The session's statement was a third of the CPU of opening a child's record (its own round trip,
// parse and plan). A route whose answer is one statement may instead start from the user this
// cookie last signed in here (never trusted as such) and carry the session's whole check into that
// statement (liveSession): the row it reads, and its audit row, exist only if the session is still
// live, unexpired and not idle, and its user still the one assumed (role, worker, team…). When the
// statement finds nothing, the route confirms the session the usual way (userForSession: 401 and
// the row removed when it ended) and answers as any other route would.

/** Users by the council and token hash of a cookie they were signed in by, as last read here. */
const lastSignedIn = new Map<string, CurrentUser>();
const REMEMBERED_AT_MOST = 10_000;

/** What a route's statement checks of the session: the cookie's, and the user assumed, as of `now`. */
export type AssumedSession = {
  user: CurrentUser;
  laCode: string;
  tokenHash: string;
  /** Expired before this instant, the session has ended. */
  now: Date;
  /** Last used before this instant, it has ended by the idle timeout. */
  idleSince: Date;
};

/** The user this cookie last signed in here, for the request's own statement to confirm; null if none. */
export function assumedSession(cookie: string): AssumedSession | null {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  const user = lastSignedIn.get(`${parsed.laCode}.${parsed.tokenHash}`);
  if (!user) return null;
  const now = Date.now();
  return { user, ...parsed, now: new Date(now), idleSince: new Date(now - idleMinutes() * 60_000) };
}

/** The values liveSession reads, flat, for a compiledOnce query (compiled.ts). */
export function sessionValues(assumed: AssumedSession | null) {
  const u = assumed?.user;
  return {
    sessionLaCode: assumed?.laCode ?? '',
    sessionTokenHash: assumed?.tokenHash ?? '',
    sessionNow: assumed?.now ?? null,
    sessionIdleSince: assumed?.idleSince ?? null,
    sessionUserId: u?.userId ?? '',
    sessionUsername: u?.username ?? '',
    sessionDisplayName: u?.displayName ?? '',
    sessionRole: u?.role ?? '',
    sessionWorkerId: u?.workerId ?? null,
    sessionTeamId: u?.teamId ?? null,
    sessionPartner: u?.partnerOrganisationId ?? null,
  };
}

/**
 * One row (its last use, `session_seen_at`) when the session is live and signs in the user assumed,
 * by the same rules as userForSession; none otherwise. For a lateral join in the route's statement.
 */
export function liveSession(db: Kysely<Database>, v: ReturnType<typeof sessionValues>) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 's.la_code').onRef('u.user_id', '=', 's.user_id'))
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'u.la_code').onRef('w.worker_id', '=', 'u.worker_id'))
    .select('s.last_seen_at as session_seen_at')
    .where('s.la_code', '=', v.sessionLaCode)
    .where('s.token_hash', '=', v.sessionTokenHash)
    .where(sql<boolean>`s.expires_at >= ${v.sessionNow}::timestamptz and s.last_seen_at >= ${v.sessionIdleSince}::timestamptz`)
    .where(sql<boolean>`u.disabled_at is null and u.awaiting_approval is not true and u.password_reset_required is not true`)
    .where('u.user_id', '=', v.sessionUserId)
    .where('u.username', '=', v.sessionUsername)
    .where('u.display_name', '=', v.sessionDisplayName)
    .where('u.role', '=', v.sessionRole)
    .where(sql<boolean>`u.worker_id is not distinct from ${v.sessionWorkerId}::uuid`)
    .where(sql<boolean>`w.team_id is not distinct from ${v.sessionTeamId}::uuid`)
    .where(sql<boolean>`u.partner_organisation_id is not distinct from ${v.sessionPartner}::uuid`);
}

/** After the statement confirmed the session: its use noted, as userForSession notes it. */
export async function confirmedSessionUsed(db: Kysely<Database>, assumed: AssumedSession, lastSeen: Date): Promise<void> {
  await noteUse(db, assumed, lastSeen, assumed.now.getTime());
}

export async function endSession(db: Kysely<Database>, cookie: string): Promise<void> {
  const parsed = parseCookie(cookie);
  if (!parsed) return;
  lastSignedIn.delete(`${parsed.laCode}.${parsed.tokenHash}`);
  await db.deleteFrom('user_session').where('la_code', '=', parsed.laCode).where('token_hash', '=', parsed.tokenHash).execute();
}

/** Ends every session of a user (sign out everywhere; disabled; role or worker changed); how many ended. */
export async function endSessionsOf(db: Kysely<Database>, laCode: string, userId: string): Promise<number> {
  const rows = await db.deleteFrom('user_session').where('la_code', '=', laCode).where('user_id', '=', userId).returning('token_hash').execute();
  for (const { token_hash } of rows) lastSignedIn.delete(`${laCode}.${token_hash}`);
  return rows.length;
}
