/** A child's casework, episode by episode, with their deadlines: what the casework page shows. */
import { workingDaysBetween } from '@lantern/core/calendar';
import type { CaseworkView } from '@lantern/core/pathway';
import { type Kysely, sql } from 'kysely';
import { childFor, mayAct } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { childRecords, ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { earlyHelpLinksOfContacts } from '../early-help/index.ts';
import { protectionRecords } from '../protection/index.ts';
import { childObligations } from '../timescales/service.ts';

export async function getCasework(db: Kysely<Database>, actor: Actor, childId: string): Promise<CaseworkView> {
  const user = actor.user;
  const laCode = user.laCode;
  await childFor(db, user, childId, 'child:read');
  const userName = (col: string) => sql<string | null>`(select display_name from app_user u where u.la_code = ${laCode} and u.user_id = ${sql.ref(col)})`;
  const [contacts, episodes, assessments, cinPlans, reviews, visits, protection, obligations, decisions, earlyHelp] = await Promise.all([
    db
      .selectFrom('contact as c')
      .selectAll('c')
      .select(userName('c.decided_by').as('decided_by_name'))
      .where(ofChild('c', laCode, childId))
      .orderBy('c.received_at', 'desc')
      .execute(),
    childRecords(db, laCode, 'cin_episode', childId, 'referral_date', 'desc'),
    db
      .selectFrom('assessment as a')
      .selectAll('a')
      .select(userName('a.authorised_by').as('authorised_by_name'))
      .where(ofChild('a', laCode, childId))
      .orderBy('a.start_date')
      .execute(),
    childRecords(db, laCode, 'cin_plan', childId, 'start_date'),
    childRecords(db, laCode, 'cin_plan_review', childId, 'held_on'),
    db
      .selectFrom('visit as v')
      .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'v.la_code').onRef('w.worker_id', '=', 'v.worker_id'))
      .selectAll('v')
      .select(sql<string | null>`w.given_name || ' ' || w.family_name`.as('worker_name'))
      .where(ofChild('v', laCode, childId))
      .orderBy('v.visited_on', 'desc')
      .execute(),
    protectionRecords(db, laCode, childId),
    childObligations(db, laCode, childId),
    db
      .selectFrom('management_decision as d')
      .selectAll('d')
      .select(userName('d.decided_by').as('decided_by_name'))
      .where(ofChild('d', laCode, childId))
      .execute(),
    earlyHelpLinksOfContacts(db, laCode, childId),
  ]);
  const decisionOf = (id: string | null) => decisions.find((d) => d.decision_id === id);
  const [canRecord, canAuthorise, canClose] = await Promise.all([
    mayAct(db, user, childId, 'casework:record'),
    mayAct(db, user, childId, 'casework:authorise'),
    mayAct(db, user, childId, 'case:close'),
  ]);
  await audit(db, actor, { action: 'read', recordType: 'casework', recordId: childId, childId });

  return {
    contacts: contacts.map((c) => ({
      contactId: c.contact_id,
      receivedAt: c.received_at.toISOString(),
      receivedOn: c.received_on,
      source: c.source,
      presentingConcern: c.presenting_concern,
      significantHarmSuspected: c.significant_harm_suspected,
      decision: c.decision,
      decidedOn: c.decided_on,
      decidedBy: c.decided_by_name,
      decisionReason: c.decision_reason,
      episodeId: c.episode_id,
      earlyHelp: earlyHelp.get(c.contact_id) ?? null,
    })),
    episodes: episodes.map((e) => {
      const previous = episodes.find((p) => p.episode_id === e.previous_episode_id);
      const previousDecision = decisionOf(previous?.closure_decision_id ?? null);
      return {
        episodeId: e.episode_id,
        referralDate: e.referral_date,
        referralSource: e.referral_source,
        primaryNeed: e.primary_need,
        referralNfa: e.referral_nfa,
        referralsPrevious12Months: e.referrals_previous_12_months,
        previousEpisode: previous
          ? {
              episodeId: previous.episode_id,
              referralDate: previous.referral_date,
              closureDate: previous.closure_date,
              closureReason: previous.closure_reason,
              closedBy: previousDecision?.decided_by_name ?? null,
              closureReasons: previousDecision?.reasons ?? null,
            }
          : null,
        closureDate: e.closure_date,
        closureReason: e.closure_reason,
        closedBy: decisionOf(e.closure_decision_id)?.decided_by_name ?? null,
        assessments: assessments
          .filter((a) => a.episode_id === e.episode_id)
          .map((a) => ({
            assessmentId: a.assessment_id,
            version: a.version,
            startDate: a.start_date,
            childSeenOn: a.child_seen_on,
            childSeenAlone: a.child_seen_alone,
            factors: a.factors,
            completedOn: a.completed_on,
            outcome: a.outcome,
            authorisedOn: a.authorised_on,
            authorisedBy: a.authorised_by_name,
            lateReason: a.late_reason,
            workingDaysFromReferral: a.authorised_on ? workingDaysBetween(e.referral_date, a.authorised_on) : null,
          })),
        ...protection.forEpisode(e.episode_id),
        cinPlans: cinPlans
          .filter((p) => p.episode_id === e.episode_id)
          .map((p) => ({
            cinPlanId: p.cin_plan_id,
            startDate: p.start_date,
            endDate: p.end_date,
            reviews: reviews
              .filter((r) => r.cin_plan_id === p.cin_plan_id)
              .map((r) => ({
                reviewId: r.review_id,
                heldOn: r.held_on,
                childMetDecider: r.child_met_decider,
                parentsMetDecider: r.parents_met_decider,
                childWords: r.child_words,
              })),
          })),
        visits: visits
          .filter((v) => v.episode_id === e.episode_id)
          .map((v) => ({
            visitId: v.visit_id,
            visitedOn: v.visited_on,
            purpose: v.purpose,
            childSeen: v.child_seen,
            seenAlone: v.seen_alone,
            childWords: v.child_words,
            visitedBy: v.worker_name,
          })),
      };
    }),
    obligations,
    canRecord,
    canAuthorise,
    canClose,
  };
}
