/**
 * A short form in a section of a page (a case note on the child's history, a worker allocated on
 * the child's page, an agency added to the register): its fields as data (form-model.ts), its own
 * error summary, checked against core's schema, and once sent a success banner (or the page's)
 * with the answers cleared for the next.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Button } from './fields.tsx';
import { FormFields } from './FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues, type Value } from './form-model.ts';
import { useFormValues } from './form-values.ts';
import { checkWith, type Problems, useSend } from './forms.ts';
import { SuccessBanner } from './Notices.tsx';
import { PageSection } from './PageSection.tsx';

export function SectionForm<S extends z.ZodType>({
  id,
  heading,
  fields,
  initial,
  form: given,
  onChange,
  idPrefix = '',
  section,
  schema,
  words = {},
  body: shape = (read) => read,
  send,
  clear,
  onDone,
  submit,
  secondary,
  before,
  label,
}: {
  /** The heading's id, which names the form. */
  id: string;
  heading: string;
  fields: FieldSpec[];
  /** The answers the form starts with (and goes back to once cleared). */
  initial?: Record<string, unknown>;
  /** The answers, where the page reads them too (a role that narrows the workers offered); else the form holds its own. */
  form?: ReturnType<typeof useFormValues>;
  /** Where answering one question changes another (a new role clears the worker chosen). */
  onChange?: (name: string, value: Value) => void;
  /** Where one page holds several such forms: the fields' ids start with this. */
  idPrefix?: string;
  /** A section of its own (a level 2 heading), whose notice the page shows; else a subsection with its banner. */
  section?: boolean;
  schema: S;
  words?: Record<string, string>;
  /** The body the schema checks, from the fields as read (where it is not them). */
  body?: (read: Record<string, unknown>) => Record<string, unknown>;
  /** Sends the body (with the fields as read, for what goes in the path); answers the words of the notice. */
  send: (body: z.output<S>, read: Record<string, unknown>) => Promise<string>;
  /** The answers cleared once sent. */
  clear: string[];
  onDone: (notice: string) => void;
  submit: string;
  secondary?: boolean;
  /** What is said above the fields (a list that could not be loaded). */
  before?: ReactNode;
  /** The form's own name, where the heading alone does not give it one. */
  label?: string;
}) {
  const own = useFormValues(fields, initial);
  const form = given ?? own;
  const anchors = Object.fromEntries(Object.entries(anchorsFor([[fields, '']])).map(([field, at]) => [field, `${idPrefix}${at}`]));
  const { errors, busy, send: sending } = useSend(anchors);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const problems: Problems = [];
    const read = readValues(fields, form.values, problems, { emptyAsNull: true });
    const body = checkWith(schema, shape(read), problems, words);
    let notice = '';
    await sending(
      problems,
      async () => {
        notice = await send(body as z.output<S>, read);
      },
      () => {
        form.clear(clear);
        if (!section) setDone(notice);
        onDone(notice);
      },
    );
  };

  const formItself = (
    <form onSubmit={onSubmit} noValidate aria-labelledby={section || label ? undefined : id} aria-label={label}>
      <ErrorSummary items={errors.summary} />
      {before}
      <FormFields fields={fields} values={form.values} errors={errors.fields} idPrefix={idPrefix} onChange={onChange ?? form.set} />
      <Button busy={busy} secondary={secondary}>
        {submit}
      </Button>
    </form>
  );
  if (section)
    return (
      <PageSection id={id} heading={heading}>
        {formItself}
      </PageSection>
    );
  return (
    <div className="lantern-subsection">
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      <h3 className="govuk-heading-s" id={id}>
        {heading}
      </h3>
      {formItself}
    </div>
  );
}
