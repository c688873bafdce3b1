// What a timescale rule is: its interval (DueRule), who owes it, and the row
// shape the per-area tables are written in. Types and builders only.

export type DueRule =
  | { unit: 'working-days'; n: number }
  | { unit: 'days'; n: number } // calendar days
  | { unit: 'weeks'; n: number }
  | { unit: 'months'; n: number } // calendar months, month-end clamp
  | { unit: 'hours'; n: number }
  | { unit: 'by-event'; event: string; description: string }; // e.g. permanence plan "by the second review"

export type RuleKind = 'statute' | 'guidance' | 'policy';

export type Responsible = 'allocated-social-worker' | 'team-manager' | 'iro' | 'front-door' | 'personal-adviser' | 'director' | 'supervisor';

export type RuleArea = 'children-in-need' | 'child-protection' | 'looked-after' | 'care-leavers' | 'workforce' | 'private-fostering' | 'legal' | 'fostering';

export interface TimescaleRule {
  /** Exactly as in timescales.md, e.g. 'icpc'. */
  id: string;
  area: RuleArea;
  /** "What must happen", in the reference's words. */
  what: string;
  /** "Counted from", in the reference's words. */
  countedFrom: string;
  /** The default; see `notes` where the interval varies. */
  due: DueRule;
  kind: RuleKind;
  /** The source column, verbatim. */
  source: string;
  responsible: Responsible;
  /** Council setting key. Policy rules take any value; statute and guidance only a stricter one. */
  setting?: string;
  notes?: string;
}

// Builders the tables use, so a row reads like the reference: due: workingDays(45).
export const workingDays = (n: number): DueRule => ({ unit: 'working-days', n });
export const days = (n: number): DueRule => ({ unit: 'days', n });
export const weeks = (n: number): DueRule => ({ unit: 'weeks', n });
export const months = (n: number): DueRule => ({ unit: 'months', n });
export const hours = (n: number): DueRule => ({ unit: 'hours', n });

/** A table row: every countable rule gets a setting key unless `settable: false` (the law's own interval). */
export type RuleRow = Omit<TimescaleRule, 'setting'> & { settable?: false };
