/**
 * Subject access requests: recorded with who asked and the proof of identity seen (the deadline
 * sar-response starts), extended once with a reason, the redaction marks proposed from the people
 * named in the record and reviewed by a person, then the copy released.
 */
import { type extendSarInput, type recordSarInput, type reviewSarInput, type SarMark, sarDueOn, todayInEngland } from '@lantern/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

export async function recordSar(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof recordSarInput>) {
  return step(db, actor, childId, async (ledger) => {
    new DateRules().notInFuture('receivedOn', input.receivedOn).check();
    const row = await insertNew(ledger, 'subject_access_request', {
      child_id: childId,
      requester_name: input.requesterName,
      requester_relationship: input.requesterRelationship,
      identity_seen: input.identitySeen,
      received_on: input.receivedOn,
      due_on: sarDueOn(input.receivedOn, false),
      marks: JSON.stringify(await proposedMarks(ledger.db, ledger.laCode, childId, input.requesterName)),
      recorded_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.receivedOn,
      category: 'subject-access-request',
      summary: `Subject access request received (proof of identity seen: ${input.identitySeen}); due ${row.due_on}`,
      recordType: 'subject-access-request',
      recordId: row.sar_id,
    });
    return { sarId: row.sar_id, dueOn: row.due_on, version: row.version };
  });
}

async function openSar(ledger: Ledger, childId: string, sarId: string) {
  return ledger.find('subject_access_request', { child_id: childId, sar_id: sarId }, 'subject access request', { lock: true });
}

export async function extendSar(db: Kysely<Database>, actor: Actor, childId: string, sarId: string, input: In<typeof extendSarInput>) {
  return step(db, actor, childId, async (ledger) => {
    const sar = await openSar(ledger, childId, sarId);
    if (sar.extended_on)
      throw conflict('Already extended', [
        { field: 'reason', rule: 'once', message: `Extended on ${sar.extended_on}: the law allows one extension of two months` },
      ]);
    if (sar.released_on) throw conflict('Already answered', [{ field: 'reason', rule: 'released', message: `The copy was released on ${sar.released_on}` }]);
    const row = await ledger.update(
      'subject_access_request',
      { sar_id: sarId },
      { extended_on: todayInEngland(), extension_reason: input.reason, due_on: sarDueOn(sar.received_on, true) },
      { fromVersion: input.version },
    );
    ledger.chronicle({
      occurredOn: todayInEngland(),
      category: 'subject-access-request',
      summary: `Subject access request extended to ${row.due_on}: ${input.reason}`,
      recordType: 'subject-access-request',
      recordId: sarId,
    });
    return { version: row.version, dueOn: row.due_on };
  });
}

/** The reviewer's marks replace the proposed ones: the copy released blacks out exactly these. */
export async function reviewSarMarks(db: Kysely<Database>, actor: Actor, childId: string, sarId: string, input: In<typeof reviewSarInput>) {
  return step(db, actor, childId, async (ledger) => {
    const sar = await openSar(ledger, childId, sarId);
    if (sar.released_on) throw conflict('Already released', [{ field: 'marks', rule: 'released', message: `The copy was released on ${sar.released_on}` }]);
    const row = await ledger.update(
      'subject_access_request',
      { sar_id: sarId },
      { marks: JSON.stringify(input.marks), reviewed_by: actor.user.userId, reviewed_at: new Date() },
      { fromVersion: input.version },
    );
    ledger.chronicle({
      occurredOn: todayInEngland(),
      category: 'subject-access-request',
      summary: `Subject access request: ${input.marks.length} redaction marks reviewed`,
      recordType: 'subject-access-request',
      recordId: sarId,
    });
    return { version: row.version, marks: row.marks };
  });
}

/** Marks the copy released (the deadline is met): only once its marks were reviewed. */
export async function releaseSar(db: Kysely<Database>, actor: Actor, childId: string, sarId: string) {
  return step(db, actor, childId, async (ledger) => {
    const sar = await openSar(ledger, childId, sarId);
    if (!sar.reviewed_at)
      throw conflict('Not reviewed', [{ field: 'marks', rule: 'reviewed', message: 'A person must review the redaction marks before the copy is released' }]);
    if (sar.released_on) return sar;
    const row = await ledger.update(
      'subject_access_request',
      { sar_id: sarId },
      { released_on: todayInEngland(), released_by: actor.user.userId },
      { fromVersion: sar.version },
    );
    // The copy leaving the council: audited as an export, beside the record's own update.
    ledger.audit({ action: 'export', recordType: 'subject-access-request', recordId: sarId, detail: { released: true, marks: sar.marks.length } });
    ledger.chronicle({
      occurredOn: todayInEngland(),
      category: 'subject-access-request',
      summary: 'Subject access request answered: the redacted copy released',
      recordType: 'subject-access-request',
      recordId: sarId,
    });
    return row;
  });
}

/**
 * Third parties: the people related to the child (parents, siblings, carers, others named in
 * their family) who are not the requester. Each is proposed by full name and by first name.
 */
export async function proposedMarks(db: Kysely<Database>, laCode: string, childId: string, requesterName: string): Promise<SarMark[]> {
  const people = await db
    .selectFrom('relationship as r')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'r.la_code').onRef('p.person_id', '=', 'r.related_person_id'))
    .select(['p.given_name', 'p.family_name', 'r.relationship_type'])
    .where('r.la_code', '=', laCode)
    .where('r.person_id', '=', childId)
    .execute();
  const requester = requesterName.trim().toLowerCase();
  const marks: SarMark[] = [];
  for (const p of people) {
    const full = `${p.given_name} ${p.family_name}`;
    if (full.toLowerCase() === requester) continue;
    const reason = `third party (${p.relationship_type.replace(/-/g, ' ')})`;
    marks.push({ text: full, reason });
    if (p.given_name.length > 2) marks.push({ text: p.given_name, reason });
  }
  return marks;
}
