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
import {
  AGENCY,
  ASSESSMENT_OUTCOME,
  CATEGORY_OF_ABUSE,
  CLOSURE_REASON,
  CONTACT_DECISION,
  EXPECTED_AGENCIES,
  S47_OUTCOME,
  VISIT_PURPOSE,
} from '@lantern/core/pathway';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import type { Insertable } from 'kysely';
import type {
  AssessmentTable,
  ChronologyEntryTable,
  CinEpisodeTable,
  CinPlanReviewTable,
  CinPlanTable,
  ContactTable,
  CoreGroupTable,
  CpConferenceTable,
  CpPlanTable,
  ManagementDecisionTable,
  Section47Table,
  StrategyDiscussionTable,
  VisitTable,
} from '../kernel/db/schema.ts';
import { addMonths, WorkingDays } from './days.ts';
import type { SeedChild } from './model.ts';
import { ageOn, isoOf, type Rng, timestampOf, WeightedPicker } from './rng.ts';
import {
  CATEGORIES,
  CIN_PLAN_END,
  childWords,
  CLOSURE_TEXT,
  CORE_GROUP_NOTES,
  concernFor,
  DECISION_REASONS,
  FACTORS,
  fill,
  LATE_REASONS,
  NO_S47_REASONS,
  PLAN_END_REASONS,
  PRIMARY_NEEDS,
  type Pronouns,
  pronounsFor,
  REFERRAL_SOURCES,
  S47_NFA_REASONS,
  STRATEGY_REASONS,
  WHAT_CHANGED,
} from './texts.ts';

export type PathwayRows = {
  contact: Insertable<ContactTable>[];
  cin_episode: Insertable<CinEpisodeTable>[];
  assessment: Insertable<AssessmentTable>[];
  strategy_discussion: Insertable<StrategyDiscussionTable>[];
  section47: Insertable<Section47Table>[];
  cp_plan: Insertable<CpPlanTable>[];
  cp_conference: Insertable<CpConferenceTable>[];
  core_group: Insertable<CoreGroupTable>[];
  cin_plan: Insertable<CinPlanTable>[];
  cin_plan_review: Insertable<CinPlanReviewTable>[];
  visit: Insertable<VisitTable>[];
  management_decision: Insertable<ManagementDecisionTable>[];
  chronology_entry: Insertable<ChronologyEntryTable>[];
};

/** The pathway tables in the order their rows must be inserted (references point backwards). */
export const PATHWAY_TABLES = [
  'contact',
  'cin_episode',
  'assessment',
  'strategy_discussion',
  'section47',
  'cp_plan',
  'cp_conference',
  'core_group',
  'cin_plan',
  'cin_plan_review',
  'visit',
  'management_decision',
] as const satisfies readonly (keyof PathwayRows)[];

export type PathwayConfig = {
  laCode: string;
  asOf: number;
  /** The user recorded as the manager deciding closures and authorising assessments (tm.demo). */
  managerUserId: string;
  /** Who can chair a conference (the independent reviewing officers), with when they were in post. */
  chairs: readonly { name: string; start: number; leave: number | null }[];
};

/** A child's social-worker allocations, to say who made each visit. */
export type SeedAllocation = { start: number; end: number | null; workerId: string };

// Rates, tuned so the council's indicators sit near England's (reference/indicators.md).
/** Chance a child's referral follows an earlier episode closed within the year before it. */
const P_REREFERRAL = 0.26;
/** Chance a child on a plan who is old enough had an earlier plan (England: ~23% of plans). */
const P_REPEAT_PLAN = 0.36;
/** Chance a closed case of 150 days or more included a protection plan. */
const P_CLOSED_WITH_PLAN = 0.3;
/** Chance a referral for abuse or neglect led to a section 47 enquiry that found no need for a conference. */
const P_S47_NFA = 0.3;
/** Chance a closed child was referred again later and the referral went no further. */
const P_LATER_NFA = 0.15;
/** Chance an open plan's visits lapsed lately, so a visit is overdue today. */
const P_VISITS_LAPSED = 0.1;
/** Plans older than this many days keep their dates but not their visits and reviews. */
const DETAIL_DAYS = 800;
/** ...and ended plans only when they ended in the last 200 days. */
const DETAIL_ENDED_DAYS = 200;
/**
 * An open child in need plan older than this was renewed at a review (now and then after an
 * updated assessment) four to seven months ago; its visits and reviews are recorded from then.
 */
const OPEN_PLAN_DAYS = 210;

const CLOSURE_AFTER_PLAN = WeightedPicker.of<string>([
  ['RC7', 90],
  ['RC5', 5],
  ['RC3', 2],
  ['RC4', 2],
  ['RC6', 1],
]);

type Episode = { id: string; row: Insertable<CinEpisodeTable>; referral: number; closure: number | null; need: string };
type Assessed = { start: number; completed: number | null; authorised: number | null };
type Context = { rows: PathwayRows; child: SeedChild; carer: string; pronouns: Pronouns; allocations: readonly SeedAllocation[] };

export class PathwayGenerator {
  private readonly days: WorkingDays;
  private readonly asOf: number;
  private ctx: Context | null = null;

  constructor(
    private readonly cfg: PathwayConfig,
    private readonly rng: Rng,
    private readonly ids: Rng,
  ) {
    this.asOf = cfg.asOf;
    this.days = new WorkingDays(cfg.asOf - 30 * 365, cfg.asOf + 366);
  }

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

  private get c(): Context {
    return this.ctx as Context;
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

  // ---- Steps ----

  private need(): string {
    const child = this.c.child;
    if (child.uasc) return 'N8';
    return PRIMARY_NEEDS.pick(this.rng);
  }

  /** Opens an episode from a contact decided as a referral on `R`. */
  private openEpisode(episodes: Episode[], R: number, need: string, harm: boolean, nfa = false): Episode {
    const { rng, days } = this;
    const { rows, child } = this.c;
    const source = child.uasc ? (rng.chance(0.6) ? '6' : '5C') : REFERRAL_SOURCES.pick(rng);
    const dayBefore = days.add(R, -1);
    const received = rng.chance(0.8) || harm || (child.dob !== null && dayBefore < child.dob) ? R : dayBefore;
    const concern = this.text(concernFor(need, (items) => rng.pick(items)));
    const contactId = this.ids.uuid();
    const id = this.ids.uuid();
    const yearBefore = addMonths(R, -12);
    const last = episodes[episodes.length - 1];
    const reason = this.text(rng.pick(DECISION_REASONS[harm ? 'referral-harm' : 'referral']));
    this.pushContact(contactId, received, source, concern, harm, 'referral', R, reason, id, false);
    const row: Insertable<CinEpisodeTable> = {
      la_code: this.cfg.laCode,
      episode_id: id,
      child_id: child.personId,
      contact_id: contactId,
      referral_date: isoOf(R),
      referral_source: source,
      primary_need: need,
      referral_nfa: nfa,
      referrals_previous_12_months: episodes.filter((e) => e.referral >= yearBefore).length,
      previous_episode_id: last && last.closure !== null && last.closure >= yearBefore ? last.id : null,
      closure_date: null,
      closure_reason: null,
      closure_decision_id: null,
      created_by: null,
      created_at: this.at(R),
    };
    rows.cin_episode.push(row);
    const ep: Episode = { id, row, referral: R, closure: null, need };
    episodes.push(ep);
    const from = REFERRAL_SOURCE[source as keyof typeof REFERRAL_SOURCE];
    const what = nfa ? 'Referral: no further action' : `Referral accepted: ${PRIMARY_NEED[need as keyof typeof PRIMARY_NEED]}`;
    this.chron(R, 'referral', `${what}. Contact from ${from}: ${concern} ${reason}`, 'cin-episode', id);
    return ep;
  }

  /** Contacts about the child, in the year or so before a referral, that went no further. */
  private contactsBefore(R: number, previousClosure: number | null): void {
    const { rng, asOf } = this;
    const child = this.c.child;
    const r = rng.next();
    const n = r < 0.25 ? 0 : r < 0.52 ? 1 : r < 0.76 ? 2 : r < 0.9 ? 3 : 4;
    const earliest = Math.max(previousClosure === null ? -Infinity : previousClosure + 7, child.dob ?? R - 150, asOf - 1100);
    const dates: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = R - rng.between(7, 300);
      if (d >= earliest) dates.push(d);
    }
    dates.sort((a, b) => a - b);
    for (const d of dates) this.contact(d, null);
  }

  /** A contact decided as no further action or early help (or not yet decided). */
  private contact(received: number, need: string | null): void {
    const { rng, days, asOf } = this;
    const source = REFERRAL_SOURCES.pick(rng);
    const concern = this.text(concernFor(need, (items) => rng.pick(items)));
    const r = rng.next();
    let decided: number | null = r < 0.55 ? days.add(received, 0) : r < 0.91 ? days.add(received, 1) : days.add(received, rng.between(2, 5));
    if (decided > asOf || (asOf - received <= 21 && rng.chance(0.35))) decided = null;
    const decision = rng.chance(0.55) ? 'nfa' : 'early-help';
    const reason = decided === null ? null : this.text(rng.pick(DECISION_REASONS[decision]));
    this.pushContact(this.ids.uuid(), received, source, concern, false, decided === null ? null : decision, decided, reason, null);
  }

  private pushContact(
    contactId: string,
    received: number,
    source: string,
    concern: string,
    harm: boolean,
    decision: 'nfa' | 'early-help' | 'referral' | null,
    decided: number | null,
    reason: string | null,
    episodeId: string | null,
    chronicle = true,
  ): void {
    const { rows, child } = this.c;
    const receivedAt = timestampOf(received, this.rng.between(8, 17), this.rng.int(60));
    rows.contact.push({
      la_code: this.cfg.laCode,
      contact_id: contactId,
      child_id: child.personId,
      received_at: receivedAt,
      received_on: isoOf(received),
      source,
      presenting_concern: concern,
      significant_harm_suspected: harm,
      decision,
      decided_on: decided === null ? null : isoOf(decided),
      decided_by: null,
      decision_reason: reason,
      episode_id: episodeId,
      recorded_by: null,
      recorded_at: receivedAt,
    });
    const from = `Contact from ${REFERRAL_SOURCE[source as keyof typeof REFERRAL_SOURCE]}: ${concern}`;
    const outcome = decision === 'referral' ? '' : decision === null ? ' Awaiting a decision.' : ` Decision: ${CONTACT_DECISION[decision]} — ${reason ?? ''}`;
    if (chronicle) this.chron(received, 'contact', `${from}${outcome}`, 'contact', contactId);
  }

  /**
   * An assessment from the referral: authorised within 45 working days mostly, a tail later
   * (with a reason), and still in progress when it would finish after `asOf`. `completeBy`
   * brings the finish forward (to a strategy discussion); `ceiling` bounds it (a closed case).
   */
  private assess(ep: Episode, R: number, opts: { outcome: (completed: number) => string; completeBy?: number | undefined; ceiling?: number }): Assessed {
    const { rng, days, asOf } = this;
    const { rows, child } = this.c;
    // Recent referrals meet a backlog: more of them run late (some are overdue today).
    const late = rng.chance(asOf - R < 110 ? 0.2 : 0.11);
    const D = late ? rng.between(46, 70) : 45 - Math.floor(rng.next() ** 1.4 * 33);
    let start = days.add(R, rng.chance(0.55) ? 0 : rng.between(1, 3));
    let authorised = days.add(R, D);
    const bound = Math.min(opts.completeBy ?? Infinity, opts.ceiling ?? Infinity);
    if (authorised > bound) authorised = Math.max(R, days.onOrBefore(bound));
    if (start > asOf) start = Math.max(R, days.onOrBefore(asOf));
    if (start > authorised) start = R;
    if (authorised < start) authorised = start;
    let completed: number | null = Math.max(start, days.add(authorised, -rng.between(0, 2)));
    let authorisedOn: number | null = authorised;
    if (authorised > asOf) {
      authorisedOn = null;
      if (completed > asOf || rng.chance(0.6)) completed = null;
    }
    const seenDay = days.add(start, rng.between(0, 5));
    const seen = seenDay <= Math.min(completed ?? asOf, asOf) && child.dob !== null && seenDay >= child.dob ? seenDay : null;
    const age = seen === null ? null : ageOn(child.dob as number, seen);
    const outcome = completed === null ? null : opts.outcome(completed);
    const id = this.ids.uuid();
    const wdFromReferral = authorisedOn === null ? 0 : days.between(R, authorisedOn);
    const lateReason = authorisedOn !== null && wdFromReferral > 45 ? rng.pick(LATE_REASONS) : null;
    rows.assessment.push({
      la_code: this.cfg.laCode,
      assessment_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      start_date: isoOf(start),
      child_seen_on: seen === null ? null : isoOf(seen),
      child_seen_alone: seen === null ? null : age !== null && age >= 5 && rng.chance(0.65),
      factors: completed === null ? [] : this.factors(ep.need, outcome),
      completed_on: completed === null ? null : isoOf(completed),
      outcome,
      authorised_on: authorisedOn === null ? null : isoOf(authorisedOn),
      authorised_by: authorisedOn === null ? null : this.cfg.managerUserId,
      late_reason: lateReason,
      created_by: null,
      created_at: this.at(start),
    });
    if (completed !== null && outcome !== null) {
      const what = ASSESSMENT_OUTCOME[outcome as keyof typeof ASSESSMENT_OUTCOME];
      const by =
        authorisedOn === null
          ? '; awaiting a manager’s authorisation'
          : `; authorised by the team manager${authorisedOn > completed ? ` on ${isoOf(authorisedOn)}` : ''}${lateReason ? ` (late: ${lateReason})` : ''}`;
      this.chron(completed, 'assessment', `Assessment (started ${isoOf(start)}) completed: ${what}${by}`, 'assessment', id);
    } else this.chron(start, 'assessment', 'Assessment started', 'assessment', id);
    return { start, completed, authorised: authorisedOn };
  }

  /**
   * An updated assessment within a long episode, authorised on `on`. It starts after the one
   * before it was authorised (`after`): two open at once in an episode is CIN census error 8896.
   */
  private reassess(ep: Episode, on: number, after: number): void {
    const { rng, days } = this;
    const { rows, child } = this.c;
    const start = Math.min(on, Math.max(ep.referral, days.add(after, 1), days.add(on, -rng.between(15, 35))));
    const completed = Math.max(start, days.add(on, -rng.between(0, 1)));
    const seen = days.add(start, rng.between(0, 5));
    const age = child.dob === null || seen < child.dob ? null : ageOn(child.dob, seen);
    const id = this.ids.uuid();
    rows.assessment.push({
      la_code: this.cfg.laCode,
      assessment_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      start_date: isoOf(start),
      child_seen_on: age === null || seen > completed ? null : isoOf(seen),
      child_seen_alone: age === null || seen > completed ? null : age >= 5 && rng.chance(0.7),
      factors: this.factors(ep.need, 'child-in-need-plan'),
      completed_on: isoOf(completed),
      outcome: 'child-in-need-plan',
      authorised_on: isoOf(on),
      authorised_by: this.cfg.managerUserId,
      late_reason: null,
      created_by: null,
      created_at: this.at(start),
    });
    this.chron(completed, 'assessment', 'Updated assessment completed: Child in need plan; authorised by the team manager', 'assessment', id);
  }

  /** An updated assessment started on `start` and not yet completed. */
  private assessmentUnderWay(ep: Episode, start: number): void {
    const { rows, child } = this.c;
    const id = this.ids.uuid();
    rows.assessment.push({
      la_code: this.cfg.laCode,
      assessment_id: id,
      episode_id: ep.id,
      child_id: child.personId,
      start_date: isoOf(start),
      child_seen_on: null,
      child_seen_alone: null,
      factors: [],
      completed_on: null,
      outcome: null,
      authorised_on: null,
      authorised_by: null,
      late_reason: null,
      created_by: null,
      created_at: this.at(start),
    });
    this.chron(start, 'assessment', 'Updated assessment started: circumstances have changed', 'assessment', id);
  }

  private factors(need: string, outcome: string | null): string[] {
    const { rng } = this;
    const child = this.c.child;
    if (child.uasc) return rng.chance(0.3) ? ['9A', '4A'] : ['9A'];
    if (rng.chance(outcome === 'no-further-action' ? 0.35 : 0.03)) return ['21'];
    const out = new Set<string>();
    if (need === 'N2') out.add(rng.chance(0.6) ? '5A' : '6A');
    const n = rng.chance(0.35) ? 1 : rng.chance(0.6) ? 2 : 3;
    while (out.size < n) out.add(FACTORS.pick(rng));
    return [...out];
  }

  /** A strategy discussion that led to a section 47 enquiry which found no need for a conference. */
  private s47NoConference(ep: Episode, S: number, closure: number | null): void {
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
  private strategy(ep: Episode, held: number, decision: 'section-47' | 'no-section-47'): string | null {
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
  private protection(ep: Episode, S: number, I: number, target: number | null, previousPlans: number): number | null {
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

  private planEnding(): { reason: string; whatChanged: string; weeks: number } {
    const { rng } = this;
    return { reason: rng.pick(PLAN_END_REASONS), whatChanged: this.text(rng.pick(WHAT_CHANGED)), weeks: rng.between(8, 30) };
  }

  private conference(
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

  private coreGroup(planId: string, held: number): void {
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
  private cinPlan(ep: Episode, start: number, end: number | null, endText: string | null, detail = true): void {
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

  private cinReview(planId: string, held: number): void {
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
  private visits(
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

  private visit(ep: Episode, purpose: 'child-protection' | 'child-in-need', day: number, found: boolean, chronicle: boolean): void {
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
  private close(ep: Episode, day: number, reason: string, planEnd: number | null, referralNfa = false): void {
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

  // ---- Helpers ----

  /** Working days from strategy discussion to initial conference: median about 14, 10–15% later than 15. */
  private icpcGap(): number {
    const { rng } = this;
    return rng.chance(0.87) ? 15 - Math.floor(rng.next() ** 2 * 8) : 16 + Math.floor(rng.next() ** 1.7 * 15);
  }

  private words(day: number): string {
    const child = this.c.child;
    const age = child.dob === null || day < child.dob ? null : ageOn(child.dob, day);
    return this.text(childWords((items) => this.rng.pick(items), age));
  }

  private text(template: string): string {
    const { child, carer, pronouns } = this.c;
    return fill(template, child.givenName, carer, pronouns);
  }

  private chairOn(day: number): string {
    const chairs = this.cfg.chairs;
    if (chairs.length === 0) return 'Conference chair';
    const inPost = chairs.filter((c) => c.start <= day && (c.leave === null || c.leave > day));
    return this.rng.pick(inPost.length > 0 ? inPost : chairs).name;
  }

  private workerOn(day: number): string | null {
    let found: string | null = null;
    for (const a of this.c.allocations) if (a.start <= day && (a.end === null || a.end > day)) found = a.workerId;
    return found;
  }

  private at(day: number): string {
    return timestampOf(day, this.rng.between(8, 17), this.rng.int(60));
  }

  private chron(day: number, category: string, summary: string, recordType: string, recordId: string): void {
    const { rows, child } = this.c;
    rows.chronology_entry.push({
      la_code: this.cfg.laCode,
      entry_id: this.ids.uuid(),
      child_id: child.personId,
      occurred_on: isoOf(day),
      category,
      summary,
      record_type: recordType,
      record_id: recordId,
      recorded_by: null,
      recorded_at: this.at(day),
    });
  }
}
