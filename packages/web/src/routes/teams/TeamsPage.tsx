import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The council's teams. */
export function TeamsPage() {
  usePageTitle('Teams');
  const { data, problem } = useLoad(() => api.workforce.teams(), 'teams');
  if (problem) return <ProblemPage problem={problem} />;
  return (
    <>
      <h1 className="govuk-heading-l">Teams</h1>
      {!data ? (
        <Loading />
      ) : data.teams.length === 0 ? (
        <p className="govuk-body">No teams are recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">The council’s teams</caption>
          <TableHead columns={['Team', 'Service', 'Manager', { label: 'Workers', numeric: true }]} />
          <tbody className="govuk-table__body">
            {data.teams.map((t) => (
              <tr className="govuk-table__row" key={t.teamId}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/teams/${t.teamId}`}>
                    {t.name}
                  </Link>
                </th>
                <td className="govuk-table__cell">{t.service}</td>
                <td className="govuk-table__cell">{t.managerName ?? <span className="lantern-secondary">No manager recorded</span>}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{t.workers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
