/**
 * Permanence and adoption, unaccompanied asylum-seeking children, the health and education of
 * looked-after children, and care leavers. The date a child became looked after is read from
 * care_period (the episodes of care); nothing here copies it.
 */
import { randomUUID } from 'node:crypto';
import { todayInEngland } from '@lantern/core/calendar';
import {
  type adoptionProgress,
  AGE_ASSESSMENT,
  type birthdayContact,
  birthdayContactProblems,
  type careLeaverDetails,
  CARE_LEAVER_CATEGORY,
  entryToPlacedDays,
  HEALTH_CHECK_KIND,
  IN_TOUCH,
  isEet,
  isSuitableAccommodation,
  type newAdoptionDecision,
  type newHealthCheck,
  type newHealthOutcome,
  type newLeaverAccommodation,
  type newPaVisit,
  type newPathwayPlan,
  type newPep,
  type newPermanenceOrder,
  type newPermanencePlan,
  type newPreviousPermanence,
  PERMANENCE_ORDER_TYPE,
  PERMANENCE_PLAN_TYPE,
  PLACED_CEASED_REASON,
  PREVIOUS_PERMANENCE,
  type uascDetails,
  uascDelayDays,
  UASC_REFERRAL_ROUTE,
} from '@lantern/core/care';
import { scopeFor } from '@lantern/core/permissions';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childFor, childrenInScope, mayAct } from '../../kernel/access.ts';
import { audit, auditMany } from '../../kernel/audit.ts';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid, notFound, staleVersion } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { childObligationsUnder } from '../timescales/service.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The rules this area's records start, meet or end: the ones its pages show. */
export const CARE_RULES = [
  'health-assessment-initial',
  'health-assessment-review',
  'pep-initial',
  'pep-review',
  'uasc-looked-after',
  'uasc-transfer',
  'pathway-plan',
  'pathway-plan-review',
  'pa-visit',
] as const;

const entry = (occurredOn: string, category: string, summary: string, recordType: string, recordId: string) => ({
  occurredOn,
  category,
  summary,
  recordType,
  recordId,
});

function carePeriods(db: Kysely<Database>, laCode: string, childId: string) {
  return db.selectFrom('care_period').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date').execute();
}

// ---------------------------------------------------------------------------
// Permanence

export async function recordPermanencePlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPermanencePlan>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    new DateRules().notInFuture('agreedOn', input.agreedOn).check();
    const current = await trx
      .selectFrom('permanence_plan')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('ended_on', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (current && input.agreedOn < current.agreed_on)
      throw invalid([{ field: 'agreedOn', rule: 'not-before', message: `The current plan was agreed on ${current.agreed_on}; a new plan cannot be earlier` }]);
    if (current)
      await trx
        .updateTable('permanence_plan')
        .set({ ended_on: input.agreedOn, version: current.version + 1 })
        .where('la_code', '=', laCode)
        .where('plan_id', '=', current.plan_id)
        .execute();
    const planId = randomUUID();
    await trx
      .insertInto('permanence_plan')
      .values({
        la_code: laCode,
        plan_id: planId,
        child_id: childId,
        plan_type: input.planType,
        agreed_on: input.agreedOn,
        notes: input.notes ?? null,
        created_by: actor.user.userId,
      })
      .execute();
    const was = current ? ` (was: ${PERMANENCE_PLAN_TYPE[current.plan_type as keyof typeof PERMANENCE_PLAN_TYPE] ?? current.plan_type})` : '';
    return {
      result: { planId },
      chronology: [entry(input.agreedOn, 'permanence', `Permanence plan agreed: ${PERMANENCE_PLAN_TYPE[input.planType]}${was}`, 'permanence-plan', planId)],
      audit: [{ action: 'create', recordType: 'permanence-plan', recordId: planId }],
    };
  });
}

export async function recordAdoptionDecision(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newAdoptionDecision>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    new DateRules().notInFuture('decisionOn', input.decisionOn).check();
    const open = await trx
      .selectFrom('adoption')
      .select(['adoption_id', 'decision_on'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('adoption_order_on', 'is', null)
      .where('no_longer_on', 'is', null)
      .executeTakeFirst();
    if (open)
      throw conflict(`A decision to place for adoption made on ${open.decision_on} is still open`, [
        { field: 'decisionOn', rule: 'adoption-open', message: 'Record the next step on the open adoption, or that the child should no longer be placed' },
      ]);
    const adoptionId = randomUUID();
    await trx
      .insertInto('adoption')
      .values({ la_code: laCode, adoption_id: adoptionId, child_id: childId, decision_on: input.decisionOn, created_by: actor.user.userId })
      .execute();
    return {
      result: { adoptionId, version: 1 },
      chronology: [entry(input.decisionOn, 'adoption', 'Decision that the child should be placed for adoption', 'adoption', adoptionId)],
      audit: [{ action: 'create', recordType: 'adoption', recordId: adoptionId }],
    };
  });
}

const ADOPTION_FIELDS = {
  placementOrderOn: 'placement_order_on',
  matchedOn: 'matched_on',
  adopterCount: 'adopter_count',
  adopterSex: 'adopter_sex',
  adopterLegalStatus: 'adopter_legal_status',
  fosterCarerAdoption: 'foster_carer_adoption',
  movedInOn: 'moved_in_on',
  placedOn: 'placed_on',
  placedCeasedOn: 'placed_ceased_on',
  placedCeasedReason: 'placed_ceased_reason',
  adoptionOrderOn: 'adoption_order_on',
  noLongerOn: 'no_longer_on',
  noLongerReason: 'no_longer_reason',
} as const;

/** The order of the adoption journey, checked over the record as it would be after the change. */
function adoptionProblems(a: Record<string, unknown>): FieldError[] {
  const d = (k: string) => (a[k] as string | null) ?? null;
  const errors: FieldError[] = [];
  const after = (field: string, col: string, earlierCol: string, what: string) => {
    const v = d(col);
    const e = d(earlierCol);
    if (v && e && v < e) errors.push({ field, rule: 'not-before', message: `The date cannot be before ${what} (${e})` });
  };
  after('placementOrderOn', 'placement_order_on', 'decision_on', 'the decision to place for adoption');
  after('matchedOn', 'matched_on', 'decision_on', 'the decision to place for adoption');
  after('placedOn', 'placed_on', 'matched_on', 'the match');
  after('placedCeasedOn', 'placed_ceased_on', 'placed_on', 'the placement for adoption');
  after('adoptionOrderOn', 'adoption_order_on', 'placed_on', 'the placement for adoption');
  after('noLongerOn', 'no_longer_on', 'decision_on', 'the decision to place for adoption');
  if (d('placed_on') && !d('matched_on')) errors.push({ field: 'matchedOn', rule: 'match-before-placement', message: 'Record the match before the placement' });
  if (d('adoption_order_on') && !d('placed_on'))
    errors.push({ field: 'placedOn', rule: 'placed-before-order', message: 'Record the placement for adoption before the adoption order' });
  if (d('placed_ceased_on') && !a.placed_ceased_reason)
    errors.push({ field: 'placedCeasedReason', rule: 'required-with-placedCeasedOn', message: 'Say why the placement for adoption ended (RD1–RD4)' });
  if (!d('placed_ceased_on') && a.placed_ceased_reason)
    errors.push({ field: 'placedCeasedOn', rule: 'required-with-placedCeasedReason', message: 'Say when the placement for adoption ended' });
  if (d('no_longer_on') && !a.no_longer_reason)
    errors.push({ field: 'noLongerReason', rule: 'required-with-noLongerOn', message: 'Say why the child should no longer be placed' });
  if (!d('no_longer_on') && a.no_longer_reason) errors.push({ field: 'noLongerOn', rule: 'required-with-noLongerReason', message: 'Say when it was decided' });
  if (d('no_longer_on') && d('adoption_order_on'))
    errors.push({ field: 'noLongerOn', rule: 'adoption-order-made', message: 'An adoption order has been made; the child cannot also be no longer placed' });
  if (d('matched_on') && (a.adopter_count === null || !a.adopter_sex || !a.adopter_legal_status || a.foster_carer_adoption === null))
    errors.push({
      field: 'adopterCount',
      rule: 'adopters-with-match',
      message: 'With the match, record the adopters: how many, their sex, legal status and whether they fostered the child',
    });
  if (a.adopter_count === 1 && a.adopter_sex && !['M1', 'F1'].includes(a.adopter_sex as string))
    errors.push({ field: 'adopterSex', rule: 'adopters-count-sex', message: 'One adopter: M1 or F1' });
  if (a.adopter_count === 2 && a.adopter_sex && ['M1', 'F1'].includes(a.adopter_sex as string))
    errors.push({ field: 'adopterSex', rule: 'adopters-count-sex', message: 'Two adopters: MM, FF or MF' });
  return errors;
}

export async function progressAdoption(db: Kysely<Database>, actor: Actor, childId: string, adoptionId: string, input: In<typeof adoptionProgress>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    const a = await trx
      .selectFrom('adoption')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('adoption_id', '=', adoptionId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!a) throw notFound('adoption');
    if (a.version !== input.version) throw staleVersion(a.version, input.version);
    const set: Record<string, unknown> = {};
    for (const [k, col] of Object.entries(ADOPTION_FIELDS)) {
      const v = (input as Record<string, unknown>)[k];
      if (v !== undefined) set[col] = v;
    }
    const rules = new DateRules();
    for (const [k, col] of Object.entries(ADOPTION_FIELDS)) if (k.endsWith('On')) rules.notInFuture(k, set[col] as string | null | undefined);
    rules.check();
    const next = { ...a, ...set };
    const problems = adoptionProblems(next);
    if (problems.length) throw invalid(problems);
    const updated = await trx
      .updateTable('adoption')
      .set({ ...set, version: a.version + 1 })
      .where('la_code', '=', laCode)
      .where('adoption_id', '=', adoptionId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw staleVersion(a.version + 1, input.version);
    const chronology = [];
    const changed = (col: keyof typeof a) => set[col] !== undefined && set[col] !== null && set[col] !== a[col];
    if (changed('placement_order_on')) chronology.push(entry(next.placement_order_on as string, 'adoption', 'Placement order made', 'adoption', adoptionId));
    if (changed('matched_on')) chronology.push(entry(next.matched_on as string, 'adoption', 'Matched with prospective adopters', 'adoption', adoptionId));
    if (changed('placed_on')) chronology.push(entry(next.placed_on as string, 'adoption', 'Placed for adoption', 'adoption', adoptionId));
    if (changed('placed_ceased_on'))
      chronology.push(
        entry(
          next.placed_ceased_on as string,
          'adoption',
          `Placement for adoption ended: ${PLACED_CEASED_REASON[next.placed_ceased_reason as keyof typeof PLACED_CEASED_REASON]}`,
          'adoption',
          adoptionId,
        ),
      );
    if (changed('adoption_order_on')) chronology.push(entry(next.adoption_order_on as string, 'adoption', 'Adoption order made', 'adoption', adoptionId));
    if (changed('no_longer_on'))
      chronology.push(
        entry(
          next.no_longer_on as string,
          'adoption',
          `Decision that the child should no longer be placed for adoption: ${next.no_longer_reason}`,
          'adoption',
          adoptionId,
        ),
      );
    return {
      result: { adoptionId, version: updated.version },
      chronology,
      audit: [{ action: 'update', recordType: 'adoption', recordId: adoptionId, detail: { fields: Object.keys(set), fromVersion: input.version } }],
    };
  });
}

export async function recordPermanenceOrder(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPermanenceOrder>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    new DateRules().notInFuture('madeOn', input.madeOn).check();
    const orderId = randomUUID();
    await trx
      .insertInto('permanence_order')
      .values({
        la_code: actor.user.laCode,
        order_id: orderId,
        child_id: childId,
        order_type: input.orderType,
        made_on: input.madeOn,
        made_to: input.madeTo,
        former_foster_carer: input.formerFosterCarer,
        created_by: actor.user.userId,
      })
      .execute();
    return {
      result: { orderId },
      chronology: [entry(input.madeOn, 'permanence', `${PERMANENCE_ORDER_TYPE[input.orderType]} made to ${input.madeTo}`, 'permanence-order', orderId)],
      audit: [{ action: 'create', recordType: 'permanence-order', recordId: orderId }],
    };
  });
}

export async function recordPreviousPermanence(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPreviousPermanence>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    const period = await trx
      .selectFrom('care_period')
      .select(['period_id', 'start_date'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('period_id', '=', input.periodId)
      .executeTakeFirst();
    if (!period) throw invalid([{ field: 'periodId', rule: 'exists', message: 'Choose one of this child’s periods of care' }]);
    if (input.prevPerm !== 'Z1' && !input.laPerm)
      throw invalid([{ field: 'laPerm', rule: 'required-with-prevPerm', message: 'Which council made the previous order (999: not available)' }]);
    const row = {
      la_code: laCode,
      child_id: childId,
      period_id: input.periodId,
      prev_perm: input.prevPerm,
      la_perm: input.prevPerm === 'Z1' ? null : (input.laPerm ?? null),
      date_perm: input.prevPerm === 'Z1' ? null : (input.datePerm ?? null),
      created_by: actor.user.userId,
    };
    await trx
      .insertInto('previous_permanence')
      .values(row)
      .onConflict((c) =>
        c.columns(['la_code', 'child_id', 'period_id']).doUpdateSet({ prev_perm: row.prev_perm, la_perm: row.la_perm, date_perm: row.date_perm }),
      )
      .execute();
    return {
      result: { periodId: input.periodId },
      chronology: [
        entry(
          period.start_date,
          'permanence',
          `Previous permanence when this period of care began: ${PREVIOUS_PERMANENCE[input.prevPerm]}`,
          'previous-permanence',
          input.periodId,
        ),
      ],
      audit: [{ action: 'update', recordType: 'previous-permanence', recordId: input.periodId, detail: { prevPerm: input.prevPerm } }],
    };
  });
}

// ---------------------------------------------------------------------------
// Unaccompanied asylum-seeking children

/** The day the child became looked after for this referral: the first period of care not over by then. */
function lookedAfterOn(periods: { start_date: string; end_date: string | null }[], referredOn: string): string | null {
  const p = periods.find((x) => x.end_date === null || x.end_date >= referredOn);
  if (!p) return null;
  return p.start_date > referredOn ? p.start_date : referredOn;
}

export async function saveUasc(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof uascDetails>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    const rules = new DateRules()
      .notInFuture('referredOn', input.referredOn)
      .notInFuture('ageAssessedOn', input.ageAssessedOn)
      .notBefore('ageAssessedOn', input.ageAssessedOn, input.referredOn, 'the referral')
      .notInFuture('ntsReferredOn', input.ntsReferredOn)
      .notBefore('ntsReferredOn', input.ntsReferredOn, input.referredOn, 'the referral')
      .notInFuture('ntsTransferredOn', input.ntsTransferredOn)
      .notBefore('ntsTransferredOn', input.ntsTransferredOn, input.ntsReferredOn, 'the referral into the scheme')
      .notInFuture('ceasedOn', input.ceasedOn)
      .notBefore('ceasedOn', input.ceasedOn, input.referredOn, 'the referral');
    rules.check();
    const errors: FieldError[] = [];
    if ((input.ageAssessment === 'child' || input.ageAssessment === 'adult') && !input.ageAssessedOn)
      errors.push({ field: 'ageAssessedOn', rule: 'required-with-ageAssessment', message: 'Say when the age was assessed' });
    if (input.ntsTransferredOn && !input.ntsReferredOn)
      errors.push({
        field: 'ntsReferredOn',
        rule: 'required-with-ntsTransferredOn',
        message: 'Say when the child was referred into the National Transfer Scheme',
      });
    if (errors.length) throw invalid(errors);
    const existing = await trx
      .selectFrom('uasc_record')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      referred_on: input.referredOn,
      referral_route: input.referralRoute,
      age_assessment: input.ageAssessment,
      age_assessed_on: input.ageAssessedOn ?? null,
      nts_referred_on: input.ntsReferredOn ?? null,
      nts_transferred_on: input.ntsTransferredOn ?? null,
      ceased_on: input.ceasedOn ?? null,
      notes: input.notes ?? null,
    };
    let version = 1;
    const chronology = [];
    if (!existing) {
      if (input.version !== undefined && input.version !== 1) throw staleVersion(0, input.version);
      await trx
        .insertInto('uasc_record')
        .values({ la_code: laCode, child_id: childId, ...values, created_by: actor.user.userId })
        .execute();
      chronology.push(
        entry(
          input.referredOn,
          'uasc',
          `Unaccompanied asylum-seeking child: ${UASC_REFERRAL_ROUTE[input.referralRoute].toLowerCase()}; age ${AGE_ASSESSMENT[input.ageAssessment].toLowerCase()}`,
          'uasc',
          childId,
        ),
      );
    } else {
      if (input.version === undefined)
        throw invalid([{ field: 'version', rule: 'required-on-update', message: 'Send the version of the UASC record you changed' }]);
      if (existing.version !== input.version) throw staleVersion(existing.version, input.version);
      const updated = await trx
        .updateTable('uasc_record')
        .set({ ...values, version: existing.version + 1 })
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated) throw staleVersion(existing.version + 1, input.version);
      version = updated.version;
      if (input.ageAssessment !== existing.age_assessment && input.ageAssessedOn)
        chronology.push(entry(input.ageAssessedOn, 'uasc', `Age assessment: ${AGE_ASSESSMENT[input.ageAssessment].toLowerCase()}`, 'uasc', childId));
      if (input.ntsTransferredOn && input.ntsTransferredOn !== existing.nts_transferred_on)
        chronology.push(entry(input.ntsTransferredOn, 'uasc', 'Transferred under the National Transfer Scheme', 'uasc', childId));
      if (input.ceasedOn && input.ceasedOn !== existing.ceased_on) chronology.push(entry(input.ceasedOn, 'uasc', 'UASC status ceased', 'uasc', childId));
    }
    return {
      result: { version },
      chronology,
      audit: [{ action: existing ? ('update' as const) : ('create' as const), recordType: 'uasc', recordId: childId }],
    };
  });
}

/** The children with a UASC record, each with the days they waited to be looked after. */
export async function uascList(db: Kysely<Database>, actor: Actor) {
  const user = actor.user;
  const scope = scopeFor(user.role, 'child:read');
  if (!scope) return { children: [], delayed: 0 };
  const asOf = todayInEngland();
  const rows = await db
    .selectFrom('uasc_record as u')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'u.la_code').onRef('p.person_id', '=', 'u.child_id'))
    .where(childrenInScope(user, scope))
    .select(['u.child_id', 'p.given_name', 'p.family_name', 'p.la_child_id', 'u.referred_on', 'u.referral_route', 'u.age_assessment', 'u.ceased_on'])
    .select((eb) =>
      eb
        .selectFrom('obligation as o')
        .select('o.met_on')
        .whereRef('o.la_code', '=', 'u.la_code')
        .whereRef('o.child_id', '=', 'u.child_id')
        .where('o.rule_id', '=', 'uasc-looked-after')
        .as('looked_after_on'),
    )
    .orderBy('u.referred_on', 'desc')
    .execute();
  const children = rows.map((r) => {
    const adult = r.age_assessment === 'adult' && !r.looked_after_on;
    const delayDays = adult ? null : uascDelayDays(r.referred_on, r.looked_after_on, asOf);
    return {
      childId: r.child_id,
      name: `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim(),
      laChildId: r.la_child_id,
      referredOn: r.referred_on,
      referralRoute: r.referral_route,
      ageAssessment: r.age_assessment,
      lookedAfterOn: r.looked_after_on,
      ceasedOn: r.ceased_on,
      delayDays,
      waiting: !r.looked_after_on && !adult,
    };
  });
  await auditMany(
    db,
    actor,
    children.map((c) => ({ action: 'search' as const, recordType: 'uasc', recordId: c.childId, childId: c.childId, detail: { list: 'uasc' } })),
  );
  return { children, delayed: children.filter((c) => (c.delayDays ?? 0) > 0).length };
}

// ---------------------------------------------------------------------------
// Health and education

export async function recordHealthCheck(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newHealthCheck>) {
  return step(db, actor, childId, async ({ db: trx }, child) => {
    new DateRules().notInFuture('doneOn', input.doneOn).notBefore('doneOn', input.doneOn, child.date_of_birth, 'the child’s birth').check();
    const checkId = randomUUID();
    await trx
      .insertInto('health_check')
      .values({
        la_code: actor.user.laCode,
        check_id: checkId,
        child_id: childId,
        kind: input.kind,
        done_on: input.doneOn,
        notes: input.notes ?? null,
        created_by: actor.user.userId,
      })
      .execute();
    return {
      result: { checkId },
      chronology: [entry(input.doneOn, 'health', HEALTH_CHECK_KIND[input.kind], 'health-check', checkId)],
      audit: [{ action: 'create', recordType: 'health-check', recordId: checkId }],
    };
  });
}

export async function recordHealthOutcome(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newHealthOutcome>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    new DateRules().notInFuture('recordedOn', input.recordedOn).check();
    if ((input.sdqScore === null) === (input.sdqReason === null))
      throw invalid([
        {
          field: input.sdqScore === null ? 'sdqScore' : 'sdqReason',
          rule: 'sdq-score-or-reason',
          message: 'Record the SDQ score (0–40) or the reason there is none, not both',
        },
      ]);
    if (input.substanceMisuse && input.interventionOffered === null)
      throw invalid([{ field: 'interventionOffered', rule: 'required-with-substanceMisuse', message: 'Say whether an intervention was offered' }]);
    const outcomeId = randomUUID();
    await trx
      .insertInto('health_outcome')
      .values({
        la_code: actor.user.laCode,
        outcome_id: outcomeId,
        child_id: childId,
        recorded_on: input.recordedOn,
        immunisations_up_to_date: input.immunisationsUpToDate,
        sdq_score: input.sdqScore,
        sdq_reason: input.sdqReason,
        substance_misuse: input.substanceMisuse,
        intervention_received: input.interventionReceived,
        intervention_offered: input.interventionOffered,
        convicted: input.convicted,
        created_by: actor.user.userId,
      })
      .execute();
    const sdq = input.sdqScore !== null ? `SDQ ${input.sdqScore}` : `no SDQ (${input.sdqReason})`;
    return {
      result: { outcomeId },
      chronology: [
        entry(
          input.recordedOn,
          'health',
          `Health outcomes: immunisations ${input.immunisationsUpToDate ? 'up to date' : 'not up to date'}; ${sdq}`,
          'health-outcome',
          outcomeId,
        ),
      ],
      audit: [{ action: 'create', recordType: 'health-outcome', recordId: outcomeId }],
    };
  });
}

export async function recordPep(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPep>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    new DateRules().notInFuture('heldOn', input.heldOn).check();
    const pepId = randomUUID();
    await trx
      .insertInto('pep')
      .values({
        la_code: actor.user.laCode,
        pep_id: pepId,
        child_id: childId,
        held_on: input.heldOn,
        school: input.school ?? null,
        notes: input.notes ?? null,
        created_by: actor.user.userId,
      })
      .execute();
    return {
      result: { pepId },
      chronology: [entry(input.heldOn, 'education', `Personal education plan${input.school ? ` (${input.school})` : ''}`, 'pep', pepId)],
      audit: [{ action: 'create', recordType: 'pep', recordId: pepId }],
    };
  });
}

// ---------------------------------------------------------------------------
// Care leavers

export async function saveCareLeaver(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof careLeaverDetails>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    new DateRules()
      .notInFuture('eligibleFrom', input.eligibleFrom)
      .notInFuture('supportEndedOn', input.supportEndedOn)
      .notBefore('supportEndedOn', input.supportEndedOn, input.eligibleFrom, 'the day they became eligible')
      .check();
    const existing = await trx
      .selectFrom('care_leaver')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    const values = { category: input.category, eligible_from: input.eligibleFrom, support_ended_on: input.supportEndedOn ?? null };
    let version = 1;
    if (!existing) {
      if (input.version !== undefined && input.version !== 1) throw staleVersion(0, input.version);
      await trx
        .insertInto('care_leaver')
        .values({ la_code: laCode, child_id: childId, ...values, created_by: actor.user.userId })
        .execute();
    } else {
      if (input.version === undefined)
        throw invalid([{ field: 'version', rule: 'required-on-update', message: 'Send the version of the care leaver record you changed' }]);
      if (existing.version !== input.version) throw staleVersion(existing.version, input.version);
      const updated = await trx
        .updateTable('care_leaver')
        .set({ ...values, version: existing.version + 1 })
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated) throw staleVersion(existing.version + 1, input.version);
      version = updated.version;
    }
    const changed = !existing || existing.category !== input.category;
    return {
      result: { version },
      chronology: changed
        ? [entry(input.eligibleFrom, 'care-leaver', `Leaving care: ${CARE_LEAVER_CATEGORY[input.category].toLowerCase()}`, 'care-leaver', childId)]
        : [],
      audit: [{ action: existing ? ('update' as const) : ('create' as const), recordType: 'care-leaver', recordId: childId }],
    };
  });
}

async function careLeaverOf(trx: Kysely<Database>, laCode: string, childId: string) {
  const cl = await trx.selectFrom('care_leaver').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).executeTakeFirst();
  if (!cl)
    throw conflict('The young person is not recorded as a care leaver: record their leaving care category first', [
      { field: 'childId', rule: 'care-leaver-required', message: 'Record the leaving care category first' },
    ]);
  return cl;
}

export async function recordPathwayPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPathwayPlan>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    await careLeaverOf(trx, laCode, childId);
    new DateRules().notInFuture('heldOn', input.heldOn).check();
    if (input.kind === 'review') {
      const plan = await trx
        .selectFrom('pathway_plan')
        .select('held_on')
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .where('kind', '=', 'plan')
        .orderBy('held_on')
        .executeTakeFirst();
      if (!plan) throw invalid([{ field: 'kind', rule: 'plan-before-review', message: 'Record the pathway plan before its reviews' }]);
      new DateRules().notBefore('heldOn', input.heldOn, plan.held_on, 'the pathway plan').check();
    }
    const pathwayId = randomUUID();
    await trx
      .insertInto('pathway_plan')
      .values({ la_code: laCode, pathway_id: pathwayId, child_id: childId, kind: input.kind, held_on: input.heldOn, created_by: actor.user.userId })
      .execute();
    return {
      result: { pathwayId },
      chronology: [entry(input.heldOn, 'care-leaver', input.kind === 'plan' ? 'Pathway plan' : 'Pathway plan review', 'pathway-plan', pathwayId)],
      audit: [{ action: 'create', recordType: 'pathway-plan', recordId: pathwayId }],
    };
  });
}

export async function recordLeaverAccommodation(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newLeaverAccommodation>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    await careLeaverOf(trx, laCode, childId);
    new DateRules().notInFuture('movedOn', input.movedOn).check();
    const moveId = randomUUID();
    await trx
      .insertInto('leaver_accommodation')
      .values({
        la_code: laCode,
        move_id: moveId,
        child_id: childId,
        moved_on: input.movedOn,
        accommodation: input.accommodation,
        suitable: input.suitable,
        created_by: actor.user.userId,
      })
      .execute();
    return {
      result: { moveId },
      chronology: [
        entry(input.movedOn, 'care-leaver', `Moved to new accommodation (${input.suitable ? 'suitable' : 'not suitable'})`, 'leaver-accommodation', moveId),
      ],
      audit: [{ action: 'create', recordType: 'leaver-accommodation', recordId: moveId }],
    };
  });
}

export async function recordPaVisit(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPaVisit>) {
  return step(db, actor, childId, async ({ db: trx }) => {
    const laCode = actor.user.laCode;
    await careLeaverOf(trx, laCode, childId);
    new DateRules().notInFuture('visitedOn', input.visitedOn).check();
    const visitId = randomUUID();
    await trx
      .insertInto('pa_visit')
      .values({
        la_code: laCode,
        visit_id: visitId,
        child_id: childId,
        visited_on: input.visitedOn,
        worker_id: actor.user.workerId,
        notes: input.notes ?? null,
        created_by: actor.user.userId,
      })
      .execute();
    return {
      result: { visitId },
      chronology: [entry(input.visitedOn, 'care-leaver', 'Personal adviser visit', 'pa-visit', visitId)],
      audit: [{ action: 'create', recordType: 'pa-visit', recordId: visitId }],
    };
  });
}

/** OC3: the contact around a birthday from 17 to 21. Recording the same birthday again is an edit (version). */
export async function saveBirthdayContact(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof birthdayContact>) {
  return step(db, actor, childId, async ({ db: trx }, child) => {
    const laCode = actor.user.laCode;
    await careLeaverOf(trx, laCode, childId);
    new DateRules().notInFuture('contactOn', input.contactOn).check();
    const problems = birthdayContactProblems(input);
    if (problems.length) throw invalid(problems);
    if (!child.date_of_birth)
      throw invalid([{ field: 'birthdayAge', rule: 'date-of-birth-required', message: 'Record the young person’s date of birth first' }]);
    const existing = await trx
      .selectFrom('leaver_birthday_contact')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('birthday_age', '=', input.birthdayAge)
      .forUpdate()
      .executeTakeFirst();
    const values = { contact_on: input.contactOn, in_touch: input.inTouch, activity: input.activity, accommodation: input.accommodation };
    let version = 1;
    if (!existing) {
      await trx
        .insertInto('leaver_birthday_contact')
        .values({ la_code: laCode, child_id: childId, birthday_age: input.birthdayAge, ...values, created_by: actor.user.userId })
        .execute();
    } else {
      if (input.version === undefined)
        throw invalid([
          {
            field: 'version',
            rule: 'required-on-update',
            message: `The contact for the ${input.birthdayAge}th birthday is recorded: send its version to change it`,
          },
        ]);
      if (existing.version !== input.version) throw staleVersion(existing.version, input.version);
      const updated = await trx
        .updateTable('leaver_birthday_contact')
        .set({ ...values, version: existing.version + 1 })
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .where('birthday_age', '=', input.birthdayAge)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated) throw staleVersion(existing.version + 1, input.version);
      version = updated.version;
    }
    return {
      result: { version },
      chronology: [
        entry(
          input.contactOn,
          'care-leaver',
          `${input.birthdayAge}th birthday contact: ${IN_TOUCH[input.inTouch].toLowerCase()}${input.activity !== '0' ? `; ${isEet(input.activity) ? 'in education, employment or training' : 'not in education, employment or training'}` : ''}${input.accommodation !== '0' ? `; accommodation ${isSuitableAccommodation(input.accommodation) ? 'suitable' : 'not suitable'}` : ''}`,
          'birthday-contact',
          childId,
        ),
      ],
      audit: [
        {
          action: existing ? ('update' as const) : ('create' as const),
          recordType: 'birthday-contact',
          recordId: childId,
          detail: { birthdayAge: input.birthdayAge },
        },
      ],
    };
  });
}

/** Care leavers the user may see, with their latest birthday contact. */
export async function careLeaverList(db: Kysely<Database>, actor: Actor) {
  const user = actor.user;
  const scope = scopeFor(user.role, 'child:read');
  if (!scope) return { careLeavers: [] };
  const rows = await db
    .selectFrom('care_leaver as cl')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'cl.la_code').onRef('p.person_id', '=', 'cl.child_id'))
    .where(childrenInScope(user, scope))
    .select(['cl.child_id', 'p.given_name', 'p.family_name', 'p.la_child_id', 'p.date_of_birth', 'cl.category', 'cl.support_ended_on'])
    .select((eb) =>
      eb
        .selectFrom('allocation as a')
        .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
        .select(sql<string>`w.given_name || ' ' || w.family_name`.as('n'))
        .whereRef('a.la_code', '=', 'cl.la_code')
        .whereRef('a.child_id', '=', 'cl.child_id')
        .where('a.allocation_role', '=', 'personal-adviser')
        .where('a.end_date', 'is', null)
        .limit(1)
        .as('personal_adviser'),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  const ids = rows.map((r) => r.child_id);
  const contacts = ids.length
    ? await db
        .selectFrom('leaver_birthday_contact')
        .selectAll()
        .where('la_code', '=', user.laCode)
        .where('child_id', 'in', ids)
        .orderBy('birthday_age', 'desc')
        .execute()
    : [];
  const careLeavers = rows.map((r) => {
    const latest = contacts.find((c) => c.child_id === r.child_id);
    return {
      childId: r.child_id,
      name: `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim(),
      laChildId: r.la_child_id,
      dateOfBirth: r.date_of_birth,
      category: r.category,
      supportEndedOn: r.support_ended_on,
      personalAdviser: r.personal_adviser,
      latestContact: latest
        ? {
            birthdayAge: latest.birthday_age,
            contactOn: latest.contact_on,
            inTouch: latest.in_touch,
            activity: latest.activity,
            accommodation: latest.accommodation,
            eet: isEet(latest.activity),
            suitable: isSuitableAccommodation(latest.accommodation),
          }
        : null,
    };
  });
  await auditMany(
    db,
    actor,
    careLeavers.map((c) => ({
      action: 'search' as const,
      recordType: 'care-leaver',
      recordId: c.childId,
      childId: c.childId,
      detail: { list: 'care-leavers' },
    })),
  );
  return { careLeavers };
}

// ---------------------------------------------------------------------------
// The child's page

export async function getLookedAfterCare(db: Kysely<Database>, actor: Actor, childId: string) {
  const user = actor.user;
  const laCode = user.laCode;
  const child = await childFor(db, user, childId, 'child:read');
  const seeAdoption = await mayAct(db, user, childId, 'adoption:read');
  const by = (t: 'permanence_plan' | 'permanence_order' | 'health_check' | 'health_outcome' | 'pep' | 'pathway_plan' | 'leaver_accommodation' | 'pa_visit') =>
    db.selectFrom(t).selectAll().where('la_code', '=', laCode).where('child_id', '=', childId);
  const [periods, plans, adoptions, orders, prevPerm, uasc, checks, outcomes, peps, leaver, pathway, moves, paVisits, contacts, obligations, pa] =
    await Promise.all([
      carePeriods(db, laCode, childId),
      by('permanence_plan').orderBy('agreed_on').execute(),
      seeAdoption
        ? db.selectFrom('adoption').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('decision_on').execute()
        : Promise.resolve([]),
      by('permanence_order').orderBy('made_on').execute(),
      db.selectFrom('previous_permanence').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
      db.selectFrom('uasc_record').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).executeTakeFirst(),
      by('health_check').orderBy('done_on', 'desc').execute(),
      by('health_outcome').orderBy('recorded_on', 'desc').execute(),
      by('pep').orderBy('held_on', 'desc').execute(),
      db.selectFrom('care_leaver').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).executeTakeFirst(),
      by('pathway_plan').orderBy('held_on', 'desc').execute(),
      by('leaver_accommodation').orderBy('moved_on', 'desc').execute(),
      by('pa_visit').orderBy('visited_on', 'desc').execute(),
      db.selectFrom('leaver_birthday_contact').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('birthday_age').execute(),
      childObligationsUnder(db, laCode, childId, CARE_RULES),
      db
        .selectFrom('allocation as a')
        .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
        .select(['a.worker_id', 'w.given_name', 'w.family_name', 'a.start_date'])
        .where('a.la_code', '=', laCode)
        .where('a.child_id', '=', childId)
        .where('a.allocation_role', '=', 'personal-adviser')
        .where('a.end_date', 'is', null)
        .executeTakeFirst(),
    ]);
  const [canRecord, canRecordAdoption] = await Promise.all([mayAct(db, user, childId, 'casework:record'), mayAct(db, user, childId, 'adoption:record')]);
  const asOf = todayInEngland();
  const enteredCareBy = (date: string) => [...periods].reverse().find((p) => p.start_date <= date)?.start_date ?? null;
  const uascLookedAfter = uasc ? lookedAfterOn(periods, uasc.referred_on) : null;
  await audit(db, actor, { action: 'read', recordType: 'looked-after-care', recordId: childId, childId, detail: { adoption: seeAdoption } });
  return {
    childId,
    name: `${child.given_name ?? ''} ${child.family_name ?? ''}`.trim(),
    dateOfBirth: child.date_of_birth,
    canRecord,
    canRecordAdoption,
    periodsOfCare: periods.map((p) => ({
      periodId: p.period_id,
      startDate: p.start_date,
      endDate: p.end_date,
      reasonEnded: p.reason_ended,
      previousPermanence: (() => {
        const pp = prevPerm.find((x) => x.period_id === p.period_id);
        return pp ? { prevPerm: pp.prev_perm, laPerm: pp.la_perm, datePerm: pp.date_perm } : null;
      })(),
    })),
    permanencePlans: plans.map((p) => ({ planId: p.plan_id, planType: p.plan_type, agreedOn: p.agreed_on, endedOn: p.ended_on, notes: p.notes })),
    // Adoption records are open to the team holding the case and the head of service only.
    adoptionHidden: !seeAdoption,
    adoptions: adoptions.map((a) => {
      const entered = a.placed_on ? enteredCareBy(a.placed_on) : null;
      return {
        adoptionId: a.adoption_id,
        version: a.version,
        decisionOn: a.decision_on,
        placementOrderOn: a.placement_order_on,
        matchedOn: a.matched_on,
        adopterCount: a.adopter_count,
        adopterSex: a.adopter_sex,
        adopterLegalStatus: a.adopter_legal_status,
        fosterCarerAdoption: a.foster_carer_adoption,
        movedInOn: a.moved_in_on,
        placedOn: a.placed_on,
        placedCeasedOn: a.placed_ceased_on,
        placedCeasedReason: a.placed_ceased_reason,
        adoptionOrderOn: a.adoption_order_on,
        noLongerOn: a.no_longer_on,
        noLongerReason: a.no_longer_reason,
        enteredCareOn: entered,
        entryToPlacedDays: a.placed_on && entered ? entryToPlacedDays(entered, a.placed_on, a.foster_carer_adoption === true, a.moved_in_on) : null,
      };
    }),
    permanenceOrders: orders.map((o) => ({
      orderId: o.order_id,
      orderType: o.order_type,
      madeOn: o.made_on,
      madeTo: o.made_to,
      formerFosterCarer: o.former_foster_carer,
    })),
    uasc: uasc
      ? {
          version: uasc.version,
          referredOn: uasc.referred_on,
          referralRoute: uasc.referral_route,
          ageAssessment: uasc.age_assessment,
          ageAssessedOn: uasc.age_assessed_on,
          ntsReferredOn: uasc.nts_referred_on,
          ntsTransferredOn: uasc.nts_transferred_on,
          ceasedOn: uasc.ceased_on,
          notes: uasc.notes,
          lookedAfterOn: uascLookedAfter,
          delayDays: uasc.age_assessment === 'adult' && !uascLookedAfter ? null : uascDelayDays(uasc.referred_on, uascLookedAfter, asOf),
        }
      : null,
    healthChecks: checks.map((c) => ({ checkId: c.check_id, kind: c.kind, doneOn: c.done_on, notes: c.notes })),
    healthOutcomes: outcomes.map((o) => ({
      outcomeId: o.outcome_id,
      recordedOn: o.recorded_on,
      immunisationsUpToDate: o.immunisations_up_to_date,
      sdqScore: o.sdq_score,
      sdqReason: o.sdq_reason,
      substanceMisuse: o.substance_misuse,
      interventionReceived: o.intervention_received,
      interventionOffered: o.intervention_offered,
      convicted: o.convicted,
    })),
    peps: peps.map((p) => ({ pepId: p.pep_id, heldOn: p.held_on, school: p.school, notes: p.notes })),
    careLeaver: leaver
      ? {
          version: leaver.version,
          category: leaver.category,
          eligibleFrom: leaver.eligible_from,
          supportEndedOn: leaver.support_ended_on,
          personalAdviser: pa ? { workerId: pa.worker_id, name: `${pa.given_name} ${pa.family_name}`, since: pa.start_date } : null,
          pathwayPlans: pathway.map((p) => ({ pathwayId: p.pathway_id, kind: p.kind, heldOn: p.held_on })),
          accommodation: moves.map((m) => ({ moveId: m.move_id, movedOn: m.moved_on, accommodation: m.accommodation, suitable: m.suitable })),
          paVisits: paVisits.map((v) => ({ visitId: v.visit_id, visitedOn: v.visited_on, notes: v.notes })),
          birthdayContacts: contacts.map((c) => ({
            birthdayAge: c.birthday_age,
            version: c.version,
            contactOn: c.contact_on,
            inTouch: c.in_touch,
            activity: c.activity,
            accommodation: c.accommodation,
            eet: isEet(c.activity),
            suitable: isSuitableAccommodation(c.accommodation),
          })),
        }
      : null,
    obligations,
  };
}
