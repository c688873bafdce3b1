/** Permanence: plans, the adoption journey, orders, and permanence before this care. */
import {
  type adoptionProgress,
  type newAdoptionDecision,
  type newPermanenceOrder,
  type newPermanencePlan,
  type newPreviousPermanence,
  PERMANENCE_ORDER_TYPE,
  PERMANENCE_PLAN_TYPE,
  PLACED_CEASED_REASON,
  PREVIOUS_PERMANENCE,
} from '@lantern/core/care';
import type { Kysely } from 'kysely';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { entry, type In, recordForChild } from './shared.ts';

// ---------------------------------------------------------------------------
// Permanence

export async function recordPermanencePlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPermanencePlan>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('agreedOn', input.agreedOn).check();
    const current = await ledger.row('permanence_plan', { child_id: childId, ended_on: null }, { lock: true });
    if (current && input.agreedOn < current.agreed_on)
      throw invalid([{ field: 'agreedOn', rule: 'not-before', message: `The current plan was agreed on ${current.agreed_on}; a new plan cannot be earlier` }]);
    if (current) await ledger.update('permanence_plan', { plan_id: current.plan_id }, { ended_on: input.agreedOn }, { fromVersion: current.version });
    const was = current ? ` (was: ${PERMANENCE_PLAN_TYPE[current.plan_type as keyof typeof PERMANENCE_PLAN_TYPE] ?? current.plan_type})` : '';
    const plan = await recordForChild(
      ledger,
      'permanence_plan',
      { plan_type: input.planType, agreed_on: input.agreedOn, notes: input.notes ?? null },
      { occurredOn: input.agreedOn, category: 'permanence', summary: `Permanence plan agreed: ${PERMANENCE_PLAN_TYPE[input.planType]}${was}` },
    );
    return { planId: plan.plan_id };
  });
}

export async function recordAdoptionDecision(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newAdoptionDecision>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('decisionOn', input.decisionOn).check();
    const open = await ledger.row('adoption', { child_id: childId, adoption_order_on: null, no_longer_on: null });
    if (open)
      throw conflict(`A decision to place for adoption made on ${open.decision_on} is still open`, [
        { field: 'decisionOn', rule: 'adoption-open', message: 'Record the next step on the open adoption, or that the child should no longer be placed' },
      ]);
    const made = await recordForChild(
      ledger,
      'adoption',
      { decision_on: input.decisionOn },
      { occurredOn: input.decisionOn, category: 'adoption', summary: 'Decision that the child should be placed for adoption' },
    );
    return { adoptionId: made.adoption_id, version: made.version };
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
  return step(db, actor, childId, async (ledger) => {
    const a = await ledger.find('adoption', { adoption_id: adoptionId, child_id: childId }, 'adoption', { lock: true });
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
    const updated = await ledger.update('adoption', { adoption_id: adoptionId }, set, {
      fromVersion: input.version,
      detail: { fields: Object.keys(set), fromVersion: input.version },
    });
    // Each step newly recorded goes on the chronology, on its own date, in the order they happen.
    const steps: [keyof typeof a, string][] = [
      ['placement_order_on', 'Placement order made'],
      ['matched_on', 'Matched with prospective adopters'],
      ['placed_on', 'Placed for adoption'],
      ['placed_ceased_on', `Placement for adoption ended: ${PLACED_CEASED_REASON[next.placed_ceased_reason as keyof typeof PLACED_CEASED_REASON]}`],
      ['adoption_order_on', 'Adoption order made'],
      ['no_longer_on', `Decision that the child should no longer be placed for adoption: ${next.no_longer_reason}`],
    ];
    for (const [col, summary] of steps)
      if (set[col] !== undefined && set[col] !== null && set[col] !== a[col])
        ledger.chronicle(entry(next[col] as string, 'adoption', summary, 'adoption', adoptionId));
    return { adoptionId, version: updated.version };
  });
}

export async function recordPermanenceOrder(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPermanenceOrder>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('madeOn', input.madeOn).check();
    const order = await recordForChild(
      ledger,
      'permanence_order',
      { order_type: input.orderType, made_on: input.madeOn, made_to: input.madeTo, former_foster_carer: input.formerFosterCarer },
      { occurredOn: input.madeOn, category: 'permanence', summary: `${PERMANENCE_ORDER_TYPE[input.orderType]} made to ${input.madeTo}` },
    );
    return { orderId: order.order_id };
  });
}

export async function recordPreviousPermanence(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPreviousPermanence>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const period = await ledger.row('care_period', { child_id: childId, period_id: input.periodId });
    if (!period) throw invalid([{ field: 'periodId', rule: 'exists', message: 'Choose one of this child’s periods of care' }]);
    if (input.prevPerm !== 'Z1' && !input.laPerm)
      throw invalid([{ field: 'laPerm', rule: 'required-with-prevPerm', message: 'Which council made the previous order (999: not available)' }]);
    const values = {
      prev_perm: input.prevPerm,
      la_perm: input.prevPerm === 'Z1' ? null : (input.laPerm ?? null),
      date_perm: input.prevPerm === 'Z1' ? null : (input.datePerm ?? null),
    };
    const key = { child_id: childId, period_id: input.periodId };
    const existing = await ledger.row('previous_permanence', key, { lock: true });
    const detail = { prevPerm: input.prevPerm };
    if (existing) await ledger.update('previous_permanence', key, values, { detail });
    else await ledger.insert('previous_permanence', { la_code: laCode, ...key, ...values, created_by: actor.user.userId }, { detail });
    ledger.chronicle(
      entry(
        period.start_date,
        'permanence',
        `Previous permanence when this period of care began: ${PREVIOUS_PERMANENCE[input.prevPerm]}`,
        'previous-permanence',
        input.periodId,
      ),
    );
    return { periodId: input.periodId };
  });
}
