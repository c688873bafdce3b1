/**
 * The front door and the child-in-need episode: contacts and the decision on them, referrals (the
 * episode starts), and closure. Assessments are in assessments.ts; plans and visits in cin-plans.ts.
 */
import { addCalendarMonths, todayInEngland } from '@lantern/core/calendar';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import { CLOSURE_REASON, CONTACT_DECISION, type contactDecision, type episodeClosure, type newContact, type newReferral } from '@lantern/core/pathway';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { openEpisode, currentEpisode } from '../../kernel/casework.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { earlyHelpFromClosure, earlyHelpFromContact, linkContactToEarlyHelp, stepUpToSocialCare } from '../early-help/index.ts';
import { currentProtectionPlan } from '../protection/index.ts';
import { routeWithin } from './routing.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The date in England of an instant. */
const englandDate = (iso: string) => todayInEngland(new Date(iso));

export async function recordContact(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newContact>) {
  return step(db, actor, childId, async (ledger) => {
    if (new Date(input.receivedAt).getTime() > Date.now() + 60_000)
      throw invalid([{ field: 'receivedAt', rule: 'not-in-future', message: 'The time cannot be in the future' }]);
    const receivedOn = englandDate(input.receivedAt);
    const { contact_id: contactId } = await insertNew(ledger, 'contact', {
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
  const open = await currentEpisode(trx, laCode, childId);
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
  const { episode_id: episodeId } = await insertNew(ledger, 'cin_episode', {
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
    const contact = await ledger.find('contact', { contact_id: contactId, child_id: childId }, 'contact', { lock: true });
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
  const { decision_id: decisionId } = await insertNew(ledger, 'management_decision', {
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
