import type { ReactNode } from 'react';
import { TableHead } from '../../components/TableHead.tsx';
import { Details } from '../../components/Details.tsx';

/** A GOV.UK table: the first column heads each row. */
export function Table({ caption, head, rows, numeric = [] }: { caption: string; head: string[]; rows: ReactNode[][]; numeric?: number[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <TableHead columns={head.map((label, i) => ({ label, numeric: numeric.includes(i) }))} />
      <tbody className="govuk-table__body">
        {rows.map((r, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt whole, never reordered
          <tr className="govuk-table__row" key={j}>
            {r.map((cell, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have fixed positions
                <th key={i} scope="row" className="govuk-table__header">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have fixed positions
                <td key={i} className={`govuk-table__cell${numeric.includes(i) ? ' govuk-table__cell--numeric' : ''}`}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The figures behind a chart, a click away. */
export function FiguresBehind({ children }: { children: ReactNode }) {
  return <Details summary="Show the figures as a table">{children}</Details>;
}
