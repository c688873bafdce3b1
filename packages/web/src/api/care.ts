/** Calls and shapes for permanence and adoption, UASC, health and education, and care leavers. */
import { apiRequest as request } from './client.ts';
import type { CareLeaverList, CareLeaverListItem, CareView, UascList, UascListItem } from '@lantern/core/views/care';

export type { CareLeaverListItem, CareView, UascListItem };

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export const careApi = {
  get: (childId: string) => request<CareView>('GET', `${child(childId)}/looked-after-care`),
  uascList: () => request<UascList>('GET', '/api/uasc'),
  careLeavers: () => request<CareLeaverList>('GET', '/api/care-leavers'),
  /** One call per form: the method and the path under the child. */
  send: (childId: string, method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => request<unknown>(method, `${child(childId)}/${path}`, { body }),
};
