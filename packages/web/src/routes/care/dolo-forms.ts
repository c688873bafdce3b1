/**
 * The forms for deprivation of liberty orders, as data (run by SpecForm through CareFormPage):
 * recording an order, and extending, ending or correcting one from the version read.
 */
import { amendDeprivationOfLiberty, newDeprivationOfLiberty } from '@lantern/core/deprivation-of-liberty';
import type { CareView } from '../../api/care.ts';
import type { FieldSpec } from '../../components/form-model.ts';
import type { FormSpec } from './forms.ts';

const orderIn = (view: CareView, params: URLSearchParams) => view.deprivationOfLiberty.find((o) => o.orderId === params.get('order')) ?? null;
const mayRecord = (view: CareView) => view.canRecordDeprivationOfLiberty;
const notYours = (view: CareView) =>
  view.canRecordDeprivationOfLiberty ? null : 'Only the team holding the case, the head of service or the council’s legal adviser may record a court order.';

const ORDER_FIELDS: FieldSpec[] = [
  { name: 'madeOn', label: 'Date the High Court made the order', kind: 'date', required: true },
  { name: 'court', label: 'Court', kind: 'text', required: true, hint: 'For example, High Court, Family Division' },
  { name: 'caseNumber', label: 'Case number', kind: 'text', required: true },
  {
    name: 'authorises',
    label: 'What the order authorises',
    kind: 'textarea',
    required: true,
    hint: 'In plain words, as carers and visitors need to know it: locked doors, supervision, restraint, searches, phone or internet',
  },
  { name: 'expiresOn', label: 'Date the court set for it to end (if it set one)', kind: 'date', future: true },
  { name: 'reviewOn', label: 'Next court review (if listed)', kind: 'date', future: true },
];
const END_FIELDS: FieldSpec[] = [
  { name: 'endedOn', label: 'Date it ended early (if it did)', kind: 'date', hint: 'Discharged by the court, or the child left care' },
  { name: 'endReason', label: 'Why it ended', kind: 'text' },
];

export const DOLO_FORMS: Record<string, FormSpec> = {
  'deprivation-of-liberty': {
    title: 'Record a deprivation of liberty order',
    submit: 'Save the order',
    notice: 'Deprivation of liberty order saved',
    method: 'POST',
    path: () => 'deprivation-of-liberty-orders',
    schema: newDeprivationOfLiberty,
    may: mayRecord,
    whyNot: notYours,
    fields: [...ORDER_FIELDS, ...END_FIELDS],
  },
  'deprivation-of-liberty-change': {
    title: 'Extend, end or correct a deprivation of liberty order',
    submit: 'Save the order',
    notice: 'Deprivation of liberty order saved',
    method: 'PATCH',
    path: (view, params) => `deprivation-of-liberty-orders/${orderIn(view, params)?.orderId}`,
    schema: amendDeprivationOfLiberty,
    emptyAsNull: true,
    may: mayRecord,
    whyNot: (view, params) => notYours(view) ?? (orderIn(view, params) ? null : 'There is no such order on this child’s record.'),
    initial: (view, params) => {
      const o = orderIn(view, params);
      if (!o) return null;
      const text = (s: string | null) => s ?? '';
      return {
        values: {
          madeOn: o.madeOn,
          court: text(o.court),
          caseNumber: text(o.caseNumber),
          authorises: text(o.authorises),
          expiresOn: text(o.expiresOn),
          reviewOn: text(o.reviewOn),
          endedOn: text(o.endedOn),
          endReason: text(o.endReason),
        },
        version: o.version,
      };
    },
    fields: [...ORDER_FIELDS, ...END_FIELDS],
  },
};
