import type { ChildCase } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';

type Address = ChildCase['addresses'][number];

function lines(a: Address) {
  return [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ');
}

/** Where the child lives now and has lived before. */
export function Addresses({ addresses }: { addresses: Address[] }) {
  const current = addresses.filter((a) => a.endDate === null);
  const previous = addresses.filter((a) => a.endDate !== null);
  return (
    <PageSection id="addresses-heading" heading="Addresses">
      <h3 className="govuk-heading-s">Current address</h3>
      {current.length === 0 ? (
        <p className="govuk-body">No current address is recorded.</p>
      ) : (
        current.map((a) => (
          <p className="govuk-body" key={a.addressId}>
            {a.line1}
            <br />
            {a.line2 ? (
              <>
                {a.line2}
                <br />
              </>
            ) : null}
            {a.town}
            <br />
            {a.postcode}
            <br />
            <span className="lantern-secondary">Since {formatDate(a.startDate)}</span>
          </p>
        ))
      )}
      {previous.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Previous addresses</caption>
          <TableHead columns={['Address', 'From', 'To']} />
          <tbody className="govuk-table__body">
            {previous.map((a) => (
              <tr className="govuk-table__row" key={a.addressId}>
                <td className="govuk-table__cell">{lines(a)}</td>
                <td className="govuk-table__cell">{formatDate(a.startDate)}</td>
                <td className="govuk-table__cell">{formatDate(a.endDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </PageSection>
  );
}
