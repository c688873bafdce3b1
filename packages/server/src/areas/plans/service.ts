/**
 * Plans that are kept: one plan document for the four kinds (child in need, protection, care
 * with its placement plan, pathway), belonging to the plan row its kind keeps. A plan holds the
 * outcomes that must change, the actions (what, who, by when) and the contingency. Each action
 * is a `plan-action` deadline owed by its owner; core groups and reviews record progress
 * against each and add new ones. Every save is a version of the plan (see versions.ts).
 */
import { randomUUID } from 'node:crypto';
import { ACTION_PROGRESS, PLAN_KIND, type PlanKind, type planActionInput, type planProgress, type planSave } from '@lantern/core/practice';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid, staleVersion } from '../../kernel/http/problem.ts';
import { knownPeople } from '../../kernel/people.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;
export type Outcome = { outcomeId: string; text: string; measure: string };
export const parseJson = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * Where each kind of plan is kept: its table, its key, and the dates it runs between. A pathway
 * plan is the one held (a pathway_plan row of kind 'plan', not a review) and has no end of its own.
 */
const PLAN_ROWS: Record<PlanKind, { table: string; key: string; start: string; end: string | null; plansOnly?: true }> = {
  'child-in-need': { table: 'cin_plan', key: 'cin_plan_id', start: 'start_date', end: 'end_date' },
  protection: { table: 'cp_plan', key: 'plan_id', start: 'start_date', end: 'end_date' },
  'early-help': { table: 'early_help_episode', key: 'early_help_id', start: 'started_on', end: 'ended_on' },
  care: { table: 'care_period', key: 'period_id', start: 'start_date', end: 'end_date' },
  pathway: { table: 'pathway_plan', key: 'pathway_id', start: 'held_on', end: null, plansOnly: true },
};

/** The plan row a document belongs to, checked against its kind and child: its start and end. */
export async function planRow(db: Kysely<Database>, laCode: string, childId: string, kind: PlanKind, planRef: string) {
  const p = PLAN_ROWS[kind];
  const { rows } = await sql<{ start_date: string; end_date: string | null }>`
    select ${sql.ref(p.start)} as start_date, ${p.end ? sql.ref(p.end) : sql`null`} as end_date
    from ${sql.table(p.table)}
    where la_code = ${laCode} and ${sql.ref(p.key)} = ${planRef} and child_id = ${childId}${p.plansOnly ? sql` and kind = 'plan'` : sql``}`.execute(db);
  return rows[0] ?? null;
}

/** Checks the owners named on actions are this council's: a worker still working, an active partner contact. */
async function checkOwners(ledger: Ledger, actions: In<typeof planActionInput>[], field: string, setOn: string) {
  const errors: FieldError[] = [];
  const { workers, contacts } = await knownPeople(ledger.db, ledger.laCode, {
    workerIds: actions.map((a) => a.ownerWorkerId),
    contactIds: actions.map((a) => a.ownerContactId),
    workingOn: setOn,
  });
  for (const [i, a] of actions.entries()) {
    if (a.ownerKind === 'worker' && a.ownerWorkerId && !workers.has(a.ownerWorkerId))
      errors.push({ field: `${field}.${i}.ownerWorkerId`, rule: 'known-worker', message: 'Not one of the council’s current workers' });
    if (a.ownerKind === 'partner' && a.ownerContactId && !contacts.has(a.ownerContactId))
      errors.push({ field: `${field}.${i}.ownerContactId`, rule: 'known-contact', message: 'Not a current contact at a partner agency' });
    if (a.dueOn < setOn) errors.push({ field: `${field}.${i}.dueOn`, rule: 'not-before', message: `The date cannot be before the plan set it (${setOn})` });
  }
  return errors;
}

const ownerColumns = (a: In<typeof planActionInput>) => ({
  owner_kind: a.ownerKind,
  owner_worker_id: a.ownerKind === 'worker' ? (a.ownerWorkerId ?? null) : null,
  owner_contact_id: a.ownerKind === 'partner' ? (a.ownerContactId ?? null) : null,
  owner_name: a.ownerKind === 'parent-carer' || a.ownerKind === 'child' ? a.ownerName?.trim() || null : null,
});

async function addAction(ledger: Ledger, childId: string, planDocumentId: string, a: In<typeof planActionInput>, setOn: string, outcomeIds: Set<string>) {
  const row = await insertNew(ledger, 'plan_action', {
    plan_document_id: planDocumentId,
    child_id: childId,
    outcome_id: a.outcomeId && outcomeIds.has(a.outcomeId) ? a.outcomeId : null,
    what: a.what,
    ...ownerColumns(a),
    set_on: setOn,
    due_on: a.dueOn,
    created_by: ledger.actor?.user.userId ?? null,
  });
  ledger.chronicle({
    occurredOn: setOn,
    category: 'plan',
    summary: `Action on the plan, due ${a.dueOn}: ${a.what}`,
    recordType: 'plan-action',
    recordId: row.action_id,
  });
  return row;
}

/** Creates or saves a plan: outcomes, actions (new, changed, taken off) and the contingency, as one new version. */
export async function savePlan(db: Kysely<Database>, actor: Actor, childId: string, planDocumentId: string | null, input: In<typeof planSave>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const plan = await planRow(ledger.db, laCode, childId, input.kind, input.planRef);
    if (!plan) throw invalid([{ field: 'planRef', rule: 'plan-of-child', message: `Not a ${PLAN_KIND[input.kind].toLowerCase()} of this child` }]);
    const existing = planDocumentId
      ? await ledger.find('plan_document', { plan_document_id: planDocumentId, child_id: childId }, 'plan', { lock: true })
      : await ledger.row('plan_document', { kind: input.kind, plan_ref: input.planRef });
    if (!planDocumentId && existing)
      throw conflict('This plan is already written: change it rather than writing another', [
        { field: 'planRef', rule: 'plan-written', message: 'Open the plan and change it' },
      ]);
    if (existing && (existing.kind !== input.kind || existing.plan_ref !== input.planRef))
      throw invalid([{ field: 'planRef', rule: 'same-plan', message: 'A plan stays with the plan it was written for' }]);
    if (existing && existing.version !== input.version) throw staleVersion(existing.version, input.version ?? 0);
    const errors: FieldError[] = [];
    if (input.kind === 'protection' && !input.stage)
      errors.push({ field: 'stage', rule: 'stage-required', message: 'Say whether this is the outline plan or the detailed plan' });
    if (input.kind !== 'protection' && input.stage)
      errors.push({ field: 'stage', rule: 'protection-only', message: 'Only a protection plan has an outline and a detailed stage' });
    if (input.kind !== 'care' && input.placementPlan)
      errors.push({ field: 'placementPlan', rule: 'care-only', message: 'Only a care plan has a placement plan' });
    if (input.stage === 'detailed' && existing?.stage !== 'detailed') {
      if (!(await ledger.row('core_group', { plan_id: input.planRef })))
        errors.push({ field: 'stage', rule: 'first-core-group', message: 'The first core group makes the outline plan detailed: record the core group first' });
    }
    const known = existing
      ? await ledger.db
          .selectFrom('plan_action')
          .selectAll()
          .where('la_code', '=', laCode)
          .where('plan_document_id', '=', existing.plan_document_id)
          .forUpdate()
          .execute()
      : [];
    const byId = new Map(known.map((a) => [a.action_id, a]));
    for (const [i, a] of input.actions.entries())
      if (a.actionId && !byId.has(a.actionId)) errors.push({ field: `actions.${i}.actionId`, rule: 'action-of-plan', message: 'Not an action on this plan' });
    const setOn = input.agreedOn;
    errors.push(
      ...(await checkOwners(
        ledger,
        input.actions.filter((a) => !a.actionId || byId.get(a.actionId)?.due_on !== a.dueOn),
        'actions',
        setOn,
      )),
    );
    const dates = new DateRules().notInFuture('agreedOn', input.agreedOn).notBefore('agreedOn', input.agreedOn, plan.start_date, 'the plan began');
    if (errors.length) throw invalid(errors);
    dates.check();

    const outcomes: Outcome[] = input.outcomes.map((o) => ({ outcomeId: o.outcomeId ?? randomUUID().slice(0, 8), text: o.text, measure: o.measure }));
    const outcomeIds = new Set(outcomes.map((o) => o.outcomeId));
    const values = {
      stage: input.kind === 'protection' ? (input.stage ?? 'outline') : null,
      outcomes: JSON.stringify(outcomes),
      contingency: input.contingency,
      placement_plan: input.kind === 'care' ? (input.placementPlan ?? null) : null,
      agreed_on: input.agreedOn,
    };
    const doc = existing
      ? // A changed plan is authorised again: its authorisation was of the version before.
        await ledger.update(
          'plan_document',
          { plan_document_id: existing.plan_document_id },
          { ...values, authorised_on: null, authorised_by: null },
          { fromVersion: existing.version },
        )
      : await insertNew(ledger, 'plan_document', {
          child_id: childId,
          kind: input.kind,
          plan_ref: input.planRef,
          ...values,
          created_by: actor.user.userId,
        });
    const kept = new Set<string>();
    for (const a of input.actions) {
      if (!a.actionId) {
        await addAction(ledger, childId, doc.plan_document_id, a, setOn, outcomeIds);
        continue;
      }
      kept.add(a.actionId);
      const was = byId.get(a.actionId);
      if (!was) continue;
      const changes = {
        what: a.what,
        due_on: a.dueOn,
        outcome_id: a.outcomeId && outcomeIds.has(a.outcomeId) ? a.outcomeId : null,
        ...ownerColumns(a),
        withdrawn_on: null,
      };
      const differs = Object.entries(changes).some(([k, v]) => (was as Record<string, unknown>)[k] !== v);
      if (differs) await ledger.update('plan_action', { action_id: a.actionId }, changes, { fromVersion: was.version });
    }
    for (const was of known)
      if (!kept.has(was.action_id) && !was.withdrawn_on && !was.completed_on)
        await ledger.update(
          'plan_action',
          { action_id: was.action_id },
          { withdrawn_on: setOn },
          { fromVersion: was.version, action: 'update', detail: { withdrawn: true } },
        );
    ledger.chronicle({
      occurredOn: input.agreedOn,
      category: 'plan',
      summary: `${PLAN_KIND[input.kind]} ${existing ? `changed (version ${doc.version})` : 'written'}. What must change: ${outcomes.map((o) => `${o.text} (${o.measure})`).join('; ')}. If things do not change: ${input.contingency}${input.placementPlan ? ` Placement plan: ${input.placementPlan}` : ''}`,
      recordType: 'plan-document',
      recordId: doc.plan_document_id,
    });
    return { planDocumentId: doc.plan_document_id, version: doc.version };
  });
}

/** The meetings at which a plan's progress is recorded: each kind's table, its id, the plan it belongs to and that plan's kind. */
export const MEETING_OF_PLAN = {
  'core-group': { table: 'core_group', id: 'core_group_id', plan: 'plan_id', planKind: 'protection' },
  'cin-plan-review': { table: 'cin_plan_review', id: 'review_id', plan: 'cin_plan_id', planKind: 'child-in-need' },
  'early-help-review': { table: 'early_help_review', id: 'review_id', plan: 'early_help_id', planKind: 'early-help' },
} as const;

/** Progress at a core group or review against each action (done, partly, not done), and any new actions. */
export async function recordPlanProgress(db: Kysely<Database>, actor: Actor, childId: string, planDocumentId: string, input: In<typeof planProgress>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const doc = await ledger.find('plan_document', { plan_document_id: planDocumentId, child_id: childId }, 'plan', { lock: true });
    if (doc.version !== input.version) throw staleVersion(doc.version, input.version);
    const errors: FieldError[] = [];
    if (input.meetingKind === 'core-group' && doc.kind !== 'protection')
      errors.push({ field: 'meetingKind', rule: 'core-group-protection', message: 'Core groups meet on protection plans' });
    if (input.meetingKind === 'cin-plan-review' && doc.kind !== 'child-in-need')
      errors.push({ field: 'meetingKind', rule: 'review-child-in-need', message: 'A child in need review is of a child in need plan' });
    if ((input.meetingKind === 'early-help-review') !== (doc.kind === 'early-help'))
      errors.push({ field: 'meetingKind', rule: 'review-early-help', message: 'An early help plan’s progress is recorded at early help reviews' });
    if (input.meetingId) {
      const of = MEETING_OF_PLAN[input.meetingKind as keyof typeof MEETING_OF_PLAN];
      const meeting = of
        ? (
            await sql<{ held_on: string }>`
              select held_on from ${sql.table(of.table)}
              where la_code = ${laCode} and ${sql.ref(of.id)} = ${input.meetingId} and ${sql.ref(of.plan)} = ${doc.plan_ref}`.execute(ledger.db)
          ).rows[0]
        : undefined;
      if (!meeting) errors.push({ field: 'meetingId', rule: 'meeting-of-plan', message: 'Not a meeting on this plan' });
      else if (meeting.held_on !== input.heldOn) errors.push({ field: 'heldOn', rule: 'meeting-date', message: `The meeting was held on ${meeting.held_on}` });
    }
    if (input.makeDetailed && doc.kind !== 'protection')
      errors.push({ field: 'makeDetailed', rule: 'protection-only', message: 'Only a protection plan is made detailed' });
    const actions = await ledger.db
      .selectFrom('plan_action')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('plan_document_id', '=', planDocumentId)
      .forUpdate()
      .execute();
    const byId = new Map(actions.map((a) => [a.action_id, a]));
    const seen = new Set<string>();
    for (const [i, p] of input.progress.entries()) {
      const a = byId.get(p.actionId);
      if (!a) errors.push({ field: `progress.${i}.actionId`, rule: 'action-of-plan', message: 'Not an action on this plan' });
      else if (a.withdrawn_on) errors.push({ field: `progress.${i}.actionId`, rule: 'action-withdrawn', message: 'This action was taken off the plan' });
      else if (a.completed_on) errors.push({ field: `progress.${i}.progress`, rule: 'action-done', message: `Already done on ${a.completed_on}` });
      else if (input.heldOn < a.set_on)
        errors.push({ field: 'heldOn', rule: 'not-before', message: `The meeting cannot be before the action was set (${a.set_on})` });
      if (seen.has(p.actionId)) errors.push({ field: `progress.${i}.actionId`, rule: 'once-each', message: 'Progress on each action once a meeting' });
      seen.add(p.actionId);
      if (p.progress !== 'done' && !p.note.trim())
        errors.push({ field: `progress.${i}.note`, rule: 'note-required', message: 'Say what has happened, and what is in the way' });
    }
    errors.push(...(await checkOwners(ledger, input.newActions, 'newActions', input.heldOn)));
    const dates = new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, doc.agreed_on, 'the plan was agreed');
    if (errors.length) throw invalid(errors);
    dates.check();

    for (const p of input.progress) {
      const a = byId.get(p.actionId);
      if (!a) continue;
      const row = await insertNew(ledger, 'plan_action_progress', {
        action_id: p.actionId,
        child_id: childId,
        meeting_kind: input.meetingKind,
        meeting_id: input.meetingId ?? null,
        held_on: input.heldOn,
        progress: p.progress,
        note: p.note,
        created_by: actor.user.userId,
      });
      if (p.progress === 'done') await ledger.update('plan_action', { action_id: p.actionId }, { completed_on: input.heldOn }, { fromVersion: a.version });
      ledger.chronicle({
        occurredOn: input.heldOn,
        category: 'plan',
        summary: `Progress on “${a.what}”: ${ACTION_PROGRESS[p.progress].toLowerCase()}${p.note ? `. ${p.note}` : ''}`,
        recordType: 'plan-action-progress',
        recordId: row.progress_id,
      });
    }
    const outcomeIds = new Set(parseJson<{ outcomeId: string }[]>(doc.outcomes).map((o) => o.outcomeId));
    for (const a of input.newActions) await addAction(ledger, childId, planDocumentId, a, input.heldOn, outcomeIds);
    // The meeting changed the plan: a new version, so the plan before and after can be compared.
    const updated = await ledger.update('plan_document', { plan_document_id: planDocumentId }, input.makeDetailed ? { stage: 'detailed' } : {}, {
      fromVersion: doc.version,
    });
    return { planDocumentId, version: updated.version };
  });
}
