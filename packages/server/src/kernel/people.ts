/**
 * The council's workers and partner contacts as forms and pages name them: a worker as "Given
 * Family", a partner contact as "Name (Organisation)"; by id, or the lists a form offers.
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

/** The names of the council's partner contacts among the ids, with their organisation, by id. */
export async function contactNames(db: Kysely<Database>, laCode: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('partner_contact as c')
    .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'c.la_code').onRef('o.organisation_id', '=', 'c.organisation_id'))
    .select(['c.contact_id', 'c.name', 'o.name as organisation'])
    .where('c.la_code', '=', laCode)
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
  return db
    .selectFrom('partner_contact as c')
    .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'c.la_code').onRef('o.organisation_id', '=', 'c.organisation_id'))
    .select(['c.contact_id', 'c.name', 'c.job_title', 'o.name as organisation'])
    .where('c.la_code', '=', laCode)
    .where('c.active', '=', true)
    .orderBy('o.name')
    .orderBy('c.name')
    .execute();
}
