import { DEFAULT_CHILD_ID_PREFIX } from '@lantern/core/identifiers';
import { type ChildChanges, childRecordRules, type NewChild } from '@lantern/core/schemas';
import type { ChildRecord } from '@lantern/core/views';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { type FieldError, invalid, Problem, staleVersion } from '../../kernel/http/problem.ts';
import { change, step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { possibleMatches } from './search.ts';
import { CHILD_COLUMNS, type ChildField, childView, today } from './views.ts';

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
  const prefix = typeof prefixRow?.value === 'string' ? prefixRow.value : DEFAULT_CHILD_ID_PREFIX;
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
    if (!(await rowByKey(trx, laCode, 'person', { la_child_id: id }))) return id;
  }
}

export async function createChild(db: Kysely<Database>, actor: Actor, input: NewChild): Promise<ChildRecord> {
  const laCode = actor.user.laCode;
  // A new child is no one's case yet: a change, which names the child in its trail all the same.
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
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
    const laChildId = input.laChildId ?? (await nextLaChildId(trx, laCode));
    const row = await insertNew(
      ledger,
      'person',
      {
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
      },
      { recordType: 'child' },
    );
    ledger.chronicle({
      childId: row.person_id,
      occurredOn: today(),
      category: 'record',
      summary: `Child recorded by ${actor.user.displayName}`,
      recordType: 'child',
      recordId: row.person_id,
    });
    return childView(row);
  });
}

export async function updateChild(db: Kysely<Database>, actor: Actor, childId: string, changes: ChildChanges): Promise<ChildRecord> {
  return step(db, actor, childId, async (ledger, current) => {
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
    const uniqueErrors = await uniqueIdentifierErrors(ledger.db, actor.user.laCode, Object.fromEntries(fields.map((f) => [f, changes[f]])), childId);
    if (uniqueErrors.length) throw new Problem(409, 'Conflict', 'Another record already has this identifier', uniqueErrors);

    const set: Record<string, unknown> = Object.fromEntries(fields.map((f) => [CHILD_COLUMNS[f], changes[f] ?? null]));
    // The optimistic lock: a concurrent change wins once, and this one gets 409.
    const updated = await ledger.update(
      'person',
      { person_id: childId },
      { ...set, updated_at: new Date(), updated_by: actor.user.userId },
      { fromVersion: changes.version, recordType: 'child', detail: { fields, fromVersion: changes.version } },
    );
    ledger.chronicle({
      occurredOn: today(),
      category: 'record',
      summary: `Record updated: ${fields.join(', ')}`,
      recordType: 'child',
      recordId: childId,
    });
    return childView(updated);
  });
}
