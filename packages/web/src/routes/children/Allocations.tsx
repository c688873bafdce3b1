import type { ReactNode } from 'react';
import type { ChildCase } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';

type Allocation = ChildCase['allocations']['current'][number];

/** Who holds the child's case now, who held it before, and a warning when workers keep changing. */
export function Allocations({
  allocations,
  socialWorkersLast12Months,
  children,
}: {
  allocations: ChildCase['allocations'];
  socialWorkersLast12Months: number;
  children?: ReactNode;
}) {
  return (
    <PageSection id="allocations-heading" heading="Allocations">
      {socialWorkersLast12Months >= 3 ? (
        <div className="govuk-inset-text lantern-warning-inset">
          <strong>{socialWorkersLast12Months} social workers in the last 12 months.</strong> Frequent changes of worker make it harder for the child to build a
          trusting relationship.
        </div>
      ) : null}
      {allocations.current.length === 0 ? (
        <p className="govuk-body">No one is allocated to this child.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Allocated now</caption>
          <TableHead columns={['Role', 'Worker', 'Team', 'Since']} />
          <tbody className="govuk-table__body">
            {allocations.current.map((a) => (
              <tr className="govuk-table__row" key={a.allocationId}>
                <td className="govuk-table__cell">{a.roleLabel}</td>
                <td className="govuk-table__cell">
                  {a.worker.name}
                  {a.workerEmployment === 'agency' ? <span className="lantern-secondary"> (agency)</span> : null}
                </td>
                <td className="govuk-table__cell">{a.worker.teamName ?? ''}</td>
                <td className="govuk-table__cell">{formatDate(a.startDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {allocations.past.length > 0 ? <PreviousWorkers past={allocations.past} /> : null}
      {children}
    </PageSection>
  );
}

function PreviousWorkers({ past }: { past: Allocation[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Previous workers</caption>
      <TableHead columns={['Worker', 'Role', 'From', 'To', 'Reason it ended']} />
      <tbody className="govuk-table__body">
        {past.map((a) => (
          <tr className="govuk-table__row" key={a.allocationId}>
            <td className="govuk-table__cell">{a.worker.name}</td>
            <td className="govuk-table__cell">{a.roleLabel}</td>
            <td className="govuk-table__cell lantern-nowrap">{formatDate(a.startDate)}</td>
            <td className="govuk-table__cell lantern-nowrap">{formatDate(a.endDate)}</td>
            <td className="govuk-table__cell">{a.endReason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
