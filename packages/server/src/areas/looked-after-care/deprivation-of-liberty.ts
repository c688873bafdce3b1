/**
 * Deprivation of liberty orders (DoLOs): recorded, and then extended, reviewed, ended or corrected
 * from the version read. Each is a step on the child through the ledger (the record, its version,
 * audit and chronology in one transaction).
 *
 * Refused, naming the field and the rule, whatever the SSDA903 return would refuse: an end or
 * expiry before the order was made (702), an order made before the child was born (708), two
 * orders in force at once (705), an order overlapping a placement it cannot be in (710: secure
 * children's home, with parents, young offender institution, supported accommodation), and an
 * order left open after the child's period of care ended (707).
 */
import {
  type amendDeprivationOfLiberty,
  doloDateProblems,
  doloEndedSummary,
  doloEndsOn,
  doloInForce,
  doloMadeSummary,
  type newDeprivationOfLiberty,
  plainDate,
} from '@lantern/core';
import { NO_DOLO_PLACES, PLACEMENT_TYPE } from '@lantern/core/looked-after';
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database, DeprivationOfLibertyOrderTable } from '../../kernel/db/schema.ts';
import { type FieldError, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { DateRules } from '../../kernel/rules.ts';
import { entry, type In } from './shared.ts';

type Order = Selectable<DeprivationOfLibertyOrderTable>;
type Dates = { madeOn: string; expiresOn: string | null; endedOn: string | null; endReason: string | null };
const CATEGORY = 'deprivation-of-liberty';
const RECORD_TYPE = 'deprivation-of-liberty-order';

/** The order's dates against the child's record; the period of care it was made in, if any. */
async function checkOnRecord(ledger: Ledger, childId: string, dob: string | null, o: Dates, self: string | null) {
  const rules = new DateRules().notInFuture('madeOn', o.madeOn).notInFuture('endedOn', o.endedOn).notBefore('madeOn', o.madeOn, dob, 'the child’s birth');
  rules.check();
  const own = doloDateProblems(o);
  if (own.length) throw invalid(own);
  const ends = doloEndsOn(o);
  const [others, episodes, period] = await Promise.all([
    ledger.db
      .selectFrom('deprivation_of_liberty_order')
      .selectAll()
      .where('la_code', '=', ledger.laCode)
      .where('child_id', '=', childId)
      .$if(self !== null, (q) => q.where('order_id', '<>', self as string))
      .execute(),
    ledger.db
      .selectFrom('cla_episode')
      .select(['start_date', 'end_date', 'placement_type'])
      .where('la_code', '=', ledger.laCode)
      .where('child_id', '=', childId)
      .orderBy('start_date')
      .execute(),
    ledger.db
      .selectFrom('care_period')
      .select(['period_id', 'end_date'])
      .where('la_code', '=', ledger.laCode)
      .where('child_id', '=', childId)
      .where('start_date', '<=', o.madeOn)
      .where((w) => w.or([w('end_date', 'is', null), w('end_date', '>=', o.madeOn)]))
      .executeTakeFirst(),
  ]);
  const errors: FieldError[] = [];
  // Two orders overlap unless one ends on or before the day the other is made (as rule 705 reads it).
  const overlapping = others.find((x) => {
    const xEnds = doloEndsOn({ endedOn: x.ended_on, expiresOn: x.expires_on });
    return (xEnds === null || xEnds > o.madeOn) && (ends === null || ends > x.made_on);
  });
  if (overlapping)
    errors.push({
      field: 'madeOn',
      rule: 'one-order-at-a-time',
      message: `Another deprivation of liberty order, made on ${plainDate(overlapping.made_on)}, is in force then: end it first`,
    });
  const wrongPlace = episodes.find(
    (e) => NO_DOLO_PLACES.has(e.placement_type) && (ends === null || e.start_date <= ends) && (e.end_date === null || e.end_date >= o.madeOn),
  );
  if (wrongPlace)
    errors.push({
      field: 'madeOn',
      rule: 'placement-not-for-dolo',
      message: `The child was placed in a ${PLACEMENT_TYPE[wrongPlace.placement_type as keyof typeof PLACEMENT_TYPE]?.toLowerCase() ?? wrongPlace.placement_type} (${wrongPlace.placement_type}) from ${plainDate(wrongPlace.start_date)} while the order was in force: a child with a deprivation of liberty order cannot be placed there`,
    });
  if (period?.end_date && ends === null)
    errors.push({
      field: 'endedOn',
      rule: 'ended-with-care',
      message: `The child stopped being looked after on ${plainDate(period.end_date)}: say when the order ended`,
    });
  if (errors.length) throw invalid(errors);
  return period?.period_id ?? null;
}

/**
 * The child's orders that would still be in force after a day: ending care then, or moving the
 * child to a placement no order may be in (rule 710), is refused while one is (the looked-after
 * area asks). An order is in force on the day it ends, so it blocks a move that day but not care
 * ending that day (707 wants an end date on or before care's).
 */
export async function ordersInForce(db: Kysely<Database>, laCode: string, childId: string, on: string, after = false) {
  const orders = await db
    .selectFrom('deprivation_of_liberty_order')
    .select(['order_id', 'made_on', 'expires_on', 'ended_on', 'court'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('made_on', '<=', on)
    .execute();
  return orders.filter((o) => {
    const dates = { madeOn: o.made_on, endedOn: o.ended_on, expiresOn: o.expires_on };
    if (!after) return doloInForce(dates, on);
    const ends = doloEndsOn(dates);
    return ends === null || ends > on;
  });
}

export async function recordDeprivationOfLiberty(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newDeprivationOfLiberty>) {
  return step(db, actor, childId, async (ledger, child) => {
    const dates = { madeOn: input.madeOn, expiresOn: input.expiresOn ?? null, endedOn: input.endedOn ?? null, endReason: input.endReason ?? null };
    const periodId = await checkOnRecord(ledger, childId, child.date_of_birth, dates, null);
    const order = await insertNew(ledger, 'deprivation_of_liberty_order', {
      child_id: childId,
      period_id: periodId,
      made_on: input.madeOn,
      expires_on: dates.expiresOn,
      ended_on: dates.endedOn,
      end_reason: input.endReason ?? null,
      court: input.court,
      case_number: input.caseNumber,
      authorises: input.authorises,
      review_on: input.reviewOn ?? null,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle(
      entry(
        input.madeOn,
        CATEGORY,
        doloMadeSummary({ court: input.court, caseNumber: input.caseNumber, expiresOn: dates.expiresOn, authorises: input.authorises }),
        RECORD_TYPE,
        order.order_id,
      ),
    );
    if (dates.endedOn) ledger.chronicle(endedEntry(order.order_id, dates.endedOn, input.endReason ?? null));
    return { orderId: order.order_id, version: order.version };
  });
}

const endedEntry = (orderId: string, on: string, reason: string | null) => entry(on, CATEGORY, doloEndedSummary(reason), RECORD_TYPE, orderId);

/** What changed, in the words the chronology keeps. */
function changes(was: Order, now: Order): { on: string; summary: string }[] {
  const said: { on: string; summary: string }[] = [];
  if (now.ended_on && now.ended_on !== was.ended_on) said.push({ on: now.ended_on, summary: `ended${now.end_reason ? `: ${now.end_reason}` : ''}` });
  if (now.expires_on !== was.expires_on)
    said.push({ on: now.made_on, summary: now.expires_on ? `now runs until ${plainDate(now.expires_on)}` : 'now runs until further order' });
  if (now.review_on && now.review_on !== was.review_on) said.push({ on: now.made_on, summary: `next court review ${plainDate(now.review_on)}` });
  return said;
}

export async function amendDeprivationOfLibertyOrder(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  orderId: string,
  input: In<typeof amendDeprivationOfLiberty>,
) {
  return step(db, actor, childId, async (ledger, child) => {
    const was = await ledger.find('deprivation_of_liberty_order', { child_id: childId, order_id: orderId }, 'deprivation of liberty order', { lock: true });
    const pick = <T>(given: T | undefined, kept: T) => (given === undefined ? kept : given);
    const next = {
      made_on: pick(input.madeOn, was.made_on),
      expires_on: pick(input.expiresOn, was.expires_on),
      ended_on: pick(input.endedOn, was.ended_on),
      end_reason: pick(input.endReason, was.end_reason),
      court: pick(input.court, was.court),
      case_number: pick(input.caseNumber, was.case_number),
      authorises: pick(input.authorises, was.authorises),
      review_on: pick(input.reviewOn, was.review_on),
    };
    const dates = { madeOn: next.made_on, expiresOn: next.expires_on, endedOn: next.ended_on, endReason: next.end_reason };
    const periodId = await checkOnRecord(ledger, childId, child.date_of_birth, dates, orderId);
    const fields = Object.entries(input)
      .filter(([k, v]) => k !== 'version' && v !== undefined)
      .map(([k]) => k);
    const now = await ledger.update(
      'deprivation_of_liberty_order',
      { order_id: orderId },
      { ...next, period_id: periodId },
      { fromVersion: input.version, detail: { fields, fromVersion: input.version } },
    );
    const said = changes(was, now);
    if (said.length === 0) said.push({ on: now.made_on, summary: 'corrected' });
    for (const s of said)
      ledger.chronicle(entry(s.on, CATEGORY, `Deprivation of liberty order of ${plainDate(now.made_on)} ${s.summary}`, RECORD_TYPE, orderId));
    return { orderId, version: now.version };
  });
}
