import { Link } from 'react-router';

/** A household's name, a link to its page, and its reference. */
export function HouseholdLink({ household: h }: { household: { householdId: string; name: string; reference: string } }) {
  return (
    <>
      <Link className="govuk-link" to={`/fostering/households/${h.householdId}`}>
        {h.name}
      </Link>{' '}
      <span className="govuk-hint govuk-!-display-inline">{h.reference}</span>
    </>
  );
}
