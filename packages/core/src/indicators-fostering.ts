// The fostering service's indicators, as data (the model of indicators.ts, which lists them with
// the rest): carers approved and leaving and why, places, carers' turnover, placements ended at
// the carer's request, days from enquiry to approval, and children with the council's own carers.
// The SQL is in the server (areas/performance/indicators-fostering.ts; the households behind a
// number come from areas/fostering/indicator-units.ts, the same units).
import type { IndicatorDefinition } from './indicators/definition.ts';

const HOUSEHOLDS_NOT_CHILDREN =
  'A count of households (or their places), not of children, so it is not suppressed as a small count; the households behind it are listed for the fostering team.';

export const FOSTERING_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'foster-carers-approved',
    area: 'fostering',
    title: 'Foster carer households approved',
    definition: `Households the agency decision maker approved as the council’s foster carers in the period (by the date of the decision), family and friends carers included. ${HOUSEHOLDS_NOT_CHILDREN}`,
    numerator: 'households with an approval decided in the period',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'foster_household.decision, decision_on',
    higherIsBetter: true,
    england: null,
    smallCountsIn: [],
  },
  {
    id: 'foster-carers-left',
    area: 'fostering',
    title: 'Foster carer households that left',
    definition: `Approved households that resigned or were de-registered in the period (by the date they left), each with the reason recorded. ${HOUSEHOLDS_NOT_CHILDREN}`,
    numerator: 'households that resigned or were de-registered in the period',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'foster_household.status, left_on, leaving_reason',
    higherIsBetter: false,
    england: null,
    smallCountsIn: [],
  },
  {
    id: 'foster-places-net-change',
    area: 'fostering',
    title: 'Net change in foster places',
    definition: `The places (children a household is approved for) of households approved in the period, less the places of households that resigned or were de-registered in it. ${HOUSEHOLDS_NOT_CHILDREN}`,
    numerator: 'places approved in the period less places lost in it',
    denominator: null,
    unit: 'count',
    measure: 'period',
    source: 'foster_household.max_children, decision_on, left_on',
    higherIsBetter: true,
    england: null,
    smallCountsIn: [],
  },
  {
    id: 'foster-carer-turnover',
    area: 'fostering',
    title: 'Foster carers’ turnover',
    definition: `Approved households that resigned or were de-registered in the 12 months ending on the snapshot date, as a percentage of the households approved at the start of those 12 months (approved before it and not yet left). As the fostering register shows it. ${HOUSEHOLDS_NOT_CHILDREN}`,
    numerator: 'households that left in the 12 months',
    denominator: 'households approved at the start of the 12 months',
    unit: 'percent',
    measure: 'snapshot',
    source: 'foster_household.decision_on, left_on, status',
    higherIsBetter: false,
    england: null,
    smallCountsIn: [],
  },
  {
    id: 'foster-enquiry-to-approval-days',
    area: 'fostering',
    title: 'Average days from enquiry to approval',
    definition: `For households approved in the period, the average number of calendar days from their first enquiry to the decision maker’s approval. ${HOUSEHOLDS_NOT_CHILDREN}`,
    numerator: 'days from enquiry to approval, summed',
    denominator: 'households approved in the period',
    unit: 'average',
    measure: 'period',
    source: 'foster_household.enquiry_on, decision_on',
    higherIsBetter: false,
    england: null,
    smallCountsIn: [],
  },
  {
    id: 'foster-placements-ended-carer-request',
    area: 'fostering',
    title: 'Foster placements ended at the carer’s request',
    definition:
      'Of foster placements (SSDA903 U1 to U6) that ended in the period with a move to another placement, the percentage ended because the carer asked (REASON_PLACE_CHANGE CREQB, the child’s behaviour, or CREQO, other reasons).',
    numerator: 'foster placements ended in the period at the carer’s request',
    denominator: 'foster placements ended in the period with a move to another placement',
    unit: 'percent',
    measure: 'period',
    source: 'cla_episode.placement_type, end_date, reason_place_change',
    higherIsBetter: false,
    england: null,
  },
  {
    id: 'foster-children-in-house',
    area: 'fostering',
    title: 'Children in foster care with the council’s own carers',
    definition:
      'Of children in a foster placement (SSDA903 U1 to U6) on the snapshot date, the percentage placed with the council’s own carers (a household on its fostering register, or provision PR1) rather than with an agency’s or another council’s.',
    numerator: 'children placed with the council’s own foster carers',
    denominator: 'children in foster placements',
    unit: 'percent',
    measure: 'snapshot',
    source: 'cla_episode.placement_type, foster_household_id, placement_provider',
    higherIsBetter: true,
    england: null,
  },
];

/** The indicators counted in households (their households behind the number, not children). */
export const HOUSEHOLD_INDICATOR_IDS: readonly string[] = [
  'foster-carers-approved',
  'foster-carers-left',
  'foster-places-net-change',
  'foster-carer-turnover',
  'foster-enquiry-to-approval-days',
];
