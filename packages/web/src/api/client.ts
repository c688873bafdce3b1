/**
 * The Lantern API over fetch: JSON in, JSON out, the session cookie sent with every call.
 * Every failure is an ApiError carrying the server's problem document. A 401 anywhere but
 * the session calls themselves sends the user back to sign in.
 */
import type {
  AllocationBody,
  AssessmentAuthorisationBody,
  AssessmentProgressBody,
  CaseworkView,
  ChildCase,
  ChildChangesBody,
  ChildRecord,
  ChildSearchResult,
  ChronologyEntryView,
  ChronologyNoteBody,
  ContactDecisionBody,
  EndCinPlanBody,
  EpisodeClosureBody,
  NewAssessmentBody,
  NewChildBody,
  NewCinPlanBody,
  NewCinPlanReviewBody,
  NewConferenceBody,
  NewContactBody,
  NewCoreGroupBody,
  NewReferralBody,
  NewSection47Body,
  NewStrategyDiscussionBody,
  NewVisitBody,
  ObligationView,
  PossibleMatch,
  PossibleMatchQuery,
  Problem,
  Section47OutcomeBody,
  SessionUser,
  Team,
  TimescaleRuleView,
  Worker,
  WorklistQuery,
} from './types.ts';
import type { CinCensusImport, CinCensusRun, Ssda903Check, Ssda903Import, Ssda903Run, UploadedCsv } from '@lantern/core/views/returns';

export type { CinCensusImport, CinCensusRun, Ssda903Check, Ssda903Import, Ssda903Run, UploadedCsv };
import type { ChildPartnerWork, HousingList, PartnerIndicators, PartnerInbox, PartnerOrganisation, PartnerRequestView } from '@lantern/core/views/partners';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get status() {
    return this.problem.status;
  }
}

/** Any thrown thing as a problem document, for showing to the user. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { title: 'Something went wrong', status: 0, detail: error instanceof Error ? error.message : String(error) };
}

let unauthorised: (() => void) | null = null;

/** Called on a 401 from any call but the session ones. */
export function onUnauthorised(handler: (() => void) | null) {
  unauthorised = handler;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';
}

type Options = { body?: unknown; query?: Record<string, string | number | undefined>; signInCall?: boolean };

export async function request<T>(method: string, path: string, options: Options = {}): Promise<T> {
  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError({ title: 'No connection', status: 0, detail: 'Lantern could not reach the server. Check your connection and try again.' });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const problem: Problem = isProblem(data)
      ? data
      : { title: res.statusText || 'Error', status: res.status, detail: 'The server did not answer as expected. Try again.' };
    if (res.status === 401 && !options.signInCall) unauthorised?.();
    throw new ApiError(problem);
  }
  return data as T;
}

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export const api = {
  session: {
    current: () => request<{ user: SessionUser }>('GET', '/api/session', { signInCall: true }),
    options: () =>
      request<{ passwords: boolean; identityProvider: { name: string; start: string } | null }>('GET', '/api/session/options', { signInCall: true }),
    signIn: (username: string, password: string, laCode?: string) =>
      request<{ user: SessionUser }>('POST', '/api/session', { body: { username, password, ...(laCode ? { laCode } : {}) }, signInCall: true }),
    changePassword: (body: { username: string; password: string; newPassword: string; laCode?: string }) =>
      request<{ user: SessionUser }>('POST', '/api/session/password', { body, signInCall: true }),
    signOut: () => request<null>('DELETE', '/api/session', { signInCall: true }),
    signOutEverywhere: () => request<{ ended: number }>('DELETE', '/api/sessions', { signInCall: true }),
  },
  children: {
    search: (q: string, limit = 25) => request<{ results: ChildSearchResult[]; total: number }>('GET', '/api/children', { query: { q, limit } }),
    possibleMatches: (query: PossibleMatchQuery) => request<{ matches: PossibleMatch[] }>('GET', '/api/children/possible-matches', { query }),
    create: (body: NewChildBody) => request<{ child: ChildRecord }>('POST', '/api/children', { body }),
    get: (childId: string) => request<ChildCase>('GET', `/api/children/${encodeURIComponent(childId)}`),
    update: (childId: string, body: ChildChangesBody) => request<{ child: ChildRecord }>('PATCH', `/api/children/${encodeURIComponent(childId)}`, { body }),
    chronology: (childId: string) => request<{ entries: ChronologyEntryView[] }>('GET', `/api/children/${encodeURIComponent(childId)}/chronology`),
    addNote: (childId: string, body: ChronologyNoteBody) =>
      request<{ entry: ChronologyEntryView }>('POST', `/api/children/${encodeURIComponent(childId)}/chronology`, { body }),
    allocate: (childId: string, body: AllocationBody) =>
      request<{ allocationId: string }>('POST', `/api/children/${encodeURIComponent(childId)}/allocations`, { body }),
  },
  casework: {
    get: (childId: string) => request<CaseworkView>('GET', `${child(childId)}/casework`),
    addContact: (childId: string, body: NewContactBody) => request<{ contactId: string }>('POST', `${child(childId)}/contacts`, { body }),
    decideContact: (childId: string, contactId: string, body: ContactDecisionBody) =>
      request<{ episodeId: string | null }>('POST', `${child(childId)}/contacts/${encodeURIComponent(contactId)}/decision`, { body }),
    addReferral: (childId: string, body: NewReferralBody) => request<{ episodeId: string }>('POST', `${child(childId)}/referrals`, { body }),
    startAssessment: (childId: string, body: NewAssessmentBody) => request<{ assessmentId: string }>('POST', `${child(childId)}/assessments`, { body }),
    updateAssessment: (childId: string, assessmentId: string, body: AssessmentProgressBody) =>
      request<{ version: number }>('PATCH', `${child(childId)}/assessments/${encodeURIComponent(assessmentId)}`, { body }),
    authoriseAssessment: (childId: string, assessmentId: string, body: AssessmentAuthorisationBody) =>
      request<unknown>('POST', `${child(childId)}/assessments/${encodeURIComponent(assessmentId)}/authorisation`, { body }),
    addStrategyDiscussion: (childId: string, body: NewStrategyDiscussionBody) =>
      request<{ strategyId: string }>('POST', `${child(childId)}/strategy-discussions`, { body }),
    startSection47: (childId: string, body: NewSection47Body) => request<{ s47Id: string }>('POST', `${child(childId)}/section47s`, { body }),
    section47Outcome: (childId: string, s47Id: string, body: Section47OutcomeBody) =>
      request<unknown>('POST', `${child(childId)}/section47s/${encodeURIComponent(s47Id)}/outcome`, { body }),
    addConference: (childId: string, body: NewConferenceBody) =>
      request<{ conferenceId: string; planId: string | null }>('POST', `${child(childId)}/conferences`, { body }),
    addCoreGroup: (childId: string, body: NewCoreGroupBody) => request<unknown>('POST', `${child(childId)}/core-groups`, { body }),
    addVisit: (childId: string, body: NewVisitBody) => request<{ visitId: string }>('POST', `${child(childId)}/visits`, { body }),
    startCinPlan: (childId: string, body: NewCinPlanBody) => request<unknown>('POST', `${child(childId)}/cin-plans`, { body }),
    reviewCinPlan: (childId: string, body: NewCinPlanReviewBody) => request<unknown>('POST', `${child(childId)}/cin-plans/current/reviews`, { body }),
    endCinPlan: (childId: string, body: EndCinPlanBody) => request<unknown>('POST', `${child(childId)}/cin-plans/current/end`, { body }),
    close: (childId: string, body: EpisodeClosureBody) => request<{ decisionId: string }>('POST', `${child(childId)}/closure`, { body }),
  },
  worklist: {
    get: (query: WorklistQuery) =>
      request<{ obligations: ObligationView[]; counts: { overdue: number; due: number } }>('GET', '/api/worklist', { query: { ...query } }),
    timescales: () => request<{ rules: TimescaleRuleView[] }>('GET', '/api/timescales'),
  },
  workforce: {
    teams: () => request<{ teams: Team[] }>('GET', '/api/teams'),
    workers: (teamId?: string) => request<{ workers: Worker[] }>('GET', '/api/workers', { query: { teamId } }),
  },
  returns: {
    runCinCensus: (year: number) => request<CinCensusRun>('POST', '/api/returns/cin-census/runs', { body: { year } }),
    validateCinCensus: (xml: string) => request<CinCensusRun>('POST', '/api/returns/cin-census/validate', { body: { xml } }),
    importCinCensus: (xml: string, fileName: string) => request<CinCensusImport>('POST', '/api/returns/cin-census/imports', { body: { xml, fileName } }),
    runSsda903: (year: number) => request<Ssda903Run>('POST', '/api/returns/ssda903/runs', { body: { year } }),
    validateSsda903: (year: number, files: UploadedCsv[]) => request<Ssda903Check>('POST', '/api/returns/ssda903/validate', { body: { year, files } }),
    importSsda903: (year: number, files: UploadedCsv[]) => request<Ssda903Import>('POST', '/api/returns/ssda903/imports', { body: { year, files } }),
  },
};

/** Partner agencies: the register, requests about a child and their answers, the partner's own list, housing. */
export const partnersApi = {
  organisations: () => request<{ organisations: PartnerOrganisation[] }>('GET', '/api/partner-organisations'),
  work: (childId: string) => request<ChildPartnerWork>('GET', `${child(childId)}/partner-work`),
  send: (childId: string, body: unknown) => request<{ requestId: string; respondBy: string }>('POST', `${child(childId)}/partner-requests`, { body }),
  addHousingNeed: (childId: string, body: unknown) => request<{ housingNeedId: string }>('POST', `${child(childId)}/housing-needs`, { body }),
  contributions: (childId: string, kind: string, meetingId: string, body: unknown) =>
    request<unknown>('PUT', `${child(childId)}/meetings/${encodeURIComponent(kind)}/${encodeURIComponent(meetingId)}/contributions`, { body }),
  inbox: () => request<PartnerInbox>('GET', '/api/partner/requests'),
  request: (requestId: string) => request<{ request: PartnerRequestView }>('GET', `/api/partner/requests/${encodeURIComponent(requestId)}`),
  answer: (requestId: string, body: unknown) =>
    request<{ requestId: string }>('POST', `/api/partner/requests/${encodeURIComponent(requestId)}/answer`, { body }),
  addOrganisation: (body: unknown) => request<{ organisationId: string }>('POST', '/api/partner-organisations', { body }),
  addContact: (organisationId: string, body: unknown) =>
    request<{ contactId: string }>('POST', `/api/partner-organisations/${encodeURIComponent(organisationId)}/contacts`, { body }),
  addPartnerUser: (organisationId: string, body: unknown) =>
    request<{ userId: string }>('POST', `/api/partner-organisations/${encodeURIComponent(organisationId)}/users`, { body }),
  housingList: () => request<HousingList>('GET', '/api/housing-list'),
  indicators: () => request<PartnerIndicators>('GET', '/api/partner-indicators'),
};
/** The request function for areas that keep their calls in their own module (api/care.ts). */
export { request as apiRequest };
