/**
 * Words for the demo council's written assessments, enquiry findings and plans. Each text is
 * put together from two or three pieces drawn apart, with the child's and carer's names, days
 * and numbers, so no two children's records read alike. All made up. Placeholders as texts.ts:
 * {child}, {carer}, {they}, {them}, {their}; and {day}, {n}, {pct}, {adult}.
 */

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ADULTS = ['an aunt', 'a grandmother', 'a grandfather', 'a family friend', 'an older cousin', 'a neighbour', 'a godparent', 'an uncle'];

export const LIVED = [
  [
    '{child} gets up at about seven and makes {their} own breakfast most days.',
    '{child} is usually woken by {carer} and walked to school.',
    'Mornings are rushed; {child} often arrives at school after the bell.',
    '{child} shares a bedroom with a younger sibling and sleeps badly.',
  ],
  [
    'After school {they} spends most evenings in {their} room on a tablet.',
    'On {day}s {they} goes to {adult} for tea.',
    '{child} says tea is often crisps or toast.',
    'Weekends are spent at home; {child} rarely sees friends outside school.',
  ],
  [
    'School is where {they} feels most settled.',
    'Attendance this term is {pct}%.',
    'The house was warm and tidy when visited, with food in the cupboards.',
    'There was little food in the house on two of the {n} visits.',
  ],
];

export const WORDS_OF_CHILD = [
  [
    '“I like it when {carer} is happy.”',
    '“I don’t like it when they shout.”',
    '“I want to stay at my school.”',
    '“Sometimes I look after my little brother.”',
    '“I’m ok. I just get tired.”',
  ],
  [
    '{child} said this while drawing, alone with the worker.',
    '{child} said it on the walk back from school.',
    'It came out during a game of cards, with no adult from home present.',
    '{child} wrote it on a feelings card on the {n}th visit.',
  ],
];

export const WORRIES = [
  [
    '{carer}’s drinking has increased since the spring and {child} has been left alone at night.',
    'There have been {n} police visits for arguments at the home this year.',
    '{carer} has missed {n} health appointments for {child}.',
    '{child} has come to school hungry and in the same clothes for days at a time.',
    'An adult who has harmed children before has been staying at the house.',
  ],
  [
    'If nothing changes, {child} is likely to be hurt or frightened again.',
    'The worry is that {child} takes on caring that is too much for {their} age.',
    'Without change, {child}’s attendance and health will keep slipping.',
    'The risk is greatest in the evenings, when {carer} is alone with the children.',
  ],
];

export const WORKING_WELL = [
  [
    '{adult} lives nearby and {child} trusts {them}.',
    '{carer} loves {child} and wants help.',
    'School know {child} well and check in every morning.',
    '{child} goes to football on {day}s and the coach is a steady adult.',
  ],
  [
    '{carer} has kept every appointment with the worker since the referral.',
    '{carer} agreed straight away to the safety plan.',
    'There is a safe room at {adult}’s house when things go wrong.',
    '{child} can name three adults {they} would go to if worried.',
  ],
];

export const PARENTS = [
  [
    '{carer} says things have been hard since losing work in the autumn.',
    '{carer} accepts there is a problem and wants to put it right.',
    '{carer} thinks school are overreacting.',
    '{carer} is frightened that the children will be taken away.',
  ],
  [
    '{carer} wants help with money and with bedtimes.',
    '{carer} would like {adult} to be part of the plan.',
    '{carer} asked for a female worker.',
    '{carer} would rather talk on the phone than at home.',
  ],
];

export const PARTNERS = [
  [
    'School: attendance {pct}%, and {child} is often tired on {day}s.',
    'Health visitor: weight is on the low side and the last check was missed.',
    'Police: {n} domestic incidents logged at the address in the last year.',
    'GP: {carer} has been prescribed medication for low mood.',
  ],
  [
    'The school nurse will see {child} weekly.',
    'Housing confirm the family are at risk of eviction.',
    'The youth worker says {child} has been seen with older teenagers.',
    'The drug and alcohol service has an appointment for {carer} on a {day}.',
  ],
];

export const ANALYSIS = [
  [
    'Weighing the worries against what is working, the harm to {child} comes mostly from {carer}’s drinking.',
    'What is working well is real but depends on one adult, {adult}.',
    '{child}’s words show {they} is carrying worry no child should carry.',
    'The pattern over {n} months is of short improvements that do not last.',
  ],
  [
    'Unless {carer} engages with support, the risk will stay high.',
    'With the right help the family can keep {child} safe at home.',
    'The strengths are enough to build a plan on, if they are kept up.',
    'The worries are serious and need a plan with clear dates.',
  ],
];

export const RECOMMENDATION = [
  [
    'A plan with {adult} as the evening safety adult, reviewed every {n} weeks.',
    'Support for {carer} from the alcohol service, and a parenting course.',
    'Step down to early help with a named lead at school.',
    'A strategy discussion, because the harm may be significant.',
  ],
  [
    'School to check in with {child} every {day}.',
    'A family network meeting within the month.',
    'Weekly visits until the first review.',
    'A referral to the young carers’ service.',
  ],
];

export const RETURN_REASONS = [
  'The analysis repeats the worries but does not weigh them against the strengths. Say what the evidence means for {child}.',
  'There is nothing from school or health yet. Add what partners told you before I can authorise it.',
  'I cannot see {child}’s own words. Please add what {they} said and how you heard it.',
  'The recommendation does not follow from the analysis: if the risk is at night, the plan needs an evening safe adult.',
  'Say how many times {child} has been left alone, and when, rather than “often”.',
];

export const MANAGER_VIEWS = [
  'Agree with the analysis; {adult} is the key to this plan holding. Scale {m}.',
  'I am less confident than the worker: the improvements are recent and untested. Scale {m}.',
  'The evidence supports the worker’s view and the family are engaging. Scale {m}.',
  'Good use of {child}’s words. The risk at night remains; I would put it at {m}.',
  'Clear and honest assessment; the contingency must be explained to {carer} in writing. Scale {m}.',
];

export const CONCERNS = [
  '{child} left alone overnight',
  'Bruising to {child}’s arm',
  '{child} coming to school hungry',
  'Domestic abuse with {child} present',
  '{child} missing from home late at night',
  'Home conditions unsafe for {child}',
];

export const FOUND = [
  'Checks with police and school show this happened on {n} occasions in the last month.',
  'The explanation given matches what {adult} saw, and the school nurse agrees.',
  '{child} described it clearly to the worker and to a teacher on separate days.',
  'A visit found the home without heating and no food for the children.',
  'There is no record of it beyond the first report, and {child} says it did not happen.',
];

export const SUBSTANTIATED_WHY = [
  'Two sources agree and {child}’s own account is consistent.',
  'The pattern is repeated and {carer} accepts it happened.',
  'The medical view is that the injury is not accidental.',
];

export const NOT_SUBSTANTIATED_WHY = [
  'The explanation is consistent with the medical view.',
  'Nothing found supports the report, and {child} says it did not happen.',
  'The protective adult acted straight away and the risk has gone.',
];

export const CONVENE = [
  'Significant harm is substantiated and {carer} has not yet engaged with support: a conference is needed.',
  'The harm is likely to happen again without a plan agreed by every agency.',
];

export const OUTCOMES: Record<string, readonly [string, string][]> = {
  NEG: [
    ['{child} has breakfast and gets to school on time every day', 'School register and the breakfast club book'],
    ['The house is warm, with food in the cupboards', 'Unannounced visits find food and heating each time'],
    ['{child} goes to every health appointment', 'No missed appointments for three months'],
  ],
  EMO: [
    ['{child} is not frightened at home', '{child} says home feels calm, on the worker’s scale, at each visit'],
    ['{carer} and {adult} stop arguing in front of the children', 'No police visits and {child} reports no shouting'],
    ['{child} has someone to talk to about {their} worries', '{child} sees the school counsellor every week'],
  ],
  PHY: [
    ['{child} is never hit or hurt at home', 'No unexplained injuries seen at school or visits'],
    ['{carer} uses calm ways to set limits', 'Parenting course finished and {child} says things are better'],
  ],
  SAB: [
    ['{child} is kept away from the adult who harmed {them}', 'Written agreement kept; no contact reported'],
    ['{child} knows how to keep {their} body safe', 'Work with the school nurse completed'],
  ],
  CIN: [
    ['{child} goes to school most days and enjoys it', 'Attendance above 90% by the review'],
    ['{carer} gets the help {they} needs with money and housing', 'Benefits sorted and no risk of eviction'],
    ['{child} has time to be a child, not a carer', 'Young carers’ group every week; fewer caring jobs at home'],
  ],
  CARE: [
    ['{child} feels settled where {they} lives', '{child} says so at each review and the placement stays stable'],
    ['{child} keeps in touch with family who matter to {them}', 'Family time happens as planned every fortnight'],
  ],
  PATHWAY: [
    ['{child} has a safe place to live after turning 18', 'Tenancy or staying put agreed six months before'],
    ['{child} is in education, training or work', 'College place or job confirmed'],
  ],
};

export const WORKER_ACTIONS = [
  'Refer {carer} to the community alcohol service',
  'Visit {child} at home every {day} until the first review',
  'Arrange a family network meeting with {adult}',
  'Apply for a grant for a bed and bedding for {child}',
  'Book {child} into the young carers’ group',
  'Write the safety plan down and give a copy to {carer}',
];
export const PARTNER_ACTIONS = [
  'Check in with {child} every {day} morning',
  'Offer {carer} an appointment about low mood',
  'See {child} weekly in the school nurse clinic',
  'Tell the social worker straight away about any day {child} misses school',
  'Confirm a housing assessment for {carer} and the children',
];
export const CARER_ACTIONS = [
  'Go to the first alcohol service appointment',
  'Get {child} up and to school on time',
  'Keep every health appointment for {child}',
  'Ask {adult} to stay on nights when work runs late',
  'Finish the parenting course and tell the worker what {carer} learned',
];
export const CHILD_ACTIONS = [
  'Tell a trusted adult if {they} feels worried at home',
  'Go to the young carers’ group on {day}s',
  'Keep the safety card in {their} school bag',
];

export const PROGRESS_NOTES = {
  partly: ['Started, but {n} of the sessions were missed.', 'Done on some days, not others; {day}s are hardest.', 'Booked but not yet begun; a date is set.'],
  'not-done': ['Not started: {carer} says there has been no time.', 'The referral was not made; chased this week.', 'Waiting list of {n} weeks.'],
  done: ['Done, and {child} says it has helped.', 'Completed on time.', 'Done; {carer} has kept it up.'],
} as const;

export const CONTINGENCY = [
  [
    'If {child} is left without a safe adult again, we will ask {adult} to care for {them} and seek legal advice.',
    'If things do not change by the review, we will hold a legal planning meeting.',
    'If {carer} does not engage, we will talk to {carer} about {child} living with family for a while.',
    'If the plan does not work we will call a meeting with everyone within a week to agree what next.',
    'If {child} goes missing again, the police and {adult} will be told the same day.',
  ],
  [
    'We will check how it is going every {n} weeks.',
    '{carer} can call the duty team any {day} if things get hard.',
    'We will write to {carer} to explain what this would mean.',
    'Nothing will be decided without talking to {child} first.',
    'The school and {adult} know what to do if they are worried.',
    'We will look again in {n} weeks, or sooner if anything happens.',
  ],
];

export const PLACEMENT_PLANS = [
  '{child} lives with foster carers close to {their} school; they take {them} to school and to family time every other {day}.',
  '{child} lives in a children’s home with two others; key worker sessions are on {day}s and school transport is arranged.',
  '{child} lives with {adult} under a connected person’s arrangement; support visits are fortnightly.',
];

/** Endings for an action, so the same task reads as this family's. */
export const ACTION_TAILS = [
  '',
  ' with {adult}',
  ' before the next meeting',
  ', and write down how it went',
  ' each week',
  ', and let school know',
  ' on a {day}',
  ' within {n} days',
];

export { ADULTS, DAYS };
