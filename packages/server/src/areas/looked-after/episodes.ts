/**
 * Episodes of care, the SSDA903 way: a child becomes looked after (RNE S); a change of placement
 * or legal status closes the current episode (REC X1) and opens the next the same day with the
 * RNE the change makes; ceasing closes the last. A placement with a provider not registered for
 * that care needs the director's recorded approval, which the placement then carries.
 */
import { inHouseCarer } from '../fostering/index.ts';
import { ordersInForce } from '../looked-after-care/index.ts';
import { randomUUID } from 'node:crypto';
import {
  type careChange,
  type ceaseLookedAfter,
  LEGAL_STATUS,
  NO_DOLO_PLACES,
  PLACEMENT_TYPE,
  type placementDetails,
  placementProblems,
  postcodeIsProviderSetting,
  REASON_ENDED,
  REASON_NEW_EPISODE,
  reasonForChange,
  REGISTERED_CARE,
  type startLookedAfter,
  unregisteredReason,
  type unregisteredApproval,
} from '@lantern/core/looked-after';
import { normalisePostcode } from '@lantern/core/identifiers';
import { plainDate } from '@lantern/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { openSpan } from '../../kernel/casework.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database, Person } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid, Problem, staleVersion } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The child's open episode, locked for the change, or null. */
export function openClaEpisode(trx: Kysely<Database>, laCode: string, childId: string) {
  return openSpan(trx, 'cla_episode', laCode, childId).forUpdate().executeTakeFirst();
}

/** The episode the child was in on a day (the later one on a change-over day), or null. */
export function claEpisodeOn(trx: Kysely<Database>, laCode: string, childId: string, on: string) {
  return trx
    .selectFrom('cla_episode')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('start_date', '<=', on)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', on)]))
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

type Placement = In<typeof placementDetails>;

/**
 * Checks a placement against the 903's rules and the providers register, and finds the
 * director's approval an unregistered provider needs. Throws with every field's problem.
 */
async function checkedPlacement(
  trx: Kysely<Database>,
  laCode: string,
  child: Person,
  p: Placement,
  legalStatus: string,
  homePostcode: string | null,
  on: string,
  prefix: string,
) {
  const errors: FieldError[] = [];
  const field = (f: string) => `${prefix}${f}`;
  let provider = null;
  if (p.providerId) {
    provider = await rowByKey(trx, laCode, 'provider', { provider_id: p.providerId });
    if (!provider) errors.push({ field: field('providerId'), rule: 'exists', message: 'Choose a provider from the register' });
  }
  const placementProvider = p.placementProvider ?? provider?.place_provider ?? null;
  const urn = provider?.urn ?? p.urn ?? null;
  errors.push(...placementProblems({ ...p, placementProvider, urn, homePostcode, legalStatus }, prefix));
  if (REGISTERED_CARE.has(p.placementType) && !p.providerId)
    errors.push({
      field: field('providerId'),
      rule: 'provider-required',
      message: `Choose the provider from the register: ${PLACEMENT_TYPE[p.placementType]} is care Ofsted registers`,
    });
  if (
    provider?.postcode &&
    p.placementPostcode &&
    postcodeIsProviderSetting(p.placementType, legalStatus) &&
    normalisePostcode(provider.postcode) !== normalisePostcode(p.placementPostcode)
  )
    errors.push({
      field: field('placementPostcode'),
      rule: '903-221',
      message: `The placement postcode must be the provider’s setting postcode (${provider.postcode})`,
    });
  if (p.fosterHouseholdId) {
    const carer = await inHouseCarer(
      trx,
      laCode,
      p.fosterHouseholdId,
      { placementType: p.placementType, childDob: child.date_of_birth, childSex: child.sex, on, excludingChild: child.person_id },
      field('fosterHouseholdId'),
    );
    errors.push(...carer.errors);
  }
  if (errors.length) throw invalid(errors);

  let approval = null;
  if (provider) {
    const reason = unregisteredReason(
      {
        providerKind: provider.provider_kind,
        registrationStatus: provider.registration_status,
        registeredFor: provider.registered_for,
        registeredFrom: provider.registered_from,
        registeredTo: provider.registered_to,
      },
      p.placementType,
      child.date_of_birth,
      on,
    );
    if (reason) {
      approval = await trx
        .selectFrom('unregistered_approval')
        .selectAll()
        .where('la_code', '=', laCode)
        .where('child_id', '=', child.person_id)
        .where('provider_id', '=', provider.provider_id)
        .where('placement_type', '=', p.placementType)
        .where('placement_id', 'is', null)
        .orderBy('approved_on', 'desc')
        .forUpdate()
        .executeTakeFirst();
      if (!approval)
        throw new Problem(
          422,
          'Director’s approval required',
          `${reason.message}. The placement needs the director’s recorded approval, with reasons, first.`,
          [{ field: field('providerId'), rule: 'director-approval-required', message: `${reason.message}: the director must approve this placement first` }],
          { unregisteredReason: reason.rule },
        );
    }
  }
  return { placementProvider, urn, provider, approval };
}

type CheckedPlacement = Awaited<ReturnType<typeof checkedPlacement>>;

/** The episode's placement columns: what was asked for, with what the register supplied. */
function placementColumns(p: Placement, placed: CheckedPlacement) {
  return {
    placement_id: randomUUID(),
    placement_type: p.placementType,
    placement_provider: placed.placementProvider,
    provider_id: p.providerId ?? null,
    foster_household_id: p.fosterHouseholdId ?? null,
    urn: placed.urn,
    placement_postcode: p.placementPostcode ? normalisePostcode(p.placementPostcode) : null,
    intended_until_18: p.intendedUntil18,
    with_parent: p.withParent ?? null,
  };
}

/** The director's approval the placement needed now names it; returns what the chronology adds. */
async function carryApproval(ledger: Ledger, placed: CheckedPlacement | null, placementId: string) {
  if (!placed?.approval) return '';
  await ledger.update('unregistered_approval', { approval_id: placed.approval.approval_id }, { placement_id: placementId });
  return ' — provider not registered for this care; approved by the director';
}

export async function startCare(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof startLookedAfter>) {
  return step(db, actor, childId, async (ledger, child) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    if (await openClaEpisode(trx, laCode, childId))
      throw conflict('The child is already looked after: record a change of placement or legal status instead', [
        { field: 'startDate', rule: 'already-looked-after', message: 'The child is already looked after' },
      ]);
    const last = await trx
      .selectFrom('cla_episode')
      .select(['end_date'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .orderBy('end_date', 'desc')
      .executeTakeFirst();
    new DateRules()
      .notInFuture('startDate', input.startDate)
      .notBefore('startDate', input.startDate, child.date_of_birth, 'the child’s birth')
      .notBefore('startDate', input.startDate, last?.end_date, 'the end of the last period of care')
      .check();
    const placed = await checkedPlacement(trx, laCode, child, input, input.legalStatus, input.homePostcode ?? null, input.startDate, '');
    const episodeId = randomUUID();
    const values = {
      la_code: laCode,
      cla_episode_id: episodeId,
      child_id: childId,
      period_id: episodeId,
      start_date: input.startDate,
      reason_new_episode: 'S' as const,
      legal_status: input.legalStatus,
      category_of_need: input.categoryOfNeed,
      ...placementColumns(input, placed),
      home_postcode: input.homePostcode ? normalisePostcode(input.homePostcode) : null,
      recorded_by: actor.user.userId,
    };
    await ledger.insert('cla_episode', values, { detail: { rne: 'S' } });
    const approved = await carryApproval(ledger, placed, values.placement_id);
    const where = placed.provider ? ` with ${placed.provider.name}` : '';
    ledger.chronicle({
      occurredOn: input.startDate,
      category: 'looked-after',
      summary: `Became looked after (${LEGAL_STATUS[input.legalStatus]}): ${PLACEMENT_TYPE[input.placementType]}${where}${approved}`,
      recordType: 'cla-episode',
      recordId: episodeId,
    });
    return { episodeId, periodId: episodeId, placementId: values.placement_id };
  });
}

export async function changeCare(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof careChange>) {
  return step(db, actor, childId, async (ledger, child) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const current = await openClaEpisode(trx, laCode, childId);
    if (!current)
      throw conflict('The child is not looked after', [
        { field: 'date', rule: 'looked-after-required', message: 'Record the child becoming looked after first' },
      ]);
    // The episode read is no longer the current one, or has changed since: someone else recorded a step.
    if (current.cla_episode_id !== input.episodeId || current.version !== input.version) throw staleVersion(current.version, input.version);
    new DateRules().notInFuture('date', input.date).notBefore('date', input.date, current.start_date, 'the current episode’s start').check();
    const legalChanged = !!input.legalStatus && input.legalStatus !== current.legal_status;
    const placementChanged = !!input.placement;
    if (!legalChanged && !placementChanged)
      throw invalid([
        {
          field: 'legalStatus',
          rule: 'change-required',
          message: `The legal status is already ${input.legalStatus}: record a new legal status, a new placement, or both`,
        },
      ]);
    const p = input.placement;
    // A deprivation of liberty order cannot be in force in a secure home, with parents, in a YOI or in supported accommodation (903 rule 710).
    const [order] = p && NO_DOLO_PLACES.has(p.placementType) ? await ordersInForce(trx, laCode, childId, input.date) : [];
    if (p && order)
      throw invalid([
        {
          field: 'placement.placementType',
          rule: 'placement-not-for-dolo',
          message: `A deprivation of liberty order made on ${plainDate(order.made_on)} by ${order.court} is in force: a child with one cannot be placed in a ${PLACEMENT_TYPE[p.placementType].toLowerCase()} (${p.placementType}). Record the order's end first, if the court has ended it`,
        },
      ]);
    const rne = reasonForChange(legalChanged, placementChanged, input.sameCarer);
    const legalStatus = input.legalStatus ?? current.legal_status;
    const placed = input.placement
      ? await checkedPlacement(trx, laCode, child, input.placement, legalStatus, current.home_postcode, input.date, 'placement.')
      : null;

    await ledger.update(
      'cla_episode',
      { cla_episode_id: current.cla_episode_id },
      { end_date: input.date, reason_ended: 'X1', reason_place_change: placementChanged ? (input.reasonPlaceChange ?? null) : null },
      { fromVersion: input.version, detail: { rec: 'X1' } },
    );

    // No new placement: the child stays where they are, so the placement carries over as it was.
    const placement =
      p && placed
        ? placementColumns(p, placed)
        : {
            placement_id: current.placement_id,
            placement_type: current.placement_type,
            placement_provider: current.placement_provider,
            provider_id: current.provider_id,
            foster_household_id: current.foster_household_id ?? null,
            urn: current.urn,
            placement_postcode: current.placement_postcode,
            intended_until_18: current.intended_until_18,
            with_parent: current.with_parent,
          };
    const { cla_episode_id: episodeId } = await insertNew(
      ledger,
      'cla_episode',
      {
        child_id: childId,
        period_id: current.period_id,
        start_date: input.date,
        reason_new_episode: rne,
        legal_status: legalStatus,
        category_of_need: current.category_of_need,
        ...placement,
        home_postcode: current.home_postcode,
        recorded_by: actor.user.userId,
      },
      { detail: { rne } },
    );
    const approved = await carryApproval(ledger, placed, placement.placement_id);
    const what = [
      legalChanged ? `legal status now ${LEGAL_STATUS[legalStatus as keyof typeof LEGAL_STATUS]}` : null,
      p ? `moved to ${PLACEMENT_TYPE[p.placementType]}${placed?.provider ? ` with ${placed.provider.name}` : ''}` : null,
    ]
      .filter(Boolean)
      .join('; ');
    ledger.chronicle({
      occurredOn: input.date,
      category: 'looked-after',
      summary: `${REASON_NEW_EPISODE[rne]}: ${what}${approved}`,
      recordType: 'cla-episode',
      recordId: episodeId,
    });
    return { episodeId, reasonNewEpisode: rne, placementId: placement.placement_id };
  });
}

export async function ceaseCare(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof ceaseLookedAfter>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const current = await openClaEpisode(trx, laCode, childId);
    if (!current)
      throw conflict('The child is not looked after', [{ field: 'endDate', rule: 'looked-after-required', message: 'The child is not looked after' }]);
    // The episode read is no longer the current one, or has changed since: someone else recorded a step.
    if (current.cla_episode_id !== input.episodeId || current.version !== input.version) throw staleVersion(current.version, input.version);
    new DateRules().notInFuture('endDate', input.endDate).notBefore('endDate', input.endDate, current.start_date, 'the current episode’s start').check();
    // An order depriving the child of liberty must have ended by the day care does (903 rule 707).
    const [order] = await ordersInForce(trx, laCode, childId, input.endDate, true);
    if (order) {
      // The whole sentence is the detail too: the page shows a 409's detail, not its fields.
      const message = `The deprivation of liberty order made on ${plainDate(order.made_on)} by ${order.court} is in force after ${plainDate(input.endDate)}: record the day it ended (on or before the day care ends) first`;
      throw conflict(message, [{ field: 'endDate', rule: 'dolo-in-force', message }]);
    }
    await ledger.update(
      'cla_episode',
      { cla_episode_id: current.cla_episode_id },
      { end_date: input.endDate, reason_ended: input.reasonEnded },
      { fromVersion: current.version, detail: { rec: input.reasonEnded } },
    );
    ledger.chronicle({
      occurredOn: input.endDate,
      category: 'looked-after',
      summary: `Ceased to be looked after: ${REASON_ENDED[input.reasonEnded]}`,
      recordType: 'cla-episode',
      recordId: current.cla_episode_id,
    });
    return { episodeId: current.cla_episode_id, periodId: current.period_id };
  });
}

/**
 * The director's approval of a placement with a provider not registered for that care, with
 * who, when and why, on the child's record. The placement that uses it then carries it.
 */
export async function approveUnregistered(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof unregisteredApproval>) {
  return step(db, actor, childId, async (ledger) => {
    const provider = await ledger.row('provider', { provider_id: input.providerId });
    if (!provider) throw invalid([{ field: 'providerId', rule: 'exists', message: 'Choose a provider from the register' }]);
    new DateRules().notInFuture('approvedOn', input.approvedOn).check();
    const { approval_id: approvalId } = await insertNew(ledger, 'unregistered_approval', {
      child_id: childId,
      provider_id: input.providerId,
      placement_type: input.placementType,
      approved_on: input.approvedOn,
      approved_by: actor.user.userId,
      approver_name: actor.user.displayName,
      reasons: input.reasons,
    });
    ledger.chronicle({
      occurredOn: input.approvedOn,
      category: 'looked-after',
      summary: `Director’s approval of a placement with ${provider.name} (not registered for ${PLACEMENT_TYPE[input.placementType]}), by ${actor.user.displayName}: ${input.reasons}`,
      recordType: 'unregistered-approval',
      recordId: approvalId,
    });
    return { approvalId };
  });
}
