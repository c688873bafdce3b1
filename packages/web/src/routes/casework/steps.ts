/**
 * Where a child's casework stands, and which steps make sense to record next. The casework page
 * offers these steps; each form page checks the same rule before it shows its form. The server
 * still decides: these only keep the pages from offering what it would refuse.
 */
import type { CaseworkView, EpisodeView } from '../../api/types.ts';

type Episode = EpisodeView;
type Strategy = Episode['strategyDiscussions'][number];
type Enquiry = Episode['section47s'][number];

export function openEpisode(cw: CaseworkView): Episode | null {
  return cw.episodes.find((e) => !e.closureDate) ?? null;
}

export function openProtectionPlan(ep: Episode | null) {
  return ep?.cpPlans.find((p) => !p.endDate) ?? null;
}

export function openCinPlan(ep: Episode | null) {
  return ep?.cinPlans.find((p) => !p.endDate) ?? null;
}

/** Strategy discussions that decided on a section 47 enquiry not yet started. */
export function strategiesAwaitingEnquiry(ep: Episode | null): Strategy[] {
  if (!ep) return [];
  return ep.strategyDiscussions.filter((s) => s.decision === 'section-47' && !ep.section47s.some((x) => x.strategyId === s.strategyId));
}

/** Enquiries that ended in "initial conference" with no initial conference held since. */
export function enquiriesAwaitingConference(ep: Episode | null): Enquiry[] {
  if (!ep) return [];
  return ep.section47s.filter((s) => s.outcome === 'conference' && !ep.conferences.some((c) => c.kind === 'initial' && c.s47Id === s.s47Id));
}

export function assessmentInProgress(ep: Episode | null) {
  return ep?.assessments.find((a) => !a.completedOn) ?? null;
}

export type StepId =
  | 'contact'
  | 'referral'
  | 'assessment'
  | 'strategy-discussion'
  | 'section-47'
  | 'initial-conference'
  | 'review-conference'
  | 'core-group'
  | 'visit'
  | 'cin-plan'
  | 'cin-plan-review'
  | 'cin-plan-end'
  | 'closure';

export const STEP_TEXT: Record<StepId, string> = {
  contact: 'Record a contact',
  referral: 'Record a referral',
  assessment: 'Start an assessment',
  'strategy-discussion': 'Record a strategy discussion',
  'section-47': 'Start a section 47 enquiry',
  'initial-conference': 'Record an initial child protection conference',
  'review-conference': 'Record a review child protection conference',
  'core-group': 'Record a core group meeting',
  visit: 'Record a visit',
  'cin-plan': 'Start a child in need plan',
  'cin-plan-review': 'Record a child in need plan review',
  'cin-plan-end': 'End the child in need plan',
  closure: 'Close the episode',
};

/**
 * Why a step cannot be recorded now, in words for the person trying; null when it can.
 * Permission first, then whether the step makes sense where the casework stands.
 */
export function whyNot(step: StepId, cw: CaseworkView): string | null {
  const ep = openEpisode(cw);
  const plan = openProtectionPlan(ep);
  const cinPlan = openCinPlan(ep);
  if (step === 'closure') {
    if (!cw.canClose) return 'Only a manager can close an episode.';
  } else if (!cw.canRecord) {
    return 'Your role does not include recording casework for this child.';
  }
  if (step === 'contact') return null;
  if (step === 'referral') return ep ? 'The child already has an open child in need episode. Record what happens next in it.' : null;
  if (!ep) return 'The child has no open child in need episode. Record a contact and decide it as a referral, or record a referral, first.';
  switch (step) {
    case 'assessment':
      return assessmentInProgress(ep) ? 'An assessment is already in progress. Complete it before starting another.' : null;
    case 'strategy-discussion':
    case 'visit':
      return null;
    case 'section-47':
      return strategiesAwaitingEnquiry(ep).length ? null : 'A section 47 enquiry starts from a strategy discussion that decided on one.';
    case 'initial-conference':
      if (plan) return 'The child is already on a child protection plan. Record a review conference instead.';
      return enquiriesAwaitingConference(ep).length ? null : 'An initial conference follows a section 47 enquiry whose outcome was an initial conference.';
    case 'review-conference':
    case 'core-group':
      return plan ? null : 'The child is not on a child protection plan.';
    case 'cin-plan':
      if (cinPlan) return 'The child already has a child in need plan.';
      return plan ? 'The child is on a child protection plan.' : null;
    case 'cin-plan-review':
    case 'cin-plan-end':
      return cinPlan ? null : 'The child does not have a child in need plan.';
    case 'closure':
      return plan ? 'The child is on a child protection plan. End the plan at a review conference before closing the episode.' : null;
  }
  return null;
}

export function stepPath(childId: string, step: StepId): string {
  return `/children/${childId}/record/${step}`;
}

export function caseworkPath(childId: string): string {
  return `/children/${childId}/casework`;
}

/** Where an open episode stands now, in a few words. */
export function stageOf(ep: Episode): string {
  if (ep.closureDate) return 'Closed';
  if (openProtectionPlan(ep)) return 'On a child protection plan';
  if (ep.section47s.some((s) => !s.completedOn)) return 'Section 47 enquiry under way';
  if (enquiriesAwaitingConference(ep).length) return 'Awaiting an initial child protection conference';
  if (openCinPlan(ep)) return 'On a child in need plan';
  const assessment = ep.assessments.find((a) => !a.authorisedOn);
  if (assessment) return assessment.completedOn ? 'Assessment awaiting a manager’s authorisation' : 'Assessment under way';
  if (ep.assessments.length === 0) return 'Referral: assessment not started';
  return 'Open';
}
