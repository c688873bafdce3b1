/** The looked-after routes of the API, as the pages call them. */
import { request } from '../../api/client.ts';
import type { Option } from '../../components/fields.tsx';

import type { LookedAfterRecord, MissingChildren, ProviderView, UnregisteredPlacement } from '@lantern/core/views/looked-after';

export type { LookedAfterRecord, MissingChildren, ProviderView, UnregisteredPlacement };
/** What a write sends back: the pages read no more of it than that it succeeded. */
export type Json = Record<string, any>;
const child = (id: string) => `/api/children/${encodeURIComponent(id)}`;
export const lookedAfterApi = {
  record: (id: string) => request<LookedAfterRecord>('GET', `${child(id)}/looked-after`),
  start: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after`, { body }),
  change: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/changes`, { body }),
  cease: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/cease`, { body }),
  approve: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/unregistered-approvals`, { body }),
  visit: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/visits`, { body }),
  review: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/reviews`, { body }),
  missing: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/missing-episodes`, { body }),
  missingUpdate: (id: string, missingId: string, body: unknown) =>
    request<Json>('PATCH', `${child(id)}/missing-episodes/${encodeURIComponent(missingId)}`, { body }),
  providers: () => request<{ providers: ProviderView[] }>('GET', '/api/providers'),
  addProvider: (body: unknown) => request<Json>('POST', '/api/providers', { body }),
  unregistered: () => request<{ placements: UnregisteredPlacement[] }>('GET', '/api/looked-after/unregistered-placements'),
  missingChildren: () => request<MissingChildren>('GET', '/api/looked-after/missing'),
};

export const options = (list: Readonly<Record<string, string>>): Option[] =>
  Object.entries(list).map(([value, label]) => ({ value, label: `${value}: ${label}` }));
export const sectionPath = (childId: string) => `/children/${childId}/looked-after`;
