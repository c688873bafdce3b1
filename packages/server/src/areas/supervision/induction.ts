/** Induction: a new starter's checklist, signed off item by item, with the deadline for the whole. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, forbidden, invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { refreshWorkerObligations } from '../../kernel/worker-obligations.ts';
import { workforceSettings } from '../workforce/index.ts';
import { mayActFor, workerDeadlines, workerFor } from './service.ts';

/** Starts a new starter's induction with the council's checklist as it stands, and sets their ASYE. */
export async function startInduction(
  db: Kysely<Database>,
  actor: Actor,
  workerId: string,
  input: { asyeStart?: string | null | undefined; protectedCaseload?: number | null | undefined },
) {
  const laCode = actor.user.laCode;
  const { inductionChecklist } = await workforceSettings(db, laCode);
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const worker = await workerFor(trx, laCode, workerId);
    if (!mayActFor(actor, 'induction:manage', worker)) throw forbidden('You may manage the induction of your own team');
    if (await ledger.row('induction_item', { worker_id: workerId }))
      throw conflict('This worker’s induction has already started', [{ field: 'workerId', rule: 'induction-started', message: 'Sign off its items instead' }]);
    if (input.asyeStart && input.asyeStart < worker.start_date)
      throw invalid([{ field: 'asyeStart', rule: 'not-before', message: `The ASYE cannot start before the worker did (${worker.start_date})` }]);
    await ledger.insertMany(
      'induction_item',
      inductionChecklist.map((item) => ({ la_code: laCode, worker_id: workerId, item_id: item.id, label: item.label })),
    );
    if (input.asyeStart !== undefined || input.protectedCaseload !== undefined)
      await ledger.update(
        'worker',
        { worker_id: workerId },
        { asye_start: input.asyeStart ?? null, protected_caseload: input.protectedCaseload ?? null },
        { detail: { asyeStart: input.asyeStart ?? null } },
      );
    await refreshWorkerObligations(trx, laCode, { workerIds: [workerId] });
    return induction(trx, laCode, workerId);
  });
}

export async function signOffInductionItem(db: Kysely<Database>, actor: Actor, workerId: string, itemId: string, input: { completedOn: string }) {
  const laCode = actor.user.laCode;
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const worker = await workerFor(trx, laCode, workerId);
    if (!mayActFor(actor, 'induction:manage', worker)) throw forbidden('You may manage the induction of your own team');
    const item = await ledger.find('induction_item', { worker_id: workerId, item_id: itemId }, 'induction item', { lock: true });
    if (item.completed_on)
      throw conflict(`Already signed off on ${item.completed_on}`, [{ field: 'itemId', rule: 'already-signed-off', message: 'Signed off already' }]);
    new DateRules()
      .notInFuture('completedOn', input.completedOn)
      .notBefore('completedOn', input.completedOn, worker.start_date, 'the worker’s start date')
      .check();
    await ledger.update(
      'induction_item',
      { worker_id: workerId, item_id: itemId },
      { completed_on: input.completedOn, completed_by: actor.user.userId },
      { detail: { completedOn: input.completedOn } },
    );
    await refreshWorkerObligations(trx, laCode, { workerIds: [workerId] });
    return induction(trx, laCode, workerId);
  });
}

/** A worker's induction: each item and when it was signed off, and the deadline for the whole. */
export async function induction(db: Kysely<Database>, laCode: string, workerId: string) {
  const worker = await workerFor(db, laCode, workerId);
  const items = await db
    .selectFrom('induction_item')
    .select(['item_id', 'label', 'completed_on'])
    .where('la_code', '=', laCode)
    .where('worker_id', '=', workerId)
    .orderBy('item_id')
    .execute();
  const deadline = (await workerDeadlines(db, laCode, workerId)).find((d) => d.ruleId === 'induction') ?? null;
  return {
    workerId,
    name: `${worker.given_name} ${worker.family_name}`,
    startDate: worker.start_date,
    asyeStart: worker.asye_start,
    protectedCaseload: worker.protected_caseload,
    items: items.map((i) => ({ itemId: i.item_id, label: i.label, completedOn: i.completed_on })),
    complete: items.length > 0 && items.every((i) => i.completed_on !== null),
    deadline,
  };
}
