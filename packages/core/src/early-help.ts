/**
 * Early help: the episode a child is in when the front door decides a contact as early help, an
 * assessment closes with RC9, or a closed child-in-need episode is stepped down; its lead
 * professional and team around the family, the early help assessment, reviews and the end.
 * Step-up: a contact or referral for a child in early help (or whose early help ended in the 12
 * months before) is linked to the episode and shown to the person deciding. The plan itself is a
 * practice-record plan (practice.ts, kind 'early-help'). Labels are plain English.
 */
import { z } from 'zod';
import { addCalendarMonths } from './calendar.ts';
import { codesOf } from './codes.ts';
import { isoDate } from './schemas.ts';
import { someText as text, optionalText, flag, recordVersion, nullishText } from './fields.ts';

/** How an episode began. */
export const EARLY_HELP_ROUTE = {
  contact: 'The front door decided a contact as early help',
  assessment: 'Closed after assessment and referred to early help',
  'step-down': 'Stepped down from children’s social care',
} as const;
export type EarlyHelpRoute = keyof typeof EARLY_HELP_ROUTE;

/** How an episode ended. A step-up is recorded by the referral that makes it, not by hand. */
export const EARLY_HELP_END = {
  'needs-met': 'Needs met',
  'stepped-up': 'Stepped up to children’s social care',
  disengaged: 'The family stopped taking part',
} as const;
export type EarlyHelpEnd = keyof typeof EARLY_HELP_END;
export const EARLY_HELP_END_BY_HAND = ['needs-met', 'disengaged'] as const;

export const LEAD_KIND = { worker: 'A worker of the council', partner: 'Someone at a partner agency' } as const;

/** A contact or referral this long after early help ended is still linked to it (a step-up). */
export const STEP_UP_LINK_MONTHS = 12;

// ---------------------------------------------------------------------------------------------
// Pure rules

export type EpisodeDates = { earlyHelpId: string; startedOn: string; endedOn: string | null };

/**
 * The episode a new contact or referral on `arrivedOn` belongs to: the one open then, else the
 * latest that ended on or within 12 calendar months before it. Null when there is none.
 */
export function stepUpLinkFor<T extends EpisodeDates>(episodes: readonly T[], arrivedOn: string): { episode: T; openThen: boolean } | null {
  const started = episodes.filter((e) => e.startedOn <= arrivedOn);
  const open = started.find((e) => e.endedOn === null || e.endedOn > arrivedOn);
  if (open) return { episode: open, openThen: true };
  const since = addCalendarMonths(arrivedOn, -STEP_UP_LINK_MONTHS);
  const recent = started
    .filter((e) => e.endedOn !== null && e.endedOn >= since && e.endedOn <= arrivedOn)
    .sort((a, b) => (a.endedOn as string).localeCompare(b.endedOn as string))
    .pop();
  return recent ? { episode: recent, openThen: false } : null;
}

/** Whether a referral on `referralOn` is within 12 months of early help ending on `endedOn` (on the day counts). */
export function withinTwelveMonthsOf(endedOn: string, referralOn: string): boolean {
  return referralOn >= endedOn && referralOn <= addCalendarMonths(endedOn, STEP_UP_LINK_MONTHS);
}

/**
 * Why a closed child-in-need episode cannot be stepped down to early help on `startedOn`, or null.
 * It must be closed, the step-down on or after its closure, and the child not already in early help.
 */
export function stepDownRefusal(
  cin: { closureDate: string | null; closureReason: string | null },
  startedOn: string,
  openEarlyHelp: boolean,
): { field: string; rule: string; message: string } | null {
  if (!cin.closureDate) return { field: 'cinEpisodeId', rule: 'episode-closed', message: 'Close the child in need episode before stepping down to early help' };
  if (startedOn < cin.closureDate)
    return { field: 'startedOn', rule: 'after-closure', message: `Early help cannot start before the episode closed (${cin.closureDate})` };
  if (openEarlyHelp) return { field: 'cinEpisodeId', rule: 'early-help-open', message: 'The child is already in early help' };
  if (['RC1', 'RC2', 'RC5', 'RC6'].includes(cin.closureReason ?? ''))
    return { field: 'cinEpisodeId', rule: 'closure-reason', message: 'The episode closed for a reason that leaves nothing to step down to' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// What is recorded

export const stepDown = z.object({
  cinEpisodeId: z.uuid().describe('The closed child in need episode stepped down from'),
  startedOn: isoDate,
  reasons: text(4000).describe('Why early help, and what the family agreed to'),
});

export const tafMember = z.object({
  name: text(200),
  role: text(200).describe('What they do for the family, e.g. school’s designated safeguarding lead, health visitor, Mum'),
  agency: nullishText(200),
  partnerContactId: z.uuid().nullish(),
  workerId: z.uuid().nullish(),
});

/** The lead professional and the team around the family (every save is a version). */
export const earlyHelpTeam = z
  .object({
    version: recordVersion,
    leadKind: z.enum(codesOf(LEAD_KIND)),
    leadWorkerId: z.uuid().nullish(),
    leadContactId: z.uuid().nullish(),
    teamAroundFamily: z.array(tafMember).max(40).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.leadKind === 'worker' && !v.leadWorkerId) flag(ctx, ['leadWorkerId'], 'lead-required', 'Choose the worker who is the lead professional');
    if (v.leadKind === 'partner' && !v.leadContactId)
      flag(ctx, ['leadContactId'], 'lead-required', 'Choose the person at the partner agency who is the lead professional');
  });

/** The early help assessment, written with the family. */
export const earlyHelpAssessment = z.object({
  version: recordVersion,
  completedOn: isoDate,
  strengths: text(10000).describe('What is going well for the family'),
  needs: text(10000).describe('What the family needs help with'),
  familyViews: text(10000).describe('What the child and the family think, in their words'),
});

/** A review of the early help plan with the family and the team around them. */
export const earlyHelpReview = z.object({
  heldOn: isoDate,
  attended: text(2000).describe('Who came'),
  progress: text(10000).describe('What has changed since the plan or the last review'),
  familyViews: optionalText(10000).default(''),
  nextReviewOn: isoDate.nullish(),
});

/** The end of early help: needs met, or the family stopped taking part. */
export const earlyHelpEnding = z.object({
  version: recordVersion,
  endedOn: isoDate,
  outcome: z.enum(EARLY_HELP_END_BY_HAND, { error: 'Choose why early help is ending (a step-up is recorded by the referral)' }),
  reasons: text(4000),
});

// ---------------------------------------------------------------------------------------------
// What the API returns

export const earlyHelpLinkView = z.object({
  earlyHelpId: z.uuid(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endOutcome: z.string().nullable(),
  leadProfessional: z.string().nullable().describe('Name, and agency for a partner'),
  openThen: z.boolean().describe('The child was in early help when the contact or referral came'),
});
export type EarlyHelpLinkView = z.infer<typeof earlyHelpLinkView>;

export const earlyHelpEpisodeView = z.object({
  earlyHelpId: z.uuid(),
  version: z.number().int(),
  startedOn: z.string(),
  route: z.enum(codesOf(EARLY_HELP_ROUTE)),
  routeLabel: z.string(),
  reasons: z.string(),
  cinEpisodeId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  leadKind: z.string().nullable(),
  leadWorkerId: z.uuid().nullable(),
  leadContactId: z.uuid().nullable(),
  leadProfessional: z.string().nullable(),
  teamAroundFamily: z.array(tafMember),
  assessment: z.object({ completedOn: z.string(), strengths: z.string(), needs: z.string(), familyViews: z.string() }).nullable(),
  planDocumentId: z.uuid().nullable().describe('The early help plan (a plan document of kind early-help)'),
  reviews: z.array(
    z.object({
      reviewId: z.uuid(),
      heldOn: z.string(),
      attended: z.string(),
      progress: z.string(),
      familyViews: z.string(),
      nextReviewOn: z.string().nullable(),
    }),
  ),
  stepUps: z.array(
    z.object({
      linkedOn: z.string(),
      openThen: z.boolean(),
      contactId: z.uuid().nullable(),
      cinEpisodeId: z.uuid().nullable(),
      what: z.string().describe('The contact or referral, in words'),
    }),
  ),
  endedOn: z.string().nullable(),
  endOutcome: z.string().nullable(),
  endOutcomeLabel: z.string().nullable(),
  endReasons: z.string().nullable(),
  steppedUpEpisodeId: z.uuid().nullable(),
});

export const earlyHelpChildView = z.object({
  episodes: z.array(earlyHelpEpisodeView).describe('Newest first; at most one is open'),
  stepDownFrom: z
    .array(z.object({ episodeId: z.uuid(), referralDate: z.string(), closureDate: z.string(), closureReason: z.string().nullable() }))
    .describe('Closed child in need episodes that may be stepped down to early help'),
  canRecord: z.boolean(),
  canStepDown: z.boolean(),
});
export type EarlyHelpChildView = z.infer<typeof earlyHelpChildView>;
