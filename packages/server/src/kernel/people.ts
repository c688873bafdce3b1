/**
 * The council's workers and partner contacts as forms and pages name them: a worker as "Given
 * Family", a partner contact as "Name (Organisation)"; by id, or the lists a form offers; and which
 * of the ids a record names are the council's own and current.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** The names of the council's workers among the ids, by id (leavers too: a record names who acted then). */
export async function workerNames(db: Kysely<Database>, laCode: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('worker')
    .select(['worker_id', 'given_name', 'family_name'])
    .where('la_code', '=', laCode)
    .where('worker_id', 'in', ids)
    .execute();
  return new Map(rows.map((w) => [w.worker_id, `${w.given_name} ${w.family_name}`]));
}

/** The council's partner contacts (`c`), each with their organisation (`o`): a contact is named with it. */
function contactsWithOrganisation(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('partner_contact as c')
    .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'c.la_code').onRef('o.organisation_id', '=', 'c.organisation_id'))
    .where('c.la_code', '=', laCode);
}

/** The names of the council's partner contacts among the ids, with their organisation, by id. */
export async function contactNames(db: Kysely<Database>, laCode: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await contactsWithOrganisation(db, laCode)
    .select(['c.contact_id', 'c.name', 'o.name as organisation'])
    .where('c.contact_id', 'in', ids)
    .execute();
  return new Map(rows.map((c) => [c.contact_id, `${c.name} (${c.organisation})`]));
}

/** The council's current workers, by family then given name: whom a form offers to own or chair something. */
export function currentWorkers(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('worker')
    .select(['worker_id', 'given_name', 'family_name', 'job_role'])
    .where('la_code', '=', laCode)
    .where('leave_date', 'is', null)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

/** The council's active partner contacts, by organisation then name. */
export function activeContacts(db: Kysely<Database>, laCode: string) {
  return contactsWithOrganisation(db, laCode)
    .select(['c.contact_id', 'c.name', 'c.job_title', 'o.name as organisation'])
    .where('c.active', '=', true)
    .orderBy('o.name')
    .orderBy('c.name')
    .execute();
}

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
