/**
 * Practice items for a person's own lists: assessments a manager returned to the worker (on
 * their work list), and a partner's own actions on children's plans (in the partner's view).
 */
import { Link } from 'react-router';
import { practiceApi } from '../../api/practice.ts';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';

export function ReturnedAssessments() {
  const loaded = useLoad(() => practiceApi.returned(), 'returned');
  const returned = loaded.data?.returned ?? [];
  if (!returned.length) return null;
  return (
    <section className="lantern-section" aria-labelledby="returned-heading" data-testid="returned-assessments">
      <h2 className="govuk-heading-m" id="returned-heading">
        Returned by your manager
      </h2>
      <ul className="govuk-list">
        {returned.map((r) => (
          <li key={r.assessmentId} className="lantern-record">
            <Link className="govuk-link" to={`/children/${r.childId}/assessments/${r.assessmentId}`}>
              {r.childName}: assessment returned {formatDate(r.returnedOn)}
            </Link>
            <span className="lantern-block govuk-body-s">
              {r.returnedBy ? `${r.returnedBy}: ` : ''}
              {r.reasons}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PartnerPlanActions() {
  const loaded = useLoad(() => practiceApi.partnerActions(), 'partner-actions');
  const actions = loaded.data?.actions ?? [];
  return (
    <section className="lantern-section" aria-labelledby="plan-actions-heading">
      <h2 className="govuk-heading-m" id="plan-actions-heading">
        What you agreed to do on children’s plans
      </h2>
      {actions.length === 0 ? (
        <p className="govuk-body">There are no actions for your organisation on children’s plans.</p>
      ) : (
        <table className="govuk-table" data-testid="partner-plan-actions">
          <TableHead columns={['Child', 'What', 'By when']} />
          <tbody className="govuk-table__body">
            {actions.map((a) => (
              <tr className="govuk-table__row" key={a.actionId}>
                <td className="govuk-table__cell">
                  {a.childName}
                  <span className="lantern-block govuk-body-s">Born {formatDate(a.dateOfBirth)}</span>
                </td>
                <td className="govuk-table__cell">
                  {a.what}
                  <span className="lantern-block govuk-body-s">
                    {a.plan}; for {a.contact}
                  </span>
                </td>
                <td className="govuk-table__cell">
                  {formatDate(a.dueOn)}
                  {a.late ? <strong className="govuk-tag govuk-tag--red lantern-block">Late</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
