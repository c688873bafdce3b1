// Statutory and practice timescales, as data: one TimescaleRule per row of
// reference/timescales.md, in its order and in its words, plus pure
// functions that turn a rule and a start date into a due date and a state.
// No clock and no I/O: "today" is always passed in as `asOf`.
//
// The public face of timescales/: what a rule is (rule.ts), the rows per area
// (children, looked-after, legal-fostering, leavers-workforce, local) joined in
// catalogue.ts, due dates and states (due.ts), council settings (settings.ts)
// and intervals that change with circumstances (intervals.ts).

export { LOCAL_RULE_IDS, RULE_LABELS, ruleById, TIMESCALE_RULES } from './timescales/catalogue.ts';
export { daysOverdue, dueDate, OBLIGATION_STATE_LABELS, type ObligationState, obligationState, workingDaysOverdue } from './timescales/due.ts';
export {
  asyeSupervisionInterval,
  claVisitInterval,
  claVisitWithParentInterval,
  healthAssessmentReviewInterval,
  paVisitInterval,
  privateFosteringVisitInterval,
  type WithParentArrangement,
} from './timescales/intervals.ts';
export type { DueRule, Responsible, RuleArea, RuleKind, TimescaleRule } from './timescales/rule.ts';
export { checkSetting, effectiveDue, type TimescaleSettings } from './timescales/settings.ts';
