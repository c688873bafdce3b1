/** A child's plans: those written (with their open actions) and those not yet written. */
import { Link, useLocation, useParams } from 'react-router';
import { practiceApi } from '../../api/practice.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { Back, casework, plansPath } from './common.tsx';

export function PlansPage() {
  const { childId = '' } = useParams();
  const { can } = useSession();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const loaded = useLoad(() => practiceApi.plans(childId), childId);
  usePageTitle('Plans');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="child" />;
  const { plans, unwritten } = loaded.data;
  return (
    <>
      <Back to={casework(childId)}>Back to the casework</Back>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Plans</h1>
      {plans.length === 0 ? <p className="govuk-body">No plan has been written yet.</p> : null}
      <ul className="govuk-list">
        {plans.map((p) => (
          <li key={p.planDocumentId} className="lantern-record">
            <Link className="govuk-link govuk-!-font-weight-bold" to={`${plansPath(childId)}/${p.planDocumentId}`}>
              {p.kindLabel} agreed {formatDate(p.agreedOn)}
            </Link>
            <span className="lantern-block govuk-body-s">
              Version {p.version}; {plural(p.openActions, 'action', 'actions')} still to do
            </span>
          </li>
        ))}
      </ul>
      {unwritten.length && can('casework:record') ? (
        <>
          <h2 className="govuk-heading-m">Plans not yet written</h2>
          <ul className="govuk-list">
            {unwritten.map((u) => (
              <li key={`${u.kind}:${u.planRef}`}>
                <Link className="govuk-link" to={`${plansPath(childId)}/new?kind=${u.kind}&planRef=${u.planRef}`}>
                  Write the {u.kindLabel.toLowerCase()} from {formatDate(u.startDate)}
                </Link>
                {u.endDate ? <span className="govuk-body-s"> (ended {formatDate(u.endDate)})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
