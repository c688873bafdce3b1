import { Link, useLocation } from 'react-router';
import { type ActionStatus, type ImprovementAction, improvementApi } from '../../api/performance.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { formatValue } from './format.ts';
import './performance.css';
import { Table } from './Tables.tsx';

export const STATUS: Record<ActionStatus, { label: string; tag: string }> = {
  'not-started': { label: 'Not started', tag: 'govuk-tag--grey' },
  'on-track': { label: 'On track', tag: 'govuk-tag--blue' },
  'off-track': { label: 'Off track', tag: 'govuk-tag--red' },
  done: { label: 'Done', tag: 'govuk-tag--green' },
};

export const KIND: Record<string, string> = {
  'ilacs-standard': 'Inspection of local authority children’s services (standard)',
  'ilacs-short': 'Inspection of local authority children’s services (short)',
  'monitoring-visit': 'Monitoring visit',
  'focused-visit': 'Focused visit',
  jtai: 'Joint targeted area inspection',
  other: 'Other',
};

export function StatusTag({ a }: { a: ImprovementAction }) {
  return (
    <>
      <strong className={`govuk-tag ${STATUS[a.status].tag}`}>{STATUS[a.status].label}</strong>
      {a.overdue ? (
        <>
          {' '}
          <strong className="govuk-tag govuk-tag--red">Overdue</strong>
        </>
      ) : null}
    </>
  );
}

export function Measure({ a }: { a: ImprovementAction }) {
  const m = a.measure;
  if (!m) return <>–</>;
  return (
    <>
      <Link className="govuk-link" to={`/performance/${m.indicatorId}`}>
        {m.title}
      </Link>
      : {formatValue(m.unit, m.current)} against a target of {formatValue(m.unit, m.target)}
      {m.targetMet === null ? '' : m.targetMet ? ' (met)' : ' (not yet met)'}
    </>
  );
}

function ActionsTable({ caption, actions, mayUpdate }: { caption: string; actions: ImprovementAction[]; mayUpdate: (a: ImprovementAction) => boolean }) {
  return (
    <Table
      caption={caption}
      head={['Action', 'Owner', 'Due', 'Status', 'Measure', '']}
      rows={actions.map((a) => [
        <span key="t">{a.title}</span>,
        a.ownerName,
        formatDate(a.dueDate),
        <StatusTag key="s" a={a} />,
        <Measure key="m" a={a} />,
        mayUpdate(a) ? (
          <Link key="u" className="govuk-link" to={`/improvement/actions/${a.actionId}`}>
            Update<span className="govuk-visually-hidden"> {a.title}</span>
          </Link>
        ) : (
          ''
        ),
      ])}
    />
  );
}

/** The improvement plan: what the inspectors found and asked, and who is doing what by when. */
export function ImprovementPage() {
  usePageTitle('Improvement plan');
  const { user, can } = useSession();
  const manages = can('improvement:manage');
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const plan = useLoad(() => improvementApi.plan(), 'plan');
  const attention = useLoad(() => improvementApi.worklist(manages ? 'all' : 'mine').catch(() => ({ actions: [] })), `attention-${manages}`);
  if (plan.problem || !plan.data) return <NotReady problem={plan.problem} />;
  const mayUpdate = (a: ImprovementAction) => can('improvement:update') && (manages || a.ownerUserId === user?.userId);
  const needing = attention.data?.actions ?? [];
  return (
    <>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Improvement plan</h1>
      <p className="govuk-body">
        Every recommendation, broken into actions with a named owner, a due date and a measure that shows whether it worked.{' '}
        <Link className="govuk-link" to="/improvement/board-pack">
          The board pack
        </Link>
      </p>
      {manages ? (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/improvement/inspections/new">
            Record an inspection or visit
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">{manages ? 'Overdue and off track' : 'Your actions overdue or off track'}</h2>
      {needing.length ? (
        <ActionsTable caption={`${needing.length} action${needing.length === 1 ? '' : 's'} needing attention`} actions={needing} mayUpdate={mayUpdate} />
      ) : (
        <p className="govuk-body">None.</p>
      )}
      {plan.data.inspections.map((i) => (
        <section key={i.inspectionId} aria-labelledby={`inspection-${i.inspectionId}`}>
          <h2 className="govuk-heading-m" id={`inspection-${i.inspectionId}`}>
            {KIND[i.kind] ?? i.kind}, {formatDate(i.startedOn)}
          </h2>
          <p className="govuk-body-s">
            {i.framework}
            {i.publishedOn ? `; published ${formatDate(i.publishedOn)}` : ''}
          </p>
          <p className="govuk-body">{i.findings}</p>
          {i.judgements.length ? (
            <Table caption="Judgements" head={['Area', 'Judgement']} rows={i.judgements.map((j) => [j.area.replaceAll('-', ' '), j.grade])} />
          ) : null}
          {i.recommendations.map((r) => (
            <div key={r.recommendationId}>
              <h3 className="govuk-heading-s">
                Recommendation {r.number}: {r.text}
              </h3>
              {r.actions.length ? (
                <ActionsTable caption={`Actions for recommendation ${r.number}`} actions={r.actions} mayUpdate={mayUpdate} />
              ) : (
                <p className="govuk-body">No actions yet.</p>
              )}
              {manages ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/improvement/recommendations/${r.recommendationId}/actions/new`}>
                    Add an action<span className="govuk-visually-hidden"> to recommendation {r.number}</span>
                  </Link>
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
