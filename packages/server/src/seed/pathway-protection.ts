/**
 * The protection steps of a child's history (pathways.ts): strategy discussions, section 47
 * enquiries, conferences, plans, core groups, child in need plans and reviews, visits, closures.
 */
import { AGENCY, CATEGORY_OF_ABUSE, CLOSURE_REASON, EXPECTED_AGENCIES, S47_OUTCOME, VISIT_PURPOSE } from '@lantern/core/pathway';
import { addMonths } from './days.ts';
import { ageOn, isoOf } from './rng.ts';
import { CATEGORIES, CLOSURE_TEXT, CORE_GROUP_NOTES, NO_S47_REASONS, PLAN_END_REASONS, S47_NFA_REASONS, STRATEGY_REASONS, WHAT_CHANGED } from './texts.ts';

import { DETAIL_DAYS, DETAIL_ENDED_DAYS, type Episode, P_VISITS_LAPSED } from './pathway-base.ts';
import { PathwayCasework } from './pathway-casework.ts';

export abstract class PathwayProtection extends PathwayCasework {
  /** A strategy discussion that led to a section 47 enquiry which found no need for a conference. */
  protected s47NoConference(ep: Episode, S: number, closure: number | null): void {
    const { rng, days, asOf } = this;
    const { rows, child } = this.c;
    const strategyId = this.strategy(ep, S, rng.chance(0.07) ? 'no-section-47' : 'section-47');
    if (strategyId === null) return;
    const limit = closure ?? asOf;
    let completed: number | null = days.add(S, rng.between(5, 15));
    if (completed > limit) completed = closure === null ? null : Math.max(S, days.onOrBefore(limit));
    const outcome = rng.chance(0.5) ? 'no-further-action' : 'child-in-need-plan';
    const reason = completed === null ? null : rng.pick(S47_NFA_REASONS);
    const id = this.ids.uuid();
    rows.section47.push({
      la_code: this.cfg.laCode,
      s47_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      strategy_id: strategyId,
      start_date: isoOf(S),
      completed_on: completed === null ? null : isoOf(completed),
      outcome: completed === null ? null : outcome,
      icpc_not_required: completed !== null,
      icpc_not_required_reason: reason,
      created_by: null,
      created_at: this.at(S),
    });
    if (completed !== null)
      this.chron(completed, 'section-47', `Section 47 enquiry (started ${isoOf(S)}) completed: ${S47_OUTCOME[outcome]} — ${reason}`, 'section-47', id);
    else this.chron(S, 'section-47', 'Section 47 enquiry started', 'section-47', id);
  }

  /** Returns the discussion's id when it decided on a section 47 enquiry, else null. */
  protected strategy(ep: Episode, held: number, decision: 'section-47' | 'no-section-47'): string | null {
    const { rng } = this;
    const { rows, child } = this.c;
    const age = child.dob === null || held < child.dob ? 0 : ageOn(child.dob, held);
    const agencies = ['social-care', 'police'];
    if (rng.chance(0.96)) agencies.push('health');
    if (rng.chance(age < 4 ? 0.75 : 0.9)) agencies.push('education');
    if (rng.chance(0.12)) agencies.push(rng.pick(['early-help', 'housing', 'probation', 'youth-justice']));
    const reasons = decision === 'section-47' ? rng.pick(STRATEGY_REASONS) : rng.pick(NO_S47_REASONS);
    const id = this.ids.uuid();
    rows.strategy_discussion.push({
      la_code: this.cfg.laCode,
      strategy_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      held_on: isoOf(held),
      agencies,
      decision,
      reasons,
      created_by: null,
      created_at: this.at(held),
    });
    const missing = EXPECTED_AGENCIES.filter((a) => !agencies.includes(a)).map((a) => AGENCY[a]);
    const decided = decision === 'section-47' ? 'section 47 enquiry to start' : 'no section 47 enquiry';
    const names = agencies.map((a) => AGENCY[a as keyof typeof AGENCY]).join(', ');
    this.chron(
      held,
      'strategy-discussion',
      `Strategy discussion (${names}): ${decided}${missing.length ? `. Not present: ${missing.join(', ')}` : ''}`,
      'strategy-discussion',
      id,
    );
    return decision === 'section-47' ? id : null;
  }

  /**
   * Strategy discussion on S, section 47 enquiry, initial conference and plan on I; core groups,
   * review conferences and visits to `target` (the plan ends at the last review before it) or,
   * with no target, to `asOf`. Returns the day the plan ended, or null if it is open.
   */
  protected protection(ep: Episode, S: number, I: number, target: number | null, previousPlans: number): number | null {
    const { rng, days, asOf } = this;
    const { rows, child } = this.c;
    const strategyId = this.strategy(ep, S, 'section-47') as string;
    const s47Id = this.ids.uuid();
    const s47Done = Math.max(S, days.add(I, -rng.between(0, 3)));
    rows.section47.push({
      la_code: this.cfg.laCode,
      s47_id: s47Id,
      episode_id: ep.id,
      child_id: child.personId,
      strategy_id: strategyId,
      start_date: isoOf(S),
      completed_on: isoOf(s47Done),
      outcome: 'conference',
      icpc_not_required: false,
      icpc_not_required_reason: null,
      created_by: null,
      created_at: this.at(S),
    });
    this.chron(s47Done, 'section-47', `Section 47 enquiry (started ${isoOf(S)}) completed: ${S47_OUTCOME.conference}`, 'section-47', s47Id);

    // Review conferences: the first within 3 months, then 6-monthly; a few late.
    const limit = target ?? asOf;
    const reviews: number[] = [];
    let due = addMonths(I, 3);
    for (;;) {
      const held = rng.chance(0.92) ? days.onOrBefore(due - rng.between(0, 10)) : days.onOrAfter(due + rng.between(1, 20));
      if (held > limit) break;
      reviews.push(held);
      due = addMonths(held, 6);
    }
    let planEnd: number | null = null;
    if (target !== null) {
      if (reviews.length === 0) reviews.push(days.onOrBefore(Math.max(I + 1, target)));
      planEnd = reviews[reviews.length - 1] as number;
    }

    const planId = this.ids.uuid();
    const initial = CATEGORIES.pick(rng);
    const latest = rng.chance(0.1) ? CATEGORIES.pick(rng) : initial;
    const ending = planEnd === null ? null : this.planEnding();
    rows.cp_plan.push({
      la_code: this.cfg.laCode,
      plan_id: planId,
      episode_id: ep.id,
      child_id: child.personId,
      start_date: isoOf(I),
      initial_category: initial,
      latest_category: latest,
      previous_plans: previousPlans,
      end_date: planEnd === null ? null : isoOf(planEnd),
      end_reason: ending?.reason ?? null,
      what_changed: ending?.whatChanged ?? null,
      change_sustained_weeks: ending?.weeks ?? null,
      created_by: null,
      created_at: this.at(I),
    });
    this.conference(ep, 'initial', I, s47Id, planId, 'plan', null);
    const category = CATEGORY_OF_ABUSE[initial as keyof typeof CATEGORY_OF_ABUSE];
    this.chron(I, 'plan', `Child protection plan started: ${category}${previousPlans ? ` (plan ${previousPlans + 1} for this child)` : ''}`, 'cp-plan', planId);

    const end = planEnd ?? asOf;
    // Core groups: the first within 10 working days, then about every 6 weeks.
    let group = days.add(I, rng.chance(0.9) ? rng.between(3, 10) : rng.between(11, 15));
    while (group <= end) {
      this.coreGroup(planId, group);
      group = days.onOrAfter(group + (rng.chance(0.9) ? rng.between(25, 42) : rng.between(43, 55)));
    }
    reviews.forEach((held, i) => {
      const last = planEnd !== null && i === reviews.length - 1;
      this.conference(ep, 'review', held, null, planId, last ? 'end-plan' : 'continue-plan', last ? ending : null);
    });
    this.visits(ep, 'child-protection', I, planEnd, 5, 10, 14);
    return planEnd;
  }

  protected planEnding(): { reason: string; whatChanged: string; weeks: number } {
    const { rng } = this;
    return { reason: rng.pick(PLAN_END_REASONS), whatChanged: this.text(rng.pick(WHAT_CHANGED)), weeks: rng.between(8, 30) };
  }

  protected conference(
    ep: Episode,
    kind: 'initial' | 'review',
    held: number,
    s47Id: string | null,
    planId: string,
    outcome: 'plan' | 'continue-plan' | 'end-plan',
    ending: { reason: string; whatChanged: string; weeks: number } | null,
  ): void {
    const { rng } = this;
    const { rows, child } = this.c;
    const age = child.dob === null || held < child.dob ? null : ageOn(child.dob, held);
    const childMet = age !== null && age >= 8 && rng.chance(0.45);
    const parentsMet = rng.chance(0.85);
    const words = age !== null && age >= 5 && rng.chance(0.55) ? this.words(held) : null;
    const chair = this.chairOn(held);
    const id = this.ids.uuid();
    rows.cp_conference.push({
      la_code: this.cfg.laCode,
      conference_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      kind,
      s47_id: s47Id,
      plan_id: planId,
      held_on: isoOf(held),
      outcome,
      chair,
      child_met_decider: childMet,
      parents_met_decider: parentsMet,
      child_words: words,
      created_by: null,
      created_at: this.at(held),
    });
    const voice = `${childMet ? 'the child met the chair' : 'the child did not meet the chair'}; ${parentsMet ? 'the parents met the chair' : 'the parents did not meet the chair'}`;
    const said = words ? ` — the child said: “${words}”` : '';
    const summary =
      kind === 'initial'
        ? `Initial child protection conference (chair ${chair}): plan; ${voice}${said}`
        : `Review conference (chair ${chair}): ${ending ? `plan ended — ${ending.reason}; what changed: ${ending.whatChanged} (held for ${ending.weeks} weeks)` : 'plan continues'}; ${voice}${said}`;
    this.chron(held, 'conference', summary, 'cp-conference', id);
  }

  protected coreGroup(planId: string, held: number): void {
    const { rows, child } = this.c;
    const notes = this.text(this.rng.pick(CORE_GROUP_NOTES));
    const id = this.ids.uuid();
    rows.core_group.push({
      la_code: this.cfg.laCode,
      core_group_id: id,
      plan_id: planId,
      child_id: child.personId,
      held_on: isoOf(held),
      notes,
      created_by: null,
      created_at: this.at(held),
    });
    this.chron(held, 'core-group', `Core group met: ${notes}`, 'core-group', id);
  }

  /**
   * A child in need plan from `start` to `end` (null: open). Reviews about every 3 months and
   * visits about every 4 weeks are recorded for open plans and for ended plans that started in
   * the last DETAIL_DAYS days and ended in the last DETAIL_ENDED_DAYS (older ones keep their dates).
   */
  protected cinPlan(ep: Episode, start: number, end: number | null, endText: string | null, detail = true): void {
    const { rng, days, asOf } = this;
    const { rows, child } = this.c;
    const id = this.ids.uuid();
    rows.cin_plan.push({
      la_code: this.cfg.laCode,
      cin_plan_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      start_date: isoOf(start),
      end_date: end === null ? null : isoOf(end),
      created_by: null,
      created_at: this.at(start),
    });
    this.chron(start, 'plan', 'Child in need plan started', 'cin-plan', id);
    if (detail && (end === null || (start >= asOf - DETAIL_DAYS && end >= asOf - DETAIL_ENDED_DAYS))) {
      const limit = end ?? asOf;
      let due = addMonths(start, 3);
      for (;;) {
        const held = rng.chance(0.9) ? days.onOrBefore(due - rng.between(0, 10)) : days.onOrAfter(due + rng.between(1, 20));
        if (held > limit || held <= start || (end !== null && held >= end)) break;
        this.cinReview(id, held);
        due = addMonths(held, 3);
      }
      this.visits(ep, 'child-in-need', start, end, 12, 20, 28);
    }
    if (end !== null && endText !== null) this.chron(end, 'plan', `Child in need plan ended: ${endText}`, 'cin-plan', id);
  }

  protected cinReview(planId: string, held: number): void {
    const { rng } = this;
    const { rows, child } = this.c;
    const age = child.dob === null || held < child.dob ? null : ageOn(child.dob, held);
    const childMet = age !== null && age >= 8 && rng.chance(0.5);
    const parentsMet = rng.chance(0.85);
    const words = age !== null && age >= 5 && rng.chance(0.6) ? this.words(held) : null;
    const id = this.ids.uuid();
    rows.cin_plan_review.push({
      la_code: this.cfg.laCode,
      review_id: id,
      cin_plan_id: planId,
      child_id: child.personId,
      held_on: isoOf(held),
      child_met_decider: childMet,
      parents_met_decider: parentsMet,
      child_words: words,
      created_by: null,
      created_at: this.at(held),
    });
    this.chron(held, 'plan', `Child in need plan reviewed${words ? ` — the child said: “${words}”` : ''}`, 'cin-plan-review', id);
  }

  /**
   * Visits from `from` to `to` (null: to now), `minGap`–`maxGap` working days apart, now and
   * then later (up to `lateGap`), and now and then not finding the child in. For an open plan
   * the visits sometimes lapsed lately, leaving one overdue today.
   */
  protected visits(
    ep: Episode,
    purpose: 'child-protection' | 'child-in-need',
    from: number,
    to: number | null,
    minGap: number,
    maxGap: number,
    lateGap: number,
  ): void {
    const { rng, days, asOf } = this;
    const limit = to ?? asOf;
    const dates: { day: number; seen: boolean }[] = [];
    let last = from;
    for (;;) {
      const gap = rng.chance(0.9) ? rng.between(minGap, maxGap) : rng.between(maxGap + 1, lateGap);
      let next = days.add(last, gap);
      // An ended plan's visits stop before its last day (the next plan's visits count from then).
      if (next > limit || (to !== null && next >= to)) break;
      if (rng.chance(0.03)) {
        dates.push({ day: next, seen: false });
        next = days.add(next, rng.between(1, 3));
        if (next > limit || (to !== null && next >= to)) break;
      }
      dates.push({ day: next, seen: true });
      last = next;
    }
    if (to === null && rng.chance(P_VISITS_LAPSED)) {
      const cutoff = days.add(asOf, -rng.between(maxGap + 1, maxGap + 15));
      while (dates.length > 0 && (dates[dates.length - 1] as { day: number }).day > cutoff) dates.pop();
    }
    // The chronology keeps significant events: the first visit, a child not seen, and some others.
    dates.forEach((d, i) => {
      this.visit(ep, purpose, d.day, d.seen, i === 0 || !d.seen || rng.chance(0.08));
    });
  }

  protected visit(ep: Episode, purpose: 'child-protection' | 'child-in-need', day: number, found: boolean, chronicle: boolean): void {
    const { rng } = this;
    const { rows, child } = this.c;
    const born = child.dob !== null && day >= child.dob;
    const seen = found && born;
    const age = born ? ageOn(child.dob as number, day) : null;
    const alone = seen && age !== null && age >= 5 && rng.chance(0.7);
    const words = seen ? this.words(day) : null;
    const id = this.ids.uuid();
    rows.visit.push({
      la_code: this.cfg.laCode,
      visit_id: id,
      child_id: child.personId,
      episode_id: ep.id,
      visited_on: isoOf(day),
      purpose,
      child_seen: seen,
      seen_alone: alone,
      child_words: words,
      worker_id: this.workerOn(day),
      created_by: null,
      created_at: this.at(day),
    });
    const how = seen
      ? alone
        ? 'child seen alone'
        : 'child seen'
      : born
        ? 'child not seen (no answer at the door; visit rearranged)'
        : 'unborn baby: parent seen';
    if (chronicle) this.chron(day, 'visit', `${VISIT_PURPOSE[purpose]}: ${how}${words ? ` — “${words}”` : ''}`, 'visit', id);
  }

  /** Closes the episode on `day` with a manager's recorded decision. */
  protected close(ep: Episode, day: number, reason: string, planEnd: number | null, referralNfa = false): void {
    const { rng } = this;
    const { rows, child } = this.c;
    const closure = Math.max(day, ep.referral, planEnd ?? -Infinity);
    const id = this.ids.uuid();
    const reasons = this.text(rng.pick(CLOSURE_TEXT[referralNfa ? 'NFA' : reason] ?? CLOSURE_TEXT.RC7 ?? []));
    const afterPlan = planEnd !== null ? this.planEnding() : null;
    const age = child.dob === null || closure < child.dob ? null : ageOn(child.dob, closure);
    const childMet = age !== null && age >= 8 && rng.chance(0.3);
    rows.management_decision.push({
      la_code: this.cfg.laCode,
      decision_id: id,
      child_id: child.personId,
      episode_id: ep.id,
      kind: 'closure',
      decided_on: isoOf(closure),
      decided_by: this.cfg.managerUserId,
      reasons,
      what_changed: afterPlan?.whatChanged ?? null,
      change_sustained_weeks: afterPlan === null ? null : Math.max(afterPlan.weeks, Math.floor((closure - (planEnd as number)) / 7)),
      child_met_decider: childMet,
      parents_met_decider: rng.chance(0.6),
      child_words: age !== null && age >= 5 && rng.chance(0.4) ? this.words(closure) : null,
      created_at: this.at(closure),
    });
    ep.row.closure_date = isoOf(closure);
    ep.row.closure_reason = reason;
    ep.row.closure_decision_id = id;
    ep.closure = closure;
    const why = CLOSURE_REASON[reason as keyof typeof CLOSURE_REASON];
    this.chron(closure, 'closure', `Case closed by the team manager (${reason}: ${why}) — ${reasons}`, 'management-decision', id);
  }
}
