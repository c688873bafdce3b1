// What an indicator is: its unit, whether it counts a period or a snapshot, its area, and the
// words a performance analyst checks against reference/indicators.md.

/**
 * percent: numerator ÷ denominator × 100; per-10k: count ÷ the council's population aged 0–17 ×
 * 10,000; count: a number of things; average: numerator ÷ denominator (e.g. cases per FTE);
 * median-days: the median of a number of days; median-weeks: the median of a number of weeks.
 */
export const INDICATOR_UNITS = ['percent', 'per-10k', 'count', 'average', 'median-days', 'median-weeks'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** period: counted over the months ending on the as-of date; snapshot: on the as-of date itself. */
export const INDICATOR_MEASURES = ['period', 'snapshot'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const INDICATOR_AREA_IDS = ['front-door', 'child-protection', 'looked-after', 'care-leavers', 'workforce', 'legal', 'fostering'] as const;
export type IndicatorArea = (typeof INDICATOR_AREA_IDS)[number];

export interface IndicatorDefinition {
  /** As in indicators.md: used in the API, `lantern kpi`, dashboards and improvement-plan measures. */
  id: string;
  area: IndicatorArea;
  title: string;
  /** The definition in full, as an analyst would check it. */
  definition: string;
  numerator: string;
  /** What the numerator is divided by; null for counts and medians. */
  denominator: string | null;
  unit: IndicatorUnit;
  measure: IndicatorMeasure;
  /** The tables (and obligations) it is counted from. */
  source: string;
  /** For counts that are also published per 10,000 children (referrals, section 47 enquiries). */
  alsoPer10k?: boolean;
  /** true: a higher value is better; false: lower is better; null: neither (a volume). */
  higherIsBetter: boolean | null;
  /** The latest England figure in indicators.md, for orientation. */
  england: { value: number; year: string; note?: string } | null;
  /** Where Lantern follows the DfE's published definition over the reference's wording, and why. */
  dfeNote?: string;
  /**
   * Which of the counts are of children (or people), and so are suppressed at 1 to 5 for those
   * without case access. Defaults: a percentage both, every other unit its numerator; an average
   * must say (days to adoption counts children in its denominator, a caseload in its numerator).
   */
  smallCountsIn?: readonly ('numerator' | 'denominator')[];
}

export const INDICATOR_AREAS: Record<IndicatorArea, string> = {
  'front-door': 'Front door and assessment',
  'child-protection': 'Child protection',
  'looked-after': 'Children looked after',
  'care-leavers': 'Care leavers',
  workforce: 'Workforce and oversight',
  legal: 'Legal planning and proceedings',
  fostering: 'Fostering',
};
