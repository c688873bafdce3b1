// What is recorded for a child looked after: coming into care, a change of placement or legal
// status, ceasing, providers, visits, reviews and missing episodes.

import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { isoDate } from '../schemas.ts';
import { requiredText as text, flag, recordVersion, nullishText, isoDateTime } from '../fields.ts';
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  MISSING_KIND,
  PARTICIPATION,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  PROVIDER_KIND,
  REASON_CEASED,
  REASON_PLACE_CHANGE,
  REGISTRATION_STATUS,
  WITH_PARENT_ARRANGEMENT,
} from './codes.ts';

const postcodeField = nullishText(10);

export const placementDetails = z.object({
  placementType: z.enum(codesOf(PLACEMENT_TYPE)),
  placementProvider: z.enum(codesOf(PLACEMENT_PROVIDER)).nullish(),
  providerId: z.uuid().nullish(),
  urn: nullishText(8).describe('The Ofsted URN where no provider from the register is chosen (or XXXXXXX)'),
  placementPostcode: postcodeField,
  intendedUntil18: z.boolean().default(false).describe('The placement is intended to last until the child is 18 (reg. 28(2)(c))'),
  withParent: z.enum(codesOf(WITH_PARENT_ARRANGEMENT)).nullish(),
  fosterHouseholdId: z.uuid().nullish().describe('The in-house foster carers (a household on the fostering register)'),
});

export const startLookedAfter = placementDetails.extend({
  startDate: isoDate,
  legalStatus: z.enum(codesOf(LEGAL_STATUS)),
  categoryOfNeed: z.enum(codesOf(CATEGORY_OF_NEED)),
  homePostcode: postcodeField,
});

export const careChange = z
  .object({
    episodeId: z.uuid().describe('The current episode, as read: a change made from an older one is refused'),
    version: recordVersion.describe('The version of the current episode'),
    date: isoDate,
    legalStatus: z.enum(codesOf(LEGAL_STATUS)).nullish().describe('The new legal status, if it changes'),
    placement: placementDetails.nullish().describe('The new placement, if it changes'),
    sameCarer: z.boolean().default(false).describe('The new placement is with the same carer(s)'),
    reasonPlaceChange: z.enum(codesOf(REASON_PLACE_CHANGE)).nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.legalStatus && !v.placement) flag(ctx, ['legalStatus'], 'change-required', 'Record a new legal status, a new placement, or both');
    if (v.placement && !v.reasonPlaceChange) flag(ctx, ['reasonPlaceChange'], '903-1009', 'Say why the placement changed');
  });

export const ceaseLookedAfter = z.object({
  episodeId: z.uuid(),
  version: recordVersion,
  endDate: isoDate,
  reasonEnded: z.enum(codesOf(REASON_CEASED)),
});

/** The RNE a change makes (rule 143). */
export function reasonForChange(legalChanged: boolean, placementChanged: boolean, sameCarer: boolean): 'L' | 'P' | 'T' | 'B' | 'U' {
  if (!placementChanged) return 'L';
  if (!legalChanged) return sameCarer ? 'T' : 'P';
  return sameCarer ? 'U' : 'B';
}

export const newProvider = z.object({
  name: text(200),
  urn: z
    .string()
    .trim()
    .regex(/^(SC)?\d{6,7}$/, 'An Ofsted URN is 6 or 7 digits, or SC and 6 digits')
    .nullish(),
  providerKind: z.enum(codesOf(PROVIDER_KIND)),
  placeProvider: z.enum(codesOf(PLACEMENT_PROVIDER)).nullish(),
  registrationStatus: z.enum(codesOf(REGISTRATION_STATUS)),
  registeredFor: z
    .array(z.enum(codesOf(PLACEMENT_TYPE)))
    .default([])
    .describe('The placement types Ofsted registered it for'),
  registeredFrom: isoDate.nullish(),
  registeredTo: isoDate.nullish(),
  postcode: postcodeField,
});
export const providerChanges = newProvider.partial().extend({ version: recordVersion });

export const unregisteredApproval = z.object({
  providerId: z.uuid(),
  placementType: z.enum(codesOf(PLACEMENT_TYPE)),
  approvedOn: isoDate,
  reasons: text(4000).describe('Why this placement is the right one for the child despite the provider not being registered, and the safeguards'),
});

export const newLookedAfterVisit = z
  .object({
    visitedOn: isoDate,
    faceToFace: z.boolean(),
    childSeen: z.boolean(),
    seenAlone: z.boolean().default(false),
    location: nullishText(200).describe('Where the child was seen'),
    childWords: nullishText(4000).describe("The child's wishes and feelings in their own words"),
  })
  .superRefine((v, ctx) => {
    if (v.childSeen && !v.childWords) flag(ctx, ['childWords'], 'child-voice-required', "Record the child's wishes and feelings in their own words");
    if (v.seenAlone && !v.childSeen) flag(ctx, ['seenAlone'], 'seen-alone-needs-seen', 'A child seen alone was seen');
  });

export const newClaReview = z.object({
  heldOn: isoDate,
  participation: z.enum(codesOf(PARTICIPATION)),
  childWords: nullishText(4000),
  iroContactOn: isoDate.nullish().describe('When the IRO spoke with the child before this review'),
  chairWorkerId: z.uuid().nullish().describe('The IRO who chaired (defaults to the child’s IRO)'),
});

export const newMissingEpisode = z.object({
  kind: z.enum(codesOf(MISSING_KIND)),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullish(),
  circumstances: nullishText(4000),
});

export const missingEpisodeChanges = z.object({
  version: recordVersion,
  endedAt: isoDateTime.nullish(),
  rhiOfferedAt: isoDateTime.nullish().describe('When an independent return home interview was offered'),
  rhiAccepted: z.boolean().nullish(),
  rhiLearned: nullishText(4000).describe('What was learned from the interview'),
});

/** Repeat missing episodes: this many started within this many days flags the child to the manager. */
export const REPEAT_MISSING_DEFAULT = { episodes: 3, days: 90 } as const;

/** 72 hours, exactly, from the recorded return. */
export function rhiOfferedInTime(returnedAt: string, offeredAt: string | null, hours = 72): boolean {
  if (!offeredAt) return false;
  return Date.parse(offeredAt) - Date.parse(returnedAt) <= hours * 3_600_000;
}
