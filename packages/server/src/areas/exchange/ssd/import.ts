/**
 * `lantern import ssd DIR`: a council's Standard Safeguarding Dataset extract loaded as its case
 * record, into a council with no children yet (an empty Lantern, or a new council beside others).
 * - One transaction through the ledger's batch entry point: every record's first version, its
 *   audit row (naming the import) and the child's chronology; anything refused writes nothing.
 * - Idempotent: the same files (by hash) are recognised and not loaded again.
 * - What cannot be placed (a record naming a child or episode not in the extract, a code Lantern's
 *   record cannot hold) is listed with the object, row and reason; the rest is loaded.
 * - The deadlines are derived once, council-wide, at the end.
 */
import { randomUUID } from 'node:crypto';
import { todayInEngland } from '@lantern/core/calendar';
import type { Kysely } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import { batch, type Table } from '../../../kernel/ledger.ts';
import { councilNamedOrOnly, finishImport, ImportRefused, importActor, MAX_NOT_PLACED, priorImport, type ReturnActor } from '../../returns/index.ts';
import { readSsdExtract, SsdFileError } from './import-files.ts';
import { type NotPlaced, planSsdImport, WRITE_ORDER } from './import-rows.ts';

export type SsdImport = {
  importId: string | null;
  laCode: string;
  councilName: string;
  children: number;
  alreadyImported: boolean;
  written: Record<string, number>;
  notPlaced: NotPlaced[];
  /** Files of SSD objects Lantern does not hold, each with why. */
  notHeld: string[];
  seconds: number;
};

export async function importSsd(
  db: Kysely<Database>,
  dir: string,
  options: { actor: ReturnActor; laCode?: string; onProgress?: (done: number, total: number, stage: string) => void },
): Promise<SsdImport> {
  const began = performance.now();
  let extract: Awaited<ReturnType<typeof readSsdExtract>>;
  try {
    extract = await readSsdExtract(dir);
  } catch (error) {
    if (error instanceof SsdFileError) throw new ImportRefused(error.message, error.details);
    throw error;
  }
  const council = await councilFor(db, options.laCode);
  const laCode = council.laCode;
  const result: SsdImport = {
    importId: null,
    laCode,
    councilName: council.name,
    children: extract.tables.get('ssd_person')?.length ?? 0,
    alreadyImported: false,
    written: {},
    notPlaced: [],
    notHeld: extract.notHeld,
    seconds: 0,
  };
  const { actor } = options;
  await batch(db, importActor(actor, laCode), async (ledger) => {
    const trx = ledger.db;
    const prior = await priorImport(trx, council, 'ssd', extract.sha256);
    if (prior) {
      result.alreadyImported = true;
      result.importId = prior;
      return;
    }
    const existing = await trx.selectFrom('person').select('person_id').where('la_code', '=', laCode).limit(1).executeTakeFirst();
    if (existing)
      throw new ImportRefused(
        `${council.name} (${laCode}) already has children in Lantern: an SSD extract is a council's whole history and loads only into a council with none; nothing was imported`,
      );
    const importId = randomUUID();
    result.importId = importId;
    const planned = planSsdImport(extract, laCode, actor.userId, todayInEngland());
    result.notPlaced = planned.notPlaced.slice(0, MAX_NOT_PLACED);
    const total = WRITE_ORDER.length;
    for (const [n, table] of WRITE_ORDER.entries()) {
      const rows = planned.rows[table];
      if (rows.length === 0) continue;
      await ledger.insertMany(table as Table, rows as never[], { detail: { source: 'ssd', importId } });
      await ledger.flush();
      result.written[table] = rows.length;
      options.onProgress?.(n + 1, total, 'Records written');
    }
    for (const entry of planned.chronology) ledger.chronicle(entry);
    await ledger.flush();
    await finishImport(ledger, {
      laCode,
      importId,
      returnType: 'ssd',
      year: null,
      fileName: dir,
      sha256: extract.sha256,
      actor,
      result: { children: result.children, written: result.written, notPlaced: planned.notPlaced },
      onProgress: options.onProgress,
    });
  });
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

/** --la-code (a council in the database or on the DfE's list), else the only council in the database. */
async function councilFor(db: Kysely<Database>, laCode: string | undefined) {
  const c = await councilNamedOrOnly(db, laCode, '; nothing was imported');
  if (c) return c;
  throw new ImportRefused(
    'An SSD extract does not say which council it is from: give --la-code (the council’s ONS code, e.g. E06000019); nothing was imported',
  );
}
