/**
 * Words for the synthetic children-in-need and child-protection records: presenting concerns,
 * decision reasons, conference and core-group notes, and the child's own words at visits. All
 * made up; {child} is the child's given name, {carer} the adult they live with, {they} / {their}
 * the child's pronouns.
 */
import { WeightedPicker } from './rng.ts';

export const REFERRAL_SOURCES = WeightedPicker.of<string>([
  ['6', 28],
  ['2A', 20],
  ['2B', 1.5],
  ['3A', 2.5],
  ['3B', 2],
  ['3C', 0.8],
  ['3D', 1.5],
  ['3E', 2.5],
  ['3F', 5],
  ['4', 1.5],
  ['5A', 4],
  ['5B', 2.5],
  ['5C', 2],
  ['5D', 2],
  ['1A', 5],
  ['1B', 0.5],
  ['1C', 1],
  ['1D', 0.5],
  ['7', 3],
  ['8', 4],
  ['9', 1.5],
  ['10', 1],
]);

/** CIN census primary need at referral: abuse, neglect and exploitation (N1) most of all. */
export const PRIMARY_NEEDS = WeightedPicker.of<string>([
  ['N1', 57],
  ['N2', 8],
  ['N3', 4],
  ['N4', 9],
  ['N5', 15],
  ['N6', 2.5],
  ['N7', 0.4],
  ['N8', 2],
  ['N9', 1.4],
  ['N0', 0.7],
]);

/** Factors identified at assessment (never '21', which is drawn separately and stands alone). */
export const FACTORS = WeightedPicker.of<string>([
  ['3B', 26],
  ['4B', 22],
  ['17A', 16],
  ['16A', 14],
  ['3A', 12],
  ['4A', 12],
  ['2B', 10],
  ['1B', 8],
  ['18C', 7],
  ['15A', 6],
  ['20', 6],
  ['5A', 4],
  ['6B', 4],
  ['10A', 4],
  ['14A', 4],
  ['24A', 3],
  ['11A', 3],
  ['3C', 3],
  ['2A', 2],
  ['5B', 2],
  ['6A', 2],
  ['19C', 2],
  ['7A', 1.5],
  ['1A', 1],
  ['4C', 1],
  ['13A', 1],
  ['18B', 1],
  ['19B', 1],
  ['12A', 0.3],
  ['22A', 0.2],
  ['23A', 0.2],
]);

export const CATEGORIES = WeightedPicker.of<string>([
  ['NEG', 50],
  ['EMO', 37],
  ['PHY', 8],
  ['SAB', 4],
  ['MUL', 1],
]);

const CONCERNS: Record<string, readonly string[]> = {
  N1: [
    'Police attended a domestic incident at the home; the children were present.',
    'School reports unexplained bruising to {child}’s arm.',
    '{child} arriving at school hungry and in unwashed clothes; home conditions a concern.',
    'A parent was found intoxicated while caring for {child}.',
    '{child} told a teacher that {they} had been hit at home.',
    'Concerns that {child} is being exploited by older young people in the town.',
    'Repeated domestic abuse notifications; the perpetrator has returned to the home.',
  ],
  N2: ['Request for support for {child}, who is disabled, and the family caring for {them}.', 'Carers exhausted; short breaks requested for {child}.'],
  N3: ['Parent admitted to hospital; concern about who is caring for {child}.', 'Parent’s mental health has deteriorated; worries about care of {child}.'],
  N4: ['Family facing eviction; parent struggling to cope with {child}.', 'Bereavement in the family; parent not coping.'],
  N5: ['Parents separated with ongoing conflict; {child} caught in the middle.', 'Frequent arguments at home; {child} staying away overnight.'],
  N6: ['{child} missing overnight; concerns about exploitation.', '{child} arrested for shoplifting with older peers.'],
  N7: ['Family without money for food or heating; {child} affected.'],
  N8: ['{child} arrived in the area without a parent or carer.', 'Parent in custody; no settled carer for {child}.'],
  N9: ['Request for a report for private law proceedings about {child}.'],
  N0: ['Concerns reported about {child}’s welfare.'],
};

const LOW_CONCERNS: readonly string[] = [
  'Police notification: verbal argument at the home, no offences disclosed.',
  'School concerned about {child}’s attendance.',
  'Anonymous caller worried about shouting at the address.',
  'Health visitor reports missed appointments for {child}.',
  '{carer} asking for help with {child}’s behaviour at home.',
  'Neighbour concerned that {child} is left alone in the evenings.',
  'School nurse concerned about {child}’s weight and hygiene.',
  'Police welfare check after a report of a disturbance; all safe.',
];

export function concernFor(need: string | null, pick: (items: readonly string[]) => string): string {
  return pick(need === null ? LOW_CONCERNS : (CONCERNS[need] ?? LOW_CONCERNS));
}

export const DECISION_REASONS: Record<'nfa' | 'early-help' | 'referral' | 'referral-harm', readonly string[]> = {
  nfa: [
    'Information shared with school; no role for children’s social care.',
    'The family have addressed the concern; no further action.',
    'Below the threshold for assessment; advice given to the referrer.',
    'No new information about a child already known; no further action.',
  ],
  'early-help': [
    'The family agreed to early help; referred to the family support team.',
    'Needs can be met by early help; consent given by the parent.',
    'Referred to the school’s pastoral team and the early help hub.',
  ],
  referral: [
    'Threshold for assessment met: referred for a child and family assessment.',
    'Needs not met by early help; referred for assessment.',
    'Several contacts in a short time; referred for assessment.',
  ],
  'referral-harm': [
    'Reasonable cause to suspect significant harm: strategy discussion to be held.',
    'Disclosure by the child: referred, strategy discussion today.',
  ],
};

export const LATE_REASONS = [
  'Delay in receiving information from health.',
  'Parent did not engage with the first appointments.',
  'Social worker changed during the assessment.',
  'Awaiting police checks.',
  'Complex needs; further specialist input sought.',
  'Family moved address during the assessment.',
];

export const STRATEGY_REASONS = [
  'Reasonable cause to suspect significant harm following a disclosure by the child.',
  'Injury to the child without a consistent explanation.',
  'Serious domestic abuse incident with the child present.',
  'Neglect escalating despite support: reasonable cause to suspect significant harm.',
  'Concerns of exploitation: the child missing and found with adults unknown to the family.',
];

export const NO_S47_REASONS = ['Information gathered at the strategy discussion: risk can be managed through the assessment; no section 47 enquiry.'];

export const S47_NFA_REASONS = [
  'Enquiries did not substantiate the concerns; support through a child in need plan.',
  'The injury is consistent with the explanation given; no further action under section 47.',
  'Protective parent has acted to safeguard the child; no conference needed.',
  'Concerns not substantiated; early help offered.',
];

export const CORE_GROUP_NOTES = [
  'Plan reviewed; school attendance improving and {carer} attending the parenting programme.',
  'Actions updated; health appointments now kept. Home conditions improved.',
  'Domestic abuse support started; safety plan reviewed with {carer}.',
  'Some progress; drug testing results awaited. Contingency plan discussed.',
  'Good engagement from {carer}; the school reports {child} is more settled.',
  'Concerns about missed appointments; written agreement reviewed.',
];

export const CLOSURE_TEXT: Record<string, readonly string[]> = {
  RC2: ['The child died; case closed. Child death review process notified.'],
  RC3: ['Child arrangements order made; {child} now lives with the other parent.'],
  RC4: ['Special guardianship order granted to family members.'],
  RC5: ['The family moved to another local authority; the case has been transferred.'],
  RC6: ['Turned 18: transferred to adult social care.'],
  RC7: [
    'Child in need plan goals achieved; {child} no longer needs a social worker.',
    'Needs met; the family are supported by universal services.',
    'The family declined further support; no safeguarding concerns to override that.',
  ],
  RC8: ['Assessment completed: no further action needed.', 'No unmet needs identified at assessment.'],
  RC9: ['Assessment completed: needs can be met by early help; the family agreed a support plan.', 'Stepped down to early help with the family’s consent.'],
  NFA: ['Referral reviewed: no further action; information shared with the referrer.', 'On review of the referral no further action is needed.'],
};

export const PLAN_END_REASONS = ['Risks reduced: a child protection plan is no longer needed.', 'Sufficient progress: stepped down to a child in need plan.'];

export const WHAT_CHANGED = [
  '{carer} has separated from the abusive partner and engages with domestic abuse support; the home is calm.',
  'Home conditions have been kept to a good standard and {child} attends school every day.',
  '{carer} has completed a parenting programme and routines are consistent.',
  '{carer} is engaging with drug and alcohol services; tests have been negative for months.',
  'A safety plan is in place and the family network supervises contact.',
];

export const CIN_PLAN_END = [
  'Updated assessment completed; a new child in need plan agreed.',
  'Stepped up to a child protection plan.',
  'Case closed.',
  'Plan reviewed: outcomes updated and a new child in need plan agreed.',
];

/** The child's own words (or, for a baby, what was observed), by age. */
const WORDS = {
  baby: [
    'Observed: settled in {carer}’s arms; good eye contact and smiling.',
    'Observed: {child} babbling and reaching for toys; clean and appropriately dressed.',
    'Observed: {child} asleep in the cot; bedroom warm and tidy.',
    'Observed: {child} crawling around the living room, curious and content.',
    'Observed: {child} went to {carer} for comfort when unsettled.',
  ],
  young: [
    'Said {they} likes playing with {their} cars and that {carer} reads stories at bedtime.',
    'Drew a picture of {their} family and said everyone is happy now.',
    'Said {they} likes {their} new school and has a best friend.',
    'Said {they} gets scared when there is shouting.',
    'Showed me {their} bedroom and said {they} likes the new bed.',
    'Said {they} had pasta for tea and wants a dog.',
  ],
  middle: [
    'Said {they} likes {their} new school and the teachers are kind.',
    'Said things are better at home because there is less arguing.',
    'Said {they} wants to see dad more often.',
    'Said {they} worries about {carer} when {they} is at school.',
    'Said {they} joined the football club and scored a goal.',
    'Said {they} does not like it when {carer} is sad.',
    'Said {they} feels safe at home now.',
  ],
  teen: [
    'Said {they} is fed up with social workers changing and wants one who stays.',
    'Said {they} wants to go to college to study mechanics.',
    'Said {they} is getting on better with {carer}.',
    'Said {they} does not want to talk today but is OK.',
    'Said {they} has stopped seeing the older group and feels safer.',
    'Said {they} wants more time with friends and less time at home.',
    'Said school is stressful but {they} is trying.',
  ],
} as const;

export function childWords(pick: (items: readonly string[]) => string, ageYears: number | null): string {
  if (ageYears === null || ageYears < 3) return pick(WORDS.baby);
  if (ageYears < 8) return pick(WORDS.young);
  if (ageYears < 13) return pick(WORDS.middle);
  return pick(WORDS.teen);
}

export type Pronouns = { they: string; them: string; their: string };

export function pronounsFor(sex: 'M' | 'F' | 'U'): Pronouns {
  return sex === 'M'
    ? { they: 'he', them: 'him', their: 'his' }
    : sex === 'F'
      ? { they: 'she', them: 'her', their: 'her' }
      : { they: 'they', them: 'them', their: 'their' };
}

/** Fills {child}, {carer} and the pronouns; "they is" becomes "they are". */
export function fill(text: string, child: string, carer: string, p: Pronouns): string {
  // The same replacements in the same order, each only where the text (as it then is) holds its mark:
  // most texts name a child or carer and hold no pronoun, and few read "they ...".
  let out = text;
  if (out.includes('{')) {
    if (out.includes('{child}')) out = out.replaceAll('{child}', child);
    if (out.includes('{carer}')) out = out.replaceAll('{carer}', carer);
    if (out.includes('{they}')) out = out.replaceAll('{they}', p.they);
    if (out.includes('{them}')) out = out.replaceAll('{them}', p.them);
    if (out.includes('{their}')) out = out.replaceAll('{their}', p.their);
  }
  if (p.they === 'they' && out.includes('they '))
    out = out
      .replaceAll('they is', 'they are')
      .replaceAll('they likes', 'they like')
      .replaceAll('they has', 'they have')
      .replaceAll('they does', 'they do')
      .replaceAll('they wants', 'they want')
      .replaceAll('they gets', 'they get')
      .replaceAll('they worries', 'they worry')
      .replaceAll('they feels', 'they feel');
  return out.charAt(0).toUpperCase() + out.slice(1);
}
