/**
 * The DfE feed's cohort and each cohort child's full object, read from the case record as of a
 * date (reference/dfe-csc-api.md). One query per kind of record for the whole cohort, assembled
 * here; nothing recorded after the date is included, and an end after it is not yet an end.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type DfeChild, dfeCohortWindow, type SocialCareEpisode } from '@lantern/core/dfe-csc-api';
import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { forCouncil } from '../../kernel/db/council.ts';
import type { Database } from '../../kernel/db/schema.ts';

/** The tables a child's object is read from, each keyed by the child (child_id, or person_id for the child's own rows). */
type CohortTable =
  | 'person'
  | 'address'
  | 'cin_episode'
  | 'assessment'
  | 'cin_plan'
  | 'section47'
  | 'cp_conference'
  | 'cp_plan'
  | 'cla_episode'
  | 'adoption'
  | 'care_leaver'
  | 'leaver_birthday_contact'
  | 'uasc_record'
  | 'health_outcome'
  | 'allocation';
/** Kysely cannot follow a table name that is a type parameter; its rows are that table's. */
type CohortRows<T extends CohortTable> = SelectQueryBuilder<Database, T, Selectable<Database[T]>>;

export type FeedChild = { childId: string; object: DfeChild; hash: string };

/** SHA-256 of the object's JSON (keys sorted, so the same record always hashes the same), as the reference sender hashes it. */
export function hashOf(object: unknown): string {
  return createHash('sha256').update(canonicalJson(object)).digest('hex');
}

/** The children in the feed's cohort on `asOf`: young enough in the window, and known to social care in it. */
export async function cohortChildIds(db: Kysely<Database>, laCode: string, asOf: string): Promise<string[]> {
  const { from, to } = dfeCohortWindow(asOf);
  const rows = await sql<{ person_id: string }>`
    select p.person_id from person p
    where p.la_code = ${laCode} and p.is_child
      and (
        (p.date_of_birth is not null and p.date_of_birth <= ${asOf}::date and p.date_of_birth + interval '26 years' > ${from}::date)
        or (p.date_of_birth is null and p.expected_date_of_birth >= ${from}::date and p.expected_date_of_birth < ${to}::date)
      )
      and (
        exists (select 1 from cin_episode e where e.la_code = p.la_code and e.child_id = p.person_id
                and e.referral_date <= ${asOf}::date and (e.closure_date is null or e.closure_date >= ${from}::date))
        or exists (select 1 from cin_plan c where c.la_code = p.la_code and c.child_id = p.person_id
                and c.start_date <= ${asOf}::date and (c.end_date is null or c.end_date >= ${from}::date))
        or exists (select 1 from cp_plan c where c.la_code = p.la_code and c.child_id = p.person_id
                and c.start_date <= ${asOf}::date and (c.end_date is null or c.end_date >= ${from}::date))
        or exists (select 1 from cla_episode c where c.la_code = p.la_code and c.child_id = p.person_id
                and c.start_date <= ${asOf}::date and (c.end_date is null or c.end_date >= ${from}::date))
        or exists (select 1 from care_leaver l where l.la_code = p.la_code and l.child_id = p.person_id
                and l.eligible_from <= ${asOf}::date and p.date_of_birth + interval '16 years' <= ${asOf}::date)
      )
    order by p.la_child_id nulls last, p.person_id`.execute(db);
  return rows.rows.map((r) => r.person_id);
}

const before = (asOf: string, d: string | null | undefined) => (d && d <= asOf ? d : null);
const groupBy = <T>(rows: T[], key: (r: T) => string) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};

/** The full object of each child named, in the reference's field names and nesting. */
export async function buildDfeChildren(db: Kysely<Database>, laCode: string, asOf: string, childIds: string[]): Promise<FeedChild[]> {
  if (childIds.length === 0) return [];
  return forCouncil(db, laCode, async () => {
    const council = await db.selectFrom('local_authority').select('dfe_la_number').where('la_code', '=', laCode).executeTakeFirstOrThrow();
    const laNumber = Number(council.dfe_la_number);
    // Each kind of record for the whole cohort, as it stood on the date (recorded by then, where `on` says when).
    const ofCohort = <T extends CohortTable>(table: T, on?: string) => {
      const person = sql.ref(table === 'person' || table === 'address' ? 'person_id' : 'child_id');
      const recorded = on ? sql`and ${sql.ref(on)} <= ${asOf}` : sql``;
      return db
        .selectFrom(table as CohortTable)
        .selectAll()
        .where(sql<boolean>`la_code = ${laCode} and ${person} in (${sql.join(childIds)}) ${recorded}`) as unknown as CohortRows<T>;
    };
    const [
      people,
      addresses,
      episodes,
      assessments,
      plans,
      s47s,
      conferences,
      cpPlans,
      placements,
      adoptions,
      leavers,
      contacts,
      uasc,
      sdq,
      allocations,
      workers,
    ] = await Promise.all([
      ofCohort('person').execute(),
      ofCohort('address', 'start_date').execute(),
      ofCohort('cin_episode', 'referral_date').orderBy('referral_date').execute(),
      ofCohort('assessment', 'start_date').orderBy('start_date').execute(),
      ofCohort('cin_plan', 'start_date').orderBy('start_date').execute(),
      ofCohort('section47', 'start_date').orderBy('start_date').execute(),
      ofCohort('cp_conference', 'held_on').where('kind', '=', 'initial').execute(),
      ofCohort('cp_plan', 'start_date').orderBy('start_date').execute(),
      ofCohort('cla_episode', 'start_date').orderBy('start_date').execute(),
      ofCohort('adoption', 'decision_on').execute(),
      ofCohort('care_leaver', 'eligible_from').execute(),
      ofCohort('leaver_birthday_contact', 'contact_on').orderBy('contact_on', 'desc').execute(),
      ofCohort('uasc_record').execute(),
      ofCohort('health_outcome', 'recorded_on').where('sdq_score', 'is not', null).orderBy('recorded_on').execute(),
      ofCohort('allocation', 'start_date').where('allocation_role', '=', 'social-worker').orderBy('start_date').execute(),
      db.selectFrom('worker').select(['worker_id', 'swe_number']).where('la_code', '=', laCode).execute(),
    ]);
    const swe = new Map(workers.map((w) => [w.worker_id, w.swe_number ?? w.worker_id]));
    const by = <T extends { child_id: string }>(rows: T[]) => groupBy(rows, (r) => r.child_id);
    const byEpisode = <T extends { episode_id: string }>(rows: T[]) => groupBy(rows, (r) => r.episode_id);
    const addressesOf = groupBy(addresses, (a) => a.person_id);
    const episodesOf = by(episodes);
    const assessmentsOf = byEpisode(assessments);
    const plansOf = byEpisode(plans);
    const s47sOf = byEpisode(s47s);
    const cpPlansOf = byEpisode(cpPlans);
    const icpcOf = new Map(conferences.flatMap((c) => (c.s47_id ? [[c.s47_id, c.held_on] as const] : [])));
    const placementsOf = by(placements);
    const adoptionOf = by(adoptions);
    const leaverOf = by(leavers);
    const contactsOf = by(contacts);
    const uascOf = by(uasc);
    const sdqOf = by(sdq);
    const allocationsOf = by(allocations);

    // In the order asked for (the cohort's, by the council's child id).
    const order = new Map(childIds.map((id, n) => [id, n]));
    people.sort((a, b) => (order.get(a.person_id) ?? 0) - (order.get(b.person_id) ?? 0));
    return people.map((p) => {
      const home = (addressesOf.get(p.person_id) ?? [])
        .filter((a) => !a.end_date || a.end_date > asOf)
        .sort((a, b) => (a.start_date < b.start_date ? 1 : -1))[0];
      const uascRow = uascOf.get(p.person_id)?.[0];
      const childEpisodes = episodesOf.get(p.person_id) ?? [];
      // A placement, adoption or care leaving belongs to the episode open when it began (else the latest).
      const episodeAt = (date: string) =>
        (childEpisodes.find((e) => e.referral_date <= date && (!e.closure_date || e.closure_date >= date)) ?? childEpisodes.at(-1))?.episode_id;
      const sdqs = (sdqOf.get(p.person_id) ?? []).flatMap((h) => (h.sdq_score === null ? [] : [{ date: h.recorded_on, score: h.sdq_score }]));
      const object: DfeChild = {
        la_code: laNumber,
        la_child_id: p.la_child_id ?? p.person_id,
        mis_child_id: p.person_id,
        child_details: {
          unique_pupil_number: p.upn,
          former_unique_pupil_number: p.former_upn,
          unique_pupil_number_unknown_reason: p.upn ? null : p.upn_unknown,
          first_name: p.given_name,
          surname: p.family_name,
          date_of_birth: p.date_of_birth,
          expected_date_of_birth: p.date_of_birth ? null : p.expected_date_of_birth,
          sex: p.sex,
          ethnicity: p.ethnicity,
          disabilities: p.disabilities ?? [],
          postcode: home?.postcode ?? null,
          uasc_flag: p.uasc,
          uasc_end_date: before(asOf, uascRow?.ceased_on),
        },
        ...(sdqs.length ? { health_and_wellbeing: { sdq_assessments: sdqs } } : {}),
        social_care_episodes: childEpisodes.map((e): SocialCareEpisode => {
          const closed = before(asOf, e.closure_date);
          const episode: SocialCareEpisode = {
            social_care_episode_id: e.episode_id,
            referral_date: e.referral_date,
            referral_source: e.referral_source,
            referral_no_further_action_flag: e.referral_nfa,
            closure_date: closed,
            closure_reason: closed ? e.closure_reason : null,
            care_worker_details: (allocationsOf.get(p.person_id) ?? [])
              .filter((a) => (!closed || a.start_date <= closed) && (!a.end_date || a.end_date >= e.referral_date))
              .map((a) => ({ worker_id: swe.get(a.worker_id) ?? a.worker_id, start_date: a.start_date, end_date: before(asOf, a.end_date) })),
            child_and_family_assessments: (assessmentsOf.get(e.episode_id) ?? []).map((a) => ({
              child_and_family_assessment_id: a.assessment_id,
              start_date: a.start_date,
              authorisation_date: before(asOf, a.authorised_on),
              factors: a.factors ?? [],
            })),
            child_in_need_plans: (plansOf.get(e.episode_id) ?? []).map((c) => ({
              child_in_need_plan_id: c.cin_plan_id,
              start_date: c.start_date,
              end_date: before(asOf, c.end_date),
            })),
            section_47_assessments: (s47sOf.get(e.episode_id) ?? []).map((s) => ({
              section_47_assessment_id: s.s47_id,
              start_date: s.start_date,
              icpc_required_flag: !s.icpc_not_required,
              icpc_date: icpcOf.get(s.s47_id) ?? null,
              end_date: before(asOf, s.completed_on),
            })),
            child_protection_plans: (cpPlansOf.get(e.episode_id) ?? []).map((c) => ({
              child_protection_plan_id: c.plan_id,
              start_date: c.start_date,
              end_date: before(asOf, c.end_date),
            })),
            child_looked_after_placements: (placementsOf.get(p.person_id) ?? [])
              .filter((c) => episodeAt(c.start_date) === e.episode_id)
              .map((c) => {
                const ended = before(asOf, c.end_date);
                return {
                  child_looked_after_placement_id: c.cla_episode_id,
                  start_date: c.start_date,
                  start_reason: c.reason_new_episode,
                  placement_type: c.placement_type,
                  postcode: c.placement_postcode,
                  end_date: ended,
                  end_reason: ended ? c.reason_ended : null,
                  change_reason: ended ? c.reason_place_change : null,
                };
              }),
          };
          const adoption = (adoptionOf.get(p.person_id) ?? []).find((a) => episodeAt(a.decision_on) === e.episode_id);
          if (adoption)
            episode.adoption = {
              initial_decision_date: adoption.decision_on,
              matched_date: before(asOf, adoption.matched_on),
              placed_date: before(asOf, adoption.placed_on),
            };
          const leaver = leaverOf.get(p.person_id)?.[0];
          if (leaver && episodeAt(leaver.eligible_from) === e.episode_id) {
            const latest = contactsOf.get(p.person_id)?.[0];
            episode.care_leavers = {
              contact_date: latest?.contact_on ?? null,
              activity: latest?.activity ?? null,
              accommodation: latest?.accommodation ?? null,
            };
          }
          return episode;
        }),
      };
      return { childId: p.person_id, object, hash: hashOf(object) };
    });
  });
}
