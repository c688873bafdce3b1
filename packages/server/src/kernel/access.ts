import { type Action, ROLES_SEEING_RESTRICTED, type Scope, scopeFor } from '@lantern/core/permissions';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { CurrentUser } from './context.ts';
import type { Database, Person } from './db/schema.ts';
import { forbidden, notFound } from './http/problem.ts';

type PersonEb = ExpressionBuilder<Database & { p: Database['person'] }, 'p'>;

/** Children the user holds: an open allocation of any kind to the user's own worker record. */
function heldByUser(eb: PersonEb, user: CurrentUser) {
  return eb.exists(
    eb
      .selectFrom('allocation as a')
      .select(sql`1`.as('one'))
      .whereRef('a.la_code', '=', 'p.la_code')
      .whereRef('a.child_id', '=', 'p.person_id')
      .where('a.end_date', 'is', null)
      .where('a.worker_id', '=', user.workerId ?? '00000000-0000-0000-0000-000000000000'),
  );
}

/** Children held by anyone in the user's team (the team manager's and colleagues' cases). */
function heldByTeam(eb: PersonEb, user: CurrentUser) {
  return eb.exists(
    eb
      .selectFrom('allocation as a')
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .select(sql`1`.as('one'))
      .whereRef('a.la_code', '=', 'p.la_code')
      .whereRef('a.child_id', '=', 'p.person_id')
      .where('a.end_date', 'is', null)
      .where('w.team_id', '=', user.teamId ?? '00000000-0000-0000-0000-000000000000'),
  );
}

/** No allocated social worker: the team may pick the case up. */
function unallocated(eb: PersonEb) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('allocation as a')
        .select(sql`1`.as('one'))
        .whereRef('a.la_code', '=', 'p.la_code')
        .whereRef('a.child_id', '=', 'p.person_id')
        .where('a.end_date', 'is', null)
        .where('a.allocation_role', '=', sql.lit('social-worker')),
    ),
  );
}

/**
 * The children (alias `p`) a user may reach with a given scope. Restricted children are
 * further limited to those holding the case, their team, and the roles that see restricted
 * records, whatever the scope.
 */
export function childrenInScope(user: CurrentUser, scope: Scope) {
  // The constants are literals, not parameters: a prepared statement's generic plan then knows
  // them (planned with `$2` for `is_child`, the search's generic plan cost more than planning each
  // time, so PostgreSQL never kept it).
  return (eb: PersonEb) => {
    const base = [eb('p.la_code', '=', user.laCode), eb('p.is_child', '=', eb.lit(true))];
    let relation = eb.lit(true) as unknown as ReturnType<typeof heldByUser>;
    if (scope === 'own') relation = heldByUser(eb, user);
    if (scope === 'team') relation = eb.or([heldByUser(eb, user), heldByTeam(eb, user), unallocated(eb)]);
    const restrictedOk = ROLES_SEEING_RESTRICTED.includes(user.role)
      ? eb.lit(true)
      : eb.or([eb('p.restricted', '=', eb.lit(false)), heldByUser(eb, user), heldByTeam(eb, user)]);
    return eb.and([...base, relation as never, restrictedOk as never]);
  };
}

/**
 * Loads a child for an action, or refuses. A child the user may not even read is "not found"
 * (a 404 tells nothing about who exists); a child they may read but not change is "forbidden".
 */
export async function childFor(db: Kysely<Database>, user: CurrentUser, childId: string, action: Action): Promise<Person> {
  const readScope = scopeFor(user.role, 'child:read');
  if (!readScope || !isUuid(childId)) throw notFound('child');
  const child = await db.selectFrom('person as p').selectAll('p').where('p.person_id', '=', childId).where(childrenInScope(user, readScope)).executeTakeFirst();
  if (!child) throw notFound('child');
  if (action === 'child:read') return child;
  const scope = scopeFor(user.role, action);
  if (!scope) throw forbidden();
  const allowed = await db
    .selectFrom('person as p')
    .select('p.person_id')
    .where('p.person_id', '=', childId)
    .where(childrenInScope(user, scope))
    .executeTakeFirst();
  if (!allowed) throw forbidden(scope === 'own' ? 'Only those holding this child’s case may do this' : 'Only the team holding this child’s case may do this');
  return child;
}

/**
 * Whether the user may take an action on the child `p` of a query, as a boolean column: the
 * page's offers worked out in the same query as the record rather than one query per action.
 * Use it only where `p` is already a child the user may read (as `childFor` checks).
 */
export function mayActColumn(user: CurrentUser, action: Action) {
  const scope = scopeFor(user.role, action);
  return (eb: PersonEb) => (scope ? childrenInScope(user, scope)(eb) : eb.val(false));
}

/** Whether the user may take an action on this child: for offering (or not) the action on a page. */
export async function mayAct(db: Kysely<Database>, user: CurrentUser, childId: string, action: Action): Promise<boolean> {
  if (!scopeFor(user.role, action)) return false;
  return childFor(db, user, childId, action).then(
    () => true,
    () => false,
  );
}

export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}
