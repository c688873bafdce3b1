/** A short form behind a GOV.UK details summary ("Record an absence"): its own error summary, its fields, one button. */
import type { FormEvent, ReactNode } from 'react';
import type { FormErrors } from './errors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Button } from './fields.tsx';

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
    <details className={className}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{opens}</span>
      </summary>
      <div className="govuk-details__text">
        <form onSubmit={onSubmit} noValidate aria-label={label}>
          <ErrorSummary items={errors.summary} />
          {children}
          <Button busy={busy}>{submit}</Button>
        </form>
      </div>
    </details>
  );
}
