import { CSWW_ABSENCE } from '@lantern/core/csww';
import { absenceApi } from '../../api/workforce.ts';
import { DetailsSpecForm } from '../../components/DetailsForm.tsx';
import type { Problems } from '../../components/forms.ts';
import { Loading } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { type FieldSpec, optionsOf } from '../../components/form-model.ts';

/** The manager's form for an absence, as data: the elements keep names of their own on the supervision page. */
const ABSENCE: FieldSpec[] = [
  {
    name: 'startDate',
    id: 'absenceStart',
    label: 'First day',
    kind: 'date',
    required: true,
    what: 'the first day of the absence',
    dateLabel: 'The first day of the absence',
    ahead: 'The first day cannot be in the future',
  },
  {
    name: 'endDate',
    id: 'absenceEnd',
    label: 'Last day (leave blank while it continues)',
    kind: 'date',
    future: true,
    dateLabel: 'The last day of the absence',
  },
  {
    name: 'reason',
    id: 'absenceReason',
    label: 'Reason',
    kind: 'select',
    options: optionsOf(CSWW_ABSENCE),
    placeholder: 'Choose a reason',
    required: true,
    missing: 'Select the reason for the absence',
  },
];

const lastDayAfterFirst = (answers: Record<string, unknown>, problems: Problems) => {
  const { startDate, endDate } = answers as { startDate?: string; endDate?: string | null };
  if (startDate && endDate && endDate < startDate) problems.push(['endDate', 'The last day must be on or after the first']);
};

/** A worker's absences (the census counts sickness days and who was away on 30 September), and a form for their manager. */
export function AbsenceSection({ workerId }: { workerId: string }) {
  const view = useLoad(() => absenceApi.list(workerId), workerId);

  if (view.problem) return null;
  if (!view.data) return <Loading />;
  const { absences, leaving } = view.data;
  return (
    <section aria-labelledby="absences-heading" className="lantern-section" data-testid="absences">
      <h2 className="govuk-heading-m" id="absences-heading">
        Absences
      </h2>
      {leaving ? (
        <p className="govuk-body" data-testid="leaving">
          Left {formatDate(leaving.leaveDate)}: {leaving.reasonLabel ?? 'reason not recorded'}; went to{' '}
          {leaving.destinationLabel?.toLowerCase() ?? 'not recorded'}.
        </p>
      ) : null}
      {absences.length === 0 ? (
        <p className="govuk-body">No absences recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Absences, latest first</caption>
          <TableHead columns={['From', 'To', 'Reason', { label: 'Working days', numeric: true }]} />
          <tbody className="govuk-table__body">
            {absences.map((a) => (
              <tr className="govuk-table__row" key={a.absenceId}>
                <td className="govuk-table__cell lantern-nowrap">{formatDate(a.startDate)}</td>
                <td className="govuk-table__cell lantern-nowrap">{a.endDate ? formatDate(a.endDate) : 'Still absent'}</td>
                <td className="govuk-table__cell">{a.reasonLabel}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{a.workingDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DetailsSpecForm
        opens="Record an absence"
        fields={ABSENCE}
        emptyAsNull
        check={lastDayAfterFirst}
        submit="Record absence"
        send={(body) => absenceApi.record(workerId, body as Parameters<typeof absenceApi.record>[1])}
        onDone={() => view.reload()}
        clear={ABSENCE.map((f) => f.name)}
        banner="Absence recorded"
      />
    </section>
  );
}
