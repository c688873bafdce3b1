import { Link, useParams, useSearchParams } from 'react-router';
import { performanceApi } from '../../api/performance.ts';
import { BarChart, COLOURS, LineChart } from '../../components/charts.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { Counted, periodText } from './DashboardPage.tsx';
import { againstEngland, formatValue, monthLabel, UNIT_AXIS } from './format.ts';
import './performance.css';
import { FiguresBehind, Table } from './Tables.tsx';
import { SummaryRow } from '../../components/SummaryRow.tsx';

/** One indicator: what it counts, its value, its trend, each team, and the council against others. */
export function IndicatorPage() {
  const { indicatorId = '' } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const { can } = useSession();
  const data = useLoad(() => performanceApi.one(indicatorId, { asOf, trendMonths: 12 }), `${indicatorId}-${asOf}`);
  const defs = useLoad(() => performanceApi.definitions(), 'definitions');
  const teams = useLoad(() => performanceApi.teams(indicatorId, { asOf }).catch(() => null), `teams-${indicatorId}-${asOf}`);
  const bench = useLoad(() => performanceApi.benchmarks(indicatorId).catch(() => null), `bench-${indicatorId}`);
  usePageTitle(data.data?.result.title ?? 'Indicator');
  if (data.problem || !data.data) return <NotReady problem={data.problem} />;
  const { result: r, trend } = data.data;
  const def = defs.data?.indicators.find((d) => d.id === indicatorId);
  const e = againstEngland(r);
  const groups = (teams.data?.groups ?? []).filter((g) => g.groupId !== null);
  const years = bench.data?.years ?? [];
  const latest = years[years.length - 1];
  const chartable = r.unit !== 'per-10k' || r.scope.kind === 'council';

  return (
    <>
      <Link className="govuk-back-link lantern-no-print" to="/performance">
        Performance
      </Link>
      <span className="govuk-caption-l">{periodText(r)}</span>
      <h1 className="govuk-heading-l">{r.title}</h1>
      <p className="govuk-body-l">
        <strong>{formatValue(r.unit, r.value, r.suppressed)}</strong>
        {e ? ` — ${e.text}` : ''}
        {r.frozen ? ' (frozen when the month closed)' : ''}
      </p>
      <dl className="govuk-summary-list">
        <SummaryRow label="Counted">
          <Counted r={r} caseAccess={can('child:read')} asOf={asOf} />
          {r.unit === 'per-10k' && r.denominator ? ` children, of ${r.denominator.toLocaleString('en-GB')} aged 0–17` : ''}
          {r.per10k !== null ? ` (${r.per10k} per 10,000 children)` : ''}
          {r.medianDays !== null && r.unit === 'count' ? ` (median age ${r.medianDays} days, oldest ${r.maxDays})` : ''}
        </SummaryRow>
        {def ? (
          <>
            <SummaryRow label="Definition">{def.definition}</SummaryRow>
            <SummaryRow label="Numerator">{def.numerator}</SummaryRow>
            {def.denominator ? <SummaryRow label="Denominator">{def.denominator}</SummaryRow> : null}
            <SummaryRow label="Source">
              {def.source}
              {def.dfeNote ? <p className="govuk-body-s govuk-!-margin-top-2">{def.dfeNote}</p> : null}
            </SummaryRow>
          </>
        ) : null}
      </dl>

      <div className="lantern-panels">
        {chartable ? (
          <section aria-labelledby="trend-heading">
            <h2 className="govuk-heading-m" id="trend-heading">
              Month by month
            </h2>
            <LineChart
              labels={trend.map((p) => monthLabel(p.asOf))}
              yTitle={UNIT_AXIS[r.unit] ?? ''}
              description={`${r.title} for each of the last 12 months. The figures are in the table that follows.`}
              series={[
                { label: 'This council', values: trend.map((p) => p.value), colour: COLOURS.council },
                ...(r.england && r.unit !== 'count'
                  ? [{ label: 'England', values: trend.map(() => r.england?.value ?? null), colour: COLOURS.england, dashed: true }]
                  : []),
              ]}
            />
            <FiguresBehind>
              <Table
                caption={`${r.title} by month`}
                head={['Month', 'Value', 'Numerator', 'Denominator']}
                numeric={[1, 2, 3]}
                rows={trend.map((p) => [monthLabel(p.asOf), formatValue(p.unit, p.value, p.suppressed), p.numerator ?? '–', p.denominator ?? '–'])}
              />
            </FiguresBehind>
          </section>
        ) : null}
        {groups.length ? (
          <section aria-labelledby="teams-heading">
            <h2 className="govuk-heading-m" id="teams-heading">
              By team
            </h2>
            <BarChart
              labels={groups.map((g) => g.name)}
              yTitle={UNIT_AXIS[r.unit === 'per-10k' ? 'count' : r.unit] ?? ''}
              description={`${r.title} for each team. The figures are in the table that follows.`}
              series={[{ label: r.title, values: groups.map((g) => (r.unit === 'per-10k' ? g.numerator : g.value)), colour: COLOURS.council }]}
            />
            <FiguresBehind>
              <Table
                caption={`${r.title} by team`}
                head={['Team', 'Value', 'Numerator', 'Denominator']}
                numeric={[1, 2, 3]}
                rows={groups.map((g) => [g.name, formatValue(g.unit, g.value, g.suppressed), g.numerator ?? '–', g.denominator ?? '–'])}
              />
            </FiguresBehind>
          </section>
        ) : null}
      </div>

      {latest ? (
        <section aria-labelledby="bench-heading">
          <h2 className="govuk-heading-m" id="bench-heading">
            Against England, the region and statistical neighbours
          </h2>
          <BarChart
            labels={[
              'This council (counted by Lantern)',
              'England',
              bench.data?.region?.name ?? 'Region',
              'Statistical neighbours (average)',
              ...latest.neighbours.map((n) => n.name),
            ]}
            yTitle={UNIT_AXIS[r.unit] ?? ''}
            description={`${r.title} in ${latest.year}: this council against England, its region and its statistical neighbours. The figures are in the table that follows.`}
            series={[
              {
                label: latest.year,
                values: [latest.council, latest.england, latest.region, latest.neighboursAverage, ...latest.neighbours.map((n) => n.value)],
                colour: COLOURS.neighbours,
              },
            ]}
          />
          <Table
            caption={`${r.title} by year (published figures; this council’s counted live from the record)`}
            head={['Year', 'This council', 'England', bench.data?.region?.name ?? 'Region', 'Neighbours (average)']}
            numeric={[1, 2, 3, 4]}
            rows={years.map((y) => [
              y.year,
              formatValue(r.unit, y.council),
              formatValue(r.unit, y.england),
              formatValue(r.unit, y.region),
              formatValue(r.unit, y.neighboursAverage),
            ])}
          />
          {can('performance:manage') ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/performance/benchmarks/load?indicator=${encodeURIComponent(r.id)}`}>
                Load published figures
              </Link>{' '}
              ·{' '}
              <Link className="govuk-link" to={`/performance/benchmarks/neighbours?indicator=${encodeURIComponent(r.id)}`}>
                Load the statistical neighbours
              </Link>
            </p>
          ) : null}
        </section>
      ) : bench.data && can('performance:manage') ? (
        <p className="govuk-body">
          No published figures to compare with yet.{' '}
          <Link className="govuk-link" to={`/performance/benchmarks/load?indicator=${encodeURIComponent(r.id)}`}>
            Load published figures
          </Link>
        </p>
      ) : null}
      {r.suppressed ? null : <p className="govuk-body-s">As of {formatDate(r.asOf)}.</p>}
    </>
  );
}
