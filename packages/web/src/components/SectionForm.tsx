/**
 * A short form in a section of a page (a case note on the child's history, a worker allocated on
 * the child's page): its fields as data (form-model.ts), its own error summary, checked against
 * core's schema, and once sent a success banner with the answers cleared for the next.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Button } from './fields.tsx';
import { FormFields } from './FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues, type Value, type Values, valuesFor } from './form-model.ts';
import { checkWith, type Problems, useSend } from './forms.ts';
import { SuccessBanner } from './Notices.tsx';

/** A form's answers, from its first values; `clear` puts the named answers back to them. */
export function useFormValues(fields: FieldSpec[], initial: Record<string, unknown> = {}) {
  const [first] = useState<Values>(() => valuesFor(fields, initial));
  const [values, setValues] = useState<Values>(first);
  const set = (name: string, value: Value) => setValues((old) => ({ ...old, [name]: value }));
  const clear = (names: string[]) => setValues((old) => ({ ...old, ...Object.fromEntries(names.map((n) => [n, first[n] ?? ''])) }));
  return { values, setValues, set, clear };
}

export function SectionForm<S extends z.ZodType>({
  id,
  heading,
  fields,
  form,
  onChange = form.set,
  schema,
  words = {},
  send,
  clear,
  onDone,
  submit,
  secondary,
  before,
}: {
  /** The heading's id, which names the form. */
  id: string;
  heading: string;
  fields: FieldSpec[];
  form: ReturnType<typeof useFormValues>;
  /** Where answering one question changes another (a new role clears the worker chosen). */
  onChange?: (name: string, value: Value) => void;
  schema: S;
  words?: Record<string, string>;
  /** Sends the body; answers the words of the success banner. */
  send: (body: z.output<S>) => Promise<string>;
  /** The answers cleared once sent. */
  clear: string[];
  onDone: () => void;
  submit: string;
  secondary?: boolean;
  /** What is said above the fields (a list that could not be loaded). */
  before?: ReactNode;
}) {
  const { errors, busy, send: sending } = useSend(anchorsFor([[fields, '']]));
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const problems: Problems = [];
    const body = checkWith(schema, readValues(fields, form.values, problems, { emptyAsNull: true }), problems, words);
    let notice = '';
    await sending(
      problems,
      async () => {
        notice = await send(body as z.output<S>);
      },
      () => {
        form.clear(clear);
        setDone(notice);
        onDone();
      },
    );
  };

  return (
    <div className="lantern-subsection">
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      <h3 className="govuk-heading-s" id={id}>
        {heading}
      </h3>
      <form onSubmit={onSubmit} noValidate aria-labelledby={id}>
        <ErrorSummary items={errors.summary} />
        {before}
        <FormFields fields={fields} values={form.values} errors={errors.fields} onChange={onChange} />
        <Button busy={busy} secondary={secondary}>
          {submit}
        </Button>
      </form>
    </div>
  );
}
