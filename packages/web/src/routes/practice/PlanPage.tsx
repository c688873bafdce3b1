/** One plan: what must change, each action with its owner, date, state and progress; its versions. */
import { ACTION_PROGRESS, PROGRESS_MEETING } from '@lantern/core/practice';
import { Link, useLocation, useParams } from 'react-router';
import { type PlanActionView, practiceApi } from '../../api/practice.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, formatDateTime, labelOf } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { Back, plansPath, Row } from './common.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const TAG: Record<PlanActionView['state'], string> = { done: 'green', 'done-late': 'yellow', 'taken-off': 'grey', late: 'red', due: 'blue' };

export function PlanPage() {
  const { childId = '', planDocumentId = '' } = useParams();
  const { can } = useSession();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const loaded = useLoad(() => practiceApi.plan(childId, planDocumentId), `${childId}/${planDocumentId}`);
  usePageTitle(loaded.data ? `${loaded.data.kindLabel} – ${loaded.data.childName}` : 'Plan');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="plan" />;
  const plan = loaded.data;
  const here = `${plansPath(childId)}/${planDocumentId}`;
  const byOutcome = (id: string | null) => plan.actions.filter((a) => a.outcomeId === id && a.state !== 'taken-off');
  const loose = plan.actions.filter((a) => a.state !== 'taken-off' && !plan.outcomes.some((o) => o.outcomeId === a.outcomeId));
  return (
    <>
      <Back to={plansPath(childId)}>Back to the plans</Back>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{plan.childName}</span>
      <h1 className="govuk-heading-l">{plan.kindLabel}</h1>
      <dl className="govuk-summary-list">
        <Row label="Agreed">{formatDate(plan.agreedOn)}</Row>
        {plan.stageLabel ? <Row label="Stage">{plan.stageLabel}</Row> : null}
        <Row label="Version">{plan.version}</Row>
      </dl>
      <div className="govuk-button-group">
        {can('casework:record') ? (
          <>
            <Link className="govuk-button" to={`${here}/change`}>
              Change the plan
            </Link>
            <Link className="govuk-button govuk-button--secondary" to={`${here}/progress`}>
              Record progress at a meeting
            </Link>
          </>
        ) : null}
        <Link className="govuk-link" to={`${here}/for-family`}>
          The plan for the family (to print)
        </Link>
      </div>
      {plan.outcomes.map((o, i) => (
        <section className="lantern-section" key={o.outcomeId}>
          <h2 className="govuk-heading-m">
            {i + 1}. {o.text}
          </h2>
          <p className="govuk-body">How we will know: {o.measure}</p>
          <Actions actions={byOutcome(o.outcomeId)} />
        </section>
      ))}
      {loose.length ? (
        <section className="lantern-section">
          <h2 className="govuk-heading-m">Other actions</h2>
          <Actions actions={loose} />
        </section>
      ) : null}
      <h2 className="govuk-heading-m">If things do not change</h2>
      <p className="govuk-body lantern-pre-line">{plan.contingency}</p>
      {plan.placementPlan ? (
        <>
          <h2 className="govuk-heading-m">Placement plan</h2>
          <p className="govuk-body lantern-pre-line">{plan.placementPlan}</p>
        </>
      ) : null}
      <h2 className="govuk-heading-m">Versions</h2>
      <ul className="govuk-list">
        {plan.versions.map((v) => (
          <li key={v.version}>
            Version {v.version}, {formatDateTime(v.changedAt)}
            {v.changedBy ? ` by ${v.changedBy}` : ''}
          </li>
        ))}
      </ul>
      {plan.versions.length > 1 ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${here}/compare?from=1&to=${plan.version}`}>
            Compare versions: what changed
          </Link>
        </p>
      ) : null}
    </>
  );
}

function Actions({ actions }: { actions: PlanActionView[] }) {
  if (!actions.length) return <p className="govuk-body">No actions yet.</p>;
  return (
    <table className="govuk-table" data-testid="plan-actions">
      <TableHead columns={['What', 'Who', 'By when', 'Progress']} />
      <tbody className="govuk-table__body">
        {actions.map((a) => (
          <tr className="govuk-table__row" key={a.actionId}>
            <td className="govuk-table__cell">{a.what}</td>
            <td className="govuk-table__cell">{a.owner}</td>
            <td className="govuk-table__cell">{formatDate(a.dueOn)}</td>
            <td className="govuk-table__cell">
              <strong className={`govuk-tag govuk-tag--${TAG[a.state]}`}>{a.stateLabel}</strong>
              {(a.progress ?? []).map((p) => (
                <span className="lantern-block govuk-body-s" key={`${p.heldOn}${p.meetingKind}`}>
                  {labelOf(PROGRESS_MEETING, p.meetingKind)} {formatDate(p.heldOn)}: {labelOf(ACTION_PROGRESS, p.progress).toLowerCase()}
                  {p.note ? `. ${p.note}` : ''}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
