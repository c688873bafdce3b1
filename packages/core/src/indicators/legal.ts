// Indicators of legal planning and proceedings (the Public Law Outline), as data: Lantern's own,
// not rows of indicators.md.
import type { IndicatorDefinition } from './definition.ts';

export const LEGAL_INDICATORS: readonly IndicatorDefinition[] = [
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
];
