import { Link } from 'react-router';
import type { PossibleMatch } from '../../api/types.ts';
import { Button } from '../../components/fields.tsx';
import { formatDate, fullName } from '../../format.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** People already recorded who may be the child being added. */
export function PossibleMatches({
  name,
  matches,
  busy,
  onBack,
  onConfirm,
}: {
  name: string;
  matches: PossibleMatch[];
  busy: boolean;
  onBack: () => void;
  onConfirm: () => void;
}) {
  return (
    <>
      <button type="button" className="govuk-back-link lantern-link-button" onClick={onBack}>
        Back
      </button>
      <span className="govuk-caption-l">Step 2 of 2: Add a child</span>
      <h1 className="govuk-heading-l">People already recorded who may be this child</h1>
      <p className="govuk-body">
        Before you add {name}, check whether they are already recorded. Open a record to check it is a different child: a second record for the same child
        splits their history and can put them at risk.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Possible matches for {name}</caption>
        <TableHead columns={['Name', 'Date of birth', 'LA child id', 'Why they may match', { label: 'Record', hidden: true }]} />
        <tbody className="govuk-table__body">
          {matches.map((m) => (
            <tr className="govuk-table__row" key={m.personId}>
              <th scope="row" className="govuk-table__header lantern-cell-normal">
                {fullName(m)}
                {m.isChild ? null : <span className="lantern-secondary"> (an adult)</span>}
              </th>
              <td className="govuk-table__cell lantern-nowrap">{m.dateOfBirth ? formatDate(m.dateOfBirth) : 'Not recorded'}</td>
              <td className="govuk-table__cell">{m.laChildId ?? ''}</td>
              <td className="govuk-table__cell">
                {m.reasons.join('; ')}
                {m.strength === 'strong' ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--orange">Strong match</strong>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">
                {m.isChild ? (
                  <Link className="govuk-link" to={`/children/${m.personId}`}>
                    Open record<span className="govuk-visually-hidden"> of {fullName(m)}</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Is this a different child?</h2>
      <p className="govuk-body">If none of these is {name}, add them as a new child.</p>
      <div className="govuk-button-group">
        <Button type="button" busy={busy} onClick={onConfirm}>
          This is a different child — add them
        </Button>
        <button type="button" className="govuk-link lantern-link-button govuk-body" onClick={onBack}>
          Change the details
        </button>
      </div>
    </>
  );
}
