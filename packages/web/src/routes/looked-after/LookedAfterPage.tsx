/** The child's looked-after section: periods of care, placements, visits, reviews, missing episodes and their deadlines. */
import { LEGAL_STATUS, MISSING_KIND, PLACEMENT_TYPE, REASON_NEW_EPISODE } from '@lantern/core/looked-after';
import { PARTICIPATION_PLAIN } from '@lantern/core/meetings';
import { OBLIGATION_STATE_LABELS, RULE_LABELS } from '@lantern/core/timescales';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, formatDateTime, labelOf } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { sectionPath } from './api.ts';
import { useRecord } from './FormPage.tsx';
import { SummaryRow as Row } from '../../components/SummaryRow.tsx';
import { TableHead } from '../../components/TableHead.tsx';

export const RHI_STATE: Record<string, string> = {
  missing: 'Still missing',
  'offered-in-time': 'Offered in time',
  'offered-late': 'Offered late',
  overdue: 'Not offered: overdue',
  due: 'Due',
};

export function LookedAfterPage() {
  const r = useRecord();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  usePageTitle(r.data ? `Looked after – ${r.data.childName}` : 'Looked after');
  if (r.problem || !r.data) return <NotReady problem={r.problem} what="child" />;
  const d = r.data;
  const base = sectionPath(r.childId);
  const cur = d.current;
  return (
    <>
      <Link className="govuk-back-link" to={`/children/${r.childId}`}>
        Back to the child’s record
      </Link>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{d.childName}</span>
      <h1 className="govuk-heading-l">Looked after</h1>
      {d.repeatMissing ? (
        <div className="govuk-warning-text" data-testid="repeat-missing">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">Repeated missing episodes: flagged to the manager</strong>
        </div>
      ) : null}
      {d.canRecord || d.canApproveUnregistered ? (
        <ul className="govuk-list" data-testid="lac-steps">
          {d.canRecord && !cur ? (
            <li>
              <Link className="govuk-link" to={`${base}/start`}>
                Record the child becoming looked after
              </Link>
            </li>
          ) : null}
          {d.canRecord && cur ? (
            <>
              <li>
                <Link className="govuk-link" to={`${base}/change`}>
                  Record a change of placement or legal status
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/visit`}>
                  Record a visit
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/review`}>
                  Record a review
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/cease`}>
                  Record the child ceasing to be looked after
                </Link>
              </li>
            </>
          ) : null}
          {d.canRecord ? (
            <li>
              <Link className="govuk-link" to={`/children/${r.childId}/foster-carers`}>
                Find in-house foster carers whose terms fit
              </Link>
            </li>
          ) : null}
          {d.canRecord ? (
            <li>
              <Link className="govuk-link" to={`${base}/missing`}>
                Record a missing or absent episode
              </Link>
            </li>
          ) : null}
          {d.canApproveUnregistered ? (
            <li>
              <Link className="govuk-link" to={`${base}/approve-unregistered`}>
                Approve a placement with an unregistered provider
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      <h2 className="govuk-heading-m">Current placement</h2>
      {cur ? (
        <dl className="govuk-summary-list" data-testid="current-placement">
          <Row label="Since">{formatDate(cur.startDate)}</Row>
          <Row label="Legal status">{labelOf(LEGAL_STATUS, cur.legalStatus)}</Row>
          <Row label="Placement">{labelOf(PLACEMENT_TYPE, cur.placementType)}</Row>
          <Row label="Provider">{cur.providerName ?? cur.urn ?? 'None recorded'}</Row>
          {cur.unregisteredApproval ? (
            <Row label="Not registered for this care">
              Approved by {cur.unregisteredApproval.approvedBy} on {formatDate(cur.unregisteredApproval.approvedOn)}: {cur.unregisteredApproval.reasons}
            </Row>
          ) : null}
        </dl>
      ) : (
        <p className="govuk-body">Not looked after now.</p>
      )}

      <h2 className="govuk-heading-m">Deadlines</h2>
      <Table
        testId="lac-deadlines"
        head={['Deadline', 'Due', 'State']}
        rows={d.deadlines.map((o) => [RULE_LABELS[o.ruleId] ?? o.label, formatDate(o.dueDate), OBLIGATION_STATE_LABELS[o.state] ?? o.state])}
      />

      <h2 className="govuk-heading-m">Episodes</h2>
      <Table
        testId="episodes"
        head={['From', 'To', 'Reason', 'Legal status', 'Placement', 'Ended']}
        rows={d.episodes.map((e) => [
          formatDate(e.startDate),
          formatDate(e.endDate),
          labelOf(REASON_NEW_EPISODE, e.reasonNewEpisode),
          labelOf(LEGAL_STATUS, e.legalStatus),
          `${labelOf(PLACEMENT_TYPE, e.placementType)}${e.providerName ? ` – ${e.providerName}` : ''}`,
          e.reasonEnded ?? '',
        ])}
      />

      <h2 className="govuk-heading-m">Visits</h2>
      <Table
        testId="lac-visits"
        head={['Date', 'Seen', 'Where', 'The child’s words']}
        rows={d.visits.map((v) => [
          formatDate(v.visitedOn),
          v.childSeen ? (v.seenAlone ? 'Seen alone' : 'Seen') : 'Not seen',
          v.location ?? '',
          v.childWords ?? '',
        ])}
      />

      <h2 className="govuk-heading-m">Reviews</h2>
      <Table
        testId="lac-reviews"
        head={['Date', 'Chair', 'How the child took part', 'The child’s words', 'IRO saw the child']}
        rows={d.reviews.map((v) => [
          formatDate(v.heldOn),
          v.chair ?? '',
          PARTICIPATION_PLAIN[v.participation as keyof typeof PARTICIPATION_PLAIN] ?? v.participation,
          v.childWords ?? '',
          formatDate(v.iroContactOn) || 'No',
        ])}
      />

      <h2 className="govuk-heading-m">Missing and absent episodes</h2>
      <Table
        testId="missing-episodes"
        head={['Went', 'Returned', 'Return home interview', '']}
        rows={d.missing.map((m) => [
          `${formatDateTime(m.startedAt)} (${labelOf(MISSING_KIND, m.kind).toLowerCase()})`,
          formatDateTime(m.endedAt) || 'Still missing',
          `${RHI_STATE[m.rhiState] ?? m.rhiState}${m.rhiAccepted === true ? ', accepted' : m.rhiAccepted === false ? ', declined' : ''}${m.repeat ? ' – repeat' : ''}`,
          d.canRecord ? (
            <Link key="update" className="govuk-link" to={`${base}/missing/${m.missingId}`}>
              Update<span className="govuk-visually-hidden"> this episode</span>
            </Link>
          ) : (
            ''
          ),
        ])}
      />
    </>
  );
}

export function Table({ head, rows, testId }: { head: string[]; rows: ReactNode[][]; testId: string }) {
  if (!rows.length)
    return (
      <p className="govuk-body" data-testid={testId}>
        None recorded.
      </p>
    );
  return (
    <table className="govuk-table" data-testid={testId}>
      <TableHead columns={head} />
      <tbody className="govuk-table__body">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown in the server's order
          <tr key={i} className="govuk-table__row">
            {r.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={j} className="govuk-table__cell">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
