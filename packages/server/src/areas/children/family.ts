import { RELATIONSHIP_TYPE } from '@lantern/core/codes';
import type { newAddress, newRelationship } from '@lantern/core/schemas';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { today } from './views.ts';
// ---------------------------------------------------------------------------------------------
// Family and addresses

export async function addRelationship(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newRelationship>) {
  return step(db, actor, childId, async (ledger) => {
    let relatedId = input.relatedPersonId;
    if (relatedId) {
      if (!(await ledger.row('person', { person_id: relatedId })))
        throw invalid([{ field: 'relatedPersonId', rule: 'exists', message: 'No such person is recorded' }]);
      if (relatedId === childId) throw invalid([{ field: 'relatedPersonId', rule: 'not-self', message: 'A child cannot be related to themselves' }]);
    } else if (input.newPerson) {
      const p = input.newPerson;
      ({ person_id: relatedId } = await insertNew(ledger, 'person', {
        is_child: false,
        given_name: p.givenName,
        family_name: p.familyName,
        date_of_birth: p.dateOfBirth ?? null,
        sex: p.sex,
        nhs_number: p.nhsNumber ?? null,
        created_by: actor.user.userId,
        updated_by: actor.user.userId,
      }));
    }
    const { relationship_id: relationshipId } = await insertNew(ledger, 'relationship', {
      person_id: childId,
      related_person_id: relatedId as string,
      relationship_type: input.type,
      parental_responsibility: input.parentalResponsibility,
      lives_with: input.livesWithChild,
      start_date: input.startDate ?? null,
      notes: input.notes ?? null,
      created_by: actor.user.userId,
    });
    const label = RELATIONSHIP_TYPE[input.type];
    const who = input.newPerson ? `${input.newPerson.givenName} ${input.newPerson.familyName}` : 'a person already recorded';
    ledger.chronicle({
      occurredOn: input.startDate ?? today(),
      category: 'family',
      summary: `${label} recorded: ${who}`,
      recordType: 'relationship',
      recordId: relationshipId,
    });
    return { relationshipId, relatedPersonId: relatedId as string };
  });
}

export async function addAddress(db: Kysely<Database>, actor: Actor, childId: string, input: z.infer<typeof newAddress>) {
  const laCode = actor.user.laCode;
  return step(db, actor, childId, async (ledger) => {
    const postcode = input.postcode
      .replace(/\s+/g, '')
      .toUpperCase()
      .replace(/^(.+)(\d[A-Z]{2})$/, '$1 $2');
    // A new current address ends the one before it, the day before the move.
    if (!input.endDate) {
      const ended = await ledger.db
        .updateTable('address')
        .set({ end_date: sql`greatest(start_date, ${input.startDate}::date - 1)` })
        .where('la_code', '=', laCode)
        .where('person_id', '=', childId)
        .where('end_date', 'is', null)
        .where('start_date', '<=', input.startDate)
        .returningAll()
        .execute();
      for (const row of ended) ledger.wroteRecord('address', row, 'update');
    }
    const { address_id: addressId } = await insertNew(ledger, 'address', {
      person_id: childId,
      line1: input.line1,
      line2: input.line2 ?? null,
      town: input.town,
      postcode,
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.startDate,
      category: 'address',
      summary: `Address recorded: ${input.line1}, ${input.town} ${postcode}`,
      recordType: 'address',
      recordId: addressId,
    });
    return { addressId };
  });
}
