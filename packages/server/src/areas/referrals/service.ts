/**
 * The front door and children in need: contacts and the decision on them, referrals (the
 * child-in-need episode), assessments, child in need plans, visits, and closure.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarMonths, todayInEngland } from '@lantern/core/calendar';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import {
  ASSESSMENT_OUTCOME,
  CLOSURE_REASON,
  CONTACT_DECISION,
  type assessmentAuthorisation,
  type assessmentProgress,
  type contactDecision,
  type endCinPlan,
  type episodeClosure,
  type newAssessment,
  type newCinPlan,
  type newCinPlanReview,
  type newContact,
  type newReferral,
  type newVisit,
  VISIT_PURPOSE,
} from '@lantern/core/pathway';
import { dueDate, effectiveDue, ruleById } from '@lantern/core/timescales';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { openEpisode } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid, notFound } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { councilTimescaleSettings } from '../../kernel/settings.ts';
import { DateRules } from '../../kernel/rules.ts';
import { earlyHelpFromClosure, earlyHelpFromContact, linkContactToEarlyHelp, stepUpToSocialCare } from '../early-help/index.ts';
import { currentProtectionPlan } from '../protection/index.ts';
import { routeWithin } from './routing.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The date in England of an instant. */
const englandDate = (iso: string) => todayInEngland(new Date(iso));

export async function recordContact(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newContact>) {
  return step(db, actor, childId, async (ledger) => {
    if (new Date(input.receivedAt).getTime() > Date.now() + 60_000)
      throw invalid([{ field: 'receivedAt', rule: 'not-in-future', message: 'The time cannot be in the future' }]);
    const contactId = randomUUID();
    const receivedOn = englandDate(input.receivedAt);
    await ledger.insert('contact', {
      la_code: actor.user.laCode,
      contact_id: contactId,
      child_id: childId,
      received_at: input.receivedAt,
      received_on: receivedOn,
      source: input.source,
      presenting_concern: input.presentingConcern,
      significant_harm_suspected: input.significantHarmSuspected,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: receivedOn,
      category: 'contact',
      summary: `Contact from ${REFERRAL_SOURCE[input.source]}: ${input.presentingConcern}`,
      recordType: 'contact',
      recordId: contactId,
    });
    // A child in early help, or recently: the contact is linked to it, for the person deciding.
    await linkContactToEarlyHelp(ledger, childId, contactId, receivedOn);
    return { contactId };
  });
}

/** Opens a child-in-need episode, with the earlier referrals the decision-maker must see. */
async function startEpisode(
  ledger: Ledger,
  actor: Actor,
  childId: string,
  referral: { referralDate: string; source: string; primaryNeed: string; contactId: string | null },
) {
  const laCode = actor.user.laCode;
  const trx = ledger.db;
  const open = await trx
    .selectFrom('cin_episode')
    .select('episode_id')
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('closure_date', 'is', null)
    .executeTakeFirst();
  if (open)
    throw conflict('The child already has an open child-in-need episode', [
      { field: 'childId', rule: 'episode-already-open', message: 'Record this on the open episode' },
    ]);
  const yearBefore = addCalendarMonths(referral.referralDate, -12);
  const earlier = await trx
    .selectFrom('cin_episode')
    .select(['episode_id', 'referral_date', 'closure_date'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('referral_date', '<', referral.referralDate)
    .orderBy('referral_date', 'desc')
    .execute();
  const last = earlier[0];
  if (last?.closure_date && last.closure_date > referral.referralDate) {
    throw invalid([{ field: 'referralDate', rule: 'after-previous-closure', message: `The previous episode closed on ${last.closure_date}` }]);
  }
  const episodeId = randomUUID();
  await ledger.insert('cin_episode', {
    la_code: laCode,
    episode_id: episodeId,
    child_id: childId,
    contact_id: referral.contactId,
    referral_date: referral.referralDate,
    referral_source: referral.source,
    primary_need: referral.primaryNeed,
    referrals_previous_12_months: earlier.filter((e) => e.referral_date >= yearBefore).length,
    previous_episode_id: last?.closure_date && last.closure_date >= yearBefore ? last.episode_id : null,
    created_by: actor.user.userId,
  });
  return episodeId;
}

export async function decideContact(db: Kysely<Database>, actor: Actor, childId: string, contactId: string, input: In<typeof contactDecision>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const contact = await trx
      .selectFrom('contact')
      .selectAll()
      .where('la_code', '=', actor.user.laCode)
      .where('contact_id', '=', contactId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!contact) throw notFound('contact');
    if (contact.decision)
      throw conflict(`This contact was already decided on ${contact.decided_on}`, [
        { field: 'decision', rule: 'already-decided', message: 'The contact has a decision' },
      ]);
    new DateRules().notInFuture('decidedOn', input.decidedOn).notBefore('decidedOn', input.decidedOn, contact.received_on, 'the contact').check();
    const episodeId =
      input.decision === 'referral'
        ? await startEpisode(ledger, actor, childId, {
            referralDate: input.decidedOn,
            source: contact.source,
            primaryNeed: input.primaryNeed as string,
            contactId,
          })
        : null;
    await ledger.update(
      'contact',
      { contact_id: contactId },
      { decision: input.decision, decided_on: input.decidedOn, decided_by: actor.user.userId, decision_reason: input.reasons, episode_id: episodeId },
      { fromVersion: contact.version, detail: { decision: input.decision } },
    );
    ledger.chronicle({
      occurredOn: input.decidedOn,
      category: 'contact',
      summary: `Contact decision by ${actor.user.displayName}: ${CONTACT_DECISION[input.decision]} — ${input.reasons}`,
      recordType: 'contact',
      recordId: contactId,
    });
    // The front door's referral routes the child to the team that will allocate a worker.
    if (episodeId && input.teamId) await routeWithin(ledger, childId, { teamId: input.teamId, reason: input.reasons, on: input.decidedOn, episodeId });
    if (input.decision === 'early-help') await earlyHelpFromContact(ledger, childId, contactId, input.decidedOn, input.reasons);
    if (episodeId) await stepUpToSocialCare(ledger, childId, episodeId, input.decidedOn, false);
    if (episodeId)
      ledger.chronicle({
        occurredOn: input.decidedOn,
        category: 'referral',
        summary: `Referral accepted: ${PRIMARY_NEED[input.primaryNeed as keyof typeof PRIMARY_NEED]}`,
        recordType: 'cin-episode',
        recordId: episodeId,
      });
    return { episodeId };
  });
}

export async function recordReferral(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newReferral>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('referralDate', input.referralDate).check();
    const episodeId = await startEpisode(ledger, actor, childId, { ...input, contactId: null });
    await stepUpToSocialCare(ledger, childId, episodeId, input.referralDate, true);
    ledger.chronicle({
      occurredOn: input.referralDate,
      category: 'referral',
      summary: `Referral from ${REFERRAL_SOURCE[input.source]}: ${PRIMARY_NEED[input.primaryNeed]}`,
      recordType: 'cin-episode',
      recordId: episodeId,
    });
    return { episodeId };
  });
}

export async function startAssessment(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newAssessment>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const episode = await openEpisode(trx, actor.user.laCode, childId);
    new DateRules().notInFuture('startDate', input.startDate).notBefore('startDate', input.startDate, episode.referral_date, 'the referral').check();
    const inProgress = await trx
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
    const assessmentId = randomUUID();
    await ledger.insert('assessment', {
      la_code: actor.user.laCode,
      assessment_id: assessmentId,
      episode_id: episode.episode_id,
      child_id: childId,
      start_date: input.startDate,
      created_by: actor.user.userId,
    });
    ledger.chronicle({ occurredOn: input.startDate, category: 'assessment', summary: 'Assessment started', recordType: 'assessment', recordId: assessmentId });
    return { assessmentId };
  });
}

async function loadAssessment(trx: Kysely<Database>, laCode: string, childId: string, assessmentId: string) {
  const a = await trx
    .selectFrom('assessment')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('assessment_id', '=', assessmentId)
    .where('child_id', '=', childId)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw notFound('assessment');
  return a;
}

export async function progressAssessment(db: Kysely<Database>, actor: Actor, childId: string, assessmentId: string, input: In<typeof assessmentProgress>) {
  return step(db, actor, childId, async (ledger) => {
    const a = await loadAssessment(ledger.db, actor.user.laCode, childId, assessmentId);
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

export async function authoriseAssessment(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: In<typeof assessmentAuthorisation>,
) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const trx = ledger.db;
    const a = await loadAssessment(trx, laCode, childId, assessmentId);
    if (a.authorised_on)
      throw conflict(`Already authorised on ${a.authorised_on}`, [
        { field: 'authorisedOn', rule: 'already-authorised', message: 'The assessment is authorised' },
      ]);
    if (!a.completed_on || !a.outcome)
      throw conflict('Record the assessment’s completion and outcome before authorising it', [
        { field: 'authorisedOn', rule: 'assessment-not-complete', message: 'The assessment is not complete' },
      ]);
    new DateRules()
      .notInFuture('authorisedOn', input.authorisedOn)
      .notBefore('authorisedOn', input.authorisedOn, a.completed_on, 'the assessment was completed')
      .check();
    const episode = await trx
      .selectFrom('cin_episode')
      .select('referral_date')
      .where('la_code', '=', laCode)
      .where('episode_id', '=', a.episode_id)
      .executeTakeFirstOrThrow();
    const due = dueDate(effectiveDue(ruleById('assessment'), await councilTimescaleSettings(trx, laCode)), episode.referral_date).date;
    if (input.authorisedOn > due && !input.lateReason) {
      throw invalid([
        {
          field: 'lateReason',
          rule: 'late-reason-required',
          message: `The assessment was due by ${due} (45 working days from the referral): record why it is late`,
        },
      ]);
    }
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

export async function startCinPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newCinPlan>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const episode = await openEpisode(trx, actor.user.laCode, childId);
    new DateRules().notInFuture('startDate', input.startDate).notBefore('startDate', input.startDate, episode.referral_date, 'the referral').check();
    const open = await trx
      .selectFrom('cin_plan')
      .select('cin_plan_id')
      .where('la_code', '=', actor.user.laCode)
      .where('child_id', '=', childId)
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (open)
      throw conflict('The child already has a child in need plan', [{ field: 'startDate', rule: 'cin-plan-open', message: 'End the current plan first' }]);
    const cinPlanId = randomUUID();
    await ledger.insert('cin_plan', {
      la_code: actor.user.laCode,
      cin_plan_id: cinPlanId,
      episode_id: episode.episode_id,
      child_id: childId,
      start_date: input.startDate,
      created_by: actor.user.userId,
    });
    ledger.chronicle({ occurredOn: input.startDate, category: 'plan', summary: 'Child in need plan started', recordType: 'cin-plan', recordId: cinPlanId });
    return { cinPlanId };
  });
}

async function openCinPlan(trx: Kysely<Database>, laCode: string, childId: string) {
  const plan = await trx
    .selectFrom('cin_plan')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  if (!plan)
    throw conflict('The child has no child in need plan', [{ field: 'childId', rule: 'cin-plan-required', message: 'Start a child in need plan first' }]);
  return plan;
}

export async function reviewCinPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newCinPlanReview>) {
  return step(db, actor, childId, async (ledger) => {
    const plan = await openCinPlan(ledger.db, actor.user.laCode, childId);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, plan.start_date, 'the plan started').check();
    const reviewId = randomUUID();
    await ledger.insert('cin_plan_review', {
      la_code: actor.user.laCode,
      review_id: reviewId,
      cin_plan_id: plan.cin_plan_id,
      child_id: childId,
      held_on: input.heldOn,
      child_met_decider: input.childMetDecider,
      parents_met_decider: input.parentsMetDecider,
      child_words: input.childWords ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.heldOn,
      category: 'plan',
      summary: `Child in need plan reviewed${input.childWords ? ` — the child said: “${input.childWords}”` : ''}`,
      recordType: 'cin-plan-review',
      recordId: reviewId,
    });
    return { reviewId };
  });
}

export async function closeCinPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof endCinPlan>) {
  return step(db, actor, childId, async (ledger) => {
    const plan = await openCinPlan(ledger.db, actor.user.laCode, childId);
    new DateRules().notInFuture('endDate', input.endDate).notBefore('endDate', input.endDate, plan.start_date, 'the plan started').check();
    await ledger.update('cin_plan', { cin_plan_id: plan.cin_plan_id }, { end_date: input.endDate }, { detail: { ended: true } });
    ledger.chronicle({
      occurredOn: input.endDate,
      category: 'plan',
      summary: `Child in need plan ended: ${input.reasons}`,
      recordType: 'cin-plan',
      recordId: plan.cin_plan_id,
    });
    return { cinPlanId: plan.cin_plan_id };
  });
}

export async function recordVisit(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newVisit>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('visitedOn', input.visitedOn).check();
    const episode = await ledger.db
      .selectFrom('cin_episode')
      .select('episode_id')
      .where('la_code', '=', actor.user.laCode)
      .where('child_id', '=', childId)
      .where('closure_date', 'is', null)
      .executeTakeFirst();
    const visitId = randomUUID();
    await ledger.insert('visit', {
      la_code: actor.user.laCode,
      visit_id: visitId,
      child_id: childId,
      episode_id: episode?.episode_id ?? null,
      visited_on: input.visitedOn,
      purpose: input.purpose,
      child_seen: input.childSeen,
      seen_alone: input.seenAlone,
      child_words: input.childWords ?? null,
      worker_id: actor.user.workerId,
      created_by: actor.user.userId,
    });
    const seen = input.childSeen ? (input.seenAlone ? 'child seen alone' : 'child seen') : 'child not seen';
    ledger.chronicle({
      occurredOn: input.visitedOn,
      category: 'visit',
      summary: `${VISIT_PURPOSE[input.purpose]}: ${seen}${input.childWords ? ` — “${input.childWords}”` : ''}`,
      recordType: 'visit',
      recordId: visitId,
    });
    return { visitId };
  });
}

/**
 * Closing an episode is a manager's recorded decision. After a protection plan, the manager
 * must say what has changed and for how long it has held: Ofsted found cases closed before
 * improvement was sustained, so children came straight back.
 */
export async function closeEpisode(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof episodeClosure>) {
  return step(db, actor, childId, (ledger) => closeWithin(ledger, actor, childId, input));
}

/** The closure written within a step: by the manager directly, or on approving a worker's request. */
export async function closeWithin(ledger: Ledger, actor: Actor, childId: string, input: In<typeof episodeClosure>) {
  const laCode = actor.user.laCode;
  const trx = ledger.db;
  const episode = await openEpisode(trx, laCode, childId);
  new DateRules().notInFuture('closureDate', input.closureDate).notBefore('closureDate', input.closureDate, episode.referral_date, 'the referral').check();
  const openPlan = await currentProtectionPlan(trx, laCode, childId);
  if (openPlan)
    throw conflict('The child is on a protection plan: end it at a review conference before closing', [
      { field: 'closureDate', rule: 'protection-plan-open', message: 'End the protection plan first' },
    ]);
  const hadPlan = await trx
    .selectFrom('cp_plan')
    .select(['plan_id', 'end_date'])
    .where('la_code', '=', laCode)
    .where('episode_id', '=', episode.episode_id)
    .orderBy('end_date', 'desc')
    .executeTakeFirst();
  if (hadPlan) {
    const errors = [];
    if (!input.whatChanged)
      errors.push({ field: 'whatChanged', rule: 'what-changed-required', message: 'The child was on a protection plan: say what has changed' });
    if (input.changeSustainedWeeks === undefined)
      errors.push({ field: 'changeSustainedWeeks', rule: 'sustained-required', message: 'Say for how many weeks the change has held' });
    if (errors.length) throw invalid(errors, 'Closing after a protection plan needs what has changed and for how long');
    new DateRules().notBefore('closureDate', input.closureDate, hadPlan.end_date, 'the protection plan ended').check();
  }
  const decisionId = randomUUID();
  await ledger.insert('management_decision', {
    la_code: laCode,
    decision_id: decisionId,
    child_id: childId,
    episode_id: episode.episode_id,
    kind: 'closure',
    decided_on: input.closureDate,
    decided_by: actor.user.userId,
    reasons: input.reasons,
    what_changed: input.whatChanged ?? null,
    change_sustained_weeks: input.changeSustainedWeeks ?? null,
    child_met_decider: input.childMetDecider,
    parents_met_decider: input.parentsMetDecider,
    child_words: input.childWords ?? null,
  });
  const endedPlans = await trx
    .updateTable('cin_plan')
    .set({ end_date: input.closureDate })
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .returningAll()
    .execute();
  for (const plan of endedPlans) ledger.wroteRecord('cin_plan', plan, 'update', { detail: { ended: true } });
  await ledger.update(
    'cin_episode',
    { episode_id: episode.episode_id },
    { closure_date: input.closureDate, closure_reason: input.reason, closure_decision_id: decisionId },
    { fromVersion: episode.version, detail: { closed: input.reason } },
  );
  ledger.chronicle({
    occurredOn: input.closureDate,
    category: 'closure',
    summary: `Case closed by ${actor.user.displayName} (${input.reason}: ${CLOSURE_REASON[input.reason]}) — ${input.reasons}`,
    recordType: 'management-decision',
    recordId: decisionId,
  });
  // RC9: closed after assessment and referred to early help, which opens the early help episode.
  if (input.reason === 'RC9') await earlyHelpFromClosure(ledger, childId, episode.episode_id, input.closureDate, input.reasons);
  return { decisionId };
}
