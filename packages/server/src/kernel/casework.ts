import type { Kysely } from 'kysely';
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
