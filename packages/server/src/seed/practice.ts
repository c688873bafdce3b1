/**
 * The demo council's practice record, written after the casework (it reads the assessments,
 * enquiries and plans back): written assessments with both safety scales (the manager's
 * sometimes lower, some returned once first), section 47 findings, and plan documents for
 * child in need, protection, care and pathway plans, with outcomes, actions (some done, some
 * late) and progress at each core group and child in need review.
 *
 * Versions are kept by the database (migration 0015); rows carry their own creation times, so
 * a plan's first version holds the actions set with it and later versions what meetings changed.
 * The returns read none of this, so the CIN census and SSDA903 are as before.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import { bulkRows } from '../kernel/db/copy-rows.ts';
import { RowLoad } from '../kernel/db/insert-rows.ts';
import { joinedByHash } from './chunks.ts';
import { type PracticeChild, seedPlans } from './practice-plans.ts';
import { fill, pronounsFor } from './texts.ts';
import * as T from './practice-texts.ts';
import { dayOf, isoOf, Rng } from './rng.ts';

const STREAM = 9013;

export async function seedPractice(
  db: Kysely<Database>,
  options: { laCode: string; seed: number; asOf: string; workerUserId: string; managerUserId: string },
): Promise<Record<string, number>> {
  const { laCode, asOf } = options;
  const today = dayOf(asOf);
  const rng = new Rng(options.seed, STREAM);
  const ids = new Rng(options.seed, STREAM + 1);
  const at = (day: number, hour = 10) => `${isoOf(day)}T${String(hour).padStart(2, '0')}:00:00Z`;

  const people = await sql<{
    child_id: string;
    given_name: string;
    sex: 'M' | 'F' | 'U';
    date_of_birth: string | null;
    carer: string | null;
    worker_id: string | null;
  }>`
    select p.person_id as child_id, p.given_name, p.sex, p.date_of_birth,
      (select c.given_name || ' ' || c.family_name from relationship r join person c on c.la_code = r.la_code and c.person_id = r.related_person_id
        where r.la_code = p.la_code and r.person_id = p.person_id and r.parental_responsibility order by r.relationship_type limit 1) as carer,
      (select a.worker_id from allocation a where a.la_code = p.la_code and a.child_id = p.person_id and a.allocation_role = 'social-worker' and a.end_date is null limit 1) as worker_id
    from person p where p.la_code = ${laCode} and p.is_child`.execute(db);
  const children = new Map<string, PracticeChild>(
    people.rows.map((r) => [
      r.child_id,
      {
        given: r.given_name,
        carer: r.carer ?? 'the carer',
        p: pronounsFor(r.sex),
        age: r.date_of_birth ? Math.floor((today - dayOf(r.date_of_birth)) / 365.25) : null,
        workerId: r.worker_id,
      },
    ]),
  );
  const swDemo = await db
    .selectFrom('app_user')
    .select('worker_id')
    .where('la_code', '=', laCode)
    .where('user_id', '=', options.workerUserId)
    .executeTakeFirst();
  const contacts = (
    await db.selectFrom('partner_contact').select('contact_id').where('la_code', '=', laCode).where('is_escalation', '=', false).orderBy('contact_id').execute()
  ).map((c) => c.contact_id);

  /** A text for this child: pieces from each pool, with names, a day, a number. */
  const say = (childId: string, pools: readonly (readonly string[])[] | readonly string[], extra: Record<string, string> = {}) => {
    const c = children.get(childId) as PracticeChild;
    const parts =
      typeof pools[0] === 'string' ? [rng.pick(pools as readonly string[])] : (pools as readonly (readonly string[])[]).map((pool) => rng.pick(pool));
    let text = parts.map((s) => fill(s, c.given, c.carer, c.p)).join(' ');
    // Drawn whether the text uses them or not (the same draws, in the same order); each replaced only where it is.
    const day = rng.pick(T.DAYS);
    const adult = extra.adult ?? rng.pick(T.ADULTS);
    const n = String(rng.between(2, 9));
    const pct = String(rng.between(68, 97));
    if (!text.includes('{')) return text;
    if (text.includes('{day}')) text = text.replaceAll('{day}', day);
    if (text.includes('{adult}')) text = text.replaceAll('{adult}', adult);
    if (text.includes('{n}')) text = text.replaceAll('{n}', n);
    if (text.includes('{pct}')) text = text.replaceAll('{pct}', pct);
    for (const k in extra) text = text.replaceAll(`{${k}}`, extra[k] as string);
    return text;
  };

  const records: Record<string, number> = {};
  // Written a slice at a time as they are made (at 50,000 children, holding them all took a gigabyte).
  const load = new RowLoad(db, 5_000, async (waiting) => {
    for (const { table, rows } of waiting) await bulkRows(db, table, rows);
  });
  const chronology = load.track<Database['chronology_entry']>('chronology_entry');
  const chronicle = (childId: string, day: number, category: string, summary: string, recordType: string, recordId: string, by: string | null) =>
    chronology.push({
      la_code: laCode,
      entry_id: ids.uuid(),
      child_id: childId,
      occurred_on: isoOf(day),
      category,
      summary,
      record_type: recordType,
      record_id: recordId,
      recorded_by: by,
      recorded_at: at(day, 16),
    } as never);

  // ---------------------------------------------------------------------------------------
  // Written assessments, with the scales on the risk assessment the risk-scaling view reads.
  const assessments = await sql<{ assessment_id: string; child_id: string; start_date: string; completed_on: string | null; authorised_on: string | null }>`
    select a.assessment_id, a.child_id, a.start_date, a.completed_on, a.authorised_on from assessment a
    where a.la_code = ${laCode} and a.start_date >= ${isoOf(today - 730)}::date order by a.start_date, a.assessment_id`.execute(db);
  const risks = load.track<object>('risk_assessment');
  const written = load.track<object>('assessment_record');
  const authoriseAfterReturn: { assessment_id: string }[] = [];
  for (const a of assessments.rows) {
    await load.writeIfFull();
    const c = children.get(a.child_id);
    if (!c) continue;
    const adult = rng.pick(T.ADULTS);
    const sections = {
      lived_experience: say(a.child_id, T.LIVED, { adult }),
      child_words:
        c.age !== null && c.age < 3
          ? `Observed: ${c.given} ${rng.pick(['settled and smiling with', 'reaching for', 'calm in the arms of'])} ${c.carer}.`
          : say(a.child_id, T.WORDS_OF_CHILD),
      worries: say(a.child_id, T.WORRIES, { adult }),
      working_well: say(a.child_id, T.WORKING_WELL, { adult }),
      parents_views: say(a.child_id, T.PARENTS, { adult }),
      partner_views: say(a.child_id, T.PARTNERS, { adult }),
      analysis: say(a.child_id, T.ANALYSIS, { adult }),
      recommendation: say(a.child_id, T.RECOMMENDATION, { adult }),
    };
    const start = dayOf(a.start_date);
    const base = { la_code: laCode, assessment_id: a.assessment_id, child_id: a.child_id, created_by: options.workerUserId, created_at: at(start, 9) };
    if (!a.completed_on) {
      // In progress: partly written; a few of the demo worker's were returned to them.
      const returned = swDemo?.worker_id && c.workerId === swDemo.worker_id && rng.chance(0.5);
      const partial = Object.fromEntries(Object.entries(sections).map(([k, v], i) => [k, i < rng.between(3, 8) ? v : '']));
      written.push(
        returned
          ? {
              ...base,
              ...sections,
              status: 'returned',
              submitted_on: isoOf(Math.min(today - 2, start + 20)),
              submitted_by: options.workerUserId,
              returned_on: isoOf(Math.min(today - 1, start + 22)),
              returned_by: options.managerUserId,
              return_reasons: say(a.child_id, T.RETURN_REASONS, { adult }),
              times_returned: 1,
            }
          : { ...base, ...partial },
      );
      continue;
    }
    const completed = dayOf(a.completed_on);
    const workerScale = rng.between(2, 8);
    // Managers more often see less safety than the worker: the over-optimism the view shows.
    const gap = rng.chance(0.55) ? 0 : rng.chance(0.8) ? -rng.between(1, 3) : 1;
    const managerScale = Math.max(0, Math.min(10, workerScale + gap));
    const riskId = ids.uuid();
    const authorised = a.authorised_on ? dayOf(a.authorised_on) : null;
    risks.push({
      la_code: laCode,
      risk_assessment_id: riskId,
      child_id: a.child_id,
      assessed_on: a.completed_on,
      worries: sections.worries,
      strengths: sections.working_well,
      next_steps: sections.recommendation,
      worker_scale: workerScale,
      recorded_by: options.workerUserId,
      manager_scale: authorised !== null ? managerScale : null,
      manager_view: authorised !== null ? say(a.child_id, T.MANAGER_VIEWS, { adult, m: String(managerScale) }) : null,
      manager_user_id: authorised !== null ? options.managerUserId : null,
      manager_on: a.authorised_on,
      recorded_at: at(completed, 15),
    });
    const returnedOnce = authorised !== null && authorised > completed && rng.chance(0.2);
    const record = {
      ...base,
      ...sections,
      submitted_on: a.completed_on,
      submitted_by: options.workerUserId,
      risk_assessment_id: riskId,
    };
    if (returnedOnce) {
      // Kept as returned first, then authorised: two versions, the reasons in the first.
      written.push({
        ...record,
        status: 'returned',
        returned_on: isoOf(Math.min(authorised as number, completed + 1)),
        returned_by: options.managerUserId,
        return_reasons: say(a.child_id, T.RETURN_REASONS, { adult }),
        times_returned: 1,
      });
      authoriseAfterReturn.push({ assessment_id: a.assessment_id });
      chronicle(
        a.child_id,
        completed,
        'management-decision',
        `Assessment returned to the worker: ${(written.at(-1) as { return_reasons: string }).return_reasons}`,
        'assessment-record',
        a.assessment_id,
        options.managerUserId,
      );
    } else written.push({ ...record, status: authorised !== null ? 'authorised' : 'submitted' });
    chronicle(
      a.child_id,
      completed,
      'assessment',
      `Assessment sent to the manager: safety ${workerScale} out of 10. Analysis: ${sections.analysis}`,
      'assessment-record',
      a.assessment_id,
      options.workerUserId,
    );
    if (authorised !== null)
      chronicle(
        a.child_id,
        authorised,
        'assessment',
        `Assessment authorised: safety ${managerScale} out of 10 (the worker said ${workerScale}).`,
        'assessment-record',
        a.assessment_id,
        options.managerUserId,
      );
  }
  await load.write();
  if (authoriseAfterReturn.length)
    await joinedByHash(
      db,
      sql`update assessment_record r set status = 'authorised' from jsonb_to_recordset(${JSON.stringify(authoriseAfterReturn)}::jsonb) as x(assessment_id uuid)
      where r.la_code = ${laCode} and r.assessment_id = x.assessment_id`,
    );
  records.assessment_record = load.count('assessment_record');
  records.risk_assessment = load.count('risk_assessment');

  // ---------------------------------------------------------------------------------------
  // Section 47 findings.
  const enquiries = await sql<{ s47_id: string; child_id: string; completed_on: string; outcome: string; icpc_not_required_reason: string | null }>`
    select s.s47_id, s.child_id, s.completed_on, s.outcome, s.icpc_not_required_reason from section47 s
    where s.la_code = ${laCode} and s.completed_on is not null and s.completed_on >= ${isoOf(today - 730)}::date order by s.completed_on, s.s47_id`.execute(db);
  const findings = load.track<object>('section47_findings');
  for (const s of enquiries.rows) {
    await load.writeIfFull();
    const convene = s.outcome === 'conference';
    const adult = rng.pick(T.ADULTS);
    const concerns = Array.from({ length: rng.between(1, 2) }, (_, i) => {
      const substantiated = convene && (i === 0 || rng.chance(0.5));
      return {
        concern: say(s.child_id, T.CONCERNS, { adult }),
        found: say(s.child_id, T.FOUND, { adult }),
        substantiated,
        why: say(s.child_id, substantiated ? T.SUBSTANTIATED_WHY : T.NOT_SUBSTANTIATED_WHY, { adult }),
      };
    });
    const reasons = convene ? say(s.child_id, T.CONVENE, { adult }) : (s.icpc_not_required_reason ?? say(s.child_id, T.NOT_SUBSTANTIATED_WHY, { adult }));
    findings.push({
      la_code: laCode,
      s47_id: s.s47_id,
      child_id: s.child_id,
      concerns,
      convene,
      convene_reasons: reasons,
      created_at: at(dayOf(s.completed_on), 14),
    });
    chronicle(
      s.child_id,
      dayOf(s.completed_on),
      'section-47',
      `Section 47 enquiry findings: ${concerns.map((x) => `${x.concern}: ${x.found}`).join(' ')} ${convene ? 'Conference to be convened' : 'No conference'}: ${reasons}`,
      'section47-findings',
      s.s47_id,
      options.workerUserId,
    );
  }
  records.section47_findings = load.count('section47_findings');

  // Plans, their actions and progress at each meeting (practice-plans.ts).
  await seedPlans({ db, laCode, today, rng, ids, at, children, contacts, say, load, chronicle, workerUserId: options.workerUserId });
  records.plan_document = load.count('plan_document');
  records.plan_action = load.count('plan_action');
  records.plan_action_progress = load.count('plan_action_progress');
  records.chronology_entry = load.count('chronology_entry');
  return records;
}
