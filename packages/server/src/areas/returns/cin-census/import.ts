/**
 * Loads a council's CIN census return as the history of its children: children, episodes,
 * assessments, section 47 enquiries with their initial conferences, child protection plans with
 * their reviews, and child-in-need plans — with the chronology, first record versions and audit
 * rows a typed-in history has, and every deadline derived afterwards by the timescales engine.
 *
 * Why a batched, set-based path rather than one ledger step per event: a council's return
 * holds tens of thousands of children and several events each; one API step per event would
 * re-derive that child's obligations after every event and take hours. This path writes the same
 * rows (the same tables, the same chronology categories, a first version of each child, one
 * audit row per record created) a batch of children at a time, and derives the obligations once
 * for the council at the end, in the same transaction.
 *
 * - The council comes from the file's LA number (councils.csv); a new council is created.
 * - All or nothing: one transaction for the file; a file that is not well formed or breaks the
 *   schema writes nothing.
 * - Idempotent: a child is matched by LA child id, an episode by child and referral date, and
 *   each module by its episode (or child) and start date; what is already there is left as it is,
 *   so importing the same file again writes nothing (a file already imported is recognised by
 *   its hash and not read again).
 * - What the case record cannot hold (a module with no start date, a second open plan...) is
 *   reported with the reason, and the rest of the file is loaded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { CensusChild, CensusHeader } from '@lantern/core/returns/cin-census/model';
import type { Kysely } from 'kysely';
import { replanAsTablesGrow } from '../../../kernel/db/insert-rows.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { batch } from '../../../kernel/ledger.ts';
import { importActor, type ReturnActor } from '../audit.ts';
import { finishImport, ImportRefused, type ImportPhases, phaseClock, priorImport, type ReturnImportResult } from '../import-result.ts';
import { cinCensusSchema, councilByLaNumber } from '../reference.ts';
import { type Ctx, prepareBatch } from './import-batch.ts';
import { loadExisting } from './import-context.ts';
import { CensusParseError, readCinCensus } from './parse.ts';
import { CinSchemaCheck } from './schema-check.ts';
import { textOf } from './validate.ts';

export type NotPlaced = { childId: string | null; row: string | null; reason: string };
export type CinCensusImport = ReturnImportResult<NotPlaced>;

const BATCH = 500;

export async function importCinCensus(
  db: Kysely<Database>,
  source: { path: string } | { xml: Buffer; fileName?: string },
  options: { actor: ReturnActor; year?: number; onProgress?: (done: number, total: number, stage: string) => void },
): Promise<CinCensusImport> {
  const began = performance.now();
  const phases: ImportPhases = {};
  const time = phaseClock(phases);
  const fileName = 'path' in source ? source.path : (source.fileName ?? null);
  // A first pass for what is needed before anything is written: the file's hash (the same file
  // twice writes nothing) and how many children it holds (for progress).
  const { sha256, total } = await time('read', () => hashAndCount(source));

  // The header first: the council and the year. The file is then read once more as it is
  // imported, a piece at a time, each piece shown to the schema check (checked on other threads
  // a batch of children at a time) before the parser reads it: memory holds a batch, not the file.
  const schema = new CinSchemaCheck();
  const items = readCinCensus(textOf(source, schema), schema);
  const first = await time('parse', () => nextItem(items));
  const header: CensusHeader | null = !first.done && 'header' in first.value ? first.value.header : null;
  if (!header) throw new ImportRefused('The file has no CIN census in it');
  if (!header.laNumber) throw new ImportRefused('The file does not say which council it is from (Header/Source/LEA)');
  const council = councilByLaNumber(header.laNumber);
  if (!council) throw new ImportRefused(`LA number ${header.laNumber} is not an English council the DfE lists (councils.csv)`);
  const year = options.year ?? (header.year && /^\d{4}$/.test(header.year) ? Number(header.year) : Number(header.referenceDate?.slice(0, 4)));
  if (!Number.isInteger(year)) throw new ImportRefused('The file does not say its collection year (Header/CollectionDetails/Year)');
  if (!cinCensusSchema(year)) throw new ImportRefused(`Lantern has no CIN census schema for ${year - 1}/${String(year).slice(2)}: give --year`);

  // A broken file writes nothing: it must be well formed (the parser) and match the schema. The
  // schema's verdict comes once the whole file has been read, so it is taken before the
  // transaction commits, and a file that breaks it is refused and its rows rolled back.
  const refusal = async (): Promise<ImportRefused | null> => {
    const failures = await time('schema', () => schema.finish(year));
    if (failures.length === 0) return null;
    return new ImportRefused(
      `The file does not match the ${year - 1}/${String(year).slice(2)} CIN census schema; nothing was imported`,
      failures.slice(0, 20).map((f) => `line ${f.line ?? '?'}: ${f.message}`),
    );
  };

  const laCode = council.laCode;
  const result: CinCensusImport = {
    importId: null,
    laCode,
    councilName: council.name,
    year,
    children: 0,
    alreadyImported: false,
    written: {},
    notPlaced: [],
    seconds: 0,
    phases,
  };
  await batch(db, importActor(options.actor, laCode), async (ledger) => {
    const trx = ledger.db;
    const prior = await priorImport(trx, { laCode, laNumber: council.laNumber, name: council.name }, 'cin-census', sha256);
    if (prior) {
      result.alreadyImported = true;
      result.importId = prior;
      result.children = total;
      await items.return(undefined);
      return;
    }
    const importId = randomUUID();
    result.importId = importId;
    const ctx: Ctx = { ledger, laCode, actor: options.actor, importId, result, seenIds: new Set() };
    // Each batch is read from the file and its rows made while the batch before is being
    // written, so the database and this process work at once. That is safe because no child is
    // in two batches (a second child with the same LA child id is reported, not imported).
    let writing: Promise<void> | null = null;
    let batches = 0;
    const next = async (batch: CensusChild[]) => {
      const existing = await time('match', () => loadExisting(trx, laCode, batch)).catch(async (error: unknown) => {
        await writing; // the write's own failure, rather than the aborted transaction it left
        throw error;
      });
      const write = await time('build', () => prepareBatch(trx, ctx, batch, existing));
      if (writing) await writing;
      result.children += batch.length;
      const done = result.children;
      writing = time('write', () => replanAsTablesGrow(trx, batches++).then(write)).then(() => options.onProgress?.(done, total, 'Children imported'));
      writing.catch(() => undefined); // awaited here or below; this only stops an early failure counting as unhandled
    };
    try {
      let batch: CensusChild[] = [];
      for (;;) {
        const read = await time('parse', () => nextItem(items));
        if (read.done) break;
        const item = read.value;
        if (!('child' in item)) continue;
        batch.push(item.child);
        await schema.pump(year);
        if (batch.length === BATCH) {
          await next(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await next(batch);
      if (writing) await writing;
    } catch (error) {
      // Rows a broken file made may break the database's rules first: the schema's verdict is the reason to give.
      await (writing as Promise<void> | null)?.catch(() => undefined);
      throw (await refusal().catch(() => null)) ?? error;
    }
    const refused = await refusal();
    if (refused) throw refused;
    options.onProgress?.(result.children, total, 'Children imported');
    await finishImport(ledger, {
      laCode,
      importId,
      returnType: 'cin-census',
      year,
      fileName: fileName,
      sha256,
      actor: options.actor,
      result,
      onProgress: options.onProgress,
      phases,
    });
  });
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

/** The next item of the file, a file that is not well-formed XML refused with the line it breaks at. */
async function nextItem<T>(items: AsyncGenerator<T>): Promise<IteratorResult<T>> {
  try {
    return await items.next();
  } catch (error) {
    if (error instanceof CensusParseError)
      throw new ImportRefused('The file is not well-formed XML; nothing was imported', [`line ${error.line ?? '?'}: ${error.message}`]);
    throw error;
  }
}

const CHILD_TAG = Buffer.from('<Child>');

/** The file's SHA-256 and its number of children, read a piece at a time. */
async function hashAndCount(source: { path: string } | { xml: Buffer }): Promise<{ sha256: string; total: number }> {
  const hash = createHash('sha256');
  let total = 0;
  let carry = Buffer.alloc(0); // a tag may straddle two pieces
  const pieces = 'path' in source ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : [source.xml];
  for await (const piece of pieces as AsyncIterable<Buffer>) {
    hash.update(piece);
    const text = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
    for (let i = text.indexOf(CHILD_TAG); i >= 0; i = text.indexOf(CHILD_TAG, i + CHILD_TAG.length)) total++;
    carry = Buffer.from(text.subarray(Math.max(0, text.length - (CHILD_TAG.length - 1))));
  }
  return { sha256: hash.digest('hex'), total };
}
