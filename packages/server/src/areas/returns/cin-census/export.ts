/**
 * Builds a council's CIN census for a collection year from the case record, in batches of
 * children straight from SQL, writing XML as it goes: memory holds one batch, not the return.
 *
 * What goes in (the DfE's guide, and the rules that judge the file): every child with a
 * child-in-need episode open at any time in the year (referred on or before 31 March, not closed
 * before 1 April); within it, the modules that were live in the year. Anything dated after the
 * reference date is left out (an end or closure after it is written as still open).
 */
import type { Writable } from 'node:stream';
import type { CensusChild, CensusEpisode, CensusHeader } from '@lantern/core/returns/cin-census/model';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import { auditReturnReads, type ReturnActor } from '../audit.ts';
import { censusChildXml, censusFooterXml, censusHeaderXml } from './xml.ts';

export type CinCensusExport = { laCode: string; laNumber: string; year: number; children: number; episodes: number; seconds: number };

const BATCH = 1000;

type Row = Record<string, unknown>;
const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** A date after the reference date is not yet known on it. */
const upTo = (v: unknown, ref: string): string | null => {
  const d = s(v);
  return d && d <= ref ? d : null;
};

export async function exportCinCensus(
  db: Kysely<Database>,
  laCode: string,
  year: number,
  out: Writable,
  options: { actor?: ReturnActor; onProgress?: (done: number, total: number) => void; onChild?: (child: CensusChild) => void; now?: Date } = {},
): Promise<CinCensusExport> {
  const began = performance.now();
  const ref = `${year}-03-31`;
  const start = `${year - 1}-04-01`;
  const council = await db.selectFrom('local_authority').select(['la_code', 'dfe_la_number']).where('la_code', '=', laCode).executeTakeFirst();
  if (!council) throw new Error(`There is no council ${laCode} in this database`);
  const header: CensusHeader = { collection: 'CIN', year: String(year), referenceDate: ref, laNumber: council.dfe_la_number };
  const inScope = sql`e.la_code = ${laCode} and e.referral_date <= ${ref} and (e.closure_date is null or e.closure_date >= ${start})`;
  const total = Number(
    (
      await sql<{
        n: number;
      }>`select count(distinct e.child_id)::int as n from cin_episode e join person p on p.la_code = e.la_code and p.person_id = e.child_id where ${inScope} and p.is_child`.execute(
        db,
      )
    ).rows[0]?.n ?? 0,
  );
  await write(out, censusHeaderXml(header, options.now ?? new Date()));
  let last = '';
  let children = 0;
  let episodes = 0;
  for (;;) {
    const people = (
      await sql<Row>`
        select p.person_id, p.la_child_id, p.upn, p.former_upn, p.upn_unknown, p.date_of_birth, p.expected_date_of_birth, p.sex,
               p.date_of_death, p.ethnicity, p.disabilities
        from person p
        where p.la_code = ${laCode} and p.is_child and p.la_child_id > ${last}
          and exists (select 1 from cin_episode e where ${inScope} and e.child_id = p.person_id)
        order by p.la_child_id limit ${BATCH}`.execute(db)
    ).rows;
    if (people.length === 0) break;
    last = String(people.at(-1)?.la_child_id);
    const ids = people.map((p) => String(p.person_id));
    const eps = (
      await sql<Row>`
        select e.episode_id, e.child_id, e.referral_date, e.referral_source, e.primary_need, e.referral_nfa, e.closure_date, e.closure_reason, e.initial_cpc_date
        from cin_episode e where ${inScope} and e.child_id = any(${ids}::uuid[]) order by e.child_id, e.referral_date, e.created_at`.execute(db)
    ).rows;
    const epIds = eps.map((e) => String(e.episode_id));
    const [assessments, s47s, cpPlans, reviews, cinPlans] = await Promise.all([
      sql<Row>`
        select a.episode_id, a.start_date, a.internal_review_date, a.authorised_on, a.factors
        from assessment a where a.la_code = ${laCode} and a.episode_id = any(${epIds}::uuid[])
          and a.start_date <= ${ref} and (a.authorised_on is null or a.authorised_on >= ${start})
        order by a.episode_id, a.start_date, a.created_at`.execute(db),
      sql<Row>`
        select s.episode_id, s.start_date, s.icpc_not_required, s.completed_on, ic.held_on as icpc_date,
               coalesce(s.icpc_target_date, o.due_date) as icpc_target
        from section47 s
        left join lateral (select min(c.held_on) as held_on from cp_conference c
                           where c.la_code = s.la_code and c.s47_id = s.s47_id and c.kind = 'initial') ic on true
        left join obligation o on o.la_code = s.la_code and o.child_id = s.child_id and o.rule_id = 'icpc' and o.source_id = s.s47_id
        where s.la_code = ${laCode} and s.episode_id = any(${epIds}::uuid[]) and s.start_date <= ${ref}
          and (ic.held_on is null or ic.held_on >= ${start})
          and not (ic.held_on is null and s.icpc_not_required and coalesce(s.completed_on, s.start_date) < ${start})
        order by s.episode_id, s.start_date, s.created_at`.execute(db),
      sql<Row>`
        select p.plan_id, p.episode_id, p.start_date, p.end_date, p.initial_category, p.latest_category, p.previous_plans
        from cp_plan p where p.la_code = ${laCode} and p.episode_id = any(${epIds}::uuid[])
          and p.start_date <= ${ref} and (p.end_date is null or p.end_date >= ${start})
        order by p.episode_id, p.start_date`.execute(db),
      sql<Row>`
        select c.plan_id, c.held_on from cp_conference c
        where c.la_code = ${laCode} and c.episode_id = any(${epIds}::uuid[]) and c.kind = 'review'
          and c.held_on >= ${start} and c.held_on <= ${ref}
        order by c.plan_id, c.held_on`.execute(db),
      sql<Row>`
        select p.episode_id, p.start_date, p.end_date from cin_plan p
        where p.la_code = ${laCode} and p.episode_id = any(${epIds}::uuid[])
          and p.start_date <= ${ref} and (p.end_date is null or p.end_date >= ${start})
        order by p.episode_id, p.start_date`.execute(db),
    ]);
    const byEpisode = new Map<string, CensusEpisode>();
    const byChild = new Map<string, CensusEpisode[]>();
    for (const e of eps) {
      const nfa = e.referral_nfa === true;
      const closed = upTo(e.closure_date, ref);
      const need = s(e.primary_need);
      const episode: CensusEpisode = {
        referralDate: s(e.referral_date),
        referralSource: s(e.referral_source),
        // An NFA referral need not state a need; Lantern holds "not stated" as N0.
        primaryNeed: nfa && need === 'N0' ? null : need,
        closureDate: closed,
        closureReason: closed ? s(e.closure_reason) : null,
        icpcDate: (s(e.initial_cpc_date) ?? '') >= start ? upTo(e.initial_cpc_date, ref) : null,
        referralNfa: nfa ? '1' : '0',
        assessments: [],
        cinPlans: [],
        section47s: [],
        cpPlans: [],
      };
      byEpisode.set(String(e.episode_id), episode);
      const list = byChild.get(String(e.child_id)) ?? [];
      list.push(episode);
      byChild.set(String(e.child_id), list);
    }
    for (const a of assessments.rows) {
      const done = upTo(a.authorised_on, ref);
      const factors = (a.factors as string[] | null) ?? [];
      byEpisode.get(String(a.episode_id))?.assessments.push({
        startDate: s(a.start_date),
        internalReviewDate: upTo(a.internal_review_date, ref),
        authorisationDate: done,
        factors: done && factors.length > 0 ? factors : null,
      });
    }
    for (const x of s47s.rows) {
      byEpisode.get(String(x.episode_id))?.section47s.push({
        startDate: s(x.start_date),
        icpcTarget: s(x.icpc_target),
        icpcDate: upTo(x.icpc_date, ref),
        icpcNotRequired: x.icpc_not_required === true ? '1' : '0',
      });
    }
    const reviewsOf = new Map<string, string[]>();
    for (const r of reviews.rows) {
      const list = reviewsOf.get(String(r.plan_id)) ?? [];
      list.push(String(r.held_on));
      reviewsOf.set(String(r.plan_id), list);
    }
    for (const p of cpPlans.rows) {
      const reviewed = reviewsOf.get(String(p.plan_id));
      byEpisode.get(String(p.episode_id))?.cpPlans.push({
        startDate: s(p.start_date),
        endDate: upTo(p.end_date, ref),
        initialCategory: s(p.initial_category),
        latestCategory: s(p.latest_category),
        previousPlans: s(p.previous_plans),
        reviews: reviewed ?? null,
      });
    }
    for (const p of cinPlans.rows) byEpisode.get(String(p.episode_id))?.cinPlans.push({ startDate: s(p.start_date), endDate: upTo(p.end_date, ref) });

    let xml = '';
    for (const p of people) {
      const disabilities = (p.disabilities as string[] | null) ?? [];
      // A child born after the reference date was unborn on it: expected date, sex U (rule 8750).
      const born = upTo(p.date_of_birth, ref);
      const unborn = !born;
      const child: CensusChild = {
        laChildId: s(p.la_child_id),
        upn: s(p.upn),
        formerUpn: s(p.former_upn),
        upnUnknown: s(p.upn_unknown),
        birthDate: born,
        expectedBirthDate: unborn ? (s(p.expected_date_of_birth) ?? s(p.date_of_birth)) : null,
        sex: unborn ? 'U' : s(p.sex),
        deathDate: upTo(p.date_of_death, ref),
        ethnicity: s(p.ethnicity),
        disabilities: disabilities.length > 0 ? disabilities : null,
        episodes: byChild.get(String(p.person_id)) ?? [],
      };
      episodes += child.episodes.length;
      options.onChild?.(child);
      xml += censusChildXml(child);
    }
    await write(out, xml);
    if (options.actor) await auditReturnReads(db, options.actor, laCode, 'cin-census', year, ids);
    children += people.length;
    options.onProgress?.(children, total);
  }
  await write(out, censusFooterXml());
  return { laCode, laNumber: council.dfe_la_number, year, children, episodes, seconds: (performance.now() - began) / 1000 };
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}
