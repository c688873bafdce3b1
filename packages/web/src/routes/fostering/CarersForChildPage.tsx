/** For a child's social worker: the council's own foster carers whose approval fits the child, with a free place today. */
import { PLACEMENT_TERM } from '@lantern/core/fostering';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fosteringApi } from '../../api/fostering.ts';
import { Select } from '../../components/fields.tsx';
import { optionsOf } from '../../components/form-model.ts';
import { NotReady } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';

export function CarersForChildPage() {
  const { childId = '' } = useParams();
  const [kind, setKind] = useState('');
  const loaded = useLoad(() => fosteringApi.carersFor(childId, kind), `${childId}-${kind}`);
  usePageTitle(loaded.data ? `In-house foster carers for ${loaded.data.child.name}` : 'In-house foster carers');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="child" />;
  const m = loaded.data;
  return (
    <>
      <Link className="govuk-back-link" to={`/children/${childId}/looked-after`}>
        Back<span className="govuk-visually-hidden"> to the looked-after record</span>
      </Link>
      <span className="govuk-caption-l">
        {m.child.name}, {m.child.age}
      </span>
      <h1 className="govuk-heading-l">In-house foster carers who could care for this child</h1>
      <Select name="placementType" label="Kind of placement" value={kind} onChange={setKind} options={optionsOf(PLACEMENT_TERM)} placeholder="Any" />
      {m.fits.length === 0 ? (
        <p className="govuk-body" data-testid="no-fit">
          No approved household’s terms fit with a free place today.
        </p>
      ) : (
        <table className="govuk-table" data-testid="fits">
          <caption className="govuk-table__caption govuk-table__caption--m">Terms fit and a place is free</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th className="govuk-table__header">Household</th>
              <th className="govuk-table__header">Approved for</th>
              <th className="govuk-table__header govuk-table__header--numeric">Free places</th>
              <th className="govuk-table__header">Supervising social worker</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {m.fits.map((h) => (
              <tr className="govuk-table__row" key={h.householdId}>
                <td className="govuk-table__cell">
                  {h.name} <span className="govuk-hint govuk-!-display-inline">{h.reference}</span>
                </td>
                <td className="govuk-table__cell">{h.termsText}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{h.free}</td>
                <td className="govuk-table__cell">{h.supervisingWorker ?? 'None named'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Households whose terms do not fit ({m.notFitting.length})</span>
        </summary>
        <ul className="govuk-list govuk-details__text">
          {m.notFitting.map((h) => (
            <li key={h.householdId}>
              {h.name}: {h.reasons.join('; ')}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
