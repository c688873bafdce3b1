/**
 * The DfE's daily children's social care feed, for the administrator and the analyst: the latest
 * runs with what each sent, and the children the DfE refused (or that could not be sent) with what
 * it said. A child is named and linked only for those who may open their record.
 */
import { Link } from 'react-router';
import { exchangeApi } from '../../api/exchange.ts';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate, formatDateTime, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { HIDDEN_CAPTION, RecordsTable } from '../../components/RecordsTable.tsx';

const SENT_AS = { full: 'Whole record', partial: 'Changes', purge: 'Removal' } as const;

export function DfeFeedPage() {
  usePageTitle('DfE daily feed');
  const feed = useLoad(() => exchangeApi.feed(), 'dfe-feed');
  if (feed.problem || !feed.data) return <NotReady problem={feed.problem} />;
  const { runs, errors, sentChildren } = feed.data;
  return (
    <>
      <h1 className="govuk-heading-l">DfE daily feed</h1>
      <p className="govuk-body">
        Each day Lantern sends the DfE’s children’s social care data collection the children who are new in full, the changes for children already sent, and the
        removal of children who have left it. Children whose record has not changed are not sent again. {plural(sentChildren, 'child is', 'children are')} held
        by the DfE as last sent.
      </p>
      <h2 className="govuk-heading-m">Latest runs</h2>
      {runs.length === 0 ? (
        <p className="govuk-body">The feed has not run yet.</p>
      ) : (
        <div>
          <RecordsTable
            testId="feed-runs"
            caption="The feed’s latest runs, newest first"
            captionClass={HIDDEN_CAPTION}
            columns={[
              {
                label: 'Day',
                heads: true,
                cell: (r) => (
                  <>
                    {formatDate(r.runOn)}
                    <span className="govuk-body-s lantern-block">
                      {r.dryRun ? 'A trial: nothing sent' : r.finishedAt ? `Finished ${formatDateTime(r.finishedAt)}` : 'Did not finish'}
                    </span>
                  </>
                ),
              },
              { label: 'New, sent whole', numeric: true, cell: (r) => r.sentFull },
              { label: 'Changed, sent as changes', numeric: true, cell: (r) => r.sentPartial },
              { label: 'Unchanged', numeric: true, cell: (r) => r.unchanged },
              { label: 'Removed', numeric: true, cell: (r) => r.purged },
              { label: 'Failed', numeric: true, cell: (r) => r.failed },
            ]}
            rows={runs}
            rowKey={(r) => r.runId}
          />
        </div>
      )}
      <h2 className="govuk-heading-m">Children not sent</h2>
      {errors.length === 0 ? (
        <p className="govuk-body">Every child in the feed was accepted the last time they were sent.</p>
      ) : (
        <>
          <p className="govuk-body">
            {plural(errors.length, 'child was', 'children were')} not accepted. The next run sends them again; correct the record first where the DfE names
            something wrong.
          </p>
          <ul className="govuk-list" data-testid="feed-errors">
            {errors.map((e) => (
              <li key={e.childId} className="lantern-work-item">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  {e.mayOpen && e.childName ? (
                    <Link className="govuk-link" to={`/children/${e.childId}`}>
                      {e.childName}
                    </Link>
                  ) : (
                    <strong>Child {e.laChildId}</strong>
                  )}
                  {e.mayOpen ? <span className="govuk-body-s"> ({e.laChildId})</span> : null}
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {e.sentKind ? `${SENT_AS[e.sentKind]} sent ${formatDateTime(e.at)}. ` : `Checked ${formatDateTime(e.at)}. `}
                  {e.message}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
