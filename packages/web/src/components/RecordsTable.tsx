/** A GOV.UK table of records from columns as data: each column its header and what its cell shows of a record. */
import type { ReactNode } from 'react';
import { TableHead } from './TableHead.tsx';

export type RecordColumn<R> = {
  label: ReactNode;
  /** A column of numbers, set to the right. */
  numeric?: boolean;
  /** Header words only a screen reader hears. */
  hidden?: boolean;
  /** The cell heads its row (a row header), with any class of its own. */
  heads?: boolean | string;
  cell: (record: R) => ReactNode;
};

const CAPTION = 'govuk-table__caption govuk-table__caption--s';
/** A caption only a screen reader hears. */
export const HIDDEN_CAPTION = 'govuk-table__caption govuk-visually-hidden';

export function RecordsTable<R>({
  columns,
  rows,
  rowKey,
  caption,
  captionClass = CAPTION,
  testId,
  rowTestId,
}: {
  columns: RecordColumn<R>[];
  rows: R[];
  rowKey: (record: R) => string;
  caption?: ReactNode;
  captionClass?: string;
  testId?: string;
  rowTestId?: string;
}) {
  return (
    <table className="govuk-table" data-testid={testId}>
      {caption ? <caption className={captionClass}>{caption}</caption> : null}
      <TableHead columns={columns.map(({ label, numeric, hidden }) => ({ label, numeric, hidden }))} />
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={rowKey(r)} data-testid={rowTestId}>
            {columns.map((c, i) =>
              c.heads ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a column's place is its identity
                <th key={i} scope="row" className={typeof c.heads === 'string' ? `govuk-table__header ${c.heads}` : 'govuk-table__header'}>
                  {c.cell(r)}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a column's place is its identity
                <td key={i} className={c.numeric ? 'govuk-table__cell govuk-table__cell--numeric' : 'govuk-table__cell'}>
                  {c.cell(r)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
