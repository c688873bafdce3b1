/**
 * The demo council's subject access requests, so information governance and the head of service
 * find work waiting: care-experienced young people asking for their own record and a parent and a
 * solicitor asking for a child's — one just in, one extended with its reason, one past its month,
 * one answered (marks reviewed, copy released). The marks are proposed from the people named in
 * each record, as the web app proposes them. Deterministic; synthetic.
 */
import { sarDueOn } from '@lantern/core';
import { type Insertable, type Kysely, sql } from 'kysely';
import { proposedMarks } from '../areas/exchange/index.ts';
import type { Database } from '../kernel/db/schema.ts';
import { writeRows } from './write-rows.ts';
import { dayOf, isoOf, Rng } from './rng.ts';

const STREAM = 2033;
const IDENTITY = ['Passport and a recent bank statement', 'Driving licence and a council tax bill', 'Birth certificate and a letter from the college'];

export async function seedSubjectAccessRequests(db: Kysely<Database>, options: { laCode: string; seed: number; asOf: string; userId: string }) {
  const { laCode, asOf, userId } = options;
  const rng = new Rng(options.seed, STREAM);
  const today = dayOf(asOf);
  // Children named with their family, not restricted (information governance sees every other
  // record); the care-experienced (looked after at some time) first, oldest first.
  const children = (
    await sql<{ person_id: string; given_name: string; family_name: string; adult: boolean }>`
      select p.person_id, p.given_name, p.family_name, p.date_of_birth <= ${isoOf(today - 18 * 365 - 5)}::date as adult
      from person p
      where p.la_code = ${laCode} and p.is_child and not p.restricted and p.date_of_birth is not null
        and exists (select 1 from relationship r where r.la_code = p.la_code and r.person_id = p.person_id)
      order by exists (select 1 from cla_episode e where e.la_code = p.la_code and e.child_id = p.person_id) desc, p.date_of_birth, p.person_id
      limit 4`.execute(db)
  ).rows;
  type Plan = { received: number; requester: 'self' | 'parent' | 'representative'; extended?: number; reviewed?: number; released?: number };
  const plans: Plan[] = [
    { received: today - 9, requester: 'self' },
    { received: today - 40, requester: 'self', extended: today - 26 },
    { received: today - 38, requester: 'parent' },
    { received: today - 70, requester: 'representative', reviewed: today - 46, released: today - 45 },
  ];
  const rows: Insertable<Database['subject_access_request']>[] = [];
  const chronology: Insertable<Database['chronology_entry']>[] = [];
  for (const [i, child] of children.entries()) {
    const plan = plans[i] as Plan;
    const name = `${child.given_name} ${child.family_name}`;
    const requesterName =
      plan.requester === 'self'
        ? name
        : plan.requester === 'parent'
          ? `${rng.pick(['Dawn', 'Lee', 'Michelle'])} ${child.family_name}`
          : 'Harper & Lowe Solicitors';
    const sarId = rng.uuid();
    const receivedOn = isoOf(plan.received);
    const identitySeen = plan.requester === 'representative' ? 'The client’s signed authority and her passport' : rng.pick(IDENTITY);
    const marks = await proposedMarks(db, laCode, child.person_id, requesterName);
    rows.push({
      la_code: laCode,
      sar_id: sarId,
      child_id: child.person_id,
      requester_name: requesterName,
      requester_relationship: plan.requester,
      identity_seen: identitySeen,
      received_on: receivedOn,
      due_on: sarDueOn(receivedOn, plan.extended !== undefined),
      extended_on: plan.extended === undefined ? null : isoOf(plan.extended),
      extension_reason: plan.extended === undefined ? null : 'The record runs to many years and includes court papers: the request is complex.',
      marks: JSON.stringify(marks),
      reviewed_by: plan.reviewed === undefined ? null : userId,
      reviewed_at: plan.reviewed === undefined ? null : new Date(`${isoOf(plan.reviewed)}T11:00:00Z`),
      released_on: plan.released === undefined ? null : isoOf(plan.released),
      released_by: plan.released === undefined ? null : userId,
      recorded_by: userId,
    });
    const entry = (on: number, summary: string) =>
      chronology.push({
        la_code: laCode,
        entry_id: rng.uuid(),
        child_id: child.person_id,
        occurred_on: isoOf(on),
        category: 'subject-access-request',
        summary,
        record_type: 'subject-access-request',
        record_id: sarId,
        recorded_by: userId,
      });
    entry(plan.received, `Subject access request received (proof of identity seen: ${identitySeen}); due ${sarDueOn(receivedOn, false)}`);
    if (plan.extended !== undefined) entry(plan.extended, `Subject access request extended to ${sarDueOn(receivedOn, true)}`);
    if (plan.released !== undefined) entry(plan.released, 'Subject access request answered: the redacted copy released');
  }
  return writeRows(db, { subject_access_request: rows, chronology_entry: chronology }, { laCode });
}
