/** The child's legal record as the Legal page shows it: planning meetings, pre-proceedings, proceedings, assessments. */
import {
  APPLICATION_TYPE,
  COURT_ORDER,
  HEARING_TYPE,
  LEGAL_ASSESSMENT_KIND,
  LEGAL_DECISION,
  type LegalRecordView,
  PRE_PROCEEDINGS_OUTCOME,
  PROCEEDINGS_OUTCOME,
  proceedingsDueDate,
  todayInEngland,
  weeksBetween,
} from '@lantern/core';
import type { Kysely } from 'kysely';
import { childFor, mayAct } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { preProceedingsEndDue } from './pre-proceedings.ts';

const label = <T extends Record<string, string>>(list: T, code: string | null) => (code ? ((list as Record<string, string>)[code] ?? code) : null);

export async function legalRecord(db: Kysely<Database>, actor: Actor, childId: string): Promise<LegalRecordView> {
  const child = await childFor(db, actor.user, childId, 'legal:read');
  const laCode = actor.user.laCode;
  const [meetings, pres, reviews, procs, hearings, extensions, orders, assessments, dues, episode, mayRecord] = await Promise.all([
    db.selectFrom('legal_planning_meeting').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('held_on', 'desc').execute(),
    db.selectFrom('pre_proceedings').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('letter_sent_on', 'desc').execute(),
    db.selectFrom('pre_proceedings_review').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('held_on').execute(),
    db.selectFrom('care_proceedings').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('issued_on', 'desc').execute(),
    db.selectFrom('court_hearing').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('held_on').execute(),
    db.selectFrom('proceedings_extension').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('granted_on').execute(),
    db.selectFrom('court_order').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('made_on').execute(),
    db.selectFrom('legal_assessment').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('commissioned_on').execute(),
    db
      .selectFrom('obligation')
      .select(['source_id', 'due_date'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('rule_id', '=', 'pre-proceedings-meeting')
      .execute(),
    rowByKey(db, laCode, 'cla_episode', { child_id: childId, end_date: null }),
    mayAct(db, actor.user, childId, 'legal:record'),
  ]);
  const meetingDue = new Map(dues.map((d) => [d.source_id, d.due_date]));
  const today = todayInEngland();
  return {
    childId,
    name: [child.given_name, child.family_name].filter(Boolean).join(' ') || 'The child',
    mayRecord,
    lookedAfter: !!episode,
    planningMeetings: meetings.map((m) => ({
      meetingId: m.meeting_id,
      heldOn: m.held_on,
      attendees: (typeof m.attendees === 'string' ? JSON.parse(m.attendees) : m.attendees) as LegalRecordView['planningMeetings'][number]['attendees'],
      threshold: m.threshold,
      decision: m.decision,
      decisionLabel: label(LEGAL_DECISION, m.decision),
      reasons: m.reasons,
      decidedOn: m.decided_on,
      version: m.version,
    })),
    preProceedings: pres.map((p) => ({
      preProceedingsId: p.pre_proceedings_id,
      letterSentOn: p.letter_sent_on,
      letterTo: p.letter_to,
      meetingDueOn: meetingDue.get(p.pre_proceedings_id) ?? p.letter_sent_on,
      meetingHeldOn: p.meeting_held_on,
      planAgreed: p.plan_agreed,
      endDueOn: preProceedingsEndDue(p),
      extensionReason: p.extension_reason,
      endedOn: p.ended_on,
      outcome: p.outcome,
      outcomeLabel: label(PRE_PROCEEDINGS_OUTCOME, p.outcome),
      weeks: weeksBetween(p.letter_sent_on, p.ended_on ?? today),
      reviews: reviews
        .filter((r) => r.pre_proceedings_id === p.pre_proceedings_id)
        .map((r) => ({ reviewId: r.review_id, heldOn: r.held_on, progress: r.progress })),
      version: p.version,
    })),
    proceedings: procs.map((p) => ({
      proceedingsId: p.proceedings_id,
      issuedOn: p.issued_on,
      court: p.court,
      caseNumber: p.case_number,
      applicationType: p.application_type,
      applicationLabel: label(APPLICATION_TYPE, p.application_type) ?? p.application_type,
      dueOn: p.due_on,
      firstDueOn: proceedingsDueDate(p.issued_on),
      concludedOn: p.concluded_on,
      outcome: p.outcome,
      outcomeLabel: p.outcome === 'final-order' ? (p.outcome_reasons ?? PROCEEDINGS_OUTCOME['final-order']) : label(PROCEEDINGS_OUTCOME, p.outcome),
      weeks: weeksBetween(p.issued_on, p.concluded_on ?? today),
      hearings: hearings
        .filter((h) => h.proceedings_id === p.proceedings_id)
        .map((h) => ({
          hearingId: h.hearing_id,
          heldOn: h.held_on,
          hearingType: h.hearing_type,
          label: label(HEARING_TYPE, h.hearing_type) ?? '',
          notes: h.notes,
        })),
      extensions: extensions
        .filter((e) => e.proceedings_id === p.proceedings_id)
        .map((e) => ({
          extensionId: e.extension_id,
          grantedOn: e.granted_on,
          newDueOn: e.new_due_on,
          weeks: weeksBetween(e.previous_due_on, e.new_due_on),
          reason: e.reason,
        })),
      orders: orders
        .filter((o) => o.proceedings_id === p.proceedings_id)
        .map((o) => ({
          orderId: o.order_id,
          madeOn: o.made_on,
          order: o.order_type,
          label: label(COURT_ORDER, o.order_type) ?? '',
          legalStatus: o.legal_status,
          notes: o.notes,
        })),
      version: p.version,
    })),
    assessments: assessments.map((a) => ({
      assessmentId: a.assessment_id,
      kind: a.kind,
      label: label(LEGAL_ASSESSMENT_KIND, a.kind) ?? '',
      commissionedOn: a.commissioned_on,
      assessor: a.assessor,
      dueOn: a.due_on,
    })),
  };
}
