import { addCalendarMonths } from '@lantern/core/calendar';
import { ALLOCATION_ROLE, RELATIONSHIP_TYPE } from '@lantern/core/codes';
import { type Role, type Scope, scopeFor } from '@lantern/core/permissions';
import type { ChildCase, ChronologyEntryView } from '@lantern/core/views';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type AssumedSession, confirmedSessionUsed, liveSession, sessionValues } from '../../kernel/auth/sessions.ts';
import { keptVersions } from '../../kernel/casework.ts';
import { childFor, childHolders, heldChildInScope, heldMayAct, isUuid, NO_ID } from '../../kernel/access.ts';
import { compiledOnce } from '../../kernel/compiled.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { runPrepared } from '../../kernel/db/store.ts';
import { invalid, notFound } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { CHILD_COLUMNS, CHILD_VIEW_COLUMNS, childView, iso, today } from './views.ts';

// Reads are audited by the routes (config.audit), once each, when they succeed.
// ---------------------------------------------------------------------------------------------
// Reading a child's case

/** No worker or team: matches no allocation (as the access checks read a user without one). */

/**
 * The record, its family, addresses and allocations and what the user may do on it, in one query:
 * opening a child is the commonest request, and each round trip was a tenth of its time. Its text
 * depends only on the user's role, so it is built once per role (kernel/compiled.ts). Confirming,
 * it also checks the session the request assumed (kernel/auth/sessions.ts): no row, and no audit
 * row, unless the session is live and signs in that user.
 */
type CaseValues = { laCode: string; workerId: string; teamId: string; childId: string; audit: string } & ReturnType<typeof sessionValues>;
const childCaseQuery = compiledOnce((db, v: CaseValues, shape) => {
  const [role, audited, confirming] = shape.split(' ');
  const user: CurrentUser = { userId: '', username: '', displayName: '', laCode: v.laCode, workerId: v.workerId, teamId: v.teamId, role: role as Role };
  const readScope = scopeFor(user.role, 'child:read') as Scope;
  // Of the child, only what the record shows (childView): each column more is more to send and read.
  return db
    .selectFrom('person as p')
    .innerJoinLateral(childHolders(user), (j) => j.onTrue())
    .select(CHILD_VIEW_COLUMNS.map((c) => `p.${c}` as const))
    .select((eb) => [
      heldMayAct(user, 'child:update').as('can_update'),
      heldMayAct(user, 'chronology:write').as('can_add_note'),
      heldMayAct(user, 'allocation:manage').as('can_allocate'),
      jsonArrayFrom(
        eb
          .selectFrom('relationship as r')
          .innerJoin('person as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.person_id', '=', 'r.related_person_id'))
          .select([
            'r.relationship_id',
            'r.relationship_type',
            'r.parental_responsibility',
            'r.lives_with',
            'r.start_date',
            'r.end_date',
            'r.notes',
            'o.person_id as o_id',
            'o.is_child as o_is_child',
            'o.la_child_id as o_la_child_id',
            'o.given_name as o_given',
            'o.family_name as o_family',
            'o.date_of_birth as o_dob',
            'o.sex as o_sex',
            'o.restricted as o_restricted',
          ])
          .whereRef('r.la_code', '=', 'p.la_code')
          .whereRef('r.person_id', '=', 'p.person_id')
          .orderBy('r.relationship_type'),
      ).as('relationships'),
      jsonArrayFrom(
        eb
          .selectFrom('address as a')
          .select(['a.address_id', 'a.line1', 'a.line2', 'a.town', 'a.postcode', 'a.start_date', 'a.end_date'])
          .whereRef('a.la_code', '=', 'p.la_code')
          .whereRef('a.person_id', '=', 'p.person_id')
          .orderBy('a.start_date', 'desc'),
      ).as('addresses'),
      jsonArrayFrom(
        eb
          .selectFrom('allocation as a')
          .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
          .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
          .select([
            'a.allocation_id',
            'a.allocation_role',
            'a.worker_id',
            'a.start_date',
            'a.end_date',
            'a.start_reason',
            'a.end_reason',
            'w.given_name',
            'w.family_name',
            'w.job_role',
            'w.team_id',
            'w.employment',
            't.name as team_name',
          ])
          .whereRef('a.la_code', '=', 'p.la_code')
          .whereRef('a.child_id', '=', 'p.person_id')
          .orderBy('a.start_date', 'desc'),
      ).as('allocations'),
      // The read's audit row, written by the row found: only for a child the user may read.
      (audited === 'audited' ? sql<null>`lantern_audit(${v.audit}::jsonb)` : sql<null>`null`).as('audited'),
    ])
    .$if(confirming === 'confirming', (qb) => qb.innerJoinLateral(liveSession(db, v).as('live'), (j) => j.onTrue()).select('live.session_seen_at'))
    .where('p.person_id', '=', v.childId)
    .where(heldChildInScope(user, readScope));
});

/**
 * The child's case as its page shows it. `auditRows` (request.declaredReadRows()) is the read's
 * audit row, written by the same query when it finds the child, rather than in a round trip after.
 * With `session` (request.assumedSession()) the query confirms the session too, and a 404 then
 * means only that it found nothing: the route confirms the session the usual way and asks again.
 */
export async function getChildCase(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  auditRows: string | null = null,
  session: AssumedSession | null = null,
): Promise<ChildCase> {
  const user = actor.user;
  const readScope = scopeFor(user.role, 'child:read');
  if (!readScope || !isUuid(childId)) throw notFound('child');
  // Prepared once per connection: planning this query took 5 ms, running it 0.3 ms.
  const query = childCaseQuery(db, `${user.role} ${auditRows ? 'audited' : '-'} ${session ? 'confirming' : '-'}`, {
    laCode: user.laCode,
    workerId: user.workerId ?? NO_ID,
    teamId: user.teamId ?? NO_ID,
    childId,
    audit: auditRows ?? '',
    ...sessionValues(session),
  });
  const [row] = await runPrepared(db, query);
  if (!row) throw notFound('child');
  if (session) await confirmedSessionUsed(db, session, (row as { session_seen_at: Date }).session_seen_at);
  const { relationships, addresses, allocations, can_update: canUpdate, can_add_note: canAddNote, can_allocate: canAllocate } = row;
  const allocationViews = allocations.map((a) => ({
    allocationId: a.allocation_id,
    role: a.allocation_role,
    roleLabel: ALLOCATION_ROLE[a.allocation_role as keyof typeof ALLOCATION_ROLE] ?? a.allocation_role,
    worker: { workerId: a.worker_id, name: `${a.given_name} ${a.family_name}`, jobRole: a.job_role, teamId: a.team_id, teamName: a.team_name },
    workerEmployment: a.employment,
    startDate: a.start_date,
    endDate: a.end_date,
    startReason: a.start_reason,
    endReason: a.end_reason,
  }));
  const yearAgo = addCalendarMonths(today(), -12);
  const socialWorkers = new Set(
    allocations.filter((a) => a.allocation_role === 'social-worker' && (a.end_date === null || a.end_date >= yearAgo)).map((a) => a.worker_id),
  );
  return {
    child: childView(row),
    relationships: relationships
      // A restricted child shown as a relative would reveal them: show only those the user may see.
      .filter((r) => !r.o_restricted || scopeFor(user.role, 'child:read') === 'council')
      .map((r) => ({
        relationshipId: r.relationship_id,
        type: r.relationship_type,
        typeLabel: RELATIONSHIP_TYPE[r.relationship_type as keyof typeof RELATIONSHIP_TYPE] ?? r.relationship_type,
        person: {
          personId: r.o_id,
          isChild: r.o_is_child,
          laChildId: r.o_la_child_id,
          givenName: r.o_given,
          familyName: r.o_family,
          dateOfBirth: r.o_dob,
          sex: r.o_sex,
        },
        parentalResponsibility: r.parental_responsibility,
        livesWithChild: r.lives_with,
        startDate: r.start_date,
        endDate: r.end_date,
        notes: r.notes,
      })),
    addresses: addresses.map((a) => ({
      addressId: a.address_id,
      line1: a.line1,
      line2: a.line2,
      town: a.town,
      postcode: a.postcode,
      startDate: a.start_date,
      endDate: a.end_date,
    })),
    allocations: { current: allocationViews.filter((a) => a.endDate === null), past: allocationViews.filter((a) => a.endDate !== null) },
    socialWorkersLast12Months: socialWorkers.size,
    // SqlBool: the database answers true or false.
    canUpdate: canUpdate === true,
    canAddNote: canAddNote === true,
    canAllocate: canAllocate === true,
  };
}

export async function getChronology(db: Kysely<Database>, actor: Actor, childId: string, limit: number, q?: string): Promise<ChronologyEntryView[]> {
  await childFor(db, actor.user, childId, 'child:read');
  // A search finds an entry by its words, or by any words of any version of the record it names
  // (a plan, an assessment), so every text typed is found from the chronology.
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .selectFrom('chronology_entry as c')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'c.la_code').onRef('u.user_id', '=', 'c.recorded_by'))
    .select(['c.entry_id', 'c.occurred_on', 'c.category', 'c.summary', 'c.record_type', 'c.recorded_at', 'u.display_name'])
    .where('c.la_code', '=', actor.user.laCode)
    .where('c.child_id', '=', childId)
    .$if(like !== null, (qb) =>
      qb.where(
        sql<boolean>`(c.summary ilike ${like} or exists (
          select 1 from record_version v cross join lateral jsonb_each_text(v.data) f
          where v.la_code = c.la_code and v.child_id = c.child_id and v.record_type = c.record_type and v.record_id = c.record_id::text and f.value ilike ${like}))`,
      ),
    )
    .orderBy('c.occurred_on', 'desc')
    .orderBy('c.recorded_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    entryId: r.entry_id,
    occurredOn: r.occurred_on,
    category: r.category,
    summary: r.summary,
    recordType: r.record_type,
    recordedBy: r.display_name,
    recordedAt: iso(r.recorded_at),
  }));
}

export async function addChronologyNote(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  note: { occurredOn: string; category: string; summary: string },
): Promise<ChronologyEntryView> {
  return step(db, actor, childId, async (ledger) => {
    if (note.occurredOn > today()) throw invalid([{ field: 'occurredOn', rule: 'not-in-future', message: 'The date cannot be in the future' }]);
    const entryId = ledger.chronicle(note);
    ledger.audit({ action: 'create', recordType: 'chronology', recordId: entryId });
    return { entryId, ...note, recordType: null, recordedBy: actor.user.displayName, recordedAt: new Date().toISOString() };
  });
}

export async function getVersions(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await keptVersions(db, actor.user.laCode, 'person', childId);
  // The ledger keeps each version as the row was (snake_case); versions kept before it, as the view.
  const parse = (d: unknown) => {
    const data = (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;
    if (!('person_id' in data)) return data;
    return Object.fromEntries(Object.entries(CHILD_COLUMNS).map(([field, column]) => [field, data[column] ?? null]));
  };
  return rows.map((r, i) => {
    const data = parse(r.data);
    const prev = i > 0 ? parse(rows[i - 1]?.data) : null;
    const changes = prev
      ? Object.keys(CHILD_COLUMNS)
          .filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(data[k]))
          .map((field) => ({ field, from: prev[field] ?? null, to: data[field] ?? null }))
      : [];
    return { version: r.version, changedBy: r.display_name, changedAt: iso(r.changed_at), data, changes };
  });
}
