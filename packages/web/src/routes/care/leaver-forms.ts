/**
 * The leaving care forms, as data (run by SpecForm through CareFormPage): the young person's
 * leaving care category, pathway plans and reviews, moves, personal adviser visits and the
 * birthday contacts the SSDA903 return asks about.
 */
import {
  ACCOM_CODES,
  ACCOMMODATION,
  ACTIVITY,
  birthdayContact,
  CARE_LEAVER_CATEGORY,
  careLeaverDetails,
  IN_TOUCH,
  newLeaverAccommodation,
  newPathwayPlan,
  newPaVisit,
} from '@lantern/core/care';
import type { CareView } from '../../api/care.ts';
import { codedOptionsOf as coded, optionsOf as options } from '../../components/form-model.ts';
import { type FormSpec, str } from './forms.ts';

const needsLeaver = (view: CareView) => (view.careLeaver ? null : 'Record the young person’s leaving care category first.');

const accomOptions = ACCOM_CODES.filter((c) => c !== '0').map((c) => ({
  value: c,
  label: `${ACCOMMODATION[c[0] as keyof typeof ACCOMMODATION]}: ${c.endsWith('1') ? 'suitable' : 'not suitable'} (${c})`,
}));

export const LEAVER_FORMS: Record<string, FormSpec> = {
  'care-leaver': {
    title: 'Leaving care',
    submit: 'Save',
    notice: 'Leaving care details saved',
    method: 'PUT',
    path: () => 'care-leaver',
    schema: careLeaverDetails,
    emptyAsNull: true,
    initial: (v) =>
      v.careLeaver
        ? {
            values: { category: v.careLeaver.category, eligibleFrom: v.careLeaver.eligibleFrom, supportEndedOn: str(v.careLeaver.supportEndedOn) },
            version: v.careLeaver.version,
          }
        : null,
    fields: [
      { name: 'category', label: 'Leaving care category', kind: 'radios', options: options(CARE_LEAVER_CATEGORY), required: true },
      { name: 'eligibleFrom', label: 'Date they became eligible for leaving care support', kind: 'date', required: true },
      { name: 'supportEndedOn', label: 'Date leaving care support ended (optional)', kind: 'date' },
    ],
  },
  'pathway-plan': {
    title: 'Record the pathway plan or a review',
    submit: 'Save',
    notice: 'Pathway plan saved',
    method: 'POST',
    path: () => 'pathway-plans',
    schema: newPathwayPlan,
    whyNot: needsLeaver,
    fields: [
      {
        name: 'kind',
        label: 'Plan or review?',
        kind: 'radios',
        options: [
          { value: 'plan', label: 'Pathway plan' },
          { value: 'review', label: 'Review of the pathway plan' },
        ],
        required: true,
      },
      { name: 'heldOn', label: 'Date', kind: 'date', required: true },
    ],
  },
  accommodation: {
    title: 'Record a move to new accommodation',
    submit: 'Save',
    notice: 'Move saved: a personal adviser visit is due within 7 days',
    method: 'POST',
    path: () => 'leaver-accommodation',
    schema: newLeaverAccommodation,
    whyNot: needsLeaver,
    fields: [
      { name: 'movedOn', label: 'Date of the move', kind: 'date', required: true },
      { name: 'accommodation', label: 'Type of accommodation', kind: 'select', options: coded(ACCOMMODATION), required: true },
      { name: 'suitable', label: 'Is it suitable?', kind: 'yesno', required: true },
    ],
  },
  'pa-visit': {
    title: 'Record a personal adviser visit',
    submit: 'Save',
    notice: 'Visit saved',
    method: 'POST',
    path: () => 'pa-visits',
    schema: newPaVisit,
    whyNot: needsLeaver,
    fields: [
      { name: 'visitedOn', label: 'Date of the visit', kind: 'date', required: true },
      { name: 'notes', label: 'Notes (optional)', kind: 'textarea' },
    ],
  },
  'birthday-contact': {
    title: 'Record the birthday contact',
    submit: 'Save',
    notice: 'Birthday contact saved',
    method: 'PUT',
    path: () => 'birthday-contacts',
    schema: birthdayContact,
    whyNot: needsLeaver,
    initial: (v, params): { values: Record<string, string>; version?: number } | null => {
      const age = Number(params.get('age'));
      const c = v.careLeaver?.birthdayContacts.find((x) => x.birthdayAge === age);
      return c
        ? {
            values: { birthdayAge: String(c.birthdayAge), contactOn: c.contactOn, inTouch: c.inTouch, activity: c.activity, accommodation: c.accommodation },
            version: c.version,
          }
        : age
          ? { values: { birthdayAge: String(age) } }
          : null;
    },
    fields: [
      {
        name: 'birthdayAge',
        label: 'Which birthday?',
        kind: 'select',
        numeric: true,
        options: [17, 18, 19, 20, 21].map((n) => ({ value: String(n), label: `${n}th` })),
        required: true,
      },
      { name: 'contactOn', label: 'Date of the contact', kind: 'date', required: true },
      { name: 'inTouch', label: 'Is the council in touch with them?', kind: 'radios', options: coded(IN_TOUCH), required: true },
      {
        name: 'activity',
        label: 'Main activity',
        kind: 'select',
        options: coded(ACTIVITY),
        required: true,
        hint: 'Not in touch, died or returned home: choose “Not in touch, died or returned home (0)”',
      },
      {
        name: 'accommodation',
        label: 'Accommodation and whether it is suitable',
        kind: 'select',
        options: [...accomOptions, { value: '0', label: 'Not in touch, died or returned home (0)' }],
        required: true,
      },
    ],
  },
};
