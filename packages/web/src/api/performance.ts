/** The performance and improvement API: indicators, benchmarks, the plan and the board pack. */
import { request } from './client.ts';

import type { IndicatorDefinition } from '@lantern/core/indicators';
import type {
  ActionStatus,
  Benchmarks,
  BoardPack,
  ChildBehind,
  ImprovementAction,
  IndicatorResult,
  Inspection,
  ScopeKind,
  TeamResult,
} from '@lantern/core/views/performance';

/** Its answers' types are core's performance views. */
export type * from '@lantern/core/views/performance';
export type { IndicatorDefinition };

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
