/**
 * A child's legal planning and proceedings: the current pre-proceedings and proceedings with the
 * dates that matter (the 16 weeks, the 26 weeks and each extension the court granted), hearings,
 * orders, assessments and the legal planning meetings, with a link to each step's form.
 */
import { Link, useLocation, useParams } from 'react-router';
import { type LegalView, legalApi } from '../../api/legal.ts';
import { SummaryList } from '../../components/SummaryList.tsx';
import { ChildPageHead } from '../../components/ChildPageHead.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { openPre, openProceedings } from './forms.ts';

const formPath = (childId: string, form: string) => `/children/${childId}/legal/record/${form}`;

function Actions({ view, forms }: { view: LegalView; forms: [string, string][] }) {
  if (!view.mayRecord) return null;
  return (
    <ul className="govuk-list">
      {forms.map(([form, label]) => (
        <li key={form}>
          <Link className="govuk-link" to={formPath(view.childId, form)}>
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function LegalPage() {
  const { childId = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const view = useLoad(() => legalApi.get(childId), `${childId}:${location.key}`);
  usePageTitle(view.data ? `Legal planning and proceedings – ${view.data.name}` : 'Legal planning and proceedings');
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="child" />;
  const v = view.data;
  const pre = openPre(v);
  const proc = openProceedings(v);
  return (
    <>
      <ChildPageHead childId={v.childId} name={v.name} notice={notice} title="Legal planning and proceedings" />

      <h2 className="govuk-heading-m">Court proceedings</h2>
      {proc ? (
        <>
          <SummaryList
            testId="proceedings"
            rows={[
              ['Application', `${proc.applicationLabel}, issued ${formatDate(proc.issuedOn)}`],
              ['Court and case number', `${proc.court}, ${proc.caseNumber}`],
              ['26 weeks from issue', formatDate(proc.firstDueOn)],
              [
                'Must conclude by',
                <span key="due" data-testid="proceedings-due">
                  {formatDate(proc.dueOn)}
                  {proc.extensions.length ? ` (extended ${proc.extensions.length === 1 ? 'once' : `${proc.extensions.length} times`} by the court)` : ''}
                </span>,
              ],
              ['Weeks so far', String(proc.weeks)],
            ]}
          />
          <Actions
            view={v}
            forms={[
              ['hearing', 'Record a hearing'],
              ['order', 'Record an order the court made'],
              ['extension', 'Record an extension the court granted'],
              ['withdraw', 'Record the application withdrawn'],
            ]}
          />
        </>
      ) : (
        <>
          <p className="govuk-body">{v.name} is not in court proceedings now.</p>
          <Actions view={v} forms={[['application', 'Record an application to court']]} />
        </>
      )}
      {v.proceedings.map((p) => (
        <div key={p.proceedingsId}>
          {p.concludedOn ? (
            <h3 className="govuk-heading-s">
              {p.applicationLabel} issued {formatDate(p.issuedOn)}: {p.outcomeLabel} on {formatDate(p.concludedOn)} after {p.weeks} weeks
            </h3>
          ) : null}
          {p.extensions.length ? (
            <table className="govuk-table" data-testid="extensions">
              <caption className="govuk-table__caption govuk-table__caption--s">Extensions the court granted</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th className="govuk-table__header">Granted</th>
                  <th className="govuk-table__header">New date</th>
                  <th className="govuk-table__header">Weeks</th>
                  <th className="govuk-table__header">Why</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {p.extensions.map((e) => (
                  <tr className="govuk-table__row" key={e.extensionId}>
                    <td className="govuk-table__cell">{formatDate(e.grantedOn)}</td>
                    <td className="govuk-table__cell">{formatDate(e.newDueOn)}</td>
                    <td className="govuk-table__cell">{e.weeks}</td>
                    <td className="govuk-table__cell">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {p.hearings.length || p.orders.length ? (
            <table className="govuk-table" data-testid="court-events">
              <caption className="govuk-table__caption govuk-table__caption--s">Hearings and orders</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th className="govuk-table__header">Date</th>
                  <th className="govuk-table__header">What happened</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {[
                  ...p.hearings.map((h) => ({ id: h.hearingId, on: h.heldOn, what: `${h.label}${h.notes ? `: ${h.notes}` : ''}` })),
                  ...p.orders.map((o) => ({
                    id: o.orderId,
                    on: o.madeOn,
                    what: `${o.label} made${o.legalStatus ? ' (the child’s legal status on the Looked after page changed with it)' : ''}`,
                  })),
                ]
                  .sort((a, b) => a.on.localeCompare(b.on))
                  .map((e) => (
                    <tr className="govuk-table__row" key={e.id}>
                      <td className="govuk-table__cell">{formatDate(e.on)}</td>
                      <td className="govuk-table__cell">{e.what}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ))}

      <h2 className="govuk-heading-m">Pre-proceedings</h2>
      {pre ? (
        <>
          <SummaryList
            testId="pre-proceedings"
            rows={[
              ['Letter before proceedings', `Sent ${formatDate(pre.letterSentOn)} to ${pre.letterTo}`],
              ['Meeting with the parents', pre.meetingHeldOn ? `Held ${formatDate(pre.meetingHeldOn)}` : `Due by ${formatDate(pre.meetingDueOn)}`],
              ['Plan agreed', pre.planAgreed ?? 'Not yet'],
              ['Reviews', pre.reviews.length ? pre.reviews.map((r) => formatDate(r.heldOn)).join(', ') : 'None yet'],
              ['Should end by', `${formatDate(pre.endDueOn)}${pre.extensionReason ? ` (extended: ${pre.extensionReason})` : ' (16 weeks from the letter)'}`],
              ['Weeks so far', String(pre.weeks)],
            ]}
          />
          <Actions
            view={v}
            forms={[
              ['pre-meeting', 'Record the pre-proceedings meeting'],
              ['pre-review', 'Record a review'],
              ['assessment', 'Record an assessment commissioned'],
              ['pre-extension', 'Extend pre-proceedings'],
              ['pre-end', 'End pre-proceedings (stepped down)'],
              ['application', 'Record the application to court'],
            ]}
          />
        </>
      ) : (
        <>
          <p className="govuk-body">{v.name} is not in pre-proceedings now.</p>
          <Actions view={v} forms={[['letter', 'Record the letter before proceedings']]} />
        </>
      )}
      {v.preProceedings
        .filter((p) => p.endedOn)
        .map((p) => (
          <p className="govuk-body" key={p.preProceedingsId}>
            Letter of {formatDate(p.letterSentOn)}: {p.outcomeLabel} on {formatDate(p.endedOn)} after {p.weeks} weeks.
          </p>
        ))}

      <h2 className="govuk-heading-m">Legal planning meetings</h2>
      {v.planningMeetings.length ? (
        v.planningMeetings.map((m) => (
          <SummaryList
            key={m.meetingId}
            rows={[
              ['Meeting', formatDate(m.heldOn)],
              ['Who came', m.attendees.map((a) => (a.role === 'council-lawyer' ? `${a.name} (the council’s lawyer)` : a.name)).join(', ')],
              ['Threshold', m.threshold],
              ['Decision', m.decisionLabel ? `${m.decisionLabel}: ${m.reasons}` : 'Not yet recorded'],
            ]}
          />
        ))
      ) : (
        <p className="govuk-body">No legal planning meeting has been recorded.</p>
      )}
      <Actions
        view={v}
        forms={[
          ['planning-meeting', 'Record a legal planning meeting'],
          ...(v.planningMeetings.some((m) => !m.decision) ? ([['planning-decision', 'Record the legal planning decision']] as [string, string][]) : []),
        ]}
      />

      {v.assessments.length ? (
        <>
          <h2 className="govuk-heading-m">Assessments commissioned</h2>
          <ul className="govuk-list govuk-list--bullet">
            {v.assessments.map((a) => (
              <li key={a.assessmentId}>
                {a.label} from {a.assessor}, commissioned {formatDate(a.commissionedOn)}
                {a.dueOn ? `, due ${formatDate(a.dueOn)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
