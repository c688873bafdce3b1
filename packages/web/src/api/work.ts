/** The landing page, the child's "What is due", routing, transfers and who may be allocated. */
import type {
  allocatableWorker,
  childDueView,
  DecisionRequestView,
  decisionAnswer,
  decisionRequestBody,
  iroAllocation,
  landingPage,
  routingTeam,
} from '@lantern/core/work';
import type { z } from 'zod';
import { request } from './client.ts';

export type LandingPage = z.infer<typeof landingPage>;
export type WorkSection = LandingPage['sections'][number];
export type ChildDueView = z.infer<typeof childDueView>;
export type RoutingTeam = z.infer<typeof routingTeam>;
export type AllocatableWorker = z.infer<typeof allocatableWorker>;

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export const workApi = {
  landing: () => request<LandingPage>('GET', '/api/work'),
  section: (section: string, page: number) => request<LandingPage>('GET', '/api/work', { query: { section, page } }),
  childDue: (childId: string) => request<ChildDueView>('GET', `${child(childId)}/due`),
  routingTeams: () => request<{ teams: RoutingTeam[] }>('GET', '/api/routing/teams'),
  transferTeams: () => request<{ teams: RoutingTeam[] }>('GET', '/api/transfer-teams'),
  allocatable: (childId: string, role = 'social-worker') =>
    request<{ workers: AllocatableWorker[] }>('GET', `${child(childId)}/allocatable`, { query: { role } }),
  requestTransfer: (childId: string, body: { toTeamId: string; reason: string }) =>
    request<{ transferId: string }>('POST', `${child(childId)}/transfers`, { body }),
  decideTransfer: (transferId: string, body: { version: number; accept: boolean; reason?: string }) =>
    request<{ status: string }>('POST', `/api/transfers/${encodeURIComponent(transferId)}/decision`, { body }),
  allocateIro: (childId: string, body: z.input<typeof iroAllocation>) => request<{ allocationId: string }>('POST', `${child(childId)}/iro`, { body }),
  decisionRequests: (childId: string) => request<{ requests: DecisionRequestView[] }>('GET', `${child(childId)}/decision-requests`),
  sendForDecision: (childId: string, body: z.input<typeof decisionRequestBody>) =>
    request<{ requestId: string }>('POST', `${child(childId)}/decision-requests`, { body }),
  answerRequest: (requestId: string, body: z.input<typeof decisionAnswer>) =>
    request<{ status: string }>('POST', `/api/decision-requests/${encodeURIComponent(requestId)}/decision`, { body }),
};
export type { DecisionRequestView };
