/**
 * A child's conferences and looked-after reviews: who came, how the child's views were heard,
 * their words, the decisions and recommendations; and the IRO's concerns through the dispute
 * resolution stages. One meeting alone at /meetings/:kind/:meetingId (where the child's voice links).
 */
import { Link, useLocation, useParams } from 'react-router';
import type { Escalation, Meeting } from '../../api/meetings.ts';
import { meetingsApi } from '../../api/meetings.ts';
import { ChildPageHead } from '../../components/ChildPageHead.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { type SummaryItem, SummaryList } from '../../components/SummaryList.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';

const form = (childId: string, name: string, query: Record<string, string>) => `/children/${childId}/meetings/record/${name}?${new URLSearchParams(query)}`;

export function MeetingsPage() {
  const { childId = '', meetingId } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const view = useLoad(() => meetingsApi.get(childId), childId);
  usePageTitle(view.data ? `Conferences and reviews – ${view.data.name}` : 'Conferences and reviews');
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="child" />;
  const v = view.data;
  const meetings = meetingId ? v.meetings.filter((m) => m.meetingId === meetingId) : v.meetings;
  return (
    <>
      <ChildPageHead childId={childId} name={v.name} notice={notice} title="Conferences and reviews" />
      {meetingId ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${childId}/meetings`}>
            All conferences and reviews
          </Link>
        </p>
      ) : null}
      {meetings.length === 0 ? <p className="govuk-body">No conferences or reviews are recorded.</p> : null}
      {meetings.map((m) => (
        <MeetingSection key={m.meetingId} childId={childId} meeting={m} canRecord={v.canRecord} />
      ))}
      {meetingId ? null : <Escalations childId={childId} escalations={v.escalations} canRaise={v.canRaiseEscalation} />}
    </>
  );
}

function MeetingSection({ childId, meeting: m, canRecord }: { childId: string; meeting: Meeting; canRecord: boolean }) {
  const headingId = `meeting-${m.meetingId}`;
  const q = { kind: m.kind, meeting: m.meetingId };
  const r = m.record;
  const words = r?.childWords ?? m.childWords;
  const recorded: SummaryItem[] = r
    ? [
        [
          'Came',
          r.attendees
            .filter((a) => a.attended)
            .map((a) => (a.role === 'child' ? 'The child' : `${a.name ?? a.contactLabel ?? a.agency ?? ''} (${a.roleLabel})`))
            .join('; ') || 'No one recorded',
        ],
        [
          'Invited but did not come',
          r.attendees
            .filter((a) => a.invited && !a.attended)
            .map((a) =>
              a.role === 'child' ? 'The child' : `${a.name ?? a.contactLabel ?? a.agency ?? ''} (${a.roleLabel})${a.sentReport ? ', sent a report' : ''}`,
            )
            .join('; ') || 'No one',
        ],
        { key: 'Decisions', label: 'Decisions', value: r.decisions ?? '', pre: true },
        ['Decisions sent', r.decisionsSentOn ? formatDate(r.decisionsSentOn) : 'Not yet'],
        ['Full record written', r.recordWrittenOn ? formatDate(r.recordWrittenOn) : 'Not yet'],
      ]
    : [['Record', 'Who came and the decisions are not yet recorded']];
  /** Which meeting a link is about, for a screen reader. */
  const ofMeeting = (
    <span className="govuk-visually-hidden">
      {' '}
      of the {m.title.toLowerCase()} on {formatDate(m.heldOn)}
    </span>
  );
  return (
    <section aria-labelledby={headingId} className="lantern-section">
      <h2 className="govuk-heading-m" id={headingId}>
        {m.title}, {formatDate(m.heldOn)}
      </h2>
      <SummaryList
        rows={[
          m.outcomeLabel ? ['Outcome', m.outcomeLabel] : null,
          m.chair ? ['Chair', m.chair] : null,
          ['How the child’s views were heard', m.participationLabel ?? r?.viewsHeardLabel ?? 'Not recorded'],
          ['The child’s words', words ? `“${words}”` : 'None recorded'],
          ...recorded,
        ]}
      />
      {canRecord ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={form(childId, 'record', q)}>
            {r ? 'Change the record' : 'Record who came, the child’s views and the decisions'}
            {ofMeeting}
          </Link>
        </p>
      ) : null}
      <h3 className="govuk-heading-s">Recommendations</h3>
      {m.recommendations.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      {m.recommendations.length > 0 ? (
        <table className="govuk-table">
          <TableHead columns={['What', 'Who', 'By', 'Done']} />
          <tbody className="govuk-table__body">
            {m.recommendations.map((rec) => (
              <tr className="govuk-table__row" key={rec.recommendationId}>
                <td className="govuk-table__cell">{rec.recommendation}</td>
                <td className="govuk-table__cell">{rec.ownerName}</td>
                <td className="govuk-table__cell">{formatDate(rec.dueDate)}</td>
                <td className="govuk-table__cell">
                  {rec.doneOn ? (
                    `${formatDate(rec.doneOn)}: ${rec.doneNote}`
                  ) : canRecord ? (
                    <Link className="govuk-link" to={form(childId, 'recommendation-done', { id: rec.recommendationId })}>
                      Mark done<span className="govuk-visually-hidden">: {rec.recommendation}</span>
                    </Link>
                  ) : (
                    'Not yet'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canRecord ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={form(childId, 'recommendation', q)}>
            Add a recommendation
            {ofMeeting}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Escalations({ childId, escalations, canRaise }: { childId: string; escalations: Escalation[]; canRaise: boolean }) {
  return (
    <PageSection id="escalations-heading" heading="The IRO’s concerns (dispute resolution)">
      {escalations.length === 0 ? <p className="govuk-body">No concerns raised.</p> : null}
      {escalations.map((e) => (
        <EscalationSummary key={e.escalationId} childId={childId} escalation={e} />
      ))}
      {canRaise ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={form(childId, 'escalation', {})}>
            Raise a concern
          </Link>
        </p>
      ) : null}
    </PageSection>
  );
}

export function EscalationSummary({ childId, escalation: e, childName }: { childId: string; escalation: Escalation; childName?: string }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {childName ? `${childName}: ` : ''}raised {formatDate(e.raisedOn)} by {e.raisedByName}
          {e.resolvedOn ? `, resolved ${formatDate(e.resolvedOn)}` : ''}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">{e.concern}</p>
        <ol className="govuk-list govuk-list--number">
          {e.stages.map((s) => (
            <li key={s.stageId}>
              {s.stageLabel} ({s.ownerName}), from {formatDate(s.raisedOn)}:{' '}
              {s.answeredOn ? `${s.outcome === 'resolved' ? 'resolved' : 'moved on'} ${formatDate(s.answeredOn)} — ${s.note}` : 'waiting for an answer'}
            </li>
          ))}
        </ol>
        {e.resolvedOn ? null : (
          <p className="govuk-body">
            <Link className="govuk-link" to={form(childId, 'escalation-answer', { id: e.escalationId })}>
              Answer this concern<span className="govuk-visually-hidden"> raised {formatDate(e.raisedOn)}</span>
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
