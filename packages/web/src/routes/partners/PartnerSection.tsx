import { Link } from 'react-router';
import { partnersApi } from '../../api/client.ts';
import { plural } from '../../format.ts';
import { useLoad } from '../../hooks.ts';

/** On the child's page: how many requests to partners are open or overdue, and the way to them. */
export function PartnerSection({ childId, name }: { childId: string; name: string }) {
  const { data, problem } = useLoad(() => partnersApi.work(childId), childId);
  if (problem) return null;
  const open = data?.requests.filter((r) => !r.answeredOn && !r.withdrawnOn).length ?? 0;
  const overdue = data?.requests.filter((r) => r.state === 'overdue-escalated').length ?? 0;
  return (
    <section aria-labelledby="partners-heading" className="lantern-section" data-testid="partner-summary">
      <div className="lantern-section__heading">
        <h2 className="govuk-heading-m" id="partners-heading">
          Partner agencies
        </h2>
        <Link className="govuk-link govuk-body lantern-section__action" to={`/children/${childId}/partners`}>
          Requests to partners<span className="govuk-visually-hidden"> about {name}</span>
        </Link>
      </div>
      {data ? (
        <p className="govuk-body">
          {open ? `${plural(open, 'request', 'requests')} awaiting an answer` : 'No request awaits an answer'}
          {overdue ? `, ${overdue} overdue and escalated` : ''}.
        </p>
      ) : null}
    </section>
  );
}
