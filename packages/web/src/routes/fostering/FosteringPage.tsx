/** The fostering register: places today, free places by kind and age, and every household with its deadlines overdue. */
import { Link } from 'react-router';
import { fosteringApi } from '../../api/fostering.ts';
import { NotReady } from '../../components/Notices.tsx';
import { RecordsTable } from '../../components/RecordsTable.tsx';
import { HouseholdLink } from './HouseholdLink.tsx';
import { formatDate, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

export function FosteringPage() {
  usePageTitle('Foster carers');
  const { can } = useSession();
  const register = useLoad(() => fosteringApi.register(), 'register');
  const all = useLoad(() => fosteringApi.households(), 'households');
  const problem = register.problem ?? all.problem;
  if (problem || !register.data || !all.data) return <NotReady problem={problem} />;
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
        <RecordsTable
          columns={[
            { label: 'Kind of placement', cell: (f) => f.label },
            { label: 'Ages', cell: (f) => f.ageBand },
            { label: 'Free places', numeric: true, cell: (f) => f.free },
          ]}
          rows={r.freeBy}
          rowKey={(f) => `${f.placementType}-${f.ageBand}`}
        />
      )}
      <h2 className="govuk-heading-m">Households</h2>
      <RecordsTable
        columns={[
          { label: 'Household', cell: (h) => <HouseholdLink household={h} /> },
          { label: 'Status', cell: (h) => h.statusLabel },
          { label: 'Approved', cell: (h) => (h.approvedOn ? formatDate(h.approvedOn) : '—') },
          { label: 'Supervising social worker', cell: (h) => h.supervisingWorker ?? 'None named' },
          { label: 'Placed', numeric: true, cell: (h) => h.placed },
          { label: 'Free', numeric: true, cell: (h) => h.free },
          { label: 'Overdue', numeric: true, cell: (h) => h.overdue },
        ]}
        rows={all.data.households}
        rowKey={(h) => h.householdId}
      />
    </>
  );
}
