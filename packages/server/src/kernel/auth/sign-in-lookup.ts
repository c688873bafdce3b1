import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

type AppUserRow = Selectable<Database['app_user']>;

/**
 * The users with this username, in every council or the one named: sign-in must find the user
 * before it knows their council, and row-level security shows a request nobody's rows until then,
 * so the database's SECURITY DEFINER function (migration 0026) does the one cross-council read.
 */
export async function signInCandidates(db: Kysely<Database>, username: string, laCode?: string | null): Promise<AppUserRow[]> {
  const { rows } = await sql<AppUserRow>`select * from lantern_sign_in_candidates(${username}, ${laCode || null})`.execute(db);
  return rows;
}

/**
 * The users the identity provider's answer names, in any council: by its subject, else (when no
 * user has that subject) by its verified email. Also a SECURITY DEFINER function, for the same reason.
 */
export async function identityCandidates(db: Kysely<Database>, subject: string, verifiedEmail: string | null): Promise<AppUserRow[]> {
  const { rows } = await sql<AppUserRow>`select * from lantern_identity_candidates(${subject}, ${verifiedEmail})`.execute(db);
  return rows;
}
