/** What this area's parts share: the rules its pages show, chronology entries, the child's periods of care. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../kernel/db/schema.ts';

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

export function carePeriods(db: Kysely<Database>, laCode: string, childId: string) {
  return db.selectFrom('care_period').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date').execute();
}
