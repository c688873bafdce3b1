/** Calls and shapes for conferences and looked-after reviews, recommendations, escalations and the child's voice. */
import type {
  Attendee,
  Escalation,
  EscalationStageView,
  Heard,
  Meeting,
  MeetingsView,
  OpenEscalation,
  Recommendation,
  VoiceView,
} from '@lantern/core/views/meetings';
import { apiRequest as request } from './client.ts';

export type { Attendee, Escalation, EscalationStageView, Heard, Meeting, MeetingsView, OpenEscalation, Recommendation, VoiceView };

export const meetingsApi = {
  get: (childId: string) => request<MeetingsView>('GET', `/api/children/${childId}/meetings`),
  voice: (childId: string) => request<VoiceView>('GET', `/api/children/${childId}/voice`),
  openEscalations: () => request<OpenEscalation[]>('GET', '/api/iro-escalations'),
  send: (childId: string, method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) =>
    request<unknown>(method, `/api/children/${childId}/${path}`, { body }),
};
