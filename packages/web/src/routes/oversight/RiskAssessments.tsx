import { type NewRiskAssessment, oversightApi, type RiskAssessment } from '../../api/oversight.ts';
import { DetailsSpecForm } from '../../components/DetailsForm.tsx';
import { Loading } from '../../components/Notices.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { formatDate, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import type { FieldSpec } from '../../components/form-model.ts';
import { RecordForm } from './RecordForm.tsx';

const SCALE = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
const SCALE_HINT = '0 means the child will be harmed again; 10 means everyone is confident the child is safe';

/** The child's risk assessments: the worker's view and scales, the manager's beside them, and any over-optimism. */
export function RiskAssessments({ childId }: { childId: string }) {
  const { can } = useSession();
  const list = useLoad(() => oversightApi.riskAssessments(childId), childId);
  return (
    <div className="lantern-subsection" data-testid="risk-assessments">
      <h3 className="govuk-heading-s" id="risk-heading">
        Risk assessments
      </h3>
      {list.problem ? <p className="govuk-body">Risk assessments could not be loaded: {list.problem.detail ?? list.problem.title}</p> : null}
      {!list.data && !list.problem ? <Loading /> : null}
      {list.data?.riskAssessments.length === 0 ? <p className="govuk-body">No risk assessments recorded.</p> : null}
      {list.data?.riskAssessments.map((r) => (
        <RiskAssessmentCard key={r.riskAssessmentId} childId={childId} assessment={r} canReview={can('oversight:record')} onChanged={list.reload} />
      ))}
      {can('casework:record') ? <RiskAssessmentForm childId={childId} onRecorded={list.reload} /> : null}
    </div>
  );
}

function RiskAssessmentCard({
  childId,
  assessment: r,
  canReview,
  onChanged,
}: {
  childId: string;
  assessment: RiskAssessment;
  canReview: boolean;
  onChanged: () => void;
}) {
  return (
    <div className="govuk-summary-card" data-testid="risk-assessment">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">
          Risk assessment, {formatDate(r.assessedOn)}
          {r.overOptimistic ? <strong className="govuk-tag govuk-tag--orange lantern-heading-tag">Over-optimistic</strong> : null}
        </h4>
      </div>
      <div className="govuk-summary-card__content">
        {r.overOptimistic ? (
          <p className="govuk-body govuk-!-font-weight-bold" data-testid="over-optimism">
            The worker scored safety {r.gap} points higher than the manager: check the plan rests on evidence.
          </p>
        ) : null}
        <SummaryList
          rows={[
            ['Recorded by', r.recordedBy ?? 'Not recorded'],
            ['What we are worried about', r.worries],
            ['What is working well', r.strengths],
            ['What needs to happen', r.nextSteps],
            ['Worker’s safety scale', `${r.workerScale} out of 10`],
            ['Family’s safety scale', r.familyScale === null ? 'Not given' : `${r.familyScale} out of 10`],
            ['Manager’s safety scale', r.managerScale === null ? 'Not yet reviewed' : `${r.managerScale} out of 10`],
            r.managerView ? ['Manager’s view', `${r.managerView} (${r.manager ?? 'manager'}, ${r.managerOn ? formatDate(r.managerOn) : ''})`] : null,
          ]}
        />
        {canReview ? <ManagerViewForm childId={childId} assessment={r} onRecorded={onChanged} /> : null}
      </div>
    </div>
  );
}

/** A safety scale that must be given, 0 to 10. */
const safetyScale = (name: string, label: string): FieldSpec => ({
  name,
  label,
  kind: 'select',
  hint: SCALE_HINT,
  options: SCALE,
  placeholder: 'Choose 0 to 10',
  numeric: true,
  required: true,
  missing: 'Select your safety scale, from 0 to 10',
});

const RISK_FIELDS: FieldSpec[] = [
  {
    name: 'assessedOn',
    label: 'Date of the assessment',
    kind: 'date',
    hint: 'For example, 27 3 2026',
    required: true,
    what: 'the date of the assessment',
    dateLabel: 'The date of the assessment',
  },
  { name: 'worries', label: 'What are we worried about?', kind: 'textarea', rows: 4, required: true, missing: 'Enter what you are worried about' },
  { name: 'strengths', label: 'What is working well?', kind: 'textarea', rows: 4, required: true, missing: 'Enter what is working well' },
  { name: 'nextSteps', label: 'What needs to happen?', kind: 'textarea', rows: 4, required: true, missing: 'Enter what needs to happen' },
  safetyScale('workerScale', 'Your safety scale'),
  { name: 'familyScale', label: 'The family’s safety scale (optional)', kind: 'select', options: SCALE, placeholder: 'Not given', numeric: true },
];
function RiskAssessmentForm({ childId, onRecorded }: { childId: string; onRecorded: () => void }) {
  return (
    <DetailsSpecForm
      opens="Record a risk assessment"
      fields={RISK_FIELDS}
      initial={{ assessedOn: todayInEngland() }}
      emptyAsNull
      submit="Record risk assessment"
      send={(body) => oversightApi.recordRiskAssessment(childId, body as NewRiskAssessment)}
      onDone={onRecorded}
      clear={RISK_FIELDS.map((f) => f.name)}
      banner="Risk assessment recorded"
    />
  );
}

const MANAGER_VIEW_FIELDS: FieldSpec[] = [
  safetyScale('managerScale', 'Manager’s safety scale'),
  { name: 'view', label: 'Manager’s view', kind: 'textarea', rows: 3, required: true, missing: 'Enter your view' },
  { name: 'on', label: 'Date of your view', kind: 'date', required: true, what: 'the date of your view', dateLabel: 'The date of your view' },
];

function ManagerViewForm({ childId, assessment, onRecorded }: { childId: string; assessment: RiskAssessment; onRecorded: () => void }) {
  return (
    <RecordForm
      opens={assessment.managerScale === null ? 'Add the manager’s view' : 'Change the manager’s view'}
      label={`Review of the risk assessment of ${formatDate(assessment.assessedOn)}`}
      idPrefix={`mv-${assessment.riskAssessmentId}-`}
      fields={MANAGER_VIEW_FIELDS}
      initial={{ managerScale: assessment.managerScale, view: assessment.managerView }}
      today="on"
      submit="Record manager’s view"
      stale="Someone else changed this risk assessment since you opened it. It has been reloaded: check it and try again."
      send={(body) =>
        oversightApi.recordManagerView(childId, assessment.riskAssessmentId, {
          version: assessment.version,
          ...body,
        } as Parameters<typeof oversightApi.recordManagerView>[2])
      }
      onDone={onRecorded}
    />
  );
}
