/** The page around each form of the improvement plan (an inspection, an action added, an action updated): back to the plan, the errors, the form. */
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type FormErrors, hasErrors } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { usePageTitle } from '../../hooks.ts';

export function PlanForm(props: {
  title: ReactNode;
  pageTitle: string;
  caption?: ReactNode;
  intro?: ReactNode;
  errors: FormErrors;
  busy: boolean;
  submit: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  usePageTitle(props.pageTitle, hasErrors(props.errors));
  return (
    <>
      <Link className="govuk-back-link" to="/improvement">
        Improvement plan
      </Link>
      {hasErrors(props.errors) ? <ErrorSummary items={props.errors.summary} /> : null}
      {props.caption ? <span className="govuk-caption-l">{props.caption}</span> : null}
      <h1 className="govuk-heading-l">{props.title}</h1>
      {props.intro}
      <form onSubmit={props.onSubmit} noValidate>
        {props.children}
        <Button busy={props.busy}>{props.submit}</Button>
      </form>
    </>
  );
}
