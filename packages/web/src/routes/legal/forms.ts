/**
 * The Legal page's forms as data (the model of care/forms.ts): each form's fields, the path it
 * posts to under the child's legal record, the core schema it is checked against before sending,
 * and, where the body is not the fields as they are, how to make it.
 */
import {
  APPLICATION_TYPE,
  COURT_ORDER,
  courtExtension,
  courtHearing,
  courtOrder,
  endPreProceedings,
  HEARING_TYPE,
  issueApplication,
  LEGAL_ASSESSMENT_KIND,
  LEGAL_DECISION,
  legalAssessment,
  legalPlanningDecision,
  legalPlanningMeeting,
  PRE_PROCEEDINGS_OUTCOME,
  preProceedingsExtension,
  preProceedingsMeeting,
  preProceedingsReview,
  startPreProceedings,
  withdrawProceedings,
} from '@lantern/core/legal';
import type { z } from 'zod';
import type { LegalView } from '../../api/legal.ts';
import { type FieldSpec, optionsOf as options } from '../../components/form-model.ts';

export type LegalFormSpec = {
  title: string;
  submit: string;
  notice: string;
  fields: FieldSpec[];
  schema: z.ZodType;
  path: (view: LegalView) => string;
  /** The record's version, for a step on an existing record. */
  version?: (view: LegalView) => number | undefined;
  /** Values the form sends that the user does not enter (which record it is about). */
  fixed?: (view: LegalView) => Record<string, unknown>;
  /** The body from the fields, where it is not the fields as they are. */
  body?: (values: Record<string, unknown>) => Record<string, unknown>;
  whyNot?: (view: LegalView) => string | null;
};

export const openPre = (v: LegalView) => v.preProceedings.find((p) => !p.endedOn) ?? null;
export const openProceedings = (v: LegalView) => v.proceedings.find((p) => !p.concludedOn) ?? null;
const undecided = (v: LegalView) => v.planningMeetings.find((m) => !m.decision) ?? null;
const needPre = (v: LegalView) => (openPre(v) ? null : 'The child is not in pre-proceedings: record the letter before proceedings first.');
const needProceedings = (v: LegalView) => (openProceedings(v) ? null : 'The child is not in proceedings: record the application first.');

export const LEGAL_FORMS: Record<string, LegalFormSpec> = {
  'planning-meeting': {
    title: 'Record a legal planning meeting',
    submit: 'Save the meeting',
    notice: 'Legal planning meeting saved',
    path: () => 'planning-meetings',
    schema: legalPlanningMeeting,
    fields: [
      { name: 'heldOn', label: 'Date of the meeting', kind: 'date', required: true },
      { name: 'lawyer', label: 'The council’s lawyer at the meeting', kind: 'text', required: true },
      { name: 'others', label: 'Who else came (one name a line, optional)', kind: 'textarea' },
      {
        name: 'threshold',
        label: 'The threshold discussion',
        kind: 'textarea',
        required: true,
        hint: 'Is the child suffering, or likely to suffer, significant harm?',
      },
      { name: 'decision', label: 'The decision (leave blank if it is still to be made)', kind: 'radios', options: options(LEGAL_DECISION) },
      { name: 'reasons', label: 'Reasons for the decision', kind: 'textarea' },
    ],
    body: ({ lawyer, others, ...rest }) => ({
      ...rest,
      attendees: [
        ...(lawyer ? [{ role: 'council-lawyer', name: lawyer }] : []),
        ...String(others ?? '')
          .split('\n')
          .map((n) => n.trim())
          .filter(Boolean)
          .map((name) => ({ role: 'other', name })),
      ],
    }),
  },
  'planning-decision': {
    title: 'Record the legal planning decision',
    submit: 'Save the decision',
    notice: 'Decision saved',
    path: (v) => `planning-meetings/${undecided(v)?.meetingId}/decision`,
    version: (v) => undecided(v)?.version,
    schema: legalPlanningDecision,
    whyNot: (v) => (undecided(v) ? null : 'Every legal planning meeting has its decision recorded.'),
    fields: [
      { name: 'decidedOn', label: 'Date of the decision', kind: 'date', required: true },
      { name: 'decision', label: 'The decision', kind: 'radios', options: options(LEGAL_DECISION), required: true },
      { name: 'reasons', label: 'Reasons for the decision', kind: 'textarea', required: true },
    ],
  },
  letter: {
    title: 'Record the letter before proceedings',
    submit: 'Save the letter',
    notice: 'Letter before proceedings saved: pre-proceedings have begun',
    path: () => 'pre-proceedings',
    schema: startPreProceedings,
    whyNot: (v) => (openPre(v) ? 'The child is already in pre-proceedings.' : null),
    fixed: (v) => ({ planningMeetingId: v.planningMeetings.find((m) => m.decision === 'pre-proceedings')?.meetingId ?? null }),
    fields: [
      { name: 'letterSentOn', label: 'Date the letter was sent', kind: 'date', required: true },
      { name: 'letterTo', label: 'Who the letter was sent to', kind: 'text', required: true, hint: 'The parents and anyone else with parental responsibility' },
    ],
  },
  'pre-meeting': {
    title: 'Record the pre-proceedings meeting',
    submit: 'Save the meeting',
    notice: 'Pre-proceedings meeting saved',
    path: (v) => `pre-proceedings/${openPre(v)?.preProceedingsId}/meeting`,
    version: (v) => openPre(v)?.version,
    schema: preProceedingsMeeting,
    whyNot: (v) => needPre(v) ?? (openPre(v)?.meetingHeldOn ? 'The pre-proceedings meeting is already recorded.' : null),
    fields: [
      { name: 'meetingHeldOn', label: 'Date of the meeting with the parents and their lawyers', kind: 'date', required: true },
      { name: 'planAgreed', label: 'The plan agreed', kind: 'textarea', required: true },
    ],
  },
  'pre-review': {
    title: 'Record a pre-proceedings review',
    submit: 'Save the review',
    notice: 'Review saved',
    path: (v) => `pre-proceedings/${openPre(v)?.preProceedingsId}/reviews`,
    schema: preProceedingsReview,
    whyNot: (v) => needPre(v) ?? (openPre(v)?.meetingHeldOn ? null : 'Record the pre-proceedings meeting first.'),
    fields: [
      { name: 'heldOn', label: 'Date of the review', kind: 'date', required: true },
      { name: 'progress', label: 'Progress against the plan', kind: 'textarea', required: true },
    ],
  },
  'pre-extension': {
    title: 'Extend pre-proceedings',
    submit: 'Save the extension',
    notice: 'Pre-proceedings extended',
    path: (v) => `pre-proceedings/${openPre(v)?.preProceedingsId}/extension`,
    version: (v) => openPre(v)?.version,
    schema: preProceedingsExtension,
    whyNot: needPre,
    fields: [
      { name: 'newEndOn', label: 'New date pre-proceedings should end by', kind: 'date', future: true, required: true },
      { name: 'reason', label: 'Why pre-proceedings need longer', kind: 'textarea', required: true },
    ],
  },
  'pre-end': {
    title: 'End pre-proceedings',
    submit: 'Save',
    notice: 'Pre-proceedings ended',
    path: (v) => `pre-proceedings/${openPre(v)?.preProceedingsId}/end`,
    version: (v) => openPre(v)?.version,
    schema: endPreProceedings,
    whyNot: needPre,
    fields: [
      { name: 'endedOn', label: 'Date pre-proceedings ended', kind: 'date', required: true },
      { name: 'outcome', label: 'How they ended', kind: 'radios', options: options(PRE_PROCEEDINGS_OUTCOME), required: true },
      { name: 'reasons', label: 'Reasons', kind: 'textarea', required: true },
    ],
  },
  assessment: {
    title: 'Record an assessment commissioned',
    submit: 'Save the assessment',
    notice: 'Assessment saved',
    path: () => 'assessments',
    schema: legalAssessment,
    fields: [
      { name: 'kind', label: 'Which assessment', kind: 'radios', options: options(LEGAL_ASSESSMENT_KIND), required: true },
      { name: 'commissionedOn', label: 'Date commissioned', kind: 'date', required: true },
      { name: 'assessor', label: 'Who will assess', kind: 'text', required: true },
      { name: 'dueOn', label: 'Report due (optional)', kind: 'date', future: true },
    ],
  },
  application: {
    title: 'Record the application to court',
    submit: 'Save the application',
    notice: 'Application saved: the proceedings have 26 weeks',
    path: () => 'proceedings',
    schema: issueApplication,
    whyNot: (v) => (openProceedings(v) ? 'The child is already in proceedings.' : null),
    fixed: (v) => ({ preProceedingsId: openPre(v)?.preProceedingsId ?? null }),
    fields: [
      { name: 'issuedOn', label: 'Date the application was issued', kind: 'date', required: true },
      { name: 'court', label: 'Court', kind: 'text', required: true },
      { name: 'caseNumber', label: 'Case number', kind: 'text', required: true },
      { name: 'applicationType', label: 'What the council applied for', kind: 'radios', options: options(APPLICATION_TYPE), required: true },
    ],
  },
  hearing: {
    title: 'Record a hearing',
    submit: 'Save the hearing',
    notice: 'Hearing saved',
    path: (v) => `proceedings/${openProceedings(v)?.proceedingsId}/hearings`,
    schema: courtHearing,
    whyNot: needProceedings,
    fields: [
      {
        name: 'heldOn',
        label: 'Date of the hearing',
        kind: 'date',
        future: true,
        required: true,
        hint: 'A hearing listed for a later date may be recorded now',
      },
      { name: 'hearingType', label: 'Which hearing', kind: 'radios', options: options(HEARING_TYPE), required: true },
      { name: 'notes', label: 'Notes (optional)', kind: 'textarea' },
    ],
  },
  extension: {
    title: 'Record an extension the court granted',
    submit: 'Save the extension',
    notice: 'Extension saved',
    path: (v) => `proceedings/${openProceedings(v)?.proceedingsId}/extensions`,
    version: (v) => openProceedings(v)?.version,
    schema: courtExtension,
    whyNot: needProceedings,
    fields: [
      { name: 'grantedOn', label: 'Date the court granted it', kind: 'date', required: true },
      {
        name: 'newDueOn',
        label: 'New date the proceedings must end by',
        kind: 'date',
        future: true,
        required: true,
        hint: 'At most 8 weeks after the current date',
      },
      { name: 'reason', label: 'Why the court extended the timetable', kind: 'textarea', required: true },
    ],
  },
  order: {
    title: 'Record an order the court made',
    submit: 'Save the order',
    notice: 'Order saved',
    path: (v) => `proceedings/${openProceedings(v)?.proceedingsId}/orders`,
    version: (v) => openProceedings(v)?.version,
    schema: courtOrder,
    whyNot: needProceedings,
    fields: [
      { name: 'madeOn', label: 'Date the order was made', kind: 'date', required: true },
      {
        name: 'order',
        label: 'Which order',
        kind: 'radios',
        options: options(COURT_ORDER),
        required: true,
        hint: 'A care order, supervision order, placement order or no order ends the proceedings',
      },
      { name: 'notes', label: 'Notes (optional)', kind: 'textarea' },
    ],
  },
  withdraw: {
    title: 'Record the application withdrawn',
    submit: 'Save',
    notice: 'Withdrawal saved',
    path: (v) => `proceedings/${openProceedings(v)?.proceedingsId}/withdraw`,
    version: (v) => openProceedings(v)?.version,
    schema: withdrawProceedings,
    whyNot: needProceedings,
    fields: [
      { name: 'withdrawnOn', label: 'Date the court gave permission to withdraw', kind: 'date', required: true },
      { name: 'reasons', label: 'Reasons', kind: 'textarea', required: true },
    ],
  },
};
