/**
 * The workforce figures read child by child: how many social workers each child has had (churn),
 * and the children waiting for one (allocation gaps), each as of a day.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { CHURN_FLAG } from '@lantern/core/workforce';
import { type Kysely, sql } from 'kysely';
import { childrenInScope } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';

/**
 * For every child with an open case on a day: how many social workers they have had in the
 * 12 months to that day, and since their episode began. Three or more in 12 months is flagged.
 * An allocation that ended on the first day of the window was handed over that day and is not
 * counted; one still open, or ending later, is.
 */
export async function churn(
  db: Kysely<Database>,
  actor: Actor,
  q: { asOf?: string | undefined; teamId?: string | undefined; flaggedOnly?: boolean | undefined; limit: number },
) {
  const asOf = q.asOf ?? todayInEngland();
  const laCode = actor.user.laCode;
  const readScope = scopeFor(actor.user.role, 'child:read') ?? 'own';
  const yearBefore = sql`(${asOf}::date - interval '12 months')::date`;
  const base = db
    .selectFrom('cin_episode as e')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.person_id', '=', 'e.child_id'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('allocation as a')
          .innerJoin('cin_episode as e2', (j) => j.onRef('e2.la_code', '=', 'a.la_code').onRef('e2.child_id', '=', 'a.child_id'))
          .select([
            'e2.episode_id',
            sql<number>`count(distinct a.worker_id) filter (where a.end_date is null or a.end_date > ${yearBefore})`.as('last_12_months'),
            sql<number>`count(distinct a.worker_id) filter (where a.end_date is null or a.end_date > e2.referral_date)`.as('this_episode'),
            sql<string | null>`max(a.worker_id::text) filter (where a.end_date is null or a.end_date > ${asOf}::date)`.as('current_worker_id'),
          ])
          .where('a.la_code', '=', laCode)
          .where('a.allocation_role', '=', 'social-worker')
          .where('a.start_date', '<=', asOf)
          // Only the episodes open on the day: the outer query shows no others.
          .where('e2.referral_date', '<=', asOf)
          .where((eb) => eb.or([eb('e2.closure_date', 'is', null), eb('e2.closure_date', '>', asOf)]))
          .where('e2.referral_nfa', '=', false)
          .groupBy('e2.episode_id')
          .as('c'),
      (j) => j.onRef('c.episode_id', '=', 'e.episode_id'),
    )
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'e.la_code').on(sql`w.worker_id::text`, '=', sql.ref('c.current_worker_id')))
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
    .where('e.la_code', '=', laCode)
    .where('e.referral_date', '<=', asOf)
    .where((eb) => eb.or([eb('e.closure_date', 'is', null), eb('e.closure_date', '>', asOf)]))
    .where('e.referral_nfa', '=', false)
    .where(childrenInScope(actor.user, readScope))
    .$if(!!q.teamId, (qb) => qb.where('w.team_id', '=', q.teamId as string))
    .$if(!!q.flaggedOnly, (qb) => qb.where(sql<boolean>`coalesce(c.last_12_months, 0) >= ${CHURN_FLAG}`));
  // The counts ride on the rows as window totals (taken before the limit), so the council's
  // allocations are aggregated once, not once for the counts and again for the list.
  const rows = await base
    .select([
      sql<number>`count(*) over ()`.as('total'),
      sql<number>`count(*) filter (where coalesce(c.last_12_months, 0) >= ${CHURN_FLAG}) over ()`.as('total_flagged'),
      'p.person_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'e.referral_date',
      sql<number>`coalesce(c.last_12_months, 0)`.as('last_12_months'),
      sql<number>`coalesce(c.this_episode, 0)`.as('this_episode'),
      'w.worker_id',
      sql<string | null>`w.given_name || ' ' || w.family_name`.as('worker_name'),
      't.name as team_name',
    ])
    .orderBy(sql`coalesce(c.last_12_months, 0)`, 'desc')
    .orderBy(sql`coalesce(c.this_episode, 0)`, 'desc')
    .orderBy('p.family_name')
    .limit(q.limit)
    .execute();
  return {
    asOf,
    flagAt: CHURN_FLAG,
    counts: { children: Number(rows[0]?.total ?? 0), flagged: Number(rows[0]?.total_flagged ?? 0) },
    children: rows.map((r) => ({
      childId: r.person_id,
      laChildId: r.la_child_id ?? '',
      name: `${r.given_name} ${r.family_name}`,
      episodeStart: r.referral_date,
      socialWorkersLast12Months: Number(r.last_12_months),
      socialWorkersThisEpisode: Number(r.this_episode),
      flagged: Number(r.last_12_months) >= CHURN_FLAG,
      currentWorkerId: r.worker_id,
      currentWorker: r.worker_name,
      team: r.team_name,
    })),
  };
}

/** Children with an open case and no allocated social worker on a day, longest waiting first. */
export async function allocationGaps(db: Kysely<Database>, actor: Actor, q: { asOf?: string | undefined; limit: number }) {
  const asOf = q.asOf ?? todayInEngland();
  const laCode = actor.user.laCode;
  const readScope = scopeFor(actor.user.role, 'child:read') ?? 'own';
  const rows = await db
    .selectFrom('cin_episode as e')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.person_id', '=', 'e.child_id'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('allocation as a')
          .select([
            'a.child_id',
            sql<string | null>`max(a.end_date) filter (where a.end_date <= ${asOf}::date)`.as('last_end'),
            sql<boolean>`bool_or(a.end_date is null or a.end_date > ${asOf}::date)`.as('held'),
          ])
          .where('a.la_code', '=', laCode)
          .where('a.allocation_role', '=', 'social-worker')
          .where('a.start_date', '<=', asOf)
          .groupBy('a.child_id')
          .as('s'),
      (j) => j.onRef('s.child_id', '=', 'e.child_id'),
    )
    // The team that last held the case, to show whose gap it is: looked up for the children
    // waiting only (by the allocation_child index), not worked out for every child first.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('allocation as a')
          .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
          .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
          .select(['t.name as team_name', 't.team_id'])
          .whereRef('a.la_code', '=', 'e.la_code')
          .whereRef('a.child_id', '=', 'e.child_id')
          .where('a.allocation_role', '=', 'social-worker')
          .where('a.end_date', '<=', asOf)
          .orderBy('a.end_date', 'desc')
          .limit(1)
          .as('lt'),
      (j) => j.onTrue(),
    )
    .select([
      'p.person_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'e.referral_date',
      's.last_end',
      'lt.team_name',
      sql<string>`greatest(e.referral_date, s.last_end)::text`.as('since'),
      sql<number>`(${asOf}::date - greatest(e.referral_date, s.last_end))`.as('days'),
    ])
    .where('e.la_code', '=', laCode)
    .where('e.referral_date', '<=', asOf)
    .where((eb) => eb.or([eb('e.closure_date', 'is', null), eb('e.closure_date', '>', asOf)]))
    .where('e.referral_nfa', '=', false)
    .where(sql<boolean>`not coalesce(s.held, false)`)
    .where(childrenInScope(actor.user, readScope))
    .orderBy('days', 'desc')
    .limit(q.limit)
    .execute();
  return {
    asOf,
    children: rows.map((r) => ({
      childId: r.person_id,
      laChildId: r.la_child_id ?? '',
      name: `${r.given_name} ${r.family_name}`,
      unallocatedSince: String(r.since).slice(0, 10),
      days: Number(r.days),
      lastTeam: r.team_name,
    })),
  };
}
