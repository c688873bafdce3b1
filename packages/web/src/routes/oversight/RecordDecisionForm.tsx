import { DECISION_KIND } from '@lantern/core/workforce';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../api/client.ts';
import { oversightApi } from '../../api/oversight.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Select, Textarea } from '../../components/fields.tsx';
import { dateFromParts, dateParts, todayInEngland } from '../../format.ts';

const ANCHORS = { kind: 'kind', decidedOn: 'decidedOn-day', reasons: 'reasons', evidenceSeen: 'evidenceSeen' };

/** A manager records a decision on the child's record: what, when, why, and on what evidence. */
/** onRecorded is given the decision's label, for the page to confirm above the decisions it lists. */
export function RecordDecisionForm({ childId, onRecorded }: { childId: string; onRecorded: (label: string) => void }) {
  const [kind, setKind] = useState('');
  const [decidedOn, setDecidedOn] = useState(dateParts(todayInEngland()));
  const [reasons, setReasons] = useState('');
  const [evidenceSeen, setEvidenceSeen] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Array<[string, string]> = [];
    if (!kind) problems.push(['kind', 'Select the kind of decision']);
    const date = dateFromParts(decidedOn, 'The date of the decision');
    if ('error' in date) problems.push(['decidedOn', date.error]);
    else if (!date.iso) problems.push(['decidedOn', 'Enter the date of the decision']);
    else if (date.iso > todayInEngland()) problems.push(['decidedOn', 'The date of the decision cannot be in the future']);
    if (!reasons.trim()) problems.push(['reasons', 'Enter the reasons for the decision']);
    if (!evidenceSeen.trim()) problems.push(['evidenceSeen', 'Enter the evidence you saw']);
    if (problems.length || !('iso' in date) || !date.iso) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await oversightApi.recordDecision(childId, { kind, decidedOn: date.iso, reasons: reasons.trim(), evidenceSeen: evidenceSeen.trim() });
      setErrors(NO_ERRORS);
      setKind('');
      setReasons('');
      setEvidenceSeen('');
      setDecidedOn(dateParts(todayInEngland()));
      onRecorded(DECISION_KIND[kind as keyof typeof DECISION_KIND] ?? kind);
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lantern-subsection">
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Record a management decision</span>
        </summary>
        <div className="govuk-details__text">
          <form onSubmit={submit} noValidate aria-label="Record a management decision">
            <ErrorSummary items={errors.summary} />
            <Select
              name="kind"
              label="Decision"
              value={kind}
              onChange={setKind}
              placeholder="Choose the decision"
              options={Object.entries(DECISION_KIND).map(([value, label]) => ({ value, label }))}
              error={errors.fields.kind}
            />
            <DateInput
              name="decidedOn"
              label="Date of the decision"
              hint="For example, 27 3 2026"
              value={decidedOn}
              onChange={setDecidedOn}
              error={errors.fields.decidedOn}
            />
            <Textarea name="reasons" label="Reasons" value={reasons} onChange={setReasons} error={errors.fields.reasons} rows={4} />
            <Textarea
              name="evidenceSeen"
              label="Evidence seen"
              hint="The reports, visits and conversations the decision rests on"
              value={evidenceSeen}
              onChange={setEvidenceSeen}
              error={errors.fields.evidenceSeen}
              rows={3}
            />
            <Button busy={busy}>Record decision</Button>
          </form>
        </div>
      </details>
    </div>
  );
}
