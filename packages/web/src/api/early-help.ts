/** Calls and shapes for a child's early help. */
import type { EarlyHelpChildView } from '@lantern/core/early-help';
import { apiRequest as request } from './client.ts';

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export type EarlyHelpView = EarlyHelpChildView;
export type EarlyHelpEpisode = EarlyHelpChildView['episodes'][number];

export const earlyHelpApi = {
  get: (childId: string) => request<EarlyHelpView>('GET', `${child(childId)}/early-help`),
  /** One call per form: the method and the path under the child. */
  send: (childId: string, method: 'POST' | 'PUT', path: string, body: unknown) => request<unknown>(method, `${child(childId)}/${path}`, { body }),
};
