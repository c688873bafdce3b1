import { Link, useSearchParams } from 'react-router';
import { improvementApi } from '../../api/performance.ts';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatValue } from './format.ts';
import { Measure, STATUS, StatusTag } from './ImprovementPage.tsx';
import './performance.css';
import { Table } from './Tables.tsx';

/** The board pack: one printable page with the figures, the plan's progress and what slipped. */
export function BoardPackPage() {
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const since = params.get('since') ?? undefined;
  const pack = useLoad(() => improvementApi.boardPack({ asOf, since }), `pack-${asOf}-${since}`);
  usePageTitle('Board pack');
  if (pack.problem || !pack.data) return <NotReady problem={pack.problem} />;
  const p = pack.data;
  const change = (now: number | null, before: number | null) =>
    now === null || before === null ? '–' : `${now - before > 0 ? '+' : ''}${Math.round((now - before) * 10) / 10}`;
  return (
    <>
      <Link className="govuk-back-link lantern-no-print" to="/improvement">
        Improvement plan
      </Link>
      <span className="govuk-caption-l">{p.council}</span>
      <h1 className="govuk-heading-l">Improvement board pack, {formatDate(p.asOf)}</h1>
      <p className="govuk-body">
        Figures counted from the case record on {formatDate(p.asOf)}, against the last board on {formatDate(p.since)}.
        {p.aggregatesOnly ? ' Counts of 1 to 5 are not shown.' : ''}
      </p>
      <button type="button" className="govuk-button govuk-button--secondary lantern-no-print" onClick={() => window.print()}>
        Print the board pack
      </button>

      <h2 className="govuk-heading-m">Progress of the plan</h2>
      <Table
        caption="Actions by status"
        head={['Actions', 'Number']}
        numeric={[1]}
        rows={[
          ['All actions', p.progress.total],
          ...Object.entries(STATUS).map(([k, s]) => [s.label, p.progress[k as keyof typeof p.progress]]),
          ['Overdue', p.progress.overdue],
          [`Done since ${formatDate(p.since)}`, p.progress.doneSince],
        ]}
      />

      <h2 className="govuk-heading-m">What slipped since the last board</h2>
      {p.slipped.length ? (
        <Table
          caption={`${p.slipped.length} action${p.slipped.length === 1 ? '' : 's'} fell due undone or went off track since ${formatDate(p.since)}`}
          head={['Action', 'Recommendation', 'Owner', 'Due', 'Status']}
          rows={p.slipped.map((a) => [a.title, a.recommendationNumber, a.ownerName, formatDate(a.dueDate), <StatusTag key="s" a={a} />])}
        />
      ) : (
        <p className="govuk-body">Nothing slipped.</p>
      )}

      <h2 className="govuk-heading-m">Done since the last board</h2>
      {p.doneSince.length ? (
        <Table
          caption="Actions completed, with their evidence"
          head={['Action', 'Owner', 'Done', 'Evidence']}
          rows={p.doneSince.map((a) => [a.title, a.ownerName, formatDate(a.completedOn), a.evidence ?? ''])}
        />
      ) : (
        <p className="govuk-body">None.</p>
      )}

      <div className="lantern-board-section">
        <h2 className="govuk-heading-m">The indicators</h2>
        <Table
          caption={`Every indicator on ${formatDate(p.asOf)}, against the last board`}
          head={['Indicator', 'Now', 'Last board', 'Change', 'England']}
          numeric={[1, 2, 3]}
          rows={p.indicators.map((r) => [
            r.title,
            formatValue(r.unit, r.value, r.suppressed),
            formatValue(r.unit, r.previous),
            change(r.value, r.previous),
            r.england ? `${formatValue(r.unit, r.england.value)} (${r.england.year})` : '–',
          ])}
        />
      </div>

      <div className="lantern-board-section">
        <h2 className="govuk-heading-m">The plan</h2>
        {p.inspections.flatMap((i) =>
          i.recommendations.map((r) => (
            <div key={r.recommendationId}>
              <h3 className="govuk-heading-s">
                Recommendation {r.number}: {r.text}
              </h3>
              <Table
                caption={`Actions for recommendation ${r.number}`}
                head={['Action', 'Owner', 'Due', 'Status', 'Measure']}
                rows={r.actions.map((a) => [a.title, a.ownerName, formatDate(a.dueDate), <StatusTag key="s" a={a} />, <Measure key="m" a={a} />])}
              />
            </div>
          )),
        )}
      </div>
    </>
  );
}
