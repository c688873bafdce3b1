/**
 * The demo council's conference and review records, written over the conferences and looked-after
 * reviews already generated: who was invited and who came (parents by name, carers, the child,
 * the partner agencies recorded at each conference with a contact from the register), how the
 * child's views were heard, the decisions and when they and the full record were written (mostly
 * on time, some late, some recent ones not yet); recommendations with owners and dates (most
 * done, some late, some overdue); and IRO escalations at every stage. Deterministic for a seed
 * (its own stream over rows read in a fixed order); every name is synthetic. The review's
 * participation code is left as generated, so the SSDA903 return reads what it did.
 */
import { CONFERENCE_VIEWS, ESCALATION_STAGES, type EscalationStage } from '@lantern/core/meetings';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import { CARER_LABEL, CONFERENCE_DECISIONS, DONE_NOTES, ESCALATION_ANSWERS, ESCALATION_CONCERNS, RECOMMENDATIONS, REVIEW_DECISIONS } from './meeting-texts.ts';
import { buildNamePools } from './pools.ts';
import { dayOf, isoOf, Rng } from './rng.ts';
import { ledgerLoad } from './write-rows.ts';

const STREAM = 1313;

type MeetingRow = {
  kind: 'conference' | 'review';
  meeting_id: string;
  child_id: string;
  held_on: string;
  outcome: string | null;
  participation: string | null;
  words: string | null;
  child_name: string;
  age: number | null;
  social_worker: string | null;
  team_manager: string | null;
  chair: string | null;
  parents: string | null;
};

/** A weekday `n` working days (weekends only; the demo's bank holidays are rare enough) after a day. */
function workingDaysAfter(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    const weekday = (d + 4) % 7; // day 0 (1 January 1970) was a Thursday; 0 = Sunday
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

export async function seedMeetings(db: Kysely<Database>, options: { laCode: string; seed: number; asOf: string }) {
  const { laCode } = options;
  const rng = new Rng(options.seed, STREAM);
  const names = buildNamePools(options.seed + STREAM);
  const today = dayOf(options.asOf);
  const meetings = await sql<MeetingRow>`
    with m as (
      select 'conference' as kind, c.conference_id as meeting_id, c.child_id, c.held_on, c.outcome, null::text as participation, c.child_words as words, null::uuid as chair
      from cp_conference c where c.la_code = ${laCode}
      union all
      select 'review', r.review_id, r.child_id, r.held_on, null, r.participation, r.child_words, r.chair_worker_id
      from cla_review r where r.la_code = ${laCode}
    )
    select m.kind, m.meeting_id, m.child_id, m.held_on::text as held_on, m.outcome, m.participation, m.words, m.chair,
      p.given_name as child_name, extract(year from age(m.held_on, p.date_of_birth))::int as age,
      sw.worker_id as social_worker, t.manager_worker_id as team_manager,
      (select string_agg(concat_ws(' ', a.given_name, a.family_name), '|' order by rel.relationship_type)
         from relationship rel join person a on a.la_code = rel.la_code and a.person_id = rel.related_person_id
         where rel.la_code = ${laCode} and rel.person_id = m.child_id and rel.relationship_type in ('mother', 'father')) as parents
    from m
    join person p on p.la_code = ${laCode} and p.person_id = m.child_id
    left join lateral (
      select a.worker_id from allocation a where a.la_code = ${laCode} and a.child_id = m.child_id and a.allocation_role = 'social-worker' and a.start_date <= m.held_on
      order by (a.end_date is null or a.end_date >= m.held_on) desc, a.start_date desc limit 1
    ) sw on true
    left join worker w on w.la_code = ${laCode} and w.worker_id = sw.worker_id
    left join team t on t.la_code = ${laCode} and t.team_id = w.team_id
    where m.held_on <= ${options.asOf}::date
    order by m.held_on, m.meeting_id`.execute(db);
  // The agencies recorded at each conference (the partners area's), each with a named contact.
  const agencies = await sql<{ meeting_id: string; attended: boolean; report: boolean; contact_id: string | null; organisation: string }>`
    select mc.meeting_id, mc.attended, mc.report_sent_on is not null as report, o.name as organisation,
      (select c.contact_id from partner_contact c where c.la_code = mc.la_code and c.organisation_id = mc.organisation_id and not c.is_escalation order by c.name limit 1) as contact_id
    from meeting_contribution mc join partner_organisation o on o.la_code = mc.la_code and o.organisation_id = mc.organisation_id
    where mc.la_code = ${laCode} and mc.meeting_kind = 'conference' order by mc.meeting_id, o.name`.execute(db);
  const agenciesAt = new Map<string, typeof agencies.rows>();
  for (const a of agencies.rows) agenciesAt.set(a.meeting_id, [...(agenciesAt.get(a.meeting_id) ?? []), a]);
  const stageOwners = await sql<{ job_role: string; worker_id: string }>`
    select distinct on (job_role) job_role, worker_id from worker
    where la_code = ${laCode} and leave_date is null and job_role in ('service-manager', 'head-of-service', 'director')
    order by job_role, family_name, worker_id`.execute(db);
  const ownerAt = (stage: EscalationStage, row: MeetingRow): string | null => {
    if (stage === 'team-manager') return row.team_manager;
    const byRole = new Map(stageOwners.rows.map((r) => [r.job_role, r.worker_id]));
    return byRole.get(stage) ?? byRole.get('head-of-service') ?? byRole.get('director') ?? null;
  };

  const records: Insertable<Database['meeting_record']>[] = [];
  const recommendations: Insertable<Database['meeting_recommendation']>[] = [];
  const escalations: Insertable<Database['iro_escalation']>[] = [];
  const stages: Insertable<Database['iro_escalation_stage']>[] = [];
  const chronology: Insertable<Database['chronology_entry']>[] = [];
  const fill = (text: string, row: MeetingRow) => text.replaceAll('{child}', row.child_name);
  const note = (row: MeetingRow, on: number, category: string, summary: string, recordType: string, recordId: string) =>
    chronology.push({
      la_code: laCode,
      entry_id: rng.uuid(),
      child_id: row.child_id,
      occurred_on: isoOf(on),
      category,
      summary,
      record_type: recordType,
      record_id: recordId,
    });

  // Stages go in after their escalation (the foreign key), in the same batch.
  const writer = ledgerLoad(db, {
    meeting_record: records,
    meeting_recommendation: recommendations,
    iro_escalation: escalations,
    iro_escalation_stage: stages,
    chronology_entry: chronology,
  });
  for (const row of meetings.rows) {
    await writer.writeIfFull();
    const held = dayOf(row.held_on);
    const age = row.age ?? 0;
    const childCame = row.kind === 'review' ? ['PN1', 'PN2', 'PN3', 'PN4'].includes(row.participation ?? '') : age >= 10 && rng.chance(0.35);
    const parents = (row.parents ?? '').split('|').filter(Boolean);
    const attendees = [
      { role: 'child', invited: age >= 4, attended: childCame, sentReport: false },
      ...parents.map((name) => ({ role: 'parent', name, invited: true, attended: rng.chance(0.7), sentReport: false })),
      ...(row.kind === 'review'
        ? [
            {
              role: 'carer',
              name: `${rng.pick(names.female)} ${rng.pick(names.family)} (${rng.pick(CARER_LABEL)})`,
              invited: true,
              attended: rng.chance(0.9),
              sentReport: rng.chance(0.5),
            },
          ]
        : []),
      ...(agenciesAt.get(row.meeting_id) ?? []).map((a) => ({
        role: 'agency',
        agency: a.organisation,
        partnerContactId: a.contact_id,
        invited: true,
        attended: a.attended,
        sentReport: a.report,
      })),
    ];
    const viewsHeard =
      row.kind === 'conference'
        ? age < 4
          ? 'too-young'
          : childCame
            ? rng.pick(['attended-spoke', 'attended-advocate'] as const)
            : rng.pick(['met-chair', 'written', 'worker', 'advocate', 'worker', 'not-heard'] as const satisfies readonly (keyof typeof CONFERENCE_VIEWS)[])
        : null;
    const decisions = fill(
      rng.pick(row.kind === 'conference' ? (CONFERENCE_DECISIONS[row.outcome ?? 'plan'] ?? CONFERENCE_DECISIONS.plan ?? []) : REVIEW_DECISIONS),
      row,
    );
    // Decisions: the same or next working day for most; the full record mostly within 20 working days.
    const decisionsDue = row.kind === 'conference' ? 1 : 5;
    const decisionsSent = workingDaysAfter(held, rng.chance(0.85) ? rng.between(0, decisionsDue) : decisionsDue + rng.between(1, 6));
    const recordWritten = workingDaysAfter(held, rng.chance(0.78) ? rng.between(5, 20) : rng.between(21, 40));
    records.push({
      la_code: laCode,
      meeting_id: row.meeting_id,
      child_id: row.child_id,
      meeting_kind: row.kind,
      // A jsonb column takes the array itself through insertRows (a string would be stored as one).
      attendees: attendees as never,
      views_heard: viewsHeard,
      child_words: null,
      decisions,
      decisions_sent_on: decisionsSent <= today ? isoOf(decisionsSent) : null,
      record_written_on: recordWritten <= today ? isoOf(recordWritten) : null,
    });
    const came = attendees.filter((a) => a.attended).length;
    note(
      row,
      held,
      row.kind,
      `Record of the ${row.kind === 'conference' ? 'child protection conference' : 'looked-after review'}: ${came} of ${attendees.length} invited came${viewsHeard ? `; ${CONFERENCE_VIEWS[viewsHeard]}` : ''}. Decisions: ${decisions.replaceAll('\n', ' ')}`,
      'meeting-record',
      row.meeting_id,
    );

    const owner = row.social_worker;
    if (!owner) continue;
    for (let i = rng.between(1, 3); i > 0; i--) {
      const id = rng.uuid();
      const dueSet = rng.chance(0.5) ? held + rng.between(14, 56) : null;
      const due = dueSet ?? workingDaysAfter(held, 20);
      // Most are done by their date, some late; of those still open, the recent ones far more often.
      const roll = rng.next();
      const neverDone = due > today - 120 ? 0.22 : 0.02;
      const doneOn = roll < neverDone ? null : roll < 0.85 ? held + rng.between(3, Math.max(3, due - held)) : due + rng.between(1, 25);
      const done = doneOn !== null && doneOn <= today ? doneOn : null;
      const text = fill(rng.pick(RECOMMENDATIONS), row);
      recommendations.push({
        la_code: laCode,
        recommendation_id: id,
        child_id: row.child_id,
        meeting_id: row.meeting_id,
        meeting_kind: row.kind,
        held_on: row.held_on,
        recommendation: text,
        owner_worker_id: owner,
        due_on: dueSet !== null ? isoOf(dueSet) : null,
        done_on: done !== null ? isoOf(done) : null,
        done_note: done !== null ? fill(rng.pick(DONE_NOTES), row) : null,
      });
      note(row, held, row.kind, `Recommendation: ${text}${dueSet !== null ? ` (by ${isoOf(dueSet)})` : ''}`, 'meeting-recommendation', id);
    }

    // About one review in eight in the last year leads the IRO to escalate a concern.
    if (row.kind === 'review' && row.chair && ownerAt('team-manager', row) && held > today - 365 && rng.chance(0.12)) {
      const escalationId = rng.uuid();
      const concern = fill(rng.pick(ESCALATION_CONCERNS), row);
      const raised = held + rng.between(7, 40);
      if (raised > today) continue;
      const reached = rng.between(1, 4);
      let on = raised;
      let resolvedOn: number | null = null;
      let resolution: string | null = null;
      let stage: EscalationStage = 'team-manager';
      for (let s = 0; s < reached; s++) {
        stage = ESCALATION_STAGES[s] as EscalationStage;
        const stageOwner = ownerAt(stage, row);
        if (!stageOwner) break;
        const last = s === reached - 1;
        const answered = on + rng.between(2, 9);
        const open = last && (answered > today || rng.chance(0.45));
        const outcome = last ? 'resolved' : 'escalated';
        const stageNote = open ? null : rng.pick(ESCALATION_ANSWERS[outcome]);
        stages.push({
          la_code: laCode,
          stage_id: rng.uuid(),
          escalation_id: escalationId,
          child_id: row.child_id,
          stage,
          raised_on: isoOf(on),
          owner_worker_id: stageOwner,
          answered_on: open ? null : isoOf(answered),
          outcome: open ? null : outcome,
          note: stageNote,
        });
        if (open) break;
        if (last) {
          resolvedOn = answered;
          resolution = stageNote;
        }
        on = answered;
      }
      escalations.push({
        la_code: laCode,
        escalation_id: escalationId,
        child_id: row.child_id,
        raised_by_worker_id: row.chair,
        raised_on: isoOf(raised),
        concern,
        stage,
        resolved_on: resolvedOn !== null ? isoOf(resolvedOn) : null,
        resolution,
      });
      note(row, raised, 'escalation', `The IRO raised a concern (dispute resolution): ${concern}`, 'iro-escalation', escalationId);
    }
  }
  await writer.write();
  return writer.counts();
}
