/** A GOV.UK details: a summary that opens what it holds (earlier records, a table of figures, a short form). */
import type { ReactNode } from 'react';

export function Details({
  summary,
  className = 'govuk-details',
  testId,
  children,
}: {
  /** The summary's words, which open it. */
  summary: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <details className={className} data-testid={testId}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
