import { randomUUID } from 'node:crypto';
import { LA } from '../../../helpers/fixture.ts';
import type { Population } from './builders.ts';

/**
 * Eras D to H: caseloads and changes of social worker to January 2027; deadlines met or not to
 * March 2028; missing episodes and care leavers' birthdays to March 2029; unaccompanied children and
 * adoptions to March 2030; second looked-after reviews and permanence plans to March 2031.
 */
export async function writeCaseloadsAndCare({ db, ids, child, episode, cla, obligation }: Population) {
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
}
