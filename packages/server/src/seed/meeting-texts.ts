/** The words of the demo council's conference and review records: varied, never one sentence repeated everywhere. */

export const CONFERENCE_DECISIONS: Record<string, readonly string[]> = {
  plan: [
    '{child} is to be the subject of a child protection plan.\nThe first core group meets within 10 working days.\nThe outline plan is agreed: daily routines, school attendance and a safe adult at home each evening.',
    'A child protection plan under the category agreed.\nParents to engage with the parenting programme.\nHealth visitor to see {child} weekly for the first month.',
    '{child} needs a child protection plan.\nNo contact with the former partner without supervision.\nA referral to the domestic abuse service to be made this week.',
  ],
  'no-plan': [
    'A child protection plan is not needed: {child} will be supported through a child in need plan.\nFamily support worker to start within two weeks.',
    'The threshold for a plan is not met. Early help to continue with a team around the family meeting in four weeks.',
  ],
  'continue-plan': [
    'The plan continues: progress is real but not yet sustained.\nCore group to meet every four weeks.\nThe next review in six months.',
    'The plan continues under the same category.\nParents to complete the substance misuse assessment before the next core group.',
    'Progress is slower than hoped: the plan continues, and a legal planning meeting is to be considered if drinking continues.',
  ],
  'end-plan': [
    'The plan ends: {child} is no longer at risk of significant harm.\nStep down to a child in need plan for three months.',
    'The plan ends. Changes have lasted six months; support continues through the school and the family support service.',
  ],
};

export const REVIEW_DECISIONS: readonly string[] = [
  '{child} stays in the current placement, which meets their needs.\nFamily time with mum every other week, supervised.\nThe care plan is endorsed.',
  'The plan for permanence is long-term fostering with the current carers.\nLife story work to begin.\nThe next review in six months.',
  'The placement continues. School to apply for additional support.\nSibling contact to increase to fortnightly.',
  '{child}’s wish to see their grandparents is supported: contact to be arranged.\nThe health assessment is overdue and must be booked.',
  'The care plan is endorsed with changes: a return home to be assessed over the next three months.',
  'Pathway planning to start before {child}’s 16th birthday.\nThe personal education plan targets are agreed.',
];

export const RECOMMENDATIONS: readonly string[] = [
  'Book the overdue dental check',
  'Arrange sibling contact every other weekend',
  'Start life story work with {child}',
  'Refer {child} to the children and young people’s mental health service',
  'Update the personal education plan with the new school',
  'Complete the parenting assessment before the next review',
  'Send the minutes to {child} in a letter they can read',
  'Ask the school for a weekly attendance report',
  'Arrange an advocate for {child} before the next meeting',
  'Agree a safety plan for evenings with the family',
  'Apply for the passport so {child} can go on the school trip',
  'Find a swimming club near the placement, as {child} asked',
  'Hold a family group conference within six weeks',
  'Confirm the delegated authority for the carers in writing',
];

export const DONE_NOTES: readonly string[] = [
  'Done: booked and attended.',
  'Arranged with the carers; the first session has taken place.',
  'Referral made and accepted; first appointment given.',
  'Completed and shared with the family and the IRO.',
  'Agreed at the core group; confirmed in writing.',
  'Letter sent to {child} in plain words with pictures.',
];

export const ESCALATION_CONCERNS: readonly string[] = [
  'The care plan agreed at the review has not been updated after three months.',
  'Sibling contact recommended at two reviews has still not started.',
  '{child} has had three social workers since the last review and has not been visited within the required time.',
  'The plan for permanence is drifting: no decision has been made in nine months.',
  'The health assessment recommended at the last review has not been booked.',
];

export const ESCALATION_ANSWERS = {
  escalated: [
    'Not resolved at this stage: resources needed that the team cannot commit.',
    'The team manager agrees with the concern but cannot fund the placement change.',
    'No answer within the time; moved on by the IRO.',
  ],
  resolved: [
    'Resolved: the care plan has been updated and shared.',
    'Resolved: contact starts next week, transport funded.',
    'Resolved: a permanent social worker allocated and a visit made.',
    'Resolved: the appointment is booked and the carers told.',
  ],
} as const;

export const CARER_LABEL = ['foster carer', 'carer', 'residential key worker', 'connected carer'] as const;
