/** What the API sends back: the records as the web app and other clients read them. */
import { z } from 'zod';
import { workerRef } from './fields.ts';

export const childRecord = z.object({
  childId: z.uuid(),
  laChildId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  expectedDateOfBirth: z.string().nullable(),
  sex: z.enum(['M', 'F', 'U']),
  ethnicity: z.string().nullable(),
  upn: z.string().nullable(),
  formerUpn: z.string().nullable(),
  upnUnknown: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  dateOfDeath: z.string().nullable(),
  uasc: z.boolean(),
  disabilities: z.array(z.string()),
  restricted: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChildRecord = z.infer<typeof childRecord>;

export const personSummary = z.object({
  personId: z.uuid(),
  isChild: z.boolean(),
  laChildId: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  sex: z.string(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const possibleMatch = personSummary.extend({
  reasons: z.array(z.string()),
  strength: z.enum(['strong', 'possible']),
});
export type PossibleMatch = z.infer<typeof possibleMatch>;

export const workerSummary = z.object({
  ...workerRef,
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
});

export const childSearchResult = z.object({
  childId: z.uuid(),
  laChildId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  expectedDateOfBirth: z.string().nullable(),
  sex: z.string(),
  allocatedWorker: z.string().nullable(),
  team: z.string().nullable(),
});
export type ChildSearchResult = z.infer<typeof childSearchResult>;

export const relationshipView = z.object({
  relationshipId: z.uuid(),
  type: z.string(),
  typeLabel: z.string(),
  person: personSummary,
  parentalResponsibility: z.boolean(),
  livesWithChild: z.boolean(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  notes: z.string().nullable(),
});

export const addressView = z.object({
  addressId: z.uuid(),
  line1: z.string(),
  line2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const allocationView = z.object({
  allocationId: z.uuid(),
  role: z.string(),
  roleLabel: z.string(),
  worker: workerSummary,
  workerEmployment: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  startReason: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const childCase = z.object({
  child: childRecord,
  relationships: z.array(relationshipView),
  addresses: z.array(addressView),
  allocations: z.object({ current: z.array(allocationView), past: z.array(allocationView) }),
  socialWorkersLast12Months: z.number().int(),
  canUpdate: z.boolean(),
  canAddNote: z.boolean(),
  canAllocate: z.boolean(),
});
export type ChildCase = z.infer<typeof childCase>;

export const chronologyEntryView = z.object({
  entryId: z.uuid(),
  occurredOn: z.string(),
  category: z.string(),
  summary: z.string(),
  recordType: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type ChronologyEntryView = z.infer<typeof chronologyEntryView>;

export const versionView = z.object({
  version: z.number().int(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
