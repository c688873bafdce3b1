/** The fostering register: places today, free places by kind and age, and every household with its deadlines overdue. */
import { Link } from 'react-router';
import { fosteringApi } from '../../api/fostering.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { formatDate, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

export function FosteringPage() {
  usePageTitle('Foster carers');
  const { can } = useSession();
  const register = useLoad(() => fosteringApi.register(), 'register');
  const all = useLoad(() => fosteringApi.households(), 'households');
  const problem = register.problem ?? all.problem;
  if (problem) return <ProblemPage problem={problem} />;
  if (!register.data || !all.data) return <Loading />;
  const r = register.data;
  return (
    <>
      <h1 className="govuk-heading-l">Foster carers</h1>
      {can('fostering:record') ? (
        <Link className="govuk-button" to="/fostering/new">
          Record an enquiry
        </Link>
      ) : null}
      <p className="govuk-body">
        {plural(r.totals.households, 'approved household', 'approved households')}: {plural(r.totals.places, 'place', 'places')},{' '}
        {plural(r.totals.placed, 'child placed', 'children placed')}, <strong>{plural(r.totals.free, 'free place', 'free places')}</strong> today.
      </p>
      <h2 className="govuk-heading-m">Carers’ turnover</h2>
      <p className="govuk-body" data-testid="turnover">
        Since {formatDate(r.turnover.from)}: {plural(r.turnover.approvedInYear, 'household approved', 'households approved')},{' '}
        {plural(r.turnover.left, 'household left', 'households left')}
        {r.turnover.rate === null ? '' : ` (turnover ${r.turnover.rate}% of the ${r.turnover.approvedAtStart} approved a year ago)`}.
      </p>
      {r.turnover.reasons.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {r.turnover.reasons.map((x) => (
            <li key={x.reason}>
              {x.label}: {x.households}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Free places today</h2>
      {r.freeBy.length === 0 ? (
        <p className="govuk-body">No free places today.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th className="govuk-table__header">Kind of placement</th>
              <th className="govuk-table__header">Ages</th>
              <th className="govuk-table__header govuk-table__header--numeric">Free places</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {r.freeBy.map((f) => (
              <tr className="govuk-table__row" key={`${f.placementType}-${f.ageBand}`}>
                <td className="govuk-table__cell">{f.label}</td>
                <td className="govuk-table__cell">{f.ageBand}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{f.free}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Households</h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th className="govuk-table__header">Household</th>
            <th className="govuk-table__header">Status</th>
            <th className="govuk-table__header">Approved</th>
            <th className="govuk-table__header">Supervising social worker</th>
            <th className="govuk-table__header govuk-table__header--numeric">Placed</th>
            <th className="govuk-table__header govuk-table__header--numeric">Free</th>
            <th className="govuk-table__header govuk-table__header--numeric">Overdue</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {all.data.households.map((h) => (
            <tr className="govuk-table__row" key={h.householdId}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/fostering/households/${h.householdId}`}>
                  {h.name}
                </Link>{' '}
                <span className="govuk-hint govuk-!-display-inline">{h.reference}</span>
              </td>
              <td className="govuk-table__cell">{h.statusLabel}</td>
              <td className="govuk-table__cell">{h.approvedOn ? formatDate(h.approvedOn) : '—'}</td>
              <td className="govuk-table__cell">{h.supervisingWorker ?? 'None named'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{h.placed}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{h.free}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{h.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
