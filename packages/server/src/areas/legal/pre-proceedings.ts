/**
 * Pre-proceedings under the Public Law Outline: the letter before proceedings (the clock starts),
 * the meeting with the parents and their lawyers and the plan agreed there (rule
 * pre-proceedings-meeting), reviews every six weeks (pre-proceedings-review), assessments
 * commissioned, and the end — stepped down or proceedings issued — within 16 weeks of the letter
 * unless extended with a recorded reason and a new date (pre-proceedings-end).
 */
import {
  addDays,
  type endPreProceedings,
  LEGAL_ASSESSMENT_KIND,
  type legalAssessment,
  PRE_PROCEEDINGS_DAYS,
  PRE_PROCEEDINGS_OUTCOME,
  plainDate,
  type preProceedingsExtension,
  type preProceedingsMeeting,
  type preProceedingsReview,
  type startPreProceedings,
  todayInEngland,
} from '@lantern/core';
import type { Kysely, Updateable } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { type In, legalEntry } from './shared.ts';
import { insertNew } from '../../kernel/new-record.ts';

/** The date pre-proceedings should end by: 16 weeks from the letter, or the extension's date. */
export const preProceedingsEndDue = (p: { letter_sent_on: string; extended_to: string | null }) =>
  p.extended_to ?? addDays(p.letter_sent_on, PRE_PROCEEDINGS_DAYS);

/** The child's pre-proceedings, locked for the change; 404 if not theirs, 409 once ended. */
export async function openPreProceedings(ledger: Ledger, childId: string, id: string, field = 'preProceedingsId') {
  const row = await ledger.find('pre_proceedings', { child_id: childId, pre_proceedings_id: id }, 'pre-proceedings', { lock: true });
  if (row.ended_on) throw conflict('Pre-proceedings have ended', [{ field, rule: 'ended', message: `Pre-proceedings ended on ${row.ended_on}` }]);
  return row;
}

/** Changes the pre-proceedings from the version the user saw, with its chronology entry. */
async function changePreProceedings(
  ledger: Ledger,
  id: string,
  fromVersion: number,
  changes: Updateable<Database['pre_proceedings']>,
  entry: ReturnType<typeof legalEntry>,
) {
  const row = await ledger.update('pre_proceedings', { pre_proceedings_id: id }, changes, { fromVersion });
  ledger.chronicle(entry);
  return { preProceedingsId: id, version: row.version };
}

export async function startPreProceedingsFor(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof startPreProceedings>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('letterSentOn', input.letterSentOn).check();
    const open = await ledger.row('pre_proceedings', { child_id: childId, ended_on: null });
    if (open)
      throw conflict('The child is already in pre-proceedings', [
        { field: 'letterSentOn', rule: 'already-open', message: `Pre-proceedings began with the letter of ${open.letter_sent_on} and have not ended` },
      ]);
    if (input.planningMeetingId) {
      const meeting = await ledger.row('legal_planning_meeting', { child_id: childId, meeting_id: input.planningMeetingId });
      if (!meeting) throw invalid([{ field: 'planningMeetingId', rule: 'exists', message: 'Choose one of the child’s legal planning meetings' }]);
      new DateRules().notBefore('letterSentOn', input.letterSentOn, meeting.held_on, 'the legal planning meeting').check();
    }
    const row = await insertNew(ledger, 'pre_proceedings', {
      child_id: childId,
      planning_meeting_id: input.planningMeetingId ?? null,
      letter_sent_on: input.letterSentOn,
      letter_to: input.letterTo,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle(
      legalEntry(
        input.letterSentOn,
        `Letter before proceedings sent to ${input.letterTo}: pre-proceedings begin (to end by ${plainDate(preProceedingsEndDue(row))})`,
        'pre-proceedings',
        row.pre_proceedings_id,
      ),
    );
    return { preProceedingsId: row.pre_proceedings_id, version: row.version };
  });
}

export async function recordPreProceedingsMeeting(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof preProceedingsMeeting>) {
  return step(db, actor, childId, async (ledger) => {
    const p = await openPreProceedings(ledger, childId, id, 'meetingHeldOn');
    if (p.meeting_held_on)
      throw conflict('The pre-proceedings meeting is already recorded', [
        { field: 'meetingHeldOn', rule: 'recorded', message: `The meeting was held on ${p.meeting_held_on}` },
      ]);
    new DateRules()
      .notInFuture('meetingHeldOn', input.meetingHeldOn)
      .notBefore('meetingHeldOn', input.meetingHeldOn, p.letter_sent_on, 'the letter before proceedings')
      .check();
    return changePreProceedings(
      ledger,
      id,
      input.version,
      { meeting_held_on: input.meetingHeldOn, plan_agreed: input.planAgreed },
      legalEntry(input.meetingHeldOn, `Pre-proceedings meeting with the parents and their lawyers. Plan agreed: ${input.planAgreed}`, 'pre-proceedings', id),
    );
  });
}

export async function recordPreProceedingsReview(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof preProceedingsReview>) {
  return step(db, actor, childId, async (ledger) => {
    const p = await openPreProceedings(ledger, childId, id, 'heldOn');
    if (!p.meeting_held_on)
      throw conflict('Record the pre-proceedings meeting first', [
        { field: 'heldOn', rule: 'meeting-first', message: 'Reviews follow the pre-proceedings meeting: record it first' },
      ]);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, p.meeting_held_on, 'the pre-proceedings meeting').check();
    const row = await insertNew(ledger, 'pre_proceedings_review', {
      pre_proceedings_id: id,
      child_id: childId,
      held_on: input.heldOn,
      progress: input.progress,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle(legalEntry(input.heldOn, `Pre-proceedings review: ${input.progress}`, 'pre-proceedings-review', row.review_id));
    return { reviewId: row.review_id };
  });
}

export async function extendPreProceedings(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof preProceedingsExtension>) {
  return step(db, actor, childId, async (ledger) => {
    const p = await openPreProceedings(ledger, childId, id, 'newEndOn');
    const current = preProceedingsEndDue(p);
    if (input.newEndOn <= current)
      throw invalid([{ field: 'newEndOn', rule: 'extension-later', message: `The new date must be after the current one (${current})` }]);
    const summary = `Pre-proceedings extended from ${plainDate(current)} to ${plainDate(input.newEndOn)}: ${input.reason}`;
    const changed = await changePreProceedings(
      ledger,
      id,
      input.version,
      { extended_to: input.newEndOn, extension_reason: input.reason },
      legalEntry(todayInEngland(), summary, 'pre-proceedings', id),
    );
    return { ...changed, endDueOn: input.newEndOn };
  });
}

export async function endPreProceedingsFor(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof endPreProceedings>) {
  return step(db, actor, childId, async (ledger) => {
    const p = await openPreProceedings(ledger, childId, id, 'endedOn');
    new DateRules().notInFuture('endedOn', input.endedOn).notBefore('endedOn', input.endedOn, p.letter_sent_on, 'the letter before proceedings').check();
    return changePreProceedings(
      ledger,
      id,
      input.version,
      { ended_on: input.endedOn, outcome: input.outcome, end_reasons: input.reasons },
      legalEntry(input.endedOn, `Pre-proceedings ended: ${PRE_PROCEEDINGS_OUTCOME[input.outcome]} — ${input.reasons}`, 'pre-proceedings', id),
    );
  });
}

export async function commissionAssessment(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof legalAssessment>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules()
      .notInFuture('commissionedOn', input.commissionedOn)
      .notBefore('dueOn', input.dueOn, input.commissionedOn, 'the day it was commissioned')
      .check();
    const row = await insertNew(ledger, 'legal_assessment', {
      child_id: childId,
      kind: input.kind,
      commissioned_on: input.commissionedOn,
      assessor: input.assessor,
      due_on: input.dueOn ?? null,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle(
      legalEntry(
        input.commissionedOn,
        `${LEGAL_ASSESSMENT_KIND[input.kind]} commissioned from ${input.assessor}${input.dueOn ? `, due ${plainDate(input.dueOn)}` : ''}`,
        'legal-assessment',
        row.assessment_id,
      ),
    );
    return { assessmentId: row.assessment_id };
  });
}
