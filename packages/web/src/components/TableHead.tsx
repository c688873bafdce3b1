/** A GOV.UK table's head: one row of column headers, numbers' columns to the right. */
import type { ReactNode } from 'react';

/** A column's header: its words, or words with how the column is set (numbers; words only a screen reader hears). */
export type Column = ReactNode | { label: ReactNode; numeric?: boolean; hidden?: boolean };

function isSet(c: Column): c is { label: ReactNode; numeric?: boolean; hidden?: boolean } {
  return typeof c === 'object' && c !== null && 'label' in c;
}

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((c, i) => {
          const set = isSet(c) ? c : { label: c };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a column's place is its identity
            <th key={i} scope="col" className={`govuk-table__header${set.numeric ? ' govuk-table__header--numeric' : ''}`}>
              {set.hidden ? <span className="govuk-visually-hidden">{set.label}</span> : set.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
