/** The households behind a fostering indicator's number: each with the day it counted, its part, and why it left. */
import { Link, useParams, useSearchParams } from 'react-router';
import { fosteringApi } from '../../api/fostering.ts';
import { NotReady } from '../../components/Notices.tsx';
import { RecordsTable } from '../../components/RecordsTable.tsx';
import { HouseholdLink } from './HouseholdLink.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';

export function HouseholdsBehindPage() {
  const { indicatorId = '' } = useParams();
  const asOf = useSearchParams()[0].get('asOf');
  const loaded = useLoad(() => fosteringApi.householdsBehind(indicatorId, asOf), `${indicatorId}-${asOf ?? ''}`);
  usePageTitle(loaded.data ? `Households behind: ${loaded.data.title}` : 'Households behind a number');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="indicator" />;
  const b = loaded.data;
  const counted = b.households.filter((h) => h.inNumerator);
  const places = indicatorId === 'foster-places-net-change';
  return (
    <>
      <Link className="govuk-back-link" to={`/performance/${indicatorId}${asOf ? `?asOf=${asOf}` : ''}`}>
        Back<span className="govuk-visually-hidden"> to the indicator</span>
      </Link>
      <span className="govuk-caption-l">
        {formatDate(b.from)} to {formatDate(b.to)}
      </span>
      <h1 className="govuk-heading-l">{b.title}: the households behind the number</h1>
      {b.households.length === 0 ? (
        <p className="govuk-body">No household is counted.</p>
      ) : (
        <RecordsTable
          testId="households-behind"
          columns={[
            { label: 'Household', cell: (h) => <HouseholdLink household={h} /> },
            { label: 'Date', cell: (h) => formatDate(h.onDate) },
            {
              label: 'Counted',
              cell: (h) =>
                places
                  ? `${h.count > 0 ? '+' : ''}${h.count} ${Math.abs(h.count) === 1 ? 'place' : 'places'}`
                  : h.days !== null
                    ? `${h.days} days from enquiry`
                    : h.inNumerator
                      ? 'Yes'
                      : 'In the count at the start only',
            },
            { label: 'Why they left', cell: (h) => h.reason ?? '—' },
          ]}
          rows={b.households}
          rowKey={(h) => `${h.householdId}-${h.onDate}-${h.count}`}
        />
      )}
      <p className="govuk-body">{counted.length === 1 ? '1 household' : `${counted.length} households`} in the numerator.</p>
    </>
  );
}
