import { Link } from 'react-router';
import type { ChildCase } from '../../api/types.ts';
import { formatDate, fullName } from '../../format.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';

/** The child's family and other relationships. */
export function FamilyTable({ relationships }: { relationships: ChildCase['relationships'] }) {
  return (
    <PageSection id="family-heading" heading="Family and relationships">
      {relationships.length === 0 ? (
        <p className="govuk-body">No family members or other relationships are recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Family and relationships</caption>
          <TableHead columns={['Name', 'Relationship to the child', 'Parental responsibility', 'Lives with the child']} />
          <tbody className="govuk-table__body">
            {relationships.map((r) => (
              <tr className="govuk-table__row" key={r.relationshipId}>
                <th scope="row" className="govuk-table__header lantern-cell-normal">
                  {r.person.isChild ? (
                    <Link className="govuk-link" to={`/children/${r.person.personId}`}>
                      {fullName(r.person)}
                    </Link>
                  ) : (
                    fullName(r.person)
                  )}
                  {r.person.dateOfBirth ? <span className="lantern-secondary lantern-block">Born {formatDate(r.person.dateOfBirth)}</span> : null}
                </th>
                <td className="govuk-table__cell">
                  {r.typeLabel}
                  {r.endDate ? <span className="lantern-secondary lantern-block">Ended {formatDate(r.endDate)}</span> : null}
                </td>
                <td className="govuk-table__cell">{r.parentalResponsibility ? 'Yes' : 'No'}</td>
                <td className="govuk-table__cell">{r.livesWithChild ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PageSection>
  );
}
