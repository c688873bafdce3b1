/** What the API sends and takes, beyond the record views shared in @lantern/core/views. */
import type {
  assessmentAuthorisation,
  assessmentProgress,
  contactDecision,
  endCinPlan,
  episodeClosure,
  newAssessment,
  newCinPlan,
  newCinPlanReview,
  newConference,
  newContact,
  newCoreGroup,
  newReferral,
  newSection47,
  newStrategyDiscussion,
  newVisit,
  section47Outcome,
} from '@lantern/core/pathway';
import type { chronologyNote, newAllocation } from '@lantern/core/schemas';
import type { PossibleMatch } from '@lantern/core/views';
import type { z } from 'zod';

export type { CaseworkView, EpisodeView, ObligationView } from '@lantern/core/pathway';

export type {
  ChildCase,
  ChildRecord,
  ChildSearchResult,
  ChronologyEntryView,
  PersonSummary,
  PossibleMatch,
} from '@lantern/core/views';

export type { SessionUser } from '@lantern/core/views/session';

export type { Team, Worker } from '@lantern/core/views/workforce';

export type FieldError = { field: string; rule: string; message: string };

/** An RFC 9457 problem document, as the API sends for every error. */
export type Problem = {
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  possibleMatches?: PossibleMatch[];
  currentVersion?: number;
  /** A username used in two councils, once the password is right: the councils to choose from. */
  councils?: { laCode: string; name: string }[];
};

export type NewChildBody = {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
  expectedDateOfBirth?: string | null;
  sex: string;
  ethnicity: string;
  upn?: string | null;
  nhsNumber?: string | null;
  confirmNotDuplicate?: boolean;
};

export type ChildChangesBody = Partial<Omit<NewChildBody, 'confirmNotDuplicate'>> & { upnUnknown?: string | null; version: number };

export type ChronologyNoteBody = z.input<typeof chronologyNote>;

export type AllocationBody = z.input<typeof newAllocation>;

export type PossibleMatchQuery = { givenName?: string; familyName?: string; dateOfBirth?: string; upn?: string; nhsNumber?: string };

// The children-in-need and child-protection pathway: request bodies as the API takes them.
export type NewContactBody = z.input<typeof newContact>;
export type ContactDecisionBody = z.input<typeof contactDecision>;
export type NewReferralBody = z.input<typeof newReferral>;
export type NewAssessmentBody = z.input<typeof newAssessment>;
export type AssessmentProgressBody = z.input<typeof assessmentProgress>;
export type AssessmentAuthorisationBody = z.input<typeof assessmentAuthorisation>;
export type NewStrategyDiscussionBody = z.input<typeof newStrategyDiscussion>;
export type NewSection47Body = z.input<typeof newSection47>;
export type Section47OutcomeBody = z.input<typeof section47Outcome>;
export type NewConferenceBody = z.input<typeof newConference>;
export type NewCoreGroupBody = z.input<typeof newCoreGroup>;
export type NewVisitBody = z.input<typeof newVisit>;
export type NewCinPlanBody = z.input<typeof newCinPlan>;
export type NewCinPlanReviewBody = z.input<typeof newCinPlanReview>;
export type EndCinPlanBody = z.input<typeof endCinPlan>;
export type EpisodeClosureBody = z.input<typeof episodeClosure>;

export type WorklistView = 'mine' | 'team' | 'service';
export type WorklistState = 'overdue' | 'due' | 'open';
export type WorklistQuery = { view?: WorklistView; teamId?: string; workerId?: string; state?: WorklistState; ruleId?: string; asOf?: string; limit?: number };

/** A timescale as GET /api/timescales describes it: `due` in words, e.g. "45 working days". */
export type TimescaleRuleView = {
  id: string;
  what: string;
  countedFrom: string;
  due: string;
  kind: 'statute' | 'guidance' | 'policy' | string;
  source: string;
  responsible: string;
};
