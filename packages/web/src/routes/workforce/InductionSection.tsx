import type { FormEvent } from 'react';
import { ApiError, problemOf } from '../../api/client.ts';
import { inductionApi } from '../../api/oversight.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { type Problems, useSend } from '../../components/forms.ts';
import { Loading } from '../../components/Notices.tsx';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { formatDate, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

/** Starting the induction: the ASYE, if newly qualified, and the protected caseload. */
const START: FieldSpec[] = [
  {
    name: 'asyeStart',
    label: 'ASYE start date (if newly qualified)',
    hint: 'For example, 5 1 2026. Leave blank if not in the ASYE',
    kind: 'date',
    future: true,
    dateLabel: 'The ASYE start date',
  },
  {
    name: 'protectedCaseload',
    label: 'Protected caseload (optional)',
    hint: 'The most children this worker should hold during the ASYE',
    kind: 'text',
    input: { inputMode: 'numeric' },
    width: 'govuk-input--width-3',
  },
];

/** The date an item is signed off, for whichever item's button is pressed. */
const SIGN_OFF: FieldSpec[] = [
  {
    name: 'completedOn',
    label: 'Date signed off',
    hint: 'Used for the item you sign off',
    kind: 'date',
    required: true,
    what: 'the date the item was done',
    dateLabel: 'The date signed off',
    ahead: 'The date signed off cannot be in the future',
  },
];

const ANCHORS = anchorsFor([
  [START, ''],
  [SIGN_OFF, ''],
]);

/** A new starter's induction: the checklist their manager signs off, their ASYE and protected caseload. */
export function InductionSection({ workerId }: { workerId: string }) {
  const { can } = useSession();
  const view = useLoad(() => inductionApi.get(workerId), workerId);
  const mayManage = can('induction:manage');
  const { values, set: onChange } = useFormValues([...START, ...SIGN_OFF], { completedOn: todayInEngland() });
  const { errors, busy, send } = useSend(ANCHORS);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = readValues(START, values, problems);
    const caseload = (read.protectedCaseload as string | undefined) ?? '';
    if (caseload && !/^\d{1,2}$/.test(caseload))
      problems.push(['protectedCaseload', 'Enter the protected caseload as a whole number of children, from 0 to 40']);
    else if (caseload && Number(caseload) > 40) problems.push(['protectedCaseload', 'The protected caseload must be 40 children or fewer']);
    await send(
      problems,
      async () => {
        try {
          await inductionApi.start(workerId, {
            asyeStart: (read.asyeStart as string | undefined) ?? null,
            protectedCaseload: caseload ? Number(caseload) : null,
          });
        } catch (error) {
          if (problemOf(error).status === 409) view.reload();
          throw error;
        }
      },
      view.reload,
    );
  };

  const signOff = async (itemId: string, label: string) => {
    const problems: Problems = [];
    const read = readValues(SIGN_OFF, values, problems);
    await send(
      problems,
      async () => {
        try {
          await inductionApi.signOff(workerId, itemId, read.completedOn as string);
        } catch (error) {
          const problem = problemOf(error);
          if (problem.status !== 409) throw error;
          view.reload();
          throw new ApiError({ ...problem, detail: `${label}: ${problem.detail ?? 'already signed off'}. The checklist has been reloaded.` });
        }
      },
      view.reload,
    );
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
                <FormFields fields={START} values={values} errors={errors.fields} onChange={onChange} />
                <Button busy={busy}>Start induction</Button>
              </form>
            ) : (
              <p className="govuk-body">Induction not started.</p>
            )
          ) : (
            <>
              {mayManage && !data.complete ? <FormFields fields={SIGN_OFF} values={values} errors={errors.fields} onChange={onChange} /> : null}
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
