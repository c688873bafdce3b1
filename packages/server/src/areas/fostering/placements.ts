/**
 * A looked-after placement with an in-house carer names the household (cla_episode.foster_household_id,
 * the record the SSDA903 return reads). The looked-after area calls this while checking a placement.
 */
import { termsMisfit, type Terms } from '@lantern/core/fostering';
import { ageOn } from '@lantern/core/looked-after';
import type { Kysely } from 'kysely';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import type { FieldError } from '../../kernel/http/problem.ts';

const FOSTER_TYPES = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

/** Problems with placing this child with the household on the day (empty when none), and the household's postcode. */
export async function inHouseCarer(
  db: Kysely<Database>,
  laCode: string,
  householdId: string,
  placement: { placementType: string; childDob: string | null; childSex: string | null; on: string; excludingChild: string },
  field: string,
): Promise<{ errors: FieldError[]; postcode: string | null }> {
  const h = await rowByKey(db, laCode, 'foster_household', { household_id: householdId });
  if (!h) return { errors: [{ field, rule: 'exists', message: 'Choose a household from the fostering register' }], postcode: null };
  const errors: FieldError[] = [];
  if (!FOSTER_TYPES.has(placement.placementType))
    errors.push({ field, rule: 'foster-placement', message: 'A carer household is named only for a foster placement' });
  const temporary = h.temporary_from !== null && h.temporary_from <= placement.on && !h.decision;
  if (h.status !== 'approved' && !temporary) errors.push({ field, rule: 'approved-household', message: `${h.name} are not approved foster carers today` });
  if (h.max_children !== null && placement.childDob) {
    const terms: Terms = {
      maxChildren: h.max_children,
      ageFrom: h.age_from ?? 0,
      ageTo: h.age_to ?? 17,
      sex: (h.terms_sex ?? 'any') as Terms['sex'],
      placementTypes: h.placement_types ?? [],
    };
    for (const m of termsMisfit(terms, { age: ageOn(placement.childDob, placement.on), sex: placement.childSex }, null))
      errors.push({ field, rule: 'approval-terms', message: `Outside ${h.name}’s approval: ${m.toLowerCase()}` });
    const placed = await db
      .selectFrom('cla_episode')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('la_code', '=', laCode)
      .where('foster_household_id', '=', householdId)
      .where('end_date', 'is', null)
      .where('child_id', '<>', placement.excludingChild)
      .executeTakeFirstOrThrow();
    if (Number(placed.n) >= h.max_children)
      errors.push({ field, rule: 'approval-terms', message: `${h.name} have no free place (approved for ${h.max_children})` });
  }
  return { errors, postcode: h.postcode || null };
}
