/**
 * The record of a child protection conference or a looked-after review: who was invited and who
 * came, how the child's views were heard, the decisions and when they and the full record were
 * written (rules conference-record, review-decisions, review-record); and the meeting's
 * recommendations, each with an owner and a date (rule iro-recommendation).
 */
import type { PARTICIPATION } from '@lantern/core/looked-after';
import {
  ATTENDEE_ROLE,
  CONFERENCE_VIEWS,
  MEETING_KIND,
  type MeetingKind,
  type meetingRecord,
  type newRecommendation,
  PARTICIPATION_PLAIN,
  plainDate,
  type recommendationChanges,
} from '@lantern/core/meetings';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import { findByKey, rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { contactNames } from '../../kernel/people.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

export type Meeting = { kind: MeetingKind; meetingId: string; childId: string; heldOn: string; participation: string | null };

/** The conference or review, on this child. */
export async function meetingOf(db: Kysely<Database>, laCode: string, childId: string, kind: MeetingKind, meetingId: string): Promise<Meeting> {
  if (kind === 'conference') {
    const c = await findByKey(db, laCode, 'cp_conference', { conference_id: meetingId, child_id: childId }, 'conference');
    return { kind, meetingId: c.conference_id, childId: c.child_id, heldOn: c.held_on, participation: null };
  }
  const r = await findByKey(db, laCode, 'cla_review', { review_id: meetingId, child_id: childId }, 'review');
  return { kind, meetingId: r.review_id, childId: r.child_id, heldOn: r.held_on, participation: r.participation };
}

/** A worker of this council, else the field's error. */
async function workerExists(db: Kysely<Database>, laCode: string, workerId: string) {
  return !!(await rowByKey(db, laCode, 'worker', { worker_id: workerId }));
}

/** The words a chronology reader searches: who came, how the child was heard, what they said, what was decided. */
function recordSummary(meeting: Meeting, input: In<typeof meetingRecord>, contactNames: Map<string, string>) {
  const who = (a: In<typeof meetingRecord>['attendees'][number]) =>
    a.role === 'child'
      ? 'the child'
      : [a.name, a.partnerContactId ? contactNames.get(a.partnerContactId) : null, a.agency].filter(Boolean).join(', ') || ATTENDEE_ROLE[a.role];
  const came = input.attendees.filter((a) => a.attended).map(who);
  const absent = input.attendees.filter((a) => a.invited && !a.attended).map(who);
  const views = input.participation
    ? PARTICIPATION_PLAIN[input.participation]
    : input.viewsHeard
      ? CONFERENCE_VIEWS[input.viewsHeard]
      : meeting.participation
        ? PARTICIPATION_PLAIN[meeting.participation as keyof typeof PARTICIPATION]
        : null;
  return [
    `Record of the ${MEETING_KIND[meeting.kind].toLowerCase()} held on ${plainDate(meeting.heldOn)}`,
    came.length ? `came: ${came.join('; ')}` : 'no one recorded as attending',
    absent.length ? `invited but did not come: ${absent.join('; ')}` : null,
    views ? `the child’s views: ${views}` : null,
    input.childWords ? `the child said: “${input.childWords}”` : null,
    `decisions: ${input.decisions}`,
    input.decisionsSentOn ? `decisions sent ${plainDate(input.decisionsSentOn)}` : null,
    input.recordWrittenOn ? `full record written ${plainDate(input.recordWrittenOn)}` : null,
  ]
    .filter(Boolean)
    .join('. ');
}

/** Records (or corrects, from the version it was made from) a conference's or review's record. */
export async function putMeetingRecord(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  kind: MeetingKind,
  meetingId: string,
  input: In<typeof meetingRecord>,
) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const meeting = await meetingOf(ledger.db, laCode, childId, kind, meetingId);
    new DateRules()
      .notInFuture('decisionsSentOn', input.decisionsSentOn)
      .notBefore('decisionsSentOn', input.decisionsSentOn, meeting.heldOn, 'the meeting')
      .notInFuture('recordWrittenOn', input.recordWrittenOn)
      .notBefore('recordWrittenOn', input.recordWrittenOn, meeting.heldOn, 'the meeting')
      .check();
    const errors: FieldError[] = [];
    if (kind === 'conference' && input.participation)
      errors.push({
        field: 'participation',
        rule: 'reviews-only',
        message: 'Participation codes are for looked-after reviews; say how the child’s views were heard',
      });
    if (kind === 'review' && input.viewsHeard)
      errors.push({ field: 'viewsHeard', rule: 'conferences-only', message: 'For a review, choose how the child took part' });
    if (input.recordWrittenOn && !input.decisionsSentOn)
      errors.push({ field: 'decisionsSentOn', rule: 'decisions-first', message: 'The decisions are sent before, or with, the full record' });
    if (input.recordWrittenOn && input.decisionsSentOn && input.recordWrittenOn < input.decisionsSentOn)
      errors.push({ field: 'recordWrittenOn', rule: 'not-before', message: 'The full record cannot be written before the decisions were sent' });
    const contactIds = [...new Set(input.attendees.flatMap((a) => (a.partnerContactId ? [a.partnerContactId] : [])))];
    const names = await contactNames(ledger.db, laCode, contactIds);
    input.attendees.forEach((a, i) => {
      if (a.partnerContactId && !names.has(a.partnerContactId))
        errors.push({ field: `attendees.${i}.partnerContactId`, rule: 'exists', message: 'Choose a contact on this council’s partners register' });
    });
    const existing = await ledger.row('meeting_record', { meeting_id: meetingId });
    if (existing && input.version === undefined)
      errors.push({ field: 'version', rule: 'required', message: 'This meeting already has a record: send the version you changed' });
    if (errors.length) throw invalid(errors);

    const values = {
      attendees: JSON.stringify(input.attendees),
      views_heard: input.viewsHeard ?? null,
      child_words: input.childWords ?? null,
      decisions: input.decisions,
      decisions_sent_on: input.decisionsSentOn ?? null,
      record_written_on: input.recordWrittenOn ?? null,
      recorded_by: actor.user.userId,
    };
    const row = existing
      ? await ledger.update('meeting_record', { meeting_id: meetingId }, values, { fromVersion: input.version as number })
      : await ledger.insert('meeting_record', { la_code: laCode, meeting_id: meetingId, child_id: childId, meeting_kind: kind, ...values });
    // The participation code stays on the review, where the SSDA903 export reads it.
    if (kind === 'review' && input.participation && input.participation !== meeting.participation)
      await ledger.update('cla_review', { review_id: meetingId }, { participation: input.participation });
    ledger.chronicle({
      occurredOn: meeting.heldOn,
      category: kind === 'conference' ? 'conference' : 'review',
      summary: recordSummary(meeting, input, names),
      recordType: 'meeting-record',
      recordId: meetingId,
    });
    return { meetingId, version: row.version };
  });
}

export async function addRecommendation(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  kind: MeetingKind,
  meetingId: string,
  input: In<typeof newRecommendation>,
) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const meeting = await meetingOf(ledger.db, laCode, childId, kind, meetingId);
    const errors: FieldError[] = [];
    if (!(await workerExists(ledger.db, laCode, input.ownerWorkerId)))
      errors.push({ field: 'ownerWorkerId', rule: 'exists', message: 'Choose a worker of this council to own the recommendation' });
    if (input.dueOn && input.dueOn < meeting.heldOn)
      errors.push({ field: 'dueOn', rule: 'not-before', message: `The due date cannot be before the meeting (${plainDate(meeting.heldOn)})` });
    if (errors.length) throw invalid(errors);
    const row = await insertNew(ledger, 'meeting_recommendation', {
      child_id: childId,
      meeting_id: meetingId,
      meeting_kind: kind,
      held_on: meeting.heldOn,
      recommendation: input.recommendation,
      owner_worker_id: input.ownerWorkerId,
      due_on: input.dueOn ?? null,
      recorded_by: actor.user.userId,
    });
    const owner = await ownerName(ledger, input.ownerWorkerId);
    ledger.chronicle({
      occurredOn: meeting.heldOn,
      category: kind === 'conference' ? 'conference' : 'review',
      summary: `Recommendation of the ${MEETING_KIND[kind].toLowerCase()}: ${input.recommendation} (for ${owner}${input.dueOn ? `, by ${plainDate(input.dueOn)}` : ''})`,
      recordType: 'meeting-recommendation',
      recordId: row.recommendation_id,
    });
    return { recommendationId: row.recommendation_id, version: row.version };
  });
}

/** A worker of this council by name, or null. */
export async function workerName(ledger: Ledger, workerId: string) {
  const w = await ledger.row('worker', { worker_id: workerId });
  return w ? `${w.given_name} ${w.family_name}` : null;
}

const ownerName = async (ledger: Ledger, workerId: string) => (await workerName(ledger, workerId)) ?? 'a worker';

/**
 * Changes a recommendation, or marks it done with a note. The owner, anyone holding the case and
 * the IRO may (the route's casework permission); once done it stays done.
 */
export async function changeRecommendation(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  recommendationId: string,
  input: In<typeof recommendationChanges>,
) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const rec = await ledger.find('meeting_recommendation', { recommendation_id: recommendationId, child_id: childId }, 'recommendation');
    if (rec.done_on && input.doneOn === null)
      throw conflict('This recommendation is done; it cannot be reopened', [
        { field: 'doneOn', rule: 'done-stays-done', message: 'A done recommendation stays done' },
      ]);
    new DateRules()
      .notInFuture('doneOn', input.doneOn)
      .notBefore('doneOn', input.doneOn, rec.held_on, 'the meeting')
      .notBefore('dueOn', input.dueOn, rec.held_on, 'the meeting')
      .check();
    if (input.ownerWorkerId && !(await workerExists(ledger.db, laCode, input.ownerWorkerId)))
      throw invalid([{ field: 'ownerWorkerId', rule: 'exists', message: 'Choose a worker of this council to own the recommendation' }]);
    const row = await ledger.update(
      'meeting_recommendation',
      { recommendation_id: recommendationId },
      {
        ...(input.recommendation !== undefined ? { recommendation: input.recommendation } : {}),
        ...(input.ownerWorkerId !== undefined ? { owner_worker_id: input.ownerWorkerId } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        ...(input.doneOn ? { done_on: input.doneOn, done_note: input.doneNote ?? null } : {}),
      },
      { fromVersion: input.version },
    );
    const parts = [
      input.doneOn ? `done on ${plainDate(input.doneOn)}: ${input.doneNote}` : null,
      input.recommendation !== undefined ? `now reads: ${input.recommendation}` : null,
      input.ownerWorkerId ? `now for ${await ownerName(ledger, input.ownerWorkerId)}` : null,
      input.dueOn ? `now due ${plainDate(input.dueOn)}` : null,
    ].filter(Boolean);
    if (parts.length)
      ledger.chronicle({
        occurredOn: input.doneOn ?? rec.held_on,
        category: rec.meeting_kind === 'conference' ? 'conference' : 'review',
        summary: `Recommendation “${rec.recommendation}” ${parts.join('; ')}`,
        recordType: 'meeting-recommendation',
        recordId: recommendationId,
      });
    return { recommendationId, version: row.version };
  });
}
