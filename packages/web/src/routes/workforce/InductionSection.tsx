import { type FormEvent, useState } from 'react';
import { problemOf } from '../../api/client.ts';
import { inductionApi } from '../../api/oversight.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, TextInput } from '../../components/fields.tsx';
import { Loading } from '../../components/Notices.tsx';
import { dateFromParts, dateParts, EMPTY_DATE, formatDate, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const START_ANCHORS = { asyeStart: 'asyeStart-day', protectedCaseload: 'protectedCaseload' };
const SIGN_OFF_ANCHORS = { completedOn: 'completedOn-day' };

/** A new starter's induction: the checklist their manager signs off, their ASYE and protected caseload. */
export function InductionSection({ workerId }: { workerId: string }) {
  const { can } = useSession();
  const view = useLoad(() => inductionApi.get(workerId), workerId);
  const mayManage = can('induction:manage');
  const [asyeStart, setAsyeStart] = useState(EMPTY_DATE);
  const [protectedCaseload, setProtectedCaseload] = useState('');
  const [completedOn, setCompletedOn] = useState(dateParts(todayInEngland()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Array<[string, string]> = [];
    const asye = dateFromParts(asyeStart, 'The ASYE start date');
    if ('error' in asye) problems.push(['asyeStart', asye.error]);
    const caseload = protectedCaseload.trim();
    if (caseload && !/^\d{1,2}$/.test(caseload))
      problems.push(['protectedCaseload', 'Enter the protected caseload as a whole number of children, from 0 to 40']);
    else if (caseload && Number(caseload) > 40) problems.push(['protectedCaseload', 'The protected caseload must be 40 children or fewer']);
    if (problems.length || 'error' in asye) return setErrors(errorsFrom(problems, START_ANCHORS));
    setBusy(true);
    try {
      await inductionApi.start(workerId, { asyeStart: asye.iso, protectedCaseload: caseload ? Number(caseload) : null });
      setErrors(NO_ERRORS);
      view.reload();
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), START_ANCHORS));
      if (problemOf(error).status === 409) view.reload();
    } finally {
      setBusy(false);
    }
  };

  const signOff = async (itemId: string, label: string) => {
    const date = dateFromParts(completedOn, 'The date signed off');
    const problems: Array<[string, string]> = [];
    if ('error' in date) problems.push(['completedOn', date.error]);
    else if (!date.iso) problems.push(['completedOn', 'Enter the date the item was done']);
    else if (date.iso > todayInEngland()) problems.push(['completedOn', 'The date signed off cannot be in the future']);
    if (problems.length || !('iso' in date) || !date.iso) return setErrors(errorsFrom(problems, SIGN_OFF_ANCHORS));
    setBusy(true);
    try {
      await inductionApi.signOff(workerId, itemId, date.iso);
      setErrors(NO_ERRORS);
      view.reload();
    } catch (error) {
      const problem = problemOf(error);
      if (problem.status === 409) {
        setErrors({ summary: [{ text: `${label}: ${problem.detail ?? 'already signed off'}. The checklist has been reloaded.` }], fields: {} });
        view.reload();
      } else setErrors(errorsFromProblem(problem, SIGN_OFF_ANCHORS));
    } finally {
      setBusy(false);
    }
  };

  const data = view.data;
  return (
    <section aria-labelledby="induction-heading" className="lantern-section" data-testid="induction">
      <h2 className="govuk-heading-m" id="induction-heading">
        Induction
        {data?.complete ? <strong className="govuk-tag govuk-tag--green lantern-heading-tag">Complete</strong> : null}
      </h2>
      {view.problem ? <p className="govuk-body">The induction could not be loaded: {view.problem.detail ?? view.problem.title}</p> : null}
      {!data && !view.problem ? <Loading /> : null}
      {data ? (
        <>
          <ErrorSummary items={errors.summary} />
          <dl className="govuk-summary-list">
            <SummaryRow label="Started">{formatDate(data.startDate)}</SummaryRow>
            <SummaryRow label="Assessed and supported year in employment (ASYE)" testId="asye">
              {data.asyeStart ? `Started ${formatDate(data.asyeStart)}` : 'Not in the ASYE'}
            </SummaryRow>
            <SummaryRow label="Protected caseload" testId="protected-caseload">
              {data.protectedCaseload === null ? 'None set' : `${data.protectedCaseload} children at most`}
            </SummaryRow>
            {data.deadline ? (
              <SummaryRow label="Induction due">
                {formatDate(data.deadline.dueDate)}
                {data.deadline.state === 'overdue' ? <strong className="govuk-tag govuk-tag--red lantern-heading-tag">Overdue</strong> : null}
              </SummaryRow>
            ) : null}
          </dl>

          {data.items.length === 0 ? (
            mayManage ? (
              <form onSubmit={start} noValidate aria-label="Start the induction">
                <p className="govuk-body">Induction not started. Starting it gives {data.name} the council’s checklist.</p>
                <DateInput
                  name="asyeStart"
                  label="ASYE start date (if newly qualified)"
                  hint="For example, 5 1 2026. Leave blank if not in the ASYE"
                  value={asyeStart}
                  onChange={setAsyeStart}
                  error={errors.fields.asyeStart}
                />
                <TextInput
                  name="protectedCaseload"
                  label="Protected caseload (optional)"
                  hint="The most children this worker should hold during the ASYE"
                  value={protectedCaseload}
                  onChange={setProtectedCaseload}
                  inputMode="numeric"
                  widthClass="govuk-input--width-3"
                  error={errors.fields.protectedCaseload}
                />
                <Button busy={busy}>Start induction</Button>
              </form>
            ) : (
              <p className="govuk-body">Induction not started.</p>
            )
          ) : (
            <>
              {mayManage && !data.complete ? (
                <DateInput
                  name="completedOn"
                  label="Date signed off"
                  hint="Used for the item you sign off"
                  value={completedOn}
                  onChange={setCompletedOn}
                  error={errors.fields.completedOn}
                />
              ) : null}
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Induction checklist</caption>
                <TableHead columns={['Item', 'Signed off']} />
                <tbody className="govuk-table__body">
                  {data.items.map((item) => (
                    <tr className="govuk-table__row" key={item.itemId} data-item={item.itemId}>
                      <td className="govuk-table__cell">{item.label}</td>
                      <td className="govuk-table__cell">
                        {item.completedOn ? (
                          formatDate(item.completedOn)
                        ) : mayManage ? (
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            disabled={busy}
                            onClick={() => signOff(item.itemId, item.label)}
                          >
                            Sign off<span className="govuk-visually-hidden"> {item.label}</span>
                          </button>
                        ) : (
                          'Not yet'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
