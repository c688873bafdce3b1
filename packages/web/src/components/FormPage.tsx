/**
 * The page around every form of the web app: back link, error summary, the child's name above the
 * heading, the form and its buttons; the page that says why a form cannot be used now; and
 * SpecForm, which runs a form described as data (form-model.ts) from first values to sending.
 */
import type { FormEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { hasErrors, type FieldAnchors, type FormErrors } from './errors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Button } from './fields.tsx';
import { FormFields } from './FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues } from './form-model.ts';
import { useFormValues } from './form-values.ts';
import { checkWith, type Problems, useSend } from './forms.ts';
import { usePageTitle } from '../hooks.ts';

/** Where the back link and Cancel go, and the words a screen reader hears after "Back". */
export type Back = { to: string; hidden?: string };

function BackLink({ back }: { back: Back }) {
  return (
    <Link className="govuk-back-link" to={back.to}>
      Back{back.hidden ? <span className="govuk-visually-hidden"> {back.hidden}</span> : null}
    </Link>
  );
}

export function FormShell({
  title,
  pageTitle = title,
  caption,
  back,
  errors,
  busy,
  submit,
  onSubmit,
  intro,
  summaryExtra,
  children,
}: {
  title: string;
  /** The browser tab's words, where they say more than the heading (the child's name). */
  pageTitle?: string;
  caption?: ReactNode;
  back: Back;
  errors: FormErrors;
  busy: boolean;
  submit: string;
  onSubmit: (e: FormEvent) => void;
  intro?: ReactNode;
  summaryExtra?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(pageTitle, hasErrors(errors));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink back={back} />
        <ErrorSummary items={errors.summary}>{summaryExtra}</ErrorSummary>
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        <h1 className="govuk-heading-l">{title}</h1>
        {intro}
        <form onSubmit={onSubmit} noValidate>
          {children}
          <div className="govuk-button-group">
            <Button busy={busy}>{submit}</Button>
            <Link className="govuk-link" to={back.to}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

/** A form that cannot be used now, and why, in words for the person trying. */
export function NotNow({ title, caption, back, reason }: { title: string; caption?: ReactNode; back: Back; reason: string }) {
  usePageTitle(title);
  return (
    <>
      <BackLink back={back} />
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{reason}</p>
    </>
  );
}

/**
 * A whole form described as data: its values (from `initial`), the fields read into a body
 * (`body` shapes it for the API), checked against core's schema, sent, and back with a notice.
 */
export function SpecForm({
  title,
  pageTitle,
  caption,
  back,
  submit,
  notice,
  fields,
  initial,
  emptyAsNull,
  reason,
  intro,
  body = (read) => read,
  checked = (b) => b,
  schema,
  send,
  next,
}: {
  title: string;
  pageTitle?: string;
  caption?: ReactNode;
  back: Back;
  submit: string;
  notice: string;
  fields: FieldSpec[];
  initial?: Record<string, unknown> | null | undefined;
  emptyAsNull?: boolean | undefined;
  /** Why the form cannot be used now; null when it can. */
  reason?: string | null;
  intro?: ReactNode;
  /** The body the API takes, from the fields as read. */
  body?: (read: Record<string, unknown>) => Record<string, unknown>;
  /** What is checked against the schema, where it is not the body itself. */
  checked?: (body: Record<string, unknown>, read: Record<string, unknown>) => Record<string, unknown>;
  schema?: z.ZodType;
  send: (body: Record<string, unknown>) => Promise<unknown>;
  /** Where to go once sent, from what the API answered (a new record's page); else back. */
  next?: (sent: unknown) => string;
}) {
  const navigate = useNavigate();
  const { values, set } = useFormValues(fields, initial ?? {});
  const anchors: FieldAnchors = anchorsFor([[fields, '']]);
  const { errors, busy, send: sending } = useSend(anchors);
  if (reason) return <NotNow title={title} caption={caption} back={back} reason={reason} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = readValues(fields, values, problems, { emptyAsNull });
    const made = body(read);
    if (schema) checkWith(schema, checked(made, read), problems, {});
    let sent: unknown;
    await sending(
      problems,
      async () => {
        sent = await send(made);
      },
      () => navigate(next ? next(sent) : back.to, { state: { notice } }),
    );
  };
  return (
    <FormShell title={title} pageTitle={pageTitle} caption={caption} back={back} errors={errors} busy={busy} submit={submit} onSubmit={onSubmit} intro={intro}>
      <FormFields fields={fields} values={values} errors={errors.fields} onChange={set} />
    </FormShell>
  );
}
