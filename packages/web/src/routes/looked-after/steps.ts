/**
 * The looked-after steps' forms as data (as the care and meetings forms): each form's fields in
 * the page's words, the checks that join fields, and the body sent. StepFormPage renders them.
 */
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  MISSING_KIND,
  PLACEMENT_TYPE,
  REASON_CEASED,
  REASON_PLACE_CHANGE,
  REGISTRATION_STATUS,
} from '@lantern/core/looked-after';
import { PARTICIPATION_PLAIN } from '@lantern/core/meetings';
import { type FieldSpec, optionsOf, type Values } from '../../components/form-model.ts';
import type { Problems } from '../../components/forms.ts';
import { labelOf, todayInEngland } from '../../format.ts';
import { type LookedAfterRecord, lookedAfterApi, options, type ProviderView } from './api.ts';
import { type PlacementState, placementAnchors, placementBody, providerProblems } from './FormPage.tsx';

export type StepSpec = {
  title: string;
  submit: string;
  notice: string;
  /** The fields, given the child's looked-after record, the providers register and the answers so far. */
  fields: (record: LookedAfterRecord, providers: ProviderView[], values: Values) => FieldSpec[];
  /** Answers the form starts with (today's date for the day of the step). */
  initial: () => Record<string, unknown>;
  /** Rules joining fields, checked after each field's own (and the placement's, for a step with one). */
  check?: (values: Values, record: LookedAfterRecord, placement: PlacementState) => Problems;
  /** The request body from the fields as read (empty answers null). */
  body: (read: Record<string, unknown>, record: LookedAfterRecord, placement: PlacementState, values: Values) => unknown;
  /** A step with a placement: where its fields are named, and the legal status its rules read. */
  placement?: (values: Values, record: LookedAfterRecord) => { prefix: string; legalStatus: string } | null;
  send: (childId: string, body: unknown) => Promise<unknown>;
  /** Where the server's errors on other fields are shown. */
  anchors?: Record<string, string>;
  /** Why this step cannot be recorded for the child now. */
  whyNot?: (record: LookedAfterRecord) => string | null;
};

const today = () => todayInEngland();
const notLookedAfter = (r: LookedAfterRecord) => (r.current ? null : 'The child is not looked after.');

export const STEPS = {
  start: {
    title: 'Record the child becoming looked after',
    submit: 'Save',
    notice: 'Became looked after: recorded',
    initial: () => ({ startDate: today() }),
    anchors: placementAnchors(''),
    fields: () => [
      {
        name: 'startDate',
        label: 'Date the child became looked after',
        kind: 'date',
        required: true,
        future: true,
        what: 'the date the child became looked after',
        dateLabel: 'The date the child became looked after',
      },
      { name: 'legalStatus', label: 'Legal status', kind: 'select', options: options(LEGAL_STATUS), required: true, missing: 'Choose the legal status' },
      {
        name: 'categoryOfNeed',
        label: 'Category of need',
        kind: 'select',
        options: options(CATEGORY_OF_NEED),
        required: true,
        missing: 'Choose the category of need',
      },
      { name: 'homePostcode', label: 'Postcode of the child’s home', kind: 'text', width: 'govuk-input--width-10' },
      { name: 'placement', label: 'Placement', kind: 'custom' },
    ],
    placement: (v) => ({ prefix: '', legalStatus: v.legalStatus as string }),
    check: (v, _r, p) => [
      ...(p.placementType ? [] : [['placementType', 'Choose the placement type'] as [string, string]]),
      ...providerProblems(p, v.legalStatus as string, ''),
    ],
    body: (read, _r, p) => ({ ...read, ...placementBody(p) }),
    send: lookedAfterApi.start,
  },
  change: {
    title: 'Record a change of placement or legal status',
    submit: 'Save change',
    notice: 'Change recorded',
    initial: () => ({ date: today() }),
    whyNot: notLookedAfter,
    anchors: placementAnchors('placement.'),
    fields: (r, _p, v) => [
      {
        name: 'date',
        label: 'Date of the change',
        kind: 'date',
        required: true,
        future: true,
        what: 'the date of the change',
        dateLabel: 'The date of the change',
      },
      {
        name: 'legalStatus',
        label: `New legal status (now ${labelOf(LEGAL_STATUS, r.current?.legalStatus)})`,
        kind: 'select',
        options: options(LEGAL_STATUS),
        placeholder: 'No change',
      },
      { name: 'moves', label: 'Does the placement change?', kind: 'yesno' },
      ...(v.moves === 'yes'
        ? [
            { name: 'sameCarer', label: 'Is the new placement with the same carer(s)?', kind: 'yesno' as const },
            { name: 'reasonPlaceChange', label: 'Why the placement changed', kind: 'select' as const, options: options(REASON_PLACE_CHANGE) },
            { name: 'placement', label: 'Placement', kind: 'custom' as const },
          ]
        : []),
    ],
    placement: (v, r) => (v.moves === 'yes' ? { prefix: 'placement.', legalStatus: (v.legalStatus as string) || r.current?.legalStatus || '' } : null),
    check: (v, r, p) => {
      const move = v.moves === 'yes';
      const problems: Problems = [];
      if (!v.legalStatus && !move) problems.push(['legalStatus', 'Choose a new legal status, or say the placement changes']);
      if (move && !p.placementType) problems.push(['placement.placementType', 'Choose the new placement type']);
      if (move) problems.push(...providerProblems(p, (v.legalStatus as string) || r.current?.legalStatus || '', 'placement.'));
      if (move && !v.reasonPlaceChange) problems.push(['reasonPlaceChange', 'Say why the placement changed']);
      return problems;
    },
    body: (read, r, p, v) => {
      const move = v.moves === 'yes';
      return {
        episodeId: r.current?.episodeId,
        version: r.current?.version,
        date: read.date,
        legalStatus: read.legalStatus ?? null,
        placement: move ? placementBody(p) : null,
        sameCarer: v.sameCarer === 'yes',
        reasonPlaceChange: move ? read.reasonPlaceChange : null,
      };
    },
    send: lookedAfterApi.change,
  },
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
        options: optionsOf(PARTICIPATION_PLAIN),
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
