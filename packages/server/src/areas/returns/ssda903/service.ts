/**
 * The SSDA903 return in the web app, as the CIN census screen has it: a run exports the council's
 * return for a collection year (one CSV a table, every child in it audited), validates it with the
 * DfE's rules, and keeps the result and the files (in this process) so the analyst can review the
 * failures grouped by rule, open each child's record, and download each table.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ssda903Return, validateSsda903 } from '@lantern/core/returns/ssda903/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { notFound } from '../../../kernel/http/problem.ts';
import { loadReturnDir } from './files.ts';
import { postcodesOf } from './postcode-file.ts';
import { postcodesFromDatabase } from './postcode-table.ts';
import { groupFailures, type RuleGroup, returnActor } from '../cin-census/service.ts';
import { inWorkFolder, pack, unpack } from '../work-folder.ts';
import { ssda903TablesFor } from '@lantern/core/views/returns';
import { type ExportTable, exportSsda903, fileNameOf } from './export.ts';

export type Ssda903Run = {
  runId: string;
  year: number;
  createdAt: string;
  /** Children in the return (its Header rows). */
  children: number;
  tables: { table: ExportTable; rows: number }[];
  errors: number;
  rulesRun: number;
  rulesNotRun: number;
  rules: RuleGroup[];
};

const runs = new Map<string, { laCode: string; tables: Map<ExportTable, Buffer>; run: Ssda903Run }>();
const MAX_RUNS = 20;

export async function runSsda903(db: Kysely<Database>, actor: Actor, year: number): Promise<Ssda903Run> {
  const laCode = actor.user.laCode;
  const { run, tables } = await inWorkFolder(async (dir) => {
    const exported = await exportSsda903(db, laCode, year, dir, { actor: returnActor(actor) });
    // Read back the files as written, so what is validated is exactly what is downloaded.
    const loaded = await loadReturnDir(dir);
    // The placement facts (PL_LA, PL_DISTANCE) need the ONS directory, when it has been loaded.
    const postcodes = await postcodesFromDatabase(db, postcodesOf(loaded.tables.Episodes));
    const result = validateSsda903(new Ssda903Return({ year, tables: loaded.tables, laCode, postcodes }));
    const failures = result.failures.map((f) => ({
      code: f.code,
      severity: 'error' as const,
      message: f.message,
      childId: f.child || null,
      module: f.table,
      row: `row ${f.row}`,
      fields: Object.entries(f.fields).map(([k, v]) => `${k}=${v === '' ? '(blank)' : v}`),
      // The CSV line: the header is line 1.
      line: f.row + 1,
    }));
    const run: Ssda903Run = {
      runId: randomUUID(),
      year,
      createdAt: new Date().toISOString(),
      children: exported.rows.Header,
      tables: ssda903TablesFor(year).map((table) => ({ table, rows: exported.rows[table] })),
      errors: failures.length,
      rulesRun: result.ran.length,
      rulesNotRun: result.notRun.length,
      rules: await groupFailures(db, laCode, failures),
    };
    const tables = new Map<ExportTable, Buffer>();
    for (const table of ssda903TablesFor(year)) tables.set(table, pack(await readFile(path.join(dir, fileNameOf(table)))));
    return { run, tables };
  });
  runs.set(run.runId, { laCode, tables, run });
  // Keep the latest runs only; their files go with them.
  while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value as string);
  return run;
}

/** One table's CSV of a run of this council. */
export function tableFile(actor: Actor, runId: string, table: ExportTable): { content: Buffer; year: number } {
  const entry = runs.get(runId);
  const packed = entry?.tables.get(table);
  if (!entry || entry.laCode !== actor.user.laCode || !packed) throw notFound('return run');
  return { content: unpack(packed), year: entry.run.year };
}

export function latestSsda903Runs(actor: Actor): Ssda903Run[] {
  return [...runs.values()]
    .filter((r) => r.laCode === actor.user.laCode)
    .map((r) => r.run)
    .reverse();
}
