/** Calls and shapes for conferences and looked-after reviews, recommendations, escalations and the child's voice. */
import { apiRequest as request } from './client.ts';

export type Attendee = {
  role: string;
  roleLabel: string;
  name: string | null;
  agency: string | null;
  partnerContactId: string | null;
  contactLabel: string | null;
  invited: boolean;
  attended: boolean;
  sentReport: boolean;
};

export type Recommendation = {
  recommendationId: string;
  recommendation: string;
  ownerWorkerId: string;
  ownerName: string;
  dueOn: string | null;
  dueDate: string | null;
  doneOn: string | null;
  doneNote: string | null;
  version: number;
};

export type Meeting = {
  kind: 'conference' | 'review';
  meetingId: string;
  heldOn: string;
  title: string;
  outcomeLabel: string | null;
  chair: string | null;
  participation: string | null;
  participationLabel: string | null;
  childWords: string | null;
  record: {
    attendees: Attendee[];
    viewsHeard: string | null;
    viewsHeardLabel: string | null;
    childWords: string | null;
    decisions: string | null;
    decisionsSentOn: string | null;
    recordWrittenOn: string | null;
    version: number;
  } | null;
  recommendations: Recommendation[];
};

export type EscalationStageView = {
  stageId: string;
  stage: string;
  stageLabel: string;
  raisedOn: string;
  ownerWorkerId: string;
  ownerName: string;
  answeredOn: string | null;
  outcome: 'resolved' | 'escalated' | null;
  note: string | null;
  version: number;
};

export type Escalation = {
  escalationId: string;
  raisedOn: string;
  raisedByName: string;
  raisedByWorkerId: string;
  concern: string;
  stage: string;
  resolvedOn: string | null;
  resolution: string | null;
  version: number;
  stages: EscalationStageView[];
};

export type MeetingsView = {
  childId: string;
  name: string;
  canRecord: boolean;
  canRaiseEscalation: boolean;
  meetings: Meeting[];
  escalations: Escalation[];
  workers: { workerId: string; name: string; jobRole: string }[];
  partnerContacts: { contactId: string; label: string }[];
};

export type OpenEscalation = {
  escalation_id: string;
  child_id: string;
  child_name: string;
  raised_on: string;
  raised_by_name: string;
  concern: string;
  stage: string;
  stages: EscalationStageView[];
};

export type Heard = { on: string; source: string; link: string; words: string | null };
export type VoiceView = { lastSeen: Heard | null; lastSeenAlone: Heard | null; latestWords: Heard | null; words: Heard[] };

export const meetingsApi = {
  get: (childId: string) => request<MeetingsView>('GET', `/api/children/${childId}/meetings`),
  voice: (childId: string) => request<VoiceView>('GET', `/api/children/${childId}/voice`),
  openEscalations: () => request<OpenEscalation[]>('GET', '/api/iro-escalations'),
  send: (childId: string, method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) =>
    request<unknown>(method, `/api/children/${childId}/${path}`, { body }),
};
