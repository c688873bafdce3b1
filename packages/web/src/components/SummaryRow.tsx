/** One row of a GOV.UK summary list: what it is, and its value (kept to its own lines with `pre`). */
import type { ReactNode } from 'react';

export function SummaryRow({ label, children, pre, testId }: { label: ReactNode; children: ReactNode; pre?: boolean; testId?: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className={pre ? 'govuk-summary-list__value lantern-pre-line' : 'govuk-summary-list__value'} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
