/** The fostering service: households, the register, matching, the section 20 list (types from core's schemas). */
import type { householdsBehindView, householdList, householdView, matchingView, registerView, sectionTwentyView } from '@lantern/core/fostering';
import type { z } from 'zod';
import { request } from './client.ts';

export type HouseholdList = z.infer<typeof householdList>;
export type HouseholdView = z.infer<typeof householdView>;
export type RegisterView = z.infer<typeof registerView>;
export type MatchingView = z.infer<typeof matchingView>;
export type HouseholdsBehind = z.infer<typeof householdsBehindView>;
export type SectionTwentyView = z.infer<typeof sectionTwentyView>;

const household = (id: string) => `/api/fostering/households/${encodeURIComponent(id)}`;
const kindQuery = (placementType: string) => (placementType ? `&placementType=${encodeURIComponent(placementType)}` : '');

export const fosteringApi = {
  households: () => request<HouseholdList>('GET', '/api/fostering/households'),
  household: (id: string) => request<HouseholdView>('GET', household(id)),
  register: () => request<RegisterView>('GET', '/api/fostering/register'),
  sectionTwenty: () => request<SectionTwentyView>('GET', '/api/fostering/section-20'),
  enquiry: (body: unknown) => request<{ householdId: string; reference: string }>('POST', '/api/fostering/households', { body }),
  send: (id: string, path: string, body: unknown) => request<unknown>('POST', `${household(id)}/${path}`, { body }),
  householdsBehind: (indicatorId: string, asOf: string | null) =>
    request<HouseholdsBehind>(
      'GET',
      `/api/fostering/indicators/${encodeURIComponent(indicatorId)}/households${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    ),
  /** The fostering team's matching: households whose terms fit the child, and why the others do not. */
  matching: (childId: string, placementType = '') =>
    request<MatchingView>('GET', `/api/fostering/matching?childId=${encodeURIComponent(childId)}${kindQuery(placementType)}`),
  /** For the child's social worker placing them: the approved in-house carers whose terms fit, with a free place. */
  carersFor: (childId: string, placementType = '') =>
    request<MatchingView>('GET', `/api/children/${encodeURIComponent(childId)}/foster-carers?${kindQuery(placementType).slice(1)}`),
};
