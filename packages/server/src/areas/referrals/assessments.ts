/** Assessments: started within the episode, progressed (the child seen, factors, outcome), authorised by a manager. */
import { ASSESSMENT_OUTCOME, type assessmentAuthorisation, type assessmentProgress, type newAssessment } from '@lantern/core/pathway';
import { dueDate, effectiveDue, ruleById } from '@lantern/core/timescales';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { councilTimescaleSettings } from '../../kernel/settings.ts';
import { DateRules } from '../../kernel/rules.ts';
import { startOnEpisode } from './on-episode.ts';

type In<T extends z.ZodType> = z.infer<T>;

export async function startAssessment(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newAssessment>) {
  return step(db, actor, childId, async (ledger) => {
    const started = { startDate: input.startDate, category: 'assessment', summary: 'Assessment started' };
    const { assessment_id: assessmentId } = await startOnEpisode(ledger, actor, childId, 'assessment', started, async (episode) => {
      const inProgress = await ledger.db
        .selectFrom('assessment')
        .select('assessment_id')
        .where('la_code', '=', actor.user.laCode)
        .where('episode_id', '=', episode.episode_id)
        .where('authorised_on', 'is', null)
        .executeTakeFirst();
      if (inProgress)
        throw conflict('An assessment is already in progress on this episode', [
          { field: 'startDate', rule: 'assessment-in-progress', message: 'Complete the assessment in progress first' },
        ]);
    });
    return { assessmentId };
  });
}

/** The child's assessment, or 404; held until the step commits. */
export const loadAssessment = (ledger: Ledger, childId: string, assessmentId: string) =>
  ledger.find('assessment', { assessment_id: assessmentId, child_id: childId }, 'assessment', { lock: true });

export async function progressAssessment(db: Kysely<Database>, actor: Actor, childId: string, assessmentId: string, input: In<typeof assessmentProgress>) {
  return step(db, actor, childId, async (ledger) => {
    const a = await loadAssessment(ledger, childId, assessmentId);
    if (a.authorised_on)
      throw conflict('An authorised assessment cannot be changed', [
        { field: 'version', rule: 'assessment-authorised', message: `Authorised on ${a.authorised_on}` },
      ]);
    new DateRules()
      .notInFuture('childSeenOn', input.childSeenOn)
      .notBefore('childSeenOn', input.childSeenOn, a.start_date, 'the assessment started')
      .notInFuture('completedOn', input.completedOn)
      .notBefore('completedOn', input.completedOn, a.start_date, 'the assessment started')
      .check();
    const set = {
      ...(input.childSeenOn !== undefined ? { child_seen_on: input.childSeenOn } : {}),
      ...(input.childSeenAlone !== undefined ? { child_seen_alone: input.childSeenAlone } : {}),
      ...(input.factors !== undefined ? { factors: input.factors } : {}),
      ...(input.completedOn !== undefined ? { completed_on: input.completedOn } : {}),
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
    };
    const updated = await ledger.update('assessment', { assessment_id: assessmentId }, set, {
      fromVersion: input.version,
      detail: { fields: Object.keys(set) },
    });
    if (input.childSeenOn && input.childSeenOn !== a.child_seen_on)
      ledger.chronicle({
        occurredOn: input.childSeenOn,
        category: 'assessment',
        summary: `Child seen for the assessment${input.childSeenAlone ? ', alone' : ''}`,
        recordType: 'assessment',
        recordId: assessmentId,
      });
    if (input.completedOn && input.completedOn !== a.completed_on)
      ledger.chronicle({
        occurredOn: input.completedOn,
        category: 'assessment',
        summary: `Assessment completed: ${ASSESSMENT_OUTCOME[input.outcome as keyof typeof ASSESSMENT_OUTCOME] ?? ''}`,
        recordType: 'assessment',
        recordId: assessmentId,
      });
    return { version: updated.version };
  });
}

/**
 * The authorisation's date checked (not in the future, not before completion) and the assessment's
 * due date from the referral; authorised after it, the manager records why it is late.
 */
export async function authorisableBy(
  ledger: Ledger,
  a: { completed_on: string | null; episode_id: string },
  input: { authorisedOn: string; lateReason?: string | null | undefined },
) {
  new DateRules()
    .notInFuture('authorisedOn', input.authorisedOn)
    .notBefore('authorisedOn', input.authorisedOn, a.completed_on, 'the assessment was completed')
    .check();
  const episode = await ledger.db
    .selectFrom('cin_episode')
    .select('referral_date')
    .where('la_code', '=', ledger.laCode)
    .where('episode_id', '=', a.episode_id)
    .executeTakeFirstOrThrow();
  const due = dueDate(effectiveDue(ruleById('assessment'), await councilTimescaleSettings(ledger.db, ledger.laCode)), episode.referral_date).date;
  if (input.authorisedOn > due && !input.lateReason)
    throw invalid([
      {
        field: 'lateReason',
        rule: 'late-reason-required',
        message: `The assessment was due by ${due} (45 working days from the referral): record why it is late`,
      },
    ]);
  return due;
}

export async function authoriseAssessment(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: In<typeof assessmentAuthorisation>,
) {
  return step(db, actor, childId, async (ledger) => {
    const a = await loadAssessment(ledger, childId, assessmentId);
    if (a.authorised_on)
      throw conflict(`Already authorised on ${a.authorised_on}`, [
        { field: 'authorisedOn', rule: 'already-authorised', message: 'The assessment is authorised' },
      ]);
    if (!a.completed_on || !a.outcome)
      throw conflict('Record the assessment’s completion and outcome before authorising it', [
        { field: 'authorisedOn', rule: 'assessment-not-complete', message: 'The assessment is not complete' },
      ]);
    const due = await authorisableBy(ledger, a, input);
    await ledger.update(
      'assessment',
      { assessment_id: assessmentId },
      { authorised_on: input.authorisedOn, authorised_by: actor.user.userId, late_reason: input.lateReason ?? null },
      { fromVersion: a.version, detail: { authorised: true } },
    );
    ledger.chronicle({
      occurredOn: input.authorisedOn,
      category: 'assessment',
      summary: `Assessment authorised by ${actor.user.displayName}${input.lateReason ? ` (late: ${input.lateReason})` : ''}`,
      recordType: 'assessment',
      recordId: assessmentId,
    });
    return { assessmentId, due };
  });
}
