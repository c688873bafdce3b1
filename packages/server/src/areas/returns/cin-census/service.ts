/**
 * The CIN census in the web app: a run exports the council's return for a year to a file,
 * validates it, and keeps the result and the file (in this process's memory, gzipped; the file on
 * disk is removed at once) so the analyst can review the failures grouped by rule, open each
 * child's record, and download the file.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { ReturnFailure } from '@lantern/core/returns/types';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { notFound } from '../../../kernel/http/problem.ts';
import type { ReturnActor } from '../audit.ts';
import { inWorkFolder, pack } from '../work-folder.ts';
import { exportCinCensus } from './export.ts';
import { type CinCensusValidation, validateCinCensusFile } from './validate.ts';

export type RuleGroup = {
  code: string;
  severity: 'error' | 'query';
  message: string;
  count: number;
  failures: { laChildId: string | null; childId: string | null; module: string; row: string | null; fields: string[]; line: number | null }[];
};
export type CinCensusRun = {
  runId: string;
  year: number;
  createdAt: string;
  children: number;
  schemaValid: boolean;
  errors: number;
  queries: number;
  rules: RuleGroup[];
};

const runs = new Map<string, { laCode: string; packed: Buffer; run: CinCensusRun }>();
const MAX_RUNS = 20;
const MAX_PER_RULE = 500;

export function returnActor(actor: Actor): ReturnActor {
  return {
    userId: actor.user.userId,
    username: actor.user.username,
    role: actor.user.role,
    ip: actor.ip,
    userAgent: actor.userAgent,
    requestId: actor.requestId ?? null,
  };
}

/** Failures grouped by rule (errors first), each naming the child and linking to their record. */
export async function groupFailures(db: Kysely<Database>, laCode: string, failures: ReturnFailure[]): Promise<RuleGroup[]> {
  const ids = [...new Set(failures.map((f) => f.childId).filter((x): x is string => !!x))];
  const people = ids.length
    ? await db.selectFrom('person').select(['person_id', 'la_child_id']).where('la_code', '=', laCode).where('la_child_id', 'in', ids).execute()
    : [];
  const personOf = new Map(people.map((p) => [p.la_child_id as string, p.person_id]));
  const groups = new Map<string, RuleGroup>();
  for (const f of failures) {
    let g = groups.get(f.code);
    if (!g) {
      g = { code: f.code, severity: f.severity, message: f.message, count: 0, failures: [] };
      groups.set(f.code, g);
    }
    g.count++;
    if (g.failures.length < MAX_PER_RULE)
      g.failures.push({
        laChildId: f.childId,
        childId: f.childId ? (personOf.get(f.childId) ?? null) : null,
        module: f.module,
        row: f.row,
        fields: f.fields,
        line: f.line ?? null,
      });
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}

export async function runCinCensus(db: Kysely<Database>, actor: Actor, year: number): Promise<CinCensusRun> {
  const laCode = actor.user.laCode;
  const { result, packed } = await inWorkFolder(async (dir) => {
    const file = path.join(dir, `cin-census-${year}.xml`);
    const out = createWriteStream(file);
    await exportCinCensus(db, laCode, year, out, { actor: returnActor(actor) });
    out.end();
    await finished(out);
    return { result: await validateCinCensusFile({ path: file }, { year }), packed: pack(await readFile(file)) };
  });
  const run = await toRun(db, laCode, result);
  runs.set(run.runId, { laCode, packed, run });
  // Keep the latest runs only; their files go with them.
  while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value as string);
  return run;
}

async function toRun(db: Kysely<Database>, laCode: string, result: CinCensusValidation): Promise<CinCensusRun> {
  return {
    runId: randomUUID(),
    year: result.year,
    createdAt: new Date().toISOString(),
    children: result.children,
    schemaValid: result.schemaValid,
    errors: result.errors,
    queries: result.queries,
    rules: await groupFailures(db, laCode, result.failures),
  };
}

/** Validates a file from any system (uploaded), without keeping it. */
export async function validateUploaded(db: Kysely<Database>, actor: Actor, xml: Buffer, year?: number): Promise<CinCensusRun> {
  return toRun(db, actor.user.laCode, await validateCinCensusFile({ xml }, { year }));
}

export function runFor(actor: Actor, runId: string) {
  const entry = runs.get(runId);
  if (!entry || entry.laCode !== actor.user.laCode) throw notFound('return run');
  return entry;
}

export function latestRuns(actor: Actor): CinCensusRun[] {
  return [...runs.values()]
    .filter((r) => r.laCode === actor.user.laCode)
    .map((r) => r.run)
    .reverse();
}
