import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../kernel/db/schema.ts';
import { refreshPlannerStatistics } from '../../kernel/db/statistics.ts';
import { refreshObligations } from '../../kernel/obligations.ts';
import type { ReturnActor } from './audit.ts';

/** What every return's import shares: the refusal that writes nothing, and the summary it reports. */

/** The file cannot be imported at all (no council, no year, not the return it claims): nothing was written. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** What an import wrote, and each record it could not place (in the return's own terms). */
export type ReturnImportResult<NotPlaced> = {
  importId: string | null;
  laCode: string;
  councilName: string;
  year: number;
  children: number;
  alreadyImported: boolean;
  written: Record<string, number>;
  notPlaced: NotPlaced[];
  seconds: number;
};

/** More records not placed than this are counted, not listed. */
export const MAX_NOT_PLACED = 10_000;

export type ReturnType = 'cin-census' | 'ssda903';

/**
 * The start of every import's transaction: the council row (a file may arrive before anything
 * else for its council) and the earlier import of this very file, if there was one — importing
 * the same bytes twice must change nothing.
 */
export async function priorImport(
  trx: Transaction<Database>,
  council: { laCode: string; laNumber: string; name: string },
  returnType: ReturnType,
  sha256: string,
): Promise<string | null> {
  await sql`insert into local_authority (la_code, dfe_la_number, name) values (${council.laCode}, ${council.laNumber}, ${council.name}) on conflict do nothing`.execute(
    trx,
  );
  const prior = await trx
    .selectFrom('return_import')
    .select('import_id')
    .where('la_code', '=', council.laCode)
    .where('return_type', '=', returnType)
    .where('file_sha256', '=', sha256)
    .executeTakeFirst();
  return prior?.import_id ?? null;
}

/**
 * The end of every import's transaction: the deadlines derived for the imported children (after
 * fresh planner statistics, so the council-wide derivation plans its joins well), the import's
 * own record, and its audit row.
 */
export async function finishImport(
  trx: Transaction<Database>,
  done: {
    laCode: string;
    importId: string;
    returnType: ReturnType;
    year: number;
    fileName: string | null;
    sha256: string;
    actor: ReturnActor;
    result: ReturnImportResult<unknown>;
    onProgress?: (done: number, total: number, stage: string) => void;
  },
): Promise<void> {
  const { laCode, importId, returnType, year, fileName, sha256, actor, result } = done;
  done.onProgress?.(0, 1, 'Deriving deadlines');
  await refreshPlannerStatistics(trx);
  await refreshObligations(trx, laCode);
  await refreshPlannerStatistics(trx); // and for the deadlines, which the worklists read next
  done.onProgress?.(1, 1, 'Deriving deadlines');
  await trx
    .insertInto('return_import')
    .values({
      la_code: laCode,
      import_id: importId,
      return_type: returnType,
      collection_year: year,
      file_name: fileName,
      file_sha256: sha256,
      imported_by: actor.userId,
      summary: JSON.stringify({ children: result.children, written: result.written, notPlaced: result.notPlaced.length }),
    })
    .execute();
  await sql`insert into audit_event (la_code, user_id, username, user_role, action, record_type, record_id, ip, user_agent, detail)
    values (${laCode}, ${actor.userId}::uuid, ${actor.username}, ${actor.role}, 'create', 'return-import', ${importId},
            ${actor.ip ?? null}, ${actor.userAgent ?? null}, ${JSON.stringify({ returnType, year, fileName, written: result.written })}::jsonb)`.execute(trx);
}

type TrailRows = { audit_event: Record<string, unknown>[]; chronology_entry: Record<string, unknown>[] };

/**
 * What an import writes beside each record it makes, as a recorded step would: the audit row
 * (naming the import and where it came from) and the child's chronology entry, gathered into the
 * batch's rows to be inserted with them.
 */
export function importTrail(rows: TrailRows, laCode: string, actor: ReturnActor, importId: string, source: string) {
  return {
    audit: (childId: string, recordType: string, recordId: string) =>
      rows.audit_event.push({
        la_code: laCode,
        user_id: actor.userId,
        username: actor.username,
        user_role: actor.role,
        action: 'create',
        record_type: recordType,
        record_id: recordId,
        child_id: childId,
        ip: actor.ip ?? null,
        user_agent: actor.userAgent ?? null,
        detail: { source, importId },
      }),
    chronology: (childId: string, occurredOn: string, category: string, summary: string, recordType: string, recordId: string) =>
      rows.chronology_entry.push({
        la_code: laCode,
        entry_id: randomUUID(),
        child_id: childId,
        occurred_on: occurredOn,
        category,
        summary,
        record_type: recordType,
        record_id: recordId,
        recorded_by: actor.userId,
      }),
  };
}
