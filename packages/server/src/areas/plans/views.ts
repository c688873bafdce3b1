/**
 * Reading plans: a child's plans, one plan with its actions and their progress, the plan as it
 * was at any version (the document's version and each action as it stood then), two versions
 * compared, the family's printed plan, and a partner's own actions.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { PLAN_KIND, PLAN_KIND_FOR_FAMILY, PLAN_STAGE, type PlanKind } from '@lantern/core/practice';
import { type Kysely, sql } from 'kysely';
import { keptVersions } from '../../kernel/casework.ts';
import { childFor, NO_ID } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { auditListRead } from '../../kernel/list-audit.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { activeContacts, contactNames, currentWorkers, workerNames } from '../../kernel/people.ts';
import { MEETING_OF_PLAN, type Outcome, parseJson } from './service.ts';

type ActionData = {
  action_id: string;
  outcome_id: string | null;
  what: string;
  owner_kind: string;
  owner_worker_id: string | null;
  owner_contact_id: string | null;
  owner_name: string | null;
  set_on: string;
  due_on: string;
  completed_on: string | null;
  withdrawn_on: string | null;
  version: number;
};

/** Names for the owners of actions: workers, and partner contacts with their agency. */
async function ownerNames(db: Kysely<Database>, laCode: string, actions: ActionData[]) {
  const workerIds = [...new Set(actions.map((a) => a.owner_worker_id).filter((x): x is string => Boolean(x)))];
  const contactIds = [...new Set(actions.map((a) => a.owner_contact_id).filter((x): x is string => Boolean(x)))];
  const names = new Map([...(await workerNames(db, laCode, workerIds)), ...(await contactNames(db, laCode, contactIds))]);
  return (a: ActionData, childGivenName: string) =>
    a.owner_kind === 'worker'
      ? (names.get(a.owner_worker_id ?? '') ?? 'A worker')
      : a.owner_kind === 'partner'
        ? (names.get(a.owner_contact_id ?? '') ?? 'A partner agency')
        : a.owner_kind === 'child'
          ? (a.owner_name ?? childGivenName)
          : (a.owner_name ?? 'A parent or carer');
}

function stateOf(a: ActionData, asOf: string) {
  if (a.completed_on) return a.completed_on <= a.due_on ? 'done' : 'done-late';
  if (a.withdrawn_on) return 'taken-off';
  return a.due_on < asOf ? 'late' : 'due';
}

const ACTION_STATE = { done: 'Done', 'done-late': 'Done, late', 'taken-off': 'Taken off the plan', late: 'Late', due: 'Not yet due' } as const;

function actionView(a: ActionData, owner: string, asOf: string) {
  const state = stateOf(a, asOf);
  return {
    actionId: a.action_id,
    outcomeId: a.outcome_id,
    what: a.what,
    ownerKind: a.owner_kind,
    ownerWorkerId: a.owner_worker_id,
    ownerContactId: a.owner_contact_id,
    ownerName: a.owner_name,
    owner,
    setOn: a.set_on,
    dueOn: a.due_on,
    completedOn: a.completed_on,
    withdrawnOn: a.withdrawn_on,
    state,
    stateLabel: ACTION_STATE[state],
    version: a.version,
  };
}

const documentOf = (db: Kysely<Database>, laCode: string, childId: string, planDocumentId: string) =>
  findByKey(db, laCode, 'plan_document', { plan_document_id: planDocumentId, child_id: childId }, 'plan');

/** The child's plan documents, and the plans (child in need, protection, care, pathway) not yet written. */
export async function childPlans(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const docs = await db
    .selectFrom('plan_document as d')
    .select(['d.plan_document_id', 'd.kind', 'd.plan_ref', 'd.stage', 'd.agreed_on', 'd.version'])
    .select(
      sql<number>`(select count(*) from plan_action a where a.la_code = d.la_code and a.plan_document_id = d.plan_document_id and a.completed_on is null and a.withdrawn_on is null)`.as(
        'open_actions',
      ),
    )
    .where(ofChild('d', laCode, childId))
    .orderBy('d.agreed_on', 'desc')
    .execute();
  const written = new Set(docs.map((d) => `${d.kind}:${d.plan_ref}`));
  const candidates = await sql<{ kind: PlanKind; plan_ref: string; start_date: string; end_date: string | null }>`
    select 'child-in-need' as kind, cin_plan_id as plan_ref, start_date, end_date from cin_plan where la_code = ${laCode} and child_id = ${childId}
    union all select 'protection', plan_id, start_date, end_date from cp_plan where la_code = ${laCode} and child_id = ${childId}
    union all select 'care', period_id, start_date, end_date from care_period where la_code = ${laCode} and child_id = ${childId}
    union all select 'pathway', pathway_id, held_on, null from pathway_plan where la_code = ${laCode} and child_id = ${childId} and kind = 'plan'
    union all select 'early-help', early_help_id, started_on, ended_on from early_help_episode where la_code = ${laCode} and child_id = ${childId}
    order by 3 desc`.execute(db);
  await audit(db, actor, { action: 'read', recordType: 'plans', childId });
  return {
    plans: docs.map((d) => ({
      planDocumentId: d.plan_document_id,
      kind: d.kind,
      kindLabel: PLAN_KIND[d.kind],
      planRef: d.plan_ref,
      stage: d.stage,
      agreedOn: d.agreed_on,
      version: d.version,
      openActions: Number(d.open_actions),
    })),
    unwritten: candidates.rows
      .filter((c) => !written.has(`${c.kind}:${c.plan_ref}`))
      .map((c) => ({ kind: c.kind, kindLabel: PLAN_KIND[c.kind], planRef: c.plan_ref, startDate: c.start_date, endDate: c.end_date })),
  };
}

/** One plan as it now is: outcomes, actions with owners, states and progress, the meetings that can record progress, and its versions. */
export async function getPlan(db: Kysely<Database>, actor: Actor, childId: string, planDocumentId: string) {
  const child = await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const doc = await documentOf(db, laCode, childId, planDocumentId);
  const actions = (await db
    .selectFrom('plan_action')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_document_id', '=', planDocumentId)
    .orderBy('due_on')
    .execute()) as ActionData[];
  const progress = await db
    .selectFrom('plan_action_progress as p')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'p.la_code').onRef('u.user_id', '=', 'p.created_by'))
    .select(['p.progress_id', 'p.action_id', 'p.meeting_kind', 'p.held_on', 'p.progress', 'p.note', 'u.display_name'])
    .where(ofChild('p', laCode, childId))
    .where('p.action_id', 'in', actions.length ? actions.map((a) => a.action_id) : [NO_ID])
    .orderBy('p.held_on')
    .execute();
  const of = Object.values(MEETING_OF_PLAN).find((m) => m.planKind === doc.kind);
  const meetings = of
    ? (
        await sql<{ id: string; held_on: string }>`
          select ${sql.ref(of.id)} as id, held_on from ${sql.table(of.table)}
          where la_code = ${laCode} and ${sql.ref(of.plan)} = ${doc.plan_ref} order by held_on desc`.execute(db)
      ).rows
    : [];
  const versions = await keptVersions(db, laCode, 'plan-document', planDocumentId);
  const name = await ownerNames(db, laCode, actions);
  const asOf = todayInEngland();
  await audit(db, actor, { action: 'read', recordType: 'plan-document', recordId: planDocumentId, childId });
  return {
    planDocumentId,
    childId,
    childName: `${child.given_name} ${child.family_name}`,
    kind: doc.kind,
    kindLabel: PLAN_KIND[doc.kind],
    planRef: doc.plan_ref,
    stage: doc.stage,
    stageLabel: doc.stage ? PLAN_STAGE[doc.stage] : null,
    agreedOn: doc.agreed_on,
    outcomes: parseJson<Outcome[]>(doc.outcomes),
    contingency: doc.contingency,
    placementPlan: doc.placement_plan,
    version: doc.version,
    actions: actions.map((a) => ({
      ...actionView(a, name(a, child.given_name), asOf),
      progress: progress
        .filter((p) => p.action_id === a.action_id)
        .map((p) => ({ heldOn: p.held_on, meetingKind: p.meeting_kind, progress: p.progress, note: p.note, recordedBy: p.display_name })),
    })),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on })),
    versions: versions.map((v) => ({ version: v.version, changedAt: new Date(v.changed_at as unknown as string).toISOString(), changedBy: v.display_name })),
  };
}

/** The plan as it stood at a version: that version of the document, and each action as it was then. */
export async function planAtVersion(db: Kysely<Database>, actor: Actor, childId: string, planDocumentId: string, version: number, audited = true) {
  const child = await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  await documentOf(db, laCode, childId, planDocumentId);
  const v = await db
    .selectFrom('record_version')
    .select(['data', 'changed_at'])
    .where('la_code', '=', laCode)
    .where('record_type', '=', 'plan-document')
    .where('record_id', '=', planDocumentId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!v) throw invalid([{ field: 'version', rule: 'version-of-plan', message: `The plan has no version ${version}` }]);
  const data = parseJson<Record<string, unknown>>(v.data);
  // Versions written in one transaction share its time, so "at or before" takes that save's actions
  // (compared in SQL: a JavaScript Date would drop the microseconds).
  const actions = await sql<{ data: unknown }>`
    select distinct on (v.record_id) v.data from record_version v
    where v.la_code = ${laCode} and v.record_type = 'plan-action' and v.child_id = ${childId}
      and v.data ->> 'plan_document_id' = ${planDocumentId}
      and v.changed_at <= (select d.changed_at from record_version d where d.la_code = ${laCode} and d.record_type = 'plan-document' and d.record_id = ${planDocumentId} and d.version = ${version})
    order by v.record_id, v.version desc`.execute(db);
  const rows = actions.rows.map((r) => parseJson<ActionData>(r.data)).sort((a, b) => a.due_on.localeCompare(b.due_on) || a.what.localeCompare(b.what));
  const name = await ownerNames(db, laCode, rows);
  if (audited) await audit(db, actor, { action: 'read', recordType: 'plan-document', recordId: planDocumentId, childId, detail: { version } });
  const asOf = todayInEngland(new Date(v.changed_at as unknown as string));
  return {
    version,
    changedAt: new Date(v.changed_at as unknown as string).toISOString(),
    stage: (data.stage as string | null) ?? null,
    agreedOn: String(data.agreed_on),
    outcomes: parseJson<Outcome[]>(data.outcomes),
    contingency: String(data.contingency ?? ''),
    placementPlan: (data.placement_plan as string | null) ?? null,
    actions: rows.filter((a) => !a.withdrawn_on).map((a) => actionView(a, name(a, child.given_name), asOf)),
  };
}

type Change = { what: string; from: string | null; to: string | null };

/** Two versions of a plan side by side, and what changed between them, in words. */
export async function comparePlanVersions(db: Kysely<Database>, actor: Actor, childId: string, planDocumentId: string, from: number, to: number) {
  const a = await planAtVersion(db, actor, childId, planDocumentId, from, false);
  const b = await planAtVersion(db, actor, childId, planDocumentId, to, false);
  const changes: Change[] = [];
  const diff = (what: string, x: string | null, y: string | null) => {
    if ((x ?? '') !== (y ?? '')) changes.push({ what, from: x, to: y });
  };
  diff('Stage', a.stage ? PLAN_STAGE[a.stage as keyof typeof PLAN_STAGE] : null, b.stage ? PLAN_STAGE[b.stage as keyof typeof PLAN_STAGE] : null);
  diff('Agreed on', a.agreedOn, b.agreedOn);
  const outA = new Map(a.outcomes.map((o) => [o.outcomeId, o]));
  const outB = new Map(b.outcomes.map((o) => [o.outcomeId, o]));
  for (const o of b.outcomes) {
    const was = outA.get(o.outcomeId);
    if (!was) changes.push({ what: 'Outcome added', from: null, to: `${o.text} (${o.measure})` });
    else if (was.text !== o.text || was.measure !== o.measure)
      changes.push({ what: 'Outcome changed', from: `${was.text} (${was.measure})`, to: `${o.text} (${o.measure})` });
  }
  for (const o of a.outcomes) if (!outB.has(o.outcomeId)) changes.push({ what: 'Outcome taken off', from: `${o.text} (${o.measure})`, to: null });
  const actA = new Map(a.actions.map((x) => [x.actionId, x]));
  const actB = new Map(b.actions.map((x) => [x.actionId, x]));
  const describe = (x: (typeof a.actions)[number]) => `${x.what} — ${x.owner}, by ${x.dueOn}`;
  for (const x of b.actions) {
    const was = actA.get(x.actionId);
    if (!was) changes.push({ what: 'Action added', from: null, to: describe(x) });
    else {
      if (describe(was) !== describe(x)) changes.push({ what: 'Action changed', from: describe(was), to: describe(x) });
      if (!was.completedOn && x.completedOn) changes.push({ what: 'Action done', from: was.what, to: `Done on ${x.completedOn}` });
    }
  }
  for (const x of a.actions) if (!actB.has(x.actionId)) changes.push({ what: 'Action taken off', from: describe(x), to: null });
  diff('If things do not change', a.contingency, b.contingency);
  diff('Placement plan', a.placementPlan, b.placementPlan);
  await audit(db, actor, { action: 'read', recordType: 'plan-document', recordId: planDocumentId, childId, detail: { compared: [from, to] } });
  return { from: a, to: b, changes };
}

/** The plan for the family: their names, what will happen, who will do it and when; no codes. */
export async function planForFamily(db: Kysely<Database>, actor: Actor, childId: string, planDocumentId: string) {
  const plan = await getPlan(db, actor, childId, planDocumentId);
  const child = await db
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('la_code', '=', actor.user.laCode)
    .where('person_id', '=', childId)
    .executeTakeFirstOrThrow();
  const worker = await db
    .selectFrom('allocation as a')
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
    .select(['w.given_name', 'w.family_name', 'w.email'])
    .where(ofChild('a', actor.user.laCode, childId))
    .where('a.allocation_role', '=', 'social-worker')
    .where('a.end_date', 'is', null)
    .executeTakeFirst();
  const live = plan.actions.filter((a) => a.state !== 'taken-off');
  const family = [...new Set(live.filter((a) => a.ownerKind === 'parent-carer').map((a) => a.owner))];
  await audit(db, actor, { action: 'read', recordType: 'plan-print', recordId: planDocumentId, childId });
  return {
    title: PLAN_KIND_FOR_FAMILY[plan.kind],
    childName: `${child.given_name} ${child.family_name}`,
    childGivenName: child.given_name,
    familyNames: family,
    agreedOn: plan.agreedOn,
    socialWorker: worker ? `${worker.given_name} ${worker.family_name}` : null,
    outcomes: plan.outcomes.map((o) => ({
      text: o.text,
      measure: o.measure,
      actions: live.filter((a) => a.outcomeId === o.outcomeId).map((a) => ({ what: a.what, who: a.owner, dueOn: a.dueOn, done: a.completedOn !== null })),
    })),
    otherActions: live
      .filter((a) => !plan.outcomes.some((o) => o.outcomeId === a.outcomeId))
      .map((a) => ({ what: a.what, who: a.owner, dueOn: a.dueOn, done: a.completedOn !== null })),
    contingency: plan.contingency,
    placementPlan: plan.placementPlan,
  };
}

/** A partner user's own actions on children's plans: the child's name and what they are to do, by when. */
export async function partnerPlanActions(db: Kysely<Database>, actor: Actor) {
  const organisationId = actor.user.partnerOrganisationId ?? NO_ID;
  const rows = await db
    .selectFrom('plan_action as a')
    .innerJoin('partner_contact as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.contact_id', '=', 'a.owner_contact_id'))
    .innerJoin('plan_document as d', (j) => j.onRef('d.la_code', '=', 'a.la_code').onRef('d.plan_document_id', '=', 'a.plan_document_id'))
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.person_id', '=', 'a.child_id'))
    .select(['a.action_id', 'a.child_id', 'a.what', 'a.due_on', 'c.name as contact', 'd.kind', 'p.given_name', 'p.family_name', 'p.date_of_birth'])
    .where('a.la_code', '=', actor.user.laCode)
    .where('c.organisation_id', '=', organisationId)
    .where('a.completed_on', 'is', null)
    .where('a.withdrawn_on', 'is', null)
    .where('p.restricted', '=', false)
    .orderBy('a.due_on')
    .execute();
  await auditListRead(
    db,
    actor,
    { name: 'partner-plan-actions', recordType: 'plan-action', detail: { view: 'partner-plan-actions' } },
    rows.map((r) => ({ recordId: r.action_id, childId: r.child_id })),
  );
  const asOf = todayInEngland();
  return {
    asOf,
    actions: rows.map((r) => ({
      actionId: r.action_id,
      childName: `${r.given_name} ${r.family_name}`,
      dateOfBirth: r.date_of_birth,
      plan: PLAN_KIND[r.kind],
      what: r.what,
      contact: r.contact,
      dueOn: r.due_on,
      late: r.due_on < asOf,
    })),
  };
}

/** Who can own an action: the council's current workers and the active partner contacts. */
export async function actionOwners(db: Kysely<Database>, actor: Actor) {
  const laCode = actor.user.laCode;
  const [workers, contacts] = await Promise.all([currentWorkers(db, laCode), activeContacts(db, laCode)]);
  return {
    workers: workers.map((w) => ({ workerId: w.worker_id, name: `${w.given_name} ${w.family_name}` })),
    contacts: contacts.map((c) => ({ contactId: c.contact_id, name: `${c.name} (${c.organisation})` })),
  };
}
