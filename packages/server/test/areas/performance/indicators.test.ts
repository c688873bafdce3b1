import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshObligations } from '../../../src/kernel/obligations.ts';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// A small population worked by hand, in four eras that do not touch one another:
//  A  March 2023 – February 2024: referrals and re-referrals, children looked after (29 February)
//  B  April 2025 – March 2026: assessments and conferences across Christmas, protection plans
//  C  December 2025 – January 2026: contacts decided across Christmas
//  D  January 2027: caseloads, changes of social worker, unallocated cases
//  E  April 2027 – March 2028: obligations met or not (visits, reviews, pathway plans, supervision)
//  F  April 2028 – March 2029: missing episodes and return interviews; care leavers' birthdays
//  G  April 2029 – March 2030: unaccompanied children accommodated; adoptions
//  H  April 2030 – March 2031: second looked-after reviews and permanence plans
//  I  snapshot 31 March 2032 (12 months from 1 April 2031): placements with unregistered providers
//  J  April 2032 – March 2033: case audits and their grades
//  K  snapshot 31 March 2034: health assessments of children looked after 12 months or more
//  L  snapshot 29 February 2040 (12 months from 1 March 2039): turnover, agency and vacancies;
//     management oversight; long-term placement stability
let server: TestServer, ids: FixtureIds;
let hos: Client, tm: Client, admin: Client, analyst: Client;
const named: Record<string, string> = {};
let n = 100;

/** A child named `name` Test (a boy born 1 January 2015 unless given), remembered in `named`; its id. */
const child = async (name: string, o: { born?: string; sex?: 'M' | 'F' } = {}) => {
  const id = randomUUID();
  named[name] = id;
  await server.store.db
    .insertInto('person')
    .values({
      la_code: LA,
      person_id: id,
      is_child: true,
      la_child_id: `T${n++}`,
      given_name: name,
      family_name: 'Test',
      date_of_birth: o.born ?? '2015-01-01',
      sex: o.sex ?? 'M',
    })
    .execute();
  return id;
};

/** A child in need episode referred by a family member (1A) for abuse or neglect (N1); closed (RC8) if `closed` is given. */
const episode = async (childId: string, referral: string, o: { closed?: string; nfa?: boolean } = {}) => {
  const id = randomUUID();
  await server.store.db
    .insertInto('cin_episode')
    .values({
      la_code: LA,
      episode_id: id,
      child_id: childId,
      referral_date: referral,
      referral_source: '1A',
      primary_need: 'N1',
      referral_nfa: o.nfa ?? false,
      closure_date: o.closed ?? null,
      closure_reason: o.closed ? 'RC8' : null,
    })
    .execute();
  return id;
};

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  const db = server.store.db;
  const allocate = (childId: string, workerId: string, start: string, end: string | null = null) =>
    db
      .insertInto('allocation')
      .values({
        la_code: LA,
        allocation_id: randomUUID(),
        child_id: childId,
        worker_id: workerId,
        allocation_role: 'social-worker',
        start_date: start,
        end_date: end,
      })
      .execute();
  await db
    .insertInto('council_setting')
    .values({ la_code: LA, key: 'population-0-17', value: JSON.stringify(20000) })
    .execute();

  // Era A. 12 months ending 29 February 2024 begin on 1 March 2023; 12 months before 29 February 2024 is 28 February 2023.
  const r1 = await child('Reuben');
  await episode(r1, '2023-02-28', { closed: '2023-03-10' });
  await episode(r1, '2024-02-29', { closed: '2024-06-30' }); // a re-referral: the earlier one is on 28 Feb 2023
  const r2 = await child('Rosa');
  await episode(r2, '2023-02-27', { closed: '2023-03-10' });
  await episode(r2, '2024-02-29', { closed: '2024-06-30' }); // not: 27 Feb 2023 is before the 12 months
  const r3 = await child('Rhys');
  await episode(r3, '2023-03-01', { closed: '2023-03-01', nfa: true }); // the first day of the period; ended in no further action
  // A period of care, each episode [start, end, placement, placement type (U1 unless given)]. An
  // episode without a placement letter has a placement of its own; a repeated letter is the same
  // placement (a change of legal status only). The period ends (E11) with its last episode, if that ended.
  // The period's id and each episode's placement id.
  const cla = async (childId: string, episodes: [string, string | null, string?, string?][], legal = 'C2') => {
    const periodId = randomUUID();
    const byLetter = new Map<string, string>();
    const placementIds = episodes.map(([, , letter]) => {
      if (letter === undefined) return randomUUID();
      if (!byLetter.has(letter)) byLetter.set(letter, randomUUID());
      return byLetter.get(letter) as string;
    });
    for (const [i, [start, end, , type]] of episodes.entries()) {
      await db
        .insertInto('cla_episode')
        .values({
          la_code: LA,
          cla_episode_id: i === 0 ? periodId : randomUUID(),
          child_id: childId,
          period_id: periodId,
          placement_id: placementIds[i] as string,
          start_date: start,
          reason_new_episode: i === 0 ? 'S' : placementIds[i - 1] === placementIds[i] ? 'L' : 'P',
          legal_status: legal,
          category_of_need: 'N1',
          placement_type: type ?? 'U1',
          end_date: end,
          reason_ended: end ? (i === episodes.length - 1 ? 'E11' : 'X1') : null,
        })
        .execute();
    }
    return { periodId, placementIds };
  };
  // Lily was still in her first placement on 1 March 2023: three placements in the 12 months.
  await cla(await child('Lily'), [
    ['2022-06-01', '2023-03-02'],
    ['2023-03-02', '2023-10-01'],
    ['2023-10-01', '2024-06-30'],
  ]);
  // Leo left his first placement on 1 March 2023, the first day of the 12 months: two placements.
  await cla(await child('Leo'), [
    ['2022-06-01', '2023-03-01'],
    ['2023-03-01', '2023-10-01'],
    ['2023-10-01', '2024-06-30'],
  ]);
  // Lola ceased to be looked after on 29 February 2024: not looked after on the day.
  await cla(await child('Lola'), [['2023-05-01', '2024-02-29']]);
  // Luca has short breaks only: not counted among children looked after.
  await cla(await child('Luca'), [['2023-05-01', '2024-06-30']], 'V3');

  // Era B: assessments across Christmas 2025.
  const assess = async (name: string, referral: string, start: string, authorised: string) => {
    const c = await child(name);
    const e = await episode(c, referral, { closed: '2026-06-30' });
    await db
      .insertInto('assessment')
      .values({
        la_code: LA,
        assessment_id: randomUUID(),
        episode_id: e,
        child_id: c,
        start_date: start,
        completed_on: authorised,
        authorised_on: authorised,
        outcome: 'child-in-need-plan',
      })
      .execute();
  };
  // From Monday 22 December 2025 the 45th working day is Thursday 26 February 2026; from Tuesday 23 December it is Friday 27 February.
  await assess('Ada', '2025-12-22', '2025-12-23', '2026-02-26'); // in time both ways
  await assess('Ben', '2025-12-22', '2025-12-23', '2026-02-27'); // late from the referral, exactly 45 from its start
  await assess('Cal', '2025-12-22', '2026-01-05', '2026-03-10'); // late both ways (45th from 5 January is 9 March)
  await assess('Dot', '2025-03-01', '2025-03-03', '2025-03-31'); // authorised before the period

  // Era B: enquiries and conferences. A protection plan in abuse or neglect (N), ended (RC1) if `end` is given; its id.
  const cpPlan = async (c: string, e: string, start: string, end: string | null) => {
    const planId = randomUUID();
    await db
      .insertInto('cp_plan')
      .values({
        la_code: LA,
        plan_id: planId,
        episode_id: e,
        child_id: c,
        start_date: start,
        initial_category: 'N',
        latest_category: 'N',
        end_date: end,
        end_reason: end ? 'RC1' : null,
      })
      .execute();
    return planId;
  };
  const conference = (
    c: string,
    e: string,
    planId: string,
    held: string,
    o: { kind: 'initial'; s47: string; outcome: 'plan' } | { kind: 'review'; outcome: 'continue-plan' },
  ) =>
    db
      .insertInto('cp_conference')
      .values({
        la_code: LA,
        conference_id: randomUUID(),
        episode_id: e,
        child_id: c,
        kind: o.kind,
        ...(o.kind === 'initial' ? { s47_id: o.s47 } : {}),
        plan_id: planId,
        held_on: held,
        outcome: o.outcome,
        child_met_decider: true,
        parents_met_decider: true,
      })
      .execute();
  const enquiry = async (name: string, discussions: string[], icpc: string, plan: { end?: string; previous?: [string, string] } = {}) => {
    const c = await child(name);
    if (plan.previous) {
      const old = await episode(c, plan.previous[0], { closed: plan.previous[1] });
      await cpPlan(c, old, plan.previous[0], plan.previous[1]);
    }
    const e = await episode(c, discussions[0] as string, { closed: '2026-06-30' });
    const sds: string[] = [];
    for (const held of discussions) {
      const id = randomUUID();
      sds.push(id);
      await db
        .insertInto('strategy_discussion')
        .values({
          la_code: LA,
          strategy_id: id,
          episode_id: e,
          child_id: c,
          held_on: held,
          agencies: ['police', 'health'],
          decision: 'section-47',
          reasons: 'Injury',
        })
        .execute();
    }
    const s47 = randomUUID();
    await db
      .insertInto('section47')
      .values({
        la_code: LA,
        s47_id: s47,
        episode_id: e,
        child_id: c,
        strategy_id: sds[0] as string,
        start_date: discussions[0] as string,
        completed_on: icpc,
        outcome: 'conference',
      })
      .execute();
    const planId = await cpPlan(c, e, icpc, plan.end ?? '2026-06-30');
    await conference(c, e, planId, icpc, { kind: 'initial', s47, outcome: 'plan' });
  };
  // From Wednesday 10 December 2025 the 15th working day is Monday 5 January 2026.
  await enquiry('Ivy', ['2025-12-10'], '2026-01-05', { previous: ['2023-01-01', '2024-06-30'] }); // in time; previous plan ended within 2 years
  // A second strategy discussion on 17 December: counted from it, the 15th working day is 12 January (from the first it was 5 January).
  await enquiry('Isla', ['2025-12-10', '2025-12-17'], '2026-01-08', { previous: ['2020-01-01', '2023-06-30'] }); // in time; an earlier plan, not within 2 years
  // From Monday 2 February 2026 the 15th working day is Monday 23 February.
  await enquiry('Ian', ['2026-02-02'], '2026-02-24'); // late

  const plan = async (name: string, start: string, end: string | null, reviews: string[] = []) => {
    const c = await child(name);
    // Episodes of older plans were referred before era A, so they add no referrals there.
    const e = await episode(c, start < '2025-01-01' ? '2022-12-01' : start, { closed: end ?? undefined });
    const planId = await cpPlan(c, e, start, end);
    for (const held of reviews) await conference(c, e, planId, held, { kind: 'review', outcome: 'continue-plan' });
  };
  await plan('Pia', '2023-05-01', '2025-05-01'); // lasted exactly 2 years
  await plan('Pat', '2023-05-02', '2025-05-01'); // a day short of 2 years
  // Started 29 February 2024: the second anniversary is 28 February 2026. First review due 29 May 2024; later ones 6 months after the last.
  await plan('Pam', '2024-02-29', '2026-02-28', ['2024-05-29', '2025-05-30', '2025-11-29']);
  await plan('Pip', '2025-10-01', '2026-03-31', ['2026-01-01']); // ends on the snapshot date: not on a plan on 31 March

  // Era C: contacts across Christmas 2025 (12 months would reach era B's children, who have none).
  const contact = async (childId: string, received: string, decided: string | null) =>
    db
      .insertInto('contact')
      .values({
        la_code: LA,
        contact_id: randomUUID(),
        child_id: childId,
        received_at: `${received}T10:00:00Z`,
        received_on: received,
        source: '2A',
        presenting_concern: 'Worry',
        decision: decided ? 'nfa' : null,
        decided_on: decided,
      })
      .execute();
  const front = await child('Finn');
  await contact(front, '2025-12-24', '2025-12-29'); // Christmas Eve: due Monday 29 December — in time
  await contact(front, '2025-12-24', '2025-12-30'); // late
  await contact(front, '2025-12-27', '2025-12-29'); // a Saturday: due Monday 29 December — in time
  await contact(front, '2026-01-05', null); // undecided and past its day by 10 January
  await contact(front, '2026-01-09', null); // Friday 9 January: not due until Monday 12 January

  // Era D, snapshot 31 January 2027 (12 months from 1 February 2026). Fixture: childA with swA, childB and
  // childRestricted with swB, all open-ended.
  await db.updateTable('worker').set({ fte: 0.5 }).where('worker_id', '=', ids.swB).execute();
  await episode(ids.childA, '2026-02-01');
  await episode(ids.childB, '2026-02-01');
  await episode(ids.childUnallocated, '2026-11-02'); // never allocated: 90 days on 31 January 2027
  const w1 = await child('Wren');
  await episode(w1, '2026-02-02');
  await allocate(w1, ids.swA, '2026-02-02', '2026-05-01');
  await allocate(w1, ids.swA2, '2026-05-01', '2026-09-01');
  await allocate(w1, ids.swB, '2026-09-01');
  const w2 = await child('Wade');
  await episode(w2, '2026-06-01');
  await allocate(w2, ids.swA, '2026-06-01', '2026-12-01'); // unallocated since 1 December: 61 days

  // Era E, 12 months ending 31 March 2028 (from 1 April 2027): deadlines inserted as the engine keeps them.
  // A deadline of a child as the engine keeps it (from 1 March 2027 unless given), ended because the child is no longer looked after unless another reason is given.
  type Deadline = { start?: string; met?: string | null; ended?: string | null; endReason?: string };
  const obligation = async (childId: string, rule: string, due: string, o: Deadline = {}) =>
    db
      .insertInto('obligation')
      .values({
        la_code: LA,
        child_id: childId,
        rule_id: rule,
        source_id: randomUUID(),
        start_date: o.start ?? '2027-03-01',
        due_date: due,
        met_on: o.met ?? null,
        ended_on: o.ended ?? null,
        end_reason: o.ended ? (o.endReason ?? 'no-longer-looked-after') : null,
      })
      .execute();
  const ella = await child('Ella');
  await obligation(ella, 'cla-visit-first', '2027-04-01', { met: '2027-04-01' }); // on the first day, met on the day: in time
  await obligation(ella, 'cla-visit', '2027-05-13', { met: '2027-05-14' }); // a day late
  await obligation(ella, 'cla-visit-long-term', '2027-08-13'); // never met: late
  await obligation(ella, 'cla-visit', '2027-11-13', { ended: '2027-11-13' }); // ceased to be looked after the day it fell due: not counted
  await obligation(ella, 'cla-visit', '2028-03-31'); // due on the as-of date: not yet counted
  await obligation(ella, 'cla-visit', '2027-03-31', { met: '2027-04-02' }); // due before the period
  await obligation(ella, 'cp-visit', '2027-06-01'); // another rule
  await obligation(ella, 'cla-review-first', '2027-04-28', { met: '2027-04-20' });
  await obligation(ella, 'cla-review-second', '2027-07-28', { met: '2027-07-28' });
  await obligation(ella, 'cla-review', '2028-01-28', { met: '2028-02-01' });
  const evan = await child('Evan');
  await obligation(evan, 'pathway-plan', '2027-09-30', { met: '2028-04-02' }); // met after the as-of date: late as of 31 March
  await obligation(evan, 'pathway-plan-review', '2027-06-30', { met: '2027-06-01' });
  const supervision = (workerId: string, rule: string, due: string, met: string | null) =>
    db
      .insertInto('worker_obligation')
      .values({ la_code: LA, worker_id: workerId, rule_id: rule, source_id: randomUUID(), start_date: '2027-03-01', due_date: due, met_on: met })
      .execute();
  await supervision(ids.swA, 'supervision', '2027-06-01', '2027-06-01');
  await supervision(ids.swB, 'supervision', '2027-07-01', '2027-07-10');
  await supervision(ids.swB, 'supervision-asye', '2027-08-01', null);
  await supervision(ids.swB, 'induction', '2027-08-01', null); // not supervision

  // Era F, 12 months ending 31 March 2029 (from 1 April 2028). Times are UTC; days are England's (BST from 26 March 2028).
  const missing = (childId: string, kind: 'M' | 'A', started: string, ended: string | null, offered: string | null = null) =>
    db
      .insertInto('missing_episode')
      .values({ la_code: LA, missing_id: randomUUID(), child_id: childId, kind, started_at: started, ended_at: ended, rhi_offered_at: offered })
      .execute();
  const mae = await child('Mae');
  await cla(mae, [['2028-01-01', null]]);
  await missing(mae, 'M', '2028-05-01T22:00:00Z', '2028-05-02T08:00:00Z', '2028-05-05T07:00:00Z'); // offered after 71 hours
  await missing(mae, 'M', '2028-06-10T10:00:00Z', '2028-06-10T12:00:00Z', '2028-06-13T13:00:00Z'); // after 73 hours
  await missing(mae, 'A', '2028-07-01T10:00:00Z', '2028-07-01T12:00:00Z'); // away without authorisation: not a missing episode
  const max = await child('Max');
  await cla(max, [['2028-01-01', null]]);
  await missing(max, 'M', '2028-03-31T23:30:00Z', '2028-04-01T02:00:00Z'); // 00:30 on 1 April in England: in the period; never offered
  const moe = await child('Moe'); // not looked after
  await missing(moe, 'M', '2029-03-30T10:00:00Z', '2029-03-30T12:00:00Z'); // returned on 30 March: 72 hours not yet run out on 31 March
  const leaver = async (name: string, born: string, age: number, inTouch: string, activity: string, accommodation: string) => {
    const c = await child(name, { born });
    await db
      .insertInto('leaver_birthday_contact')
      .values({ la_code: LA, child_id: c, birthday_age: age, contact_on: '2028-06-01', in_touch: inTouch, activity, accommodation })
      .execute();
  };
  await leaver('Cara', '2010-06-15', 18, 'YES', 'F1', 'U1'); // 18 on 15 June 2028: in touch, suitable, in education
  await leaver('Cody', '2008-02-29', 21, 'YES', 'G5', 'B2'); // 21 on 1 March 2029: in touch, unsuitable, NEET
  await leaver('Cole', '2009-09-01', 19, 'NO', '0', '0'); // not in touch
  await leaver('Cleo', '2011-03-31', 17, 'YES', 'F1', 'U1'); // 17 on 31 March 2028: before the period

  // Era G, 12 months ending 31 March 2030 (from 1 April 2029).
  const uasc = async (name: string, referred: string, lookedAfter: string) => {
    const c = await child(name);
    await db
      .insertInto('uasc_record')
      .values({ la_code: LA, child_id: c, referred_on: referred, referral_route: 'spontaneous-arrival', age_assessment: 'not-needed' })
      .execute();
    await cla(c, [[lookedAfter, null]]);
  };
  await uasc('Umar', '2029-05-01', '2029-05-01'); // the same day: 0
  await uasc('Uma', '2029-06-01', '2029-06-11'); // 10 days
  await uasc('Usha', '2029-03-20', '2029-04-09'); // referred before the period, looked after in it: 20 days
  await uasc('Uri', '2028-12-01', '2029-01-01'); // looked after before the period
  const adopted = async (name: string, care: string, placed: string, order: string, fosterCarersFrom: string | null = null) => {
    const c = await child(name);
    await cla(c, [
      [care, placed],
      [placed, order],
    ]);
    await db
      .insertInto('adoption')
      .values({
        la_code: LA,
        adoption_id: randomUUID(),
        child_id: c,
        decision_on: care,
        placed_on: placed,
        adoption_order_on: order,
        foster_carer_adoption: fosterCarersFrom !== null,
        moved_in_on: fosterCarersFrom,
      })
      .execute();
  };
  await adopted('Abe', '2028-01-01', '2029-01-01', '2029-08-01'); // 366 days (2028 is a leap year)
  await adopted('Amy', '2028-06-01', '2029-03-01', '2029-10-01', '2028-06-01'); // adopted by her foster carers, with them from the first day: 0
  await adopted('Ari', '2028-02-01', '2028-06-01', '2029-03-01'); // adopted before the period

  // Era H, 12 months ending 31 March 2031 (from 1 April 2030).
  const reviewed = async (name: string, care: string, reviews: string[], plan: [string, string | null] | null) => {
    const c = await child(name);
    const { periodId } = await cla(c, [[care, null]]);
    for (const held of reviews) {
      await db
        .insertInto('cla_review')
        .values({ la_code: LA, review_id: randomUUID(), child_id: c, period_id: periodId, held_on: held, participation: 'PN1' })
        .execute();
    }
    if (plan) {
      await db
        .insertInto('permanence_plan')
        .values({ la_code: LA, plan_id: randomUUID(), child_id: c, plan_type: 'long-term-fostering', agreed_on: plan[0], ended_on: plan[1] })
        .execute();
    }
  };
  await reviewed('Pete', '2030-01-01', ['2030-01-20', '2030-04-15'], ['2030-04-15', null]); // plan agreed at the second review
  await reviewed('Paz', '2030-03-01', ['2030-03-25', '2030-06-20', '2030-12-20'], ['2030-12-20', null]); // a plan only by the third
  await reviewed('Poe', '2029-10-01', ['2029-10-20', '2030-01-15'], null); // second review before the period
  await reviewed('Pax', '2030-02-01', ['2030-03-01', '2030-06-01'], ['2030-02-01', '2030-05-01']); // the plan ended before the second review

  // Era I: each placement [start, end, approved as unregistered].
  const providerId = randomUUID();
  await db
    .insertInto('provider')
    .values({
      la_code: LA,
      provider_id: providerId,
      name: 'Unregistered home (synthetic)',
      provider_kind: 'childrens-home',
      registration_status: 'unregistered',
    })
    .execute();
  const placed = async (name: string, placements: [string, string | null, boolean][]) => {
    const c = await child(name);
    const { placementIds } = await cla(
      c,
      placements.map(([start, end]) => [start, end, undefined, 'K2']),
    );
    for (const [i, [start, , unregistered]] of placements.entries()) {
      if (unregistered) {
        await db
          .insertInto('unregistered_approval')
          .values({
            la_code: LA,
            approval_id: randomUUID(),
            child_id: c,
            provider_id: providerId,
            placement_type: 'K2',
            approved_on: start,
            approved_by: randomUUID(),
            approver_name: 'Director (synthetic)',
            reasons: 'No registered place',
            placement_id: placementIds[i] as string,
          })
          .execute();
      }
    }
  };
  await placed('Ula', [['2031-10-01', null, true]]); // 183 days to 31 March 2032
  await placed('Una', [['2030-06-01', null, true]]); // the whole 12 months: 366 days (2032 is a leap year)
  await placed('Ulf', [
    ['2031-05-01', '2031-09-01', true],
    ['2031-09-01', null, false],
  ]); // no longer with the unregistered provider on the day

  // Era J: case audits, each [audited, grade, moderated grade].
  const audited = await child('Aled');
  for (const [on, grade, moderated] of [
    ['2032-05-01', 'good', null],
    ['2032-06-01', 'requires-improvement', 'good'],
    ['2032-07-01', 'good', 'requires-improvement'],
    ['2032-08-01', 'inadequate', null],
    ['2032-03-31', 'outstanding', null], // before the period
  ] as const) {
    await db
      .insertInto('case_audit')
      .values({
        la_code: LA,
        case_audit_id: randomUUID(),
        child_id: audited,
        team_id: ids.teamA,
        audited_on: on,
        auditor_user_id: randomUUID(),
        grade,
        answers: JSON.stringify([]),
        summary: 'Synthetic audit',
        moderator_user_id: moderated ? randomUUID() : null,
        moderated_on: moderated ? on : null,
        moderated_grade: moderated,
      })
      .execute();
  }

  // Era K: [born, in care from, last health assessment].
  for (const [name, born, care, assessed] of [
    ['Hana', '2020-01-01', '2032-01-01', '2033-04-01'], // due 1 April 2034: up to date
    ['Hugo', '2015-01-01', '2032-01-01', '2033-03-30'], // due 30 March 2034: overdue
    ['Hope', '2030-01-01', '2032-06-01', '2033-12-01'], // under 5 when assessed: due 6 months on, 1 June 2034
    ['Hal', '2015-01-01', '2033-06-01', '2033-06-10'], // looked after under 12 months
  ] as const) {
    const c = await child(name, { born });
    await cla(c, [[care, null]]);
    await db
      .insertInto('health_check')
      .values({ la_code: LA, check_id: randomUUID(), child_id: c, kind: 'review-health-assessment', done_on: assessed })
      .execute();
  }

  // Era L, snapshot 29 February 2040: 12 months back is 28 February 2039 (from 1 March 2039),
  // 2 years back is 28 February 2038 and 30 months back 29 August 2037. The fixture's staff,
  // all permanent and in post: team A Ava, Amir, Tom (1 FTE each); team B Bea (0.5 since era D);
  // Independent reviewing Ira (1).
  const staff = (given: string, employment: 'permanent' | 'agency', team: string, fte: number, start: string, leave: string | null) => ({
    la_code: LA,
    worker_id: randomUUID(),
    given_name: given,
    family_name: 'Staff',
    job_role: 'social-worker',
    employment,
    team_id: team,
    start_date: start,
    leave_date: leave,
    fte,
  });
  await db
    .insertInto('worker')
    .values([
      staff('Lara', 'permanent', ids.teamA, 1, '2034-01-01', '2039-03-01'), // left on the first day of the 12 months
      staff('Liam', 'permanent', ids.teamA, 0.5, '2034-01-01', '2039-02-28'), // left the day before them
      staff('Lena', 'permanent', ids.teamB, 1, '2034-01-01', '2040-02-29'), // leaves on the day: in post that day, and a leaver
      staff('Abe', 'agency', ids.teamA, 1, '2039-06-01', null),
      staff('Ana', 'agency', ids.teamB, 0.5, '2039-01-01', '2039-12-01'), // an agency leaver: not in turnover
    ])
    .execute();
  await db
    .insertInto('team_establishment')
    .values([
      { la_code: LA, team_id: ids.teamA, effective_from: '2039-01-01', funded_fte: 6 },
      { la_code: LA, team_id: ids.teamA, effective_from: '2040-03-01', funded_fte: 4 },
      { la_code: LA, team_id: ids.teamIro, effective_from: '2020-01-01', funded_fte: 1 },
    ])
    .execute();

  // Era L: management-oversight clocks as the engine keeps them (3 months from the referral or
  // the last oversight), each [start, due, met, ended].
  for (const [name, clocks] of Object.entries({
    Olga: [['2039-11-30', '2040-02-29', null, null]], // 3 months from 30 November is 29 February in a leap year: due on the day
    Otis: [['2039-11-28', '2040-02-28', null, null]], // a day overdue
    Oren: [
      ['2039-09-01', '2039-12-01', '2040-01-15', null], // met late; the clock since runs from 15 January
      ['2040-01-15', '2040-04-15', null, null],
    ],
    Omar: [['2039-11-01', '2040-02-01', '2040-03-05', null]], // met only after the snapshot: overdue on it
    Orla: [['2039-10-01', '2040-01-01', null, '2040-01-31']], // case closed in January: not counted
    Owen: [['2040-03-01', '2040-06-01', null, null]], // referred the day after
  } as Record<string, [string, string, string | null, string | null][]>)) {
    const c = await child(name);
    for (const [start, due, met, ended] of clocks) {
      await obligation(c, 'management-oversight', due, { start, met, ended, endReason: 'Episode closed' });
    }
  }

  // Era L: long-term stability. Each child [born, placements [start, end, placement, type]]; a
  // repeated placement letter is the same placement (a change of legal status only).
  const placements = async (name: string, born: string, eps: [string, string | null, string, string][]) => cla(await child(name, { born }), eps);
  await placements('Sara', '2029-01-01', [
    ['2037-08-29', '2038-02-28', 'a', 'U1'], // looked after exactly 30 months
    ['2038-02-28', null, 'b', 'U1'], // in this placement exactly 2 years
  ]);
  await placements('Seb', '2029-01-01', [
    ['2037-08-29', '2038-03-01', 'a', 'U1'],
    ['2038-03-01', null, 'b', 'U1'], // 2 years only on 1 March 2040
  ]);
  await placements('Sian', '2029-01-01', [['2037-08-30', null, 'a', 'U1']]); // a day short of 30 months looked after
  await placements('Stan', '2024-03-01', [
    ['2034-01-01', '2039-01-01', 'a', 'U1'],
    ['2039-01-01', null, 'a', 'U1'], // a new legal status, the same placement since 2034; 16 only on 1 March 2040
  ]);
  await placements('Suki', '2024-02-29', [['2034-01-01', null, 'a', 'U1']]); // 16 on 29 February 2040: not under 16
  await placements('Sol', '2029-01-01', [
    ['2037-01-01', '2039-06-01', 'a', 'U1'],
    ['2039-06-01', null, 'b', 'A4'], // placed for adoption with new carers: with the placement before, since 2037
  ]);
  await placements('Sky', '2029-01-01', [
    ['2037-01-01', '2038-06-01', 'a', 'U1'],
    ['2038-06-01', '2039-06-01', 'b', 'U1'],
    ['2039-06-01', null, 'c', 'A6'], // the placement before began June 2038: under 2 years
  ]);

  [hos, tm, admin, analyst] = await signedIn(server, 'hos', 'tm', 'admin', 'analyst');
});
afterAll(() => server?.close());

const kpi = async (id: string, query: string, who = hos) => {
  const res = await who.get(`/api/kpi/${id}?${query}&trendMonths=1`);
  expect(res.status).toBe(200);
  return res.body.result;
};
const counts = (r: { numerator: number | null; denominator: number | null; value: number | null }) => [r.numerator, r.denominator, r.value];
/** A test that the indicator's numerator, denominator and value are `expected`. */
const countsAre = (id: string, query: string, expected: (number | null)[]) => async () => expect(counts(await kpi(id, query))).toEqual(expected);

describe('front door and assessment', () => {
  it('counts referrals in the 12 months ending 29 February 2024 from 1 March 2023, and per 10,000', async () => {
    const r = await kpi('referrals', 'asOf=2024-02-29');
    expect(r.period).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(r.numerator).toBe(3);
    expect(r.per10k).toBe(1.5);
  });

  it('a re-referral looks back 12 calendar months: from 29 February 2024 to 28 February 2023, not 27', async () => {
    expect(counts(await kpi('re-referrals-12m', 'asOf=2024-02-29'))).toEqual([1, 3, 33.3]);
    const behind = await hos.get('/api/kpi/re-referrals-12m/children?asOf=2024-02-29&only=numerator');
    expect(behind.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate])).toEqual([['Reuben Test', '2024-02-29']]);
  });

  it('referrals ending in no further action', countsAre('referrals-nfa', 'asOf=2024-02-29', [1, 3, 33.3]));

  it('assessments within 45 working days of the referral, across Christmas 2025', countsAre('assessments-45wd', 'asOf=2026-03-31', [1, 3, 33.3]));

  it('assessments within 45 working days of their own start (the DfE measure): exactly 45 counts', async () => {
    expect(counts(await kpi('assessments-45d-from-start', 'asOf=2026-03-31'))).toEqual([2, 3, 66.7]);
    const late = await hos.get('/api/kpi/assessments-45d-from-start/children?asOf=2026-03-31&only=not-numerator');
    expect(late.body.children.map((c: { name: string }) => c.name)).toEqual(['Cal Test']);
  });

  it('contacts decided within a working day across Christmas: Christmas Eve and Saturday 27 December are due on 29 December', async () => {
    expect((await kpi('contacts', 'asOf=2026-01-10&months=1')).numerator).toBe(5);
    expect(counts(await kpi('contact-decisions-1wd', 'asOf=2026-01-10&months=1'))).toEqual([2, 4, 50]);
  });
});

describe('child protection', () => {
  it('section 47 enquiries started, and per 10,000', async () => {
    const r = await kpi('s47-enquiries', 'asOf=2026-03-31');
    expect([r.numerator, r.per10k]).toEqual([3, 1.5]);
  });

  it('initial conferences within 15 working days of the last strategy discussion, across Christmas', async () => {
    expect(counts(await kpi('icpc-15wd', 'asOf=2026-03-31'))).toEqual([2, 3, 66.7]);
    const late = await hos.get('/api/kpi/icpc-15wd/children?asOf=2026-03-31&only=not-numerator');
    expect(late.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate])).toEqual([['Ian Test', '2026-02-24']]);
  });

  it('children on a plan on 31 March 2026: a plan ending that day does not count', async () => {
    const r = await kpi('cp-rate', 'asOf=2026-03-31');
    expect([r.numerator, r.denominator, r.value]).toEqual([3, 20000, 1.5]);
  });

  it('second or later plans, and repeats within 2 years', async () => {
    // Started in the year: Ivy (earlier plan ended June 2024), Isla (earlier plan ended 2023), Ian, Pip.
    expect(counts(await kpi('cp-repeat', 'asOf=2026-03-31'))).toEqual([2, 4, 50]);
    expect(counts(await kpi('cp-repeat-2y', 'asOf=2026-03-31'))).toEqual([1, 4, 25]);
  });

  // Ended in the year: Pia (2 years), Pat (a day short), Pam (29 Feb 2024 – 28 Feb 2026), Pip (6 months).
  it(
    'plans lasting 2 years or more: exactly 2 years counts, and from 29 February to 28 February two years on',
    countsAre('cp-lasting-2y', 'asOf=2026-03-31', [2, 4, 50]),
  );

  // In the year: Pam's second (30 May 2025, due 29 Nov 2024: late), Pam's third (29 Nov 2025, due 30 Nov 2025), Pip's first (1 Jan 2026, due 1 Jan 2026).
  it(
    'review conferences in time: 3 months from the plan, then 6 months from the last review',
    countsAre('cp-reviews-in-time', 'asOf=2026-03-31', [2, 3, 66.7]),
  );
});

describe('children looked after, snapshot 29 February 2024', () => {
  it('counts children looked after per 10,000, leaving out one who ceased that day and short breaks', async () => {
    const r = await kpi('cla-rate', 'asOf=2024-02-29');
    expect([r.numerator, r.value]).toEqual([2, 1]);
  });

  it('three or more placements in the 12 months from 1 March 2023: a placement left on 1 March does not count', async () => {
    expect(counts(await kpi('cla-3-placements', 'asOf=2024-02-29'))).toEqual([1, 2, 50]);
    const behind = await hos.get('/api/kpi/cla-3-placements/children?asOf=2024-02-29&only=numerator');
    expect(behind.body.children.map((c: { name: string; days: number }) => [c.name, c.days])).toEqual([['Lily Test', 3]]);
  });
});

describe('workforce, snapshot 31 January 2027', () => {
  it('average caseload: 4 children over 1.5 FTE, and per team', async () => {
    expect(counts(await kpi('caseload-average', 'asOf=2027-01-31'))).toEqual([4, 1.5, 2.7]);
    const teams = await hos.get('/api/kpi/caseload-average/teams?asOf=2027-01-31');
    expect(teams.status).toBe(200);
    const byName = Object.fromEntries(teams.body.groups.map((g: { name: string; value: number }) => [g.name, g.value]));
    expect(byName).toMatchObject({ 'Children in need 1': 1, 'Children in need 2': 6 });
  });

  it('children who had 3 or more social workers in the 12 months', countsAre('children-3plus-workers', 'asOf=2027-01-31', [1, 5, 20]));

  it('unallocated cases, with their age in days', async () => {
    const r = await kpi('unallocated-cases', 'asOf=2027-01-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([2, 75.5, 90]);
  });

  it('a team manager sees their team’s figures and workers, not the council’s or another team’s', async () => {
    const mine = await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=team&scopeId=${ids.teamA}&trendMonths=1`);
    expect(mine.status).toBe(200);
    expect(counts(mine.body.result)).toEqual([1, 1, 1]);
    expect((await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=worker&scopeId=${ids.swA}&trendMonths=1`)).status).toBe(200);
    expect((await tm.get('/api/kpi/caseload-average?asOf=2027-01-31&scope=council')).status).toBe(403);
    expect((await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=team&scopeId=${ids.teamB}`)).status).toBe(403);
    expect((await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=worker&scopeId=${ids.swB}`)).status).toBe(403);
  });

  it('a unit belongs to the worker holding the child: unallocated cases to the team that last held them', async () => {
    const teamA = await kpi('unallocated-cases', `asOf=2027-01-31&scope=team&scopeId=${ids.teamA}`);
    expect(teamA.numerator).toBe(1);
    const swB = await kpi('children-3plus-workers', `asOf=2027-01-31&scope=worker&scopeId=${ids.swB}`);
    expect(counts(swB)).toEqual([1, 2, 50]);
  });
});

describe('obligations met in time, 12 months ending 31 March 2028', () => {
  it('looked-after visits: met on the due date counts; ended before due, due on the as-of date, or before the period, do not', async () => {
    expect(counts(await kpi('cla-visits-in-time', 'asOf=2028-03-31'))).toEqual([1, 3, 33.3]);
    const late = await hos.get('/api/kpi/cla-visits-in-time/children?asOf=2028-03-31&only=not-numerator');
    expect(late.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate])).toEqual([
      ['Ella Test', '2027-05-13'],
      ['Ella Test', '2027-08-13'],
    ]);
  });

  it('looked-after reviews: first, second and later', countsAre('cla-reviews-in-time', 'asOf=2028-03-31', [2, 3, 66.7]));

  it('pathway plans: one met only after the as-of date is late on it', async () => {
    expect(counts(await kpi('pathway-plans-in-time', 'asOf=2028-03-31'))).toEqual([1, 2, 50]);
    expect(counts(await kpi('pathway-plans-in-time', 'asOf=2027-09-30'))).toEqual([1, 1, 100]);
  });

  it('supervision belongs to the supervisee and their team; induction is not supervision', async () => {
    expect(counts(await kpi('supervision-in-time', 'asOf=2028-03-31'))).toEqual([1, 3, 33.3]);
    expect(counts(await kpi('supervision-in-time', `asOf=2028-03-31&scope=team&scopeId=${ids.teamA}`))).toEqual([1, 1, 100]);
    expect(counts(await kpi('supervision-in-time', `asOf=2028-03-31&scope=worker&scopeId=${ids.swB}`))).toEqual([0, 2, 0]);
  });
});

describe('missing children and care leavers, 12 months ending 31 March 2029', () => {
  it('looked-after children who went missing, by England’s day, with their episodes; not away-from-placement, not children not looked after', async () => {
    const r = await kpi('missing-children', 'asOf=2029-03-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([2, 1.5, 2]);
    const behind = await hos.get('/api/kpi/missing-children/children?asOf=2029-03-31');
    expect(behind.body.children.map((c: { name: string; onDate: string; days: number }) => [c.name, c.onDate, c.days]).sort()).toEqual([
      ['Mae Test', '2028-05-01', 2],
      ['Max Test', '2028-04-01', 1],
    ]);
  });

  it('return interviews offered within 72 hours: 71 hours in time, 73 late, never offered late; an episode still within its 72 hours waits', async () => {
    expect(counts(await kpi('rhi-offered-72h', 'asOf=2029-03-31'))).toEqual([1, 3, 33.3]);
    // Moe returned at noon on 30 March: his 72 hours run out at noon on 2 April.
    expect(counts(await kpi('rhi-offered-72h', 'asOf=2029-04-01&months=1'))).toEqual([0, 0, null]);
    expect(counts(await kpi('rhi-offered-72h', 'asOf=2029-04-02&months=1'))).toEqual([0, 1, 0]);
  });

  it('care leavers at their 17th to 21st birthdays: in touch, suitable accommodation, education employment or training', async () => {
    expect(counts(await kpi('care-leavers-in-touch', 'asOf=2029-03-31'))).toEqual([2, 3, 66.7]);
    expect(counts(await kpi('care-leavers-suitable-accommodation', 'asOf=2029-03-31'))).toEqual([1, 3, 33.3]);
    expect(counts(await kpi('care-leavers-eet', 'asOf=2029-03-31'))).toEqual([1, 3, 33.3]);
  });

  it('a birthday of 29 February falls on 1 March in a year that has none', async () => {
    expect(counts(await kpi('care-leavers-in-touch', 'asOf=2029-02-28&months=1'))).toEqual([0, 0, null]);
    expect(counts(await kpi('care-leavers-in-touch', 'asOf=2029-03-01&months=1'))).toEqual([1, 1, 100]);
  });
});

describe('unaccompanied children and adoptions, 12 months ending 31 March 2030', () => {
  it('days from referral to becoming looked after, for those looked after in the period', async () => {
    const r = await kpi('uasc-days-to-looked-after', 'asOf=2030-03-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([3, 10, 20]);
  });

  it(
    'days from entering care to moving in with the adoptive family: foster carers who adopt count from moving in',
    countsAre('adoption-entry-to-placed', 'asOf=2030-03-31', [366, 2, 183]),
  );
});

describe('permanence, 12 months ending 31 March 2031', () => {
  it('second reviews held in the period with a permanence plan in place that day', async () => {
    expect(counts(await kpi('permanence-by-second-review', 'asOf=2031-03-31'))).toEqual([1, 3, 33.3]);
    const without = await hos.get('/api/kpi/permanence-by-second-review/children?asOf=2031-03-31&only=not-numerator');
    expect(without.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate]).sort()).toEqual([
      ['Pax Test', '2030-06-01'],
      ['Paz Test', '2030-06-20'],
    ]);
  });
});

describe('unregistered placements, snapshot 31 March 2032', () => {
  it('children placed with an unregistered provider on the day, with their days so placed in the 12 months', async () => {
    const r = await kpi('unregistered-placements', 'asOf=2032-03-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([2, 274.5, 366]);
  });
});

describe('case audits, 12 months ending 31 March 2033', () => {
  it('audits graded good or outstanding, the moderated grade where there is one; by the team audited', async () => {
    expect(counts(await kpi('audit-grades', 'asOf=2033-03-31'))).toEqual([2, 4, 50]);
    expect(counts(await kpi('audit-grades', `asOf=2033-03-31&scope=team&scopeId=${ids.teamB}`))).toEqual([0, 0, null]);
  });
});

describe('health assessments, snapshot 31 March 2034', () => {
  it('children looked after 12 months or more whose last health assessment is not overdue (6-monthly under 5)', async () => {
    // Hana, Hugo and Hope; and the 13 children of eras F–I still in care, with no assessment (Mae, Max; Umar, Uma, Usha, Uri; Pete, Paz, Poe, Pax; Ula, Una, Ulf).
    expect(counts(await kpi('cla-health-assessments', 'asOf=2034-03-31'))).toEqual([2, 16, 12.5]);
    const upToDate = await hos.get('/api/kpi/cla-health-assessments/children?asOf=2034-03-31&only=numerator');
    expect(upToDate.body.children.map((c: { name: string }) => c.name).sort()).toEqual(['Hana Test', 'Hope Test']);
  });
});

describe('workforce rates, snapshot 29 February 2040', () => {
  // Permanent in post: team A 3, team B 1.5 (Bea 0.5, Lena leaving that day), reviewing 1: 5.5 FTE.
  it('turnover: permanent leavers in the 12 months from 1 March 2039 over permanent FTE in post', async () => {
    // Lara (1 March 2039) and Lena (29 February 2040): 2 of 5.5; not Liam (28 February 2039) nor Ana (agency).
    expect(counts(await kpi('turnover-rate', 'asOf=2040-02-29'))).toEqual([2, 5.5, 36.4]);
    expect(counts(await kpi('turnover-rate', `asOf=2040-02-29&scope=team&scopeId=${ids.teamA}`))).toEqual([1, 3, 33.3]);
    expect(counts(await kpi('turnover-rate', 'asOf=2040-02-29&scope=service&scopeId=Children%20in%20need'))).toEqual([2, 4.5, 44.4]);
    // A day later the 12 months begin on 2 March 2039 (Lara no longer), and Lena is no longer in post.
    expect(counts(await kpi('turnover-rate', 'asOf=2040-03-01'))).toEqual([1, 4.5, 22.2]);
  });

  it('agency: agency FTE in post over agency plus permanent FTE; a worker scope has no figure', async () => {
    expect(counts(await kpi('agency-rate', 'asOf=2040-02-29'))).toEqual([1, 6.5, 15.4]);
    expect(counts(await kpi('agency-rate', `asOf=2040-02-29&scope=team&scopeId=${ids.teamA}`))).toEqual([1, 4, 25]);
    expect(counts(await kpi('agency-rate', `asOf=2040-02-29&scope=worker&scopeId=${ids.swA}`))).toEqual([0, 0, null]);
  });

  it('vacancies: funded posts not filled by permanent staff, over the teams with funded posts recorded', async () => {
    // Team A: 6 funded, 3 permanent (Abe, agency, does not fill a post): 3 vacant; reviewing 1 of 1: 0. 3 of 3 + 4.
    expect(counts(await kpi('vacancy-rate', 'asOf=2040-02-29'))).toEqual([3, 7, 42.9]);
    expect(counts(await kpi('vacancy-rate', `asOf=2040-02-29&scope=team&scopeId=${ids.teamB}`))).toEqual([0, 0, null]);
    // From 1 March 2040 team A is funded for 4: 1 vacant of 1 + 4.
    expect(counts(await kpi('vacancy-rate', 'asOf=2040-03-01'))).toEqual([1, 5, 20]);
  });

  it('the team figures page counts turnover, agency share and vacancies the same way', async () => {
    const res = await hos.get('/api/workforce/team-stats?asOf=2040-02-29&months=1');
    expect(res.status).toBe(200);
    const teamA = res.body.teams.find((t: { teamId: string }) => t.teamId === ids.teamA);
    expect(teamA.current).toMatchObject({ turnoverRate: 33.3, agencyShare: 25, vacancies: 3 });
  });
});

describe('management oversight, snapshot 29 February 2040', () => {
  it('children whose running oversight clock is not past due: due on the day counts, met after the day does not', async () => {
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2040-02-29'))).toEqual([2, 4, 50]);
    const late = await hos.get('/api/kpi/management-oversight-in-time/children?asOf=2040-02-29&only=not-numerator');
    expect(late.body.children.map((c: { name: string }) => c.name).sort()).toEqual(['Omar Test', 'Otis Test']);
    // On 1 March Olga's clock has run out, and Owen's has started.
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2040-03-01'))).toEqual([2, 5, 40]);
  });

  it('a manager’s decision recorded through the API restarts the clock the indicator reads (the engine’s own rows)', async () => {
    // Referred Thursday 29 August 2024 (closed June 2025, before the other eras' open cases are counted)
    // and never overseen: due 29 November 2024, overdue on 31 December.
    const id = await child('Odile', { sex: 'F' });
    await episode(id, '2024-08-29', { closed: '2025-06-30' });
    await refreshObligations(server.store.db, LA, { childIds: [id] });
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2024-11-29'))).toEqual([1, 1, 100]);
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2024-12-31'))).toEqual([0, 1, 0]);
    const decided = await hos.post(`/api/children/${id}/decisions`, {
      kind: 'oversight',
      decidedOn: '2024-10-15',
      reasons: 'Plan reviewed with the social worker',
      evidenceSeen: 'Case notes and the child’s plan',
    });
    expect(decided.status).toBe(201);
    // The clock now runs from 15 October: due 15 January 2025.
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2024-12-31'))).toEqual([1, 1, 100]);
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2025-01-16'))).toEqual([0, 1, 0]);
  });
});

describe('long-term placement stability, snapshot 29 February 2040', () => {
  it('children under 16 looked after 30 months or more, in the same placement 2 years or more (or placed for adoption)', async () => {
    // Sara, Seb, Stan, Sol, Sky and, from era K, Hope (born 2030, in one placement since June 2032);
    // in the numerator Sara, Stan, Sol and Hope.
    expect(counts(await kpi('cla-long-term-stability', 'asOf=2040-02-29'))).toEqual([4, 6, 66.7]);
    const behind = await hos.get('/api/kpi/cla-long-term-stability/children?asOf=2040-02-29&only=numerator');
    expect(behind.body.children.map((c: { name: string }) => c.name).sort()).toEqual(['Hope Test', 'Sara Test', 'Sol Test', 'Stan Test']);
  });
});

describe('who sees what', () => {
  it('without case access, counts of 1 to 5 are suppressed (and the value with them); 0 is shown', async () => {
    const small = (await admin.get('/api/kpi/unallocated-cases?asOf=2027-01-31&trendMonths=1')).body.result;
    expect(small).toMatchObject({ numerator: null, value: null, suppressed: true });
    const pct = (await admin.get('/api/kpi/icpc-15wd?asOf=2026-03-31&trendMonths=1')).body.result;
    expect(pct).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    const zero = (await admin.get('/api/kpi/cla-rate?asOf=2026-03-31&trendMonths=1')).body.result;
    expect(zero).toMatchObject({ numerator: 0, value: 0, suppressed: false });
  });

  it('without case access, an average over 1 to 5 children is suppressed whichever count holds them', async () => {
    // Two children adopted: 366 days in all is not a small count, but their average of 183 tells about each.
    const adoption = (await admin.get('/api/kpi/adoption-entry-to-placed?asOf=2030-03-31&trendMonths=1')).body.result;
    expect(adoption).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    // A caseload of 4 children over 1.5 FTE: the children and the average are hidden, the FTE is not.
    const caseload = (await admin.get('/api/kpi/caseload-average?asOf=2027-01-31&trendMonths=1')).body.result;
    expect(caseload).toMatchObject({ numerator: null, denominator: 1.5, value: null, suppressed: true });
    // With case access, the same figures in full.
    expect(counts(await kpi('adoption-entry-to-placed', 'asOf=2030-03-31'))).toEqual([366, 2, 183]);
  });

  it('without case access, no children behind a number', async () => {
    expect((await admin.get('/api/kpi/icpc-15wd/children?asOf=2026-03-31')).status).toBe(403);
  });

  it('an analyst sees the children behind a number, and the read is audited', async () => {
    const res = await analyst.get('/api/kpi/unallocated-cases/children?asOf=2027-01-31');
    expect(res.body.children.map((c: { name: string; days: number }) => [c.name, c.days]).sort()).toEqual([
      ['Mia Goodwin', 90],
      ['Wade Test', 61],
    ]);
    const trail = await hos.get('/api/audit?limit=20');
    expect(trail.body.events).toContainEqual(expect.objectContaining({ username: 'analyst', action: 'read', recordType: 'indicator-children' }));
  });

  it('an unknown indicator is not found; a social worker may not read indicators', async () => {
    expect((await hos.get('/api/kpi/no-such-thing')).status).toBe(404);
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    expect((await sw.get('/api/kpi')).status).toBe(403);
  });
});

describe('every indicator at once, and frozen months', () => {
  it('lists every indicator for the council', async () => {
    const res = await hos.get('/api/kpi?asOf=2026-03-31');
    expect(res.status).toBe(200);
    const ids = res.body.indicators.map((i: { id: string }) => i.id);
    expect(ids).toContain('icpc-15wd');
    for (const id of ['cla-visits-in-time', 'missing-children', 'care-leavers-eet', 'unregistered-placements', 'audit-grades']) expect(ids).toContain(id);
    // indicators.md's 40, the 2 of early help, the 4 of legal planning and proceedings and the 7 of fostering.
    for (const id of ['care-proceedings-average-weeks', 'care-proceedings-median-weeks', 'pre-proceedings-over-16-weeks', 'proceedings-past-26-weeks'])
      expect(ids).toContain(id);
    expect(ids).toHaveLength(53);
    for (const id of ['cla-long-term-stability', 'turnover-rate', 'agency-rate', 'vacancy-rate', 'management-oversight-in-time']) expect(ids).toContain(id);
    expect(res.body.indicators.find((i: { id: string }) => i.id === 'assessments-45wd').value).toBe(33.3);
  });

  it('a trend is of complete months: as of 15 March 2026, December to February', async () => {
    const res = await hos.get('/api/kpi/assessments-45wd?asOf=2026-03-15&trendMonths=3');
    expect(res.body.trend.map((p: { asOf: string; numerator: number; denominator: number }) => [p.asOf, p.numerator, p.denominator])).toEqual([
      ['2025-12-31', 0, 0],
      ['2026-01-31', 0, 0],
      ['2026-02-28', 1, 2],
    ]);
    expect(res.body.trend[2].period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('a frozen month keeps its figure when the record later changes', async () => {
    const frozen = await hos.post('/api/kpi/snapshots', { periodEnd: '2026-02-28' });
    expect(frozen.status).toBe(201);
    const before = (await hos.get('/api/kpi/assessments-45wd?asOf=2026-02-28&months=1&trendMonths=1')).body.result;
    expect([before.numerator, before.denominator, before.frozen]).toEqual([1, 2, true]);
    // A late correction: Ben's assessment is re-dated as authorised on 26 February.
    await server.store.db
      .updateTable('assessment')
      .set({ completed_on: '2026-02-26', authorised_on: '2026-02-26' })
      .where('child_id', '=', named.Ben as string)
      .execute();
    const after = (await hos.get('/api/kpi/assessments-45wd?asOf=2026-02-28&months=1&trendMonths=1')).body.result;
    expect([after.numerator, after.denominator, after.frozen]).toEqual([1, 2, true]);
    const live = (await hos.get('/api/kpi/assessments-45wd?asOf=2026-03-31&trendMonths=1')).body.result;
    expect(live.numerator).toBe(2);
    expect((await hos.post('/api/kpi/snapshots', { periodEnd: '2999-01-31' })).status).toBe(400);
  });
});
