/** The fostering service: households, the register, the section 20 list (types from core's schemas). */
import type { householdList, householdView, registerView, sectionTwentyView } from '@lantern/core/fostering';
import type { z } from 'zod';
import { request } from './client.ts';

export type HouseholdList = z.infer<typeof householdList>;
export type HouseholdView = z.infer<typeof householdView>;
export type RegisterView = z.infer<typeof registerView>;
export type SectionTwentyView = z.infer<typeof sectionTwentyView>;

export const fosteringApi = {
  households: () => request<HouseholdList>('GET', '/api/fostering/households'),
  household: (id: string) => request<HouseholdView>('GET', `/api/fostering/households/${encodeURIComponent(id)}`),
  register: () => request<RegisterView>('GET', '/api/fostering/register'),
  sectionTwenty: () => request<SectionTwentyView>('GET', '/api/fostering/section-20'),
};
