/**
 * SSDA903 CSV files uploaded in the web app (from another system, or the council's earlier
 * returns): checked by the DfE's rules, or imported as the children's history. The files are
 * written to a fresh folder and read exactly as `lantern validate ssda903` and `lantern import
 * ssda903` read one, so a file is recognised by its columns whatever it is called.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ssda903Return, type TableName, validateSsda903 } from '@lantern/core/returns/ssda903/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { invalid } from '../../../kernel/http/problem.ts';
import { loadReturnDir, ReturnFileError } from './files.ts';
import { groupFailures, type RuleGroup, returnActor } from '../cin-census/service.ts';
import { ImportRefused } from '../import-result.ts';
import { councilByLaNumber } from '../reference.ts';
import { inWorkFolder } from '../work-folder.ts';
import { importSsda903, type Ssda903Import } from './import.ts';

export type UploadedFile = { name: string; text: string };

export type Ssda903Check = {
  year: number;
  children: number;
  files: { file: string; table: TableName; rows: number }[];
  ignored: { file: string; reason: string }[];
  errors: number;
  rulesRun: number;
  rulesNotRun: number;
  rules: RuleGroup[];
};

const readable = (message: string) => invalid([{ field: 'files', rule: 'ssda903-readable', message }]);

/** The uploaded files in a folder of their own, under their own names (the import's file hash covers the names). */
async function inFolder<T>(files: UploadedFile[], use: (dir: string) => Promise<T>): Promise<T> {
  const named = new Map<string, string>();
  for (const f of files) {
    // A name is only a label here: never a path out of the folder.
    const name = path.basename(f.name.replaceAll('\\', '/'));
    if (!name || name === '.' || name === '..') throw readable(`"${f.name}" is not a file name`);
    if (named.has(name)) throw readable(`${name} is uploaded twice: send each file once`);
    named.set(name, f.text);
  }
  return inWorkFolder(async (dir) => {
    for (const [name, text] of named) await writeFile(path.join(dir, name), text);
    return use(dir);
  });
}

async function load(dir: string) {
  try {
    const loaded = await loadReturnDir(dir);
    if (loaded.files.length === 0)
      throw new ReturnFileError(`None of the files is an SSDA903 table (a CSV with the DfE's column names): ${loaded.ignored.map((f) => f.file).join(', ')}`);
    return loaded;
  } catch (error) {
    if (error instanceof ReturnFileError) throw readable(error.message);
    throw error;
  }
}

/** Check uploaded SSDA903 files by the DfE's rules for the year, failures grouped by rule as for a produced return. */
export async function validateUploadedSsda903(db: Kysely<Database>, actor: Actor, year: number, files: UploadedFile[]): Promise<Ssda903Check> {
  const laCode = actor.user.laCode;
  return inFolder(files, async (dir) => {
    const loaded = await load(dir);
    const result = validateSsda903(new Ssda903Return({ year, tables: loaded.tables, laCode }));
    const fileOf = new Map(loaded.files.map((f) => [f.table, f.file]));
    const failures = result.failures.map((f) => ({
      code: f.code,
      severity: 'error' as const,
      message: f.message,
      childId: f.child || null,
      // The table as the analyst knows it: by the name of the file they sent.
      module: fileOf.has(f.table as TableName) ? `${f.table} in ${fileOf.get(f.table as TableName)}` : f.table,
      row: `row ${f.row}`,
      fields: Object.entries(f.fields).map(([k, v]) => `${k}=${v === '' ? '(blank)' : v}`),
      line: f.row + 1,
    }));
    return {
      year,
      children: loaded.tables.Header?.length ?? 0,
      files: loaded.files,
      ignored: loaded.ignored,
      errors: failures.length,
      rulesRun: result.ran.length,
      rulesNotRun: result.notRun.length,
      rules: await groupFailures(db, laCode, failures),
    };
  });
}

/** The LA number most of the return's UPNs carry (a UPN's 2nd to 4th characters), if any does. */
function laNumberOfUpns(upns: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const u of upns) if (/^[A-Z]\d{12}$|^[A-Z]\d{11}[A-Z]$/.test(u)) counts.set(u.slice(1, 4), (counts.get(u.slice(1, 4)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Import uploaded SSDA903 files as this council's children's history. A council imports its own
 * returns only: a return whose UPNs belong to another council is refused before anything is written.
 */
export async function importUploadedSsda903(db: Kysely<Database>, actor: Actor, year: number, files: UploadedFile[]): Promise<Ssda903Import> {
  const laCode = actor.user.laCode;
  return inFolder(files, async (dir) => {
    const loaded = await load(dir);
    if (!loaded.tables.Header)
      throw invalid([
        {
          field: 'files',
          rule: 'ssda903-importable',
          message: 'No file is the Header table (CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB): nothing was imported',
        },
      ]);
    const laNumber = laNumberOfUpns(loaded.tables.Header.columns.UPN ?? []);
    const council = laNumber ? councilByLaNumber(laNumber) : undefined;
    if (laNumber && council?.laCode !== laCode)
      throw invalid([
        {
          field: 'files',
          rule: 'own-council',
          message: `The children’s UPNs are of LA ${laNumber}${council ? ` (${council.name})` : ''}, not of this council`,
        },
      ]);
    try {
      return await importSsda903(db, dir, {
        actor: returnActor(actor),
        year,
        laCode,
        source: files
          .map((f) => f.name)
          .join(', ')
          .slice(0, 300),
      });
    } catch (error) {
      if (error instanceof ImportRefused)
        throw invalid([{ field: 'files', rule: 'ssda903-importable', message: [error.message, ...error.details].join('; ') }]);
      throw error;
    }
  });
}
