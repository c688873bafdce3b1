import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEntry } from '../../kernel/audit.ts';
import { orderedId } from '../../kernel/db/ordered-id.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { refreshPlannerStatistics } from '../../kernel/db/statistics.ts';
import type { Chronicle, Ledger, Table } from '../../kernel/ledger.ts';
import { refreshObligations } from '../../kernel/obligations.ts';
import type { ReturnActor } from './audit.ts';
import { type Council, englishCouncils } from './reference.ts';
// An import derives its children's deadlines, so the areas' rules must be registered wherever it runs from.
import '../obligation-rules.ts';

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
  /** Where the time went (see phaseClock). */
  phases: ImportPhases;
};

/**
 * Seconds spent in each phase of an import: reading, parsing and checking the file, matching its children
 * to those recorded, building the rows, writing them (with their trail), planner statistics, and
 * deriving the deadlines. A batch is built while the one before is written, so `build` and `write`
 * overlap and their sum may exceed the whole; `match` shares the write's connection, so it
 * includes waiting for the batch before to finish writing.
 */
export type ImportPhases = Record<string, number>;

/** The phases as one line, for the command line: "read 1.2 s, match 0.4 s, …". */
export function phasesText(phases: ImportPhases): string {
  return Object.entries(phases)
    .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`)
    .join(', ');
}

/** Times `work` as `phase`, adding to what that phase has taken so far. */
export function phaseClock(phases: ImportPhases) {
  return async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const began = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] = Math.round(((phases[phase] ?? 0) + (performance.now() - began) / 1000) * 1000) / 1000;
    }
  };
}

/** More records not placed than this are counted, not listed. */
export const MAX_NOT_PLACED = 10_000;

export type ReturnType = 'cin-census' | 'ssda903' | 'ssd';

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
 * The council an import is for: the one `laCode` (--la-code) names, in the database or on the
 * DfE's list (else refused, `refusalEnds` closing the message), or the only council in the
 * database; undefined when there is neither, for the return to settle in its own way.
 */
export async function councilNamedOrOnly(db: Kysely<Database>, laCode: string | undefined, refusalEnds = ''): Promise<Council | undefined> {
  const known = (await db.selectFrom('local_authority').select(['la_code', 'dfe_la_number', 'name']).execute()).map((c) => ({
    laCode: c.la_code,
    laNumber: c.dfe_la_number,
    name: c.name,
  }));
  if (laCode) {
    const c = known.find((x) => x.laCode === laCode) ?? englishCouncils().find((x) => x.laCode === laCode);
    if (!c) throw new ImportRefused(`${laCode} is not an English council the DfE lists (councils.csv)${refusalEnds}`);
    return c;
  }
  return known.length === 1 ? known[0] : undefined;
}

/**
 * The end of every import's transaction: the deadlines derived for the imported children (after
 * fresh planner statistics, so the council-wide derivation plans its joins well), and the
 * import's own record with its audit row.
 */
export async function finishImport(
  ledger: Ledger,
  done: {
    laCode: string;
    importId: string;
    returnType: ReturnType;
    /** The collection year (none for an SSD extract, which is a council's whole history). */
    year: number | null;
    fileName: string | null;
    sha256: string;
    actor: ReturnActor;
    result: Pick<ReturnImportResult<unknown>, 'children' | 'written' | 'notPlaced'>;
    onProgress?: (done: number, total: number, stage: string) => void;
    /** Where the statistics and deadlines' time is noted (an import's phases). */
    phases?: ImportPhases;
  },
): Promise<void> {
  const { laCode, importId, returnType, year, fileName, sha256, actor, result } = done;
  const trx = ledger.db;
  const time = phaseClock(done.phases ?? {});
  done.onProgress?.(0, 1, 'Deriving deadlines');
  await time('statistics', () => refreshPlannerStatistics(trx));
  await time('deadlines', () => refreshObligations(trx, laCode));
  // And for the deadlines, which the worklists read next: nothing else has changed since.
  await time('statistics', () => refreshPlannerStatistics(trx, { only: ['obligation'] }));
  done.onProgress?.(1, 1, 'Deriving deadlines');
  await ledger.insert(
    'return_import',
    {
      la_code: laCode,
      import_id: importId,
      return_type: returnType,
      collection_year: year,
      file_name: fileName,
      file_sha256: sha256,
      imported_by: actor.userId,
      summary: JSON.stringify({ children: result.children, written: result.written, notPlaced: result.notPlaced.length }),
    },
    { detail: { returnType, year, fileName, written: result.written } },
  );
}

/**
 * What an import writes beside each record it makes, as a recorded step would: the audit row
 * (naming the import and where it came from) and the child's chronology entry. A batch's trail
 * is gathered while its rows are made and handed to the ledger when they are written
 * (`writeTrail`), never before: the next batch is made while this one is written.
 */
export type ImportTrail = { audits: AuditEntry[]; chronology: Chronicle[] };

export function importTrail(importId: string, source: string) {
  const trail: ImportTrail = { audits: [], chronology: [] };
  return {
    trail,
    /** A record the import created: on the child's trail (null for a worker, who is no child's). */
    audit: (childId: string | null, recordType: string, recordId: string) =>
      trail.audits.push({ action: 'create', recordType, recordId, childId, detail: { source, importId } }),
    updated: (childId: string, recordType: string, recordId: string, detail: Record<string, unknown>) =>
      trail.audits.push({ action: 'update', recordType, recordId, childId, detail: { ...detail, source, importId } }),
    chronology: (childId: string, occurredOn: string, category: string, summary: string, recordType: string, recordId: string) =>
      // Ids in the order made, as the import's records' own (kernel/db/ordered-id.ts).
      trail.chronology.push({ childId, occurredOn, category, summary, recordType, recordId, entryId: orderedId() }),
  };
}

/**
 * Writes a batch's records through the ledger's bulk path, table by table in the order given
 * (parents before the rows naming them). Their audit rows come from the import's own trail
 * (`writeTrail`, next), which names the child each record is on — a mother's baby and their
 * relationship go on the mother's trail, which neither row says — so the ledger is told not to
 * note its own as well.
 */
export async function writeRecords<T extends Table>(
  ledger: Ledger,
  tables: readonly T[],
  rows: Record<T, Record<string, unknown>[]>,
  options: { copy?: boolean } = {},
): Promise<void> {
  await (await prepareRecords(ledger, tables, rows, options))();
}

/**
 * writeRecords in two steps (Ledger.prepareMany): the rows made ready now, while the batch before
 * is still being written, and written when the function returned is called.
 */
export async function prepareRecords<T extends Table>(
  ledger: Ledger,
  tables: readonly T[],
  rows: Record<T, Record<string, unknown>[]>,
  options: { copy?: boolean } = {},
): Promise<() => Promise<void>> {
  const writes: (() => Promise<void>)[] = [];
  for (const table of tables) writes.push(await ledger.prepareMany(table, rows[table] as Insertable<Database[T]>[], { audit: false, copy: options.copy }));
  return async () => {
    for (const write of writes) await write();
  };
}

/** Writes a batch's trail through the ledger, once its records are written. */
export async function writeTrail(ledger: Ledger, trail: ImportTrail): Promise<void> {
  await (await prepareTrail(ledger, trail))();
}

/** writeTrail in two steps (Ledger.prepareFlush): the trail made ready now, written (after the batch's records) when the function returned is called. */
export async function prepareTrail(ledger: Ledger, trail: ImportTrail): Promise<() => Promise<void>> {
  for (const entry of trail.audits) ledger.audit(entry);
  for (const entry of trail.chronology) ledger.chronicle(entry);
  return ledger.prepareFlush();
}
