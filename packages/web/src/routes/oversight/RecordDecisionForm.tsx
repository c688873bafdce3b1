import { DECISION_KIND } from '@lantern/core/workforce';
import { type NewDecision, oversightApi } from '../../api/oversight.ts';
import { DetailsSpecForm } from '../../components/DetailsForm.tsx';
import { type FieldSpec, optionsOf } from '../../components/form-model.ts';
import { todayInEngland } from '../../format.ts';

const FIELDS: FieldSpec[] = [
  {
    name: 'kind',
    label: 'Decision',
    kind: 'select',
    options: optionsOf(DECISION_KIND),
    placeholder: 'Choose the decision',
    required: true,
    missing: 'Select the kind of decision',
  },
  {
    name: 'decidedOn',
    label: 'Date of the decision',
    kind: 'date',
    hint: 'For example, 27 3 2026',
    required: true,
    what: 'the date of the decision',
    dateLabel: 'The date of the decision',
  },
  { name: 'reasons', label: 'Reasons', kind: 'textarea', rows: 4, required: true, missing: 'Enter the reasons for the decision' },
  {
    name: 'evidenceSeen',
    label: 'Evidence seen',
    kind: 'textarea',
    hint: 'The reports, visits and conversations the decision rests on',
    rows: 3,
    required: true,
    missing: 'Enter the evidence you saw',
  },
];

/** A manager records a decision on the child's record: what, when, why, and on what evidence. */
/** onRecorded is given the decision's label, for the page to confirm above the decisions it lists. */
export function RecordDecisionForm({ childId, onRecorded }: { childId: string; onRecorded: (label: string) => void }) {
  return (
    <div className="lantern-subsection">
      <DetailsSpecForm
        opens="Record a management decision"
        fields={FIELDS}
        initial={{ decidedOn: todayInEngland() }}
        submit="Record decision"
        send={(body) => oversightApi.recordDecision(childId, body as NewDecision)}
        onDone={(body) => onRecorded(DECISION_KIND[body.kind as keyof typeof DECISION_KIND] ?? String(body.kind))}
        clear={FIELDS.map((f) => f.name)}
      />
    </div>
  );
}
