/**
 * The looked-after steps' forms as data (as the care and meetings forms): each form's fields in
 * the page's words, the checks that join fields, and the body sent. StepFormPage renders them.
 */
import { MISSING_KIND, PLACEMENT_TYPE, REASON_CEASED, REGISTRATION_STATUS } from '@lantern/core/looked-after';
import { PARTICIPATION_PLAIN } from '@lantern/core/meetings';
import type { FieldSpec, Values } from '../../components/form-model.ts';
import type { Problems } from '../../components/forms.ts';
import { labelOf, todayInEngland } from '../../format.ts';
import { type Json, lookedAfterApi, options } from './api.ts';

export type StepSpec = {
  title: string;
  submit: string;
  notice: string;
  /** The fields, given the child's looked-after record, the providers register and the answers so far. */
  fields: (record: Json, providers: Json[], values: Values) => FieldSpec[];
  /** Answers the form starts with (today's date for the day of the step). */
  initial: () => Record<string, unknown>;
  /** Rules joining fields, checked after each field's own. */
  check?: (values: Values) => Problems;
  /** The request body from the fields as read (empty answers null). */
  body: (read: Record<string, unknown>, record: Json) => unknown;
  send: (childId: string, body: unknown) => Promise<unknown>;
  /** Where the server's errors on other fields are shown. */
  anchors?: Record<string, string>;
  /** Why this step cannot be recorded for the child now. */
  whyNot?: (record: Json) => string | null;
};

const today = () => todayInEngland();
const notLookedAfter = (r: Json) => (r.current ? null : 'The child is not looked after.');

export const STEPS = {
  cease: {
    title: 'Record the child ceasing to be looked after',
    submit: 'Save',
    notice: 'Ceased to be looked after: recorded',
    initial: () => ({ endDate: today() }),
    whyNot: notLookedAfter,
    fields: () => [
      {
        name: 'endDate',
        label: 'Date the child ceased to be looked after',
        kind: 'date',
        required: true,
        future: true,
        what: 'the date care ended',
        dateLabel: 'The date care ended',
      },
      {
        name: 'reasonEnded',
        label: 'Reason',
        kind: 'select',
        options: options(REASON_CEASED),
        required: true,
        missing: 'Choose why the child ceased to be looked after',
      },
    ],
    body: (read, r) => ({ episodeId: r.current?.episodeId, version: r.current?.version, ...read }),
    send: lookedAfterApi.cease,
  },
  approve: {
    title: 'Approve a placement with a provider not registered for this care',
    submit: 'Record approval',
    notice: 'Director’s approval recorded',
    initial: () => ({ approvedOn: today() }),
    fields: (_r, providers) => [
      {
        name: 'providerId',
        label: 'Provider',
        kind: 'select',
        options: providers.map((p) => ({ value: p.providerId, label: `${p.name} – ${labelOf(REGISTRATION_STATUS, p.registrationStatus)}` })),
        required: true,
        missing: 'Choose the provider',
      },
      {
        name: 'placementType',
        label: 'Placement type',
        kind: 'select',
        options: options(PLACEMENT_TYPE),
        required: true,
        missing: 'Choose the placement type',
      },
      {
        name: 'approvedOn',
        label: 'Date of approval',
        kind: 'date',
        required: true,
        future: true,
        what: 'the date of approval',
        dateLabel: 'The date of approval',
      },
      {
        name: 'reasons',
        label: 'Your reasons, and the safeguards while the child is placed there',
        kind: 'textarea',
        required: true,
        missing: 'Record your reasons for approving this placement',
      },
    ],
    body: (read) => read,
    send: lookedAfterApi.approve,
  },
  visit: {
    title: 'Record a visit',
    submit: 'Save visit',
    notice: 'Visit recorded',
    initial: () => ({ visitedOn: today() }),
    fields: (_r, _p, values) => [
      {
        name: 'visitedOn',
        label: 'Date of the visit',
        kind: 'date',
        required: true,
        future: true,
        what: 'the date of the visit',
        dateLabel: 'The date of the visit',
      },
      { name: 'faceToFace', label: 'Was the visit face to face?', kind: 'yesno', required: true, missing: 'Say whether the visit was face to face' },
      { name: 'childSeen', label: 'Was the child seen?', kind: 'yesno', required: true, missing: 'Say whether the child was seen' },
      ...(values.childSeen === 'yes' ? [{ name: 'seenAlone', label: 'Was the child seen alone?', kind: 'yesno' as const }] : []),
      { name: 'location', label: 'Where the child was seen', kind: 'text' },
      { name: 'childWords', label: 'The child’s wishes and feelings, in their own words', kind: 'textarea' },
    ],
    check: (v) =>
      v.childSeen === 'yes' && !(v.childWords as string).trim() ? [['childWords', 'Record the child’s wishes and feelings in their own words']] : [],
    body: (read) => ({ ...read, seenAlone: read.seenAlone === true }),
    send: lookedAfterApi.visit,
  },
  review: {
    title: 'Record a looked-after review',
    submit: 'Save review',
    notice: 'Review recorded',
    initial: () => ({ heldOn: today() }),
    anchors: { chairWorkerId: 'participation' },
    fields: () => [
      {
        name: 'heldOn',
        label: 'Date of the review',
        kind: 'date',
        required: true,
        future: true,
        what: 'the date of the review',
        dateLabel: 'The date of the review',
      },
      {
        name: 'participation',
        label: 'How the child took part',
        kind: 'radios',
        options: Object.entries(PARTICIPATION_PLAIN).map(([value, label]) => ({ value, label })),
        hint: 'What the council reports to the Department for Education about the review',
        required: true,
        missing: 'Choose how the child took part',
      },
      { name: 'childWords', label: 'What the child said, in their own words', kind: 'textarea' },
      {
        name: 'iroContactOn',
        label: 'When the IRO spoke with the child before the review',
        hint: 'Leave blank if the IRO did not',
        kind: 'date',
        future: true,
        dateLabel: 'The date the IRO spoke with the child',
      },
    ],
    body: (read) => read,
    send: lookedAfterApi.review,
  },
  missing: {
    title: 'Record a missing or absent episode',
    submit: 'Save',
    notice: 'Missing episode recorded',
    initial: () => ({ startedAt: today() }),
    fields: () => [
      {
        name: 'kind',
        label: 'Missing or away?',
        kind: 'radios',
        options: options(MISSING_KIND),
        required: true,
        missing: 'Say whether the child is missing or away',
      },
      {
        name: 'startedAt',
        label: 'Date the child went missing',
        kind: 'datetime',
        required: true,
        dateLabel: 'When the child went missing',
        time: { label: 'Time the child went missing', hint: 'For example, 18:30' },
      },
      {
        name: 'endedAt',
        label: 'Date the child returned (if they have)',
        kind: 'datetime',
        dateLabel: 'When the child returned',
        time: { label: 'Time the child returned' },
      },
      { name: 'circumstances', label: 'What happened', kind: 'textarea' },
    ],
    body: (read) => read,
    send: lookedAfterApi.missing,
  },
} satisfies Record<string, StepSpec>;
