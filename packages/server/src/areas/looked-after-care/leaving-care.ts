/** Care leavers: eligibility, pathway plans, accommodation, personal adviser visits, birthday contacts (OC3). */
import {
  type birthdayContact,
  birthdayContactProblems,
  type careLeaverDetails,
  CARE_LEAVER_CATEGORY,
  IN_TOUCH,
  isEet,
  isSuitableAccommodation,
  type newLeaverAccommodation,
  type newPaVisit,
  type newPathwayPlan,
} from '@lantern/core/care';
import { scopeFor } from '@lantern/core/permissions';
import { type Kysely, sql } from 'kysely';
import { childrenInScope } from '../../kernel/access.ts';
import { auditMany } from '../../kernel/audit.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database, Person } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { entry, type In, recordForChild, saveWhole } from './shared.ts';

// ---------------------------------------------------------------------------
// Care leavers

export async function saveCareLeaver(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof careLeaverDetails>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules()
      .notInFuture('eligibleFrom', input.eligibleFrom)
      .notInFuture('supportEndedOn', input.supportEndedOn)
      .notBefore('supportEndedOn', input.supportEndedOn, input.eligibleFrom, 'the day they became eligible')
      .check();
    const existing = await ledger.row('care_leaver', { child_id: childId }, { lock: true });
    const values = { category: input.category, eligible_from: input.eligibleFrom, support_ended_on: input.supportEndedOn ?? null };
    const saved = await saveWhole(
      ledger,
      'care_leaver',
      { child_id: childId },
      { exists: !!existing, values, version: input.version, sendVersion: 'Send the version of the care leaver record you changed', firstIsVersion1: true },
    );
    if (!existing || existing.category !== input.category)
      ledger.chronicle(entry(input.eligibleFrom, 'care-leaver', `Leaving care: ${CARE_LEAVER_CATEGORY[input.category].toLowerCase()}`, 'care-leaver', childId));
    return { version: saved.version };
  });
}

async function careLeaverOf(trx: Kysely<Database>, laCode: string, childId: string) {
  const cl = await rowByKey(trx, laCode, 'care_leaver', { child_id: childId });
  if (!cl)
    throw conflict('The young person is not recorded as a care leaver: record their leaving care category first', [
      { field: 'childId', rule: 'care-leaver-required', message: 'Record the leaving care category first' },
    ]);
  return cl;
}

/** A step on a care leaver's record: refused (409) until their leaving care category is recorded. */
function careLeaverStep<T>(db: Kysely<Database>, actor: Actor, childId: string, work: (ledger: Ledger, child: Person) => Promise<T>): Promise<T> {
  return step(db, actor, childId, async (ledger, child) => {
    await careLeaverOf(ledger.db, ledger.laCode, childId);
    return work(ledger, child);
  });
}

export async function recordPathwayPlan(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPathwayPlan>) {
  return careLeaverStep(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
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
    const plan = await recordForChild(
      ledger,
      'pathway_plan',
      { kind: input.kind, held_on: input.heldOn },
      { occurredOn: input.heldOn, category: 'care-leaver', summary: input.kind === 'plan' ? 'Pathway plan' : 'Pathway plan review' },
    );
    return { pathwayId: plan.pathway_id };
  });
}

export async function recordLeaverAccommodation(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newLeaverAccommodation>) {
  return careLeaverStep(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('movedOn', input.movedOn).check();
    const move = await recordForChild(
      ledger,
      'leaver_accommodation',
      { moved_on: input.movedOn, accommodation: input.accommodation, suitable: input.suitable },
      { occurredOn: input.movedOn, category: 'care-leaver', summary: `Moved to new accommodation (${input.suitable ? 'suitable' : 'not suitable'})` },
    );
    return { moveId: move.move_id };
  });
}

export async function recordPaVisit(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPaVisit>) {
  return careLeaverStep(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('visitedOn', input.visitedOn).check();
    const visit = await recordForChild(
      ledger,
      'pa_visit',
      { visited_on: input.visitedOn, worker_id: actor.user.workerId, notes: input.notes ?? null },
      { occurredOn: input.visitedOn, category: 'care-leaver', summary: 'Personal adviser visit' },
    );
    return { visitId: visit.visit_id };
  });
}

/** OC3: the contact around a birthday from 17 to 21. Recording the same birthday again is an edit (version). */
export async function saveBirthdayContact(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof birthdayContact>) {
  return careLeaverStep(db, actor, childId, async (ledger, child) => {
    new DateRules().notInFuture('contactOn', input.contactOn).check();
    const problems = birthdayContactProblems(input);
    if (problems.length) throw invalid(problems);
    if (!child.date_of_birth)
      throw invalid([{ field: 'birthdayAge', rule: 'date-of-birth-required', message: 'Record the young person’s date of birth first' }]);
    const existing = await ledger.row('leaver_birthday_contact', { child_id: childId, birthday_age: input.birthdayAge }, { lock: true });
    const values = { contact_on: input.contactOn, in_touch: input.inTouch, activity: input.activity, accommodation: input.accommodation };
    const named = { recordType: 'birthday-contact', detail: { birthdayAge: input.birthdayAge } };
    const saved = await saveWhole(
      ledger,
      'leaver_birthday_contact',
      { child_id: childId, birthday_age: input.birthdayAge },
      {
        exists: !!existing,
        values,
        version: input.version,
        sendVersion: `The contact for the ${input.birthdayAge}th birthday is recorded: send its version to change it`,
      },
      named,
    );
    ledger.chronicle(
      entry(
        input.contactOn,
        'care-leaver',
        `${input.birthdayAge}th birthday contact: ${IN_TOUCH[input.inTouch].toLowerCase()}${input.activity !== '0' ? `; ${isEet(input.activity) ? 'in education, employment or training' : 'not in education, employment or training'}` : ''}${input.accommodation !== '0' ? `; accommodation ${isSuitableAccommodation(input.accommodation) ? 'suitable' : 'not suitable'}` : ''}`,
        'birthday-contact',
        childId,
      ),
    );
    return { version: saved.version };
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
