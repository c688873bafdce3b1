/**
 * The DfE feed: the export of every cohort child's full object (`lantern export dfe-csc-api`) and
 * one day's submission (`lantern feed dfe-csc-api`): new children in full, changed children as
 * partial objects, children who left the cohort purged, unchanged children not sent.
 */
import { randomUUID } from 'node:crypto';
import { type DfeChild, dfeChildJsonSchema, dfePartial, dfePurge } from '@lantern/core/dfe-csc-api';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type Kysely, sql } from 'kysely';
import { forCouncil } from '../../kernel/db/council.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { batch } from '../../kernel/ledger.ts';
import { importActor, type ReturnActor } from '../returns/index.ts';
import { type BatchAnswer, childRefused, type DfeApiClient } from './dfe-api.ts';
import { buildDfeChildren, cohortChildIds, type FeedChild } from './dfe-child-object.ts';

/** Children read and built at a time, so a large council's cohort is never held whole twice. */
const BUILD_CHUNK = 500;

export type Invalid = { childId: string; laChildId: string; errors: string[] };

/** A checker of full objects against the JSON Schema generated from core's zod schema. */
export function dfeChildChecker(): (object: DfeChild) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(dfeChildJsonSchema());
  return (object) => (validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`));
}

/** Every cohort child's full object as of `asOf`, checked; invalid children are listed with why. */
export async function* dfeCohortObjects(db: Kysely<Database>, laCode: string, asOf: string): AsyncGenerator<{ valid: FeedChild[]; invalid: Invalid[] }> {
  const check = dfeChildChecker();
  const ids = await forCouncil(db, laCode, () => cohortChildIds(db, laCode, asOf));
  for (let i = 0; i < ids.length; i += BUILD_CHUNK) {
    const built = await buildDfeChildren(db, laCode, asOf, ids.slice(i, i + BUILD_CHUNK));
    const valid: FeedChild[] = [];
    const invalid: Invalid[] = [];
    for (const child of built) {
      const errors = check(child.object);
      if (errors.length) invalid.push({ childId: child.childId, laChildId: child.object.la_child_id, errors });
      else valid.push(child);
    }
    yield { valid, invalid };
  }
}

/** Writes the cohort's full objects as one JSON array; each child written is audited as exported. */
export async function exportDfeCscApi(db: Kysely<Database>, laCode: string, asOf: string, write: (chunk: string) => Promise<void>, actor: ReturnActor) {
  let written = 0;
  const invalid: Invalid[] = [];
  await write('[');
  for await (const chunk of dfeCohortObjects(db, laCode, asOf)) {
    invalid.push(...chunk.invalid);
    for (const c of chunk.valid) await write(`${written++ ? ',' : ''}\n${JSON.stringify(c.object)}`);
    await batch(
      db,
      importActor(actor, laCode),
      async (ledger) => {
        for (const c of chunk.valid) ledger.audit({ action: 'export', recordType: 'dfe-csc-api', childId: c.childId, detail: { asOf } });
      },
      { laCode },
    );
  }
  await write('\n]\n');
  return { written, invalid };
}

export type FeedItem = {
  childId: string;
  laChildId: string;
  misChildId: string;
  kind: 'full' | 'partial' | 'purge';
  payload: DfeChild;
  full: DfeChild | null;
  hash: string | null;
};
export type FeedSummary = {
  runId: string;
  runOn: string;
  full: number;
  partial: number;
  unchanged: number;
  purged: number;
  failed: number;
  invalid: Invalid[];
  items: FeedItem[];
};

type LastSent = {
  child_id: string;
  la_child_id: string;
  mis_child_id: string;
  last_payload: unknown;
  last_hash: string | null;
  state: string;
  in_cohort: boolean;
};

/** What today's run would send: full, partial and purge objects, from the record and the last payloads. */
export async function planDfeFeed(db: Kysely<Database>, laCode: string, asOf: string): Promise<{ items: FeedItem[]; unchanged: number; invalid: Invalid[] }> {
  const last = await forCouncil(db, laCode, () =>
    db
      .selectFrom('dfe_feed_child')
      .select(['child_id', 'la_child_id', 'mis_child_id', 'last_payload', 'last_hash', 'state', 'in_cohort'])
      .where('la_code', '=', laCode)
      .execute(),
  );
  const lastOf = new Map((last as LastSent[]).map((r) => [r.child_id, r]));
  const items: FeedItem[] = [];
  const invalid: Invalid[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for await (const chunk of dfeCohortObjects(db, laCode, asOf)) {
    invalid.push(...chunk.invalid);
    for (const c of chunk.invalid) seen.add(c.childId);
    for (const c of chunk.valid) {
      seen.add(c.childId);
      const prev = lastOf.get(c.childId);
      const ids = { childId: c.childId, laChildId: c.object.la_child_id, misChildId: c.object.mis_child_id, full: c.object, hash: c.hash };
      if (!prev?.last_payload) items.push({ ...ids, kind: 'full', payload: c.object });
      else if (prev.last_hash === c.hash && prev.state === 'sent') unchanged++;
      else items.push({ ...ids, kind: 'partial', payload: dfePartial(prev.last_payload as DfeChild, c.object) });
    }
  }
  for (const prev of last as LastSent[]) {
    if (seen.has(prev.child_id) || !prev.last_payload) continue;
    const payload = dfePurge(prev.last_payload as DfeChild);
    items.push({ childId: prev.child_id, laChildId: prev.la_child_id, misChildId: prev.mis_child_id, kind: 'purge', payload, full: null, hash: null });
  }
  return { items, unchanged, invalid };
}

/**
 * One day's submission. With no client (a dry run) nothing is sent or kept but the run's counts;
 * otherwise each batch's answer is recorded per child as soon as it comes back.
 */
export async function runDfeFeed(
  db: Kysely<Database>,
  laCode: string,
  options: { asOf: string; client: DfeApiClient | null; batchSize: number; actor: ReturnActor },
): Promise<FeedSummary> {
  const { asOf, client, actor } = options;
  const plan = await planDfeFeed(db, laCode, asOf);
  const runId = randomUUID();
  const council = await forCouncil(db, laCode, () =>
    db.selectFrom('local_authority').select('dfe_la_number').where('la_code', '=', laCode).executeTakeFirstOrThrow(),
  );
  const counts = { full: 0, partial: 0, purged: 0, failed: 0 };
  const asActor = importActor(actor, laCode);
  await batch(db, asActor, (ledger) => ledger.insert('dfe_feed_run', { la_code: laCode, run_id: runId, run_on: asOf, dry_run: client === null }), { laCode });
  if (client) {
    for (let i = 0; i < plan.items.length; i += options.batchSize) {
      const items = plan.items.slice(i, i + options.batchSize);
      const answer = await client.send(
        Number(council.dfe_la_number),
        items.map((it) => it.payload),
      );
      await recordBatch(db, laCode, runId, items, answer, asActor, counts);
    }
    if (plan.invalid.length)
      await batch(
        db,
        asActor,
        (ledger) =>
          upsertStates(
            ledger.db,
            laCode,
            runId,
            plan.invalid.map((c) => invalidRow(c)),
          ),
        { laCode },
      );
  } else {
    for (const it of plan.items) counts[it.kind === 'purge' ? 'purged' : it.kind]++;
  }
  counts.failed += plan.invalid.length;
  await batch(
    db,
    asActor,
    (ledger) =>
      ledger.update(
        'dfe_feed_run',
        { run_id: runId },
        {
          finished_at: new Date(),
          sent_full: counts.full,
          sent_partial: counts.partial,
          unchanged: plan.unchanged,
          purged: counts.purged,
          failed: counts.failed,
        },
      ),
    { laCode },
  );
  return { runId, runOn: asOf, ...counts, unchanged: plan.unchanged, invalid: plan.invalid, items: plan.items };
}

type StateRow = {
  child_id: string;
  la_child_id: string;
  mis_child_id: string;
  last_payload: unknown;
  last_hash: string | null;
  last_sent: unknown;
  sent_kind: string | null;
  state: 'sent' | 'error';
  answer: unknown;
  in_cohort: boolean;
  keep_last: boolean;
};

function invalidRow(c: Invalid): StateRow {
  return {
    child_id: c.childId,
    la_child_id: c.laChildId,
    mis_child_id: c.childId,
    last_payload: null,
    last_hash: null,
    last_sent: null,
    sent_kind: null,
    state: 'error',
    answer: { invalid: c.errors },
    in_cohort: true,
    keep_last: true,
  };
}

/** Keeps each child's answer: an accepted object becomes the last payload; a refused one keeps the previous. */
async function recordBatch(
  db: Kysely<Database>,
  laCode: string,
  runId: string,
  items: FeedItem[],
  answer: BatchAnswer,
  actor: ReturnType<typeof importActor>,
  counts: { full: number; partial: number; purged: number; failed: number },
) {
  const rows: StateRow[] = items.map((it, n) => {
    const said = answer.perChild[n] ?? null;
    const ok = answer.ok && !childRefused(said);
    if (ok) counts[it.kind === 'purge' ? 'purged' : it.kind]++;
    else counts.failed++;
    return {
      child_id: it.childId,
      la_child_id: it.laChildId,
      mis_child_id: it.misChildId,
      last_payload: it.full,
      last_hash: it.hash,
      last_sent: it.payload,
      sent_kind: it.kind,
      state: ok ? 'sent' : 'error',
      answer: said,
      in_cohort: it.kind !== 'purge',
      keep_last: !ok,
    };
  });
  await batch(
    db,
    actor,
    async (ledger) => {
      await upsertStates(ledger.db, laCode, runId, rows);
      // Sending a child's record out of the council is a disclosure: audited per child.
      for (const it of items)
        ledger.audit({ action: 'export', recordType: 'dfe-csc-api', childId: it.childId, detail: { runId, kind: it.kind, status: answer.status } });
    },
    { laCode },
  );
}

/**
 * The per-child submission state is delivery state, not a record: what was last sent to the DfE
 * and what it answered, so the next run can send only what changed. It is no part of the child's
 * case (no version, no chronology, nothing a worker sees as the record), so it is written by one
 * set-based upsert per batch inside the ledger's batch transaction (`ledger.db`) rather than as a
 * record's insert or update; what the trail needs of a send — the export audited per child, and
 * the run row — goes through the ledger in that same transaction.
 */
async function upsertStates(db: Kysely<Database>, laCode: string, runId: string, rows: StateRow[]) {
  if (!rows.length) return;
  await sql`
    insert into dfe_feed_child as f (la_code, child_id, la_child_id, mis_child_id, last_payload, last_hash, last_sent, sent_kind, state, answer, in_cohort, run_id, updated_at)
    select ${laCode}, r.child_id, r.la_child_id, r.mis_child_id, case when r.keep_last then null else r.last_payload end,
           case when r.keep_last then null else r.last_hash end, r.last_sent, r.sent_kind, r.state, r.answer, r.in_cohort, ${runId}::uuid, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(child_id uuid, la_child_id text, mis_child_id text, last_payload jsonb,
         last_hash text, last_sent jsonb, sent_kind text, state text, answer jsonb, in_cohort boolean, keep_last boolean)
    on conflict (la_code, child_id) do update set
      la_child_id = excluded.la_child_id,
      last_payload = case when excluded.state = 'sent' then excluded.last_payload else f.last_payload end,
      last_hash = case when excluded.state = 'sent' then excluded.last_hash else f.last_hash end,
      last_sent = coalesce(excluded.last_sent, f.last_sent),
      sent_kind = coalesce(excluded.sent_kind, f.sent_kind),
      state = excluded.state, answer = excluded.answer,
      in_cohort = case when excluded.state = 'sent' then excluded.in_cohort else f.in_cohort end,
      run_id = excluded.run_id, updated_at = now()`.execute(db);
}
