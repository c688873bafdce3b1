import { workforceApi } from '../../api/workforce.ts';
import { useState } from 'react';
import { Loading, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { CaseAudits } from '../oversight/CaseAudits.tsx';
import { RecordDecisionForm } from '../oversight/RecordDecisionForm.tsx';
import { RiskAssessments } from '../oversight/RiskAssessments.tsx';
import { TableHead } from '../../components/TableHead.tsx';

/** Management oversight on the child's record: when it is next due, and every decision with who made it and why. */
export function ChildOversight({ childId }: { childId: string }) {
  const view = useLoad(() => workforceApi.accountability(childId), childId);
  const { can } = useSession();
  const [recorded, setRecorded] = useState<string | null>(null);
  return (
    <section aria-labelledby="oversight-heading" className="lantern-section" data-testid="oversight">
      <h2 className="govuk-heading-m" id="oversight-heading">
        Management oversight and decisions
      </h2>
      {recorded ? <SuccessBanner>Decision recorded: {recorded}</SuccessBanner> : null}
      {view.problem ? <p className="govuk-body">Decisions could not be loaded: {view.problem.detail ?? view.problem.title}</p> : null}
      {!view.data && !view.problem ? <Loading /> : null}
      {view.data ? (
        <>
          {view.data.oversight ? (
            <p className="govuk-body">
              Last management oversight {formatDate(view.data.oversight.lastOversight)}; next due {formatDate(view.data.oversight.dueDate)}
              {view.data.oversight.overdue ? <strong className="govuk-tag govuk-tag--red lantern-heading-tag">Overdue</strong> : null}
            </p>
          ) : null}
          {view.data.decisions.length === 0 ? (
            <p className="govuk-body">No decisions recorded.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Decisions on the record, newest first</caption>
              <TableHead columns={['Date', 'Decision', 'By', 'Why']} />
              <tbody className="govuk-table__body">
                {view.data.decisions.slice(0, 50).map((d) => (
                  <tr className="govuk-table__row" key={`${d.kind}-${d.recordId}-${d.on}`} data-kind={d.kind}>
                    <td className="govuk-table__cell lantern-nowrap">{formatDate(d.on)}</td>
                    <td className="govuk-table__cell">
                      {d.label}
                      {d.detail ? <span className="govuk-hint govuk-!-margin-bottom-0"> {d.detail}</span> : null}
                    </td>
                    <td className="govuk-table__cell">{d.decidedBy ?? 'Not recorded'}</td>
                    <td className="govuk-table__cell">
                      {d.reasons}
                      {d.evidence ? <span className="govuk-hint govuk-!-margin-bottom-0"> Evidence: {d.evidence}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {can('oversight:record') ? (
        <RecordDecisionForm
          childId={childId}
          onRecorded={(label) => {
            setRecorded(label);
            view.reload();
          }}
        />
      ) : null}
      <RiskAssessments childId={childId} />
      <CaseAudits childId={childId} />
    </section>
  );
}
