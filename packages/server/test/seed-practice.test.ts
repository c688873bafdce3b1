import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/kernel/db/store.ts';
import { seedCouncil } from '../src/seed/generate.ts';
import { openTestStore } from './helpers/db.ts';
import { AS_OF, LA } from './helpers/seeded.ts';

// The demo council's practice record: written assessments with both scales, some returned once;
// section 47 findings; plans with outcomes, actions (some done, some late) and progress; varied words.
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedCouncil(store.db, { children: 400, seed: 11, asOf: AS_OF });
});
afterAll(() => store?.close());

const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(store.db)).rows[0] as T;

describe('the generated practice record', () => {
  it('writes assessments whose manager sometimes scales lower than the worker, some returned once before authorising', async () => {
    const r = await one(sql<{ authorised: number; differ: number; lower: number; returned: number; versions: number; submitted: number }>`
      select count(*) filter (where w.status = 'authorised')::int as authorised,
        count(*) filter (where ra.manager_scale <> ra.worker_scale)::int as differ,
        count(*) filter (where ra.manager_scale < ra.worker_scale)::int as lower,
        count(*) filter (where w.status = 'authorised' and w.times_returned = 1)::int as returned,
        (select count(*) from record_version v where v.la_code = ${LA} and v.record_type = 'assessment-record' and v.data ->> 'status' = 'returned')::int as versions,
        count(*) filter (where w.status = 'submitted')::int as submitted
      from assessment_record w left join risk_assessment ra on ra.la_code = w.la_code and ra.risk_assessment_id = w.risk_assessment_id
      where w.la_code = ${LA}`);
    expect(r.authorised).toBeGreaterThan(20);
    expect(r.differ).toBeGreaterThan(r.authorised * 0.2);
    expect(r.lower).toBeGreaterThan(0);
    expect(r.returned).toBeGreaterThan(0);
    expect(r.versions).toBeGreaterThanOrEqual(r.returned);
  });

  it('records section 47 findings that agree with the enquiry’s outcome', async () => {
    const r = await one(sql<{ n: number; disagree: number }>`
      select count(*)::int as n, count(*) filter (where f.convene <> (s.outcome = 'conference'))::int as disagree
      from section47_findings f join section47 s on s.la_code = f.la_code and s.s47_id = f.s47_id where f.la_code = ${LA}`);
    expect(r.n).toBeGreaterThan(0);
    expect(r.disagree).toBe(0);
  });

  it('writes plans of every kind with actions, some done at meetings and some late, each a plan-action deadline', async () => {
    const kinds = (await sql<{ kind: string }>`select distinct kind from plan_document where la_code = ${LA} order by kind`.execute(store.db)).rows.map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['care', 'child-in-need', 'protection']));
    const r = await one(sql<{ actions: number; done: number; late: number; progress: number; deadlines: number; detailed: number }>`
      select count(*)::int as actions,
        count(*) filter (where a.completed_on is not null)::int as done,
        count(*) filter (where a.completed_on is null and a.due_on < ${AS_OF}::date)::int as late,
        (select count(*) from plan_action_progress p where p.la_code = ${LA})::int as progress,
        (select count(*) from obligation o where o.la_code = ${LA} and o.rule_id = 'plan-action')::int as deadlines,
        (select count(*) from plan_document d where d.la_code = ${LA} and d.stage = 'detailed')::int as detailed
      from plan_action a where a.la_code = ${LA}`);
    expect(r.done).toBeGreaterThan(0);
    expect(r.late).toBeGreaterThan(0);
    expect(r.progress).toBeGreaterThan(r.done - 1);
    expect(r.deadlines).toBe(r.actions);
    expect(r.detailed).toBeGreaterThan(0);
  });

  it('does not repeat itself: analyses and plans read differently from child to child', async () => {
    for (const [table, column] of [
      ['assessment_record', 'analysis'],
      ['assessment_record', 'lived_experience'],
      ['plan_document', 'contingency'],
      ['plan_action', 'what'],
    ] as const) {
      const r = await one(sql<{ n: number; distinct: number }>`
        select count(*)::int as n, count(distinct ${sql.ref(column)})::int as distinct from ${sql.table(table)} where la_code = ${LA} and ${sql.ref(column)} <> ''`);
      expect(r.distinct, `${table}.${column}`).toBeGreaterThan(r.n * 0.8);
    }
  });
});

describe('the generated early help', () => {
  it('opens early help from contacts, RC9 closures and step-downs, and ends it every way', async () => {
    const routes = (
      await sql<{
        route: string;
        n: number;
      }>`select route, count(*)::int as n from early_help_episode where la_code = ${LA} group by route order by route`.execute(store.db)
    ).rows;
    expect(routes.map((r) => r.route)).toEqual(['assessment', 'contact', 'step-down']);
    const ends = (
      await sql<{
        end_outcome: string | null;
      }>`select distinct end_outcome from early_help_episode where la_code = ${LA} order by end_outcome nulls last`.execute(store.db)
    ).rows.map((r) => r.end_outcome);
    expect(ends).toEqual(['disengaged', 'needs-met', 'stepped-up', null]);
    // Every RC9 closure opened early help on its closure date (unless the child was already in it).
    const r = await one(sql<{ rc9: number; opened: number; wrongStepUps: number; lead: number; all: number; plans: number }>`
      select (select count(*) from cin_episode e where e.la_code = ${LA} and e.closure_reason = 'RC9'
                and not exists (select 1 from early_help_episode x where x.la_code = e.la_code and x.child_id = e.child_id and x.started_on < e.closure_date and (x.ended_on is null or x.ended_on >= e.closure_date)))::int as rc9,
        (select count(*) from early_help_episode x join cin_episode e on e.la_code = x.la_code and e.episode_id = x.cin_episode_id
           where x.la_code = ${LA} and x.route = 'assessment' and x.started_on = e.closure_date)::int as opened,
        -- A step-up ends early help on the day of the referral it names.
        (select count(*) from early_help_episode x join cin_episode e on e.la_code = x.la_code and e.episode_id = x.stepped_up_episode_id
           where x.la_code = ${LA} and x.ended_on <> e.referral_date)::int as "wrongStepUps",
        (select count(*) from early_help_episode where la_code = ${LA} and lead_kind is not null)::int as lead,
        (select count(*) from early_help_episode where la_code = ${LA})::int as all,
        (select count(*) from plan_document where la_code = ${LA} and kind = 'early-help')::int as plans`);
    expect(r.opened).toBe(r.rc9);
    expect(r.wrongStepUps).toBe(0);
    expect(r.lead).toBe(r.all);
    expect(r.plans).toBeGreaterThan(r.all * 0.3);
  });

  it('links later contacts and referrals as step-ups, and derives the early help deadlines', async () => {
    const links = (
      await sql<{ open_then: boolean }>`select distinct open_then from early_help_step_up where la_code = ${LA} order by open_then`.execute(store.db)
    ).rows;
    expect(links.map((l) => l.open_then)).toEqual([false, true]);
    const steppedUp = await one(sql<{ n: number }>`select count(*)::int as n from early_help_episode where la_code = ${LA} and end_outcome = 'stepped-up'`);
    expect(steppedUp.n).toBeGreaterThan(0);
    const deadlines = await one(
      sql<{ n: number }>`select count(*)::int as n from obligation where la_code = ${LA} and rule_id in ('early-help-assessment', 'early-help-review')`,
    );
    expect(deadlines.n).toBeGreaterThan(0);
  });
});
