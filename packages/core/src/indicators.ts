// Performance indicators, as data: each one defined once, in words a performance analyst can
// check against reference/indicators.md and the DfE's published definitions, plus the
// pure arithmetic every indicator shares (its period, its value, small-number suppression,
// whether a target is met). The SQL that counts each indicator from the record lives in the
// server (areas/performance/indicators.ts), one function per id.

import { addCalendarMonths, addDays, type IsoDate } from './calendar.ts';
import { FOSTERING_INDICATORS } from './indicators-fostering.ts';

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

export const INDICATORS: readonly IndicatorDefinition[] = [
  // Front door and assessment
  {
    id: 'contacts',
    area: 'front-door',
    title: 'Contacts received',
    definition: 'Contacts received in the period (by the date in England the contact arrived).',
    numerator: 'contacts with a received date in the period',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'contact.received_on',
    higherIsBetter: null,
    england: null,
  },
  {
    id: 'contact-decisions-1wd',
    area: 'front-door',
    title: 'Contacts decided within 1 working day',
    definition:
      'Of contacts received in the period that had been decided by the as-of date or whose one working day had run out, the percentage decided on or before the first working day after the day received (a contact on a weekend or bank holiday is due on the next working day).',
    numerator: 'those decided on or before the first working day after receipt',
    denominator: 'contacts received in the period, decided or past their one working day on the as-of date',
    unit: 'percent',
    measure: 'period',
    source: 'contact.received_on, contact.decided_on; calendar_day',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'referrals',
    area: 'front-door',
    title: 'Referrals',
    definition: 'Referrals (child-in-need episodes started) with a referral date in the period; also per 10,000 children aged 0–17.',
    numerator: 'child-in-need episodes with a referral date in the period',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'cin_episode.referral_date',
    alsoPer10k: true,
    higherIsBetter: null,
    england: { value: 633000, year: '2024-25', note: 'approximately' },
  },
  {
    id: 're-referrals-12m',
    area: 'front-door',
    title: 'Re-referrals within 12 months',
    definition:
      'Of referrals in the period, the percentage for a child with an earlier referral dated on or after the date 12 calendar months before this one (counted per referral, not per child). 12 months before 29 February is 28 February.',
    numerator: 'referrals whose child had an earlier referral on or after the date 12 calendar months before',
    denominator: 'referrals in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cin_episode.referral_date (the child’s earlier episodes)',
    higherIsBetter: false,
    england: { value: 22.6, year: '2024-25' },
  },
  {
    id: 'referrals-nfa',
    area: 'front-door',
    title: 'Referrals ending in no further action',
    definition: 'Of referrals in the period, the percentage recorded as ending in no further action (the CIN census ReferralNFA flag).',
    numerator: 'referrals in the period with referral NFA recorded',
    denominator: 'referrals in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cin_episode.referral_nfa',
    higherIsBetter: false,
    england: { value: 8, year: '2024-25', note: 'approximately' },
  },
  {
    id: 'early-help-stepped-up-12m',
    area: 'front-door',
    title: 'Stepped up to social care within 12 months of early help ending',
    definition:
      'Of early help episodes that ended in the period, the percentage where the child was referred to children’s social care on or after the day early help ended and within 12 calendar months of it (a step-up at the end counts), by the as-of date. A recent ending has had less time to come back, so a month’s figure can rise later.',
    numerator: 'episodes whose child had a referral (a child-in-need episode) from the day early help ended to 12 months after, on or before the as-of date',
    denominator: 'early help episodes that ended in the period',
    unit: 'percent',
    measure: 'period',
    source: 'early_help_episode.ended_on, cin_episode.referral_date',
    higherIsBetter: false,
    england: null,
    dfeNote: 'Not a DfE measure: Lantern’s own, from the early help record (issue 20).',
  },
  {
    id: 're-referrals-after-step-down',
    area: 'front-door',
    title: 'Re-referrals within 12 months of a step-down to early help',
    definition:
      'Of children stepped down to early help in the period (an early help episode begun from a closed child in need episode: closed with RC9 or stepped down), the percentage referred to children’s social care again within 12 calendar months of the step-down, by the as-of date.',
    numerator: 'step-downs whose child had a referral after the step-down and within 12 months of it, on or before the as-of date',
    denominator: 'early help episodes begun from a closed child in need episode in the period',
    unit: 'percent',
    measure: 'period',
    source: 'early_help_episode.started_on and cin_episode_id, cin_episode.referral_date',
    higherIsBetter: false,
    england: null,
    dfeNote: 'Not a DfE measure: Lantern’s own, from the early help record (issue 20).',
  },
  {
    id: 'assessments-45wd',
    area: 'front-door',
    title: 'Assessments authorised within 45 working days of referral',
    definition:
      'Of assessments authorised in the period, the percentage authorised on or before the 45th working day after the episode’s referral date (the Working Together measure).',
    numerator: 'those authorised on or before the 45th working day after the referral date',
    denominator: 'assessments authorised in the period',
    unit: 'percent',
    measure: 'period',
    source: 'assessment.authorised_on, cin_episode.referral_date; calendar_day',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'assessments-45d-from-start',
    area: 'front-door',
    title: 'Assessments completed within 45 working days of their start',
    definition:
      'Of assessments authorised in the period, the percentage whose duration from the assessment’s own start date to its authorisation is 45 working days or less (the DfE’s published measure).',
    numerator: 'those authorised on or before the 45th working day after the assessment’s start date',
    denominator: 'assessments authorised in the period',
    unit: 'percent',
    measure: 'period',
    source: 'assessment.start_date, assessment.authorised_on; calendar_day',
    higherIsBetter: true,
    england: { value: 85.7, year: '2024-25' },
    dfeNote:
      'The DfE’s children-in-need tables count the duration from the assessment start date to the date it was authorised, in working days; an assessment that took exactly 45 counts as within.',
  },
  // Child protection
  {
    id: 's47-enquiries',
    area: 'child-protection',
    title: 'Section 47 enquiries started',
    definition: 'Section 47 enquiries with a start date in the period; also per 10,000 children aged 0–17.',
    numerator: 'section 47 enquiries started in the period',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'section47.start_date',
    alsoPer10k: true,
    higherIsBetter: null,
    england: { value: 225400, year: '2022-23', note: '191.6 per 10,000' },
  },
  {
    id: 'icpc-15wd',
    area: 'child-protection',
    title: 'Initial conferences within 15 working days',
    definition:
      'Of initial child protection conferences held in the period, the percentage held on or before the 15th working day after the strategy discussion counted from: the last strategy discussion deciding on a section 47 enquiry, held on or after the one that started the enquiry and on or before the conference (Working Together 2023, and the timescales engine).',
    numerator: 'initial conferences held on or before the 15th working day after that strategy discussion',
    denominator: 'initial conferences held in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cp_conference (initial), section47.strategy_id, strategy_discussion.held_on; calendar_day',
    higherIsBetter: true,
    england: null,
    dfeNote:
      'indicators.md counts from the strategy discussion that started the enquiry; Working Together counts from the last one where several were held. Lantern follows Working Together, as the deadline on the worklist does, so the indicator and the worklist agree. See docs/indicators.md.',
  },
  {
    id: 'cp-rate',
    area: 'child-protection',
    title: 'Children on a protection plan, per 10,000',
    definition:
      'Children on a child protection plan on the snapshot date (plan started on or before it and not ended on or before it) per 10,000 children aged 0–17.',
    numerator: 'children on a plan on the snapshot date',
    denominator: 'the council’s population aged 0–17 ÷ 10,000',
    unit: 'per-10k',
    measure: 'snapshot',
    source: 'cp_plan.start_date, cp_plan.end_date; council setting population-0-17',
    higherIsBetter: null,
    england: { value: 40.6, year: '31 March 2025', note: '49,420 children' },
    dfeNote: 'As in the CIN census, a plan that ended on 31 March is not open at 31 March.',
  },
  {
    id: 'cp-repeat',
    area: 'child-protection',
    title: 'Second or later protection plans',
    definition:
      'Of plans started in the period, the percentage that are a second or later plan for the child, however long ago the earlier one (an earlier plan in the record, or earlier plans recorded as the child’s history).',
    numerator: 'plans started in the period with an earlier plan for the child',
    denominator: 'plans started in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cp_plan.start_date, cp_plan.previous_plans',
    higherIsBetter: false,
    england: { value: 23, year: '2024-25', note: 'approximately' },
  },
  {
    id: 'cp-repeat-2y',
    area: 'child-protection',
    title: 'Repeat plans within 2 years',
    definition: 'Of plans started in the period, the percentage for a child whose previous plan ended within 2 years before this one started.',
    numerator: 'plans started in the period whose child’s previous plan ended on or after the date 2 years before this start',
    denominator: 'plans started in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cp_plan.start_date, cp_plan.end_date',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'cp-lasting-2y',
    area: 'child-protection',
    title: 'Plans that lasted 2 years or more',
    definition: 'Of plans ended in the period, the percentage that lasted 2 years or more (ended on or after the second anniversary of the start).',
    numerator: 'plans ended in the period on or after the second anniversary of their start',
    denominator: 'plans ended in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cp_plan.start_date, cp_plan.end_date',
    higherIsBetter: false,
    england: { value: 4.4, year: '2024-25' },
  },
  {
    id: 'cp-visits-in-time',
    area: 'child-protection',
    title: 'Protection visits in time',
    definition:
      'Of cp-visit obligations falling due in the period (and by the as-of date), the percentage met on or before their due date. Obligations whose need ended before they fell due (plan ended) are not counted.',
    numerator: 'cp-visit obligations met on or before the due date',
    denominator: 'cp-visit obligations due in the period, not ended before falling due',
    unit: 'percent',
    measure: 'period',
    source: 'obligation (rule cp-visit)',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'cp-reviews-in-time',
    area: 'child-protection',
    title: 'Review conferences in time',
    definition:
      'Of review child protection conferences held in the period, the percentage held on time: the first within 3 months of the plan’s start (the initial conference), each later one within 6 months of the previous review (Working Together’s intervals, not the council’s own, so closed periods do not move).',
    numerator: 'review conferences held on or before their due date',
    denominator: 'review conferences held in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cp_conference (review), cp_plan.start_date',
    higherIsBetter: true,
    england: { value: 90, year: '2024-25', note: 'approximately' },
  },
  // Children looked after (those the current record supports; the rest join with their areas)
  {
    id: 'cla-rate',
    area: 'looked-after',
    title: 'Children looked after, per 10,000',
    definition:
      'Children looked after on the snapshot date (an episode of care started on or before it and not ended on or before it, other than an agreed series of short breaks, legal status V3 or V4) per 10,000 children aged 0–17.',
    numerator: 'children looked after on the snapshot date',
    denominator: 'the council’s population aged 0–17 ÷ 10,000',
    unit: 'per-10k',
    measure: 'snapshot',
    source: 'cla_episode.start_date, cla_episode.end_date; council setting population-0-17',
    higherIsBetter: null,
    england: { value: 67, year: '31 March 2025', note: '81,770 children' },
    dfeNote:
      'As in the DfE’s figures for children looked after at 31 March: a child whose episode ended on 31 March is not counted, nor are children looked after only under an agreed series of short breaks (V3, V4).',
  },
  {
    id: 'cla-3-placements',
    area: 'looked-after',
    title: 'Children looked after with 3 or more placements',
    definition:
      'Of children looked after on the snapshot date, the percentage with 3 or more placements in the 12 months ending on it (every placement the child was in on any day of those months counts; a placement left on the first day of the months does not). 12 months ending 29 February 2024 begin on 1 March 2023.',
    numerator: 'those with 3 or more distinct placements open in the 12 months',
    denominator: 'children looked after on the snapshot date, other than those on short breaks only',
    unit: 'percent',
    measure: 'snapshot',
    source: 'cla_episode.placement_id, start_date, end_date, legal_status',
    higherIsBetter: false,
    england: { value: 10, year: '31 March 2025', note: 'approximately' },
    dfeNote: 'As in the DfE’s placement-stability measure, children whose only care is a series of short breaks (legal status V3, V4) are left out.',
  },
  {
    id: 'cla-long-term-stability',
    area: 'looked-after',
    title: 'Long-term placement stability',
    definition:
      'Of children under 16 on the snapshot date who had been looked after continuously (in the same period of care, not on short breaks only) for 2.5 years or more, the percentage who had been in the same placement for 2 years or more, or who were placed for adoption (placement types A3–A6) and whose adoptive placement and the placement before it together had lasted 2 years or more. 2 years before 29 February 2036 is 28 February 2034; 2.5 years is 30 calendar months.',
    numerator: 'those in the same placement (or the adoptive placement and the one before it) since 2 years or more before the snapshot date',
    denominator: 'children under 16 looked after continuously since 30 months or more before the snapshot date',
    unit: 'percent',
    measure: 'snapshot',
    source: 'cla_episode.placement_id, placement_type, start_date, end_date, legal_status; care_period.start_date; person.date_of_birth',
    higherIsBetter: true,
    england: { value: 69, year: '31 March 2025' },
    dfeNote:
      'As in the DfE’s long-term stability measure: a placement is the same while its placement id is unchanged (a change of legal status alone opens a new 903 episode but not a new placement), and a child placed for adoption counts their adoptive placement with the one before it.',
  },
  {
    id: 'cla-visits-in-time',
    area: 'looked-after',
    title: 'Looked-after visits in time',
    definition:
      'Of looked-after visit obligations falling due in the period (and before the as-of date), the percentage met on or before their due date. Obligations whose need ended before they fell due are not counted.',
    numerator: 'looked-after visit obligations met on or before the due date',
    denominator: 'looked-after visit obligations due in the period, not ended before falling due',
    unit: 'percent',
    measure: 'period',
    source: 'obligation (rules cla-visit-first, cla-visit, cla-visit-long-term, cla-visit-with-parent)',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'cla-reviews-in-time',
    area: 'looked-after',
    title: 'Looked-after reviews in time',
    definition:
      'Of looked-after review obligations falling due in the period (and before the as-of date), the percentage met on or before their due date. Obligations whose need ended before they fell due are not counted.',
    numerator: 'looked-after review obligations met on or before the due date',
    denominator: 'looked-after review obligations due in the period, not ended before falling due',
    unit: 'percent',
    measure: 'period',
    source: 'obligation (rules cla-review-first, cla-review-second, cla-review)',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'cla-health-assessments',
    area: 'looked-after',
    title: 'Health assessments up to date',
    definition:
      'Of children looked after on the snapshot date whose period of care began 12 months or more before it (not on short breaks), the percentage whose last health assessment (initial or review) is not overdue: the next falls due 6 months after one done before the fifth birthday, 12 months after one from it.',
    numerator: 'those whose next health assessment is not due before the snapshot date',
    denominator: 'children looked after 12 months or more on the snapshot date',
    unit: 'percent',
    measure: 'snapshot',
    source: 'health_check (initial and review health assessments), care_period, cla_episode, person.date_of_birth',
    higherIsBetter: true,
    england: { value: 89, year: '31 March 2025', note: 'approximately' },
  },
  {
    id: 'missing-children',
    area: 'looked-after',
    title: 'Looked-after children who went missing',
    definition:
      'Children who went missing (a missing episode, not away without authorisation) at least once in the period while looked after (not on short breaks only), by the day in England the episode started; with the number of episodes per child.',
    numerator: 'looked-after children with a missing episode started in the period',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'missing_episode.kind, started_at; cla_episode',
    higherIsBetter: false,
    england: { value: 11, year: '2024-25', note: 'approximately 11% of children looked after' },
    dfeNote: 'As in the DfE’s figures, missing episodes (M) are counted; episodes away from placement without authorisation (A) are not.',
  },
  {
    id: 'rhi-offered-72h',
    area: 'looked-after',
    title: 'Return interviews offered within 72 hours',
    definition:
      'Of missing episodes ended in the period (by the day in England of the return), the percentage where a return home interview was offered within 72 hours of the return. An episode whose 72 hours had not run out by the end of the as-of date is counted only once the interview has been offered.',
    numerator: 'episodes with a return interview offered within 72 hours of the return',
    denominator: 'missing episodes ended in the period, offered or past their 72 hours on the as-of date',
    unit: 'percent',
    measure: 'period',
    source: 'missing_episode.ended_at, rhi_offered_at',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'uasc-days-to-looked-after',
    area: 'looked-after',
    title: 'Days for unaccompanied children to become looked after',
    definition:
      'For unaccompanied asylum-seeking children who became looked after in the period, the days from their referral or arrival to the start of their first period of care on or after it (median and longest). The statutory timescale is the same day: any day is delay.',
    numerator: 'unaccompanied children whose period of care started in the period',
    denominator: null,
    unit: 'median-days',
    measure: 'period',
    source: 'uasc_record.referred_on, care_period.start_date',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'adoption-entry-to-placed',
    area: 'looked-after',
    title: 'Days from entering care to moving in with the adoptive family',
    definition:
      'For children adopted in the period (adoption order made), the average days from the start of the period of care they were placed from to the placement for adoption, or, where their foster carers adopted, to the day they moved in with them (adoption scorecard A1).',
    numerator: 'the days of each child adopted in the period, added together',
    denominator: 'children adopted in the period',
    unit: 'average',
    measure: 'period',
    source: 'adoption.adoption_order_on, placed_on, foster_carer_adoption, moved_in_on; care_period.start_date',
    higherIsBetter: false,
    england: { value: 486, year: '2015-18', note: 'three-year average' },
    // An average of 1 to 5 children's days says too much about each of them.
    smallCountsIn: ['denominator'],
  },
  {
    id: 'permanence-by-second-review',
    area: 'looked-after',
    title: 'Permanence plans by the second review',
    definition:
      'Of second looked-after reviews (the second of each period of care) held in the period, the percentage at which the child had a permanence plan in place: agreed on or before the review and not ended by it.',
    numerator: 'second reviews with a permanence plan in place on the day',
    denominator: 'second reviews held in the period',
    unit: 'percent',
    measure: 'period',
    source: 'cla_review.period_id, held_on; permanence_plan.agreed_on, ended_on',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'unregistered-placements',
    area: 'looked-after',
    title: 'Children placed with unregistered providers',
    definition:
      'Children looked after placed on the snapshot date in a placement the director approved as with a provider not registered for that care; with the days each was so placed in the 12 months ending on it.',
    numerator: 'children in an approved unregistered placement on the snapshot date',
    denominator: null,
    unit: 'count',
    measure: 'snapshot',
    source: 'unregistered_approval.placement_id, cla_episode.start_date, end_date',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'care-leavers-in-touch',
    area: 'care-leavers',
    title: 'Care leavers in touch',
    definition:
      'Of care leavers whose 17th to 21st birthday fell in the period (29 February’s on 1 March in other years), the percentage with whom the council was in touch (IN_TOUCH YES) at the contact around that birthday (903 OC3).',
    numerator: 'care leavers with whom the council was in touch (IN_TOUCH YES)',
    denominator: 'care leavers with a 17th to 21st birthday in the period',
    unit: 'percent',
    measure: 'period',
    source: 'leaver_birthday_contact.in_touch, person.date_of_birth',
    higherIsBetter: true,
    england: { value: 90, year: '2024-25', note: 'approximately' },
  },
  {
    id: 'care-leavers-suitable-accommodation',
    area: 'care-leavers',
    title: 'Care leavers in suitable accommodation',
    definition:
      'Of care leavers whose 17th to 21st birthday fell in the period (29 February’s on 1 March in other years), the percentage in suitable accommodation (ACCOM suitability digit 1) at the contact around that birthday (903 OC3).',
    numerator: 'care leavers in suitable accommodation (ACCOM suitability digit 1)',
    denominator: 'care leavers with a 17th to 21st birthday in the period',
    unit: 'percent',
    measure: 'period',
    source: 'leaver_birthday_contact.accommodation, person.date_of_birth',
    higherIsBetter: true,
    england: { value: 88, year: '2024-25', note: 'approximately' },
  },
  {
    id: 'care-leavers-eet',
    area: 'care-leavers',
    title: 'Care leavers in education, employment or training',
    definition:
      'Of care leavers whose 17th to 21st birthday fell in the period (29 February’s on 1 March in other years), the percentage in education, employment or training (ACTIV F or P) at the contact around that birthday (903 OC3).',
    numerator: 'care leavers in education, employment or training (ACTIV F or P)',
    denominator: 'care leavers with a 17th to 21st birthday in the period',
    unit: 'percent',
    measure: 'period',
    source: 'leaver_birthday_contact.activity, person.date_of_birth',
    higherIsBetter: true,
    england: { value: 56, year: '2024-25', note: 'approximately; aged 19–21' },
  },
  {
    id: 'pathway-plans-in-time',
    area: 'care-leavers',
    title: 'Pathway plans in time',
    definition:
      'Of pathway plan and pathway plan review obligations falling due in the period (and before the as-of date), the percentage met on or before their due date. Obligations whose need ended before they fell due are not counted.',
    numerator: 'pathway plan and pathway plan review obligations met on or before the due date',
    denominator: 'pathway plan and pathway plan review obligations due in the period, not ended before falling due',
    unit: 'percent',
    measure: 'period',
    source: 'obligation (rules pathway-plan, pathway-plan-review)',
    higherIsBetter: true,
    england: null,
  },
  // Workforce and oversight (those the allocations and workers support)
  {
    id: 'caseload-average',
    area: 'workforce',
    title: 'Average caseload',
    definition:
      'Children allocated to a social worker on the snapshot date, per FTE of the social workers holding them (workers in post holding at least one child as allocated social worker).',
    numerator: 'children with an allocated social worker on the snapshot date',
    denominator: 'FTE of the case-holding social workers on the snapshot date',
    unit: 'average',
    measure: 'snapshot',
    source: 'allocation (role social-worker), worker.fte',
    higherIsBetter: false,
    england: { value: 15.2, year: '30 Sept 2025' },
    // The denominator is FTE, not children.
    smallCountsIn: ['numerator'],
  },
  {
    id: 'children-3plus-workers',
    area: 'workforce',
    title: 'Children with 3 or more social workers in a year',
    definition:
      'Of children with an open case on the snapshot date (an open child-in-need episode or episode of care), the percentage who had 3 or more different allocated social workers in the 12 months ending on it.',
    numerator: 'those with 3 or more different social workers allocated on some day of the 12 months',
    denominator: 'children with an open case on the snapshot date',
    unit: 'percent',
    measure: 'snapshot',
    source: 'allocation (role social-worker), cin_episode, cla_episode',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'unallocated-cases',
    area: 'workforce',
    title: 'Unallocated cases',
    definition:
      'Open cases (an open child-in-need episode not ended in no further action, or an episode of care) with no allocated social worker on the snapshot date; with their age in days since the referral or since the last social worker’s allocation ended, whichever is later.',
    numerator: 'open cases with no allocated social worker on the snapshot date',
    denominator: null,
    unit: 'count',
    measure: 'snapshot',
    source: 'cin_episode, cla_episode, allocation (role social-worker)',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'turnover-rate',
    area: 'workforce',
    title: 'Social worker turnover',
    definition:
      'The FTE of permanent staff who left in the 12 months ending on the snapshot date (leaving date after the date 12 months before it and on or before it) as a percentage of the FTE of permanent staff in post on it (started on or before it, not left before it: a worker leaving on the day is in post that day). Counted from the workers in the council’s teams (a worker belongs to their current team; the record keeps no history of moves), so a team’s or a service’s figure is of its own staff and there is no figure for a single worker. These are figures of staff FTE, not of children, so they are not suppressed as small counts.',
    numerator: 'FTE of permanent staff who left in the 12 months',
    denominator: 'FTE of permanent staff in post on the snapshot date',
    unit: 'percent',
    measure: 'snapshot',
    source: 'worker.employment, fte, start_date, leave_date, team_id (as the workforce area’s team figures)',
    higherIsBetter: false,
    england: { value: 11.8, year: '2024-25' },
    dfeNote:
      'As in the DfE’s children’s social work workforce statistics: leavers and staff in post are the council’s own (permanent) staff; agency workers are counted in the agency rate, not here.',
    smallCountsIn: [],
  },
  {
    id: 'agency-rate',
    area: 'workforce',
    title: 'Agency workers',
    definition:
      'The FTE of agency workers in post on the snapshot date as a percentage of agency plus permanent FTE in post on it. Counted from the workers in the council’s teams (a worker belongs to their current team; the record keeps no history of moves), so a team’s or a service’s figure is of its own staff and there is no figure for a single worker. These are figures of staff FTE, not of children, so they are not suppressed as small counts.',
    numerator: 'FTE of agency workers in post on the snapshot date',
    denominator: 'FTE of agency and permanent staff in post on the snapshot date',
    unit: 'percent',
    measure: 'snapshot',
    source: 'worker.employment, fte, start_date, leave_date, team_id (as the workforce area’s team figures)',
    higherIsBetter: false,
    england: { value: 13.0, year: '30 Sept 2025' },
    smallCountsIn: [],
  },
  {
    id: 'vacancy-rate',
    area: 'workforce',
    title: 'Vacancies',
    definition:
      'Vacant FTE on the snapshot date (each team’s funded posts in force that day less its permanent staff FTE in post, not below 0: agency cover does not fill a vacancy) as a percentage of vacant plus permanent FTE in post, over the teams whose funded posts are recorded (a team with none recorded has no vacancy figure and is left out of both). Counted from the workers in the council’s teams (a worker belongs to their current team; the record keeps no history of moves), so a team’s or a service’s figure is of its own staff and there is no figure for a single worker. These are figures of staff FTE, not of children, so they are not suppressed as small counts.',
    numerator: 'vacant FTE of teams with funded posts recorded',
    denominator: 'vacant plus permanent FTE in post of those teams',
    unit: 'percent',
    measure: 'snapshot',
    source: 'team_establishment.funded_fte, effective_from; worker.employment, fte, start_date, leave_date (as the workforce area’s team figures)',
    higherIsBetter: false,
    england: { value: 14.2, year: '30 Sept 2025' },
    dfeNote: 'As in the DfE’s statistics, a vacancy is a funded post not filled by a permanent worker, whether or not an agency worker covers it.',
    smallCountsIn: [],
  },
  {
    id: 'supervision-in-time',
    area: 'workforce',
    title: 'Supervision in time',
    definition:
      'Of supervision obligations falling due in the period (and before the as-of date), the percentage met on or before their due date. Obligations whose need ended before they fell due are not counted.',
    numerator: 'supervision obligations met on or before the due date',
    denominator: 'supervision obligations due in the period, not ended before falling due',
    unit: 'percent',
    measure: 'period',
    source: 'worker_obligation (rules supervision, supervision-asye)',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'management-oversight-in-time',
    area: 'workforce',
    title: 'Management oversight in time',
    definition:
      'Of children whose case needed management oversight on the snapshot date (an open child-in-need episode not ended in no further action, including children looked after: a management-oversight clock running that day), the percentage whose last oversight — the referral, or a manager’s recorded decision or a supervision direction on the child since — is within the council’s interval (3 months unless the council has set another): the running clock’s due date is on or after the snapshot date.',
    numerator: 'those whose running oversight clock is not past its due date on the snapshot date',
    denominator: 'children with a management-oversight clock running on the snapshot date',
    unit: 'percent',
    measure: 'snapshot',
    source: 'obligation (rule management-oversight: management_decision, supervision_child, cin_episode)',
    higherIsBetter: true,
    england: null,
  },
  {
    id: 'audit-grades',
    area: 'workforce',
    title: 'Case audits graded good or better',
    definition:
      'Of case audits completed in the period, the percentage graded good or outstanding (the moderated grade where the audit was moderated); the children behind the number list each audit.',
    numerator: 'audits graded good or outstanding',
    denominator: 'case audits completed in the period',
    unit: 'percent',
    measure: 'period',
    source: 'case_audit.audited_on, grade, moderated_grade, team_id',
    higherIsBetter: true,
    england: null,
    dfeNote:
      'indicators.md asks for audits by grade; the framework gives one number per indicator, so this is the share good or better, with the audits behind it.',
  },
  // Legal planning and proceedings (the Public Law Outline): Lantern's own, not rows of indicators.md.
  {
    id: 'care-proceedings-average-weeks',
    area: 'legal',
    title: 'Average weeks of care proceedings concluded',
    definition:
      'Of care and supervision proceedings concluded in the period (a final order made, or the application withdrawn), the average number of weeks from the application being issued to the day they concluded. The law expects 26 weeks.',
    numerator: 'the weeks each took, added up',
    denominator: 'proceedings concluded in the period',
    unit: 'average',
    measure: 'period',
    source: 'care_proceedings.issued_on, concluded_on',
    higherIsBetter: false,
    england: null,
    smallCountsIn: ['denominator'],
  },
  {
    id: 'care-proceedings-median-weeks',
    area: 'legal',
    title: 'Median weeks of care proceedings concluded',
    definition:
      'Of care and supervision proceedings concluded in the period (a final order made, or the application withdrawn), the median number of weeks from issue to conclusion.',
    numerator: 'proceedings concluded in the period',
    denominator: null,
    unit: 'median-weeks',
    measure: 'period',
    source: 'care_proceedings.issued_on, concluded_on',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'pre-proceedings-over-16-weeks',
    area: 'legal',
    title: 'Children in pre-proceedings for more than 16 weeks',
    definition:
      'Children in pre-proceedings on the snapshot date (the letter before proceedings sent, not yet stepped down or issued) whose letter was sent more than 16 weeks (112 days) before, extended or not.',
    numerator: 'children in pre-proceedings whose letter was more than 16 weeks before the snapshot date',
    denominator: null,
    unit: 'count',
    measure: 'snapshot',
    source: 'pre_proceedings.letter_sent_on, ended_on',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'proceedings-past-26-weeks',
    area: 'legal',
    title: 'Care proceedings open past 26 weeks',
    definition:
      'Care and supervision proceedings open on the snapshot date that were issued more than 26 weeks (182 days) before it, whether or not the court has extended them.',
    numerator: 'proceedings open on the snapshot date issued more than 182 days before',
    denominator: null,
    unit: 'count',
    measure: 'snapshot',
    source: 'care_proceedings.issued_on, concluded_on',
    higherIsBetter: false,
    england: null,
  },
  ...FOSTERING_INDICATORS,
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

export const INDICATOR_IDS = INDICATORS.map((d) => d.id) as [string, ...string[]];

/** The indicators of indicators.md not yet counted (none now: all of them are above). */
export const INDICATORS_TO_COME: readonly string[] = [];

/**
 * The period of `months` calendar months ending on `asOf`, inclusive: 12 months ending
 * 31 March 2026 run from 1 April 2025; 12 months ending 29 February 2024 from 1 March 2023.
 */
export function periodEnding(asOf: IsoDate, months = 12): { from: IsoDate; to: IsoDate } {
  if (!Number.isInteger(months) || months < 1) throw new Error(`A period is a whole number of months, at least 1, not ${months}`);
  return { from: addCalendarMonths(addDays(asOf, 1), -months), to: asOf };
}

/** The last day of each of the `n` months up to and including the month of `asOf` (that month ends on asOf). */
export function monthEnds(asOf: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [asOf];
  let firstOfMonth = `${asOf.slice(0, 8)}01`;
  for (let i = 1; i < n; i++) {
    out.unshift(addDays(firstOfMonth, -1));
    firstOfMonth = `${(out[0] as string).slice(0, 8)}01`;
  }
  return out;
}

/** An indicator's value from its counts, rounded to one decimal place (null where it cannot be worked out). */
export function indicatorValue(
  unit: IndicatorUnit,
  counts: { numerator: number; denominator: number | null; medianDays?: number | null },
  population?: number | null,
): number | null {
  const round = (v: number) => Math.round(v * 10) / 10;
  switch (unit) {
    case 'count':
      return counts.numerator;
    case 'percent':
    case 'average':
      return counts.denominator ? round(((unit === 'percent' ? 100 : 1) * counts.numerator) / counts.denominator) : null;
    case 'per-10k':
      return population ? round((counts.numerator * 10000) / population) : null;
    case 'median-days':
    case 'median-weeks':
      return counts.medianDays ?? null;
  }
}

/** The DfE's rule: counts of 1 to 5 are not shown to those without case access. */
export function isSmallCount(n: number | null): boolean {
  return n !== null && n >= 1 && n <= 5;
}

export type Counts = { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean };

/** Which of an indicator's counts are of children (or people): see IndicatorDefinition.smallCountsIn. */
export function smallCountsOf(def: Pick<IndicatorDefinition, 'unit' | 'smallCountsIn'>): readonly ('numerator' | 'denominator')[] {
  if (def.smallCountsIn) return def.smallCountsIn;
  if (def.unit === 'average') throw new Error('An average must say which of its counts are of children (smallCountsIn)');
  return def.unit === 'percent' ? ['numerator', 'denominator'] : ['numerator'];
}

/**
 * Aggregates for someone without case access: a count of children of 1 to 5 is suppressed, and
 * with it the value (a percentage of 3 children, or their average days, tells who they are).
 * A denominator that is not a count of children (the population, FTE) is still shown.
 */
export function suppressSmall(
  def: Pick<IndicatorDefinition, 'unit' | 'smallCountsIn'>,
  c: { numerator: number; denominator: number | null; value: number | null },
): Counts {
  const checked = smallCountsOf(def);
  const small = checked.some((k) => isSmallCount(c[k]));
  if (!small) return { ...c, suppressed: false };
  return { numerator: null, denominator: checked.includes('denominator') ? null : c.denominator, value: null, suppressed: true };
}

/** Whether a measured value meets a target, given which way is better; null when there is no value or no direction. */
export function targetMet(value: number | null, target: number, higherIsBetter: boolean | null): boolean | null {
  if (value === null || higherIsBetter === null) return null;
  return higherIsBetter ? value >= target : value <= target;
}

/** How a value compares with a comparator, in words a board would use. */
export function comparedWith(value: number | null, other: number | null, higherIsBetter: boolean | null): 'better' | 'worse' | 'same' | 'not-comparable' {
  if (value === null || other === null || higherIsBetter === null) return 'not-comparable';
  if (value === other) return 'same';
  return value > other === higherIsBetter ? 'better' : 'worse';
}
