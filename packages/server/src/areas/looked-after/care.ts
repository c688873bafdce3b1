/**
 * What happens while a child is looked after: the social worker's visits (reg. 28), reviews
 * chaired by the IRO (reg. 33), and missing or absent episodes with their return home interview.
 */
import {
  MISSING_KIND,
  type missingEpisodeChanges,
  type newClaReview,
  type newLookedAfterVisit,
  type newMissingEpisode,
  PARTICIPATION,
} from '@lantern/core/looked-after';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { claEpisodeOn } from './episodes.ts';

type In<T extends z.ZodType> = z.infer<T>;

function notLookedAfter(field: string, on: string) {
  return conflict(`The child was not looked after on ${on}`, [{ field, rule: 'looked-after-on-date', message: `The child was not looked after on ${on}` }]);
}

export async function recordLookedAfterVisit(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newLookedAfterVisit>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    new DateRules().notInFuture('visitedOn', input.visitedOn).check();
    const episode = await claEpisodeOn(trx, laCode, childId, input.visitedOn);
    if (!episode) throw notLookedAfter('visitedOn', input.visitedOn);
    const { visit_id: visitId } = await insertNew(ledger, 'visit', {
      child_id: childId,
      episode_id: null,
      visited_on: input.visitedOn,
      purpose: 'looked-after',
      child_seen: input.childSeen,
      seen_alone: input.seenAlone,
      child_words: input.childWords ?? null,
      face_to_face: input.faceToFace,
      location: input.location ?? null,
      placement_id: episode.placement_id,
      worker_id: actor.user.workerId,
      created_by: actor.user.userId,
    });
    const seen = input.childSeen ? (input.seenAlone ? 'child seen alone' : 'child seen') : 'child not seen';
    ledger.chronicle({
      occurredOn: input.visitedOn,
      category: 'visit',
      summary: `Looked-after visit${input.faceToFace ? '' : ' (not face to face)'}${input.location ? ` at ${input.location}` : ''}: ${seen}${input.childWords ? ` — “${input.childWords}”` : ''}`,
      recordType: 'visit',
      recordId: visitId,
    });
    return { visitId };
  });
}

export async function recordClaReview(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newClaReview>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const episode = await claEpisodeOn(trx, laCode, childId, input.heldOn);
    if (!episode) throw notLookedAfter('heldOn', input.heldOn);
    const period = await trx
      .selectFrom('care_period')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('period_id', '=', episode.period_id)
      .executeTakeFirstOrThrow();
    const previous = await trx
      .selectFrom('cla_review')
      .select(['held_on'])
      .where('la_code', '=', laCode)
      .where('period_id', '=', period.period_id)
      .orderBy('held_on', 'desc')
      .executeTakeFirst();
    new DateRules()
      .notInFuture('heldOn', input.heldOn)
      .notBefore('heldOn', input.heldOn, previous?.held_on, 'the last review')
      .notInFuture('iroContactOn', input.iroContactOn)
      .notBefore('iroContactOn', input.iroContactOn, previous?.held_on ?? period.start_date, previous ? 'the last review' : 'the child became looked after')
      .check();
    const errors: FieldError[] = [];
    if (input.iroContactOn && input.iroContactOn > input.heldOn)
      errors.push({ field: 'iroContactOn', rule: 'before-review', message: 'The IRO’s contact with the child is the one before the review' });
    // The chair: the one named, else the IRO recording it, else the child's IRO.
    const iro = await ledger.row('allocation', { child_id: childId, allocation_role: 'iro', end_date: null });
    const chair = input.chairWorkerId ?? (actor.user.role === 'iro' ? actor.user.workerId : null) ?? iro?.worker_id ?? null;
    if (!chair) errors.push({ field: 'chairWorkerId', rule: 'iro-chairs', message: 'Name the IRO who chaired the review (the child has no IRO allocated)' });
    else if (!(await ledger.row('worker', { worker_id: chair })))
      errors.push({ field: 'chairWorkerId', rule: 'exists', message: 'Choose a worker of this council' });
    if (errors.length) throw invalid(errors);
    const { review_id: reviewId } = await insertNew(ledger, 'cla_review', {
      child_id: childId,
      period_id: period.period_id,
      held_on: input.heldOn,
      chair_worker_id: chair,
      participation: input.participation,
      child_words: input.childWords ?? null,
      iro_contact_on: input.iroContactOn ?? null,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.heldOn,
      category: 'review',
      summary: `Looked-after review: ${PARTICIPATION[input.participation]}${input.childWords ? ` — the child said: “${input.childWords}”` : ''}${input.iroContactOn ? `. The IRO spoke with the child on ${input.iroContactOn}` : '. The IRO had not spoken with the child first'}`,
      recordType: 'cla-review',
      recordId: reviewId,
    });
    return { reviewId, periodId: period.period_id };
  });
}

/** The day an instant falls on in England. */
export const londonDay = (at: string | Date) => new Date(at).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

const notFutureInstant = (errors: FieldError[], field: string, at: string | null | undefined) => {
  if (at && Date.parse(at) > Date.now()) errors.push({ field, rule: 'not-in-future', message: 'The time cannot be in the future' });
};

export async function recordMissingEpisode(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newMissingEpisode>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const errors: FieldError[] = [];
    notFutureInstant(errors, 'startedAt', input.startedAt);
    notFutureInstant(errors, 'endedAt', input.endedAt);
    if (input.endedAt && Date.parse(input.endedAt) < Date.parse(input.startedAt))
      errors.push({ field: 'endedAt', rule: 'not-before', message: 'The return cannot be before the child went missing' });
    if (errors.length) throw invalid(errors);
    if (await ledger.row('missing_episode', { child_id: childId, ended_at: null }))
      throw conflict('The child is already recorded as missing or away: record their return first', [
        { field: 'startedAt', rule: 'already-missing', message: 'Record the return from the open episode first' },
      ]);
    const startDay = londonDay(input.startedAt);
    const episode = await claEpisodeOn(trx, laCode, childId, startDay);
    const { missing_id: missingId } = await insertNew(ledger, 'missing_episode', {
      child_id: childId,
      period_id: episode?.period_id ?? null,
      kind: input.kind,
      started_at: input.startedAt,
      ended_at: input.endedAt ?? null,
      circumstances: input.circumstances ?? null,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: startDay,
      category: 'missing',
      summary: `${MISSING_KIND[input.kind]}${input.circumstances ? `: ${input.circumstances}` : ''}`,
      recordType: 'missing-episode',
      recordId: missingId,
    });
    return { missingId };
  });
}

/** The return, and the return home interview: when it was offered, whether accepted, what was learned. */
export async function updateMissingEpisode(db: Kysely<Database>, actor: Actor, childId: string, missingId: string, input: In<typeof missingEpisodeChanges>) {
  return step(db, actor, childId, async (ledger) => {
    const m = await ledger.find('missing_episode', { missing_id: missingId, child_id: childId }, 'missing episode', { lock: true });
    const endedAt = input.endedAt !== undefined ? input.endedAt : m.ended_at ? m.ended_at.toISOString() : null;
    const offeredAt = input.rhiOfferedAt !== undefined ? input.rhiOfferedAt : m.rhi_offered_at ? m.rhi_offered_at.toISOString() : null;
    const errors: FieldError[] = [];
    notFutureInstant(errors, 'endedAt', input.endedAt);
    notFutureInstant(errors, 'rhiOfferedAt', input.rhiOfferedAt);
    if (endedAt && Date.parse(endedAt) < m.started_at.getTime())
      errors.push({ field: 'endedAt', rule: 'not-before', message: 'The return cannot be before the child went missing' });
    if (offeredAt && !endedAt)
      errors.push({ field: 'rhiOfferedAt', rule: 'return-first', message: 'Record the child’s return before the return home interview' });
    if (offeredAt && endedAt && Date.parse(offeredAt) < Date.parse(endedAt))
      errors.push({ field: 'rhiOfferedAt', rule: 'not-before', message: 'The interview is offered after the child returns' });
    const accepted = input.rhiAccepted !== undefined ? input.rhiAccepted : m.rhi_accepted;
    if (accepted !== null && !offeredAt) errors.push({ field: 'rhiAccepted', rule: 'offer-first', message: 'Record when the interview was offered' });
    if (errors.length) throw invalid(errors);
    const saved = await ledger.update(
      'missing_episode',
      { missing_id: missingId },
      {
        ended_at: endedAt,
        rhi_offered_at: offeredAt,
        rhi_accepted: accepted,
        rhi_learned: input.rhiLearned !== undefined ? input.rhiLearned : m.rhi_learned,
      },
      { fromVersion: input.version },
    );
    const parts = [
      input.endedAt ? 'returned' : null,
      input.rhiOfferedAt ? `return home interview offered${accepted === true ? ' and accepted' : accepted === false ? ' and declined' : ''}` : null,
      input.rhiLearned ? `learned: ${input.rhiLearned}` : null,
    ].filter(Boolean);
    const day = londonDay(endedAt ?? m.started_at);
    if (parts.length)
      ledger.chronicle({
        occurredOn: day,
        category: 'missing',
        summary: `Missing episode: ${parts.join('; ')}`,
        recordType: 'missing-episode',
        recordId: missingId,
      });
    return { missingId, version: saved.version };
  });
}
