/** Labels for chronology categories: the ones a person records, and the ones Lantern adds. */
export const NOTE_CATEGORIES = {
  'case-note': 'Case note',
  visit: 'Visit',
  'phone-call': 'Phone call',
  meeting: 'Meeting',
  'management-decision': 'Management decision',
  correspondence: 'Letter or email',
  other: 'Other',
} as const;

const OTHER_CATEGORIES: Record<string, string> = {
  record: 'Record',
  family: 'Family',
  address: 'Address',
  allocation: 'Allocation',
  referral: 'Referral',
  assessment: 'Assessment',
  'child-protection': 'Child protection',
  contact: 'Contact',
  'strategy-discussion': 'Strategy discussion',
  'section-47': 'Section 47 enquiry',
  conference: 'Child protection conference',
  'core-group': 'Core group',
  plan: 'Plan',
  closure: 'Closure',
  'looked-after': 'Looked after',
  'partner-request': 'Request to a partner',
  'partner-answer': 'Partner’s answer',
  'partner-contribution': 'Partners at a meeting',
  housing: 'Housing',
  'early-help': 'Early help',
};

export function categoryLabel(category: string): string {
  const label = (NOTE_CATEGORIES as Record<string, string>)[category] ?? OTHER_CATEGORIES[category];
  if (label) return label;
  const words = category.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
