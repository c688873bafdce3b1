/**
 * What the CIN census import's parts share: the rows a batch of children makes, what is already
 * recorded for those children (matched by natural keys, one query per kind for the whole batch),
 * and the child being placed.
 */
import { isIsoDate } from '@lantern/core/calendar';
import type { CensusChild } from '@lantern/core/returns/cin-census/model';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import type { ReturnActor } from '../audit.ts';
import type { importTrail } from '../import-result.ts';

export const IMPORT_REASON = 'Recorded in the CIN census return imported into Lantern';
export const date = (s: string | null) => (s && isIsoDate(s) ? s : null);
export const has = (list: object, code: string | null) => code !== null && Object.hasOwn(list, code);

export type Rows = {
  person: Record<string, unknown>[];
  cin_episode: Record<string, unknown>[];
  assessment: Record<string, unknown>[];
  strategy_discussion: Record<string, unknown>[];
  section47: Record<string, unknown>[];
  cp_plan: Record<string, unknown>[];
  cp_conference: Record<string, unknown>[];
  cin_plan: Record<string, unknown>[];
};
export const TABLES: (keyof Rows)[] = ['person', 'cin_episode', 'assessment', 'strategy_discussion', 'section47', 'cp_plan', 'cp_conference', 'cin_plan'];

/** What is already recorded for the children of one batch (matched by natural keys). */
export type Existing = {
  personByChildId: Map<string, string>;
  episodes: Map<string, { episodeId: string; referralDate: string; closureDate: string | null; version: number }[]>;
  starts: Set<string>; // `${kind}|${parentId}|${date}`
  /** Records still open (not authorised, not ended), by the same keys: a later return may end them. */
  unfinished: Map<string, string>;
  openPlan: Map<string, string>; // `${kind}|${childId}` -> start date of the open one
  plans: Map<string, string>; // `${childId}|${start}` -> plan_id
};

/** A record still open that this return ends (an assessment authorised, a plan ended). */
export type Ending = { table: 'assessment' | 'cin_plan' | 'cp_plan'; id: string; on: string; child_id: string; factors?: string[] };

/** The child being placed, and where their batch's rows, endings and trail go. */
export type ChildInBatch = {
  rows: Rows;
  existing: Existing;
  endings: Ending[];
  laCode: string;
  actor: ReturnActor;
  childId: string;
  laChildId: string;
  /** The start date of the child's open plan of each kind, if any: a child has one open at a time. */
  open: { cp: string | null; cin: string | null };
  skip: (childId: string | null, row: string | null, reason: string) => void;
  audit: ReturnType<typeof importTrail>['audit'];
  chronology: ReturnType<typeof importTrail>['chronology'];
};

export async function loadExisting(trx: Transaction<Database>, laCode: string, children: CensusChild[]): Promise<Existing> {
  const ids = children.map((c) => c.laChildId).filter((x): x is string => !!x);
  const people = ids.length
    ? (
        await sql<{
          person_id: string;
          la_child_id: string;
        }>`select person_id, la_child_id from person where la_code = ${laCode} and la_child_id = any(${ids}::text[])`.execute(trx)
      ).rows
    : [];
  const existing: Existing = {
    personByChildId: new Map(),
    episodes: new Map(),
    starts: new Set(),
    unfinished: new Map(),
    openPlan: new Map(),
    plans: new Map(),
  };
  for (const p of people) existing.personByChildId.set(p.la_child_id, p.person_id);
  const personIds = people.map((p) => p.person_id);
  if (personIds.length === 0) return existing;
  const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(trx)).rows;
  const eps = await q(sql<{ episode_id: string; child_id: string; referral_date: string; closure_date: string | null; version: number }>`
    select episode_id, child_id, referral_date, closure_date, version from cin_episode where la_code = ${laCode} and child_id = any(${personIds}::uuid[])`);
  for (const e of eps) {
    const list = existing.episodes.get(e.child_id) ?? [];
    list.push({
      episodeId: e.episode_id,
      referralDate: String(e.referral_date),
      closureDate: e.closure_date ? String(e.closure_date) : null,
      version: Number(e.version),
    });
    existing.episodes.set(e.child_id, list);
  }
  const starts = await q(sql<{ k: string }>`
    select 'assessment|' || episode_id || '|' || start_date as k from assessment where la_code = ${laCode} and child_id = any(${personIds}::uuid[])
    union all select 's47|' || episode_id || '|' || start_date from section47 where la_code = ${laCode} and child_id = any(${personIds}::uuid[])
    union all select 'cin-plan|' || child_id || '|' || start_date from cin_plan where la_code = ${laCode} and child_id = any(${personIds}::uuid[])
    union all select 'review|' || plan_id || '|' || held_on from cp_conference where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and kind = 'review'`);
  for (const s of starts) existing.starts.add(s.k);
  const unfinished = await q(sql<{ k: string; id: string }>`
    select 'assessment|' || episode_id || '|' || start_date as k, assessment_id as id from assessment
      where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and authorised_on is null and completed_on is null
    union all select 'cin-plan|' || child_id || '|' || start_date, cin_plan_id from cin_plan
      where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and end_date is null
    union all select 'cp-plan|' || child_id || '|' || start_date, plan_id from cp_plan
      where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and end_date is null`);
  for (const u of unfinished) existing.unfinished.set(u.k, u.id);
  const plans = await q(sql<{ plan_id: string; child_id: string; start_date: string; end_date: string | null }>`
    select plan_id, child_id, start_date, end_date from cp_plan where la_code = ${laCode} and child_id = any(${personIds}::uuid[])`);
  for (const p of plans) {
    existing.plans.set(`${p.child_id}|${p.start_date}`, p.plan_id);
    if (!p.end_date) existing.openPlan.set(`cp|${p.child_id}`, String(p.start_date));
  }
  const openCin = await q(sql<{ child_id: string; start_date: string }>`
    select child_id, start_date from cin_plan where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and end_date is null`);
  for (const p of openCin) existing.openPlan.set(`cin|${p.child_id}`, String(p.start_date));
  return existing;
}
