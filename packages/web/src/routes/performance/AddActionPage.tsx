import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { problemOf } from '../../api/client.ts';
import { improvementApi, performanceApi } from '../../api/performance.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FieldAnchors, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Select, Textarea, TextInput } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateFromParts, EMPTY_DATE } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

const ANCHORS: FieldAnchors = { title: 'title', ownerUserId: 'ownerUserId', dueDate: 'dueDate-day', indicatorId: 'indicatorId', target: 'target' };

/** Add an action to an inspection's recommendation: what will be done, by whom, by when, and how it will be measured. */
export function AddActionPage() {
  const { recommendationId = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const manages = can('improvement:manage');
  const plan = useLoad(() => (manages ? improvementApi.plan() : Promise.resolve(null)), 'plan');
  const owners = useLoad(() => (manages ? improvementApi.owners() : Promise.resolve(null)), 'owners');
  const definitions = useLoad(() => performanceApi.definitions(), 'definitions');
  const [title, setTitle] = useState('');
  const [ownerUserId, setOwnerUserId] = useState('');
  const [dueDate, setDueDate] = useState<DateParts>(EMPTY_DATE);
  const [indicatorId, setIndicatorId] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  usePageTitle('Add an action', hasErrors(errors));

  if (!manages)
    return <ProblemPage problem={{ title: 'You cannot do this', status: 403, detail: 'Only the director or head of service adds actions to the plan.' }} />;
  const problem = plan.problem ?? owners.problem;
  if (problem) return <ProblemPage problem={problem} />;
  if (!plan.data || !owners.data) return <Loading />;
  const recommendation = plan.data.inspections.flatMap((i) => i.recommendations).find((r) => r.recommendationId === recommendationId);
  if (!recommendation) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="recommendation" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: [string, string][] = [];
    if (!title.trim()) problems.push(['title', 'Enter what will be done']);
    if (!ownerUserId) problems.push(['ownerUserId', 'Select who owns the action']);
    const due = dateFromParts(dueDate, 'The due date');
    if ('error' in due) problems.push(['dueDate', due.error]);
    else if (!due.iso) problems.push(['dueDate', 'Enter the date it is due by']);
    // A measure is an indicator with a target: both, or neither.
    const targetValue = target.trim() === '' ? null : Number(target.trim());
    if (targetValue !== null && !Number.isFinite(targetValue)) problems.push(['target', 'The target must be a number, like 85 or 12.5']);
    else if (indicatorId && targetValue === null) problems.push(['target', 'Enter the target for the indicator']);
    else if (!indicatorId && targetValue !== null) problems.push(['indicatorId', 'Select the indicator the target is for']);
    if (problems.length) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await improvementApi.addAction(recommendationId, {
        title: title.trim(),
        ownerUserId,
        dueDate: (due as { iso: string }).iso,
        indicatorId: indicatorId || null,
        target: targetValue,
      });
      navigate('/improvement', { state: { notice: 'Action added' } });
    } catch (error) {
      setBusy(false);
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
    }
  };

  const areas = definitions.data?.areas ?? {};
  const groups = Object.entries(areas)
    .map(([area, label]) => ({
      label,
      options: (definitions.data?.indicators ?? []).filter((d) => d.area === area).map((d) => ({ value: d.id, label: d.title })),
    }))
    .filter((g) => g.options.length);
  return (
    <>
      <Link className="govuk-back-link" to="/improvement">
        Improvement plan
      </Link>
      {hasErrors(errors) ? <ErrorSummary items={errors.summary} /> : null}
      <span className="govuk-caption-l">Recommendation {recommendation.number}</span>
      <h1 className="govuk-heading-l">Add an action</h1>
      <p className="govuk-inset-text">{recommendation.text}</p>
      <form onSubmit={submit} noValidate>
        <Textarea name="title" label="What will be done" labelClass="govuk-label--s" value={title} onChange={setTitle} error={errors.fields.title} rows={3} />
        <Select
          name="ownerUserId"
          label="Owner"
          labelClass="govuk-label--s"
          hint="The person answerable for it"
          placeholder="Select a person"
          value={ownerUserId}
          onChange={setOwnerUserId}
          options={owners.data.owners.map((o) => ({ value: o.userId, label: o.name }))}
          error={errors.fields.ownerUserId}
        />
        <DateInput name="dueDate" label="Due by" hint="For example, 31 3 2027" value={dueDate} onChange={setDueDate} error={errors.fields.dueDate} />
        <Select
          name="indicatorId"
          label="Indicator that will show it worked (optional)"
          labelClass="govuk-label--s"
          placeholder="None"
          value={indicatorId}
          onChange={setIndicatorId}
          groups={groups}
          error={errors.fields.indicatorId}
        />
        <TextInput
          name="target"
          label="Target for the indicator"
          labelClass="govuk-label--s"
          hint="In the indicator’s own unit, for example 85 for 85%"
          inputMode="text"
          widthClass="govuk-input--width-5"
          value={target}
          onChange={setTarget}
          error={errors.fields.target}
        />
        <Button busy={busy}>Add the action</Button>
      </form>
    </>
  );
}
