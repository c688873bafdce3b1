/**
 * What the partner-agency routes send back (the register, a child's requests, meetings' agency
 * contributions and housing needs, the partner's own inbox, the housing list, the partnership
 * indicators): the server's response schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { childRef, maybe } from '../fields.ts';

const count = z.number().int();

export const partnerOrganisationView = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  partnerType: z.string(),
  typeLabel: z.string(),
  agency: z.string(),
  contacts: z.array(z.object({ contactId: z.uuid(), name: z.string(), jobTitle: maybe, isEscalation: z.boolean() })),
});
export type PartnerOrganisation = z.infer<typeof partnerOrganisationView>;

export const childRequestView = z.object({
  requestId: z.uuid(),
  organisationName: z.string(),
  agency: z.string(),
  contactName: maybe,
  requestType: z.string(),
  typeLabel: z.string(),
  asked: z.string(),
  needToKnow: z.string(),
  sentOn: z.string(),
  respondBy: z.string(),
  state: z.string(),
  reminderFrom: z.string(),
  escalatedOn: maybe,
  escalatedTo: maybe,
  answeredOn: maybe,
  answer: maybe,
  answeredByName: maybe,
  withdrawnOn: maybe,
  requestedBy: maybe,
  version: z.number().int(),
  reports: z.array(z.object({ reportId: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: count })),
});
export type ChildRequest = z.infer<typeof childRequestView>;

export const partnerMeetingView = z.object({
  meetingKind: z.enum(['strategy-discussion', 'conference']),
  meetingId: z.uuid(),
  heldOn: z.string(),
  label: z.string(),
  missingAgencies: z.array(z.string()),
  contributions: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      agency: z.string(),
      invited: z.boolean(),
      attended: z.boolean(),
      reportSentOn: maybe,
    }),
  ),
});
export type PartnerMeeting = z.infer<typeof partnerMeetingView>;

export const housingNeedView = z.object({
  housingNeedId: z.uuid(),
  identifiedOn: z.string(),
  need: z.string(),
  priority: maybe,
  resolvedOn: maybe,
  daysWaiting: count,
  version: z.number().int(),
});
export type HousingNeed = z.infer<typeof housingNeedView>;

export const childPartnerWork = z.object({
  requests: z.array(childRequestView),
  meetings: z.array(partnerMeetingView),
  housingNeeds: z.array(housingNeedView),
});
export type ChildPartnerWork = z.infer<typeof childPartnerWork>;

/** A request as the partner reads it: what they are asked, about whom, by when. */
export const partnerRequestView = z.object({
  requestId: z.uuid(),
  child: z.object({ name: z.string(), dateOfBirth: maybe }),
  requestType: z.string(),
  typeLabel: z.string(),
  asked: z.string(),
  needToKnow: z.string(),
  contactName: maybe,
  sentOn: z.string(),
  respondBy: z.string(),
  reminderFrom: z.string(),
  state: z.string(),
  escalatedTo: maybe,
  requestedBy: maybe,
  version: z.number().int(),
});
export type PartnerRequestView = z.infer<typeof partnerRequestView>;

export const partnerInbox = z.object({ organisationName: maybe, asOf: z.string(), requests: z.array(partnerRequestView) });
export type PartnerInbox = z.infer<typeof partnerInbox>;

export const housingList = z.object({
  asOf: z.string(),
  families: z.array(
    z.object({
      housingNeedId: z.uuid(),
      ...childRef,
      identifiedOn: z.string(),
      need: z.string(),
      priority: maybe,
      housingPartner: maybe,
      requestSentOn: maybe,
      requestState: maybe,
      daysWaiting: count,
    }),
  ),
});
export type HousingList = z.infer<typeof housingList>;

const rate = z.object({ numerator: count, denominator: count, percent: z.number().nullable() });
const byAgency = z.array(rate.extend({ agency: z.string() }));
export const partnerIndicatorsView = z.object({
  asOf: z.string(),
  periodStart: z.string(),
  'partner-requests-in-time': byAgency,
  'conference-attendance-by-agency': byAgency,
  'conferences-missing-agencies': rate,
  'families-waiting-rehousing': z.object({ children: count, medianDays: z.number().nullable(), longestDays: z.number().nullable() }),
});
export type PartnerIndicators = z.infer<typeof partnerIndicatorsView>;
