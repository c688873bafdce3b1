/**
 * What the looked-after routes send back (a child's record of care: episodes, periods,
 * placements, visits, reviews, missing episodes, deadlines; the providers register; the
 * director's unregistered placements; the missing-children list): the server's response
 * schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { obligationView } from './casework.ts';
import { maybe } from '../fields.ts';

const date = z.string();

/** One SSDA903 episode, with what Lantern keeps beside it. */
export const episodeView = z.object({
  episodeId: z.string(),
  periodId: z.string(),
  placementId: z.string(),
  startDate: date,
  endDate: maybe,
  reasonNewEpisode: z.string(),
  legalStatus: z.string(),
  categoryOfNeed: z.string(),
  placementType: z.string(),
  placementProvider: maybe,
  providerId: maybe,
  providerName: maybe,
  urn: maybe,
  placementPostcode: maybe,
  homePostcode: maybe,
  reasonEnded: maybe,
  reasonPlaceChange: maybe,
  intendedUntil18: z.boolean(),
  withParent: maybe,
  version: z.number().int(),
});
export type EpisodeView = z.infer<typeof episodeView>;

/** The director's approval of a placement with a provider not registered for that care. */
export const approvalView = z.object({
  approvalId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  placementType: z.string(),
  approvedOn: date,
  approvedBy: z.string(),
  reasons: z.string(),
  placementId: maybe,
});

/** A period of care: its episodes, and the placements and legal statuses they make up. */
export const periodView = z.object({
  periodId: z.string(),
  startDate: date,
  endDate: maybe,
  reasonEnded: maybe,
  episodes: z.array(episodeView),
  placements: z.array(
    z.object({
      placementId: z.string(),
      startDate: date,
      endDate: maybe,
      placementType: z.string(),
      providerId: maybe,
      urn: maybe,
      reasonChanged: maybe,
    }),
  ),
  legalStatuses: z.array(z.object({ legalStatus: z.string(), startDate: date, endDate: maybe })),
});

export const RHI_STATES = ['missing', 'offered-in-time', 'offered-late', 'overdue', 'due'] as const;

/** A missing (or away without permission) episode, its return home interview and whether it is a repeat. */
export const missingView = z.object({
  missingId: z.string(),
  kind: z.enum(['M', 'A']),
  startedAt: z.string(),
  endedAt: maybe,
  circumstances: maybe,
  rhiDueAt: maybe,
  rhiOfferedAt: maybe,
  rhiAccepted: z.boolean().nullable(),
  rhiLearned: maybe,
  rhiState: z.enum(RHI_STATES),
  repeat: z.boolean(),
  version: z.number().int(),
});
export type MissingView = z.infer<typeof missingView>;

/** A child's looked-after record. */
export const lookedAfterRecordView = z.object({
  childId: z.string(),
  childName: z.string(),
  dateOfBirth: maybe,
  lookedAfter: z.boolean(),
  current: episodeView.extend({ unregisteredApproval: approvalView.nullable() }).nullable(),
  history: z.object({ periods: z.array(periodView) }),
  episodes: z.array(episodeView),
  approvals: z.array(approvalView),
  visits: z.array(
    z.object({
      visitId: z.string(),
      visitedOn: date,
      faceToFace: z.boolean().nullable(),
      childSeen: z.boolean(),
      seenAlone: z.boolean(),
      location: maybe,
      childWords: maybe,
      placementId: maybe,
    }),
  ),
  reviews: z.array(
    z.object({
      reviewId: z.string(),
      periodId: z.string(),
      heldOn: date,
      chair: maybe,
      participation: z.string(),
      childWords: maybe,
      iroContactOn: maybe,
    }),
  ),
  missing: z.array(missingView),
  repeatMissing: z.boolean(),
  deadlines: z.array(obligationView),
  canRecord: z.boolean(),
  canApproveUnregistered: z.boolean(),
});
export type LookedAfterRecord = z.infer<typeof lookedAfterRecordView>;

/** A provider on the council's register. */
export const providerView = z.object({
  providerId: z.string(),
  name: z.string(),
  urn: maybe,
  providerKind: z.string(),
  placeProvider: maybe,
  registrationStatus: z.string(),
  registeredFor: z.array(z.string()),
  registeredFrom: maybe,
  registeredTo: maybe,
  postcode: maybe,
  version: z.number().int(),
});
export type ProviderView = z.infer<typeof providerView>;
export const providersView = z.object({ providers: z.array(providerView) });

/** A child on one of the lists below, spread into its row. */
const childOnList = { childId: z.string(), laChildId: z.string(), childName: z.string() };

/** Children placed now with a provider not registered for that care: the director's live list. */
export const unregisteredPlacementsView = z.object({
  asOf: date,
  placements: z.array(
    z.object({
      ...childOnList,
      dateOfBirth: maybe,
      providerName: z.string(),
      urn: maybe,
      registrationStatus: z.string(),
      placementType: z.string(),
      placedOn: date,
      daysPlaced: z.number().int(),
      approvedOn: date,
      approvedBy: z.string(),
      reasons: z.string(),
      lastVisit: maybe,
      nextVisitDue: maybe,
      visitOverdue: z.boolean(),
    }),
  ),
});
export type UnregisteredPlacement = z.infer<typeof unregisteredPlacementsView>['placements'][number];

const missingOnList = missingView.extend({ ...childOnList, socialWorker: maybe, manager: maybe });

/** Missing now, recent episodes, interviews not offered in time, and children with repeated episodes. */
export const missingChildrenView = z.object({
  repeatSetting: z.object({ episodes: z.number().int(), days: z.number().int() }),
  missingNow: z.array(missingOnList),
  rhiNotInTime: z.array(missingOnList),
  repeatFlags: z.array(z.object({ ...childOnList, manager: maybe, episodes: z.number().int() })),
  recent: z.array(missingOnList),
});
export type MissingChildren = z.infer<typeof missingChildrenView>;
