/**
 * The demo council's legal planning and court proceedings, written over the looked-after history
 * already generated so the two agree: each period of care that has an interim care order (C1)
 * had proceedings issued a few days before it, the interim order names that episode, and the
 * next episode with a full care order (C2) or a placement order (E1) is the final order. A child
 * who left care while on an interim order went home under a supervision order. Proceedings still
 * open may be past 26 weeks (some with the court's extensions, some without). Planned proceedings
 * follow pre-proceedings (a legal planning meeting, the letter, the meeting, reviews); urgent
 * ones a legal planning meeting days before. Some children on protection plans are in
 * pre-proceedings now, some past 16 weeks, some extended. Deterministic for a seed; synthetic.
 */
import { COURT_ORDER, type CourtOrder, HEARING_TYPE, LEGAL_DECISION } from '@lantern/core/legal';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import { dayOf, isoOf, Rng } from './rng.ts';
import { ledgerLoad } from './write-rows.ts';

const STREAM = 2019;
const COURTS = ['Hereford Family Court', 'Worcester Family Court', 'Family Court at Birmingham'];
const LAWYERS = ['Priya Shah', 'Tom Bennett', 'Alice Moreau', 'Gareth Pugh'];
const THRESHOLDS = [
  'Chronic neglect over two years despite a child protection plan; the threshold is likely met.',
  'Serious injury not explained by the parents; the threshold is met.',
  'Domestic abuse and parental drug use; the child has been harmed and is at risk of further harm.',
  'Neglect of health and education; the parents have not engaged with the plan.',
];
const PLANS = [
  'Parents to attend a parenting course, give hair-strand tests and meet the social worker weekly.',
  'Mother to engage with the domestic abuse service; family network meeting to be held.',
  'Parents to keep health appointments, ensure school attendance and work with family support.',
];
const EXTENSION_REASONS = ['The expert’s report is late.', 'A family member came forward to be assessed.', 'The parenting assessment needs longer.'];

type Row = { la_code: string };
const weekday = (d: number) => {
  const w = (d + 4) % 7; // 0 = Sunday
  return w === 6 ? d + 2 : w === 0 ? d + 1 : d;
};

export async function seedLegal(db: Kysely<Database>, options: { laCode: string; seed: number; asOf: string }) {
  const { laCode } = options;
  const rng = new Rng(options.seed, STREAM);
  const today = dayOf(options.asOf);
  const periods = await sql<{
    child_id: string;
    c1_episode: string;
    c1_start: string;
    final_episode: string | null;
    final_start: string | null;
    final_status: string | null;
    period_end: string | null;
  }>`
    with eps as (select child_id, period_id, cla_episode_id, start_date, end_date, legal_status from cla_episode where la_code = ${laCode}),
    c1 as (select distinct on (period_id) * from eps where legal_status = 'C1' order by period_id, start_date),
    fin as (
      select distinct on (c1.period_id) c1.period_id, e.cla_episode_id, e.start_date, e.legal_status
      from c1 join eps e on e.period_id = c1.period_id and e.start_date > c1.start_date and e.legal_status in ('C2', 'E1')
      order by c1.period_id, e.start_date
    ),
    ends as (select period_id, case when bool_or(end_date is null) then null else max(end_date) end as period_end from eps group by period_id)
    select c1.child_id, c1.cla_episode_id as c1_episode, c1.start_date::text as c1_start, fin.cla_episode_id as final_episode,
      fin.start_date::text as final_start, fin.legal_status as final_status, ends.period_end::text as period_end
    from c1 left join fin on fin.period_id = c1.period_id join ends on ends.period_id = c1.period_id
    where c1.start_date >= ${isoOf(today - 4 * 365)}::date and c1.start_date <= ${options.asOf}::date
    order by c1.start_date, c1.child_id`.execute(db);
  // Children on a protection plan for 3 months or more, not looked after: some are in pre-proceedings now.
  const onPlans = await sql<{ child_id: string; start_date: string }>`
    select p.child_id, p.start_date::text as start_date from cp_plan p
    where p.la_code = ${laCode} and p.end_date is null and p.start_date <= ${isoOf(today - 91)}::date
      and not exists (select 1 from cla_episode e where e.la_code = p.la_code and e.child_id = p.child_id and e.end_date is null)
    order by p.start_date, p.child_id`.execute(db);

  const meetings: Insertable<Database['legal_planning_meeting']>[] = [];
  const pres: Insertable<Database['pre_proceedings']>[] = [];
  const reviews: Insertable<Database['pre_proceedings_review']>[] = [];
  const procs: Insertable<Database['care_proceedings']>[] = [];
  const hearings: Insertable<Database['court_hearing']>[] = [];
  const extensions: Insertable<Database['proceedings_extension']>[] = [];
  const orders: Insertable<Database['court_order']>[] = [];
  const assessments: Insertable<Database['legal_assessment']>[] = [];
  const chronology: Insertable<Database['chronology_entry']>[] = [];
  const base: Row = { la_code: laCode };
  const note = (childId: string, on: number, summary: string, recordType: string, recordId: string) =>
    chronology.push({
      ...base,
      entry_id: rng.uuid(),
      child_id: childId,
      occurred_on: isoOf(on),
      category: 'legal',
      summary,
      record_type: recordType,
      record_id: recordId,
    });

  const planningMeeting = (childId: string, on: number, decision: 'pre-proceedings' | 'proceedings-urgent' | 'proceedings-planned') => {
    const meetingId = rng.uuid();
    const threshold = rng.pick(THRESHOLDS);
    const lawyer = rng.pick(LAWYERS);
    const reasons =
      decision === 'pre-proceedings'
        ? 'The parents may make the changes needed with a clear plan and support.'
        : 'The child cannot safely wait for the parents to change.';
    meetings.push({
      ...base,
      meeting_id: meetingId,
      child_id: childId,
      held_on: isoOf(on),
      attendees: JSON.stringify([
        { role: 'council-lawyer', name: lawyer },
        { role: 'team-manager', name: 'Team manager' },
        { role: 'social-worker', name: 'Allocated social worker' },
      ]),
      threshold,
      decision,
      reasons,
      decided_on: isoOf(on),
    });
    note(
      childId,
      on,
      `Legal planning meeting with the council’s lawyer ${lawyer}. Threshold: ${threshold} Decision: ${LEGAL_DECISION[decision]} — ${reasons}`,
      'legal-planning-meeting',
      meetingId,
    );
    return meetingId;
  };

  /** Pre-proceedings from a letter, reviewed every 6 weeks until `end` (or today); returns its id. */
  const preProceedings = (childId: string, letter: number, end: { on: number; outcome: 'stepped-down' | 'proceedings-issued' } | null) => {
    const id = rng.uuid();
    const meetingId = planningMeeting(childId, weekday(letter - rng.between(5, 15)), 'pre-proceedings');
    const meeting = weekday(letter + rng.between(6, 16));
    const last = end?.on ?? today;
    const held = meeting <= last ? meeting : null;
    const over16 = last - letter > 112;
    const extended = over16 && rng.chance(0.5);
    pres.push({
      ...base,
      pre_proceedings_id: id,
      child_id: childId,
      planning_meeting_id: meetingId,
      letter_sent_on: isoOf(letter),
      letter_to: 'The parents',
      meeting_held_on: held !== null ? isoOf(held) : null,
      plan_agreed: held !== null ? rng.pick(PLANS) : null,
      extended_to: extended ? isoOf(letter + 112 + 7 * rng.between(6, 10)) : null,
      extension_reason: extended ? rng.pick(EXTENSION_REASONS) : null,
      ended_on: end ? isoOf(end.on) : null,
      outcome: end?.outcome ?? null,
      end_reasons: end ? (end.outcome === 'stepped-down' ? 'The parents made and kept the changes.' : 'Application issued.') : null,
    });
    note(childId, letter, 'Letter before proceedings sent to the parents: pre-proceedings begin', 'pre-proceedings', id);
    if (held !== null) {
      const assessmentId = rng.uuid();
      assessments.push({
        ...base,
        assessment_id: assessmentId,
        child_id: childId,
        kind: 'parenting',
        commissioned_on: isoOf(held),
        assessor: 'Family assessment service',
        due_on: isoOf(held + 56),
      });
      note(childId, held, 'Parenting assessment commissioned from the family assessment service', 'legal-assessment', assessmentId);
      for (let r = held + 42 + rng.between(-3, 10); r < last; r += 42 + rng.between(-3, 10)) {
        const reviewId = rng.uuid();
        reviews.push({
          ...base,
          review_id: reviewId,
          pre_proceedings_id: id,
          child_id: childId,
          held_on: isoOf(weekday(r)),
          progress: 'Some progress against the plan; concerns remain.',
        });
        note(childId, weekday(r), 'Pre-proceedings review: some progress against the plan; concerns remain.', 'pre-proceedings-review', reviewId);
      }
    }
    return id;
  };

  const writer = ledgerLoad(db, {
    legal_planning_meeting: meetings,
    pre_proceedings: pres,
    pre_proceedings_review: reviews,
    legal_assessment: assessments,
    care_proceedings: procs,
    court_hearing: hearings,
    proceedings_extension: extensions,
    court_order: orders,
    chronology_entry: chronology,
  });
  for (const p of periods.rows) {
    await writer.writeIfFull();
    const interim = dayOf(p.c1_start);
    const finalOn = p.final_start ? dayOf(p.final_start) : p.period_end ? dayOf(p.period_end) : null;
    // An interim order still in place after two years is a history the generator did not mean as proceedings.
    if (finalOn === null && today - interim > 730) continue;
    const issued = interim - rng.between(0, 3);
    const proceedingsId = rng.uuid();
    const planned = rng.chance(0.55);
    let preId: string | null = null;
    if (planned) {
      const letter = weekday(issued - 7 * rng.between(8, 22));
      preId = preProceedings(p.child_id, letter, { on: issued, outcome: 'proceedings-issued' });
    } else planningMeeting(p.child_id, issued - rng.between(0, 2), 'proceedings-urgent');
    const court = rng.pick(COURTS);
    let due = issued + 182;
    const end = finalOn ?? today;
    // The court extends some that run long, 8 weeks at a time, each granted a fortnight before the date.
    if (end > due && rng.chance(0.6)) {
      while (end > due && due - 14 <= Math.min(end, today) && writer.count('proceedings_extension') < 10_000) {
        const extensionId = rng.uuid();
        extensions.push({
          ...base,
          extension_id: extensionId,
          proceedings_id: proceedingsId,
          child_id: p.child_id,
          granted_on: isoOf(due - 14),
          previous_due_on: isoOf(due),
          new_due_on: isoOf(due + 56),
          reason: rng.pick(EXTENSION_REASONS),
        });
        note(p.child_id, due - 14, `The court extended the proceedings by 8 weeks, to ${isoOf(due + 56)}`, 'proceedings-extension', extensionId);
        due += 56;
        if (rng.chance(0.3)) break;
      }
    }
    const finalOrder = p.final_status === 'C2' ? 'care-order' : p.final_status === 'E1' ? 'placement-order' : finalOn !== null ? 'supervision-order' : null;
    procs.push({
      ...base,
      proceedings_id: proceedingsId,
      child_id: p.child_id,
      pre_proceedings_id: preId,
      issued_on: isoOf(issued),
      court,
      case_number: `HR${isoOf(issued).slice(2, 4)}C${String(writer.count('care_proceedings') + 1).padStart(5, '0')}`,
      application_type: 'care-order',
      due_on: isoOf(due),
      concluded_on: finalOn !== null ? isoOf(finalOn) : null,
      outcome: finalOn !== null ? 'final-order' : null,
      outcome_reasons: finalOrder ? COURT_ORDER[finalOrder] : null,
    });
    note(p.child_id, issued, `Application for a care order issued at ${court}: to conclude within 26 weeks`, 'care-proceedings', proceedingsId);
    const hearing = (on: number, type: string) => {
      const hearingId = rng.uuid();
      hearings.push({
        ...base,
        hearing_id: hearingId,
        proceedings_id: proceedingsId,
        child_id: p.child_id,
        held_on: isoOf(weekday(on)),
        hearing_type: type,
        notes: null,
      });
      if (weekday(on) <= today) note(p.child_id, weekday(on), `${HEARING_TYPE[type as keyof typeof HEARING_TYPE]} at ${court}`, 'court-hearing', hearingId);
    };
    hearing(issued + rng.between(10, 14), 'first-hearing');
    const irh = Math.min(due, end) - 35;
    if (irh > issued + 30) hearing(irh, 'issues-resolution');
    if (finalOn !== null) hearing(finalOn, 'final');
    else hearing(Math.max(today + rng.between(7, 40), due - 7), 'final'); // listed
    const order = (on: number, type: string, status: string | null, episode: string | null, isFinal: boolean) => {
      const orderId = rng.uuid();
      orders.push({
        ...base,
        order_id: orderId,
        proceedings_id: proceedingsId,
        child_id: p.child_id,
        made_on: isoOf(on),
        order_type: type,
        is_final: isFinal,
        legal_status: status,
        cla_episode_id: episode,
        notes: null,
      });
      note(p.child_id, on, `${COURT_ORDER[type as CourtOrder]} made at ${court}${isFinal ? ': proceedings concluded' : ''}`, 'court-order', orderId);
    };
    order(interim, 'interim-care-order', 'C1', p.c1_episode, false);
    if (finalOn !== null && finalOrder) order(finalOn, finalOrder, p.final_status, p.final_episode, true);
  }

  // Pre-proceedings now: about one in five children on a long protection plan.
  for (const c of onPlans.rows) {
    await writer.writeIfFull();
    if (!rng.chance(0.2)) continue;
    const letter = weekday(Math.max(dayOf(c.start_date) + 60, today - 7 * rng.between(2, 26)));
    if (letter >= today) continue;
    const stepped = today - letter > 84 && rng.chance(0.25);
    preProceedings(c.child_id, letter, stepped ? { on: weekday(letter + rng.between(70, Math.max(71, today - letter - 1))), outcome: 'stepped-down' } : null);
  }

  await writer.write();
  return writer.counts();
}
