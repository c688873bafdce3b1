/**
 * What the exchange routes send back — the DfE feed's runs and the children it could not send,
 * subject access requests for the council and for one child — as the server's response schemas
 * and the web app's types, written once.
 */
import { z } from 'zod';
import { SAR_REQUESTERS, sarMark } from '../sar.ts';

/** One day's submission of the DfE feed, with its counts. */
export const dfeFeedRunView = z.object({
  runId: z.string(),
  runOn: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable().describe('Null while the run is under way, or if it stopped part way'),
  dryRun: z.boolean(),
  sentFull: z.number().int(),
  sentPartial: z.number().int(),
  unchanged: z.number().int(),
  purged: z.number().int(),
  failed: z.number().int(),
});
export type DfeFeedRunView = z.infer<typeof dfeFeedRunView>;

/** A child whose last submission the DfE refused, or whose object was not valid to send. */
export const dfeFeedErrorView = z.object({
  childId: z.string(),
  laChildId: z.string(),
  /** The child's name and a link to them, only where the reader may open the child's record. */
  childName: z.string().nullable(),
  mayOpen: z.boolean(),
  sentKind: z.enum(['full', 'partial', 'purge']).nullable(),
  message: z.string().describe('What the API said (or why the object was not valid), in words'),
  at: z.string(),
});
export type DfeFeedErrorView = z.infer<typeof dfeFeedErrorView>;

export const dfeFeedView = z.object({
  runs: z.array(dfeFeedRunView),
  errors: z.array(dfeFeedErrorView),
  /** Children whose last submission was accepted. */
  sentChildren: z.number().int(),
});
export type DfeFeedView = z.infer<typeof dfeFeedView>;

const requester = z.enum(Object.keys(SAR_REQUESTERS) as [keyof typeof SAR_REQUESTERS, ...(keyof typeof SAR_REQUESTERS)[]]);

/** A subject access request as the child's list and its own page show it. */
export const sarView = z.object({
  sarId: z.string(),
  requesterName: z.string(),
  requesterRelationship: requester,
  identitySeen: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  extendedOn: z.string().nullable(),
  extensionReason: z.string().nullable(),
  marks: z.array(sarMark),
  reviewed: z.boolean(),
  releasedOn: z.string().nullable(),
  version: z.number().int(),
});
export type SarView = z.infer<typeof sarView>;

const aboutChild = { childId: z.string(), childName: z.string(), laChildId: z.string().nullable() };
/** One request with the child it is about (its own page). */
export const sarDetailView = sarView.extend(aboutChild);
export type SarDetailView = z.infer<typeof sarDetailView>;
/** A child's requests, latest received first. */
export const childSarsView = z.object({ ...aboutChild, requests: z.array(sarView) });
export type ChildSarsView = z.infer<typeof childSarsView>;

/** The council's requests: open ones soonest due first, then those answered. */
export const sarListItem = z.object({
  sarId: z.string(),
  ...aboutChild,
  requesterName: z.string(),
  requesterRelationship: requester,
  receivedOn: z.string(),
  dueOn: z.string(),
  extendedOn: z.string().nullable(),
  reviewed: z.boolean(),
  releasedOn: z.string().nullable(),
});
export type SarListItem = z.infer<typeof sarListItem>;
export const sarListView = z.object({ requests: z.array(sarListItem) });
export type SarListView = z.infer<typeof sarListView>;
