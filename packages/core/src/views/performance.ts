/**
 * What the performance and improvement routes send back: one schema each, used by the server's
 * routes for their responses and by the web app for its types (z.infer), so neither writes them again.
 */
import { z } from 'zod';
import { INDICATOR_AREA_IDS, INDICATOR_MEASURES, INDICATOR_UNITS } from '../indicators.ts';

export const SCOPE_KINDS = ['council', 'service', 'team', 'worker'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const scopeView = z.object({ kind: z.enum(SCOPE_KINDS), id: z.string() });
export type KpiScope = z.infer<typeof scopeView>;

const period = z.object({ from: z.string(), to: z.string() });

export const indicatorResultView = z.object({
  id: z.string(),
  title: z.string(),
  area: z.enum(INDICATOR_AREA_IDS),
  unit: z.enum(INDICATOR_UNITS),
  measure: z.enum(INDICATOR_MEASURES),
  asOf: z.string(),
  period: period.nullable(),
  scope: scopeView,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  per10k: z.number().nullable(),
  medianDays: z.number().nullable(),
  maxDays: z.number().nullable(),
  suppressed: z.boolean(),
  frozen: z.boolean(),
  higherIsBetter: z.boolean().nullable(),
  england: z.object({ value: z.number(), year: z.string(), note: z.string().optional() }).nullable(),
});
export type IndicatorResult = z.infer<typeof indicatorResultView>;

/** One indicator for each team (or service). */
export const teamResultView = indicatorResultView.extend({ groupId: z.string().nullable(), name: z.string() });
export type TeamResult = z.infer<typeof teamResultView>;

export const childBehindView = z.object({
  childId: z.string(),
  laChildId: z.string(),
  name: z.string(),
  onDate: z.string(),
  inNumerator: z.boolean(),
  days: z.number().nullable(),
  worker: z.string().nullable(),
  team: z.string().nullable(),
});
export type ChildBehind = z.infer<typeof childBehindView>;

/** The children behind a number; restricted children the user may not see are counted (hidden), not named. */
export const childrenBehindView = z.object({
  id: z.string(),
  title: z.string(),
  asOf: z.string(),
  period: period.nullable(),
  hidden: z.number().int(),
  children: z.array(childBehindView),
});

const comparator = z.object({ code: z.string(), name: z.string(), rank: z.number().int() });
export const benchmarkYearView = z.object({
  year: z.string(),
  council: z.number().nullable(),
  councilPublished: z.number().nullable(),
  england: z.number().nullable(),
  region: z.number().nullable(),
  neighboursAverage: z.number().nullable(),
  neighbours: z.array(comparator.extend({ value: z.number().nullable() })),
});
export type BenchmarkYear = z.infer<typeof benchmarkYearView>;

export const benchmarksView = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  higherIsBetter: z.boolean().nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  neighbours: z.array(comparator),
  years: z.array(benchmarkYearView),
});
export type Benchmarks = z.infer<typeof benchmarksView>;

export const ACTION_STATUSES = ['not-started', 'on-track', 'off-track', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const improvementActionView = z.object({
  actionId: z.string(),
  recommendationId: z.string(),
  recommendationNumber: z.number().int(),
  inspectionId: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  evidence: z.string().nullable(),
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  measure: z
    .object({
      indicatorId: z.string(),
      title: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      baseline: z.number().nullable(),
      current: z.number().nullable(),
      targetMet: z.boolean().nullable(),
    })
    .nullable(),
});
export type ImprovementAction = z.infer<typeof improvementActionView>;

export const inspectionView = z.object({
  inspectionId: z.string(),
  kind: z.string(),
  framework: z.string(),
  startedOn: z.string(),
  publishedOn: z.string().nullable(),
  findings: z.string(),
  judgements: z.array(z.object({ area: z.string(), grade: z.string() })),
  recommendations: z.array(z.object({ recommendationId: z.string(), number: z.number().int(), text: z.string(), actions: z.array(improvementActionView) })),
});
export type Inspection = z.infer<typeof inspectionView>;

export const boardPackView = z.object({
  asOf: z.string(),
  since: z.string(),
  aggregatesOnly: z.boolean(),
  council: z.string(),
  indicators: z.array(indicatorResultView.extend({ previous: z.number().nullable() })),
  progress: z.object({
    total: z.number().int(),
    'not-started': z.number().int(),
    'on-track': z.number().int(),
    'off-track': z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
    doneSince: z.number().int(),
  }),
  slipped: z.array(improvementActionView),
  doneSince: z.array(improvementActionView),
  inspections: z.array(inspectionView),
});
export type BoardPack = z.infer<typeof boardPackView>;
