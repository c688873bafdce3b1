/**
 * The ground the children-in-need and child-protection history generator stands on (pathways.ts):
 * the rows it writes, its rates, and the helpers every step uses (dates, words, chairs, workers,
 * chronology). The steps are in pathway-casework.ts and pathway-protection.ts.
 */
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
import { WorkingDays } from './days.ts';
import type { SeedChild } from './model.ts';
import { ageOn, type Rng, timestampOf, WeightedPicker } from './rng.ts';
import { childWords, fill, type Pronouns } from './texts.ts';
import { caseEntry } from './trail.ts';

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
export const P_REREFERRAL = 0.26;
/** Chance a child on a plan who is old enough had an earlier plan (England: ~23% of plans). */
export const P_REPEAT_PLAN = 0.36;
/** Chance a closed case of 150 days or more included a protection plan. */
export const P_CLOSED_WITH_PLAN = 0.3;
/** Chance a referral for abuse or neglect led to a section 47 enquiry that found no need for a conference. */
export const P_S47_NFA = 0.3;
/** Chance a closed child was referred again later and the referral went no further. */
export const P_LATER_NFA = 0.15;
/** Chance an open plan's visits lapsed lately, so a visit is overdue today. */
export const P_VISITS_LAPSED = 0.1;
/** Plans older than this many days keep their dates but not their visits and reviews. */
export const DETAIL_DAYS = 800;
/** ...and ended plans only when they ended in the last 200 days. */
export const DETAIL_ENDED_DAYS = 200;
/**
 * An open child in need plan older than this was renewed at a review (now and then after an
 * updated assessment) four to seven months ago; its visits and reviews are recorded from then.
 */
export const OPEN_PLAN_DAYS = 210;

export const CLOSURE_AFTER_PLAN = WeightedPicker.of<string>([
  ['RC7', 90],
  ['RC5', 5],
  ['RC3', 2],
  ['RC4', 2],
  ['RC6', 1],
]);

export type Episode = { id: string; row: Insertable<CinEpisodeTable>; referral: number; closure: number | null; need: string };
export type Assessed = { start: number; completed: number | null; authorised: number | null };
export type Context = { rows: PathwayRows; child: SeedChild; carer: string; pronouns: Pronouns; allocations: readonly SeedAllocation[] };

export abstract class PathwayBase {
  protected readonly days: WorkingDays;
  protected readonly asOf: number;
  protected ctx: Context | null = null;

  constructor(
    protected readonly cfg: PathwayConfig,
    protected readonly rng: Rng,
    protected readonly ids: Rng,
  ) {
    this.asOf = cfg.asOf;
    this.days = new WorkingDays(cfg.asOf - 30 * 365, cfg.asOf + 366);
  }

  protected get c(): Context {
    return this.ctx as Context;
  }

  /** Working days from strategy discussion to initial conference: median about 14, 10–15% later than 15. */
  protected icpcGap(): number {
    const { rng } = this;
    return rng.chance(0.87) ? 15 - Math.floor(rng.next() ** 2 * 8) : 16 + Math.floor(rng.next() ** 1.7 * 15);
  }

  protected words(day: number): string {
    const child = this.c.child;
    const age = child.dob === null || day < child.dob ? null : ageOn(child.dob, day);
    return this.text(childWords((items) => this.rng.pick(items), age));
  }

  protected text(template: string): string {
    const { child, carer, pronouns } = this.c;
    return fill(template, child.givenName, carer, pronouns);
  }

  protected chairOn(day: number): string {
    const chairs = this.cfg.chairs;
    if (chairs.length === 0) return 'Conference chair';
    const inPost = chairs.filter((c) => c.start <= day && (c.leave === null || c.leave > day));
    return this.rng.pick(inPost.length > 0 ? inPost : chairs).name;
  }

  protected workerOn(day: number): string | null {
    let found: string | null = null;
    for (const a of this.c.allocations) if (a.start <= day && (a.end === null || a.end > day)) found = a.workerId;
    return found;
  }

  protected at(day: number): string {
    return timestampOf(day, this.rng.between(8, 17), this.rng.int(60));
  }

  protected chron(day: number, category: string, summary: string, recordType: string, recordId: string): void {
    const { rows, child } = this.c;
    rows.chronology_entry.push(caseEntry(this.cfg.laCode, this.ids.uuid(), child.personId, day, { category, summary, recordType, recordId }, this.at(day)));
  }
}
