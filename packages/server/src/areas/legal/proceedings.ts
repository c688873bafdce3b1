/**
 * Care and supervision proceedings: the application issued (court, case number, what is asked
 * for), hearings (listed or held), the court's extensions of the 26 weeks (up to 8 weeks each, the
 * new date recorded), orders, and the end: a final order or withdrawal (rule care-proceedings).
 *
 * An order for a looked-after child that changes their legal status (an interim or full care
 * order, a placement order, an emergency protection order) is recorded as the looked-after area's
 * change of legal status, in the same transaction: the episode is the one record the SSDA903
 * return reads, and the order names it.
 */
import {
  APPLICATION_TYPE,
  COURT_ORDER,
  type courtExtension,
  type courtHearing,
  type courtOrder,
  extensionProblem,
  FINAL_ORDERS,
  HEARING_TYPE,
  type issueApplication,
  LEGAL_STATUS,
  ORDER_LEGAL_STATUS,
  plainDate,
  proceedingsDueDate,
  weeksBetween,
  type withdrawProceedings,
} from '@lantern/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { type In, legalEntry } from './shared.ts';
import { changeCare, openClaEpisode } from '../looked-after/index.ts';
import { openPreProceedings } from './pre-proceedings.ts';
import { insertNew } from '../../kernel/new-record.ts';

/** The child's proceedings, locked for the change; 404 if not theirs, 409 once concluded. */
async function openProceedings(ledger: Ledger, childId: string, id: string, field: string) {
  const row = await ledger.find('care_proceedings', { child_id: childId, proceedings_id: id }, 'proceedings', { lock: true });
  if (row.concluded_on)
    throw conflict('The proceedings have concluded', [{ field, rule: 'concluded', message: `The proceedings concluded on ${row.concluded_on}` }]);
  return row;
}

/** A step on the child's open proceedings: they are locked and handed to the work (404 if not the child's, 409 once concluded). */
function proceedingsStep<T>(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  id: string,
  field: string,
  work: (ledger: Ledger, proceedings: Awaited<ReturnType<typeof openProceedings>>) => Promise<T>,
): Promise<T> {
  return step(db, actor, childId, async (ledger) => work(ledger, await openProceedings(ledger, childId, id, field)));
}

export async function issueProceedings(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof issueApplication>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('issuedOn', input.issuedOn).check();
    const open = await ledger.row('care_proceedings', { child_id: childId, concluded_on: null });
    if (open)
      throw conflict('The child is already in proceedings', [
        { field: 'issuedOn', rule: 'already-open', message: `Proceedings issued on ${open.issued_on} have not concluded` },
      ]);
    if (input.preProceedingsId) {
      // Issuing ends pre-proceedings: one step, so the two clocks cannot disagree.
      const p = await openPreProceedings(ledger, childId, input.preProceedingsId, 'preProceedingsId');
      new DateRules().notBefore('issuedOn', input.issuedOn, p.letter_sent_on, 'the letter before proceedings').check();
      await ledger.update(
        'pre_proceedings',
        { pre_proceedings_id: p.pre_proceedings_id },
        { ended_on: input.issuedOn, outcome: 'proceedings-issued', end_reasons: `Application issued at ${input.court}` },
        { fromVersion: p.version },
      );
    }
    const row = await insertNew(ledger, 'care_proceedings', {
      child_id: childId,
      pre_proceedings_id: input.preProceedingsId ?? null,
      issued_on: input.issuedOn,
      court: input.court,
      case_number: input.caseNumber,
      application_type: input.applicationType,
      due_on: proceedingsDueDate(input.issuedOn),
      recorded_by: actor.user.userId,
    });
    ledger.chronicle(
      legalEntry(
        input.issuedOn,
        `Application for a ${APPLICATION_TYPE[input.applicationType].toLowerCase()} issued at ${input.court} (case ${input.caseNumber}): to conclude by ${plainDate(row.due_on)} (26 weeks)`,
        'care-proceedings',
        row.proceedings_id,
      ),
    );
    return { proceedingsId: row.proceedings_id, version: row.version, dueOn: row.due_on };
  });
}

export async function recordHearing(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof courtHearing>) {
  return proceedingsStep(db, actor, childId, id, 'heldOn', async (ledger, p) => {
    new DateRules().notBefore('heldOn', input.heldOn, p.issued_on, 'the application').check();
    const row = await insertNew(ledger, 'court_hearing', {
      proceedings_id: id,
      child_id: childId,
      held_on: input.heldOn,
      hearing_type: input.hearingType,
      notes: input.notes ?? null,
      recorded_by: actor.user.userId,
    });
    ledger.chronicle(
      legalEntry(input.heldOn, `${HEARING_TYPE[input.hearingType]} at ${p.court}${input.notes ? `: ${input.notes}` : ''}`, 'court-hearing', row.hearing_id),
    );
    return { hearingId: row.hearing_id };
  });
}

export async function recordExtension(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof courtExtension>) {
  return proceedingsStep(db, actor, childId, id, 'newDueOn', async (ledger, p) => {
    new DateRules().notInFuture('grantedOn', input.grantedOn).notBefore('grantedOn', input.grantedOn, p.issued_on, 'the application').check();
    const problem = extensionProblem(p.due_on, input.newDueOn);
    if (problem) throw invalid([{ field: 'newDueOn', ...problem }]);
    const ext = await insertNew(ledger, 'proceedings_extension', {
      proceedings_id: id,
      child_id: childId,
      granted_on: input.grantedOn,
      previous_due_on: p.due_on,
      new_due_on: input.newDueOn,
      reason: input.reason,
      recorded_by: actor.user.userId,
    });
    const row = await ledger.update('care_proceedings', { proceedings_id: id }, { due_on: input.newDueOn }, { fromVersion: input.version });
    ledger.chronicle(
      legalEntry(
        input.grantedOn,
        `The court extended the proceedings by ${weeksBetween(p.due_on, input.newDueOn)} weeks, from ${plainDate(p.due_on)} to ${plainDate(input.newDueOn)}: ${input.reason}`,
        'proceedings-extension',
        ext.extension_id,
      ),
    );
    return { extensionId: ext.extension_id, version: row.version, dueOn: row.due_on };
  });
}

export async function recordOrder(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof courtOrder>) {
  return proceedingsStep(db, actor, childId, id, 'order', async (ledger, p) => {
    new DateRules().notInFuture('madeOn', input.madeOn).notBefore('madeOn', input.madeOn, p.issued_on, 'the application').check();
    const final = FINAL_ORDERS.has(input.order);
    const status = ORDER_LEGAL_STATUS[input.order] ?? null;
    // A looked-after child's legal status is the looked-after area's episode: change it there.
    let episodeId: string | null = null;
    const episode = status ? await openClaEpisode(ledger.db, ledger.laCode, childId) : undefined;
    if (status && episode && episode.legal_status !== status) {
      if (input.madeOn < episode.start_date)
        throw invalid([
          {
            field: 'madeOn',
            rule: 'after-current-episode',
            message: `The child’s current episode of care began on ${episode.start_date}, after this order: correct the legal status on the Looked after page`,
          },
        ]);
      const changed = await changeCare(ledger.db, actor, childId, {
        episodeId: episode.cla_episode_id,
        version: episode.version,
        date: input.madeOn,
        legalStatus: status,
        sameCarer: false,
      });
      episodeId = changed.episodeId;
    } else if (status && episode) episodeId = episode.cla_episode_id;
    const order = await insertNew(ledger, 'court_order', {
      proceedings_id: id,
      child_id: childId,
      made_on: input.madeOn,
      order_type: input.order,
      is_final: final,
      legal_status: episode && status ? status : null,
      cla_episode_id: episodeId,
      notes: input.notes ?? null,
      recorded_by: actor.user.userId,
    });
    const row = final
      ? await ledger.update(
          'care_proceedings',
          { proceedings_id: id },
          { concluded_on: input.madeOn, outcome: 'final-order', outcome_reasons: COURT_ORDER[input.order] },
          { fromVersion: input.version },
        )
      : await ledger.update('care_proceedings', { proceedings_id: id }, {}, { fromVersion: input.version });
    const statusNote = episode && status ? `; legal status ${LEGAL_STATUS[status]}` : '';
    ledger.chronicle(
      legalEntry(
        input.madeOn,
        `${COURT_ORDER[input.order]} made at ${p.court}${statusNote}${final ? `: proceedings concluded after ${weeksBetween(p.issued_on, input.madeOn)} weeks` : ''}`,
        'court-order',
        order.order_id,
      ),
    );
    return { orderId: order.order_id, version: row.version, legalStatus: order.legal_status, concluded: final };
  });
}

export async function withdrawApplication(db: Kysely<Database>, actor: Actor, childId: string, id: string, input: In<typeof withdrawProceedings>) {
  return proceedingsStep(db, actor, childId, id, 'withdrawnOn', async (ledger, p) => {
    new DateRules().notInFuture('withdrawnOn', input.withdrawnOn).notBefore('withdrawnOn', input.withdrawnOn, p.issued_on, 'the application').check();
    const row = await ledger.update(
      'care_proceedings',
      { proceedings_id: id },
      { concluded_on: input.withdrawnOn, outcome: 'withdrawn', outcome_reasons: input.reasons },
      { fromVersion: input.version },
    );
    ledger.chronicle(
      legalEntry(
        input.withdrawnOn,
        `Application withdrawn with the court’s permission after ${weeksBetween(p.issued_on, input.withdrawnOn)} weeks: ${input.reasons}`,
        'care-proceedings',
        id,
      ),
    );
    return { proceedingsId: id, version: row.version };
  });
}
