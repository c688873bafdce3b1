import { CSWW_ABSENCE } from '@lantern/core/csww';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../api/client.ts';
import { absenceApi } from '../../api/workforce.ts';
import { DetailsForm } from '../../components/DetailsForm.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { DateInput, Select } from '../../components/fields.tsx';
import { Loading, SuccessBanner } from '../../components/Notices.tsx';
import { dateFromParts, EMPTY_DATE, formatDate, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { optionsOf } from '../../components/form-model.ts';

const ANCHORS = { startDate: 'absenceStart-day', endDate: 'absenceEnd-day', reason: 'absenceReason' };
const REASONS = optionsOf(CSWW_ABSENCE);

/** A worker's absences (the census counts sickness days and who was away on 30 September), and a form for their manager. */
export function AbsenceSection({ workerId }: { workerId: string }) {
  const view = useLoad(() => absenceApi.list(workerId), workerId);
  const [start, setStart] = useState(EMPTY_DATE);
  const [end, setEnd] = useState(EMPTY_DATE);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems: Array<[string, string]> = [];
    const from = dateFromParts(start, 'The first day of the absence');
    const to = dateFromParts(end, 'The last day of the absence');
    if ('error' in from) problems.push(['startDate', from.error]);
    else if (!from.iso) problems.push(['startDate', 'Enter the first day of the absence']);
    else if (from.iso > todayInEngland()) problems.push(['startDate', 'The first day cannot be in the future']);
    if ('error' in to) problems.push(['endDate', to.error]);
    else if (to.iso && 'iso' in from && from.iso && to.iso < from.iso) problems.push(['endDate', 'The last day must be on or after the first']);
    if (!reason) problems.push(['reason', 'Select the reason for the absence']);
    if (problems.length || 'error' in from || 'error' in to || !from.iso) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await absenceApi.record(workerId, { startDate: from.iso, endDate: to.iso || null, reason });
      setErrors(NO_ERRORS);
      setStart(EMPTY_DATE);
      setEnd(EMPTY_DATE);
      setReason('');
      setSaved(true);
      view.reload();
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
    } finally {
      setBusy(false);
    }
  };

  if (view.problem) return null;
  if (!view.data) return <Loading />;
  const { absences, leaving } = view.data;
  return (
    <section aria-labelledby="absences-heading" className="lantern-section" data-testid="absences">
      {saved ? <SuccessBanner>Absence recorded</SuccessBanner> : null}
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
      <DetailsForm opens="Record an absence" errors={errors} busy={busy} submit="Record absence" onSubmit={submit}>
        <DateInput name="absenceStart" label="First day" value={start} onChange={setStart} error={errors.fields.startDate} />
        <DateInput name="absenceEnd" label="Last day (leave blank while it continues)" value={end} onChange={setEnd} error={errors.fields.endDate} />
        <Select
          name="absenceReason"
          label="Reason"
          placeholder="Choose a reason"
          value={reason}
          onChange={setReason}
          options={REASONS}
          error={errors.fields.reason}
        />
      </DetailsForm>
    </section>
  );
}
