/** The DfE feed's runs, and subject access requests (types from core's schemas). */
import type { ChildSarsView, DfeFeedView, SarDetailView, SarListView, SarView } from '@lantern/core/views/exchange';
import { request } from './client.ts';

export type { ChildSarsView, DfeFeedView, SarDetailView, SarListView, SarView };
const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}/subject-access-requests`;
const one = (childId: string, sarId: string) => `${child(childId)}/${encodeURIComponent(sarId)}`;

export const exchangeApi = {
  feed: () => request<DfeFeedView>('GET', '/api/dfe-feed'),
  sars: () => request<SarListView>('GET', '/api/subject-access-requests'),
  childSars: (childId: string) => request<ChildSarsView>('GET', child(childId)),
  sar: (childId: string, sarId: string) => request<SarDetailView>('GET', one(childId, sarId)),
  record: (childId: string, body: unknown) => request<{ sarId: string; dueOn: string }>('POST', child(childId), { body }),
  extend: (childId: string, sarId: string, body: unknown) => request<unknown>('POST', `${one(childId, sarId)}/extension`, { body }),
  review: (childId: string, sarId: string, body: unknown) => request<unknown>('PUT', `${one(childId, sarId)}/marks`, { body }),
  release: (childId: string, sarId: string) => request<unknown>('POST', `${one(childId, sarId)}/release`, { body: {} }),
  /** The copy as a PDF: the review copy (marks highlighted) or, once released, the released one. */
  copyHref: (childId: string, sarId: string, copy: 'review' | 'released') => `${one(childId, sarId)}/copy.pdf?copy=${copy}`,
};
