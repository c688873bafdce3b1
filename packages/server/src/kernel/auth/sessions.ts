import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CurrentUser } from '../context.ts';
import type { Role } from '@lantern/core/permissions';

export const SESSION_COOKIE = 'lantern_session';
export const SESSION_HOURS = 10; // a working day, then sign in again

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates a session; the cookie value carries the council and a random token, never the hash. */
export async function createSession(db: Kysely<Database>, laCode: string, userId: string, ip: string | null): Promise<{ cookie: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db
    .insertInto('user_session')
    .values({ la_code: laCode, token_hash: hashToken(token), user_id: userId, expires_at: expiresAt, ip })
    .execute();
  return { cookie: `${laCode}.${token}`, expiresAt };
}

function parseCookie(cookie: string): { laCode: string; tokenHash: string } | null {
  const dot = cookie.indexOf('.');
  if (dot < 1) return null;
  return { laCode: cookie.slice(0, dot), tokenHash: hashToken(cookie.slice(dot + 1)) };
}

export async function userForSession(db: Kysely<Database>, cookie: string): Promise<CurrentUser | null> {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  const row = await db
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
      'u.disabled_at',
      'u.partner_organisation_id',
    ])
    .where('s.la_code', '=', parsed.laCode)
    .where('s.token_hash', '=', parsed.tokenHash)
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at.getTime() < Date.now()) return null;
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
