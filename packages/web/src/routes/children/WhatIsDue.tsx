import { Link } from 'react-router';
import { type ChildDueView, workApi } from '../../api/work.ts';
import { formatDate, plural } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { CaseActions } from '../work/CaseActions.tsx';

/** The child's status in plain English, one line each. */
function statusLines(s: ChildDueView['status']): string[] {
  const lines: string[] = [];
  if (s.missingSince) lines.push(`Missing now, since ${formatDate(s.missingSince)}`);
  if (s.protectionPlan) lines.push(`On a child protection plan since ${formatDate(s.protectionPlan.since)} (${s.protectionPlan.category.toLowerCase()})`);
  if (s.lookedAfter)
    lines.push(
      `Looked after since ${formatDate(s.lookedAfter.since)}: ${s.lookedAfter.legalStatus.toLowerCase()}; placed in ${s.lookedAfter.placement.toLowerCase()}`,
    );
  if (s.careLeaver) lines.push(`Care leaver: ${s.careLeaver.toLowerCase()}`);
  if (s.inNeed && !s.protectionPlan && !s.lookedAfter) lines.push('A child in need (open case)');
  if (lines.length === 0) lines.push('No open case');
  if (s.restricted) lines.push('Restricted record');
  return lines;
}

/** Status at a glance, and every open deadline for the child from every area, soonest first. */
export function WhatIsDue({ childId, name }: { childId: string; name: string }) {
  const { data, problem } = useLoad(() => workApi.childDue(childId), `due:${childId}`);
  if (problem) return <p className="govuk-body">What is due could not be loaded: {problem.detail ?? problem.title}</p>;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const s = data.status;
  const overdue = data.due.filter((d) => d.state === 'overdue').length;
  return (
    <>
      <section aria-labelledby="status-heading" className="lantern-section" data-testid="child-status">
        <h2 className="govuk-heading-m" id="status-heading">
          At a glance
        </h2>
        <ul className="govuk-list">
          {statusLines(s).map((line) => (
            <li key={line}>
              <strong>{line}</strong>
            </li>
          ))}
          <li>
            {s.team ? `Held by ${s.team}` : 'Not held by a team'}
            {s.socialWorker ? `; social worker ${s.socialWorker}` : '; no social worker allocated'}
            {s.iro ? `; IRO ${s.iro}` : ''}
          </li>
          {data.transfer?.status === 'requested' ? (
            <li>
              Transfer to {data.transfer.toTeam} asked for on {formatDate(data.transfer.requestedOn)}, awaiting an answer
            </li>
          ) : null}
        </ul>
        <CaseActions childId={childId} name={name} data={data} />
      </section>
      <section aria-labelledby="due-heading" className="lantern-section" data-testid="what-is-due" data-total={data.due.length}>
        <h2 className="govuk-heading-m" id="due-heading">
          What is due <span className="govuk-caption-m lantern-inline-caption">({data.due.length})</span>
        </h2>
        {data.due.length === 0 ? (
          <p className="govuk-body">Nothing is due for {name}.</p>
        ) : (
          <>
            {overdue ? (
              <p className="govuk-body">
                <strong>{plural(overdue, 'deadline is', 'deadlines are')} overdue.</strong>
              </p>
            ) : null}
            <ul className="govuk-list lantern-work-list lantern-due-list">
              {data.due.map((d) => (
                <li key={`${d.ruleId}:${d.dueDate}:${d.owner}`} className="lantern-work-item">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>{d.what}</strong>
                    <strong className={`govuk-tag ${d.state === 'overdue' ? 'govuk-tag--red' : 'govuk-tag--blue'} lantern-work-count`}>
                      {d.state === 'overdue' ? `${plural(d.daysOverdue, 'day', 'days')} overdue` : 'Due'}
                    </strong>
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0 lantern-work-meta">
                    {[`Due ${formatDate(d.dueDate)}`, d.area, d.owner ? `Owner: ${d.owner}` : 'No owner yet'].join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${childId}/history`}>
            History<span className="govuk-visually-hidden"> of {name}</span>: the chronology
          </Link>
        </p>
      </section>
    </>
  );
}
