/**
 * Children-in-need and child-protection histories for the synthetic council: for each child's
 * case (kept in SeedChild), the contacts, referrals and episodes, assessments, strategy
 * discussions and section 47 enquiries, conferences, plans, core groups, reviews, visits and
 * closures that would have led to it, all dated relative to `asOf`, with the chronology entries
 * that tell the story. Timeliness is drawn to look like an English council: most deadlines met,
 * a tail of late ones, and a few overdue today.
 *
 * Re-referrals and repeat plans are written as an earlier, closed episode; long-running child
 * in need plans were renewed at a review four to seven months ago, and visits and reviews are
 * recorded from then on (the earlier plan keeps its dates only), so the volume per child stays
 * bounded however long the case. The chronology keeps the significant events: every step, but
 * only some of the visits.
 */
import { addMonths } from './days.ts';
import type { SeedChild } from './model.ts';
import { CIN_PLAN_END, pronounsFor } from './texts.ts';

import {
  CLOSURE_AFTER_PLAN,
  type Episode,
  OPEN_PLAN_DAYS,
  P_CLOSED_WITH_PLAN,
  P_LATER_NFA,
  P_REPEAT_PLAN,
  P_REREFERRAL,
  P_S47_NFA,
  type PathwayRows,
  type SeedAllocation,
} from './pathway-base.ts';
import { PathwayProtection } from './pathway-protection.ts';

export { PATHWAY_TABLES, type PathwayConfig, type PathwayRows, type SeedAllocation } from './pathway-base.ts';

export class PathwayGenerator extends PathwayProtection {
  /** Writes the history of one child's case into `rows`. Care leavers have none here. */
  add(rows: PathwayRows, child: SeedChild, carer: string, allocations: readonly SeedAllocation[]): void {
    if (child.status === 'care-leaver') return;
    this.ctx = { rows, child, carer, pronouns: pronounsFor(child.sex), allocations };
    try {
      this.history(child);
    } finally {
      this.ctx = null;
    }
  }

  private history(child: SeedChild): void {
    const { rng, days } = this;
    const R = days.onOrBefore(child.caseStart - (rng.chance(0.6) ? 0 : rng.between(1, 3)));
    const born = child.dob;
    const end = child.caseEnd;
    const episodes: Episode[] = [];

    const closedWithPlan = child.status === 'closed' && end !== null && end - R >= 150 && rng.chance(P_CLOSED_WITH_PLAN);
    const onPlan = child.status === 'cp' || closedWithPlan;
    let previousPlans = 0;
    if (onPlan && born !== null && R - born >= 430 && rng.chance(P_REPEAT_PLAN)) {
      if (this.earlierPlanEpisode(episodes, R, born)) previousPlans = 1;
    } else if (born !== null && R - born >= 60 && rng.chance(P_REREFERRAL)) {
      this.earlierShortEpisode(episodes, R, born);
    }
    const last = episodes[episodes.length - 1];
    this.contactsBefore(R, last?.closure ?? null);

    switch (child.status) {
      case 'cin':
        this.currentCin(episodes, R);
        break;
      case 'cp':
        this.currentCp(episodes, R, previousPlans);
        break;
      case 'cla':
        this.currentCla(episodes, R);
        break;
      case 'closed':
        this.closedCase(episodes, R, end as number, closedWithPlan, previousPlans);
        this.afterClosure(episodes, end as number);
        break;
      default:
        break;
    }
  }

  // ---- The episodes of each kind of case ----

  private currentCin(episodes: Episode[], R: number): void {
    const { rng, days, asOf } = this;
    const need = this.need();
    const s47 = (need === 'N1' || need === 'N6') && rng.chance(P_S47_NFA) ? days.add(R, rng.between(0, 8)) : null;
    const ep = this.openEpisode(episodes, R, need, s47 !== null && s47 <= days.add(R, 1));
    const a = this.assess(ep, R, { outcome: () => 'child-in-need-plan' });
    if (s47 !== null && s47 <= asOf) this.s47NoConference(ep, s47, null);
    if (a.authorised === null) return;
    const start = days.add(a.authorised, rng.between(0, 5));
    if (start > asOf) return;
    if (start < asOf - OPEN_PLAN_DAYS) {
      const renewed = days.onOrBefore(asOf - rng.between(120, OPEN_PLAN_DAYS));
      // Some after an updated assessment, most at a review that agreed a new plan.
      const updated = rng.chance(0.15);
      this.cinPlan(ep, start, renewed, CIN_PLAN_END[updated ? 0 : 3] as string, false);
      if (updated) this.reassess(ep, renewed, a.authorised);
      this.cinPlan(ep, renewed, null, null);
    } else this.cinPlan(ep, start, null, null);
    // Now and then circumstances change and an updated assessment is under way.
    if (asOf - start > 200 && rng.chance(0.04)) this.assessmentUnderWay(ep, days.onOrBefore(asOf - rng.between(5, 40)));
  }

  private currentCp(episodes: Episode[], R: number, previousPlans: number): void {
    const { rng, days } = this;
    const child = this.c.child;
    const I = days.onOrBefore(child.protectionFrom as number);
    let S = days.add(I, -this.icpcGap());
    if (S < R) S = R;
    const immediate = days.between(R, S) <= 1;
    const ep = this.openEpisode(episodes, R, rng.chance(0.9) ? 'N1' : this.need(), immediate);
    // The assessment finds significant harm (or runs alongside the enquiry); a long gap means
    // the child was on a child in need plan first and new concerns arose.
    const natural = days.add(R, 45);
    if (immediate || S <= natural) {
      this.assess(ep, R, { outcome: () => 'strategy-discussion', completeBy: immediate ? undefined : S });
    } else {
      const a = this.assess(ep, R, { outcome: () => 'child-in-need-plan', completeBy: days.add(S, -10) });
      const start = a.authorised === null ? null : days.add(a.authorised, rng.between(0, 5));
      if (start !== null && I - start >= 30) this.cinPlan(ep, start, I, CIN_PLAN_END[1] as string);
    }
    this.protection(ep, S, I, null, previousPlans);
  }

  private currentCla(episodes: Episode[], R: number): void {
    const child = this.c.child;
    const need = child.uasc ? 'N8' : this.rng.chance(0.7) ? 'N1' : this.need();
    const ep = this.openEpisode(episodes, R, need, false);
    const from = child.lookedAfterFrom ?? R;
    this.assess(ep, R, { outcome: (day) => (from <= day + 90 ? 'looked-after' : 'child-in-need-plan') });
  }

  private closedCase(episodes: Episode[], R: number, end: number, withPlan: boolean, previousPlans: number): void {
    const { rng, days } = this;
    const child = this.c.child;
    const closeOn = Math.max(R, end);
    if (withPlan) {
      const immediate = rng.chance(0.4);
      const ep = this.openEpisode(episodes, R, rng.chance(0.9) ? 'N1' : this.need(), immediate);
      const a = this.assess(ep, R, { outcome: () => 'strategy-discussion', ceiling: closeOn - 120 });
      const S = immediate ? R : days.onOrAfter((a.completed ?? R) + 1);
      const I = days.add(S, this.icpcGap());
      const target = closeOn - (rng.chance(0.5) ? rng.between(30, 120) : rng.between(0, 10));
      if (addMonths(I, 3) + 5 <= target) {
        const planEnd = this.protection(ep, S, I, target, previousPlans) as number;
        if (closeOn - planEnd >= 30) this.cinPlan(ep, days.add(planEnd, 0), closeOn, CIN_PLAN_END[2] as string);
        this.close(ep, closeOn, child.dateOfDeath !== null ? 'RC2' : CLOSURE_AFTER_PLAN.pick(rng), planEnd);
        return;
      }
      // Not long enough for a plan after all: the enquiry found no need for a conference.
      this.s47NoConference(ep, S, closeOn);
      this.close(ep, closeOn, child.dateOfDeath !== null ? 'RC2' : 'RC7', null);
      return;
    }
    const need = this.need();
    if (closeOn - R <= 15 && child.dateOfDeath === null && rng.chance(0.4)) {
      const ep = this.openEpisode(episodes, R, need, false, true);
      this.close(ep, closeOn, 'RC8', null, true);
      return;
    }
    const s47 = (need === 'N1' || need === 'N6') && rng.chance(P_S47_NFA) ? days.add(R, rng.between(0, 5)) : null;
    const ep = this.openEpisode(episodes, R, need, s47 !== null && s47 <= days.add(R, 1));
    const short = closeOn - R < 60 || rng.chance(0.3);
    const earlyHelp = rng.chance(0.5);
    const a = this.assess(ep, R, {
      outcome: () => (short ? (earlyHelp ? 'early-help' : 'no-further-action') : 'child-in-need-plan'),
      ceiling: closeOn,
      enquiry: s47 !== null && s47 < closeOn,
    });
    if (s47 !== null && s47 < closeOn) this.s47NoConference(ep, s47, closeOn);
    const authorised = a.authorised ?? closeOn;
    if (short || closeOn - authorised < 30) {
      // RC8/RC9 mean closed after assessment alone: an enquiry closes as RC7 (CIN census rule 2990).
      const reason = s47 !== null && s47 < closeOn ? 'RC7' : earlyHelp ? 'RC9' : 'RC8';
      this.close(ep, closeOn, child.dateOfDeath !== null ? 'RC2' : reason, null);
      return;
    }
    const start = Math.min(days.add(authorised, rng.between(0, 5)), closeOn);
    this.cinPlan(ep, start, closeOn, CIN_PLAN_END[2] as string);
    this.close(ep, closeOn, child.dateOfDeath !== null ? 'RC2' : CLOSURE_AFTER_PLAN.pick(rng), null);
  }

  /** After a case closed: more contacts, and sometimes a referral that went no further. */
  private afterClosure(episodes: Episode[], end: number): void {
    const { rng, days, asOf } = this;
    const child = this.c.child;
    if (child.dateOfDeath !== null) return;
    let from = end + 14;
    if (asOf - end >= 40 && rng.chance(P_LATER_NFA)) {
      const R = days.onOrBefore(end + rng.between(20, asOf - end - 3));
      this.contactsBefore(R, end);
      const ep = this.openEpisode(episodes, R, this.need(), false, true);
      const closure = Math.min(days.add(R, rng.between(0, 2)), asOf);
      this.close(ep, closure, 'RC8', null, true);
      from = closure + 14;
    }
    // About one contact a year, and now and then one in the last three weeks.
    const span = asOf - from;
    if (span > 0) {
      const expected = Math.min(6, (2.2 * span) / 365);
      const n = Math.floor(expected) + (rng.next() < expected - Math.floor(expected) ? 1 : 0);
      const dates: number[] = [];
      for (let i = 0; i < n; i++) dates.push(from + rng.int(span + 1));
      if (rng.chance(0.1)) dates.push(days.add(asOf, -rng.between(0, 15)));
      dates.sort((a, b) => a - b);
      for (const d of dates) if (d > from - 1 && d <= asOf) this.contact(d, null);
    }
  }

  /** An earlier episode closed within the year before the referral `R`: the referral is a re-referral. */
  private earlierShortEpisode(episodes: Episode[], R: number, born: number): void {
    const { rng, days } = this;
    const gap = 30 + Math.floor(rng.next() ** 1.3 * 330);
    let pR = days.onOrBefore(R - gap);
    if (pR < born + 3) pR = days.onOrAfter(born + 3);
    const latest = R - 7;
    const span = latest - pR;
    if (span < 14) return;
    this.contactsBefore(pR, null);
    const r = rng.next();
    const kind = r < 0.3 || span < 30 ? 'nfa' : r < 0.55 ? 'assessed-nfa' : r < 0.85 || span < 150 ? 'early-help' : 'cin';
    const need = this.need();
    if (kind === 'nfa') {
      const ep = this.openEpisode(episodes, pR, need, false, true);
      this.close(ep, Math.min(days.add(pR, rng.between(0, 2)), latest), 'RC8', null, true);
      return;
    }
    const ep = this.openEpisode(episodes, pR, need, false);
    const a = this.assess(ep, pR, {
      outcome: () => (kind === 'assessed-nfa' ? 'no-further-action' : kind === 'early-help' ? 'early-help' : 'child-in-need-plan'),
      ceiling: kind === 'cin' ? latest - 100 : latest,
    });
    const authorised = a.authorised ?? pR;
    if (kind !== 'cin') {
      this.close(ep, days.onOrBefore(Math.min(authorised + rng.between(0, 5), latest)), kind === 'early-help' ? 'RC9' : 'RC8', null);
      return;
    }
    const start = days.add(authorised, rng.between(0, 5));
    const closure = days.onOrBefore(Math.min(start + rng.between(60, 200), latest));
    this.cinPlan(ep, start, closure, CIN_PLAN_END[2] as string);
    this.close(ep, closure, 'RC7', null);
  }

  /** An earlier episode, one to six years back, with a protection plan that ended. */
  private earlierPlanEpisode(episodes: Episode[], R: number, born: number): boolean {
    const { rng, days } = this;
    const maxBack = Math.min(2000, R - born - 30);
    if (maxBack < 400) return false;
    const pR = days.onOrBefore(R - rng.between(400, maxBack));
    const latest = R - 30;
    this.contactsBefore(pR, null);
    const immediate = rng.chance(0.4);
    const ep = this.openEpisode(episodes, pR, 'N1', immediate);
    const a = this.assess(ep, pR, { outcome: () => 'strategy-discussion', ceiling: pR + 70 });
    const S = immediate ? pR : days.onOrAfter((a.completed ?? pR) + 1);
    const I = days.add(S, this.icpcGap());
    const length = rng.chance(0.04) ? rng.between(730, 900) : rng.chance(0.22) ? rng.between(451, 729) : rng.between(95, 450);
    const target = Math.max(addMonths(I, 3) + 5, Math.min(I + length, latest - 10));
    const planEnd = this.protection(ep, S, I, target, 0) as number;
    let closure = planEnd + (rng.chance(0.6) ? rng.between(60, 180) : rng.between(0, 14));
    closure = days.onOrBefore(Math.max(planEnd, Math.min(closure, latest)));
    if (closure - planEnd >= 30) this.cinPlan(ep, days.add(planEnd, 0), closure, CIN_PLAN_END[2] as string);
    this.close(ep, closure, 'RC7', planEnd);
    return true;
  }
}
