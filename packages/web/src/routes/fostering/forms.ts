/**
 * The fostering forms as data (the model of care/forms.ts): recruitment from the enquiry to the
 * decision maker's approval and its terms, a supervising visit, and a household leaving with its
 * reason. Each is checked against core's schema before sending; FosteringFormPage runs them.
 */
import {
  DECISION,
  fosterEnquiry,
  fosteringDecision,
  HOUSEHOLD_KIND,
  householdStatusChange,
  LEAVING_REASON,
  PANEL_RECOMMENDATION,
  PLACEMENT_TERM,
  RECRUITMENT_STEP,
  recruitmentStep,
  supervisingVisit,
  TERMS_SEX,
} from '@lantern/core/fostering';
import type { z } from 'zod';
import type { HouseholdView } from '../../api/fostering.ts';
import { type FieldSpec, optionsOf } from '../../components/form-model.ts';

export type FosteringFormSpec = {
  title: string;
  submit: string;
  notice: string;
  fields: FieldSpec[];
  schema: z.ZodType;
  /** The path under /api/fostering/households/:householdId. */
  path: string;
  /** The change is made from the household's version (a recruitment step, the decision, its status). */
  versioned?: boolean;
  /** Fixed parts of the body (which recruitment step). */
  fixed?: Record<string, unknown>;
  /** Shapes the fields as read into the body (the terms of approval as one object). */
  toBody?: (read: Record<string, unknown>) => Record<string, unknown>;
  /** The permission the form needs (else fostering:record). */
  permission?: string;
  /** Why the form cannot be used for this household now; null when it can. */
  whyNot?: (h: HouseholdView) => string | null;
};

const GONE = ['resigned', 'deregistered', 'withdrawn'];
const left = (h: HouseholdView) => (GONE.includes(h.status) ? `${h.name} have left the service.` : null);

/** A recruitment step's form: the date (and the panel's recommendation), after the step before it. */
function step(
  key: keyof typeof RECRUITMENT_STEP,
  title: string,
  dateLabel: string,
  before: { done: (h: HouseholdView) => string | null; needs: string } | null,
  extra: FieldSpec[] = [],
): FosteringFormSpec {
  const column: Record<string, keyof HouseholdView> = { application: 'applicationOn', 'stage-one': 'stageOneOn', 'stage-two': 'stageTwoOn', panel: 'panelOn' };
  return {
    title,
    submit: 'Save',
    notice: `${RECRUITMENT_STEP[key]}: recorded.`,
    path: 'recruitment',
    versioned: true,
    fixed: { step: key },
    schema: recruitmentStep,
    fields: [{ name: 'on', label: dateLabel, kind: 'date', required: true }, ...extra, { name: 'notes', label: 'Notes', kind: 'textarea' }],
    whyNot: (h) => {
      if (left(h)) return left(h);
      if (h.decisionOn) return 'The decision maker has already decided.';
      if (h[column[key] as keyof HouseholdView]) return `${RECRUITMENT_STEP[key]} is already recorded.`;
      if (before && !before.done(h)) return before.needs;
      return null;
    },
  };
}

export const FOSTERING_FORMS: Record<string, FosteringFormSpec> = {
  application: step('application', 'Record the application', 'Date the application was received', null),
  'stage-one': step('stage-one', 'Record stage one completed', 'Date stage one was completed', {
    done: (h) => h.applicationOn,
    needs: 'Record the application first.',
  }),
  'stage-two': step('stage-two', 'Record the stage two assessment completed', 'Date the stage two assessment was completed', {
    done: (h) => h.stageOneOn,
    needs: 'Record stage one first.',
  }),
  panel: step('panel', 'Record the fostering panel', 'Date of the panel', { done: (h) => h.stageTwoOn, needs: 'Record the stage two assessment first.' }, [
    { name: 'recommendation', label: 'The panel’s recommendation', kind: 'radios', required: true, options: optionsOf(PANEL_RECOMMENDATION) },
  ]),
  decision: {
    title: 'Record the decision maker’s decision',
    submit: 'Save the decision',
    notice: 'The decision is recorded.',
    path: 'decision',
    permission: 'fostering:decide',
    versioned: true,
    schema: fosteringDecision,
    fields: [
      { name: 'decidedOn', label: 'Date of the decision', kind: 'date', required: true },
      { name: 'decision', label: 'The decision', kind: 'radios', required: true, options: optionsOf(DECISION) },
      { name: 'reasons', label: 'The reasons for the decision', kind: 'textarea', required: true },
      { name: 'terms.maxChildren', label: 'Approved for how many children (if approved)', kind: 'number' },
      { name: 'terms.ageFrom', label: 'Youngest age (years)', kind: 'number' },
      { name: 'terms.ageTo', label: 'Oldest age (years)', kind: 'number' },
      { name: 'terms.sex', label: 'Boys or girls', kind: 'radios', options: optionsOf(TERMS_SEX) },
      { name: 'terms.placementTypes', label: 'Kinds of placement approved for', kind: 'checkboxes', options: optionsOf(PLACEMENT_TERM) },
    ],
    toBody: (read) => {
      const {
        'terms.maxChildren': maxChildren,
        'terms.ageFrom': ageFrom,
        'terms.ageTo': ageTo,
        'terms.sex': sex,
        'terms.placementTypes': kinds,
        ...rest
      } = read;
      if (rest.decision !== 'approved') return { ...rest, terms: null };
      return { ...rest, terms: { maxChildren, ageFrom, ageTo, sex: sex ?? 'any', placementTypes: kinds } };
    },
    whyNot: (h) => left(h) ?? (h.decisionOn ? 'The decision maker has already decided.' : h.panelOn ? null : 'Record the fostering panel first.'),
  },
  visit: {
    title: 'Record a supervising visit',
    submit: 'Save the visit',
    notice: 'Supervising visit recorded.',
    path: 'visits',
    schema: supervisingVisit,
    fields: [
      { name: 'visitedOn', label: 'Date of the visit', kind: 'date', required: true },
      { name: 'unannounced', label: 'Was the visit unannounced?', kind: 'yesno', required: true, hint: 'At least one visit a year is unannounced' },
      { name: 'notes', label: 'What was seen and discussed', kind: 'textarea', required: true },
    ],
    whyNot: (h) => left(h) ?? (h.status === 'approved' || h.temporary ? null : `${h.name} are not approved foster carers.`),
  },
  leaving: {
    title: 'Record the household leaving the service',
    submit: 'Save',
    notice: 'The household has left the service.',
    path: 'status',
    versioned: true,
    schema: householdStatusChange,
    fields: [
      {
        name: 'status',
        label: 'How is the household leaving?',
        kind: 'radios',
        required: true,
        options: [
          { value: 'resigned', label: 'The carers resigned' },
          { value: 'deregistered', label: 'The council ended the approval (de-registered)' },
        ],
      },
      { name: 'on', label: 'Date the household left', kind: 'date', required: true },
      { name: 'reason', label: 'Why the household left', kind: 'select', required: true, options: optionsOf(LEAVING_REASON) },
      { name: 'notes', label: 'Notes', kind: 'textarea' },
    ],
    whyNot: (h) => left(h) ?? (h.status === 'approved' || h.status === 'on-hold' ? null : 'Only approved households resign or are de-registered.'),
  },
};

/** The enquiry that opens a new household. */
export const ENQUIRY_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'How the household is known', kind: 'text', required: true, hint: 'For example, Amy and Ben Carter' },
  { name: 'kind', label: 'Kind of foster carers', kind: 'radios', required: true, options: optionsOf(HOUSEHOLD_KIND) },
  { name: 'enquiryOn', label: 'Date of the enquiry', kind: 'date', required: true },
  { name: 'addressLine', label: 'Address', kind: 'text' },
  { name: 'postcode', label: 'Postcode', kind: 'text', width: 'govuk-input--width-10' },
  { name: 'phone', label: 'Telephone', kind: 'text', width: 'govuk-input--width-20' },
  { name: 'email', label: 'Email', kind: 'text' },
];
export const ENQUIRY_SCHEMA = fosterEnquiry;
