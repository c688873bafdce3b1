import { Link } from 'react-router';
import { workforceApi } from '../../api/workforce.ts';
import { Loading } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Supervision and induction deadlines, overdue first: those the user owes as supervisor, and their own. */
export function WorkerDeadlines({ view }: { view: 'mine' | 'team' | 'service' }) {
  const { data, problem } = useLoad(() => workforceApi.workerWorklist(view), view);
  if (problem) return null;
  if (!data) return <Loading />;
  return (
    <section aria-labelledby="worker-deadlines-heading" className="lantern-section" data-testid="worker-deadlines">
      <h2 className="govuk-heading-m" id="worker-deadlines-heading">
        Supervision and induction: {data.counts.overdue} overdue, {data.counts.due} due
      </h2>
      {data.deadlines.length === 0 ? (
        <p className="govuk-body">No supervision or induction is due.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Supervision and induction deadlines, overdue first</caption>
          <TableHead columns={['Worker', 'What must happen', 'Due', { label: 'Days overdue', numeric: true }, 'Supervisor']} />
          <tbody className="govuk-table__body">
            {data.deadlines.slice(0, 100).map((d) => (
              <tr className="govuk-table__row" key={`${d.workerId}-${d.ruleId}-${d.startDate}`} data-rule={d.ruleId} data-state={d.state}>
                <th scope="row" className="govuk-table__header lantern-cell-normal">
                  <Link className="govuk-link" to={`/workers/${d.workerId}/supervision`}>
                    {d.workerName}
                  </Link>
                </th>
                <td className="govuk-table__cell">{d.label}</td>
                <td className="govuk-table__cell lantern-nowrap">{formatDate(d.dueDate)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{d.state === 'overdue' ? d.daysOverdue : ''}</td>
                <td className="govuk-table__cell">{d.responsibleWorker ?? 'No supervisor'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
