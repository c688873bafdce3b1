/**
 * The practice record's forms as data: each form's fields (labels and choices in plain words,
 * from core's lists; never a code), read into the body the API's own schema checks.
 */
import { ASSESSMENT_FACTOR, ASSESSMENT_OUTCOME } from '@lantern/core/pathway';
import { ACTION_OWNER_KIND, ACTION_PROGRESS, ASSESSMENT_SECTIONS, PLAN_STAGE, SAFETY_SCALE } from '@lantern/core/practice';
import type { Option } from '../../components/fields.tsx';
import { type FieldSpec, optionsOf as options } from '../../components/form-model.ts';

export type { FieldSpec, Value, Values } from '../../components/form-model.ts';

const SECTION_HINTS: Record<keyof typeof ASSESSMENT_SECTIONS, string> = {
  livedExperience: 'A day in the child’s life: who looks after them, where they sleep, what they eat, how school goes.',
  childWords: 'Write what the child said, as they said it. Say how you heard it (alone, with a parent, by drawing or play).',
  worries: 'What has happened, how often and how badly; and what we are worried will happen if nothing changes.',
  workingWell: 'What keeps the child safe now: the adults who protect them, what the family does well.',
  parentsViews: 'What each parent or carer thinks is happening, and what they want.',
  partnerViews: 'What school, health, police and others told us, and when.',
  analysis: 'What it all means for the child: weigh the worries against what is working well.',
  recommendation: 'What should happen next, and why.',
};

/** The written assessment: its eight parts, and the factors chosen by name. */
export const ASSESSMENT_FIELDS: FieldSpec[] = [
  ...Object.entries(ASSESSMENT_SECTIONS).map(([name, label]) => ({
    name,
    label,
    kind: 'textarea' as const,
    hint: SECTION_HINTS[name as keyof typeof ASSESSMENT_SECTIONS],
    rows: 5,
  })),
  { name: 'factors', label: 'What the assessment found (choose all that apply)', kind: 'checkboxes', options: options(ASSESSMENT_FACTOR) },
];

const SCALE: Option[] = Array.from({ length: SAFETY_SCALE.max + 1 }, (_, i) => ({ value: String(i), label: String(i) }));

export const SUBMIT_FIELDS: FieldSpec[] = [
  { name: 'workerScale', label: 'How safe is the child? Your scale, from 0 to 10', kind: 'scale', options: SCALE, hint: SAFETY_SCALE.meaning, required: true },
  { name: 'completedOn', label: 'Date the assessment was completed', kind: 'date', required: true },
  { name: 'outcome', label: 'What should happen next', kind: 'radios', options: options(ASSESSMENT_OUTCOME), required: true },
];

export const RETURN_FIELDS: FieldSpec[] = [
  { name: 'reasons', label: 'Why you are returning it: what needs to change', kind: 'textarea', required: true },
  { name: 'returnedOn', label: 'Date returned', kind: 'date', required: true },
];

export const AUTHORISE_FIELDS: FieldSpec[] = [
  {
    name: 'managerScale',
    label: 'How safe is the child? Your own scale, from 0 to 10',
    kind: 'scale',
    options: SCALE,
    hint: SAFETY_SCALE.meaning,
    required: true,
  },
  { name: 'managerView', label: 'Your view of the assessment and the scale', kind: 'textarea', required: true },
  { name: 'authorisedOn', label: 'Date authorised', kind: 'date', required: true },
  { name: 'lateReason', label: 'Why it took longer than 45 working days (if it did)', kind: 'textarea' },
];

export const CONCERN_FIELDS: FieldSpec[] = [
  { name: 'concern', label: 'The concern', kind: 'text', required: true },
  { name: 'found', label: 'What the enquiry found', kind: 'textarea', required: true },
  { name: 'substantiated', label: 'Was significant harm substantiated?', kind: 'yesno', required: true },
  { name: 'why', label: 'Why', kind: 'textarea', required: true },
];

export const CONVENE_FIELDS: FieldSpec[] = [
  { name: 'convene', label: 'Should an initial child protection conference be held?', kind: 'yesno', required: true },
  { name: 'conveneReasons', label: 'Why (or why not)', kind: 'textarea', required: true },
];

export const PLAN_FIELDS = (kind: string): FieldSpec[] => [
  { name: 'agreedOn', label: 'Date the plan was agreed', kind: 'date', required: true },
  ...(kind === 'protection' ? [{ name: 'stage', label: 'Which plan is this', kind: 'radios' as const, options: options(PLAN_STAGE), required: true }] : []),
  {
    name: 'contingency',
    label: 'What will happen if things do not change',
    kind: 'textarea',
    required: true,
    hint: 'Say it as you would to the family.',
  },
  ...(kind === 'care' ? [{ name: 'placementPlan', label: 'The placement plan', kind: 'textarea' as const, rows: 6 }] : []),
];

export const OUTCOME_FIELDS: FieldSpec[] = [
  { name: 'text', label: 'What must change for the child', kind: 'textarea', rows: 2, required: true, hint: 'In the family’s own words where you can.' },
  { name: 'measure', label: 'How we will all know it has changed', kind: 'text', required: true },
];

export const ACTION_FIELDS = (outcomes: Option[], owners: { workers: Option[]; contacts: Option[] }): FieldSpec[] => [
  { name: 'what', label: 'What will be done', kind: 'textarea', rows: 2, required: true },
  { name: 'outcomeId', label: 'Which change it helps with', kind: 'select', options: outcomes },
  { name: 'ownerKind', label: 'Who will do it', kind: 'radios', options: options(ACTION_OWNER_KIND), required: true },
  { name: 'ownerWorkerId', label: 'The worker', kind: 'select', options: owners.workers },
  { name: 'ownerContactId', label: 'The person at the partner agency', kind: 'select', options: owners.contacts },
  { name: 'ownerName', label: 'Their name, as the family says it', kind: 'text' },
  { name: 'dueOn', label: 'By when', kind: 'date', required: true, future: true },
];

/** Which owner field an owner kind needs; the others are hidden. */
export const OWNER_FIELD: Record<string, string> = { worker: 'ownerWorkerId', partner: 'ownerContactId', 'parent-carer': 'ownerName', child: 'ownerName' };

export const PROGRESS_FIELDS: FieldSpec[] = [
  { name: 'progress', label: 'Progress', kind: 'radios', options: options(ACTION_PROGRESS), required: true },
  { name: 'note', label: 'What has happened (needed unless done)', kind: 'textarea', rows: 2 },
];

export { anchorOf, readValues, valuesFor } from '../../components/form-model.ts';
