import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/kernel/db/schema.ts';
import { buildFixture, LA } from './fixture.ts';

/**
 * A small council for Annex A as at Monday 30 November 2026: the six months run from 31 May 2026
 * and the twelve from 1 December 2025. Each child is on the lists the comments say, with records
 * just inside and just outside the edges. Children (from the shared fixture, plus two leavers):
 *  T1 Poppy (born 12/03/2015; Ava, Children in need 1): contacts on 30/05 (out) and 31/05 (in);
 *     an old referral (closed 10/01/2026) and one on 15/06/2026 → assessment, strategy
 *     discussion, s47, ICPC on 25/07 → plan (neglect, latest emotional; one previous plan).
 *  T2 Jack (born 01/07/2012; Bea, Children in need 2): a contact on 30/11 (in); a referral on
 *     01/03/2026 closed 01/06/2026 (RC7); an s47 completed in March (out) and one open since
 *     25/05; looked after 01/10/2025–31/05/2026 in a private children's home (in, at the edge).
 *  T3 Mia (born 30/11/2019, seven on the as-of date; nobody allocated): an NFA referral on
 *     01/10/2026 (list 3, not list 6); looked after since 01/11/2025 in a fostering-for-adoption
 *     placement, placed for adoption on 01/07/2026 under a placement order.
 *  T4 Noah (born 14/02/2021, mobility disability; Bea): referred 20/05/2026 (before the six
 *     months, so not list 3) and open; looked after since 20/05/2026 (s20, then an interim care
 *     order from 01/08/2026) with his own council's foster carer; missing twice and absent once.
 *  T5 Ruby (born 01/04/2007, formerly UASC): a former relevant care leaver, PA Amir.
 *  T6 Leo (born 01/01/2004): a care leaver whose support ended 30/05/2026 (out).
 */
export async function buildAnnexACouncil(db: Kysely<Database>) {
  const ids = await buildFixture(db);
  const T1 = ids.childA;
  const T2 = ids.childB;
  const T3 = ids.childUnallocated;
  const T4 = ids.childRestricted;
  const T5 = randomUUID();
  const T6 = randomUUID();
  const id = () => randomUUID();
  const ins = async (table: keyof Database, rows: Record<string, unknown>[]) => {
    await db
      .insertInto(table)
      .values(rows.map((r) => ({ la_code: LA, ...r })) as never)
      .execute();
  };

  await db
    .updateTable('person')
    .set({ disabilities: ['MOB'], sex: 'M', ethnicity: 'BAFR' })
    .where('person_id', '=', T4)
    .execute();
  await db.updateTable('person').set({ sex: 'M' }).where('person_id', '=', T2).execute();
  await ins('person', [
    {
      person_id: T5,
      is_child: true,
      la_child_id: 'T5',
      given_name: 'Ruby',
      family_name: 'Okafor',
      date_of_birth: '2007-04-01',
      sex: 'F',
      ethnicity: 'BAFR',
      uasc: true,
    },
    { person_id: T6, is_child: true, la_child_id: 'T6', given_name: 'Leo', family_name: 'Marsh', date_of_birth: '2004-01-01', sex: 'M', ethnicity: 'WBRI' },
  ]);

  // List 1: contacts.
  const contact = (child_id: string, on: string, source: string) => ({
    contact_id: id(),
    child_id,
    received_at: `${on}T10:00:00Z`,
    received_on: on,
    source,
    presenting_concern: 'Concern raised',
  });
  await ins('contact', [contact(T1, '2026-05-30', '2A'), contact(T1, '2026-05-31', '3A'), contact(T2, '2026-11-30', '6'), contact(T3, '2026-12-01', '1A')]);

  // Referrals (child-in-need episodes).
  const e1 = id();
  const e2 = id();
  const e3 = id();
  const e4 = id();
  const e5 = id();
  const episode = (episode_id: string, child_id: string, referral_date: string, referral_source: string, primary_need: string, extra = {}) => ({
    episode_id,
    child_id,
    referral_date,
    referral_source,
    primary_need,
    ...extra,
  });
  await ins('cin_episode', [
    episode(e1, T1, '2025-09-01', '2A', 'N1', { closure_date: '2026-01-10', closure_reason: 'RC8' }),
    episode(e2, T1, '2026-06-15', '2A', 'N1'),
    episode(e3, T2, '2026-03-01', '1A', 'N3', { closure_date: '2026-06-01', closure_reason: 'RC7' }),
    episode(e4, T3, '2026-10-01', '9', 'N0', { referral_nfa: true, closure_date: '2026-10-02', closure_reason: 'RC8' }),
    episode(e5, T4, '2026-05-20', '5D', 'N2'),
  ]);

  // List 4: assessments.
  await ins('assessment', [
    {
      assessment_id: id(),
      episode_id: e1,
      child_id: T1,
      start_date: '2025-09-01',
      completed_on: '2025-10-01',
      authorised_on: '2025-10-05',
      outcome: 'no-further-action',
    },
    {
      assessment_id: id(),
      episode_id: e2,
      child_id: T1,
      start_date: '2026-06-15',
      child_seen_on: '2026-06-20',
      completed_on: '2026-07-01',
      authorised_on: '2026-07-03',
      outcome: 'strategy-discussion',
    },
    {
      assessment_id: id(),
      episode_id: e3,
      child_id: T2,
      start_date: '2026-03-02',
      completed_on: '2026-05-30',
      authorised_on: '2026-05-31',
      outcome: 'no-further-action',
    },
    { assessment_id: id(), episode_id: e5, child_id: T4, start_date: '2026-11-01' },
  ]);

  // List 5: strategy discussions and section 47 enquiries; the initial conference.
  const sd1 = id();
  const sd2 = id();
  const sd3 = id();
  const s1 = id();
  const s2 = id();
  const s3 = id();
  const strategy = (strategy_id: string, episode_id: string, child_id: string, held_on: string) => ({
    strategy_id,
    episode_id,
    child_id,
    held_on,
    agencies: ['police', 'health'],
    decision: 'section-47',
    reasons: 'Suspected significant harm',
  });
  await ins('strategy_discussion', [strategy(sd1, e2, T1, '2026-07-05'), strategy(sd2, e3, T2, '2026-03-05'), strategy(sd3, e3, T2, '2026-05-25')]);
  await ins('section47', [
    { s47_id: s1, episode_id: e2, child_id: T1, strategy_id: sd1, start_date: '2026-07-05', completed_on: '2026-07-20', outcome: 'conference' },
    {
      s47_id: s2,
      episode_id: e3,
      child_id: T2,
      strategy_id: sd2,
      start_date: '2026-03-05',
      completed_on: '2026-03-20',
      outcome: 'no-further-action',
      icpc_not_required: true,
      icpc_not_required_reason: 'Harm not substantiated',
    },
    { s47_id: s3, episode_id: e3, child_id: T2, strategy_id: sd3, start_date: '2026-05-25' },
  ]);
  const p1 = id();
  await ins('cp_conference', [
    {
      conference_id: id(),
      episode_id: e2,
      child_id: T1,
      kind: 'initial',
      s47_id: s1,
      plan_id: p1,
      held_on: '2026-07-25',
      outcome: 'plan',
      child_met_decider: false,
      parents_met_decider: true,
    },
    {
      conference_id: id(),
      episode_id: e2,
      child_id: T1,
      kind: 'review',
      plan_id: p1,
      held_on: '2026-10-10',
      outcome: 'continue-plan',
      child_met_decider: true,
      parents_met_decider: true,
    },
  ]);
  // List 7: plans; T2's ended the day before the six months.
  await ins('cp_plan', [
    { plan_id: p1, episode_id: e2, child_id: T1, start_date: '2026-07-25', initial_category: 'NEG', latest_category: 'EMO', previous_plans: 1 },
    { plan_id: id(), episode_id: e3, child_id: T2, start_date: '2026-03-10', end_date: '2026-05-30', initial_category: 'PHY', latest_category: 'PHY' },
  ]);
  await ins('visit', [
    { visit_id: id(), child_id: T1, episode_id: e2, visited_on: '2026-11-20', purpose: 'child-protection', child_seen: true, seen_alone: true },
    { visit_id: id(), child_id: T1, episode_id: e2, visited_on: '2026-11-25', purpose: 'child-protection', child_seen: false },
    { visit_id: id(), child_id: T1, episode_id: e2, visited_on: '2026-12-01', purpose: 'child-protection', child_seen: true, seen_alone: false },
    { visit_id: id(), child_id: T4, visited_on: '2026-11-15', purpose: 'looked-after', child_seen: true, seen_alone: true },
  ]);

  // List 8: looked after.
  const cla = (
    child_id: string,
    period_id: string,
    placement_id: string,
    start_date: string,
    rne: string,
    ls: string,
    need: string,
    place: string,
    extra = {},
  ) => ({
    cla_episode_id: id(),
    child_id,
    period_id,
    placement_id,
    start_date,
    reason_new_episode: rne,
    legal_status: ls,
    category_of_need: need,
    placement_type: place,
    ...extra,
  });
  const t2Period = id();
  const t3Period = id();
  const t3Adoptive = id();
  const t4Period = id();
  await ins('cla_episode', [
    cla(T2, t2Period, t2Period, '2025-10-01', 'S', 'V2', 'N3', 'K2', {
      placement_provider: 'PR4',
      urn: 'SC222222',
      placement_postcode: 'HR2 6AB',
      end_date: '2026-05-31',
      reason_ended: 'E4A',
    }),
    cla(T3, t3Period, t3Period, '2025-11-01', 'S', 'C2', 'N1', 'U5', { placement_provider: 'PR1', end_date: '2026-07-01', reason_ended: 'X1' }),
    cla(T3, t3Period, t3Adoptive, '2026-07-01', 'B', 'E1', 'N1', 'A5', { placement_provider: 'PR1' }),
    cla(T4, t4Period, t4Period, '2026-05-20', 'S', 'V2', 'N2', 'U6', {
      placement_provider: 'PR1',
      placement_postcode: 'HR1 1AA',
      urn: 'SC111111',
      end_date: '2026-08-01',
      reason_ended: 'X1',
    }),
    cla(T4, t4Period, t4Period, '2026-08-01', 'L', 'C1', 'N2', 'U6', { placement_provider: 'PR1', placement_postcode: 'HR1 1AA', urn: 'SC111111' }),
  ]);
  await ins('cla_review', [{ review_id: id(), child_id: T4, period_id: t4Period, held_on: '2026-08-15', participation: 'PN1', iro_contact_on: '2026-08-10' }]);
  await ins('permanence_plan', [
    { plan_id: id(), child_id: T4, plan_type: 'long-term-fostering', agreed_on: '2026-09-01' },
    { plan_id: id(), child_id: T3, plan_type: 'adoption', agreed_on: '2026-01-15' },
  ]);
  await ins('health_check', [
    { check_id: id(), child_id: T4, kind: 'initial-health-assessment', done_on: '2026-06-10' },
    { check_id: id(), child_id: T4, kind: 'dental', done_on: '2026-07-01' },
  ]);
  await ins('missing_episode', [
    {
      missing_id: id(),
      child_id: T4,
      period_id: t4Period,
      kind: 'M',
      started_at: '2026-06-01T20:00:00Z',
      ended_at: '2026-06-02T08:00:00Z',
      rhi_offered_at: '2026-06-03T10:00:00Z',
      rhi_accepted: true,
    },
    { missing_id: id(), child_id: T4, period_id: t4Period, kind: 'A', started_at: '2026-07-01T18:00:00Z', ended_at: '2026-07-01T22:00:00Z' },
    { missing_id: id(), child_id: T4, period_id: t4Period, kind: 'M', started_at: '2026-09-10T19:00:00Z', ended_at: '2026-09-11T09:00:00Z' },
  ]);

  // List 9: care leavers.
  await ins('care_leaver', [
    { child_id: T5, category: 'former-relevant', eligible_from: '2025-04-01' },
    { child_id: T6, category: 'former-relevant', eligible_from: '2022-01-01', support_ended_on: '2026-05-30' },
  ]);
  await ins('uasc_record', [{ child_id: T5, referred_on: '2023-01-01', referral_route: 'spontaneous-arrival', age_assessment: 'not-needed' }]);
  await ins('allocation', [{ allocation_id: id(), child_id: T5, worker_id: ids.swA2, allocation_role: 'personal-adviser', start_date: '2025-04-01' }]);
  await ins('pathway_plan', [
    { pathway_id: id(), child_id: T5, kind: 'plan', held_on: '2026-03-01' },
    { pathway_id: id(), child_id: T5, kind: 'review', held_on: '2026-09-01' },
  ]);
  await ins('leaver_birthday_contact', [{ child_id: T5, birthday_age: 19, contact_on: '2026-04-02', in_touch: 'YES', activity: 'F5', accommodation: 'U1' }]);
  await ins('leaver_accommodation', [{ move_id: id(), child_id: T5, moved_on: '2026-10-01', accommodation: 'U', suitable: true }]);
  await ins('pa_visit', [{ visit_id: id(), child_id: T5, visited_on: '2026-11-01', worker_id: ids.swA2 }]);

  // List 10: adoption. T2's old plan ended the day before the twelve months (out).
  await ins('adoption', [
    { adoption_id: id(), child_id: T3, decision_on: '2026-02-01', placement_order_on: '2026-03-01', matched_on: '2026-06-01', placed_on: '2026-07-01' },
    { adoption_id: id(), child_id: T2, decision_on: '2024-01-01', no_longer_on: '2025-11-30', no_longer_reason: 'Returned home' },
  ]);
  return { ...ids, T1, T2, T3, T4, T5, T6 };
}
