/**
 * The practice record's plans (part of practice.ts): a written plan for each child in need,
 * protection, care and pathway plan open on the day or ended within PLAN_WINDOW days, with its
 * outcomes and owned actions (some done, some late) and progress at each core group and child in
 * need review; then what the meetings changed, as later versions of the actions and plans.
 */
import { type Kysely, sql } from 'kysely';
import type { RowLoad } from '../kernel/db/insert-rows.ts';
import type { Database } from '../kernel/db/schema.ts';
import { joinedByHash } from './chunks.ts';
import * as T from './practice-texts.ts';
import { dayOf, isoOf, type Rng } from './rng.ts';
import type { Pronouns } from './texts.ts';

/** Plans open on the day, or ended within this many days of it, get a written plan. */
const PLAN_WINDOW = 400;

export type PracticeChild = { given: string; carer: string; p: Pronouns; age: number | null; workerId: string | null };

/** What practice.ts has read and made that the plans draw on, its random streams in their order. */
export type PracticeContext = {
  db: Kysely<Database>;
  laCode: string;
  today: number;
  rng: Rng;
  ids: Rng;
  at: (day: number, hour?: number) => string;
  children: Map<string, PracticeChild>;
  contacts: string[];
  say: (childId: string, pools: readonly (readonly string[])[] | readonly string[], extra?: Record<string, string>) => string;
  load: RowLoad;
  chronicle: (childId: string, day: number, category: string, summary: string, recordType: string, recordId: string, by: string | null) => void;
  workerUserId: string;
};

export async function seedPlans(x: PracticeContext): Promise<void> {
  const { db, laCode, today, rng, ids, at, children, contacts, say, load, chronicle, workerUserId } = x;
  const plans = await sql<{
    kind: string;
    plan_ref: string;
    child_id: string;
    start_date: string;
    end_date: string | null;
    category: string | null;
    meetings: string | null;
  }>`
    select 'protection' as kind, p.plan_id as plan_ref, p.child_id, p.start_date, p.end_date, p.latest_category as category,
      (select string_agg(g.core_group_id || '@' || g.held_on, ',' order by g.held_on) from core_group g where g.la_code = p.la_code and g.plan_id = p.plan_id) as meetings
    from cp_plan p where p.la_code = ${laCode} and (p.end_date is null or p.end_date >= ${isoOf(today - PLAN_WINDOW)}::date)
    union all
    select 'child-in-need', p.cin_plan_id, p.child_id, p.start_date, p.end_date, null,
      (select string_agg(r.review_id || '@' || r.held_on, ',' order by r.held_on) from cin_plan_review r where r.la_code = p.la_code and r.cin_plan_id = p.cin_plan_id)
    from cin_plan p where p.la_code = ${laCode} and (p.end_date is null or p.end_date >= ${isoOf(today - PLAN_WINDOW)}::date)
    union all
    select 'care', c.period_id, c.child_id, c.start_date, c.end_date, null, null from care_period c where c.la_code = ${laCode} and c.end_date is null
    union all
    select 'pathway', x.pathway_id, x.child_id, x.held_on, null, null, null from pathway_plan x where x.la_code = ${laCode} and x.kind = 'plan' and x.held_on >= ${isoOf(today - PLAN_WINDOW)}::date
    order by 4, 2`.execute(db);
  const docs = load.track<object>('plan_document');
  const actionRows = load.track<object>('plan_action');
  const progressRows = load.track<object>('plan_action_progress');
  const completions: { action_id: string; completed_on: string }[] = [];
  const detailed: { plan_document_id: string }[] = [];
  for (const p of plans.rows) {
    await load.writeIfFull();
    const c = children.get(p.child_id);
    if (!c) continue;
    // A long-standing care plan is the one agreed at the latest review, not the one from years ago.
    const start = p.kind === 'care' ? Math.max(dayOf(p.start_date), today - rng.between(20, 150)) : dayOf(p.start_date);
    const end = p.end_date ? dayOf(p.end_date) : null;
    const docId = ids.uuid();
    const adult = rng.pick(T.ADULTS);
    const pool =
      T.OUTCOMES[
        p.kind === 'protection' ? (p.category === 'MUL' ? 'NEG' : (p.category ?? 'NEG')) : p.kind === 'care' ? 'CARE' : p.kind === 'pathway' ? 'PATHWAY' : 'CIN'
      ] ?? (T.OUTCOMES.CIN as readonly [string, string][]);
    const first = rng.int(pool.length);
    const chosen = Array.from({ length: Math.min(pool.length, rng.between(2, 3)) }, (_, i) => pool[(first + i) % pool.length] as [string, string]);
    const outcomes = chosen.map(([text, measure]) => ({
      outcomeId: ids.uuid().slice(0, 8),
      text: say(p.child_id, [text], { adult }),
      measure: say(p.child_id, [measure], { adult }),
    }));
    const meetings = (p.meetings ?? '')
      .split(',')
      .filter(Boolean)
      .map((m) => {
        const [id, on] = m.split('@');
        return { id: id as string, on: dayOf(on as string) };
      })
      .filter((m) => m.on <= today);
    docs.push({
      la_code: laCode,
      plan_document_id: docId,
      child_id: p.child_id,
      kind: p.kind,
      plan_ref: p.plan_ref,
      stage: p.kind === 'protection' ? 'outline' : null,
      outcomes,
      contingency: say(p.child_id, T.CONTINGENCY, { adult }),
      placement_plan: p.kind === 'care' ? say(p.child_id, T.PLACEMENT_PLANS, { adult }) : null,
      agreed_on: isoOf(start),
      created_by: workerUserId,
      created_at: at(start, 11),
    });
    chronicle(p.child_id, start, 'plan', `Plan written. What must change: ${outcomes.map((o) => o.text).join('; ')}`, 'plan-document', docId, workerUserId);
    if (p.kind === 'protection' && meetings.length) detailed.push({ plan_document_id: docId });

    const owners = () => {
      const kinds = ['worker', 'partner', 'parent-carer', ...(c.age !== null && c.age >= 8 ? ['child'] : [])].filter((k) =>
        k === 'worker' ? c.workerId : k === 'partner' ? contacts.length : true,
      );
      return rng.pick(kinds);
    };
    const addAction = (setOn: number) => {
      const kind = owners();
      const pool = kind === 'worker' ? T.WORKER_ACTIONS : kind === 'partner' ? T.PARTNER_ACTIONS : kind === 'child' ? T.CHILD_ACTIONS : T.CARER_ACTIONS;
      const id = ids.uuid();
      const due = setOn + rng.between(10, 60);
      const what = say(p.child_id, [`${rng.pick(pool)}${rng.pick(T.ACTION_TAILS)}`], { adult });
      actionRows.push({
        la_code: laCode,
        action_id: id,
        plan_document_id: docId,
        child_id: p.child_id,
        outcome_id: rng.chance(0.85) ? rng.pick(outcomes).outcomeId : null,
        what,
        owner_kind: kind,
        owner_worker_id: kind === 'worker' ? c.workerId : null,
        owner_contact_id: kind === 'partner' ? rng.pick(contacts) : null,
        owner_name: kind === 'parent-carer' ? c.carer : kind === 'child' ? c.given : null,
        set_on: isoOf(setOn),
        due_on: isoOf(due),
        created_by: workerUserId,
        created_at: at(setOn, 11),
      });
      chronicle(p.child_id, setOn, 'plan', `Action on the plan, due ${isoOf(due)}: ${what}`, 'plan-action', id, workerUserId);
      return { id, due, setOn, done: null as number | null };
    };
    const open = Array.from({ length: rng.between(2, 4) }, () => addAction(start));
    for (const [i, m] of meetings.entries()) {
      if (end !== null && m.on >= end) break;
      for (const a of open) {
        if (a.done !== null || a.setOn > m.on) continue;
        const progress = a.due <= m.on ? (rng.chance(0.65) ? 'done' : rng.chance(0.6) ? 'partly' : 'not-done') : rng.chance(0.5) ? 'partly' : null;
        if (!progress) continue;
        const id = ids.uuid();
        progressRows.push({
          la_code: laCode,
          progress_id: id,
          action_id: a.id,
          child_id: p.child_id,
          meeting_kind: p.kind === 'protection' ? 'core-group' : 'cin-plan-review',
          meeting_id: m.id,
          held_on: isoOf(m.on),
          progress,
          note: say(p.child_id, T.PROGRESS_NOTES[progress]),
          created_by: workerUserId,
          created_at: at(m.on, 15),
        });
        chronicle(
          p.child_id,
          m.on,
          'plan',
          `Progress on an action: ${progress === 'done' ? 'done' : progress === 'partly' ? 'partly done' : 'not done'}. ${(progressRows.at(-1) as { note: string }).note}`,
          'plan-action-progress',
          id,
          workerUserId,
        );
        if (progress === 'done') {
          a.done = m.on;
          completions.push({ action_id: a.id, completed_on: isoOf(m.on) });
        }
      }
      // The first core group or review often adds an action.
      if (i === 0 && rng.chance(0.5)) open.push(addAction(m.on));
    }
  }
  await load.write();
  // What the meetings changed: later versions of the actions and of the protection plans.
  if (completions.length)
    await joinedByHash(
      db,
      sql`update plan_action a set completed_on = x.completed_on from jsonb_to_recordset(${JSON.stringify(completions)}::jsonb) as x(action_id uuid, completed_on date)
      where a.la_code = ${laCode} and a.action_id = x.action_id`,
    );
  if (detailed.length)
    await joinedByHash(
      db,
      sql`update plan_document d set stage = 'detailed' from jsonb_to_recordset(${JSON.stringify(detailed)}::jsonb) as x(plan_document_id uuid)
      where d.la_code = ${laCode} and d.plan_document_id = x.plan_document_id`,
    );
}
