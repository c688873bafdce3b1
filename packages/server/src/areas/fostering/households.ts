/**
 * A fostering household from enquiry to approval and, one day, leaving: the enquiry, members and
 * each adult's checks, the recruitment steps (application, stage one, stage two, panel), the
 * decision maker's decision with the terms of approval, a connected person approved temporarily
 * (and its one extension), and the household's status with the reason it left. Every change goes
 * through the ledger and re-derives the household's deadlines in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  type fosterEnquiry,
  type fosteringDecision,
  HOUSEHOLD_GONE,
  HOUSEHOLD_STATUS,
  type HouseholdStatus,
  type householdMember,
  type householdStatusChange,
  LEAVING_REASON,
  type memberCheck,
  RECRUITMENT_STEP,
  type recruitmentStep,
  type temporaryApproval,
  type temporaryExtension,
} from '@lantern/core/fostering';
import { ageOn } from '@lantern/core/looked-after';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid, staleVersion } from '../../kernel/http/problem.ts';
import { change, type Ledger } from '../../kernel/ledger.ts';
import { insertNew, type NewValues } from '../../kernel/new-record.ts';
import { DateRules } from '../../kernel/rules.ts';
import { refreshFosterObligations } from './obligations.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The household's records added one at a time, each under a new id of its own. */
type HouseholdRecord = 'foster_household_member' | 'foster_member_check' | 'foster_visit' | 'foster_review' | 'foster_training' | 'foster_allegation';

/** Adds one of the household's records (a member, a check, a visit…): a new id, the council and the household filled in. Returns the row as written. */
export function addToHousehold<T extends HouseholdRecord>(
  ledger: Ledger,
  table: T,
  householdId: string,
  values: Omit<NewValues<T>, 'household_id'>,
): Promise<Selectable<Database[T]>> {
  return insertNew(ledger, table, { household_id: householdId, ...values } as unknown as NewValues<T>);
}

/** The household, locked for the change; 404 when the council has none by this id. */
export function householdFor(ledger: Ledger, householdId: string) {
  return ledger.find('foster_household', { household_id: householdId }, 'household', { lock: true });
}

/** Refused unless the id is one of the council's children. */
export async function knownChild(ledger: Ledger, childId: string) {
  if (!(await ledger.row('person', { person_id: childId, is_child: true })))
    throw invalid([{ field: 'childId', rule: 'known-child', message: 'Choose a child of the council' }]);
}

export const stillWithUs = (h: { status: string; left_on: string | null }, field = 'householdId') => {
  if (HOUSEHOLD_GONE.includes(h.status as HouseholdStatus))
    throw conflict(`The household left the service on ${h.left_on}`, [{ field, rule: 'household-left', message: 'This household has left the service' }]);
};

/** A change to a household, its deadlines re-derived in the same transaction. */
export function householdChange<T>(db: Kysely<Database>, actor: Actor, householdId: string, work: (ledger: Ledger) => Promise<T>): Promise<T> {
  return change(db, actor, async (ledger) => {
    const out = await work(ledger);
    await refreshFosterObligations(ledger.db, ledger.laCode, [householdId]);
    return out;
  });
}

/** A change to a household still in the service: the household, locked (404 when none, 409 when it has left), is handed to the work. */
export function activeHouseholdChange<T>(
  db: Kysely<Database>,
  actor: Actor,
  householdId: string,
  work: (ledger: Ledger, household: Awaited<ReturnType<typeof householdFor>>) => Promise<T>,
): Promise<T> {
  return householdChange(db, actor, householdId, async (ledger) => {
    const household = await householdFor(ledger, householdId);
    stillWithUs(household);
    return work(ledger, household);
  });
}

/**
 * A change to the household's own record from the version the user read: one that has moved on
 * is refused (409) before anything else about the request is checked, as the steps always were.
 */
function householdFromVersion<T>(
  db: Kysely<Database>,
  actor: Actor,
  householdId: string,
  version: number,
  work: (ledger: Ledger, household: Awaited<ReturnType<typeof householdFor>>) => Promise<T>,
): Promise<T> {
  return activeHouseholdChange(db, actor, householdId, (ledger, household) => {
    if (household.version !== version) throw staleVersion(household.version, version);
    return work(ledger, household);
  });
}

/**
 * Updates the household from the version the user read (409 when it has moved on); returns what
 * the routes answer with.
 */
async function updateHousehold(
  ledger: Ledger,
  householdId: string,
  changes: Updateable<Database['foster_household']>,
  fromVersion: number,
  detail?: Record<string, unknown>,
) {
  const row = await ledger.update('foster_household', { household_id: householdId }, changes, { fromVersion, ...(detail ? { detail } : {}) });
  return { householdId, version: row.version };
}

async function currentWorker(ledger: Ledger, workerId: string | null | undefined) {
  if (!workerId) return;
  if (!(await ledger.row('worker', { worker_id: workerId, leave_date: null })))
    throw invalid([{ field: 'supervisingWorkerId', rule: 'known-worker', message: 'Not one of the council’s current workers' }]);
}

export async function recordEnquiry(db: Kysely<Database>, actor: Actor, input: In<typeof fosterEnquiry>) {
  const householdId = randomUUID();
  return householdChange(db, actor, householdId, async (ledger) => {
    new DateRules().notInFuture('enquiryOn', input.enquiryOn).check();
    await currentWorker(ledger, input.supervisingWorkerId);
    const next = await sql<{ n: number }>`
      select coalesce(max(substring(reference from 4)::int), 0) + 1 as n from foster_household where la_code = ${ledger.laCode} and reference ~ '^FC-[0-9]+$'`.execute(
      ledger.db,
    );
    const reference = `FC-${String(next.rows[0]?.n ?? 1).padStart(4, '0')}`;
    await ledger.insert('foster_household', {
      la_code: ledger.laCode,
      household_id: householdId,
      reference,
      name: input.name,
      kind: input.kind,
      status: 'enquiry',
      address_line: input.addressLine,
      postcode: input.postcode.toUpperCase(),
      phone: input.phone,
      email: input.email,
      supervising_worker_id: input.supervisingWorkerId ?? null,
      enquiry_on: input.enquiryOn,
      created_by: actor.user.userId,
    });
    return { householdId, reference };
  });
}

export async function addMember(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof householdMember>) {
  return activeHouseholdChange(db, actor, householdId, async (ledger) => {
    new DateRules().notInFuture('dateOfBirth', input.dateOfBirth).check();
    const row = await addToHousehold(ledger, 'foster_household_member', householdId, {
      given_name: input.givenName,
      family_name: input.familyName,
      date_of_birth: input.dateOfBirth,
      role: input.role,
    });
    return { memberId: row.member_id };
  });
}

export async function recordCheck(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof memberCheck>) {
  return activeHouseholdChange(db, actor, householdId, async (ledger) => {
    const member = await ledger.row('foster_household_member', { member_id: input.memberId, household_id: householdId });
    if (!member) throw invalid([{ field: 'memberId', rule: 'member-of-household', message: 'Choose a member of this household' }]);
    if (ageOn(member.date_of_birth, input.requestedOn) < 18)
      throw invalid([{ field: 'memberId', rule: 'adult-only', message: 'Checks are made on the adults of the household' }]);
    new DateRules()
      .notInFuture('requestedOn', input.requestedOn)
      .notInFuture('completedOn', input.completedOn)
      .notBefore('completedOn', input.completedOn, input.requestedOn, 'the check was requested')
      .check();
    if (!!input.completedOn !== !!input.outcome)
      throw invalid([
        { field: input.completedOn ? 'outcome' : 'completedOn', rule: 'outcome-with-date', message: 'A completed check has both its date and its outcome' },
      ]);
    const row = await addToHousehold(ledger, 'foster_member_check', householdId, {
      member_id: input.memberId,
      kind: input.kind,
      requested_on: input.requestedOn,
      completed_on: input.completedOn ?? null,
      outcome: input.outcome ?? null,
      notes: input.notes,
    });
    return { checkId: row.check_id };
  });
}

/** Which date column each recruitment step fills, and the step it must follow. */
const STEPS = {
  application: { column: 'application_on', after: 'enquiry_on', afterLabel: 'the enquiry' },
  'stage-one': { column: 'stage_one_on', after: 'application_on', afterLabel: 'the application' },
  'stage-two': { column: 'stage_two_on', after: 'application_on', afterLabel: 'the application' },
  panel: { column: 'panel_on', after: 'stage_two_on', afterLabel: 'stage two' },
} as const;

export async function recordRecruitmentStep(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof recruitmentStep>) {
  return householdFromVersion(db, actor, householdId, input.version, async (ledger, h) => {
    const step = STEPS[input.step];
    const after = h[step.after];
    if (!after)
      throw conflict(`Record ${step.afterLabel} first`, [
        { field: 'step', rule: 'step-order', message: `${RECRUITMENT_STEP[input.step]} comes after ${step.afterLabel}` },
      ]);
    if (h[step.column])
      throw conflict('Already recorded', [
        { field: 'step', rule: 'already-recorded', message: `${RECRUITMENT_STEP[input.step]} is already recorded (${h[step.column]})` },
      ]);
    if (h.decision) throw conflict('The decision is made', [{ field: 'step', rule: 'decided', message: 'The decision maker has already decided' }]);
    new DateRules().notInFuture('on', input.on).notBefore('on', input.on, after, step.afterLabel).check();
    if (input.step === 'panel' && !input.recommendation)
      throw invalid([{ field: 'recommendation', rule: 'required', message: 'Give the panel’s recommendation' }]);
    return updateHousehold(
      ledger,
      householdId,
      {
        [step.column]: input.on,
        ...(input.step === 'application' ? { status: 'assessment' } : {}),
        ...(input.step === 'panel' ? { panel_recommendation: input.recommendation } : {}),
      },
      input.version,
      { step: input.step },
    );
  });
}

export async function recordDecision(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof fosteringDecision>) {
  return householdFromVersion(db, actor, householdId, input.version, async (ledger, h) => {
    if (!h.panel_on) throw conflict('Panel first', [{ field: 'decidedOn', rule: 'panel-first', message: 'The decision follows the panel’s recommendation' }]);
    if (h.decision) throw conflict('Already decided', [{ field: 'decision', rule: 'already-decided', message: `Already decided on ${h.decision_on}` }]);
    new DateRules().notInFuture('decidedOn', input.decidedOn).notBefore('decidedOn', input.decidedOn, h.panel_on, 'the panel').check();
    const t = input.terms;
    if (input.decision === 'approved') {
      if (!t) throw invalid([{ field: 'terms', rule: 'required', message: 'Give the terms of approval' }]);
      if (t.ageTo < t.ageFrom) throw invalid([{ field: 'terms.ageTo', rule: 'age-range', message: 'The oldest age must not be below the youngest' }]);
    }
    const approved = input.decision === 'approved' && t;
    return updateHousehold(
      ledger,
      householdId,
      {
        decision_on: input.decidedOn,
        decision: input.decision,
        decision_reasons: input.reasons,
        status: approved ? 'approved' : 'withdrawn',
        left_on: approved ? null : input.decidedOn,
        max_children: approved ? approved.maxChildren : null,
        age_from: approved ? approved.ageFrom : null,
        age_to: approved ? approved.ageTo : null,
        terms_sex: approved ? approved.sex : null,
        placement_types: approved ? [...approved.placementTypes] : null,
      },
      input.version,
      { decision: input.decision },
    );
  });
}

export async function approveTemporarily(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof temporaryApproval>) {
  return householdFromVersion(db, actor, householdId, input.version, async (ledger, h) => {
    if (h.kind !== 'connected-person')
      throw invalid([
        { field: 'childId', rule: 'connected-person-only', message: 'Only family and friends (connected person) carers are approved temporarily' },
      ]);
    if (h.temporary_from)
      throw conflict('Already approved temporarily', [
        { field: 'placedOn', rule: 'already-temporary', message: `Approved temporarily from ${h.temporary_from}` },
      ]);
    await knownChild(ledger, input.childId);
    new DateRules().notInFuture('placedOn', input.placedOn).notBefore('placedOn', input.placedOn, h.enquiry_on, 'the enquiry').check();
    return updateHousehold(
      ledger,
      householdId,
      {
        temporary_child_id: input.childId,
        temporary_from: input.placedOn,
        temporary_reasons: input.reasons,
        status: 'assessment',
        application_on: h.application_on ?? input.placedOn,
      },
      input.version,
    );
  });
}

export async function extendTemporary(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof temporaryExtension>) {
  return householdFromVersion(db, actor, householdId, input.version, async (ledger, h) => {
    if (!h.temporary_from || h.decision)
      throw conflict('No temporary approval to extend', [
        { field: 'reason', rule: 'temporary-required', message: 'Only an open temporary approval is extended' },
      ]);
    if (h.temporary_extension_reason)
      throw conflict('Extended once already', [{ field: 'reason', rule: 'one-extension', message: 'A temporary approval is extended once only (8 weeks)' }]);
    return updateHousehold(ledger, householdId, { temporary_extension_reason: input.reason }, input.version);
  });
}

/** Which status may follow which. */
const MAY_BECOME: Record<string, readonly string[]> = {
  approved: ['on-hold'],
  'on-hold': ['approved'],
  resigned: ['approved', 'on-hold'],
  deregistered: ['approved', 'on-hold'],
  withdrawn: ['enquiry', 'assessment'],
};

export async function changeStatus(db: Kysely<Database>, actor: Actor, householdId: string, input: In<typeof householdStatusChange>) {
  return householdFromVersion(db, actor, householdId, input.version, async (ledger, h) => {
    if (!(MAY_BECOME[input.status] ?? []).includes(h.status))
      throw conflict(
        `A household ${HOUSEHOLD_STATUS[h.status as HouseholdStatus].toLowerCase()} cannot become ${HOUSEHOLD_STATUS[input.status].toLowerCase()}`,
        [{ field: 'status', rule: 'status-order', message: `Not possible from ${HOUSEHOLD_STATUS[h.status as HouseholdStatus].toLowerCase()}` }],
      );
    new DateRules()
      .notInFuture('on', input.on)
      .notBefore('on', input.on, h.decision_on ?? h.enquiry_on, h.decision_on ? 'the approval' : 'the enquiry')
      .check();
    const leaving = input.status === 'resigned' || input.status === 'deregistered';
    if (leaving && !input.reason) throw invalid([{ field: 'reason', rule: 'required', message: 'Say why the household is leaving' }]);
    if (leaving) {
      if (await ledger.row('cla_episode', { foster_household_id: householdId, end_date: null }))
        throw conflict('Children are placed here', [
          { field: 'status', rule: 'children-placed', message: 'Record the children’s moves before the household leaves' },
        ]);
    }
    const gone = input.status === 'withdrawn' || leaving;
    return updateHousehold(
      ledger,
      householdId,
      { status: input.status, left_on: gone ? input.on : null, leaving_reason: leaving ? (input.reason ?? null) : null },
      input.version,
      { status: input.status, ...(leaving ? { reason: LEAVING_REASON[input.reason as keyof typeof LEAVING_REASON] } : {}) },
    );
  });
}
