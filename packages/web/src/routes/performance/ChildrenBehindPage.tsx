import { Link, useParams, useSearchParams } from 'react-router';
import { performanceApi } from '../../api/performance.ts';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { Table } from './Tables.tsx';

/** The children behind a number, each linking to their record. */
export function ChildrenBehindPage() {
  const { indicatorId = '' } = useParams();
  const [params] = useSearchParams();
  const q = {
    asOf: params.get('asOf') ?? undefined,
    only: (params.get('only') as 'numerator' | 'not-numerator' | null) ?? undefined,
    scope: (params.get('scope') as 'team' | 'worker' | null) ?? undefined,
    scopeId: params.get('scopeId') ?? undefined,
  };
  const data = useLoad(() => performanceApi.children(indicatorId, q), `${indicatorId}-${params.toString()}`);
  usePageTitle(data.data ? `Children behind: ${data.data.title}` : 'Children behind a number');
  if (data.problem || !data.data) return <NotReady problem={data.problem} />;
  const d = data.data;
  return (
    <>
      <Link className="govuk-back-link" to={`/performance/${indicatorId}${q.asOf ? `?asOf=${q.asOf}` : ''}`}>
        {d.title}
      </Link>
      <span className="govuk-caption-l">{d.period ? `${formatDate(d.period.from)} to ${formatDate(d.period.to)}` : `On ${formatDate(d.asOf)}`}</span>
      <h1 className="govuk-heading-l">The children behind “{d.title}”</h1>
      <p className="govuk-body">
        {d.children.length.toLocaleString('en-GB')} {d.children.length === 1 ? 'child' : 'children'}
        {d.hidden ? `, and ${d.hidden} whose records are restricted` : ''}. Opening a child’s record is logged.
      </p>
      <Table
        caption={`Children behind ${d.title.toLowerCase()}`}
        head={['Child', 'LA child id', 'Date', 'Counted in', 'Social worker', 'Team']}
        rows={d.children.slice(0, 500).map((c) => [
          <Link key="c" className="govuk-link" to={`/children/${c.childId}`}>
            {c.name}
          </Link>,
          c.laChildId,
          formatDate(c.onDate),
          c.inNumerator ? 'The number' : 'The total only',
          c.worker ?? 'Not allocated',
          c.team ?? '–',
        ])}
      />
      {d.children.length > 500 ? <p className="govuk-body">The first 500 are shown.</p> : null}
    </>
  );
}
