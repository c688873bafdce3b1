import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/kernel/db/store.ts';
import { seedCouncil } from '../src/seed/generate.ts';
import { openTestStore } from './helpers/db.ts';
import { expectBetween } from './helpers/rates.ts';
import { AS_OF, LA, YEAR_BEFORE } from './helpers/seeded.ts';

// A council large enough for its rates to be near England's without being left to chance.
const CHILDREN = 2000;

let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedCouncil(store.db, { children: CHILDREN, seed: 3, asOf: AS_OF });
});

afterAll(async () => {
  await store?.close();
});

async function one<T>(query: ReturnType<typeof sql<T>>): Promise<T> {
  return (await query.execute(store.db)).rows[0] as T;
}

/** Working days after `a` up to and including `b`, from the calendar table. */
const wd = (a: string, b: string) => sql.raw(`(select count(*) from calendar_day c where c.is_working_day and c.day > ${a} and c.day <= ${b})`);

describe('the synthetic council’s children-in-need and child-protection rates', () => {
  it('has re-referrals, referrals ending in no further action and contacts near England’s rates', async () => {
    const r = await one(sql<{ referrals: number; rereferrals: number; nfa: number; contacts: number }>`
      select count(*)::int as referrals,
        count(*) filter (where exists (select 1 from cin_episode p where p.child_id = e.child_id and p.referral_date < e.referral_date
          and p.referral_date >= (e.referral_date - interval '12 months')::date))::int as rereferrals,
        count(*) filter (where e.referral_nfa)::int as nfa,
        (select count(*) from contact c where c.la_code = ${LA} and c.received_on > ${YEAR_BEFORE})::int as contacts
      from cin_episode e where e.la_code = ${LA} and e.referral_date > ${YEAR_BEFORE}`);
    expect(r.referrals).toBeGreaterThan(CHILDREN * 0.25);
    expectBetween(r.rereferrals / r.referrals, 0.15, 0.3);
    expectBetween(r.nfa / r.referrals, 0.04, 0.13);
    expectBetween(r.contacts / r.referrals, 1.8, 3.2);
  });

  it('has repeat plans near England’s 23%, and initial conferences mostly within 15 working days', async () => {
    const plans = await one(sql<{ n: number; repeat: number }>`
      select count(*)::int as n, count(*) filter (where previous_plans > 0)::int as repeat
      from cp_plan where la_code = ${LA} and (start_date > ${YEAR_BEFORE} or end_date is null)`);
    expect(plans.n).toBeGreaterThan(CHILDREN * 0.05);
    expectBetween(plans.repeat / plans.n, 0.15, 0.3);
    // A repeat plan's earlier plan is on record, ended in an earlier, closed episode.
    const missing = await one(sql<{ n: number }>`
      select count(*)::int as n from cp_plan p where p.la_code = ${LA} and p.previous_plans > 0
        and not exists (select 1 from cp_plan q join cin_episode e on e.episode_id = q.episode_id
          where q.child_id = p.child_id and q.end_date < p.start_date and e.closure_date is not null and e.episode_id <> p.episode_id)`);
    expect(missing.n).toBe(0);

    const icpc = await one(sql<{ median: number; late: number; n: number }>`
      select percentile_disc(0.5) within group (order by g)::int as median, count(*) filter (where g > 15)::int as late, count(*)::int as n from (
        select ${wd('s.held_on', 'k.held_on')} as g from cp_conference k join section47 x on x.s47_id = k.s47_id
        join strategy_discussion s on s.strategy_id = x.strategy_id where k.la_code = ${LA} and k.kind = 'initial') t`);
    expect(icpc.median).toBeGreaterThanOrEqual(10);
    expect(icpc.median).toBeLessThanOrEqual(15);
    expectBetween(icpc.late / icpc.n, 0.05, 0.2);
  });

  it('authorises most assessments within 45 working days of the referral, some later, and has some under way', async () => {
    const r = await one(sql<{ n: number; onTime: number; fromStart: number; late: number; open: number; inProgress: number }>`
      select count(*)::int as n,
        count(*) filter (where ${wd('e.referral_date', 'a.authorised_on')} <= 45)::int as "onTime",
        count(*) filter (where ${wd('a.start_date', 'a.authorised_on')} <= 45)::int as "fromStart",
        count(*) filter (where ${wd('e.referral_date', 'a.authorised_on')} > 45)::int as late,
        (select count(*) from cin_episode where la_code = ${LA} and closure_date is null)::int as open,
        (select count(distinct episode_id) from assessment x where x.la_code = ${LA} and x.authorised_on is null)::int as "inProgress"
      from cin_episode e join lateral (
        select * from assessment x where x.episode_id = e.episode_id order by x.start_date limit 1) a on true
      where e.la_code = ${LA} and a.authorised_on > ${YEAR_BEFORE}`);
    expectBetween(r.onTime / r.n, 0.75, 0.95);
    expect(r.fromStart / r.n).toBeGreaterThan(0.8);
    expect(r.late).toBeGreaterThan(0);
    expectBetween(r.inProgress / r.open, 0.04, 0.2);
  });

  it('derives deadlines from the records: most met on time, some overdue today', async () => {
    const rows = (
      await sql<{ rule_id: string; met: number; onTime: number; overdue: number }>`
        select rule_id, count(*) filter (where met_on is not null)::int as met,
          count(*) filter (where met_on <= due_date)::int as "onTime",
          count(*) filter (where met_on is null and ended_on is null and due_date < ${AS_OF})::int as overdue
        from obligation where la_code = ${LA} group by rule_id`.execute(store.db)
    ).rows;
    const by = Object.fromEntries(rows.map((r) => [r.rule_id, r]));
    for (const rule of ['contact-decision', 'assessment', 'icpc', 'core-group-first', 'cp-review-first', 'cp-visit', 'cin-plan-review', 'cin-visit']) {
      const r = by[rule];
      expect(r?.met, rule).toBeGreaterThan(0);
      expect((r?.onTime ?? 0) / (r?.met ?? 1), rule).toBeGreaterThan(0.75);
    }
    for (const rule of ['contact-decision', 'assessment', 'cp-visit', 'cin-visit']) expect(by[rule]?.overdue, rule).toBeGreaterThan(0);

    const cp = await one(sql<{ onPlans: number; overdue: number }>`
      select (select count(*) from cp_plan where la_code = ${LA} and end_date is null)::int as "onPlans",
        (select count(distinct child_id) from obligation where la_code = ${LA} and rule_id = 'cp-visit'
          and met_on is null and ended_on is null and due_date < ${AS_OF})::int as overdue`);
    expectBetween(cp.overdue / cp.onPlans, 0.05, 0.2);
    const contacts = await one(sql<{ n: number; overdue: number }>`
      select count(*)::int as n, count(*) filter (where o.met_on is null and o.due_date < ${AS_OF})::int as overdue
      from obligation o where o.la_code = ${LA} and o.rule_id = 'contact-decision' and o.start_date > ${YEAR_BEFORE}`);
    expectBetween(contacts.overdue / contacts.n, 0.003, 0.03);
  });
});

describe('the synthetic council’s permanence, health and care leaver rates', () => {
  it('places children for adoption about 450–500 days after they entered care, on average', async () => {
    const r = await one(sql<{ placed: number; days: number }>`
      select count(*)::int as placed, avg(a.placed_on - cp.start_date)::float as days from adoption a
      join care_period cp on cp.la_code = a.la_code and cp.child_id = a.child_id and cp.start_date <= a.placed_on
      where a.la_code = ${LA} and a.placed_on is not null and not coalesce(a.foster_carer_adoption, false)`);
    expect(r.placed).toBeGreaterThan(10);
    expectBetween(r.days, 400, 560);
  });

  it('accommodates most unaccompanied children the day they are referred, some days later', async () => {
    const r = await one(sql<{ n: number; delayed: number }>`
      select count(*)::int as n, count(*) filter (where met_on > due_date)::int as delayed from obligation where la_code = ${LA} and rule_id = 'uasc-looked-after'`);
    expect(r.n).toBeGreaterThan(10);
    expect(r.delayed).toBeGreaterThan(0);
    expect(r.delayed / r.n).toBeLessThan(0.5);
  });

  it('holds most initial health assessments within 20 working days', async () => {
    const r = await one(sql<{ met: number; on_time: number }>`
      select count(met_on)::int as met, count(*) filter (where met_on <= due_date)::int as on_time from obligation where la_code = ${LA} and rule_id = 'health-assessment-initial'`);
    expect(r.met).toBeGreaterThan(100);
    expectBetween(r.on_time / r.met, 0.75, 0.97);
  });

  it('is in touch with about 90% of care leavers 17–21, about 88% in suitable accommodation, about 56% of 19–21s in EET', async () => {
    const r = await one(sql<{ n: number; in_touch: number; suitable: number; older: number; eet: number }>`
      select count(*)::int as n, count(*) filter (where in_touch = 'YES')::int as in_touch,
        count(*) filter (where accommodation ~ '^[A-Z]1$')::int as suitable,
        count(*) filter (where birthday_age >= 19)::int as older,
        count(*) filter (where birthday_age >= 19 and activity ~ '^[FP][1245]$')::int as eet
      from leaver_birthday_contact where la_code = ${LA}`);
    // Contacts are at the birthdays after care ended (19–21 for those who left at 18), none while still looked after.
    expect(r.n).toBeGreaterThan(50);
    expectBetween(r.in_touch / r.n, 0.82, 0.96);
    expectBetween(r.suitable / r.n, 0.8, 0.95);
    expectBetween(r.eet / r.older, 0.42, 0.7);
  });
});

describe('the synthetic council’s workforce history', () => {
  it('has newly qualified workers in their ASYE, overdue supervision for a minority, and some inductions late', async () => {
    const r = await one(sql<{ asye: number; practitioners: number; overdue: number; oversightOpen: number; oversightOverdue: number }>`
      select (select count(*)::int from worker where la_code = ${LA} and asye_start is not null and asye_start > (${AS_OF}::date - 365)) as asye,
        (select count(distinct worker_id)::int from worker_obligation where la_code = ${LA} and rule_id like 'supervision%' and met_on is null and ended_on is null) as practitioners,
        (select count(distinct worker_id)::int from worker_obligation where la_code = ${LA} and rule_id like 'supervision%' and met_on is null and ended_on is null
          and due_date < ${AS_OF}) as overdue,
        (select count(*)::int from obligation where la_code = ${LA} and rule_id = 'management-oversight' and met_on is null and ended_on is null) as "oversightOpen",
        (select count(*)::int from obligation where la_code = ${LA} and rule_id = 'management-oversight' and met_on is null and ended_on is null
          and due_date < ${AS_OF}) as "oversightOverdue"`);
    expect(r.asye).toBeGreaterThan(0);
    expectBetween(r.overdue / r.practitioners, 0.05, 0.4);
    expectBetween(r.oversightOverdue / r.oversightOpen, 0.05, 0.4);
  });
});
