import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';

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
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Team
              </th>
              <th scope="col" className="govuk-table__header">
                Service
              </th>
              <th scope="col" className="govuk-table__header">
                Manager
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Workers
              </th>
            </tr>
          </thead>
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
