import { EMPLOYMENT } from '@lantern/core/codes';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { NotReady, ProblemPage } from '../../components/Notices.tsx';
import { labelOf } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** A team's workers and their caseloads. */
export function TeamPage() {
  const { teamId = '' } = useParams();
  const teams = useLoad(() => api.workforce.teams(), 'teams');
  const workers = useLoad(() => api.workforce.workers(teamId), teamId);
  const team = teams.data?.teams.find((t) => t.teamId === teamId);
  usePageTitle(team ? team.name : 'Team');

  const problem = teams.problem ?? workers.problem;
  if (problem || !teams.data || !workers.data) return <NotReady problem={problem} what="team" />;
  if (!team) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="team" />;
  const list = workers.data.workers;
  const total = list.reduce((n, w) => n + w.caseload, 0);

  return (
    <>
      <Link className="govuk-back-link" to="/teams">
        All teams
      </Link>
      <span className="govuk-caption-l">{team.service}</span>
      <h1 className="govuk-heading-l">{team.name}</h1>
      <p className="govuk-body">
        {team.managerName ? `Managed by ${team.managerName}. ` : ''}
        {list.length} {list.length === 1 ? 'worker' : 'workers'} holding {total} {total === 1 ? 'allocation' : 'allocations'} between them.
      </p>
      {list.length === 0 ? (
        <p className="govuk-body">No one works in this team now.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Workers and caseloads</caption>
          <TableHead columns={['Name', 'Job role', 'Employment', { label: 'Hours (FTE)', numeric: true }, { label: 'Caseload', numeric: true }]} />
          <tbody className="govuk-table__body">
            {list.map((w) => (
              <tr className="govuk-table__row" key={w.workerId}>
                <th scope="row" className="govuk-table__header lantern-cell-normal">
                  <Link className="govuk-link" to={`/workers/${w.workerId}/supervision`}>
                    {w.name}
                  </Link>
                </th>
                <td className="govuk-table__cell">{w.jobRoleLabel}</td>
                <td className="govuk-table__cell">{labelOf(EMPLOYMENT, w.employment)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{w.fte}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{w.caseload}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
