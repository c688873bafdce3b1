import { type Role, type Scope, scopeFor } from '@lantern/core/permissions';
import type { ChildSearchResult, PossibleMatch } from '@lantern/core/views';
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { childrenInScope, NO_ID } from '../../kernel/access.ts';
import { auditMany, auditRows } from '../../kernel/audit.ts';
import { type AssumedSession, confirmedSessionUsed, liveSession, sessionValues } from '../../kernel/auth/sessions.ts';
import { compiledOnce } from '../../kernel/compiled.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { runGeneric } from '../../kernel/db/store.ts';
// ---------------------------------------------------------------------------------------------
// Search

/** Reads "12/03/2015" or "2015-03-12" as a date of birth. */
function asDate(q: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (uk) return `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(q) ? q : null;
}

/** A prefix as a range of names: from the prefix to the prefix with its last character moved on by one (none past the last code point). */
function prefixRange(prefix: string): { from: string; to: string | null } {
  const chars = Array.from(prefix);
  const last = chars.pop()?.codePointAt(0) ?? 0;
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return { from: prefix, to: next > 0x10ffff ? null : chars.join('') + String.fromCodePoint(next) };
}

/**
 * Names beginning with a prefix (lower case), as the leakproof pattern comparisons an index may
 * serve under row-level security (migration 0036): the range prefixRange gives. No wildcard, so
 * `%` and `_` in a search are letters like any other.
 */
function beginsWith(column: 'p.family_name_key' | 'p.given_name_key', from: unknown, to: unknown): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  if (to === undefined) return sql<SqlBool>`${ref} ~>=~ ${from}`;
  return sql<SqlBool>`(${ref} ~>=~ ${from} and ${ref} ~<~ ${to})`;
}

type SearchValues = Record<string, unknown>;

/**
 * The search's query. Its text depends only on the shape — the role, the scope, whether an NHS
 * number or a date was typed, and for each prefix whether its range is open — and the values fill it
 * in: `from0`/`to0` the whole phrase, `from1`… each word when there are several.
 */
function searchQuery(db: Kysely<Database>, v: SearchValues, shape: string) {
  const [role, scope, nhs, names] = shape.split(' ') as [Role, Scope, string, string];
  const user: CurrentUser = {
    userId: '',
    username: '',
    displayName: '',
    laCode: String(v.laCode),
    workerId: String(v.workerId),
    teamId: String(v.teamId),
    role,
  };
  const range = (column: 'p.family_name_key' | 'p.given_name_key', i: number) => beginsWith(column, v[`from${i}`], names[i] === 'o' ? undefined : v[`to${i}`]);
  const base = db
    .selectFrom('person as p')
    .where(childrenInScope(user, scope, true))
    .where((eb) => {
      const ors: Expression<SqlBool>[] = [eb('p.la_child_id', '=', v.exact as string), eb('p.upn', '=', v.exact as string)];
      if (nhs === 'nhs') ors.push(eb('p.nhs_number', '=', v.digits as string));
      if (names === 'date') ors.push(eb('p.date_of_birth', '=', v.date as string));
      else {
        // "Van Dyke" or "Mary Jane": the whole phrase may begin a family or given name.
        ors.push(range('p.family_name_key', 0), range('p.given_name_key', 0));
        // Each word beginning a name (one word is the phrase itself, already asked).
        if (names.length > 1)
          ors.push(eb.and(Array.from(names.slice(1), (_, i) => eb.or([range('p.given_name_key', i + 1), range('p.family_name_key', i + 1)]))));
      }
      return eb.or(ors);
    });

  // The page of children first, then who holds each of those 25: joined before the limit, the
  // allocations were read for the whole council (under row-level security the planner hashed
  // every open allocation rather than look up 25). The count rides on the page (a window over
  // every match, which the sort reads anyway): one statement, and the matches found once.
  const page = base
    .select(['p.la_code', 'p.person_id', 'p.la_child_id', 'p.given_name', 'p.family_name', 'p.date_of_birth', 'p.expected_date_of_birth', 'p.sex'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.date_of_birth')
    .limit(v.limit as number)
    .as('p');
  return db
    .selectFrom(page)
    .leftJoin('allocation as a', (j) =>
      j
        .onRef('a.la_code', '=', 'p.la_code')
        .onRef('a.child_id', '=', 'p.person_id')
        .on('a.end_date', 'is', null)
        .on('a.allocation_role', '=', sql.lit('social-worker')),
    )
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
    .select([
      'p.person_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.expected_date_of_birth',
      'p.sex',
      'p.total',
      // Each row's place in the answer, which the audit rows follow (see searchStatement).
      sql<number>`row_number() over (order by p.family_name, p.given_name, p.date_of_birth)`.as('n'),
      'w.given_name as w_given',
      'w.family_name as w_family',
      't.name as team_name',
    ])
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.date_of_birth');
}

/**
 * The search as one statement: the page (searchQuery, once, as `found`), the search's audit rows
 * and, `confirming`, the session's check (kernel/auth/sessions.ts liveSession). The audit rows are
 * those the route wrote after the search (the search with what it showed and of how many, then each
 * child shown, in the answer's order), made here from the page and the two rows sent as values, and
 * written only when the session is live: no row at all otherwise, and the route confirms the
 * session the usual way. A live session with no match answers one row with no child.
 * Three round trips (session, search, audit), each queued for a connection under load, become one.
 */
function searchStatement(db: Kysely<Database>, v: SearchValues, shape: string) {
  const confirming = shape.endsWith(' confirming');
  const found = searchQuery(db, v, shape);
  const searchRow = sql`${v.searchAudit}::jsonb`;
  const audited = sql<null>`lantern_audit(
    jsonb_build_array(${searchRow} || jsonb_build_object('detail', (${sql`${v.searchAudit}::jsonb`} -> 'detail')
      || jsonb_build_object('shown', (select count(*) from found), 'total', coalesce((select max(f.total) from found f), 0))))
    || coalesce((select jsonb_agg(${sql`${v.shownAudit}::jsonb`} || jsonb_build_object('record_id', s.person_id::text, 'child_id', s.person_id) order by s.n)
                 from (select f.person_id, min(f.n) as n from found f group by f.person_id) s), '[]'::jsonb))`;
  const head = confirming
    ? db.selectFrom(liveSession(db, v as ReturnType<typeof sessionValues>).as('live')).select(['live.session_seen_at', audited.as('audited')])
    : db.selectNoFrom([sql<Date | null>`null::timestamptz`.as('session_seen_at'), audited.as('audited')]);
  return db
    .with(
      (cte) => cte('found').materialized(),
      () => found,
    )
    .selectFrom(head.as('x'))
    .leftJoin('found as f', (j) => j.onTrue())
    .selectAll('f')
    .select('x.session_seen_at')
    .orderBy('f.n');
}

/** Built and compiled once per shape (kernel/compiled.ts), for searches of up to three words. */
const searchOnce = compiledOnce(searchStatement);

type Found = { results: ChildSearchResult[]; total: number };

/**
 * Finds children by name, LA child id, UPN, NHS number or date of birth, and writes the search's
 * audit rows (the search, and each child it showed). With `session` (the route's assumed session)
 * the statement confirms it too, and null means it did not: the route confirms the session the
 * usual way and searches again with none.
 */
export async function searchChildren(
  db: Kysely<Database>,
  actor: Actor,
  q: string,
  limit: number,
  session: AssumedSession | null = null,
): Promise<Found | null> {
  const user = actor.user;
  const scope = scopeFor(user.role, 'child:search');
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!scope || words.length === 0) {
    // Nothing to search: only the search's own row, written once the session is confirmed.
    if (session) return null;
    await auditMany(db, actor, [{ action: 'search', detail: { query: q, shown: 0, total: 0 } }]);
    return { results: [], total: 0 };
  }
  const date = asDate(q.trim());
  const digits = q.replace(/\s/g, '');
  const nhs = /^\d{10}$/.test(digits);
  const values: SearchValues = { laCode: user.laCode, workerId: user.workerId ?? NO_ID, teamId: user.teamId ?? NO_ID, exact: q.trim().toUpperCase() };
  if (nhs) values.digits = digits;
  let names = 'date';
  if (date) values.date = date;
  else {
    const ranges = [words.join(' '), ...(words.length > 1 ? words : [])].map(prefixRange);
    names = ranges.map((r) => (r.to === null ? 'o' : 'c')).join('');
    ranges.forEach((r, i) => {
      values[`from${i}`] = r.from;
      if (r.to !== null) values[`to${i}`] = r.to;
    });
  }
  values.limit = limit;
  // The audit rows the statement completes: the search's (shown and total added) and a child's (its id added).
  const [searchAudit, shownAudit] = auditRows(actor, [
    { action: 'search', detail: { query: q } },
    { action: 'search', recordType: 'child', detail: { shownInSearch: true } },
  ]);
  Object.assign(values, { searchAudit: JSON.stringify(searchAudit), shownAudit: JSON.stringify(shownAudit) }, sessionValues(session));
  const shape = `${user.role} ${scope} ${nhs ? 'nhs' : '-'} ${names} ${session ? 'confirming' : '-'}`;
  // A search of one to three words (nearly all) is built once per shape and prepared on each
  // connection: building it was the search's largest share of the server's CPU. It runs with its
  // generic plan: left to choose, PostgreSQL planned it afresh on every search (a prefix's range
  // costed wider than most are), and planning took longer than running it (DB CPU 2.3 -> 1.4 ms
  // a search on 50,000 children). Longer ones are built each time, so the shapes kept stay few.
  const rows = words.length <= 3 ? await runGeneric(db, searchOnce(db, shape, values)) : await searchStatement(db, values, shape).execute();
  const [first] = rows;
  if (!first) return null;
  if (session) await confirmedSessionUsed(db, session, first.session_seen_at as Date);
  type Row = (typeof rows)[number];
  // The one row of a search that found nothing names no child.
  const named = (r: Row): r is Row & { [K in 'person_id' | 'given_name' | 'family_name' | 'sex']: NonNullable<Row[K]> } => r.person_id !== null;
  const results = rows.filter(named).map((r) => ({
    childId: r.person_id,
    laChildId: r.la_child_id ?? '',
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    expectedDateOfBirth: r.expected_date_of_birth,
    sex: r.sex,
    allocatedWorker: r.w_given ? `${r.w_given} ${r.w_family}` : null,
    team: r.team_name,
  }));
  return { results, total: Number(first.total ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Possible duplicates

type Maybe = string | null | undefined;
export type MatchQuery = { givenName?: Maybe; familyName?: Maybe; dateOfBirth?: Maybe; upn?: Maybe; nhsNumber?: Maybe };

/**
 * People already recorded who may be the child about to be added: the same UPN or NHS number
 * (strong), the same name and date of birth (strong), or the same date of birth with a similar
 * name, or the same full name (possible). Only people the user may see are shown; the route
 * audits the children among them.
 */
export async function possibleMatches(db: Kysely<Database>, actor: Actor, q: MatchQuery): Promise<PossibleMatch[]> {
  const scope = scopeFor(actor.user.role, 'child:search');
  if (!scope) return [];
  const given = q.givenName?.trim().toLowerCase() || null;
  const family = q.familyName?.trim().toLowerCase() || null;
  if (!given && !family && !q.dateOfBirth && !q.upn && !q.nhsNumber) return [];
  const rows = await db
    .selectFrom('person as p')
    .selectAll('p')
    .where('p.la_code', '=', actor.user.laCode)
    .where((eb) =>
      eb.or([
        // Adults cannot be restricted children, so they are always shown; children only in scope.
        eb('p.is_child', '=', false),
        childrenInScope(actor.user, 'council')(eb),
      ]),
    )
    .where((eb) => {
      const ors = [];
      if (q.upn) ors.push(eb('p.upn', '=', q.upn.toUpperCase()), eb('p.former_upn', '=', q.upn.toUpperCase()));
      if (q.nhsNumber) ors.push(eb('p.nhs_number', '=', q.nhsNumber.replace(/\s/g, '')));
      if (q.dateOfBirth) ors.push(eb('p.date_of_birth', '=', q.dateOfBirth), eb('p.expected_date_of_birth', '=', q.dateOfBirth));
      if (given && family) ors.push(eb.and([eb('p.family_name_key', '=', family), eb('p.given_name_key', '=', given)]));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .limit(50)
    .execute();

  const similar = (a: string | null, b: string) => !!a && (a === b.toLowerCase() || a.slice(0, 3) === b.toLowerCase().slice(0, 3));
  const matches: PossibleMatch[] = [];
  for (const p of rows) {
    const reasons: string[] = [];
    let strong = false;
    if (q.upn && (p.upn === q.upn.toUpperCase() || p.former_upn === q.upn.toUpperCase())) {
      reasons.push('Same UPN');
      strong = true;
    }
    if (q.nhsNumber && p.nhs_number === q.nhsNumber.replace(/\s/g, '')) {
      reasons.push('Same NHS number');
      strong = true;
    }
    const sameDob = !!q.dateOfBirth && (p.date_of_birth === q.dateOfBirth || p.expected_date_of_birth === q.dateOfBirth);
    const sameName = !!given && !!family && p.given_name.toLowerCase() === given && p.family_name.toLowerCase() === family;
    if (sameDob && sameName) {
      reasons.push('Same name and date of birth');
      strong = true;
    } else if (sameDob && (similar(family, p.family_name) || similar(given, p.given_name))) {
      reasons.push('Same date of birth and a similar name');
    } else if (sameName) {
      reasons.push('Same name');
    }
    if (reasons.length === 0) continue;
    matches.push({
      personId: p.person_id,
      isChild: p.is_child,
      laChildId: p.la_child_id,
      givenName: p.given_name,
      familyName: p.family_name,
      dateOfBirth: p.date_of_birth ?? p.expected_date_of_birth,
      sex: p.sex,
      reasons,
      strength: strong ? 'strong' : 'possible',
    });
  }
  matches.sort((a, b) => (a.strength === b.strength ? a.familyName.localeCompare(b.familyName) : a.strength === 'strong' ? -1 : 1));
  return matches;
}
