import { DISABILITY, ETHNICITY, SEX, UPN_UNKNOWN } from '@lantern/core/codes';
import type { ChildRecord } from '../../api/types.ts';
import { formatAge, formatDate, formatNhsNumber, labelOf } from '../../format.ts';
import { SummaryRow as Row } from '../../components/SummaryRow.tsx';

const notRecorded = <span className="lantern-secondary">Not recorded</span>;

/** Who the child is: identifiers, date of birth, sex, ethnicity, disabilities. */
export function ChildIdentity({ child }: { child: ChildRecord }) {
  const age = child.dateOfBirth ? formatAge(child.dateOfBirth, child.dateOfDeath ?? undefined) : '';
  return (
    <dl className="govuk-summary-list" id="identity">
      <Row label="LA child id">{child.laChildId}</Row>
      {child.otherNames ? <Row label="Other names">{child.otherNames}</Row> : null}
      {child.expectedDateOfBirth && !child.dateOfBirth ? (
        <Row label="Expected date of birth">Due {formatDate(child.expectedDateOfBirth)}</Row>
      ) : (
        <Row label="Date of birth">
          {child.dateOfBirth ? (
            <>
              {formatDate(child.dateOfBirth)}
              {age ? (
                <span className="lantern-secondary">
                  {' '}
                  (age {age}
                  {child.dateOfDeath ? ' at death' : ''})
                </span>
              ) : null}
            </>
          ) : (
            notRecorded
          )}
        </Row>
      )}
      <Row label="Sex">{labelOf(SEX, child.sex)}</Row>
      <Row label="Ethnicity">{child.ethnicity ? labelOf(ETHNICITY, child.ethnicity) : notRecorded}</Row>
      <Row label="UPN">
        {child.upn ? (
          <span className="lantern-identifier">{child.upn}</span>
        ) : child.upnUnknown ? (
          <>Not known: {labelOf(UPN_UNKNOWN, child.upnUnknown)}</>
        ) : (
          notRecorded
        )}
        {child.formerUpn ? <span className="lantern-secondary"> (former UPN {child.formerUpn})</span> : null}
      </Row>
      <Row label="NHS number">{child.nhsNumber ? <span className="lantern-identifier">{formatNhsNumber(child.nhsNumber)}</span> : notRecorded}</Row>
      <Row label="Disabilities">{child.disabilities.length ? child.disabilities.map((d) => labelOf(DISABILITY, d)).join(', ') : notRecorded}</Row>
      <Row label="Unaccompanied asylum-seeking child">{child.uasc ? 'Yes' : 'No'}</Row>
      {child.dateOfDeath ? <Row label="Date of death">{formatDate(child.dateOfDeath)}</Row> : null}
    </dl>
  );
}
