/**
 * What is recorded during early help: the lead professional and the team around the family, the
 * early help assessment, reviews with the family, and the end (needs met, or the family stopped
 * taking part; a step-up is recorded by the referral that makes it). The plan is a plan document
 * (areas/plans, kind 'early-help').
 */
import { todayInEngland } from '@lantern/core/calendar';
import { EARLY_HELP_END, type earlyHelpAssessment, type earlyHelpEnding, type earlyHelpReview, type earlyHelpTeam } from '@lantern/core/early-help';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid } from '../../kernel/http/problem.ts';
import { knownPeople } from '../../kernel/people.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { episodeFor } from './episodes.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The child's episode, locked and still open. */
async function openEpisodeFor(ledger: Ledger, childId: string, earlyHelpId: string) {
  const e = await episodeFor(ledger, childId, earlyHelpId);
  if (e.ended_on) throw conflict(`Early help ended on ${e.ended_on}`, [{ field: 'earlyHelpId', rule: 'episode-ended', message: 'This episode has ended' }]);
  return e;
}

/**
 * A change to the episode made from the version the worker's form was at (409 if it has moved on
 * since), noted on the child's chronology.
 */
async function changeEpisode(
  ledger: Ledger,
  earlyHelpId: string,
  changes: Updateable<Database['early_help_episode']>,
  options: { fromVersion: number; detail?: Record<string, unknown> },
  entry: { occurredOn: string; summary: string },
) {
  const row = await ledger.update('early_help_episode', { early_help_id: earlyHelpId }, changes, options);
  ledger.chronicle({ ...entry, category: 'early-help', recordType: 'early-help-episode', recordId: earlyHelpId });
  return { earlyHelpId, version: row.version };
}

export async function saveTeam(db: Kysely<Database>, actor: Actor, childId: string, earlyHelpId: string, input: In<typeof earlyHelpTeam>) {
  return step(db, actor, childId, async (ledger) => {
    await openEpisodeFor(ledger, childId, earlyHelpId);
    const taf = input.teamAroundFamily;
    const known = await knownPeople(ledger.db, ledger.laCode, {
      workerIds: [input.leadWorkerId, ...taf.map((m) => m.workerId)],
      contactIds: [input.leadContactId, ...taf.map((m) => m.partnerContactId)],
    });
    const errors: FieldError[] = [];
    if (input.leadKind === 'worker' && input.leadWorkerId && !known.workers.has(input.leadWorkerId))
      errors.push({ field: 'leadWorkerId', rule: 'known-worker', message: 'Not one of the council’s current workers' });
    if (input.leadKind === 'partner' && input.leadContactId && !known.contacts.has(input.leadContactId))
      errors.push({ field: 'leadContactId', rule: 'known-contact', message: 'Not a current contact at a partner agency' });
    for (const [i, m] of taf.entries()) {
      if (m.workerId && !known.workers.has(m.workerId))
        errors.push({ field: `teamAroundFamily.${i}.workerId`, rule: 'known-worker', message: 'Not one of the council’s current workers' });
      if (m.partnerContactId && !known.contacts.has(m.partnerContactId))
        errors.push({ field: `teamAroundFamily.${i}.partnerContactId`, rule: 'known-contact', message: 'Not a current contact at a partner agency' });
    }
    if (errors.length) throw invalid(errors);
    return changeEpisode(
      ledger,
      earlyHelpId,
      {
        lead_kind: input.leadKind,
        lead_worker_id: input.leadKind === 'worker' ? (input.leadWorkerId ?? null) : null,
        lead_contact_id: input.leadKind === 'partner' ? (input.leadContactId ?? null) : null,
        team_around_family: JSON.stringify(taf),
      },
      { fromVersion: input.version },
      {
        occurredOn: todayInEngland(),
        summary: `Early help lead professional and team around the family recorded${taf.length ? `: ${taf.map((m) => `${m.name} (${m.role})`).join(', ')}` : ''}`,
      },
    );
  });
}

export async function saveAssessment(db: Kysely<Database>, actor: Actor, childId: string, earlyHelpId: string, input: In<typeof earlyHelpAssessment>) {
  return step(db, actor, childId, async (ledger) => {
    const e = await openEpisodeFor(ledger, childId, earlyHelpId);
    new DateRules().notInFuture('completedOn', input.completedOn).notBefore('completedOn', input.completedOn, e.started_on, 'early help began').check();
    return changeEpisode(
      ledger,
      earlyHelpId,
      {
        assessment_completed_on: input.completedOn,
        assessment_strengths: input.strengths,
        assessment_needs: input.needs,
        assessment_family_views: input.familyViews,
      },
      { fromVersion: input.version },
      { occurredOn: input.completedOn, summary: `Early help assessment completed. Needs: ${input.needs}` },
    );
  });
}

export async function recordReview(db: Kysely<Database>, actor: Actor, childId: string, earlyHelpId: string, input: In<typeof earlyHelpReview>) {
  return step(db, actor, childId, async (ledger) => {
    const e = await openEpisodeFor(ledger, childId, earlyHelpId);
    const dates = new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, e.started_on, 'early help began');
    if (input.nextReviewOn && input.nextReviewOn <= input.heldOn)
      throw invalid([{ field: 'nextReviewOn', rule: 'after-review', message: 'The next review must be after this one' }]);
    dates.check();
    const row = await insertNew(ledger, 'early_help_review', {
      early_help_id: earlyHelpId,
      child_id: childId,
      held_on: input.heldOn,
      attended: input.attended,
      progress: input.progress,
      family_views: input.familyViews,
      next_review_on: input.nextReviewOn ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.heldOn,
      category: 'early-help',
      summary: `Early help review with ${input.attended}: ${input.progress}`,
      recordType: 'early-help-review',
      recordId: row.review_id,
    });
    return { reviewId: row.review_id };
  });
}

export async function endEarlyHelp(db: Kysely<Database>, actor: Actor, childId: string, earlyHelpId: string, input: In<typeof earlyHelpEnding>) {
  return step(db, actor, childId, async (ledger) => {
    const e = await openEpisodeFor(ledger, childId, earlyHelpId);
    const lastReview = await ledger.db
      .selectFrom('early_help_review')
      .select((eb) => eb.fn.max('held_on').as('held_on'))
      .where('la_code', '=', ledger.laCode)
      .where('early_help_id', '=', earlyHelpId)
      .executeTakeFirst();
    new DateRules()
      .notInFuture('endedOn', input.endedOn)
      .notBefore('endedOn', input.endedOn, e.started_on, 'early help began')
      .notBefore('endedOn', input.endedOn, lastReview?.held_on ?? null, 'the last review')
      .check();
    return changeEpisode(
      ledger,
      earlyHelpId,
      { ended_on: input.endedOn, end_outcome: input.outcome, end_reasons: input.reasons },
      { fromVersion: input.version, detail: { ended: input.outcome } },
      { occurredOn: input.endedOn, summary: `Early help ended: ${EARLY_HELP_END[input.outcome].toLowerCase()} — ${input.reasons}` },
    );
  });
}
