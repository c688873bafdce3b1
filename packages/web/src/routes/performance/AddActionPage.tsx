import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { improvementApi, performanceApi } from '../../api/performance.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { type Problems, useSend } from '../../components/forms.ts';
import { NotReady, ProblemPage } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { PlanForm } from './PlanForm.tsx';

/** The action's fields, with the people who may own it and the indicators grouped by area. */
function actionFields(owners: Array<{ userId: string; name: string }>, indicators: FieldSpec['groups']): FieldSpec[] {
  return [
    { name: 'title', label: 'What will be done', labelClass: 'govuk-label--s', kind: 'textarea', rows: 3, required: true, missing: 'Enter what will be done' },
    {
      name: 'ownerUserId',
      label: 'Owner',
      labelClass: 'govuk-label--s',
      hint: 'The person answerable for it',
      kind: 'select',
      placeholder: 'Select a person',
      options: owners.map((o) => ({ value: o.userId, label: o.name })),
      required: true,
      missing: 'Select who owns the action',
    },
    {
      name: 'dueDate',
      label: 'Due by',
      hint: 'For example, 31 3 2027',
      kind: 'date',
      required: true,
      future: true,
      what: 'the date it is due by',
      dateLabel: 'The due date',
    },
    {
      name: 'indicatorId',
      label: 'Indicator that will show it worked (optional)',
      labelClass: 'govuk-label--s',
      kind: 'select',
      placeholder: 'None',
      groups: indicators,
    },
    {
      name: 'target',
      label: 'Target for the indicator',
      labelClass: 'govuk-label--s',
      hint: 'In the indicator’s own unit, for example 85 for 85%',
      kind: 'text',
      input: { inputMode: 'text' },
      width: 'govuk-input--width-5',
    },
  ];
}

const ANCHORS = anchorsFor([[actionFields([], []), '']]);

/** Add an action to an inspection's recommendation: what will be done, by whom, by when, and how it will be measured. */
export function AddActionPage() {
  const { recommendationId = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const manages = can('improvement:manage');
  const plan = useLoad(() => (manages ? improvementApi.plan() : Promise.resolve(null)), 'plan');
  const owners = useLoad(() => (manages ? improvementApi.owners() : Promise.resolve(null)), 'owners');
  const definitions = useLoad(() => performanceApi.definitions(), 'definitions');
  const { values, set } = useFormValues(actionFields([], []));
  const { errors, busy, send } = useSend(ANCHORS);

  if (!manages)
    return <ProblemPage problem={{ title: 'You cannot do this', status: 403, detail: 'Only the director or head of service adds actions to the plan.' }} />;
  const problem = plan.problem ?? owners.problem;
  if (problem || !plan.data || !owners.data) return <NotReady problem={problem} />;
  const recommendation = plan.data.inspections.flatMap((i) => i.recommendations).find((r) => r.recommendationId === recommendationId);
  if (!recommendation) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="recommendation" />;

  const areas = definitions.data?.areas ?? {};
  const groups = Object.entries(areas)
    .map(([area, label]) => ({
      label,
      options: (definitions.data?.indicators ?? []).filter((d) => d.area === area).map((d) => ({ value: d.id, label: d.title })),
    }))
    .filter((g) => g.options.length);
  const fields = actionFields(owners.data.owners, groups);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = readValues(fields, values, problems);
    // A measure is an indicator with a target: both, or neither.
    const indicatorId = (read.indicatorId as string | undefined) ?? null;
    const targetValue = read.target === undefined ? null : Number(read.target);
    if (targetValue !== null && !Number.isFinite(targetValue)) problems.push(['target', 'The target must be a number, like 85 or 12.5']);
    else if (indicatorId && targetValue === null) problems.push(['target', 'Enter the target for the indicator']);
    else if (!indicatorId && targetValue !== null) problems.push(['indicatorId', 'Select the indicator the target is for']);
    await send(
      problems,
      () =>
        improvementApi.addAction(recommendationId, {
          title: read.title as string,
          ownerUserId: read.ownerUserId as string,
          dueDate: read.dueDate as string,
          indicatorId,
          target: targetValue,
        }),
      () => navigate('/improvement', { state: { notice: 'Action added' } }),
    );
  };

  return (
    <PlanForm
      title="Add an action"
      pageTitle="Add an action"
      caption={`Recommendation ${recommendation.number}`}
      intro={<p className="govuk-inset-text">{recommendation.text}</p>}
      errors={errors}
      busy={busy}
      submit="Add the action"
      onSubmit={submit}
    >
      <FormFields fields={fields} values={values} errors={errors.fields} onChange={set} />
    </PlanForm>
  );
}
