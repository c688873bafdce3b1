import { AUDIT_GRADE } from '@lantern/core/workforce';
import { type AuditGrades, caseAuditApi } from '../../api/oversight.ts';
import { useLoad } from '../../hooks.ts';

const GRADES = Object.keys(AUDIT_GRADE) as (keyof typeof AUDIT_GRADE)[];

/** Case audit results by team over the last 12 months: the final grade of each audit, moderated where it was. */
export function AuditResults() {
  const results = useLoad(() => caseAuditApi.results(), 'audit-results');
  if (!results.data) return null;
  const totals = results.data.teams.map((t) => {
    const sum: AuditGrades = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0, moderated: 0 };
    for (const m of t.months) for (const k of [...GRADES, 'moderated'] as const) sum[k] += m[k];
    return { team: t.team, key: t.teamId ?? 'none', sum };
  });
  return (
    <section aria-labelledby="audit-results-heading" className="lantern-section" data-testid="audit-results">
      <h2 className="govuk-heading-m" id="audit-results-heading">
        Case audit results, last 12 months
      </h2>
      {totals.length === 0 ? (
        <p className="govuk-body">No case audits in the last 12 months.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Final grades of case audits by team</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Team
              </th>
              {GRADES.map((g) => (
                <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={g}>
                  {AUDIT_GRADE[g]}
                </th>
              ))}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Moderated
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {totals.map((t) => (
              <tr className="govuk-table__row" key={t.key}>
                <th scope="row" className="govuk-table__header">
                  {t.team}
                </th>
                {GRADES.map((g) => (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={g}>
                    {t.sum[g]}
                  </td>
                ))}
                <td className="govuk-table__cell govuk-table__cell--numeric">{t.sum.moderated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
