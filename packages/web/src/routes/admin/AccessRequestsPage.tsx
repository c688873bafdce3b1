/**
 * The head of service's half of the separation of duties: an administrator asked for a role that
 * reaches restricted records, or for a login to act as a worker; it takes effect only when
 * someone other than who asked approves it here.
 */
import { useState } from 'react';
import { type AccessRequestView, accessApi } from '../../api/access.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { useSend } from '../../components/forms.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDateTime, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { SummaryRow } from '../../components/SummaryRow.tsx';

export function AccessRequestsPage() {
  usePageTitle('Access requests');
  const list = useLoad(() => accessApi.requests(), 'requests');
  const [notice, setNotice] = useState<string | null>(null);
  if (list.problem || !list.data) return <NotReady problem={list.problem} />;
  const requests = list.data.requests;
  return (
    <>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Access requests</h1>
      <p className="govuk-body">
        An administrator’s request to give someone a role that reaches restricted records, or to let a login act as a worker, takes effect only when you approve
        it. You cannot decide a request you made or one for yourself.
      </p>
      <p className="govuk-body">
        {requests.length ? `${plural(requests.length, 'request waits', 'requests wait')} for your decision.` : 'No requests are waiting.'}
      </p>
      {requests.map((r) => (
        <RequestCard
          key={r.requestId}
          request={r}
          decided={(text) => {
            setNotice(text);
            list.reload();
          }}
        />
      ))}
    </>
  );
}

function RequestCard({ request: r, decided }: { request: AccessRequestView; decided: (notice: string) => void }) {
  const { errors, busy, send } = useSend();
  const decide = (decision: 'approve' | 'refuse') =>
    send(
      [],
      () => accessApi.decide(r.requestId, { decision, fromVersion: r.version }),
      () => decided(decision === 'approve' ? `${r.displayName} now has the role ${r.roleLabel}.` : `The request for ${r.displayName} was refused.`),
    );
  return (
    <section className="govuk-summary-card" aria-labelledby={`request-${r.requestId}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={`request-${r.requestId}`}>
          {r.displayName} ({r.username})
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <ErrorSummary items={errors.summary} />
        <dl className="govuk-summary-list">
          <SummaryRow label="Asked for">
            {r.newUser ? `A new account as ${r.roleLabel}` : r.role === r.currentRole ? r.roleLabel : `${r.currentRoleLabel} to ${r.roleLabel}`}
          </SummaryRow>
          <SummaryRow label="Acting as worker">{r.workerName ?? 'No worker'}</SummaryRow>
          <SummaryRow label="Asked by">
            {r.requestedBy}, {formatDateTime(r.requestedAt)}
          </SummaryRow>
        </dl>
        <div className="govuk-button-group">
          <Button busy={busy} type="button" onClick={() => decide('approve')}>
            Approve<span className="govuk-visually-hidden"> the request for {r.displayName}</span>
          </Button>
          <Button secondary busy={busy} type="button" onClick={() => decide('refuse')}>
            Refuse<span className="govuk-visually-hidden"> the request for {r.displayName}</span>
          </Button>
        </div>
      </div>
    </section>
  );
}
