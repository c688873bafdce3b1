import { type FormEvent, type ReactNode, useState } from 'react';
import { problemOf } from '../../api/client.ts';
import { oversightApi, type RiskAssessment } from '../../api/oversight.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Select, Textarea } from '../../components/fields.tsx';
import { Loading, SuccessBanner } from '../../components/Notices.tsx';
import { dateParts, formatDate, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { readDate } from '../../components/forms.ts';

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
  const row = (key: string, value: ReactNode) => (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{key}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
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
        <dl className="govuk-summary-list">
          {row('Recorded by', r.recordedBy ?? 'Not recorded')}
          {row('What we are worried about', r.worries)}
          {row('What is working well', r.strengths)}
          {row('What needs to happen', r.nextSteps)}
          {row('Worker’s safety scale', `${r.workerScale} out of 10`)}
          {row('Family’s safety scale', r.familyScale === null ? 'Not given' : `${r.familyScale} out of 10`)}
          {row('Manager’s safety scale', r.managerScale === null ? 'Not yet reviewed' : `${r.managerScale} out of 10`)}
          {r.managerView ? row('Manager’s view', `${r.managerView} (${r.manager ?? 'manager'}, ${r.managerOn ? formatDate(r.managerOn) : ''})`) : null}
        </dl>
        {canReview ? <ManagerViewForm childId={childId} assessment={r} onRecorded={onChanged} /> : null}
      </div>
    </div>
  );
}

const RISK_ANCHORS = {
  assessedOn: 'assessedOn-day',
  worries: 'worries',
  strengths: 'strengths',
  nextSteps: 'nextSteps',
  workerScale: 'workerScale',
  familyScale: 'familyScale',
};

function RiskAssessmentForm({ childId, onRecorded }: { childId: string; onRecorded: () => void }) {
  const [assessedOn, setAssessedOn] = useState(dateParts(todayInEngland()));
  const [worries, setWorries] = useState('');
  const [strengths, setStrengths] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [workerScale, setWorkerScale] = useState('');
  const [familyScale, setFamilyScale] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRecorded(false);
    const problems: Array<[string, string]> = [];
    const iso = readDate(problems, 'assessedOn', assessedOn, { what: 'the date of the assessment', label: 'The date of the assessment' });
    if (!worries.trim()) problems.push(['worries', 'Enter what you are worried about']);
    if (!strengths.trim()) problems.push(['strengths', 'Enter what is working well']);
    if (!nextSteps.trim()) problems.push(['nextSteps', 'Enter what needs to happen']);
    if (!workerScale) problems.push(['workerScale', 'Select your safety scale, from 0 to 10']);
    if (problems.length || !iso) return setErrors(errorsFrom(problems, RISK_ANCHORS));
    setBusy(true);
    try {
      await oversightApi.recordRiskAssessment(childId, {
        assessedOn: iso,
        worries: worries.trim(),
        strengths: strengths.trim(),
        nextSteps: nextSteps.trim(),
        workerScale: Number(workerScale),
        familyScale: familyScale === '' ? null : Number(familyScale),
      });
      setErrors(NO_ERRORS);
      setWorries('');
      setStrengths('');
      setNextSteps('');
      setWorkerScale('');
      setFamilyScale('');
      setAssessedOn(dateParts(todayInEngland()));
      setRecorded(true);
      onRecorded();
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), RISK_ANCHORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {recorded ? <SuccessBanner>Risk assessment recorded</SuccessBanner> : null}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Record a risk assessment</span>
        </summary>
        <div className="govuk-details__text">
          <form onSubmit={submit} noValidate aria-label="Record a risk assessment">
            <ErrorSummary items={errors.summary} />
            <DateInput
              name="assessedOn"
              label="Date of the assessment"
              hint="For example, 27 3 2026"
              value={assessedOn}
              onChange={setAssessedOn}
              error={errors.fields.assessedOn}
            />
            <Textarea name="worries" label="What are we worried about?" value={worries} onChange={setWorries} error={errors.fields.worries} rows={4} />
            <Textarea name="strengths" label="What is working well?" value={strengths} onChange={setStrengths} error={errors.fields.strengths} rows={4} />
            <Textarea name="nextSteps" label="What needs to happen?" value={nextSteps} onChange={setNextSteps} error={errors.fields.nextSteps} rows={4} />
            <Select
              name="workerScale"
              label="Your safety scale"
              hint={SCALE_HINT}
              value={workerScale}
              onChange={setWorkerScale}
              placeholder="Choose 0 to 10"
              options={SCALE}
              error={errors.fields.workerScale}
            />
            <Select
              name="familyScale"
              label="The family’s safety scale (optional)"
              value={familyScale}
              onChange={setFamilyScale}
              placeholder="Not given"
              options={SCALE}
              error={errors.fields.familyScale}
            />
            <Button busy={busy}>Record risk assessment</Button>
          </form>
        </div>
      </details>
    </>
  );
}

function ManagerViewForm({ childId, assessment, onRecorded }: { childId: string; assessment: RiskAssessment; onRecorded: () => void }) {
  const prefix = `mv-${assessment.riskAssessmentId}`;
  const anchors = { managerScale: `${prefix}-managerScale`, view: `${prefix}-view`, on: `${prefix}-on-day` };
  const [on, setOn] = useState(dateParts(todayInEngland()));
  const [managerScale, setManagerScale] = useState(assessment.managerScale === null ? '' : String(assessment.managerScale));
  const [view, setView] = useState(assessment.managerView ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Array<[string, string]> = [];
    const iso = readDate(problems, 'on', on, { what: 'the date of your view', label: 'The date of your view' });
    if (!managerScale) problems.push(['managerScale', 'Select your safety scale, from 0 to 10']);
    if (!view.trim()) problems.push(['view', 'Enter your view']);
    if (problems.length || !iso) return setErrors(errorsFrom(problems, anchors));
    setBusy(true);
    try {
      await oversightApi.recordManagerView(childId, assessment.riskAssessmentId, {
        version: assessment.version,
        managerScale: Number(managerScale),
        view: view.trim(),
        on: iso,
      });
      setErrors(NO_ERRORS);
      onRecorded();
    } catch (error) {
      const problem = problemOf(error);
      if (problem.status === 409) {
        setErrors({
          summary: [{ text: 'Someone else changed this risk assessment since you opened it. It has been reloaded: check it and try again.' }],
          fields: {},
        });
        onRecorded();
      } else setErrors(errorsFromProblem(problem, anchors));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{assessment.managerScale === null ? 'Add the manager’s view' : 'Change the manager’s view'}</span>
      </summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate aria-label={`Review of the risk assessment of ${formatDate(assessment.assessedOn)}`}>
          <ErrorSummary items={errors.summary} />
          <Select
            name={anchors.managerScale}
            label="Manager’s safety scale"
            hint={SCALE_HINT}
            value={managerScale}
            onChange={setManagerScale}
            placeholder="Choose 0 to 10"
            options={SCALE}
            error={errors.fields.managerScale}
          />
          <Textarea name={anchors.view} label="Manager’s view" value={view} onChange={setView} error={errors.fields.view} rows={3} />
          <DateInput name={`${prefix}-on`} label="Date of your view" value={on} onChange={setOn} error={errors.fields.on} />
          <Button busy={busy}>Record manager’s view</Button>
        </form>
      </div>
    </details>
  );
}
