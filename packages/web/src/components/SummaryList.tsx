/** A GOV.UK summary list from rows as data: each row what it is and its value. */
import type { ReactNode } from 'react';
import { SummaryRow } from './SummaryRow.tsx';

/** A row: [what it is, its value], or the same with its value kept to its own lines (`pre`) or a test id. */
export type SummaryItem = [label: string, value: ReactNode] | { label: ReactNode; value: ReactNode; key: string; pre?: boolean; testId?: string };

/** Rows given as `false` or `null` (a row shown only sometimes) are left out. */
export function SummaryList({ rows, testId, className }: { rows: Array<SummaryItem | false | null>; testId?: string; className?: string }) {
  return (
    <dl className={className ? `govuk-summary-list ${className}` : 'govuk-summary-list'} data-testid={testId}>
      {rows.map((row) => {
        if (!row) return null;
        const r = Array.isArray(row) ? { label: row[0], value: row[1], key: row[0] } : row;
        return (
          <SummaryRow key={r.key} label={r.label} pre={r.pre} testId={r.testId}>
            {r.value}
          </SummaryRow>
        );
      })}
    </dl>
  );
}
