/** The child's legal record: planning meetings, pre-proceedings, proceedings (types from core's schema). */
import type { LegalRecordView } from '@lantern/core/legal';
import { request } from './client.ts';

export type LegalView = LegalRecordView;
const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}/legal`;

export const legalApi = {
  get: (childId: string) => request<LegalView>('GET', child(childId)),
  /** One call per form: the path under the child's legal record. */
  send: (childId: string, path: string, body: unknown) => request<unknown>('POST', `${child(childId)}/${path}`, { body }),
};
