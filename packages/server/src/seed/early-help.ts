/**
 * The demo council's early help, built over the history already generated so the CIN census
 * reads exactly what it did: an episode opens where the front door decided a contact as early
 * help, where an assessment closed with RC9, and as a step-down from some episodes closed after a
 * child in need plan (RC7). A later referral while in early help ends it as a step-up; others end
 * with needs met or the family disengaged, and some are still open. Each has a lead professional
 * (a worker, or someone at a partner agency), a team around the family, mostly an assessment, an
 * early help plan (a plan document with actions) and reviews. Contacts and referrals that came
 * while a child was in early help, or within 12 months after, are linked as step-ups.
 * Deterministic for a seed (its own stream over rows read in a fixed order); synthetic names only.
 */
import { addCalendarMonths } from '@lantern/core/calendar';
import { stepUpLinkFor } from '@lantern/core/early-help';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import { dayOf, isoOf, Rng } from './rng.ts';
import { ledgerLoad } from './write-rows.ts';

const STREAM = 2020;

type Opening = { child_id: string; on: string; route: 'contact' | 'assessment' | 'step-down'; contact_id: string | null; cin_episode_id: string | null };

const REASONS = {
  contact: [
    'Mum asked for help with routines and school mornings; no sign of harm.',
    'School worried about attendance and hunger; the family agreed to early help.',
    'Dad asked for support with the children’s behaviour after the separation.',
  ],
  assessment: ['The assessment found needs the family can meet with early help.', 'No social care role; the family agreed to a family support worker.'],
  'step-down': [
    'The child in need plan worked; the family want the parenting group to carry on.',
    'Progress held for three months; stepped down to keep school and health close.',
  ],
} as const;
const NEEDS = ['Morning routines and getting to school', 'Food and money worries', 'Sleep and screen time', 'Behaviour at home after the separation'];
const STRENGTHS = ['A warm relationship with Mum', 'Nan helps every weekend', 'Good friends at school', 'Dad wants to learn new ways'];
const ACTIONS = ['Book the children into breakfast club', 'Go to the parenting group', 'Referral to the food bank and money advice', 'Set a bedtime routine'];

export async function seedEarlyHelp(db: Kysely<Database>, options: { laCode: string; seed: number; asOf: string }) {
  const { laCode, asOf } = options;
  const rng = new Rng(options.seed, STREAM);
  const today = dayOf(asOf);
  const openings = (
    await sql<Opening>`
    select c.child_id, c.decided_on::text as on, 'contact' as route, c.contact_id, null::uuid as cin_episode_id
    from contact c where c.la_code = ${laCode} and c.decision = 'early-help' and c.decided_on is not null
    union all
    select e.child_id, e.closure_date::text, 'assessment', null, e.episode_id
    from cin_episode e where e.la_code = ${laCode} and e.closure_date is not null and e.closure_reason = 'RC9'
    union all
    -- A step-down on its own branch, not "RC9 or (RC7 and a plan)": under an OR the plan is looked for
    -- episode by episode, and once the plans' hash no longer fits in work_mem (about 300,000 children)
    -- each look read every plan: at 500,000 children this query had not finished after 17 minutes.
    select e.child_id, e.closure_date::text, 'step-down', null, e.episode_id
    from cin_episode e where e.la_code = ${laCode} and e.closure_date is not null and e.closure_reason = 'RC7'
      and exists (select 1 from cin_plan p where p.la_code = e.la_code and p.episode_id = e.episode_id)
    -- In full: two contacts for one child on one day came back in either order as the plan changed.
    order by 1, 2, 3, 4, 5`.execute(db)
  ).rows.filter((o) => o.route !== 'step-down' || rng.chance(0.35));
  const referrals = (
    await sql<{ child_id: string; episode_id: string; referral_date: string; contact_id: string | null }>`
    select child_id, episode_id, referral_date::text as referral_date, contact_id from cin_episode where la_code = ${laCode} order by child_id, referral_date`.execute(
      db,
    )
  ).rows;
  const contacts = (
    await sql<{ child_id: string; contact_id: string; received_on: string }>`
    select child_id, contact_id, received_on::text as received_on from contact where la_code = ${laCode} order by child_id, received_on, contact_id`.execute(db)
  ).rows;
  const workers = (
    await sql<{
      worker_id: string;
    }>`select worker_id from worker where la_code = ${laCode} and leave_date is null and job_role = 'social-worker' order by worker_id`.execute(db)
  ).rows.map((w) => w.worker_id);
  const partnerContacts = (
    await sql<{ contact_id: string; name: string; organisation: string }>`
    select c.contact_id, c.name, o.name as organisation from partner_contact c join partner_organisation o on o.la_code = c.la_code and o.organisation_id = c.organisation_id
    where c.la_code = ${laCode} and c.active order by c.contact_id`.execute(db)
  ).rows;
  const parents = new Map(
    (
      await sql<{ child_id: string; name: string }>`
      select distinct on (r.person_id) r.person_id as child_id, p.given_name || ' ' || p.family_name as name
      from relationship r join person p on p.la_code = r.la_code and p.person_id = r.related_person_id
      where r.la_code = ${laCode} and r.relationship_type = 'mother' order by r.person_id, p.person_id`.execute(db)
    ).rows.map((r) => [r.child_id, r.name]),
  );

  const childNames = new Map(
    (
      await sql<{ person_id: string; given_name: string }>`select person_id, given_name from person where la_code = ${laCode} and is_child`.execute(db)
    ).rows.map((r) => [r.person_id, r.given_name]),
  );
  const episodes: Insertable<Database['early_help_episode']>[] = [];
  const reviews: Insertable<Database['early_help_review']>[] = [];
  const links: Insertable<Database['early_help_step_up']>[] = [];
  const plans: Insertable<Database['plan_document']>[] = [];
  const actions: Insertable<Database['plan_action']>[] = [];
  const progress: Insertable<Database['plan_action_progress']>[] = [];
  const chronology: Insertable<Database['chronology_entry']>[] = [];
  const note = (childId: string, day: number, summary: string, recordType: string, recordId: string) =>
    chronology.push({
      la_code: laCode,
      entry_id: rng.uuid(),
      child_id: childId,
      occurred_on: isoOf(day),
      category: 'early-help',
      summary,
      record_type: recordType,
      record_id: recordId,
    });
  const byChild = <T extends { child_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.child_id, [...(map.get(r.child_id) ?? []), r]);
    return map;
  };
  const referralsOf = byChild(referrals);
  const contactsOf = byChild(contacts);

  const writer = ledgerLoad(db, {
    early_help_episode: episodes,
    early_help_review: reviews,
    early_help_step_up: links,
    plan_document: plans,
    plan_action: actions,
    plan_action_progress: progress,
    chronology_entry: chronology,
  });
  for (const [childId, own] of byChild(openings)) {
    await writer.writeIfFull();
    let openUntil = -1; // the last day of the child's previous episode
    const mine: { earlyHelpId: string; startedOn: string; endedOn: string | null }[] = [];
    for (const o of own) {
      const start = dayOf(o.on) + (o.route === 'step-down' ? rng.between(0, 5) : 0);
      if (start <= openUntil || start > today) continue;
      const earlyHelpId = rng.uuid();
      // A referral after early help began (not the one it came from) steps the child up, if within 9 months.
      const next = (referralsOf.get(childId) ?? []).find((r) => dayOf(r.referral_date) > start);
      const stepUp = next && dayOf(next.referral_date) - start <= 270 ? next : null;
      const planned = start + rng.between(90, 270);
      const end = stepUp ? dayOf(stepUp.referral_date) : planned <= today ? planned : null;
      const outcome = stepUp ? 'stepped-up' : end === null ? null : rng.chance(0.7) ? 'needs-met' : 'disengaged';
      const lead = rng.chance(0.5) && partnerContacts.length ? { kind: 'partner' as const, contact: rng.pick(partnerContacts) } : { kind: 'worker' as const };
      const partner = partnerContacts.length ? rng.pick(partnerContacts) : null;
      const parent = parents.get(childId) ?? null;
      const taf = [
        ...(partner ? [{ name: partner.name, role: 'Works with the family', agency: partner.organisation, partnerContactId: partner.contact_id }] : []),
        ...(parent ? [{ name: parent, role: 'Mum' }] : []),
      ];
      const need = rng.pick(NEEDS);
      const child = childNames.get(childId) ?? 'the child';
      const assessedOn = start + rng.between(10, 50);
      const assessed = assessedOn <= today && (end === null || assessedOn < end) && rng.chance(0.85);
      episodes.push({
        la_code: laCode,
        early_help_id: earlyHelpId,
        child_id: childId,
        started_on: isoOf(start),
        route: o.route,
        contact_id: o.route === 'contact' ? o.contact_id : null,
        cin_episode_id: o.route === 'contact' ? null : o.cin_episode_id,
        reasons: rng.pick(REASONS[o.route]),
        lead_kind: lead.kind,
        lead_worker_id: lead.kind === 'worker' && workers.length ? rng.pick(workers) : null,
        lead_contact_id: lead.kind === 'partner' ? lead.contact.contact_id : null,
        team_around_family: taf as never, // insertMany sends rows as JSON: the array itself
        assessment_completed_on: assessed ? isoOf(assessedOn) : null,
        assessment_strengths: assessed ? rng.pick(STRENGTHS) : null,
        assessment_needs: assessed ? need : null,
        assessment_family_views: assessed ? 'We want things to be calmer in the mornings.' : null,
        ended_on: end === null ? null : isoOf(end),
        end_outcome: outcome,
        end_reasons:
          outcome === 'stepped-up'
            ? 'Referred to children’s social care'
            : outcome === 'needs-met'
              ? 'The plan’s goals were met.'
              : outcome
                ? 'The family stopped taking part.'
                : null,
        stepped_up_episode_id: stepUp?.episode_id ?? null,
      });
      // A lead kind of worker with no workers to choose from cannot be; fall back to no lead.
      const row = episodes[episodes.length - 1] as Insertable<Database['early_help_episode']>;
      if (row.lead_kind === 'worker' && !row.lead_worker_id) row.lead_kind = null;
      note(childId, start, `Early help began: ${row.reasons}`, 'early-help-episode', earlyHelpId);
      if (assessed) {
        const planId = rng.uuid();
        const agreed = assessedOn + rng.between(1, 10);
        if (agreed <= today && (end === null || agreed < end)) {
          plans.push({
            la_code: laCode,
            plan_document_id: planId,
            child_id: childId,
            kind: 'early-help',
            plan_ref: earlyHelpId,
            outcomes: [{ outcomeId: 'o1', text: 'Things are calmer at home and the children get to school', measure: 'On time 9 days in 10' }] as never,
            // Each plan in the family's own terms, so no two read the same.
            contingency: `If ${need.toLowerCase()} is no better by the review in ${isoOf(agreed + 84).slice(0, 7)}, we will talk with ${parent ?? 'the family'} about what ${child} needs next, which may be a referral to children’s social care.`,
            agreed_on: isoOf(agreed),
          });
          const due = agreed + rng.between(14, 60);
          const actionId = rng.uuid();
          const doneOn = end !== null && due < end && rng.chance(0.8) ? due - rng.between(0, 7) : null;
          actions.push({
            la_code: laCode,
            action_id: actionId,
            plan_document_id: planId,
            child_id: childId,
            outcome_id: 'o1',
            what: `${rng.pick(ACTIONS)} (${child}, with ${partner?.name ?? 'the school'})`,
            owner_kind: parent ? 'parent-carer' : 'child',
            owner_name: parent,
            set_on: isoOf(agreed),
            due_on: isoOf(due),
            completed_on: doneOn === null ? null : isoOf(Math.max(doneOn, agreed)),
          });
          // Done, as an early help review recorded it.
          if (doneOn !== null)
            progress.push({
              la_code: laCode,
              progress_id: rng.uuid(),
              action_id: actionId,
              child_id: childId,
              meeting_kind: 'early-help-review',
              held_on: isoOf(Math.max(doneOn, agreed)),
              progress: 'done',
              note: 'Done.',
            });
          note(childId, agreed, 'Early help plan written', 'plan-document', planId);
        }
      }
      for (let held = start + rng.between(70, 90); held <= today && (end === null || held < end); held += rng.between(70, 90)) {
        const reviewId = rng.uuid();
        reviews.push({
          la_code: laCode,
          review_id: reviewId,
          early_help_id: earlyHelpId,
          child_id: childId,
          held_on: isoOf(held),
          attended: parent ? `${parent} and the team around the family` : 'The team around the family',
          progress: rng.pick(['Mornings are better; school reports fewer late marks.', 'Some progress; money worries are still hard.', 'Little change yet.']),
        });
        note(childId, held, 'Early help review', 'early-help-review', reviewId);
      }
      if (end !== null)
        note(
          childId,
          end,
          `Early help ended: ${outcome === 'stepped-up' ? 'stepped up to children’s social care' : outcome}`,
          'early-help-episode',
          earlyHelpId,
        );
      mine.push({ earlyHelpId, startedOn: isoOf(start), endedOn: end === null ? null : isoOf(end) });
      openUntil = end ?? Number.MAX_SAFE_INTEGER;
    }
    // Step-ups: contacts (and referrals without one) that came in early help or within 12 months after.
    const arrivals = [
      ...(contactsOf.get(childId) ?? []).map((c) => ({ on: c.received_on, contact_id: c.contact_id, cin_episode_id: null })),
      ...(referralsOf.get(childId) ?? []).filter((r) => !r.contact_id).map((r) => ({ on: r.referral_date, contact_id: null, cin_episode_id: r.episode_id })),
    ];
    for (const a of arrivals) {
      const link = stepUpLinkFor(mine, a.on);
      // Not the contact that opened the episode, nor one on the day it began.
      if (!link || a.on <= link.episode.startedOn || a.on > addCalendarMonths(link.episode.endedOn ?? asOf, 12)) continue;
      links.push({
        la_code: laCode,
        link_id: rng.uuid(),
        early_help_id: link.episode.earlyHelpId,
        child_id: childId,
        contact_id: a.contact_id,
        cin_episode_id: a.cin_episode_id,
        linked_on: a.on,
        open_then: link.openThen,
      });
    }
  }
  await writer.write();
  return writer.counts();
}
