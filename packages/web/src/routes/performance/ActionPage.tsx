import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, problemOf } from '../../api/client.ts';
import { type ActionStatus, improvementApi } from '../../api/performance.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Radios, Textarea } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { dateFromParts, dateParts, formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { Measure, STATUS } from './ImprovementPage.tsx';

const ANCHORS = { status: 'status', evidence: 'evidence', completedOn: 'completedOn-day', version: 'status' };

/** The owner (or the director) updates an action: its status and the evidence that it is done. */
export function ActionPage() {
  const { actionId = '' } = useParams();
  const navigate = useNavigate();
  const plan = useLoad(() => improvementApi.plan(), 'plan');
  const action = plan.data?.inspections.flatMap((i) => i.recommendations.flatMap((r) => r.actions)).find((a) => a.actionId === actionId);
  const [status, setStatus] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState(dateParts(todayInEngland()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  usePageTitle('Update an action', hasErrors(errors));
  if (plan.problem) return <ProblemPage problem={plan.problem} />;
  if (!plan.data) return <Loading />;
  if (!action) return <ProblemPage problem={{ title: 'Not found', status: 404, detail: 'No such action in the plan' }} />;
  const shownStatus = status ?? action.status;
  const shownEvidence = evidence ?? action.evidence ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: [string, string][] = [];
    let done: string | null = null;
    if (shownStatus === 'done') {
      if (!shownEvidence.trim()) problems.push(['evidence', 'Say what shows the action is done']);
      const d = dateFromParts(completedOn, 'The date it was done');
      if ('error' in d) problems.push(['completedOn', d.error]);
      else done = d.iso;
    }
    if (problems.length) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await improvementApi.updateAction(action.actionId, {
        version: action.version,
        status: shownStatus as ActionStatus,
        evidence: shownEvidence.trim() || null,
        ...(done ? { completedOn: done } : {}),
      });
      navigate('/improvement', { state: { notice: 'Action updated' } });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) plan.reload();
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
    }
  };

  return (
    <>
      <Link className="govuk-back-link" to="/improvement">
        Improvement plan
      </Link>
      {hasErrors(errors) ? <ErrorSummary items={errors.summary} /> : null}
      <span className="govuk-caption-l">
        Recommendation {action.recommendationNumber}; owner {action.ownerName}; due {formatDate(action.dueDate)}
      </span>
      <h1 className="govuk-heading-l">{action.title}</h1>
      <p className="govuk-body">
        <Measure a={action} />
      </p>
      <form onSubmit={submit} noValidate>
        <Radios
          name="status"
          label="Status"
          legendClass="govuk-fieldset__legend--m"
          value={shownStatus}
          onChange={setStatus}
          options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
          error={errors.fields.status}
        />
        <Textarea
          name="evidence"
          label="Evidence"
          hint="What shows the action was done and what it changed: a report, an audit, minutes, a figure."
          value={shownEvidence}
          onChange={setEvidence}
          error={errors.fields.evidence}
        />
        {shownStatus === 'done' ? (
          <DateInput
            name="completedOn"
            label="Date it was done"
            hint="For example, 27 3 2026"
            value={completedOn}
            onChange={setCompletedOn}
            error={errors.fields.completedOn}
          />
        ) : null}
        <Button busy={busy}>Save</Button>
      </form>
    </>
  );
}
