import { randomUUID } from 'node:crypto';
import { LA } from '../../../helpers/fixture.ts';
import type { Population } from './builders.ts';

/**
 * Eras A to C: referrals and children looked after to 29 February 2024; assessments, enquiries,
 * conferences and protection plans to 31 March 2026; contacts decided across Christmas 2025.
 */
export async function writeFrontDoorAndProtection({ db, child, episode, cla }: Population) {
  // Era A. 12 months ending 29 February 2024 begin on 1 March 2023; 12 months before 29 February 2024 is 28 February 2023.
  const r1 = await child('Reuben');
  await episode(r1, '2023-02-28', { closed: '2023-03-10' });
  await episode(r1, '2024-02-29', { closed: '2024-06-30' }); // a re-referral: the earlier one is on 28 Feb 2023
  const r2 = await child('Rosa');
  await episode(r2, '2023-02-27', { closed: '2023-03-10' });
  await episode(r2, '2024-02-29', { closed: '2024-06-30' }); // not: 27 Feb 2023 is before the 12 months
  const r3 = await child('Rhys');
  await episode(r3, '2023-03-01', { closed: '2023-03-01', nfa: true }); // the first day of the period; ended in no further action
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
}
