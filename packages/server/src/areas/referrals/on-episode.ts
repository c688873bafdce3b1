/** A record the worker starts on the child's open child-in-need episode: an assessment, a child in need plan. */
import type { Selectable } from 'kysely';
import { openEpisode } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import type { Ledger } from '../../kernel/ledger.ts';
import { insertNew, type NewValues } from '../../kernel/new-record.ts';
import { recordKey, recordType } from '../../kernel/record-keys.ts';
import { DateRules } from '../../kernel/rules.ts';

type StartedOnEpisode = 'assessment' | 'cin_plan';
type Episode = Selectable<Database['cin_episode']>;

/**
 * Starts the record on the open episode (409 without one) from a day neither in the future nor
 * before the referral, once `mayStart` has found nothing in the way; notes it on the chronology.
 */
export async function startOnEpisode<T extends StartedOnEpisode>(
  ledger: Ledger,
  actor: Actor,
  childId: string,
  table: T,
  start: { startDate: string; category: string; summary: string },
  mayStart: (episode: Episode) => Promise<void>,
): Promise<Selectable<Database[T]>> {
  const episode = await openEpisode(ledger.db, actor.user.laCode, childId);
  new DateRules().notInFuture('startDate', start.startDate).notBefore('startDate', start.startDate, episode.referral_date, 'the referral').check();
  await mayStart(episode);
  const values = { episode_id: episode.episode_id, child_id: childId, start_date: start.startDate, created_by: actor.user.userId };
  // Both tables take these same columns; the compiler cannot see that through the type parameter.
  const row = await insertNew(ledger, table, values as unknown as NewValues<T>);
  const recordId = recordKey(table, row);
  ledger.chronicle({ occurredOn: start.startDate, category: start.category, summary: start.summary, recordType: recordType(table), recordId });
  return row;
}
