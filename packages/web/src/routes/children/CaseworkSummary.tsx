import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate, plural } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { openEpisode, stageOf } from '../casework/steps.ts';

/**
 * The child's page shows only where the children-in-need and child-protection work stands, with
 * a link to the casework page that holds the detail and the forms.
 */
export function CaseworkSummary({ childId, name }: { childId: string; name: string }) {
  const { data, problem } = useLoad(() => api.casework.get(childId), childId);
  if (problem?.status === 403) return null;
  const open = data ? openEpisode(data) : null;
  const awaiting = data?.contacts.filter((c) => !c.decision).length ?? 0;

  return (
    <section aria-labelledby="casework-heading" className="lantern-section" data-testid="casework-summary">
      <div className="lantern-section__heading">
        <h2 className="govuk-heading-m" id="casework-heading">
          Children in need and child protection
        </h2>
        <Link className="govuk-link govuk-body lantern-section__action" to={`/children/${childId}/casework`}>
          Casework and deadlines<span className="govuk-visually-hidden"> for {name}</span>
        </Link>
        <Link className="govuk-link govuk-body lantern-section__action" to={`/children/${childId}/looked-after`}>
          Looked after<span className="govuk-visually-hidden"> – {name}</span>
        </Link>
      </div>
      {problem ? (
        <p className="govuk-body">The casework could not be loaded: {problem.detail ?? problem.title}</p>
      ) : !data ? (
        <p className="govuk-body">Loading…</p>
      ) : (
        <>
          {open ? (
            <p className="govuk-body">
              <strong className="govuk-tag govuk-tag--blue lantern-tag-wide govuk-!-margin-right-2">{stageOf(open)}</strong>
              Open episode since the referral on {formatDate(open.referralDate)}.
            </p>
          ) : (
            <p className="govuk-body">
              {data.episodes.length
                ? `No open episode. The last closed on ${formatDate(data.episodes[0]?.closureDate)}.`
                : 'No child in need episode recorded.'}
            </p>
          )}
          {awaiting ? <p className="govuk-body">{plural(awaiting, 'contact awaits', 'contacts await')} a decision.</p> : null}
        </>
      )}
    </section>
  );
}
