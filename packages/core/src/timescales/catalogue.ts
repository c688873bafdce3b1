// Every timescale rule, in the reference's order: the per-area tables joined,
// each given its council setting key, frozen, and indexed by id.

import { CHILDREN_IN_NEED_ROWS } from './children.ts';
import { LEAVERS_AND_WORKFORCE_ROWS } from './leavers-workforce.ts';
import { LEGAL_AND_FOSTERING_ROWS } from './legal-fostering.ts';
import { LOCAL_ROWS } from './local.ts';
import { LOOKED_AFTER_ROWS } from './looked-after.ts';
import type { RuleRow, TimescaleRule } from './rule.ts';

// Every countable rule gets a setting key: policy values are the council's to
// choose, and a council may tighten statute and guidance (checkSetting).
const setting = (id: string): string => `timescale.${id}`;

/** Ids of the rules that are Lantern's own, not rows of timescales.md. */
export const LOCAL_RULE_IDS: readonly string[] = LOCAL_ROWS.map((r) => r.id);

function freezeRule(row: RuleRow): TimescaleRule {
  const { settable, ...rule } = row;
  const out: TimescaleRule = settable === false ? { ...rule } : { ...rule, setting: setting(rule.id) };
  Object.freeze(out.due);
  return Object.freeze(out);
}

/** Every row of timescales.md, in its order, then Lantern's own rules. */
export const TIMESCALE_RULES: readonly TimescaleRule[] = Object.freeze(
  [...CHILDREN_IN_NEED_ROWS, ...LOOKED_AFTER_ROWS, ...LEGAL_AND_FOSTERING_ROWS, ...LEAVERS_AND_WORKFORCE_ROWS, ...LOCAL_ROWS].map(freezeRule),
);

const BY_ID = new Map(TIMESCALE_RULES.map((r) => [r.id, r]));

/** Short names for worklists and tags; `what` keeps the reference's full wording. */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  'contact-decision': 'Contact decision',
  assessment: 'Assessment authorised',
  'strategy-discussion': 'Strategy discussion',
  icpc: 'Initial child protection conference',
  'core-group-first': 'First core group',
  'cp-review-first': 'First review conference',
  'cp-review': 'Review conference',
  'cp-visit': 'Child protection visit',
  'core-group': 'Core group',
  'cin-plan-review': 'Child in need plan review',
  'cin-visit': 'Child in need visit',
  'private-fostering-first-visit': 'First private fostering visit',
  'private-fostering-visit': 'Private fostering visit',
  'cla-review-first': 'First looked-after review',
  'cla-review-second': 'Second looked-after review',
  'cla-review': 'Looked-after review',
  'cla-visit-first': 'First visit in a new placement',
  'cla-visit': 'Looked-after visit',
  'cla-visit-long-term': 'Looked-after visit (long-term placement)',
  'cla-visit-with-parent': 'Visit: placed with parent or connected person',
  'care-plan': 'Care plan',
  'placement-plan': 'Placement plan',
  'placement-notice': 'Notice of placement',
  'iro-notify': 'IRO told',
  'unregistered-visit': 'Visit: unregistered placement',
  'unregistered-approval': "Director's approval: unregistered placement",
  'health-assessment-initial': 'Initial health assessment',
  'health-assessment-review': 'Review health assessment',
  'pep-initial': 'Personal education plan',
  'pep-review': 'Personal education plan review',
  'permanence-plan': 'Permanence plan',
  rhi: 'Return home interview offered',
  'uasc-looked-after': 'UASC accommodated',
  'uasc-transfer': 'National Transfer Scheme transfer',
  'iro-contact': 'IRO speaks with the child',
  'plan-action': 'Action on the child’s plan',
  'sar-response': 'Subject access request answered',
  'pathway-plan': 'Pathway plan',
  'pathway-plan-review': 'Pathway plan review',
  'pa-visit': 'Personal adviser visit',
  supervision: 'Supervision',
  'supervision-asye': 'ASYE supervision',
  'management-oversight': 'Management oversight',
  induction: 'Induction complete',
  allocation: 'Social worker allocated',
  'partner-response': 'Partner agency response',
  'case-audit-action': 'Case audit action',
  'review-decisions': 'Review decisions sent',
  'review-record': 'Review record written',
  'iro-recommendation': 'Review or conference recommendation',
  'iro-escalation-stage': 'IRO escalation: answer at this stage',
  'conference-record': 'Conference decisions and record',
  'legal-planning-decision': 'Legal planning meeting decision',
  'pre-proceedings-meeting': 'Pre-proceedings meeting',
  'pre-proceedings-review': 'Pre-proceedings review',
  'pre-proceedings-end': 'Pre-proceedings ended (16 weeks)',
  'care-proceedings': 'Care proceedings concluded (26 weeks)',
  'early-help-assessment': 'Early help assessment',
  'early-help-review': 'Early help review',
  'fostering-assessment-stage-one': 'Fostering assessment: stage one',
  'fostering-assessment-stage-two': 'Fostering assessment: stage two to panel',
  'fostering-decision': 'Fostering decision after panel',
  'foster-carer-review': 'Foster carer annual review',
  'foster-carer-tsd': 'Foster carer TSD standards',
  'supervising-visit': 'Supervising social worker visit',
  'connected-person-temporary': 'Connected person: full assessment',
  's20-legal-review': 'Section 20 legal status review',
};

/** The rule with this id; throws for an id that is not in timescales.md. */
export function ruleById(id: string): TimescaleRule {
  const rule = BY_ID.get(id);
  if (rule === undefined) throw new Error(`Unknown timescale rule ${JSON.stringify(id)}`);
  return rule;
}
