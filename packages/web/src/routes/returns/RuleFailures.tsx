/** What a return's rules found, one expandable group a rule, each failure linked to the child's record. */
import { Link } from 'react-router';
import type { CinCensusRun } from '../../api/client.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { Details } from '../../components/Details.tsx';

export function RuleFailures({ rules }: { rules: CinCensusRun['rules'] }) {
  return (
    <>
      {rules.length === 0 ? (
        <p className="govuk-body">No rule found anything to correct or explain.</p>
      ) : (
        rules.map((rule) => (
          <Details
            key={rule.code}
            summary={
              <>
                <strong className={`govuk-tag ${rule.severity === 'error' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}>
                  {rule.severity === 'error' ? 'Error' : 'Query'}
                </strong>{' '}
                {rule.code}: {rule.message} ({rule.count.toLocaleString('en-GB')})
              </>
            }
          >
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Failures of rule {rule.code}</caption>
              <TableHead columns={['Child', 'Where', 'Fields']} />
              <tbody className="govuk-table__body">
                {rule.failures.map((f) => (
                  <tr className="govuk-table__row" key={`${f.laChildId}|${f.row}|${f.line}|${f.fields.join()}`}>
                    <td className="govuk-table__cell">
                      {f.childId ? (
                        <Link className="govuk-link" to={`/children/${f.childId}`}>
                          {f.laChildId}
                        </Link>
                      ) : (
                        (f.laChildId ?? 'The whole return')
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {f.module}
                      {f.row ? ` (${f.row})` : ''}
                      {f.line ? `, line ${f.line}` : ''}
                    </td>
                    <td className="govuk-table__cell">{f.fields.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rule.count > rule.failures.length && (
              <p className="govuk-body-s">
                The first {rule.failures.length.toLocaleString('en-GB')} of {rule.count.toLocaleString('en-GB')} are shown.
              </p>
            )}
          </Details>
        ))
      )}
    </>
  );
}
