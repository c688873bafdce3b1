import { DECISION_KIND } from '@lantern/core/workforce';
import { type FormEvent, useState } from 'react';
import { type NewDecision, oversightApi } from '../../api/oversight.ts';
import { DetailsForm } from '../../components/DetailsForm.tsx';
import { DateInput, Select, Textarea } from '../../components/fields.tsx';
import { dateParts, todayInEngland } from '../../format.ts';
import { type Problems, readDate, useSend } from '../../components/forms.ts';

const ANCHORS = { kind: 'kind', decidedOn: 'decidedOn-day', reasons: 'reasons', evidenceSeen: 'evidenceSeen' };

/** A manager records a decision on the child's record: what, when, why, and on what evidence. */
/** onRecorded is given the decision's label, for the page to confirm above the decisions it lists. */
export function RecordDecisionForm({ childId, onRecorded }: { childId: string; onRecorded: (label: string) => void }) {
  const [kind, setKind] = useState('');
  const [decidedOn, setDecidedOn] = useState(dateParts(todayInEngland()));
  const [reasons, setReasons] = useState('');
  const [evidenceSeen, setEvidenceSeen] = useState('');
  const { errors, busy, send } = useSend(ANCHORS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    if (!kind) problems.push(['kind', 'Select the kind of decision']);
    const on = readDate(problems, 'decidedOn', decidedOn, { what: 'the date of the decision', label: 'The date of the decision' });
    if (!reasons.trim()) problems.push(['reasons', 'Enter the reasons for the decision']);
    if (!evidenceSeen.trim()) problems.push(['evidenceSeen', 'Enter the evidence you saw']);
    await send(
      problems,
      () =>
        oversightApi.recordDecision(childId, {
          kind: kind as NewDecision['kind'],
          decidedOn: on as string,
          reasons: reasons.trim(),
          evidenceSeen: evidenceSeen.trim(),
        }),
      () => {
        setKind('');
        setReasons('');
        setEvidenceSeen('');
        setDecidedOn(dateParts(todayInEngland()));
        onRecorded(DECISION_KIND[kind as keyof typeof DECISION_KIND] ?? kind);
      },
    );
  };

  return (
    <div className="lantern-subsection">
      <DetailsForm opens="Record a management decision" errors={errors} busy={busy} submit="Record decision" onSubmit={submit}>
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
      </DetailsForm>
    </div>
  );
}
