import { type Kysely, sql } from 'kysely';
import type { Database } from '../../kernel/db/schema.ts';

/**
 * Who is producing or loading a return: a signed-in user (the web app) or the command line,
 * which acts as the deployment's operator and is recorded as such.
 */
export type ReturnActor = { userId: string | null; username: string; role: string; ip?: string | null; userAgent?: string | null };

export const COMMAND_LINE: ReturnActor = { userId: null, username: 'lantern-cli', role: 'operator' };

/** A return reads every child in it: one audit row a child, written a batch at a time. */
export async function auditReturnReads(db: Kysely<Database>, actor: ReturnActor, laCode: string, returnType: string, year: number, childIds: string[]) {
  if (childIds.length === 0) return;
  await sql`
    insert into audit_event (la_code, user_id, username, user_role, action, record_type, child_id, ip, user_agent, detail)
    select ${laCode}, ${actor.userId}::uuid, ${actor.username}, ${actor.role}, 'export', ${returnType}, c, ${actor.ip ?? null}, ${actor.userAgent ?? null},
           ${JSON.stringify({ year })}::jsonb
    from unnest(${childIds}::uuid[]) as c`.execute(db);
}
