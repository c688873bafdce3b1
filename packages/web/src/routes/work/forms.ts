/**
 * The day's work's forms as data, in the same shape as the looked-after care forms
 * (care/forms.ts): each form's fields, what it sends where, and core's schema it is checked
 * against before sending. Their choices come from the case (teams, IROs, plans, the request).
 */
import { CLOSURE_REASON } from '@lantern/core/pathway';
import { closureProposal, decisionAnswer, decisionRequestBody, iroAllocation, transferDecision, transferRequest } from '@lantern/core/work';
import type { z } from 'zod';
import type { ChildPlans } from '../../api/practice.ts';
import { type AllocatableWorker, type ChildDueView, type DecisionRequestView, type RoutingTeam, workApi } from '../../api/work.ts';
import type { Option } from '../../components/fields.tsx';
import { formatDate } from '../../format.ts';
import { codedOptionsOf as coded, type FieldSpec } from '../../components/form-model.ts';

/** What a work form knows of the case: loaded for the forms that need each part. */
export type WorkFormView = {
  childId: string;
  name: string;
  due: ChildDueView;
  teams: RoutingTeam[];
  iros: AllocatableWorker[];
  requests: DecisionRequestView[];
  plans: ChildPlans['plans'];
  can: (permission: string) => boolean;
  params: URLSearchParams;
};

export type WorkFieldSpec = FieldSpec & { choices?: (view: WorkFormView) => Option[] };

export type WorkFormSpec = {
  title: string;
  submit: string;
  notice: string;
  /** What the form needs loaded besides the child's status. */
  needs: ('teams' | 'iros' | 'requests' | 'plans')[];
  fields: WorkFieldSpec[];
  /** Checked before sending (its field names match the form's). */
  schema: z.ZodType;
  /** Lines shown above the form: what is being decided. */
  intro?: (view: WorkFormView) => string[];
  initial?: (view: WorkFormView) => Record<string, string> | null;
  /** The body as the form's fields give it, with anything the user does not enter. */
  body: (values: Record<string, unknown>, view: WorkFormView) => Record<string, unknown>;
  send: (view: WorkFormView, body: Record<string, unknown>) => Promise<unknown>;
  whyNot?: (view: WorkFormView) => string | null;
};

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const openTransfer = (v: WorkFormView) => (v.due.transfer?.status === 'requested' ? v.due.transfer : null);
const requestAsked = (v: WorkFormView) => v.requests.find((r) => r.requestId === v.params.get('request')) ?? null;
const waiting = (v: WorkFormView) => requestAsked(v) ?? v.requests.find((r) => r.status === 'requested' && r.mayDecide) ?? null;
const returned = (v: WorkFormView, plan: boolean) => {
  const asked = requestAsked(v);
  return asked?.status === 'returned' ? asked : (v.requests.find((r) => r.status === 'returned' && (r.kind === 'plan') === plan) ?? null);
};
const returnedLines = (r: DecisionRequestView | null) =>
  r
    ? [`Returned by ${r.decidedBy ?? 'your manager'} on ${formatDate(r.decidedOn)}: ${r.decisionReasons ?? ''}`, 'Change what is needed and send it again.']
    : [];
const bool = (v: unknown) => v === true;

const closureFields: WorkFieldSpec[] = [
  {
    name: 'kind',
    label: 'What are you asking for?',
    kind: 'radios',
    options: [
      { value: 'closure', label: 'Close the case' },
      { value: 'step-down', label: 'Step down to early help (closes as referred to early help, RC9)' },
    ],
    required: true,
  },
  { name: 'reason', label: 'Reason the case would close', kind: 'select', options: coded(CLOSURE_REASON), required: true },
  { name: 'reasons', label: 'Why: what your manager reads first', kind: 'textarea', required: true },
  { name: 'whatChanged', label: 'What has changed for the child (after a protection plan)', kind: 'textarea' },
  { name: 'changeSustainedWeeks', label: 'For how many weeks the change has held (after a protection plan)', kind: 'number' },
  { name: 'childMetDecider', label: 'Has the child met your manager, face to face?', kind: 'yesno' },
  { name: 'parentsMetDecider', label: 'Have the parents met your manager, face to face?', kind: 'yesno' },
  { name: 'childWords', label: 'The child’s own words about the case closing', kind: 'textarea' },
];

export const WORK_FORMS: Record<string, WorkFormSpec> = {
  transfer: {
    title: 'Ask another team to take the case',
    submit: 'Ask the team',
    notice: 'The team’s manager has been asked to take the case.',
    needs: ['teams'],
    whyNot: (v) =>
      !v.can('transfer:request')
        ? 'Only a team manager or the head of service asks another team to take a case.'
        : openTransfer(v)
          ? `The case has already been offered to ${openTransfer(v)?.toTeam}: wait for their answer.`
          : null,
    fields: [
      {
        name: 'toTeamId',
        label: 'Which team?',
        kind: 'select',
        required: true,
        hint: 'Each team with the children it holds now',
        choices: (v) =>
          v.teams
            .filter((t) => t.name !== v.due.status.team)
            .map((t) => ({ value: t.teamId, label: `${t.name} (${t.service}): ${t.caseload} children, ${t.awaitingAllocation} awaiting a worker` })),
      },
      { name: 'reason', label: 'Why this team should take the case', kind: 'textarea', required: true },
    ],
    schema: transferRequest,
    body: (x) => x,
    send: (v, body) => workApi.requestTransfer(v.childId, body as { toTeamId: string; reason: string }),
  },
  'transfer-decision': {
    title: 'Answer the transfer offered to your team',
    submit: 'Send the answer',
    notice: 'Your answer to the transfer is recorded.',
    needs: [],
    whyNot: (v) =>
      openTransfer(v)
        ? v.can('transfer:decide')
          ? null
          : 'The receiving team’s manager answers a transfer.'
        : 'No transfer of this case is waiting for an answer.',
    intro: (v) => {
      const t = openTransfer(v);
      return t ? [`${t.fromTeam ?? 'The front door'} asked ${t.toTeam} to take the case on ${formatDate(t.requestedOn)}: ${t.reason}`] : [];
    },
    fields: [
      { name: 'accept', label: 'Will your team take the case?', kind: 'radios', options: yesNo, required: true },
      { name: 'reason', label: 'Your reasons', kind: 'textarea', hint: 'Needed if your team cannot take the case' },
    ],
    schema: transferDecision,
    body: (x, v) => ({ ...x, accept: x.accept === 'yes' ? true : x.accept === 'no' ? false : undefined, version: openTransfer(v)?.version }),
    send: (v, body) => workApi.decideTransfer(openTransfer(v)?.transferId ?? '', body as { version: number; accept: boolean; reason?: string }),
  },
  iro: {
    title: 'Allocate an independent reviewing officer',
    submit: 'Allocate the IRO',
    notice: 'The IRO is allocated.',
    needs: ['iros'],
    whyNot: (v) => (v.can('iro:allocate') ? null : 'IROs are allocated by the IRO manager or the head of service.'),
    intro: (v) => [v.due.status.iro ? `The child’s IRO now is ${v.due.status.iro}.` : 'The child has no IRO.'],
    fields: [
      {
        name: 'workerId',
        label: 'Which IRO?',
        kind: 'select',
        required: true,
        hint: 'Each IRO with the children they review now',
        choices: (v) => v.iros.map((w) => ({ value: w.workerId, label: `${w.name}${w.teamName ? `, ${w.teamName}` : ''}: ${w.caseload} children` })),
      },
      { name: 'startDate', label: 'From', kind: 'date', required: true },
      { name: 'reason', label: 'Reason (optional)', kind: 'textarea' },
    ],
    schema: iroAllocation,
    body: (x) => x,
    send: (v, body) => workApi.allocateIro(v.childId, body as z.input<typeof iroAllocation>),
  },
  'send-closure': {
    title: 'Send a closure or step-down to your manager',
    submit: 'Send to your manager',
    notice: 'Sent to your manager for a decision.',
    needs: ['requests'],
    whyNot: (v) =>
      !v.can('casework:record')
        ? 'You cannot record this for this child.'
        : !v.due.status.inNeed
          ? 'The child has no open case to close.'
          : v.requests.some((r) => r.status === 'requested' && r.kind !== 'plan')
            ? 'A closure of this case is with the manager already.'
            : null,
    intro: (v) => returnedLines(returned(v, false)),
    initial: (v) => {
      const r = returned(v, false);
      if (!r?.closure) return null;
      const c = r.closure;
      return {
        kind: r.kind,
        reason: c.reason,
        reasons: r.reasons,
        whatChanged: c.whatChanged ?? '',
        changeSustainedWeeks: c.changeSustainedWeeks === undefined ? '' : String(c.changeSustainedWeeks),
        childMetDecider: c.childMetDecider ? 'yes' : 'no',
        parentsMetDecider: c.parentsMetDecider ? 'yes' : 'no',
        childWords: c.childWords ?? '',
      };
    },
    fields: closureFields,
    schema: closureProposal.extend({ reasons: decisionRequestBody.shape.reasons }),
    body: (x) => ({
      kind: x.kind,
      reasons: x.reasons,
      closure: {
        reason: x.reason,
        whatChanged: x.whatChanged ?? undefined,
        changeSustainedWeeks: x.changeSustainedWeeks ?? undefined,
        childMetDecider: bool(x.childMetDecider),
        parentsMetDecider: bool(x.parentsMetDecider),
        childWords: x.childWords ?? null,
      },
    }),
    send: (v, body) => workApi.sendForDecision(v.childId, body as z.input<typeof decisionRequestBody>),
  },
  'send-plan': {
    title: 'Send a plan to your manager to authorise',
    submit: 'Send to your manager',
    notice: 'Sent to your manager to authorise.',
    needs: ['requests', 'plans'],
    whyNot: (v) => (!v.can('casework:record') ? 'You cannot record this for this child.' : v.plans.length === 0 ? 'The child has no written plan yet.' : null),
    intro: (v) => returnedLines(returned(v, true)),
    initial: (v) => {
      const r = returned(v, true);
      return r ? { planDocumentId: r.recordId, reasons: r.reasons } : null;
    },
    fields: [
      {
        name: 'planDocumentId',
        label: 'Which plan?',
        kind: 'radios',
        required: true,
        choices: (v) => v.plans.map((p) => ({ value: p.planDocumentId, label: `${p.kindLabel}, agreed ${formatDate(p.agreedOn)} (version ${p.version})` })),
      },
      { name: 'reasons', label: 'What your manager should know', kind: 'textarea', required: true },
    ],
    schema: decisionRequestBody,
    body: (x) => ({ ...x, kind: 'plan' }),
    send: (v, body) => workApi.sendForDecision(v.childId, body as z.input<typeof decisionRequestBody>),
  },
  decide: {
    title: 'Decide on work sent to you',
    submit: 'Record your decision',
    notice: 'Your decision is recorded.',
    needs: ['requests'],
    whyNot: (v) => {
      const r = waiting(v);
      if (r?.status !== 'requested') return 'Nothing about this child is waiting for a decision.';
      return r.mayDecide ? null : 'The manager of the team holding the case decides.';
    },
    intro: (v) => {
      const r = waiting(v);
      if (!r) return [];
      const c = r.closure;
      return [
        `${r.what}, sent by ${r.sentBy ?? 'a worker'} on ${formatDate(r.sentOn)}${r.timesSent > 1 ? ` (sent ${r.timesSent} times)` : ''}: ${r.reasons}`,
        ...(c ? [`Closing as: ${CLOSURE_REASON[c.reason]}.`, c.whatChanged ? `What has changed: ${c.whatChanged}` : null].filter((x): x is string => !!x) : []),
        'If you approve, the closure is recorded as your decision today; if you return it, the worker sees your reasons.',
      ];
    },
    fields: [
      { name: 'approve', label: 'Do you approve it?', kind: 'radios', options: yesNo, required: true },
      { name: 'reasons', label: 'Your reasons', kind: 'textarea', required: true, hint: 'Recorded with the closure, or read by the worker if you return it' },
    ],
    schema: decisionAnswer,
    body: (x, v) => ({ ...x, approve: x.approve === 'yes' ? true : x.approve === 'no' ? false : undefined, version: waiting(v)?.version }),
    send: (v, body) => workApi.answerRequest(waiting(v)?.requestId ?? '', body as z.input<typeof decisionAnswer>),
  },
};
