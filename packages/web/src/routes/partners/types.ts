/** What the partner-agency routes return, as the screens use it. */
export type PartnerOrganisation = {
  organisationId: string;
  name: string;
  partnerType: string;
  typeLabel: string;
  agency: string;
  contacts: { contactId: string; name: string; jobTitle: string | null; isEscalation: boolean }[];
};

export type ChildRequest = {
  requestId: string;
  organisationName: string;
  agency: string;
  contactName: string | null;
  requestType: string;
  typeLabel: string;
  asked: string;
  needToKnow: string;
  sentOn: string;
  respondBy: string;
  state: string;
  reminderFrom: string;
  escalatedOn: string | null;
  escalatedTo: string | null;
  answeredOn: string | null;
  answer: string | null;
  answeredByName: string | null;
  withdrawnOn: string | null;
  requestedBy: string | null;
  reports: { reportId: string; fileName: string; contentType: string; sizeBytes: number }[];
};

export type Meeting = {
  meetingKind: 'strategy-discussion' | 'conference';
  meetingId: string;
  heldOn: string;
  label: string;
  missingAgencies: string[];
  contributions: { organisationId: string; organisationName: string; agency: string; invited: boolean; attended: boolean; reportSentOn: string | null }[];
};

export type HousingNeed = {
  housingNeedId: string;
  identifiedOn: string;
  need: string;
  priority: string | null;
  resolvedOn: string | null;
  daysWaiting: number;
};

export type ChildPartnerWork = { requests: ChildRequest[]; meetings: Meeting[]; housingNeeds: HousingNeed[] };

export type PartnerRequestView = {
  requestId: string;
  child: { name: string; dateOfBirth: string | null };
  typeLabel: string;
  asked: string;
  needToKnow: string;
  contactName: string | null;
  sentOn: string;
  respondBy: string;
  state: string;
  escalatedTo: string | null;
  requestedBy: string | null;
  version: number;
};

export type PartnerInbox = { organisationName: string | null; asOf: string; requests: PartnerRequestView[] };

export type HousingList = {
  asOf: string;
  families: {
    housingNeedId: string;
    childId: string;
    laChildId: string;
    childName: string;
    identifiedOn: string;
    need: string;
    priority: string | null;
    housingPartner: string | null;
    requestSentOn: string | null;
    requestState: string | null;
    daysWaiting: number;
  }[];
};

type ByAgency = { agency: string; numerator: number; denominator: number; percent: number | null }[];
export type PartnerIndicators = {
  asOf: string;
  periodStart: string;
  'partner-requests-in-time': ByAgency;
  'conference-attendance-by-agency': ByAgency;
  'conferences-missing-agencies': { numerator: number; denominator: number; percent: number | null };
  'families-waiting-rehousing': { children: number; medianDays: number | null; longestDays: number | null };
};
