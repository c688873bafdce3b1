/**
 * Loads a council's SSDA903 return (a folder of CSV tables) as its looked-after children:
 * children (matched by LA child id), episodes of care (with their periods and placements),
 * reviews, missing episodes, UASC records, adoption, previous permanence, OC2 health outcomes and
 * checks, OC3 birthday contacts, social worker allocations and deprivation of liberty orders (DoLo,
 * from 2026/27) — with the chronology, first record
 * versions and audit rows a typed-in history has, and every deadline derived afterwards by the
 * timescales engine, in the same transaction.
 *
 * As the CIN census import (and for the same reason: a national return is 85,000 children), it
 * writes set-wise a batch of children at a time rather than one API step per event: its records,
 * chronology and audit rows by COPY (kernel/db/copy-rows.ts), and into a new database with the
 * biggest tables' keys and indexes put back once, after the load (FIRST_COUNCIL).
 * - The council: --la-code, else the only council in the database, else the LA number in the
 *   children's UPNs (councils.csv); a new council is created.
 * - All or nothing: one transaction; a file that cannot be read writes nothing.
 * - Idempotent: the same files (by hash) are recognised and not read again; otherwise each record
 *   is matched by its natural key (child and start date, or date) and what is there is kept.
 * - What the case record cannot hold (no valid start date, an unknown code) is reported with
 *   the table, row and reason, and the rest is loaded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { deferChecksOfFirstCouncil, deferHistoryKeysOfFirstCouncil, restoreChecksOfFirstCouncil } from '../../../kernel/db/first-council.ts';
import { replanAsTablesGrow } from '../../../kernel/db/insert-rows.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { batch } from '../../../kernel/ledger.ts';
import { importActor, type ReturnActor } from '../audit.ts';
import { councilNamedOrOnly, finishImport, ImportRefused, type ImportPhases, phaseClock, priorImport, type ReturnImportResult } from '../import-result.ts';
import { councilByLaNumber } from '../reference.ts';
import { loadReturnDir, ReturnFileError } from './files.ts';
import { prepareBatch } from './import-batch.ts';
import { type Ctx, holdCompactly, loadExisting, RowsByChild, returnValue } from './import-context.ts';

export type NotPlaced = { child: string | null; table: string; row: number; reason: string };
export type Ssda903Import = ReturnImportResult<NotPlaced>;

const BATCH = 1000;

/**
 * The tables a national return writes a row or more per child into: loaded into a new database
 * (its first council), their foreign keys are checked and their secondary indexes built once, after
 * the load, rather than row by row (migration 0041). Nothing the load reads uses those indexes:
 * children are matched by their unique LA child id.
 */
const FIRST_COUNCIL = {
  keysOf: ['person', 'cla_episode', 'cla_review', 'missing_episode', 'chronology_entry'],
  indexesOf: ['person', 'cla_episode', 'cla_review', 'missing_episode', 'chronology_entry', 'record_version', 'audit_event'],
} as const;

async function hashDir(dir: string, files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(f);
    h.update(await readFile(path.join(dir, f)));
  }
  return h.digest('hex');
}

export async function importSsda903(
  db: Kysely<Database>,
  dir: string,
  options: {
    actor: ReturnActor;
    year: number;
    laCode?: string;
    /** What the import is recorded as coming from, when not the folder (an upload's file names). */
    source?: string;
    onProgress?: (done: number, total: number, stage: string) => void;
  },
): Promise<Ssda903Import> {
  const began = performance.now();
  const phases: ImportPhases = {};
  const time = phaseClock(phases);
  const { year, actor } = options;
  const { r, children, sha256, council } = await readReturn(db, dir, options.laCode, time);
  const laCode = council.laCode;
  const start = `${year - 1}-04-01`;
  const ref = `${year}-03-31`;
  const result: Ssda903Import = {
    importId: null,
    laCode,
    councilName: council.name,
    year,
    children,
    alreadyImported: false,
    written: {},
    notPlaced: [],
    seconds: 0,
    phases,
  };
  const groups = Object.fromEntries(
    (['Episodes', 'Reviews', 'UASC', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'Missing', 'SWEpisodes', 'DoLo'] as const).map((t) => [
      t,
      new RowsByChild(r, t),
    ]),
  );

  await batch(db, importActor(actor, laCode), async (ledger) => {
    const trx = ledger.db;
    // Before the council row goes in: with it the database is no longer new.
    await time('checks', () => deferChecksOfFirstCouncil(trx, { keysOf: [...FIRST_COUNCIL.keysOf], indexesOf: [...FIRST_COUNCIL.indexesOf] }));
    // And, on a PostgreSQL server, the history tables' primary keys, built once at the end (0047): each
    // version was otherwise looked up (`on conflict`) and inserted into a key larger than the buffers.
    await time('checks', () => deferHistoryKeysOfFirstCouncil(trx, ['record_version', 'chronology_entry']));
    const prior = await priorImport(trx, { laCode, laNumber: council.laNumber, name: council.name }, 'ssda903', sha256);
    if (prior) {
      result.alreadyImported = true;
      result.importId = prior;
      return;
    }
    const importId = randomUUID();
    result.importId = importId;
    const workers = new Map<string, string>(
      (
        await sql<{
          swe_number: string;
          worker_id: string;
        }>`select swe_number, worker_id from worker where la_code = ${laCode} and swe_number is not null`.execute(trx)
      ).rows.map((w) => [w.swe_number, w.worker_id]),
    );
    const ctx: Ctx = { ledger, trx, laCode, actor, importId, result, r, groups, start, ref, workers, year };
    const seen = new Set<string>();
    // Each batch's records are read and its rows made while the batch before is being written,
    // so the database and this process work at once. That is safe because no child is in two
    // batches (a second Header row for a child is reported, not imported).
    let writing: Promise<void> | null = null;
    for (let k = 0; k < children; k += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, children - k) }, (_, j) => k + j);
      const existing = await time('match', () =>
        loadExisting(
          ctx,
          rows.map((i) => returnValue(r, 'Header', 'CHILD', i)),
        ),
      ).catch(async (error: unknown) => {
        await writing; // the write's own failure, rather than the aborted transaction it left
        throw error;
      });
      const write = await time('build', () => prepareBatch(ctx, rows, seen, existing));
      if (writing) await writing;
      const done = Math.min(k + BATCH, children);
      writing = time('write', () => replanAsTablesGrow(trx, k / BATCH).then(write)).then(() => options.onProgress?.(done, children, 'Children imported'));
      writing.catch(() => undefined); // awaited above or below; this only stops an early failure counting as unhandled
    }
    if (writing) await writing;
    await time('checks', () => restoreChecksOfFirstCouncil(trx));
    await finishImport(ledger, {
      laCode,
      importId,
      returnType: 'ssda903',
      year,
      fileName: options.source ?? dir,
      sha256,
      actor,
      result,
      onProgress: options.onProgress,
      phases,
    });
  });
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

/**
 * The return read, hashed and its council found; then held compactly (holdCompactly), the tables
 * as read left to the collector once this returns.
 */
async function readReturn(db: Kysely<Database>, dir: string, laCode: string | undefined, time: ReturnType<typeof phaseClock>) {
  let loaded: Awaited<ReturnType<typeof loadReturnDir>>;
  try {
    loaded = await time('read', () => loadReturnDir(dir));
  } catch (error) {
    if (error instanceof ReturnFileError) throw new ImportRefused(`${error.message}; nothing was imported`);
    throw error;
  }
  const header = loaded.tables.Header;
  if (!header)
    throw new ImportRefused(`${dir} has no Header table (a CSV with the columns CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB); nothing was imported`);
  const files = loaded.files.map((f) => f.file);
  const sha256 = await time('read', () => hashDir(dir, files));
  const council = await findCouncil(db, laCode, header.columns.UPN ?? []);
  return { r: holdCompactly(loaded.tables), children: header.length, sha256, council };
}

/** --la-code; the only council in the database; or the LA number most UPNs carry. */
async function findCouncil(db: Kysely<Database>, laCode: string | undefined, upns: string[]) {
  const named = await councilNamedOrOnly(db, laCode);
  if (named) return named;
  const counts = new Map<string, number>();
  for (const u of upns) if (/^[A-Z]\d{12}$|^[A-Z]\d{11}[A-Z]$/.test(u)) counts.set(u.slice(1, 4), (counts.get(u.slice(1, 4)) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const c = top ? councilByLaNumber(top[0]) : undefined;
  if (!c) throw new ImportRefused('The return does not say which council it is from (no UPN carries a known LA number): give --la-code');
  return c;
}
