import { randomUUID } from 'node:crypto';
import { addCalendarMonths, todayInEngland } from '@lantern/core/calendar';
import { ALLOCATION_ROLE, RELATIONSHIP_TYPE } from '@lantern/core/codes';
import { scopeFor } from '@lantern/core/permissions';
import { type ChildChanges, childRecordRules, type NewChild, type newAddress, type newRelationship } from '@lantern/core/schemas';
import type { ChildCase, ChildRecord, ChildSearchResult, ChronologyEntryView, PossibleMatch } from '@lantern/core/views';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childFor, childrenInScope, mayAct } from '../../kernel/access.ts';
import { audit, auditMany } from '../../kernel/audit.ts';
import type { Actor, CurrentUser } from '../../kernel/context.ts';
import type { Database, Person } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid, Problem, staleVersion } from '../../kernel/http/problem.ts';
import { addToChronology } from '../../kernel/records.ts';

const today = () => todayInEngland();
const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export function childView(p: Person): ChildRecord {
  return {
    childId: p.person_id,
    laChildId: p.la_child_id ?? '',
    givenName: p.given_name,
    familyName: p.family_name,
    otherNames: p.other_names,
    dateOfBirth: p.date_of_birth,
    expectedDateOfBirth: p.expected_date_of_birth,
    sex: p.sex,
    ethnicity: p.ethnicity,
    upn: p.upn,
    formerUpn: p.former_upn,
    upnUnknown: p.upn_unknown,
    nhsNumber: p.nhs_number,
    dateOfDeath: p.date_of_death,
    uasc: p.uasc,
    disabilities: p.disabilities,
    restricted: p.restricted,
    version: p.version,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

/** API field names to columns, for the fields a person changes on a child's record. */
const CHILD_COLUMNS = {
  laChildId: 'la_child_id',
  givenName: 'given_name',
  familyName: 'family_name',
  otherNames: 'other_names',
  dateOfBirth: 'date_of_birth',
  expectedDateOfBirth: 'expected_date_of_birth',
  sex: 'sex',
  ethnicity: 'ethnicity',
  upn: 'upn',
  formerUpn: 'former_upn',
  upnUnknown: 'upn_unknown',
  nhsNumber: 'nhs_number',
  dateOfDeath: 'date_of_death',
  uasc: 'uasc',
  disabilities: 'disabilities',
  restricted: 'restricted',
} as const satisfies Record<string, keyof Person>;
type ChildField = keyof typeof CHILD_COLUMNS;

// ---------------------------------------------------------------------------------------------
// Search

/** Reads "12/03/2015" or "2015-03-12" as a date of birth. */
function asDate(q: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (uk) return `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(q) ? q : null;
}

/** Finds children by name, LA child id, UPN, NHS number or date of birth; each shown child is audited. */
export async function searchChildren(db: Kysely<Database>, actor: Actor, q: string, limit: number): Promise<{ results: ChildSearchResult[]; total: number }> {
  const scope = scopeFor(actor.user.role, 'child:search');
  if (!scope) return { results: [], total: 0 };
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { results: [], total: 0 };
  const date = asDate(q.trim());
  const exact = q.trim().toUpperCase();
  const digits = q.replace(/\s/g, '');

  const base = db
    .selectFrom('person as p')
    .where(childrenInScope(actor.user, scope))
    .where((eb) => {
      const ors = [eb('p.la_child_id', '=', exact), eb('p.upn', '=', exact)];
      if (/^\d{10}$/.test(digits)) ors.push(eb('p.nhs_number', '=', digits));
      if (date) ors.push(eb('p.date_of_birth', '=', date));
      else {
        // "Van Dyke" or "Mary Jane": the whole phrase may begin a family or given name.
        const phrase = `${words.join(' ').replace(/[%_\\]/g, '\\$&')}%`;
        ors.push(eb(sql`lower(p.family_name)`, 'like', phrase), eb(sql`lower(p.given_name)`, 'like', phrase));
        ors.push(
          eb.and(
            words.map((w) => {
              const like = `${w.replace(/[%_\\]/g, '\\$&')}%`;
              return eb.or([eb(sql`lower(p.given_name)`, 'like', like), eb(sql`lower(p.family_name)`, 'like', like)]);
            }),
          ),
        );
      }
      return eb.or(ors);
    });

  const [rows, count] = await Promise.all([
    base
      .leftJoin('allocation as a', (j) =>
        j
          .onRef('a.la_code', '=', 'p.la_code')
          .onRef('a.child_id', '=', 'p.person_id')
          .on('a.end_date', 'is', null)
          .on('a.allocation_role', '=', 'social-worker'),
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
        'w.given_name as w_given',
        'w.family_name as w_family',
        't.name as team_name',
      ])
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .orderBy('p.date_of_birth')
      .limit(limit)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const results = rows.map((r) => ({
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
  await auditMany(db, actor, [
    { action: 'search', detail: { query: q, shown: results.length, total: Number(count.n) } },
    ...results.map((r) => ({ action: 'search' as const, recordType: 'child', recordId: r.childId, childId: r.childId, detail: { shownInSearch: true } })),
  ]);
  return { results, total: Number(count.n) };
}

// ---------------------------------------------------------------------------------------------
// Possible duplicates

type Maybe = string | null | undefined;
export type MatchQuery = { givenName?: Maybe; familyName?: Maybe; dateOfBirth?: Maybe; upn?: Maybe; nhsNumber?: Maybe };

/**
 * People already recorded who may be the child about to be added: the same UPN or NHS number
 * (strong), the same name and date of birth (strong), or the same date of birth with a similar
 * name, or the same full name (possible). Only people the user may see are shown.
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
      if (given && family) ors.push(eb.and([eb(sql`lower(p.family_name)`, '=', family), eb(sql`lower(p.given_name)`, '=', given)]));
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
  await auditMany(
    db,
    actor,
    matches
      .filter((m) => m.isChild)
      .map((m) => ({ action: 'search' as const, recordType: 'child', recordId: m.personId, childId: m.personId, detail: { shownAsPossibleMatch: true } })),
  );
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Create and update

/** UPNs and NHS numbers belong to one child: a second child with the same one is refused. */
async function uniqueIdentifierErrors(
  db: Kysely<Database>,
  laCode: string,
  values: { upn?: string | null | undefined; nhsNumber?: string | null | undefined; laChildId?: string | null | undefined },
  exceptId?: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const checks = [
    ['upn', 'upn', values.upn, 'Another child already has this UPN'],
    ['nhsNumber', 'nhs_number', values.nhsNumber, 'Another person already has this NHS number'],
    ['laChildId', 'la_child_id', values.laChildId, 'Another child already has this LA child id'],
  ] as const;
  for (const [field, column, value, message] of checks) {
    if (!value) continue;
    let query = db.selectFrom('person').select('person_id').where('la_code', '=', laCode).where(column, '=', value);
    if (exceptId) query = query.where('person_id', '<>', exceptId);
    if (await query.executeTakeFirst()) errors.push({ field, rule: `${field}-unique`, message });
  }
  return errors;
}

/** The next LA child id: the council's prefix and a running number (a council setting). */
async function nextLaChildId(trx: Kysely<Database>, laCode: string): Promise<string> {
  const prefixRow = await trx
    .selectFrom('council_setting')
    .select('value')
    .where('la_code', '=', laCode)
    .where('key', '=', 'child-id-prefix')
    .executeTakeFirst();
  const prefix = typeof prefixRow?.value === 'string' ? prefixRow.value : 'LC';
  for (;;) {
    // The row lock on the counter serialises concurrent creations. The first time, the counter
    // starts after the highest id already in use with this prefix (imported or seeded children).
    const row = await sql<{ value: number }>`
      insert into council_setting (la_code, key, value)
      values (${laCode}, 'child-id-counter', to_jsonb(1 + coalesce((
        select max(substring(la_child_id from ${prefix.length + 1})::bigint) from person
        where la_code = ${laCode} and la_child_id ~ ${`^${prefix.replace(/[^A-Za-z0-9]/g, '')}[0-9]{1,15}$`}), 0)))
      on conflict (la_code, key) do update set value = to_jsonb((council_setting.value #>> '{}')::bigint + 1), updated_at = now()
      returning (value #>> '{}')::bigint as value`.execute(trx);
    const id = `${prefix}${String(row.rows[0]?.value ?? 1).padStart(6, '0')}`;
    const taken = await trx.selectFrom('person').select('person_id').where('la_code', '=', laCode).where('la_child_id', '=', id).executeTakeFirst();
    if (!taken) return id;
  }
}

export async function createChild(db: Kysely<Database>, actor: Actor, input: NewChild): Promise<ChildRecord> {
  const laCode = actor.user.laCode;
  return db.transaction().execute(async (trx) => {
    const errors = await uniqueIdentifierErrors(trx, laCode, input);
    if (errors.length) throw new Problem(409, 'Conflict', 'This child may already be recorded', errors);
    if (!input.confirmNotDuplicate) {
      const matches = (await possibleMatches(trx, actor, input)).filter((m) => m.strength === 'strong');
      if (matches.length) {
        throw new Problem(
          409,
          'Possible duplicate',
          'People already recorded may be this child. Check them, then confirm this is a different child.',
          [{ field: 'confirmNotDuplicate', rule: 'possible-duplicate', message: 'Check the possible matches and confirm this is a different child' }],
          { possibleMatches: matches },
        );
      }
    }
    const personId = randomUUID();
    const laChildId = input.laChildId ?? (await nextLaChildId(trx, laCode));
    const row = await trx
      .insertInto('person')
      .values({
        la_code: laCode,
        person_id: personId,
        is_child: true,
        la_child_id: laChildId,
        given_name: input.givenName,
        family_name: input.familyName,
        other_names: input.otherNames ?? null,
        date_of_birth: input.dateOfBirth ?? null,
        expected_date_of_birth: input.expectedDateOfBirth ?? null,
        sex: input.sex,
        ethnicity: input.ethnicity,
        upn: input.upn ?? null,
        former_upn: input.formerUpn ?? null,
        upn_unknown: input.upnUnknown ?? null,
        nhs_number: input.nhsNumber ?? null,
        date_of_death: input.dateOfDeath ?? null,
        uasc: input.uasc,
        disabilities: input.disabilities,
        restricted: input.restricted,
        created_by: actor.user.userId,
        updated_by: actor.user.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = childView(row);
    await addToChronology(trx, actor, {
      childId: personId,
      occurredOn: today(),
      category: 'record',
      summary: `Child recorded by ${actor.user.displayName}`,
      recordType: 'child',
      recordId: personId,
    });
    await audit(trx, actor, { action: 'create', recordType: 'child', recordId: personId, childId: personId });
    return view;
  });
}

export async function updateChild(db: Kysely<Database>, actor: Actor, childId: string, changes: ChildChanges): Promise<ChildRecord> {
  return db.transaction().execute(async (trx) => {
    const current = await childFor(trx, actor.user, childId, 'child:update');
    if (current.version !== changes.version) throw staleVersion(current.version, changes.version);
    const before = childView(current);
    const fields = (Object.keys(CHILD_COLUMNS) as ChildField[]).filter(
      (f) => changes[f] !== undefined && JSON.stringify(changes[f]) !== JSON.stringify(before[f]),
    );
    if (fields.length === 0) return before;
    // Rules across fields are checked on the record as it will be, not only on what changed.
    const after = { ...before, ...Object.fromEntries(fields.map((f) => [f, changes[f]])) };
    const merged = childRecordRules.safeParse(after);
    if (!merged.success) {
      throw invalid(
        merged.error.issues.map((i) => ({
          field: i.path.join('.'),
          rule: String((i as { params?: { rule?: string } }).params?.rule ?? i.code),
          message: i.message,
        })),
      );
    }
    const uniqueErrors = await uniqueIdentifierErrors(trx, actor.user.laCode, Object.fromEntries(fields.map((f) => [f, changes[f]])), childId);
    if (uniqueErrors.length) throw new Problem(409, 'Conflict', 'Another record already has this identifier', uniqueErrors);

    const set: Record<string, unknown> = Object.fromEntries(fields.map((f) => [CHILD_COLUMNS[f], changes[f] ?? null]));
    const updated = await trx
      .updateTable('person')
      .set({ ...set, version: sql`version + 1`, updated_at: sql`now()`, updated_by: actor.user.userId })
      .where('la_code', '=', actor.user.laCode)
      .where('person_id', '=', childId)
      .where('version', '=', changes.version) // the optimistic lock: a concurrent change wins once
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      const now = await trx
        .selectFrom('person')
        .select('version')
        .where('la_code', '=', actor.user.laCode)
        .where('person_id', '=', childId)
        .executeTakeFirstOrThrow();
      throw staleVersion(now.version, changes.version);
    }
    const view = childView(updated);
    await addToChronology(trx, actor, {
      childId,
      occurredOn: today(),
      category: 'record',
      summary: `Record updated: ${fields.join(', ')}`,
      recordType: 'child',
      recordId: childId,
    });
    await audit(trx, actor, { action: 'update', recordType: 'child', recordId: childId, childId, detail: { fields, fromVersion: changes.version } });
    return view;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a child's case

export async function getChildCase(db: Kysely<Database>, actor: Actor, childId: string): Promise<ChildCase> {
  const user = actor.user;
  const child = await childFor(db, user, childId, 'child:read');
  const laCode = user.laCode;
  const may = (action: 'child:update' | 'chronology:write' | 'allocation:manage') => mayAct(db, user, childId, action);
  const [relationships, addresses, allocations, canUpdate, canAddNote, canAllocate] = await Promise.all([
    db
      .selectFrom('relationship as r')
      .innerJoin('person as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.person_id', '=', 'r.related_person_id'))
      .selectAll('r')
      .select([
        'o.person_id as o_id',
        'o.is_child as o_is_child',
        'o.la_child_id as o_la_child_id',
        'o.given_name as o_given',
        'o.family_name as o_family',
        'o.date_of_birth as o_dob',
        'o.sex as o_sex',
        'o.restricted as o_restricted',
      ])
      .where('r.la_code', '=', laCode)
      .where('r.person_id', '=', childId)
      .orderBy('r.relationship_type')
      .execute(),
    db.selectFrom('address').selectAll().where('la_code', '=', laCode).where('person_id', '=', childId).orderBy('start_date', 'desc').execute(),
    db
      .selectFrom('allocation as a')
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'w.la_code').onRef('t.team_id', '=', 'w.team_id'))
      .selectAll('a')
      .select(['w.given_name', 'w.family_name', 'w.job_role', 'w.team_id', 'w.employment', 't.name as team_name'])
      .where('a.la_code', '=', laCode)
      .where('a.child_id', '=', childId)
      .orderBy('a.start_date', 'desc')
      .execute(),
    may('child:update'),
    may('chronology:write'),
    may('allocation:manage'),
  ]);
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
  await audit(db, actor, { action: 'read', recordType: 'child', recordId: childId, childId });
  return {
    child: childView(child),
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
    canUpdate,
    canAddNote,
    canAllocate,
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
  await audit(db, actor, { action: 'read', recordType: 'chronology', recordId: childId, childId });
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
  return db.transaction().execute(async (trx) => {
    await childFor(trx, actor.user, childId, 'chronology:write');
    if (note.occurredOn > today()) throw invalid([{ field: 'occurredOn', rule: 'not-in-future', message: 'The date cannot be in the future' }]);
    const entryId = await addToChronology(trx, actor, { childId, ...note });
    await audit(trx, actor, { action: 'create', recordType: 'chronology', recordId: entryId, childId });
    return { entryId, ...note, recordType: null, recordedBy: actor.user.displayName, recordedAt: new Date().toISOString() };
  });
}

export async function getVersions(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await db
    .selectFrom('record_version as v')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'v.la_code').onRef('u.user_id', '=', 'v.changed_by'))
    .select(['v.version', 'v.data', 'v.changed_at', 'u.display_name'])
    .where('v.la_code', '=', actor.user.laCode)
    .where('v.record_type', '=', 'person')
    .where('v.record_id', '=', childId)
    .orderBy('v.version')
    .execute();
  await audit(db, actor, { action: 'read', recordType: 'child-history', recordId: childId, childId });
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

// ---------------------------------------------------------------------------------------------
// Family and addresses

export async function addRelationship(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newRelationship>) {
  const laCode = actor.user.laCode;
  return db.transaction().execute(async (trx) => {
    await childFor(trx, actor.user, childId, 'child:update');
    let relatedId = input.relatedPersonId;
    if (relatedId) {
      const exists = await trx.selectFrom('person').select('person_id').where('la_code', '=', laCode).where('person_id', '=', relatedId).executeTakeFirst();
      if (!exists) throw invalid([{ field: 'relatedPersonId', rule: 'exists', message: 'No such person is recorded' }]);
      if (relatedId === childId) throw invalid([{ field: 'relatedPersonId', rule: 'not-self', message: 'A child cannot be related to themselves' }]);
    } else if (input.newPerson) {
      relatedId = randomUUID();
      const p = input.newPerson;
      await trx
        .insertInto('person')
        .values({
          la_code: laCode,
          person_id: relatedId,
          is_child: false,
          given_name: p.givenName,
          family_name: p.familyName,
          date_of_birth: p.dateOfBirth ?? null,
          sex: p.sex,
          nhs_number: p.nhsNumber ?? null,
          created_by: actor.user.userId,
          updated_by: actor.user.userId,
        })
        .execute();
    }
    const relationshipId = randomUUID();
    await trx
      .insertInto('relationship')
      .values({
        la_code: laCode,
        relationship_id: relationshipId,
        person_id: childId,
        related_person_id: relatedId as string,
        relationship_type: input.type,
        parental_responsibility: input.parentalResponsibility,
        lives_with: input.livesWithChild,
        start_date: input.startDate ?? null,
        notes: input.notes ?? null,
        created_by: actor.user.userId,
      })
      .execute();
    const label = RELATIONSHIP_TYPE[input.type];
    const who = input.newPerson ? `${input.newPerson.givenName} ${input.newPerson.familyName}` : 'a person already recorded';
    await addToChronology(trx, actor, {
      childId,
      occurredOn: input.startDate ?? today(),
      category: 'family',
      summary: `${label} recorded: ${who}`,
      recordType: 'relationship',
      recordId: relationshipId,
    });
    await audit(trx, actor, { action: 'create', recordType: 'relationship', recordId: relationshipId, childId });
    return { relationshipId, relatedPersonId: relatedId as string };
  });
}

export async function addAddress(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newAddress>) {
  const laCode = actor.user.laCode;
  return db.transaction().execute(async (trx) => {
    await childFor(trx, actor.user, childId, 'child:update');
    const postcode = input.postcode
      .replace(/\s+/g, '')
      .toUpperCase()
      .replace(/^(.+)(\d[A-Z]{2})$/, '$1 $2');
    // A new current address ends the one before it, the day before the move.
    if (!input.endDate) {
      await trx
        .updateTable('address')
        .set({ end_date: sql`greatest(start_date, ${input.startDate}::date - 1)`, version: sql`version + 1` })
        .where('la_code', '=', laCode)
        .where('person_id', '=', childId)
        .where('end_date', 'is', null)
        .where('start_date', '<=', input.startDate)
        .execute();
    }
    const addressId = randomUUID();
    await trx
      .insertInto('address')
      .values({
        la_code: laCode,
        address_id: addressId,
        person_id: childId,
        line1: input.line1,
        line2: input.line2 ?? null,
        town: input.town,
        postcode,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        created_by: actor.user.userId,
      })
      .execute();
    await addToChronology(trx, actor, {
      childId,
      occurredOn: input.startDate,
      category: 'address',
      summary: `Address recorded: ${input.line1}, ${input.town} ${postcode}`,
      recordType: 'address',
      recordId: addressId,
    });
    await audit(trx, actor, { action: 'create', recordType: 'address', recordId: addressId, childId });
    return { addressId };
  });
}

export type { CurrentUser };
export { conflict };
