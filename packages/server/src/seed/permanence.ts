/**
 * The synthetic council's permanence and adoption, unaccompanied children, health and education
 * of looked-after children, and care leavers, built on each child's case as generate.ts planned
 * it (status, the day they became looked after, date of birth). Draws from streams of its own,
 * so it never shifts the people, allocations or casework the rest of the generator makes.
 *
 * Aims (England, recent): about 470 days from entering care to placement for adoption; most
 * health assessments and PEPs on time; care leavers 17–21 about 90% in touch, about 88% in
 * suitable accommodation, about 56% of 19–21-year-olds in education, employment or training.
 */
import type { Insertable } from 'kysely';
import type {
  AdoptionTable,
  CareLeaverTable,
  HealthCheckTable,
  HealthOutcomeTable,
  LeaverAccommodationTable,
  LeaverBirthdayContactTable,
  PathwayPlanTable,
  PaVisitTable,
  PepTable,
  PermanenceOrderTable,
  PermanencePlanTable,
  PreviousPermanenceTable,
  UascRecordTable,
} from '../kernel/db/schema.ts';
import type { SeedChild } from './model.ts';
import { EET, NEET, PLAN_OLDER, PLAN_UNDER_FIVE, PREV_PERM, SUITABLE_ACCOM, UASC_ROUTE, UNSUITABLE_ACCOM } from './permanence-lists.ts';
import { ageOn, birthday, isoOf, type Rng } from './rng.ts';

export type PermanenceRows = {
  permanence_plan: Insertable<PermanencePlanTable>[];
  adoption: Insertable<AdoptionTable>[];
  permanence_order: Insertable<PermanenceOrderTable>[];
  previous_permanence: Insertable<PreviousPermanenceTable>[];
  uasc_record: Insertable<UascRecordTable>[];
  health_check: Insertable<HealthCheckTable>[];
  health_outcome: Insertable<HealthOutcomeTable>[];
  pep: Insertable<PepTable>[];
  care_leaver: Insertable<CareLeaverTable>[];
  pathway_plan: Insertable<PathwayPlanTable>[];
  leaver_accommodation: Insertable<LeaverAccommodationTable>[];
  pa_visit: Insertable<PaVisitTable>[];
  leaver_birthday_contact: Insertable<LeaverBirthdayContactTable>[];
};

/** In insert order (episodes before what refers to their periods). */
export const PERMANENCE_TABLES = [
  'permanence_plan',
  'adoption',
  'permanence_order',
  'previous_permanence',
  'uasc_record',
  'health_check',
  'health_outcome',
  'pep',
  'care_leaver',
  'pathway_plan',
  'leaver_accommodation',
  'pa_visit',
  'leaver_birthday_contact',
] as const satisfies readonly (keyof PermanenceRows)[];

export function emptyPermanenceRows(): PermanenceRows {
  return Object.fromEntries(PERMANENCE_TABLES.map((t) => [t, []])) as unknown as PermanenceRows;
}

export class PermanenceGenerator {
  constructor(
    private readonly cfg: { laCode: string; laNumber: string; asOf: number },
    private readonly rng: Rng,
    private readonly ids: Rng,
  ) {}

  /**
   * Everything this module adds for one child, after the rest of the generator made them. A
   * looked-after child's period of care (its 903 episodes) comes from seed/looked-after.ts.
   */
  add(rows: PermanenceRows, child: SeedChild, periodId: string | null): void {
    if (child.dob === null) return;
    if (child.status === 'cla' && child.lookedAfterFrom !== null && child.lookedAfterFrom < this.cfg.asOf) {
      if (periodId) this.lookedAfter(rows, child, child.dob, child.lookedAfterFrom, periodId);
    } else if (child.status === 'care-leaver' && child.lookedAfterFrom !== null) this.leaver(rows, child, child.dob, child.lookedAfterFrom);
    else if (child.status === 'closed' && child.caseEnd !== null && child.caseEnd - child.dob < 12 * 365 && this.rng.chance(0.03))
      this.privateLawOrder(rows, child, child.caseEnd);
  }

  private get laCode() {
    return this.cfg.laCode;
  }

  private lookedAfter(rows: PermanenceRows, child: SeedChild, dob: number, from: number, periodId: string): void {
    const { rng, cfg } = this;
    const asOf = cfg.asOf;
    const ageAtEntry = from - dob;
    const underFive = ageAtEntry < 5 * 365;
    const plan = underFive ? PLAN_UNDER_FIVE.pick(rng) : PLAN_OLDER.pick(rng);

    rows.previous_permanence.push({
      la_code: this.laCode,
      child_id: child.personId,
      period_id: periodId,
      ...this.prevPerm(dob, from),
      created_by: null,
    });

    // The permanence plan, usually by the second review (about 4 months in).
    const planOn = from + rng.between(60, 150);
    if (planOn < asOf)
      rows.permanence_plan.push({
        la_code: this.laCode,
        plan_id: this.ids.uuid(),
        child_id: child.personId,
        plan_type: plan,
        agreed_on: isoOf(planOn),
        created_by: null,
      });
    if (plan === 'adoption' && planOn < asOf) this.adoption(rows, child, from, planOn);

    if (child.uasc) this.uasc(rows, child, dob, from);
    this.health(rows, child, dob, from);

    // Sixteen- and seventeen-year-olds looked after 13 weeks since 14 are eligible for leaving care support.
    const sixteen = birthday(dob, 16);
    const eligibleFrom = Math.max(sixteen, from + 91);
    if (eligibleFrom < asOf && eligibleFrom < birthday(dob, 18)) {
      rows.care_leaver.push({ la_code: this.laCode, child_id: child.personId, category: 'eligible', eligible_from: isoOf(eligibleFrom), created_by: null });
      // No birthday contact (OC3) while still looked after (903 rules 1007, 187, 215).
      this.pathwayPlans(rows, child, eligibleFrom);
    }
  }

  private prevPerm(dob: number, from: number) {
    const code = PREV_PERM.pick(this.rng);
    if (code === 'Z1') return { prev_perm: 'Z1', la_perm: null, date_perm: null };
    const made = this.rng.between(Math.min(dob + 200, from - 1), from - 1);
    const iso = isoOf(made);
    const date = this.rng.chance(0.15) ? `ZZ/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    return { prev_perm: code, la_perm: this.rng.chance(0.7) ? this.cfg.laNumber : this.rng.chance(0.5) ? '999' : '330', date_perm: date };
  }

  /** Decision, placement order, match, placement: about 470 days on average from entry to placement. */
  private adoption(rows: PermanenceRows, child: SeedChild, from: number, planOn: number): void {
    const { rng, cfg } = this;
    const decision = Math.max(planOn, from + rng.between(120, 240));
    if (decision >= cfg.asOf) return;
    // Entry to placement: mostly 270–560 days, a long tail for harder-to-place children.
    const toPlaced = rng.chance(0.85) ? rng.between(270, 560) : rng.between(560, 800);
    const placed = Math.max(from + toPlaced, decision + 90);
    const placementOrder = decision + rng.between(40, Math.max(41, Math.min(200, placed - decision - 40)));
    const matched = placed - rng.between(10, 30);
    const fosterCarers = rng.chance(0.15);
    const two = rng.chance(0.82);
    const sex = two ? (rng.chance(0.85) ? 'MF' : rng.chance(0.5) ? 'FF' : 'MM') : rng.chance(0.85) ? 'F1' : 'M1';
    const has = (d: number) => (d < cfg.asOf ? isoOf(d) : null);
    const noLonger = rng.chance(0.08) && placementOrder < cfg.asOf ? placementOrder + rng.between(30, 200) : null;
    const stopped = noLonger !== null && noLonger < cfg.asOf && noLonger < matched;
    const matchedIso = stopped ? null : has(matched);
    rows.adoption.push({
      la_code: this.laCode,
      adoption_id: this.ids.uuid(),
      child_id: child.personId,
      decision_on: isoOf(decision),
      placement_order_on: has(placementOrder),
      matched_on: matchedIso,
      adopter_count: matchedIso ? (two ? 2 : 1) : null,
      adopter_sex: matchedIso ? sex : null,
      adopter_legal_status: matchedIso ? (two ? 'L2' : 'L0') : null,
      foster_carer_adoption: matchedIso ? fosterCarers : null,
      moved_in_on: matchedIso && fosterCarers ? isoOf(from + rng.between(0, 60)) : null,
      placed_on: stopped ? null : has(placed),
      // The return's DATE_PLACED_CEASED and its RD reason say the same (903 rule 119), as an import of one writes it.
      placed_ceased_on: stopped ? isoOf(noLonger as number) : null,
      placed_ceased_reason: stopped ? 'RD4' : null,
      no_longer_on: stopped ? isoOf(noLonger as number) : null,
      no_longer_reason: stopped ? 'A parent’s circumstances changed; the plan is now a return home' : null,
      created_by: null,
    });
  }

  private privateLawOrder(rows: PermanenceRows, child: SeedChild, on: number): void {
    const sgo = this.rng.chance(0.7);
    rows.permanence_order.push({
      la_code: this.laCode,
      order_id: this.ids.uuid(),
      child_id: child.personId,
      order_type: sgo ? 'sgo' : 'cao',
      made_on: isoOf(on),
      made_to: this.rng.pick(['Maternal grandparents', 'Paternal grandmother', 'An aunt and uncle', 'Former foster carers', 'The child’s father']),
      former_foster_carer: false,
      created_by: null,
    });
  }

  /** Referred on the day looked after (most), or on arrival some days before (a delay). */
  private uasc(rows: PermanenceRows, child: SeedChild, dob: number, from: number): void {
    const { rng, cfg } = this;
    const referred = rng.chance(0.7) ? from : child.caseStart;
    const route = UASC_ROUTE.pick(rng);
    const disputed = rng.chance(0.18);
    const assessed = disputed ? referred + rng.between(20, 90) : null;
    const nts = route === 'spontaneous-arrival' && rng.chance(0.15) ? referred + rng.between(1, 4) : null;
    const transferred = nts !== null && nts + 16 < cfg.asOf && rng.chance(0.7) ? nts + rng.between(7, 18) : null;
    const at18 = birthday(dob, 18);
    rows.uasc_record.push({
      la_code: this.laCode,
      child_id: child.personId,
      referred_on: isoOf(referred),
      referral_route: route,
      age_assessment: disputed ? (assessed !== null && assessed < cfg.asOf ? 'child' : 'disputed') : 'not-needed',
      age_assessed_on: assessed !== null && assessed < cfg.asOf ? isoOf(assessed) : null,
      nts_referred_on: nts !== null && nts < cfg.asOf ? isoOf(nts) : null,
      nts_transferred_on: transferred !== null ? isoOf(transferred) : null,
      ceased_on: at18 < cfg.asOf ? isoOf(at18) : null,
      created_by: null,
    });
  }

  /** Initial assessment mostly within 20 working days; reviews every 6 or 12 months, mostly on time; PEPs termly. */
  private health(rows: PermanenceRows, child: SeedChild, dob: number, from: number): void {
    const { rng, cfg } = this;
    const asOf = cfg.asOf;
    const push = (kind: string, day: number) =>
      rows.health_check.push({ la_code: this.laCode, check_id: this.ids.uuid(), child_id: child.personId, kind, done_on: isoOf(day), created_by: null });
    let last = from + (rng.chance(0.82) ? rng.between(5, 25) : rng.between(30, 75));
    if (last < asOf) push('initial-health-assessment', last);
    while (last < asOf) {
      const fiveOrOver = last >= birthday(dob, 5);
      const interval = fiveOrOver ? 365 : 182;
      last += rng.chance(0.88) ? interval - rng.between(5, 45) : interval + rng.between(5, 60);
      if (last < asOf) push('review-health-assessment', last);
    }
    for (let d = from + rng.between(30, 200); d < asOf; d += rng.between(150, 400)) push('dental', d);

    const schoolAge = (d: number) => d >= birthday(dob, 4) && d < birthday(dob, 18);
    let pep = from + (rng.chance(0.8) ? rng.between(8, 26) : rng.between(30, 60));
    while (pep < asOf) {
      if (schoolAge(pep)) rows.pep.push({ la_code: this.laCode, pep_id: this.ids.uuid(), child_id: child.personId, held_on: isoOf(pep), created_by: null });
      pep += rng.chance(0.85) ? rng.between(75, 92) : rng.between(95, 150);
    }

    // OC2: the outcomes of a child looked after continuously for 12 months, recorded for each
    // 31 March that ends such a year (the return reads the one of its year), and lately.
    const march31 = (y: number) => Math.floor(Date.UTC(y, 2, 31) / 86_400_000);
    const firstYear = new Date((from + 366) * 86_400_000).getUTCFullYear();
    let lastYearEnd = -1;
    for (let y = firstYear; march31(y) < asOf; y++) {
      if (from > march31(y - 1) + 1) continue; // not looked after from 1 April
      this.outcome(rows, child, dob, march31(y) - rng.between(0, 40), y);
      lastYearEnd = march31(y);
    }
    if (asOf - from >= 365) {
      const recorded = asOf - rng.between(1, 60);
      const year = new Date(recorded * 86_400_000).getUTCFullYear();
      if (recorded > lastYearEnd) this.outcome(rows, child, dob, recorded, recorded > march31(year) ? year + 1 : year);
    }
  }

  /** One OC2 record, its SDQ by the child's age in the collection year ending 31 March `year` (903 rules 186, 188, 189, 197B). */
  private outcome(rows: PermanenceRows, child: SeedChild, dob: number, recorded: number, year: number): void {
    const { rng } = this;
    const ageAtStart = ageOn(dob, Math.floor(Date.UTC(year - 1, 3, 1) / 86_400_000));
    const asked = ageAtStart >= 4 && ageAtStart <= 16;
    const sdq = asked && rng.chance(0.85);
    const misuse = recorded - dob >= 11 * 365 && rng.chance(0.06);
    rows.health_outcome.push({
      la_code: this.laCode,
      outcome_id: this.ids.uuid(),
      child_id: child.personId,
      recorded_on: isoOf(recorded),
      immunisations_up_to_date: rng.chance(0.86),
      sdq_score: sdq ? Math.min(40, Math.round(rng.between(0, 20) + rng.between(0, 20) * rng.next())) : null,
      // Not asked of a child under 4 at the year's start or 17 by then: SDQ1 (the return leaves it blank).
      sdq_reason: sdq ? null : asked ? rng.pick(['SDQ2', 'SDQ4', 'SDQ5']) : 'SDQ1',
      substance_misuse: misuse,
      intervention_offered: misuse ? true : null,
      intervention_received: misuse ? rng.chance(0.6) : null,
      convicted: recorded - dob >= 10 * 365 && rng.chance(0.03),
      created_by: null,
    });
  }

  private pathwayPlans(rows: PermanenceRows, child: SeedChild, countedFrom: number): void {
    const { rng, cfg } = this;
    let day = countedFrom + (rng.chance(0.85) ? rng.between(10, 85) : rng.between(95, 180));
    let kind = 'plan';
    while (day < cfg.asOf) {
      rows.pathway_plan.push({ la_code: this.laCode, pathway_id: this.ids.uuid(), child_id: child.personId, kind, held_on: isoOf(day), created_by: null });
      kind = 'review';
      day += rng.chance(0.85) ? rng.between(150, 180) : rng.between(185, 260);
    }
  }

  private leaver(rows: PermanenceRows, child: SeedChild, dob: number, from: number): void {
    const { rng, cfg } = this;
    const asOf = cfg.asOf;
    const at18 = birthday(dob, 18);
    const eligibleFrom = Math.max(birthday(dob, 16), from + 91);
    rows.care_leaver.push({
      la_code: this.laCode,
      child_id: child.personId,
      category: at18 <= asOf ? 'former-relevant' : 'relevant',
      eligible_from: isoOf(Math.min(eligibleFrom, asOf - 1)),
      created_by: null,
    });
    this.pathwayPlans(rows, child, Math.min(eligibleFrom, asOf - 1));
    this.birthdayContacts(rows, child, dob, at18);
    if (at18 >= asOf) return;

    // Leaving care at 18 is a move; one or two more follow. Each move is visited within 7 days
    // (mostly), then every 2 months or so.
    const moves = [at18];
    let m = at18;
    for (let i = 0; i < 2; i++) {
      m += rng.between(120, 500);
      if (m < asOf) moves.push(m);
    }
    for (const move of moves) {
      const suitable = rng.chance(0.92);
      rows.leaver_accommodation.push({
        la_code: this.laCode,
        move_id: this.ids.uuid(),
        child_id: child.personId,
        moved_on: isoOf(move),
        accommodation: suitable ? SUITABLE_ACCOM.pick(rng) : ((rng.pick(UNSUITABLE_ACCOM) as string)[0] as string),
        suitable,
        created_by: null,
      });
    }
    let visit = at18;
    for (const [i, move] of moves.entries()) {
      const next = moves[i + 1] ?? asOf;
      visit = move + (rng.chance(0.8) ? rng.between(0, 7) : rng.between(8, 20));
      while (visit < next) {
        rows.pa_visit.push({ la_code: this.laCode, visit_id: this.ids.uuid(), child_id: child.personId, visited_on: isoOf(visit), created_by: null });
        visit += rng.chance(0.85) ? rng.between(35, 61) : rng.between(62, 100);
      }
    }
  }

  /**
   * OC3 around each birthday from 17 to 21 that has passed since care ended (`leftCare`): the 17th
   * and 18th of a young person still looked after then are not asked for (903 rules 1007, 1016).
   */
  private birthdayContacts(rows: PermanenceRows, child: SeedChild, dob: number, leftCare: number): void {
    const { rng, cfg } = this;
    for (let age = 17; age <= 21; age++) {
      const day = birthday(dob, age);
      if (age <= 18 && leftCare >= birthday(dob, 17)) continue;
      const contactOn = day + rng.between(-20, 25);
      if (contactOn >= cfg.asOf || day >= cfg.asOf) continue;
      const r = rng.next();
      const inTouch = r < 0.9 ? 'YES' : r < 0.95 ? 'NO' : r < 0.97 ? 'REFU' : r < 0.99 ? 'NREQ' : 'RHOM';
      const known = inTouch === 'YES' || inTouch === 'REFU' || inTouch === 'NREQ';
      // Among those in touch: about 64% EET at 19–21 (56% of all, with those not in touch), more at 17–18 in school or college.
      const eet = rng.chance(age >= 19 ? 0.64 : 0.72);
      const suitable = rng.chance(0.96);
      const letter = suitable ? SUITABLE_ACCOM.pick(rng) : ((rng.pick(UNSUITABLE_ACCOM) as string)[0] as string);
      // Staying put (Z) is not for 17-year-olds (3001), nor a foyer (T) for under-18s (347).
      const accom = age <= 17 && (letter === 'Z' || letter === 'T') ? (suitable ? 'D1' : 'D2') : `${letter}${suitable ? '1' : '2'}`;
      rows.leaver_birthday_contact.push({
        la_code: this.laCode,
        child_id: child.personId,
        birthday_age: age,
        contact_on: isoOf(contactOn),
        in_touch: inTouch,
        activity: known ? (eet ? EET.pick(rng) : NEET.pick(rng)) : '0',
        accommodation: known ? accom : '0',
        created_by: null,
      });
    }
  }
}
