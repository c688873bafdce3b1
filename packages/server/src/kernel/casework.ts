import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from './db/schema.ts';
import { conflict } from './http/problem.ts';

/** The child's open child-in-need episode, or a 409 saying one is needed. */
export async function openEpisode(trx: Kysely<Database>, laCode: string, childId: string) {
  const episode = await trx
    .selectFrom('cin_episode')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('closure_date', 'is', null)
    .executeTakeFirst();
  if (!episode)
    throw conflict('The child has no open child-in-need episode: record a referral first', [
      { field: 'childId', rule: 'open-episode-required', message: 'Record a referral first' },
    ]);
  return episode;
}

/** The child's open child-in-need episode, if there is one (at most one is open). */
export function currentEpisode(trx: Kysely<Database>, laCode: string, childId: string) {
  return trx
    .selectFrom('cin_episode')
    .select('episode_id')
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('closure_date', 'is', null)
    .executeTakeFirst();
}

/** The kinds of record a child has at most one of open at a time (open: no end date yet). */
type ChildSpan = 'cin_plan' | 'cp_plan' | 'cla_episode';

/** The child's open record of a kind (at most one is open); the caller locks it for a change. */
export function openSpan<T extends ChildSpan>(trx: Kysely<Database>, table: T, laCode: string, childId: string) {
  const open = trx
    .selectFrom(table as ChildSpan)
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('end_date', 'is', null);
  // Kysely cannot follow a table name that is a type parameter; the rows are that table's.
  return open as unknown as SelectQueryBuilder<Database, T, Selectable<Database[T]>>;
}

/** Every kept version of a record, oldest first, with who saved each (the ledger keeps them: migration 0015). */
export function keptVersions(db: Kysely<Database>, laCode: string, recordType: string, recordId: string) {
  return db
    .selectFrom('record_version as v')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'v.la_code').onRef('u.user_id', '=', 'v.changed_by'))
    .select(['v.version', 'v.data', 'v.changed_at', 'u.display_name', 'v.child_id'])
    .where('v.la_code', '=', laCode)
    .where('v.record_type', '=', recordType)
    .where('v.record_id', '=', recordId)
    .orderBy('v.version')
    .execute();
}
