/** The top of a page of one child's record: back to the record, the notice of what was just saved, the child's name above the heading. */
import { Link } from 'react-router';
import { SuccessBanner } from './Notices.tsx';

export function ChildPageHead({
  childId,
  name,
  laChildId,
  notice,
  title,
}: {
  childId: string;
  name: string;
  laChildId?: string | null;
  notice?: string | null;
  title: string;
}) {
  return (
    <>
      <Link className="govuk-back-link" to={`/children/${childId}`}>
        Back<span className="govuk-visually-hidden"> to {name}’s record</span>
      </Link>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      {laChildId !== undefined ? (
        <span className="govuk-caption-l">
          {name} <span className="lantern-secondary">({laChildId})</span>
        </span>
      ) : (
        <span className="govuk-caption-l">{name}</span>
      )}
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}
