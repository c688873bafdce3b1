/** Reading the looked-after record: a child's whole history, and the lists oversight needs. */
import { todayInEngland } from '@lantern/core/calendar';
import { careHistory, type EpisodeRow, REPEAT_MISSING_DEFAULT, rhiOfferedInTime } from '@lantern/core/looked-after';
import { scopeFor } from '@lantern/core/permissions';
import type { MissingView } from '@lantern/core/views/looked-after';
import { ruleById } from '@lantern/core/timescales';
import { type Kysely, sql } from 'kysely';
import { childFor, childrenInScope, mayAct } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { change } from '../../kernel/ledger.ts';
import { forbidden, invalid } from '../../kernel/http/problem.ts';
import { councilSetting } from '../../kernel/settings.ts';
import { childObligations } from '../timescales/service.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type RepeatSetting = { episodes: number; days: number };

export async function repeatMissingSetting(db: Kysely<Database>, laCode: string): Promise<RepeatSetting> {
  return ((await councilSetting(db, laCode, 'missing.repeat')) as RepeatSetting | undefined) ?? { ...REPEAT_MISSING_DEFAULT };
}

export async function setRepeatMissing(db: Kysely<Database>, actor: Actor, value: RepeatSetting) {
  if (value.episodes < 2) throw invalid([{ field: 'episodes', rule: 'at-least-2', message: 'Repeated means at least two episodes' }]);
  await change(db, actor, async (ledger) => {
    const row = await ledger.db
      .insertInto('council_setting')
      .values({ la_code: actor.user.laCode, key: 'missing.repeat', value: JSON.stringify(value), updated_by: actor.user.userId })
      .onConflict((c) => c.columns(['la_code', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_by: actor.user.userId, updated_at: sql`now()` }))
      .returningAll()
      .executeTakeFirstOrThrow();
    ledger.wroteRecord('council_setting', row, 'update', { detail: value });
  });
  return value;
}

/**
 * Missing episodes with their flags: the return home interview offered within 72 hours of the
 * recorded return (exactly, in hours), and whether the episode is a repeat: the nth or later to
 * start within the council's window (default the 3rd within 90 days).
 */
function missingRows(db: Kysely<Database>, laCode: string, repeat: RepeatSetting) {
  return db
    .selectFrom('missing_episode as m')
    .selectAll('m')
    .select([
      sql<number>`(select count(*) from missing_episode m2 where m2.la_code = m.la_code and m2.child_id = m.child_id
        and m2.started_at <= m.started_at and m2.started_at > m.started_at - make_interval(days => ${repeat.days}))`.as('in_window'),
    ])
    .where('m.la_code', '=', laCode);
}

type MissingRow = Awaited<ReturnType<ReturnType<typeof missingRows>['execute']>>[number];

function missingView(m: MissingRow, repeat: RepeatSetting, now: number): MissingView {
  const ended = iso(m.ended_at);
  const offered = iso(m.rhi_offered_at);
  const rhiDueAt = ended ? new Date(Date.parse(ended) + 72 * 3_600_000).toISOString() : null;
  return {
    missingId: m.missing_id,
    kind: m.kind,
    startedAt: iso(m.started_at) as string,
    endedAt: ended,
    circumstances: m.circumstances,
    rhiDueAt,
    rhiOfferedAt: offered,
    rhiAccepted: m.rhi_accepted,
    rhiLearned: m.rhi_learned,
    // In time, late, not yet due, or overdue (not offered and past the 72 hours).
    rhiState: !ended
      ? 'missing'
      : offered
        ? rhiOfferedInTime(ended, offered)
          ? 'offered-in-time'
          : 'offered-late'
        : now > Date.parse(rhiDueAt as string)
          ? 'overdue'
          : 'due',
    repeat: Number(m.in_window) >= repeat.episodes,
    version: m.version,
  };
}

/** A child's looked-after record: periods, placements and legal statuses, visits, reviews, missing episodes, deadlines. */
export async function lookedAfterRecord(db: Kysely<Database>, actor: Actor, childId: string) {
  const child = await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const episodes = await db
    .selectFrom('cla_episode as e')
    .leftJoin('provider as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.provider_id', '=', 'e.provider_id'))
    .selectAll('e')
    .select(['p.name as provider_name'])
    .where('e.la_code', '=', laCode)
    .where('e.child_id', '=', childId)
    .orderBy('e.start_date')
    .orderBy('e.recorded_at')
    .execute();
  const rows: (EpisodeRow & {
    providerName: string | null;
    version: number;
    intendedUntil18: boolean;
    withParent: string | null;
    homePostcode: string | null;
  })[] = episodes.map((e) => ({
    episodeId: e.cla_episode_id,
    periodId: e.period_id,
    placementId: e.placement_id,
    startDate: e.start_date,
    endDate: e.end_date,
    reasonNewEpisode: e.reason_new_episode,
    legalStatus: e.legal_status,
    categoryOfNeed: e.category_of_need,
    placementType: e.placement_type,
    placementProvider: e.placement_provider,
    providerId: e.provider_id,
    providerName: e.provider_name,
    urn: e.urn,
    placementPostcode: e.placement_postcode,
    homePostcode: e.home_postcode,
    reasonEnded: e.reason_ended,
    reasonPlaceChange: e.reason_place_change,
    intendedUntil18: e.intended_until_18,
    withParent: e.with_parent,
    version: e.version,
  }));
  const approvals = await db
    .selectFrom('unregistered_approval as a')
    .innerJoin('provider as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.provider_id', '=', 'a.provider_id'))
    .select([
      'a.approval_id',
      'a.provider_id',
      'p.name as provider_name',
      'a.placement_type',
      'a.approved_on',
      'a.approver_name',
      'a.reasons',
      'a.placement_id',
    ])
    .where('a.la_code', '=', laCode)
    .where('a.child_id', '=', childId)
    .orderBy('a.approved_on')
    .execute();
  const visits = await db
    .selectFrom('visit')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('purpose', '=', 'looked-after')
    .orderBy('visited_on', 'desc')
    .execute();
  const reviews = await db
    .selectFrom('cla_review as r')
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'r.la_code').onRef('w.worker_id', '=', 'r.chair_worker_id'))
    .selectAll('r')
    .select(sql<string | null>`w.given_name || ' ' || w.family_name`.as('chair_name'))
    .where('r.la_code', '=', laCode)
    .where('r.child_id', '=', childId)
    .orderBy('r.held_on')
    .execute();
  const repeat = await repeatMissingSetting(db, laCode);
  const now = Date.now();
  const missing = (await missingRows(db, laCode, repeat).where('m.child_id', '=', childId).orderBy('m.started_at', 'desc').execute()).map((m) =>
    missingView(m, repeat, now),
  );
  const deadlines = (await childObligations(db, laCode, childId)).filter((o) => ruleById(o.ruleId).area === 'looked-after');
  const current = rows.find((e) => e.endDate === null) ?? null;
  const currentApproval = current ? (approvals.find((a) => a.placement_id === current.placementId) ?? null) : null;
  await audit(db, actor, { action: 'read', recordType: 'looked-after', recordId: childId, childId });
  return {
    childId,
    childName: `${child.given_name} ${child.family_name}`,
    dateOfBirth: child.date_of_birth,
    lookedAfter: current !== null,
    current: current ? { ...current, unregisteredApproval: currentApproval ? approvalView(currentApproval) : null } : null,
    history: careHistory(rows),
    episodes: rows,
    approvals: approvals.map(approvalView),
    visits: visits.map((v) => ({
      visitId: v.visit_id,
      visitedOn: v.visited_on,
      faceToFace: v.face_to_face,
      childSeen: v.child_seen,
      seenAlone: v.seen_alone,
      location: v.location,
      childWords: v.child_words,
      placementId: v.placement_id,
    })),
    reviews: reviews.map((r) => ({
      reviewId: r.review_id,
      periodId: r.period_id,
      heldOn: r.held_on,
      chair: r.chair_name,
      participation: r.participation,
      childWords: r.child_words,
      iroContactOn: r.iro_contact_on,
    })),
    missing,
    repeatMissing: missing.some((m) => m.repeat && Date.parse(m.startedAt) > now - repeat.days * 86_400_000),
    deadlines,
    canRecord: await mayAct(db, actor.user, childId, 'casework:record'),
    canApproveUnregistered: await mayAct(db, actor.user, childId, 'placement:approve-unregistered'),
  };
}

function approvalView(a: {
  approval_id: string;
  provider_id: string;
  provider_name: string;
  placement_type: string;
  approved_on: string;
  approver_name: string;
  reasons: string;
  placement_id: string | null;
}) {
  return {
    approvalId: a.approval_id,
    providerId: a.provider_id,
    providerName: a.provider_name,
    placementType: a.placement_type,
    approvedOn: a.approved_on,
    approvedBy: a.approver_name,
    reasons: a.reasons,
    placementId: a.placement_id,
  };
}

function oversightScope(actor: Actor) {
  const scope = scopeFor(actor.user.role, 'looked-after:oversee');
  if (!scope) throw forbidden();
  return childrenInScope(actor.user, scope);
}

/** Children placed now with a provider not registered for that care: the director's live list, until each placement ends. */
export async function unregisteredPlacements(db: Kysely<Database>, actor: Actor) {
  const laCode = actor.user.laCode;
  const today = todayInEngland();
  const rows = await db
    .selectFrom('unregistered_approval as a')
    .innerJoin('cla_episode as e', (j) => j.onRef('e.la_code', '=', 'a.la_code').onRef('e.placement_id', '=', 'a.placement_id').on('e.end_date', 'is', null))
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.person_id', '=', 'a.child_id'))
    .innerJoin('provider as pr', (j) => j.onRef('pr.la_code', '=', 'a.la_code').onRef('pr.provider_id', '=', 'a.provider_id'))
    .select([
      'a.child_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'pr.name as provider_name',
      'pr.urn',
      'pr.registration_status',
      'e.placement_type',
      'a.approved_on',
      'a.approver_name',
      'a.reasons',
      sql<string>`(select min(x.start_date) from cla_episode x where x.la_code = a.la_code and x.placement_id = a.placement_id)`.as('placed_on'),
      sql<
        string | null
      >`(select max(v.visited_on) from visit v where v.la_code = a.la_code and v.child_id = a.child_id and v.purpose = 'looked-after' and v.child_seen)`.as(
        'last_visit',
      ),
      sql<
        string | null
      >`(select min(o.due_date) from obligation o where o.la_code = a.la_code and o.child_id = a.child_id and o.rule_id = 'unregistered-visit' and o.met_on is null and o.ended_on is null)`.as(
        'next_visit_due',
      ),
    ])
    .where('a.la_code', '=', laCode)
    .where(oversightScope(actor) as never)
    .orderBy('p.family_name')
    .execute();
  await audit(db, actor, { action: 'read', recordType: 'unregistered-placements', detail: { shown: rows.length } });
  return {
    asOf: today,
    placements: rows.map((r) => ({
      childId: r.child_id,
      laChildId: r.la_child_id ?? '',
      childName: `${r.given_name} ${r.family_name}`,
      dateOfBirth: r.date_of_birth,
      providerName: r.provider_name,
      urn: r.urn,
      registrationStatus: r.registration_status,
      placementType: r.placement_type,
      placedOn: r.placed_on,
      daysPlaced: Math.round((Date.parse(today) - Date.parse(r.placed_on)) / 86_400_000),
      approvedOn: r.approved_on,
      approvedBy: r.approver_name,
      reasons: r.reasons,
      lastVisit: r.last_visit,
      nextVisitDue: r.next_visit_due,
      visitOverdue: r.next_visit_due !== null && r.next_visit_due < today,
    })),
  };
}

/**
 * The missing-children list: who is missing now, recent episodes, return home interviews not
 * offered within 72 hours, and children with repeated episodes (flagged to their team manager).
 */
export async function missingChildren(db: Kysely<Database>, actor: Actor, days = 90) {
  const laCode = actor.user.laCode;
  const repeat = await repeatMissingSetting(db, laCode);
  const now = Date.now();
  const since = new Date(now - Math.max(days, repeat.days) * 86_400_000);
  const rows = await missingRows(db, laCode, repeat)
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'm.la_code').onRef('p.person_id', '=', 'm.child_id'))
    .select([
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      sql<string | null>`(select mw.given_name || ' ' || mw.family_name from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        join team t on t.la_code = w.la_code and t.team_id = w.team_id join worker mw on mw.la_code = t.la_code and mw.worker_id = t.manager_worker_id
        where a.la_code = m.la_code and a.child_id = m.child_id and a.allocation_role = 'social-worker' and a.end_date is null limit 1)`.as('manager_name'),
      sql<string | null>`(select w.given_name || ' ' || w.family_name from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where a.la_code = m.la_code and a.child_id = m.child_id and a.allocation_role = 'social-worker' and a.end_date is null limit 1)`.as('worker_name'),
    ])
    .where((eb) => eb.or([eb('m.ended_at', 'is', null), eb('m.started_at', '>=', since), eb('m.ended_at', '>=', since)]))
    .where(oversightScope(actor) as never)
    .orderBy('m.started_at', 'desc')
    .execute();
  const episodes = rows.map((r) => ({
    ...missingView(r, repeat, now),
    childId: r.child_id,
    laChildId: r.la_child_id ?? '',
    childName: `${r.given_name} ${r.family_name}`,
    socialWorker: r.worker_name,
    manager: r.manager_name,
  }));
  const windowStart = now - repeat.days * 86_400_000;
  const repeated = new Map<string, { childId: string; laChildId: string; childName: string; manager: string | null; episodes: number }>();
  for (const e of episodes) {
    if (Date.parse(e.startedAt) <= windowStart) continue;
    const r = repeated.get(e.childId) ?? { childId: e.childId, laChildId: e.laChildId, childName: e.childName, manager: e.manager, episodes: 0 };
    r.episodes += 1;
    repeated.set(e.childId, r);
  }
  await audit(db, actor, { action: 'read', recordType: 'missing-children', detail: { shown: episodes.length } });
  return {
    repeatSetting: repeat,
    missingNow: episodes.filter((e) => e.endedAt === null),
    rhiNotInTime: episodes.filter((e) => e.rhiState === 'overdue' || e.rhiState === 'offered-late'),
    repeatFlags: [...repeated.values()].filter((r) => r.episodes >= repeat.episodes),
    recent: episodes,
  };
}
