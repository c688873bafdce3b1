/** The council's users and the access requests waiting for the head of service (types from core's schemas). */
import type { AccessRequestView, GrantRequested, UserView } from '@lantern/core/views/access';
import type { Worker } from '@lantern/core/views/workforce';
import { request } from './client.ts';

export type { AccessRequestView, UserView };
const user = (userId: string) => `/api/users/${encodeURIComponent(userId)}`;

export const accessApi = {
  users: () => request<{ users: UserView[] }>('GET', '/api/users'),
  addUser: (body: unknown) => request<GrantRequested & { userId: string }>('POST', '/api/users', { body }),
  changeUser: (userId: string, body: unknown) => request<GrantRequested>('PATCH', user(userId), { body }),
  /** disable, enable, unlock, or password-reset (with the temporary password). */
  act: (userId: string, action: 'disable' | 'enable' | 'unlock' | 'password-reset', body?: unknown) =>
    request<unknown>('POST', `${user(userId)}/${action}`, body === undefined ? {} : { body }),
  workers: () => request<{ workers: Worker[] }>('GET', '/api/workers'),
  requests: () => request<{ requests: AccessRequestView[] }>('GET', '/api/access-requests'),
  decide: (requestId: string, body: { decision: 'approve' | 'refuse'; fromVersion: number }) =>
    request<{ status: string }>('POST', `/api/access-requests/${encodeURIComponent(requestId)}/decision`, { body }),
};
