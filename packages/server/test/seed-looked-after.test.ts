import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceFile } from '@lantern/core/reference';
import { Ssda903Return, validateSsda903 } from '@lantern/core/returns/ssda903/index';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/kernel/db/store.ts';
import { exportCinCensus } from '../src/areas/returns/cin-census/export.ts';
import { validateCinCensusFile } from '../src/areas/returns/cin-census/validate.ts';
import { exportSsda903 } from '../src/areas/returns/ssda903/export.ts';
import { loadReturnDir } from '../src/areas/returns/ssda903/files.ts';
import { loadPostcodeDirectory, postcodesOf } from '../src/areas/returns/ssda903/postcode-file.ts';
import { seedCouncil } from '../src/seed/generate.ts';
import { openTestStore } from './helpers/db.ts';
import { AS_OF, LA, YEAR_BEFORE } from './helpers/seeded.ts';

// The demo council's looked-after histories: shaped like the SSDA903, with rates near England's.
const CHILDREN = 900;

let store: Store;
let again: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedCouncil(store.db, { children: CHILDREN, seed: 3, asOf: AS_OF });
  again = await openTestStore();
  await seedCouncil(again.db, { children: 120, seed: 5, asOf: AS_OF });
}, 400_000);

afterAll(async () => {
  await store?.close();
  await again?.close();
});

async function one<T>(db: Store, query: ReturnType<typeof sql<T>>): Promise<T> {
  return (await query.execute(db.db)).rows[0] as T;
}

describe('the synthetic council’s looked-after histories', () => {
  it('gives every looked-after child one open period of care, episodes that chain exactly, and a first episode with RNE S', async () => {
    const r = await one(
      store,
      sql<{ open: number; periods: number; chainBroken: number; badFirst: number; sAfterFirst: number }>`
      select (select count(*) from cla_episode where la_code = ${LA} and end_date is null)::int as open,
        (select count(*) from care_period where la_code = ${LA})::int as periods,
        (select count(*) from cla_episode e where e.la_code = ${LA} and e.reason_ended = 'X1'
          and not exists (select 1 from cla_episode n where n.la_code = e.la_code and n.child_id = e.child_id and n.start_date = e.end_date and n.period_id = e.period_id and n.reason_new_episode <> 'S'))::int as "chainBroken",
        (select count(*) from cla_episode e where e.la_code = ${LA} and e.cla_episode_id = e.period_id and e.reason_new_episode <> 'S')::int as "badFirst",
        (select count(*) from cla_episode e where e.la_code = ${LA} and e.cla_episode_id <> e.period_id and e.reason_new_episode = 'S')::int as "sAfterFirst"`,
    );
    expect(r.open).toBeGreaterThan(CHILDREN * 0.14);
    expect(r.open).toBeLessThan(CHILDREN * 0.21);
    expect(r.periods).toBe(r.open);
    expect(r).toMatchObject({ chainBroken: 0, badFirst: 0, sAfterFirst: 0 });
  });

  it('moves about one child in ten 3 or more times in a year, and changes legal statuses', async () => {
    const r = await one(
      store,
      sql<{ children: number; unstable: number; legal: number }>`
      select count(*)::int as children,
        count(*) filter (where (select count(distinct x.placement_id) from cla_episode x where x.la_code = e.la_code and x.child_id = e.child_id
          and (x.end_date is null or x.end_date > ${YEAR_BEFORE})) >= 3)::int as unstable,
        (select count(*) from cla_episode l where l.la_code = ${LA} and l.reason_new_episode in ('L', 'B', 'U'))::int as legal
      from cla_episode e where e.la_code = ${LA} and e.end_date is null`,
    );
    expect(r.unstable / r.children).toBeGreaterThan(0.05);
    expect(r.unstable / r.children).toBeLessThan(0.16);
    expect(r.legal).toBeGreaterThan(r.children * 0.2);
  });

  it('places a few children with unregistered providers, each with the director’s approval', async () => {
    const r = await one(
      store,
      sql<{ approvals: number; live: number; unapproved: number }>`
      select (select count(*) from unregistered_approval where la_code = ${LA})::int as approvals,
        (select count(*) from unregistered_approval a join cla_episode e on e.la_code = a.la_code and e.placement_id = a.placement_id and e.end_date is null where a.la_code = ${LA})::int as live,
        (select count(*) from cla_episode e join provider p on p.la_code = e.la_code and p.provider_id = e.provider_id
          where e.la_code = ${LA} and p.registration_status = 'unregistered'
          and not exists (select 1 from unregistered_approval a where a.la_code = e.la_code and a.placement_id = e.placement_id))::int as unapproved`,
    );
    expect(r.approvals).toBeGreaterThan(0);
    expect(r.live).toBeGreaterThan(0);
    expect(r.unapproved).toBe(0);
  });

  it('has about one looked-after child in nine missing in a year, most interviews offered within 72 hours, some late or not offered', async () => {
    const r = await one(
      store,
      sql<{ cla: number; missing: number; returned: number; inTime: number; late: number; none: number }>`
      select (select count(distinct child_id) from cla_episode where la_code = ${LA} and (end_date is null or end_date > ${YEAR_BEFORE}))::int as cla,
        (select count(distinct child_id) from missing_episode where la_code = ${LA} and started_at > ${YEAR_BEFORE}::date)::int as missing,
        count(*)::int as returned,
        count(*) filter (where m.rhi_offered_at <= m.ended_at + interval '72 hours')::int as "inTime",
        count(*) filter (where m.rhi_offered_at > m.ended_at + interval '72 hours')::int as late,
        count(*) filter (where m.rhi_offered_at is null)::int as none
      from missing_episode m where m.la_code = ${LA} and m.ended_at is not null`,
    );
    // About 11% of some 170 children in care: a standard error of over 2 points, so seeds range 10–17%.
    expect(r.missing / r.cla).toBeGreaterThan(0.06);
    expect(r.missing / r.cla).toBeLessThan(0.18);
    expect(r.inTime / r.returned).toBeGreaterThan(0.6);
    expect(r.inTime / r.returned).toBeLessThan(0.85);
    expect(r.late).toBeGreaterThan(0);
    expect(r.none).toBeGreaterThan(0);
  });

  it('holds reviews and visits mostly on time, with a late tail, by the timescales engine’s own count', async () => {
    const rows = (
      await sql<{ rule_id: string; met: number; on_time: number }>`
      select rule_id, count(*) filter (where met_on is not null)::int as met, count(*) filter (where met_on <= due_date)::int as on_time
      from obligation where la_code = ${LA} and rule_id in ('cla-review-first', 'cla-review-second', 'cla-review', 'cla-visit-first', 'cla-visit') group by rule_id`.execute(
        store.db,
      )
    ).rows;
    expect(rows.map((r) => r.rule_id).sort()).toEqual(['cla-review', 'cla-review-first', 'cla-review-second', 'cla-visit', 'cla-visit-first']);
    for (const r of rows) {
      expect(r.on_time / r.met, r.rule_id).toBeGreaterThan(0.7);
      expect(r.on_time / r.met, r.rule_id).toBeLessThan(0.99);
    }
    const chaired = await one(
      store,
      sql<{ n: number; chaired: number }>`select count(*)::int as n, count(chair_worker_id)::int as chaired from cla_review where la_code = ${LA}`,
    );
    expect(chaired.chaired / chaired.n).toBeGreaterThan(0.9);
  });

  it('gives the same histories for the same seed', async () => {
    const fresh = await openTestStore();
    await seedCouncil(fresh.db, { children: 120, seed: 5, asOf: AS_OF });
    const histories = async (s: Store) =>
      (
        await sql`select e.cla_episode_id, e.start_date, e.end_date, e.reason_new_episode, e.legal_status, e.placement_type,
          (select count(*)::int from missing_episode m where m.child_id = e.child_id) as missing,
          (select count(*)::int from cla_review r where r.period_id = e.period_id) as reviews
          from cla_episode e order by e.cla_episode_id`.execute(s.db)
      ).rows;
    const first = await histories(again);
    expect(first.length).toBeGreaterThan(10);
    expect(await histories(fresh)).toEqual(first);
    await fresh.close();
  }, 120_000);

  it('makes a 2025/26 SSDA903 return with no DfE validation errors, and a CIN census with none either', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-seed-903-'));
    try {
      const exported = await exportSsda903(store.db, LA, 2026, dir);
      // Enough of every kind of child for the rules to bite: in care all year, leavers, moves, social workers.
      expect(exported.rows.Header).toBeGreaterThan(80);
      expect(exported.rows.OC2).toBeGreaterThan(40);
      expect(exported.rows.SWEpisodes).toBeGreaterThan(exported.rows.Header);
      expect(exported.rows.UASC).toBeGreaterThan(0);
      const loaded = await loadReturnDir(dir);
      // Its postcodes are real: the directory's Herefordshire extract derives every placement's PL_LA and distance.
      const postcodes = await loadPostcodeDirectory(fileURLToPath(referenceFile('postcodes/herefordshire.tsv')), postcodesOf(loaded.tables.Episodes));
      const result = validateSsda903(new Ssda903Return({ year: 2026, tables: loaded.tables, laCode: LA, postcodes }));
      expect(result.notRun.map((n) => n.code)).not.toContain('392c');
      expect(result.ran.length).toBeGreaterThan(200);
      const byRule = (failures: { code: string; child: string; table: string; row: number }[]) =>
        failures.map((f) => `${f.code} ${f.child} ${f.table} row ${f.row}`);
      expect(byRule(result.failures)).toEqual([]);

      const file = path.join(dir, 'cin-census.xml');
      const { createWriteStream } = await import('node:fs');
      const { finished } = await import('node:stream/promises');
      const out = createWriteStream(file);
      await exportCinCensus(store.db, LA, 2026, out);
      out.end();
      await finished(out);
      const census = await validateCinCensusFile({ path: file }, { year: 2026 });
      expect(census.schemaValid).toBe(true);
      expect(census.failures.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.childId}`)).toEqual([]);
      // A lone "no factors" assessment leads to no further action (query 8873Q).
      expect(census.failures.filter((f) => f.code === '8873Q').map((f) => f.childId)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('gives a few older children in children’s homes deprivation of liberty orders, clean of the 2026/27 DoLo rules', async () => {
    // Every order lies inside the child's current children's home placement (K2), from 12 years old.
    const figures = await one<{ orders: number; children: number; outside: number; young: number; open: number }>(
      store,
      sql`select count(*)::int as orders, count(distinct o.child_id)::int as children,
        count(*) filter (where not exists (select 1 from cla_episode e where e.la_code = o.la_code and e.child_id = o.child_id
          and e.placement_type = 'K2' and e.start_date <= o.made_on and e.end_date is null))::int as outside,
        count(*) filter (where o.made_on < p.date_of_birth + interval '12 years')::int as young,
        count(*) filter (where o.ended_on is null and coalesce(o.expires_on, 'infinity') >= ${AS_OF}::date)::int as open
        from deprivation_of_liberty_order o join person p on p.la_code = o.la_code and p.person_id = o.child_id where o.la_code = ${LA}`,
    );
    expect(figures.children).toBeGreaterThan(0);
    expect(figures.children).toBeLessThan(CHILDREN * 0.02);
    expect(figures).toMatchObject({ outside: 0, young: 0 });
    expect(figures.open).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-seed-903-dolo-'));
    try {
      const exported = await exportSsda903(store.db, LA, 2027, dir);
      expect(exported.rows.DoLo).toBeGreaterThanOrEqual(figures.open);
      const loaded = await loadReturnDir(dir);
      const result = validateSsda903(new Ssda903Return({ year: 2027, tables: loaded.tables, laCode: LA }));
      expect(result.ran).toEqual(expect.arrayContaining(['700', '701', '702', '703', '704', '705', '707', '708', '710']));
      expect(result.failures.filter((f) => f.table === 'DoLo').map((f) => `${f.code} ${f.child} row ${f.row}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts families through legal planning, pre-proceedings and proceedings whose orders are the looked-after history', async () => {
    // Every order that set a legal status names an episode with that status, starting the day it was made.
    const mismatched = await one<{ n: number }>(
      store,
      sql`select count(*)::int as n from court_order o join cla_episode e on e.la_code = o.la_code and e.cla_episode_id = o.cla_episode_id
          where o.la_code = ${LA} and (e.legal_status is distinct from o.legal_status or e.start_date <> o.made_on)`,
    );
    expect(mismatched.n).toBe(0);
    const figures = await one<{
      orders: number;
      finals: number;
      open: number;
      past26: number;
      extended: number;
      preOver16: number;
      preOpen: number;
      planning: number;
    }>(
      store,
      sql`select
        (select count(*)::int from court_order where la_code = ${LA} and cla_episode_id is not null) as orders,
        (select count(*)::int from care_proceedings where la_code = ${LA} and outcome = 'final-order') as finals,
        (select count(*)::int from care_proceedings where la_code = ${LA} and concluded_on is null) as open,
        (select count(*)::int from care_proceedings where la_code = ${LA} and concluded_on is null and issued_on + 182 < ${AS_OF}::date) as past26,
        (select count(distinct proceedings_id)::int from proceedings_extension where la_code = ${LA}) as extended,
        (select count(*)::int from pre_proceedings where la_code = ${LA} and ended_on is null and letter_sent_on + 112 < ${AS_OF}::date) as "preOver16",
        (select count(*)::int from pre_proceedings where la_code = ${LA} and ended_on is null) as "preOpen",
        (select count(*)::int from legal_planning_meeting where la_code = ${LA}) as planning`,
    );
    expect(figures.orders).toBeGreaterThan(10);
    expect(figures.finals).toBeGreaterThan(5);
    expect(figures.open).toBeGreaterThan(0);
    expect(figures.past26).toBeGreaterThan(0);
    expect(figures.extended).toBeGreaterThan(0);
    expect(figures.preOpen).toBeGreaterThan(0);
    expect(figures.preOver16).toBeGreaterThan(0);
    expect(figures.planning).toBeGreaterThanOrEqual(figures.finals);
    // The deadlines engine derives all five legal rules for the council.
    const rules = await sql<{ rule_id: string }>`select distinct rule_id from obligation where la_code = ${LA} and rule_id in
      ('legal-planning-decision', 'pre-proceedings-meeting', 'pre-proceedings-review', 'pre-proceedings-end', 'care-proceedings') order by rule_id`.execute(
      store.db,
    );
    expect(rules.rows.map((r) => r.rule_id)).toEqual([
      'care-proceedings',
      'legal-planning-decision',
      'pre-proceedings-end',
      'pre-proceedings-meeting',
      'pre-proceedings-review',
    ]);
  });
});
