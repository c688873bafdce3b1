/**
 * A subject access request's steps as forms of the one form model: extending it with a reason,
 * reviewing the redaction marks, releasing the copy. Each names the core schema its body is
 * checked against, and why it cannot be used now, where it cannot.
 */
import { extendSarInput, reviewSarInput } from '@lantern/core';
import type { z } from 'zod';
import type { SarDetailView } from '../../api/exchange.ts';
import { exchangeApi } from '../../api/exchange.ts';
import type { FieldSpec } from '../../components/form-model.ts';
import { formatDate } from '../../format.ts';

export type SarFormSpec = {
  title: string;
  submit: string;
  notice: string;
  fields: (sar: SarDetailView) => FieldSpec[];
  initial?: (sar: SarDetailView) => Record<string, unknown>;
  schema?: z.ZodType;
  body?: (read: Record<string, unknown>, sar: SarDetailView) => Record<string, unknown>;
  send: (sar: SarDetailView, body: Record<string, unknown>) => Promise<unknown>;
  whyNot?: (sar: SarDetailView) => string | null;
  intro?: (sar: SarDetailView) => string;
};

const released = (sar: SarDetailView) => (sar.releasedOn ? `The copy was released on ${formatDate(sar.releasedOn)}: the request is answered.` : null);

/** Marks the reviewer adds: one a line, each removed wherever it stands as whole words. */
const addedMarks = (text: unknown) =>
  String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line, reason: 'added by the reviewer' }));

export const SAR_FORMS: Record<string, SarFormSpec> = {
  extend: {
    title: 'Extend the request by two months',
    submit: 'Extend the request',
    notice: 'Request extended by two months',
    intro: (sar) =>
      `The answer is due ${formatDate(sar.dueOn)}. The law allows one extension, by two further months, where the request is complex or one of many from the same person; tell the person asking within the first month, with the reason.`,
    fields: () => [
      {
        name: 'reason',
        label: 'Why does the request need longer?',
        kind: 'textarea',
        required: true,
        missing: 'Give the reason for extending the request',
        rows: 4,
      },
    ],
    schema: extendSarInput,
    body: (read, sar) => ({ ...read, version: sar.version }),
    send: (sar, body) => exchangeApi.extend(sar.childId, sar.sarId, body),
    whyNot: (sar) => released(sar) ?? (sar.extendedOn ? `The request was extended on ${formatDate(sar.extendedOn)}: the law allows one extension.` : null),
  },
  marks: {
    title: 'Review the redaction marks',
    submit: 'Save the reviewed marks',
    notice: 'Redaction marks reviewed',
    intro: () =>
      'Lantern marks the people named in the record who are not the person asking: they are third parties, and their information is removed from the copy unless they agreed or it is reasonable to share it. Read the review copy, then keep the marks that stand, untick any that do not, and add anything else to remove.',
    fields: (sar) => [
      {
        name: 'keep',
        label: 'Marks to keep',
        kind: 'checkboxes',
        hint: 'Each is removed from the released copy wherever it appears as whole words.',
        options: sar.marks.map((m, i) => ({ value: String(i), label: `${m.text} (${m.reason})` })),
      },
      {
        name: 'extra',
        label: 'Other names or words to remove (optional)',
        kind: 'textarea',
        hint: 'One a line: a name, a place, anything that would identify a third party.',
        rows: 4,
      },
    ],
    initial: (sar) => ({ keep: sar.marks.map((_, i) => String(i)) }),
    schema: reviewSarInput,
    body: (read, sar) => ({
      version: sar.version,
      marks: [...((read.keep as string[] | undefined) ?? []).map((i) => sar.marks[Number(i)]).filter(Boolean), ...addedMarks(read.extra)],
    }),
    send: (sar, body) => exchangeApi.review(sar.childId, sar.sarId, body),
    whyNot: released,
  },
  release: {
    title: 'Release the redacted copy',
    submit: 'Release the copy',
    notice: 'Copy released: download it to send to the person who asked',
    intro: (sar) =>
      `Releasing answers the request: the copy of ${sar.childName}’s record, with the ${sar.marks.length === 1 ? 'one marked name' : `${sar.marks.length} marked names and words`} removed, may then be downloaded and sent to ${sar.requesterName}. The release is recorded in the audit trail.`,
    fields: () => [],
    send: (sar) => exchangeApi.release(sar.childId, sar.sarId),
    whyNot: (sar) => released(sar) ?? (sar.reviewed ? null : 'A person must review the redaction marks before the copy is released.'),
  },
};
