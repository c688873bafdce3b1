import { type Role, scopeFor } from '@lantern/core/permissions';
import { HOUSEHOLD_INDICATOR_IDS } from '@lantern/core/indicators-fostering';
import { Link, useSearchParams } from 'react-router';
import { type IndicatorResult, performanceApi } from '../../api/performance.ts';
import { BarChart, COLOURS, LineChart } from '../../components/charts.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { againstEngland, formatValue, monthLabel, UNIT_AXIS } from './format.ts';
import './performance.css';
import { FiguresBehind, Table } from './Tables.tsx';

const AREAS: [string, string][] = [
  ['front-door', 'Front door and assessment'],
  ['child-protection', 'Child protection'],
  ['looked-after', 'Children looked after'],
  ['workforce', 'Workforce'],
];

/** The headline indicators a director watches, and the two charts on the first screen. */
const HEADLINES = ['assessments-45wd', 're-referrals-12m', 'icpc-15wd', 'cp-rate', 'caseload-average', 'unallocated-cases'];
const TREND = 'assessments-45d-from-start';
const TEAMS = 'caseload-average';

export function periodText(r: IndicatorResult): string {
  return r.period ? `${formatDate(r.period.from)} to ${formatDate(r.period.to)}` : `on ${formatDate(r.asOf)}`;
}

function Tile({ r }: { r: IndicatorResult }) {
  const e = againstEngland(r);
  return (
    <li className={`lantern-tile${e ? ` lantern-tile--${e.tone}` : ''}`}>
      <Link className="govuk-link lantern-tile__title" to={`/performance/${r.id}`}>
        {r.title}
      </Link>
      <span className="lantern-tile__value">{formatValue(r.unit, r.value, r.suppressed)}</span>
      <p className="govuk-body-s">{e ? e.text : r.unit === 'count' && r.medianDays !== null ? `Median age ${r.medianDays} days` : periodText(r)}</p>
    </li>
  );
}

/** What a director looks at first: the headline numbers, the trend, the teams side by side, then every indicator. */
export function DashboardPage() {
  usePageTitle('Performance');
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const { can, user } = useSession();
  const caseAccess = can('child:read');
  const all = useLoad(() => performanceApi.all({ asOf }), `all-${asOf}`);
  const trend = useLoad(() => performanceApi.one(TREND, { asOf, trendMonths: 12 }), `trend-${asOf}`);
  // Teams side by side are for those who see the whole council; a manager sees their own team's figures.
  const councilWide = !!user && scopeFor(user.role as Role, 'performance:read') === 'council';
  const teams = useLoad(() => (councilWide ? performanceApi.teams(TEAMS, { asOf }) : Promise.resolve(null)), `teams-${asOf}-${councilWide}`);
  if (all.problem || !all.data) return <NotReady problem={all.problem} />;
  const list = all.data.indicators;
  const byId = new Map(list.map((r) => [r.id, r]));
  const t = trend.data;
  const teamGroups = (teams.data?.groups ?? []).filter((g) => g.groupId !== null && g.value !== null);

  return (
    <>
      <span className="govuk-caption-l">{all.data.indicators[0]?.scope.kind === 'team' ? 'Your team' : 'The council'}</span>
      <h1 className="govuk-heading-l">Performance</h1>
      <p className="govuk-body">
        Counted from the case record as of {formatDate(all.data.asOf)}: the 12 months ending then, or on that day.{' '}
        {all.data.aggregatesOnly ? 'Counts of 1 to 5 are not shown.' : 'Follow a number to the children behind it.'}{' '}
        <Link className="govuk-link" to="/improvement">
          The improvement plan
        </Link>
        {can('performance:manage') ? (
          <>
            {' '}
            <Link className="govuk-link" to="/performance/benchmarks/load">
              Load published figures to compare with
            </Link>
          </>
        ) : null}
      </p>
      <ul className="lantern-tiles" aria-label="Headline figures">
        {HEADLINES.map((id) => byId.get(id)).map((r) => (r ? <Tile key={r.id} r={r} /> : null))}
      </ul>

      <div className="lantern-panels">
        {t ? (
          <section aria-labelledby="trend-heading">
            <h2 className="govuk-heading-m" id="trend-heading">
              {t.result.title}, month by month
            </h2>
            <LineChart
              labels={t.trend.map((p) => monthLabel(p.asOf))}
              yTitle={UNIT_AXIS[t.result.unit] ?? ''}
              description={`${t.result.title} for each of the last 12 months, with England's figure for comparison. The figures are in the table that follows.`}
              series={[
                { label: 'This council', values: t.trend.map((p) => p.value), colour: COLOURS.council },
                ...(t.result.england
                  ? [
                      {
                        label: `England ${t.result.england.year}`,
                        values: t.trend.map(() => t.result.england?.value ?? null),
                        colour: COLOURS.england,
                        dashed: true,
                      },
                    ]
                  : []),
              ]}
            />
            <FiguresBehind>
              <Table
                caption={`${t.result.title} by month`}
                head={['Month', 'Value', 'Counted']}
                numeric={[1, 2]}
                rows={t.trend.map((p) => [
                  monthLabel(p.asOf),
                  formatValue(p.unit, p.value, p.suppressed),
                  p.suppressed ? '–' : `${p.numerator} of ${p.denominator}`,
                ])}
              />
            </FiguresBehind>
          </section>
        ) : null}
        {teamGroups.length ? (
          <section aria-labelledby="teams-heading">
            <h2 className="govuk-heading-m" id="teams-heading">
              {byId.get(TEAMS)?.title ?? 'Average caseload'} by team
            </h2>
            <BarChart
              labels={teamGroups.map((g) => g.name)}
              yTitle={UNIT_AXIS[teamGroups[0]?.unit ?? ''] ?? ''}
              description={`${byId.get(TEAMS)?.title} for each team on ${formatDate(all.data.asOf)}. The figures are in the table that follows.`}
              series={[{ label: 'Cases per FTE', values: teamGroups.map((g) => g.value), colour: COLOURS.council }]}
            />
            <FiguresBehind>
              <Table
                caption="Average caseload by team"
                head={['Team', 'Cases per FTE', 'Children', 'FTE']}
                numeric={[1, 2, 3]}
                rows={teamGroups.map((g) => [g.name, formatValue(g.unit, g.value, g.suppressed), g.numerator ?? '–', g.denominator ?? '–'])}
              />
            </FiguresBehind>
          </section>
        ) : null}
      </div>

      {AREAS.map(([area, heading]) => {
        const rows = list.filter((r) => r.area === area);
        if (!rows.length) return null;
        return (
          <section key={area} aria-labelledby={`area-${area}`}>
            <h2 className="govuk-heading-m" id={`area-${area}`}>
              {heading}
            </h2>
            <Table
              caption={`${heading}: every indicator`}
              head={['Indicator', 'Value', 'Counted', 'England', 'Period']}
              numeric={[1, 2]}
              rows={rows.map((r) => [
                <Link key="l" className="govuk-link" to={`/performance/${r.id}${asOf ? `?asOf=${asOf}` : ''}`}>
                  {r.title}
                </Link>,
                formatValue(r.unit, r.value, r.suppressed),
                <Counted key="c" r={r} caseAccess={caseAccess} asOf={asOf} />,
                r.england ? `${formatValue(r.unit === 'count' ? 'count' : r.unit, r.england.value)} (${r.england.year})` : '–',
                periodText(r),
              ])}
            />
          </section>
        );
      })}
    </>
  );
}

/** "97 of 134", the first number linking to the children behind it for those who may see them. */
export function Counted({ r, caseAccess, asOf }: { r: IndicatorResult; caseAccess: boolean; asOf: string | undefined }) {
  if (r.suppressed || r.numerator === null) return <>–</>;
  const scope = r.scope.kind === 'council' ? '' : `&scope=${r.scope.kind}&scopeId=${r.scope.id}`;
  const n = r.numerator.toLocaleString('en-GB');
  const households = HOUSEHOLD_INDICATOR_IDS.includes(r.id);
  const link = households ? (
    <HouseholdsLink r={r} asOf={asOf} n={n} />
  ) : caseAccess && r.id !== 'caseload-average' ? (
    <Link className="govuk-link" to={`/performance/${r.id}/children?only=numerator${asOf ? `&asOf=${asOf}` : ''}${scope}`}>
      {n}
      <span className="govuk-visually-hidden"> children behind {r.title.toLowerCase()}</span>
    </Link>
  ) : (
    n
  );
  if (r.unit === 'percent' || r.unit === 'average')
    return (
      <>
        {link} of {r.denominator?.toLocaleString('en-GB')}
      </>
    );
  return link;
}

/** A fostering number counted in households: the households behind it, for the fostering team and the head of service. */
function HouseholdsLink({ r, asOf, n }: { r: IndicatorResult; asOf: string | undefined; n: string }) {
  const { can } = useSession();
  if (!can('fostering:read') || r.scope.kind !== 'council') return <>{n}</>;
  return (
    <Link className="govuk-link" to={`/fostering/indicators/${r.id}${asOf ? `?asOf=${asOf}` : ''}`}>
      {n}
      <span className="govuk-visually-hidden"> households behind {r.title.toLowerCase()}</span>
    </Link>
  );
}
