// Rules Lantern keeps that are not (yet) rows of timescales.md: council policy, not law.
// partner-response: a partner agency answers a request from a child's record by the date the
// request gives, the council's deadline for the request type (core's partners.ts holds the
// per-type defaults and their setting keys). case-audit-action: a finding of a case audit put
// right by the date the auditor gave its owner.

import { type RuleRow, weeks, months } from './rule.ts';

export const LOCAL_ROWS: readonly RuleRow[] = [
  {
    id: 'partner-response',
    area: 'children-in-need',
    what: 'a partner agency answers a request for information, a report, an assessment or a service',
    countedFrom: 'request sent',
    due: { unit: 'by-event', event: 'partner-request', description: 'by the date the request gives (the council’s deadline for its type)' },
    kind: 'policy',
    source: 'council policy (not in timescales.md)',
    responsible: 'allocated-social-worker',
    notes: 'Responsible: the worker who sent the request. Per-type deadlines are council settings partner-response.<type>.',
  },
  {
    id: 'case-audit-action',
    area: 'children-in-need',
    what: 'an action from a case audit is done (the finding put right), with the evidence noted',
    countedFrom: 'the audit',
    due: { unit: 'by-event', event: 'case-audit-action', description: 'by the due date the auditor set for the action' },
    kind: 'policy',
    source: 'council quality assurance (not in timescales.md)',
    responsible: 'allocated-social-worker',
    notes: 'Responsible: the action’s owner, whoever holds the case. Ended unmet if the case closes first.',
  },
  // Early help (areas/early-help): no national timescale, so council policy, each a setting.
  {
    id: 'early-help-assessment',
    area: 'children-in-need',
    what: 'the early help assessment completed with the family',
    countedFrom: 'early help began',
    due: weeks(6),
    kind: 'policy',
    source: 'council early help policy (not in timescales.md; 6 weeks is common)',
    responsible: 'allocated-social-worker',
    notes: 'Ended unmet if early help ends first.',
  },
  {
    id: 'early-help-review',
    area: 'children-in-need',
    what: 'review of the early help plan with the family and the team around them',
    countedFrom: 'early help began, then each review',
    due: weeks(12),
    kind: 'policy',
    source: 'council early help policy (not in timescales.md; at least every 12 weeks is common)',
    responsible: 'allocated-social-worker',
    notes: 'Met by the next review; ended when early help ends.',
  },
  // Subject access requests (areas/exchange): the law's own month, not a council setting.
  {
    id: 'sar-response',
    area: 'children-in-need',
    what: 'the answer to a subject access request: a copy of the record, third-party information redacted',
    countedFrom: 'the request received (with proof of identity)',
    due: months(1),
    kind: 'statute',
    source: 'UK GDPR art. 12(3): one calendar month, extendable by two further months with reasons',
    responsible: 'director',
    notes: 'Due three months from receipt when extended with a recorded reason. Met when the reviewed copy is released.',
    settable: false,
  },
];
