/** The performance and improvement API: indicators, benchmarks, the plan and the board pack. */
import { request } from './client.ts';

export type ScopeKind = 'council' | 'service' | 'team' | 'worker';

export type IndicatorResult = {
  id: string;
  title: string;
  area: string;
  unit: 'percent' | 'per-10k' | 'count' | 'average' | 'median-days';
  measure: 'period' | 'snapshot';
  asOf: string;
  period: { from: string; to: string } | null;
  scope: { kind: ScopeKind; id: string };
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  per10k: number | null;
  medianDays: number | null;
  maxDays: number | null;
  suppressed: boolean;
  frozen: boolean;
  higherIsBetter: boolean | null;
  england: { value: number; year: string; note?: string } | null;
};

export type IndicatorDefinition = {
  id: string;
  area: string;
  title: string;
  definition: string;
  numerator: string;
  denominator: string | null;
  unit: IndicatorResult['unit'];
  measure: IndicatorResult['measure'];
  source: string;
  dfeNote?: string;
};

export type TeamResult = IndicatorResult & { groupId: string | null; name: string };

export type ChildBehind = {
  childId: string;
  laChildId: string;
  name: string;
  onDate: string;
  inNumerator: boolean;
  days: number | null;
  worker: string | null;
  team: string | null;
};

export type BenchmarkYear = {
  year: string;
  council: number | null;
  councilPublished: number | null;
  england: number | null;
  region: number | null;
  neighboursAverage: number | null;
  neighbours: { code: string; name: string; rank: number; value: number | null }[];
};

export type Benchmarks = {
  id: string;
  title: string;
  unit: string;
  higherIsBetter: boolean | null;
  region: { code: string; name: string } | null;
  neighbours: { code: string; name: string; rank: number }[];
  years: BenchmarkYear[];
};

export type ActionStatus = 'not-started' | 'on-track' | 'off-track' | 'done';

export type ImprovementAction = {
  actionId: string;
  recommendationId: string;
  recommendationNumber: number;
  inspectionId: string;
  title: string;
  ownerUserId: string;
  ownerName: string;
  dueDate: string;
  status: ActionStatus;
  evidence: string | null;
  completedOn: string | null;
  overdue: boolean;
  version: number;
  measure: {
    indicatorId: string;
    title: string;
    unit: string;
    target: number | null;
    baseline: number | null;
    current: number | null;
    targetMet: boolean | null;
  } | null;
};

export type Inspection = {
  inspectionId: string;
  kind: string;
  framework: string;
  startedOn: string;
  publishedOn: string | null;
  findings: string;
  judgements: { area: string; grade: string }[];
  recommendations: { recommendationId: string; number: number; text: string; actions: ImprovementAction[] }[];
};

export type BoardPack = {
  asOf: string;
  since: string;
  aggregatesOnly: boolean;
  council: string;
  indicators: (IndicatorResult & { previous: number | null })[];
  progress: Record<ActionStatus | 'total' | 'overdue' | 'doneSince', number>;
  slipped: ImprovementAction[];
  doneSince: ImprovementAction[];
  inspections: Inspection[];
};

type Scope = { asOf?: string; months?: number; scope?: ScopeKind; scopeId?: string };

export const performanceApi = {
  definitions: () => request<{ areas: Record<string, string>; indicators: IndicatorDefinition[]; toCome: string[] }>('GET', '/api/indicators'),
  all: (q: Scope) => request<{ asOf: string; aggregatesOnly: boolean; indicators: IndicatorResult[] }>('GET', '/api/kpi', { query: q }),
  one: (id: string, q: Scope & { trendMonths?: number }) =>
    request<{ aggregatesOnly: boolean; result: IndicatorResult; trend: IndicatorResult[] }>('GET', `/api/kpi/${encodeURIComponent(id)}`, { query: q }),
  teams: (id: string, q: { asOf?: string; months?: number }) =>
    request<{ groups: TeamResult[] }>('GET', `/api/kpi/${encodeURIComponent(id)}/teams`, { query: q }),
  children: (id: string, q: Scope & { only?: 'numerator' | 'not-numerator' }) =>
    request<{ title: string; asOf: string; period: { from: string; to: string } | null; hidden: number; children: ChildBehind[] }>(
      'GET',
      `/api/kpi/${encodeURIComponent(id)}/children`,
      { query: q },
    ),
  benchmarks: (id: string) => request<Benchmarks>('GET', `/api/benchmarks/${encodeURIComponent(id)}`),
  loadBenchmarks: (csv: string) => request<{ values: number; comparators: number; skipped: number }>('POST', '/api/benchmarks', { body: { csv } }),
  loadNeighbours: (csv: string) => request<{ neighbours: number }>('PUT', '/api/benchmarks/neighbours', { body: { csv } }),
};

export type NewInspection = {
  kind: string;
  framework: string;
  startedOn: string;
  publishedOn: string | null;
  findings: string;
  judgements: { area: string; grade: string }[];
  recommendations: { number: number; text: string }[];
};

export type NewAction = { title: string; ownerUserId: string; dueDate: string; indicatorId: string | null; target: number | null };

export const improvementApi = {
  plan: (asOf?: string) => request<{ asOf: string; inspections: Inspection[] }>('GET', '/api/improvement', { query: { asOf } }),
  recordInspection: (body: NewInspection) => request<{ inspectionId: string; recommendationIds: string[] }>('POST', '/api/improvement/inspections', { body }),
  worklist: (view: 'mine' | 'all') => request<{ actions: ImprovementAction[] }>('GET', '/api/improvement/worklist', { query: { view } }),
  updateAction: (actionId: string, body: { version: number; status?: ActionStatus; evidence?: string | null; completedOn?: string | null }) =>
    request<{ actionId: string; version: number; status: ActionStatus }>('PATCH', `/api/improvement/actions/${encodeURIComponent(actionId)}`, { body }),
  owners: () => request<{ owners: { userId: string; name: string; role: string }[] }>('GET', '/api/improvement/owners'),
  addAction: (recommendationId: string, body: NewAction) =>
    request<{ actionId: string; version: number }>('POST', `/api/improvement/recommendations/${encodeURIComponent(recommendationId)}/actions`, { body }),
  boardPack: (q: { asOf?: string; since?: string }) => request<BoardPack>('GET', '/api/improvement/board-pack', { query: q }),
};
