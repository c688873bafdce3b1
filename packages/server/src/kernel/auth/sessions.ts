import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compiledOnce } from '../compiled.ts';
import { runPrepared } from '../db/store.ts';
import type { CurrentUser } from '../context.ts';
import type { Role } from '@lantern/core/permissions';
import { authSettings } from './config.ts';

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
  if (!row) return null;
  const now = Date.now();
  const idle = now - row.last_seen_at.getTime() > authSettings().idleMinutes * 60_000;
  if (row.disabled_at || row.awaiting_approval || row.password_reset_required || row.expires_at.getTime() < now || idle) {
    await db.deleteFrom('user_session').where('la_code', '=', parsed.laCode).where('token_hash', '=', parsed.tokenHash).execute();
    return null;
  }
  if (now - row.last_seen_at.getTime() > SEEN_EVERY_MS) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(now) })
      .where('la_code', '=', parsed.laCode)
      .where('token_hash', '=', parsed.tokenHash)
      .execute();
  }
  return {
    userId: row.user_id,
    laCode: row.la_code,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    workerId: row.worker_id,
    teamId: row.team_id,
    partnerOrganisationId: row.partner_organisation_id,
  };
}

export async function endSession(db: Kysely<Database>, cookie: string): Promise<void> {
  const parsed = parseCookie(cookie);
  if (!parsed) return;
  await db.deleteFrom('user_session').where('la_code', '=', parsed.laCode).where('token_hash', '=', parsed.tokenHash).execute();
}

/** Ends every session of a user (sign out everywhere; disabled; role or worker changed); how many ended. */
export async function endSessionsOf(db: Kysely<Database>, laCode: string, userId: string): Promise<number> {
  const rows = await db.deleteFrom('user_session').where('la_code', '=', laCode).where('user_id', '=', userId).returning('token_hash').execute();
  return rows.length;
}
