/** Which of the workers and partner contacts a record names are the council's own and current. */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

const distinct = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => Boolean(x)))];

/**
 * Among the ids given: the council's workers still working (or, with `workingOn`, not yet left by
 * that day) and its active partner contacts. Empty and repeated ids are passed over.
 */
export async function knownPeople(
  db: Kysely<Database>,
  laCode: string,
  ids: { workerIds: readonly (string | null | undefined)[]; contactIds: readonly (string | null | undefined)[]; workingOn?: string },
) {
  const workerIds = distinct(ids.workerIds);
  const contactIds = distinct(ids.contactIds);
  const { workingOn } = ids;
  const workers = workerIds.length
    ? await db
        .selectFrom('worker')
        .select('worker_id')
        .where('la_code', '=', laCode)
        .where('worker_id', 'in', workerIds)
        .where((eb) => (workingOn ? eb.or([eb('leave_date', 'is', null), eb('leave_date', '>=', workingOn)]) : eb('leave_date', 'is', null)))
        .execute()
    : [];
  const contacts = contactIds.length
    ? await db
        .selectFrom('partner_contact')
        .select('contact_id')
        .where('la_code', '=', laCode)
        .where('contact_id', 'in', contactIds)
        .where('active', '=', true)
        .execute()
    : [];
  return { workers: new Set(workers.map((w) => w.worker_id)), contacts: new Set(contacts.map((c) => c.contact_id)) };
}
