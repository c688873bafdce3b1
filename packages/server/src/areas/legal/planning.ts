/**
 * The legal planning (gateway) meeting: who came (the council's lawyer among them), the discussion
 * of whether the threshold for proceedings is met, and the decision with its reasons (rule
 * legal-planning-decision, met when the decision is recorded).
 */
import { LEGAL_DECISION, type legalPlanningDecision, type legalPlanningMeeting, plainDate } from '@lantern/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict } from '../../kernel/http/problem.ts';
import { step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { type In, legalEntry } from './shared.ts';
import { insertNew } from '../../kernel/new-record.ts';

export async function recordPlanningMeeting(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof legalPlanningMeeting>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('heldOn', input.heldOn).check();
    const decided = input.decision && input.reasons ? { decision: input.decision, reasons: input.reasons, decided_on: input.heldOn } : {};
    const row = await insertNew(ledger, 'legal_planning_meeting', {
      child_id: childId,
      held_on: input.heldOn,
      attendees: JSON.stringify(input.attendees),
      threshold: input.threshold,
      ...decided,
      recorded_by: actor.user.userId,
    });
    const lawyer = input.attendees.find((a) => a.role === 'council-lawyer')?.name;
    const summary = [
      `Legal planning meeting held on ${plainDate(input.heldOn)}`,
      lawyer ? `the council’s lawyer ${lawyer}` : null,
      `threshold: ${input.threshold}`,
      input.decision ? `decision: ${LEGAL_DECISION[input.decision]} — ${input.reasons}` : 'decision to follow',
    ];
    ledger.chronicle(legalEntry(input.heldOn, summary.filter(Boolean).join('. '), 'legal-planning-meeting', row.meeting_id));
    return { meetingId: row.meeting_id, version: row.version };
  });
}

export async function recordPlanningDecision(db: Kysely<Database>, actor: Actor, childId: string, meetingId: string, input: In<typeof legalPlanningDecision>) {
  return step(db, actor, childId, async (ledger) => {
    const meeting = await ledger.find('legal_planning_meeting', { child_id: childId, meeting_id: meetingId }, 'legal planning meeting');
    if (meeting.decision)
      throw conflict('The decision is already recorded', [{ field: 'decision', rule: 'decided', message: 'This meeting’s decision is already recorded' }]);
    new DateRules().notInFuture('decidedOn', input.decidedOn).notBefore('decidedOn', input.decidedOn, meeting.held_on, 'the meeting').check();
    const row = await ledger.update(
      'legal_planning_meeting',
      { meeting_id: meetingId },
      { decision: input.decision, reasons: input.reasons, decided_on: input.decidedOn },
      { fromVersion: input.version },
    );
    ledger.chronicle(
      legalEntry(
        input.decidedOn,
        `Legal planning decision (meeting of ${plainDate(meeting.held_on)}): ${LEGAL_DECISION[input.decision]} — ${input.reasons}`,
        'legal-planning-meeting',
        meetingId,
      ),
    );
    return { meetingId, version: row.version };
  });
}
