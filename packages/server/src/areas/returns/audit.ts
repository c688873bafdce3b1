import type { Role } from '@lantern/core/permissions';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';

/**
 * Who is producing or loading a return: a signed-in user (the web app) or the command line,
 * which acts as the deployment's operator and is recorded as such.
 */
export type ReturnActor = { userId: string | null; username: string; role: string; ip?: string | null; userAgent?: string | null; requestId?: string | null };

export const COMMAND_LINE: ReturnActor = { userId: null, username: 'lantern-cli', role: 'operator' };

/**
 * The ledger's actor for an import into a council. The command line is no user of the council's:
 * its audit rows carry no user id (as they always have), and its versions take their author from
 * the rows themselves.
 */
export function importActor(actor: ReturnActor, laCode: string): Actor {
  return {
    user: {
      userId: actor.userId as string,
      laCode,
      username: actor.username,
      displayName: actor.username,
      role: actor.role as Role,
      workerId: null,
      teamId: null,
    },
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    requestId: actor.requestId ?? null,
  };
}

/** A return reads every child in it: one audit row a child, written a batch at a time. */
export async function auditReturnReads(db: Kysely<Database>, actor: ReturnActor, laCode: string, returnType: string, year: number, childIds: string[]) {
  if (childIds.length === 0) return;
  await sql`
    select lantern_audit(coalesce(jsonb_agg(jsonb_build_object(
      'la_code', ${laCode}::text, 'user_id', ${actor.userId}::uuid, 'username', ${actor.username}::text, 'user_role', ${actor.role}::text,
      'action', 'export', 'record_type', ${returnType}::text, 'child_id', c, 'ip', ${actor.ip ?? null}::text,
      'user_agent', ${actor.userAgent ?? null}::text, 'request_id', ${actor.requestId ?? null}::text, 'detail', ${JSON.stringify({ year })}::jsonb)), '[]'))
    from unnest(${childIds}::uuid[]) as c`.execute(db);
}
