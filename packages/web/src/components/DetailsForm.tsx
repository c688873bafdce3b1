/**
 * A short form behind a GOV.UK details summary ("Record an absence"): its own error summary, its
 * fields, one button. DetailsSpecForm is one whose fields are data (form-model.ts), from its
 * answers to sending them.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import type { FormErrors } from './errors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Button } from './fields.tsx';
import { FormFields } from './FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues } from './form-model.ts';
import { checkWith, type Problems, useSend } from './forms.ts';
import { SuccessBanner } from './Notices.tsx';
import { useFormValues } from './form-values.ts';
import { Details } from './Details.tsx';

export function DetailsForm({
  opens,
  label = opens,
  className = 'govuk-details',
  errors,
  busy,
  submit,
  onSubmit,
  children,
}: {
  /** The summary's words, which open the form. */
  opens: string;
  /** The form's name, where it says more than the summary. */
  label?: string;
  className?: string;
  errors: FormErrors;
  busy: boolean;
  submit: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <Details className={className} summary={opens}>
      <form onSubmit={onSubmit} noValidate aria-label={label}>
        <ErrorSummary items={errors.summary} />
        {children}
        <Button busy={busy}>{submit}</Button>
      </form>
    </Details>
  );
}

/**
 * A DetailsForm whose fields are data: their answers read into the body `send` is given, the
 * server's refusals beside the fields, and once sent (where asked) a success banner and the
 * answers back to their first values for the next.
 */
export function DetailsSpecForm({
  opens,
  label,
  className,
  idPrefix = '',
  fields,
  initial,
  emptyAsNull = false,
  schema,
  words = {},
  submit,
  send,
  onDone,
  clear = [],
  banner,
  check,
}: {
  opens: string;
  label?: string;
  className?: string;
  /** Where one page holds a form per record: the fields' ids start with this. */
  idPrefix?: string;
  fields: FieldSpec[];
  /** The answers the form starts with (and goes back to once cleared). */
  initial?: Record<string, unknown>;
  /** Empty answers are sent as null rather than left out. */
  emptyAsNull?: boolean;
  /** The API's own schema, checked before sending (its words for a field where the schema's are not said). */
  schema?: z.ZodType;
  words?: Record<string, string>;
  submit: string;
  send: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: (body: Record<string, unknown>) => void;
  /** The answers that go back to their first values once sent. */
  clear?: string[];
  /** The words of a success banner above the form once sent. */
  banner?: string;
  /** Rules across answers (a last day on or after the first), adding their problems. */
  check?: (body: Record<string, unknown>, problems: Problems) => void;
}) {
  const form = useFormValues(fields, initial);
  const anchors = Object.fromEntries(Object.entries(anchorsFor([[fields, '']])).map(([field, at]) => [field, `${idPrefix}${at}`]));
  const { errors, busy, send: sending } = useSend(anchors);
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const problems: Problems = [];
    const read = readValues(fields, form.values, problems, { emptyAsNull });
    const body = schema ? (checkWith(schema, read, problems, words) as Record<string, unknown>) : read;
    check?.(read, problems);
    await sending(
      problems,
      () => send(body),
      () => {
        form.clear(clear);
        setDone(true);
        onDone(body);
      },
    );
  };

  return (
    <>
      {banner && done ? <SuccessBanner>{banner}</SuccessBanner> : null}
      <DetailsForm opens={opens} label={label} className={className} errors={errors} busy={busy} submit={submit} onSubmit={onSubmit}>
        <FormFields fields={fields} values={form.values} errors={errors.fields} idPrefix={idPrefix} onChange={form.set} />
      </DetailsForm>
    </>
  );
}
