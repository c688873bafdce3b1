/** What this area's parts share: the rules its pages show, chronology entries, the child's periods of care. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid, staleVersion } from '../../kernel/http/problem.ts';
import type { Ledger, WriteOptions } from '../../kernel/ledger.ts';
import { recordKey, recordType } from '../../kernel/record-keys.ts';
import { insertNew, type NewValues } from '../../kernel/new-record.ts';

export type In<T extends z.ZodType> = z.infer<T>;
/** The rules this area's records start, meet or end: the ones its pages show. */
export const CARE_RULES = [
  'health-assessment-initial',
  'health-assessment-review',
  'pep-initial',
  'pep-review',
  'uasc-looked-after',
  'uasc-transfer',
  'pathway-plan',
  'pathway-plan-review',
  'pa-visit',
] as const;

export const entry = (occurredOn: string, category: string, summary: string, recordType: string, recordId: string) => ({
  occurredOn,
  category,
  summary,
  recordType,
  recordId,
});

/** The records a child has one of (per birthday, for the contacts): saved whole each time. */
type SavedWhole = 'care_leaver' | 'uasc_record' | 'leaver_birthday_contact';

/**
 * Saves one of the child's records kept whole: written the first time (a version other than 1 is
 * then stale, where `firstIsVersion1`), else changed from the version the user sent — refused, with
 * `sendVersion`, when none was sent.
 */
export async function saveWhole<T extends SavedWhole>(
  ledger: Ledger,
  table: T,
  key: Partial<Selectable<Database[T]>>,
  saving: { exists: boolean; values: Updateable<Database[T]>; version: number | undefined; sendVersion: string; firstIsVersion1?: boolean },
  options: WriteOptions = {},
): Promise<{ version: number }> {
  const { exists, values, version, sendVersion } = saving;
  if (exists) {
    if (version === undefined) throw invalid([{ field: 'version', rule: 'required-on-update', message: sendVersion }]);
    return (await ledger.update(table, key, values, { ...options, fromVersion: version })) as { version: number };
  }
  if (saving.firstIsVersion1 && version !== undefined && version !== 1) throw staleVersion(0, version);
  const created = { la_code: ledger.laCode, ...key, ...values, created_by: ledger.actor?.user.userId };
  // The compiler cannot follow the union of tables; the columns are checked by the signature above.
  return (await ledger.insert(table, created as unknown as Insertable<Database[T]>, options)) as { version: number };
}

export function carePeriods(db: Kysely<Database>, laCode: string, childId: string) {
  return db.selectFrom('care_period').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date').execute();
}

/** The child's records this area adds one at a time, each under a new id of its own. */
type ChildRecord =
  | 'health_check'
  | 'health_outcome'
  | 'pep'
  | 'permanence_plan'
  | 'adoption'
  | 'permanence_order'
  | 'pathway_plan'
  | 'leaver_accommodation'
  | 'pa_visit';

/**
 * Adds one of the child's records — a health check, a plan, a visit… — in a step on the child: a
 * new id, the council, the child and the user who recorded it filled in, and its entry on the
 * child's chronology (named as the audit trail names the record). Returns the row as written.
 */
export async function recordForChild<T extends ChildRecord>(
  ledger: Ledger,
  table: T,
  values: Omit<NewValues<T>, 'child_id' | 'created_by'>,
  onChronology: { occurredOn: string; category: string; summary: string },
): Promise<Selectable<Database[T]>> {
  const childId = ledger.childId;
  const userId = ledger.actor?.user.userId;
  if (!childId || !userId) throw new Error('A child’s record is added in a step on the child, by a user');
  const written = await insertNew(ledger, table, { child_id: childId, ...values, created_by: userId } as unknown as NewValues<T>);
  ledger.chronicle({ ...onChronology, recordType: recordType(table), recordId: recordKey(table, written) });
  return written;
}
