/**
 * The demo council's deprivation of liberty orders, written over the looked-after history already
 * generated so the two agree (and the SSDA903 DoLo rules 700–710 hold): about three in ten children
 * of 12 or over now in a children's home (K2) had the High Court authorise restrictions there, a
 * few weeks after moving in. Each order runs for the months the court set; most are renewed on the
 * day they run out, some end there, and a few are discharged early. Every order lies inside the
 * current placement, which is still open, so none overlaps a placement an order cannot be in (710)
 * nor outlasts the care (707). Its own random stream: the rest of the council is unchanged.
 * Deterministic for a seed; synthetic.
 */
import { doloEndedSummary, doloMadeSummary } from '@lantern/core/deprivation-of-liberty';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import { ageOn, dayOf, isoOf, Rng } from './rng.ts';
import { ledgerLoad } from './write-rows.ts';

const STREAM = 2043;
const COURT = 'High Court, Family Division';
const AUTHORISES = [
  'Locked external doors and windows at the home; constant supervision by one member of staff, two in the community.',
  'Locked doors at night; removal of items that could cause harm; searches of the bedroom when there is a risk of self-harm.',
  'Supervision at all times in the community; restraint as a last resort to prevent serious harm, recorded each time.',
  'No unsupervised access to the phone or internet; locked doors; two-to-one supervision when out.',
];
const DISCHARGED = [
  'Discharged: the restrictions were no longer needed once the child settled',
  'Discharged: the court found the restrictions no longer necessary',
  'Discharged: a secure accommodation order was made instead',
];

export async function seedDeprivationOfLiberty(db: Kysely<Database>, options: { laCode: string; seed: number; asOf: string }) {
  const { laCode } = options;
  const rng = new Rng(options.seed, STREAM);
  const today = dayOf(options.asOf);
  // Children in a children's home now, with the day that placement began (its first episode).
  const placed = await sql<{ child_id: string; period_id: string; date_of_birth: string; placed_on: string }>`
    select e.child_id, e.period_id, p.date_of_birth::text as date_of_birth, min(x.start_date)::text as placed_on
    from cla_episode e
    join person p on p.la_code = e.la_code and p.person_id = e.child_id
    join cla_episode x on x.la_code = e.la_code and x.placement_id = e.placement_id
    where e.la_code = ${laCode} and e.end_date is null and e.placement_type = 'K2' and p.date_of_birth is not null
    group by e.child_id, e.period_id, p.date_of_birth
    order by min(x.start_date), e.child_id`.execute(db);

  const orders: Insertable<Database['deprivation_of_liberty_order']>[] = [];
  const chronology: Insertable<Database['chronology_entry']>[] = [];
  const note = (childId: string, on: number, summary: string, orderId: string) =>
    chronology.push({
      la_code: laCode,
      entry_id: rng.uuid(),
      child_id: childId,
      occurred_on: isoOf(on),
      category: 'deprivation-of-liberty',
      summary,
      record_type: 'deprivation-of-liberty-order',
      record_id: orderId,
    });

  for (const c of placed.rows) {
    const dob = dayOf(c.date_of_birth);
    let made = dayOf(c.placed_on) + rng.between(14, 90);
    if (made > today - 7 || ageOn(dob, made) < 12 || !rng.chance(0.3)) continue;
    const authorises = rng.pick(AUTHORISES);
    for (let n = 0; n < 4; n++) {
      const orderId = rng.uuid();
      const expires = made + rng.pick([91, 182, 182, 365]);
      const discharged = rng.chance(0.12) && expires - made > 40 ? made + rng.between(30, expires - made - 1) : null;
      const ended = discharged !== null && discharged < today ? discharged : null;
      const reason = ended !== null ? rng.pick(DISCHARGED) : null;
      const caseNumber = `FD${isoOf(made).slice(2, 4)}P${String(rng.between(100, 99999)).padStart(5, '0')}`;
      // The court lists a review half way through an order still running.
      const review = ended === null && expires > today ? Math.max(today + 7, made + Math.floor((expires - made) / 2)) : null;
      orders.push({
        la_code: laCode,
        order_id: orderId,
        child_id: c.child_id,
        period_id: c.period_id,
        made_on: isoOf(made),
        expires_on: isoOf(expires),
        ended_on: ended === null ? null : isoOf(ended),
        end_reason: reason,
        court: COURT,
        case_number: caseNumber,
        authorises,
        review_on: review === null ? null : isoOf(review),
      });
      note(c.child_id, made, doloMadeSummary({ court: COURT, caseNumber, expiresOn: isoOf(expires), authorises }), orderId);
      if (ended !== null) {
        note(c.child_id, ended, doloEndedSummary(reason), orderId);
        break;
      }
      // Still running, or it ran out: most are renewed on the day, the others end then.
      if (expires >= today || !rng.chance(0.75)) break;
      made = expires;
    }
  }
  const writer = ledgerLoad(db, { deprivation_of_liberty_order: orders, chronology_entry: chronology });
  await writer.write();
  return writer.counts();
}
