import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { type ActionStatus, improvementApi } from '../../api/performance.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues } from '../../components/form-model.ts';
import { type Problems, useSend } from '../../components/forms.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { Measure, STATUS } from './ImprovementPage.tsx';
import { PlanForm } from './PlanForm.tsx';

const FIELDS: FieldSpec[] = [
  {
    name: 'status',
    label: 'Status',
    legendClass: 'govuk-fieldset__legend--m',
    kind: 'radios',
    options: Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label })),
  },
  {
    name: 'evidence',
    label: 'Evidence',
    hint: 'What shows the action was done and what it changed: a report, an audit, minutes, a figure.',
    kind: 'textarea',
  },
  { name: 'completedOn', label: 'Date it was done', hint: 'For example, 27 3 2026', kind: 'date', future: true, dateLabel: 'The date it was done' },
];

const ANCHORS = { ...anchorsFor([[FIELDS, '']]), version: 'status' };

type Action = NonNullable<ReturnType<typeof findAction>>;

function findAction(plan: Awaited<ReturnType<typeof improvementApi.plan>> | null | undefined, actionId: string) {
  return plan?.inspections.flatMap((i) => i.recommendations.flatMap((r) => r.actions)).find((a) => a.actionId === actionId);
}

/** The owner (or the director) updates an action: its status and the evidence that it is done. */
export function ActionPage() {
  const { actionId = '' } = useParams();
  const plan = useLoad(() => improvementApi.plan(), 'plan');
  const action = findAction(plan.data, actionId);
  if (plan.problem) return <ProblemPage problem={plan.problem} />;
  if (!plan.data) return <LoadingAction />;
  if (!action) return <ProblemPage problem={{ title: 'Not found', status: 404, detail: 'No such action in the plan' }} />;
  return <ActionForm action={action} reload={plan.reload} />;
}

function LoadingAction() {
  usePageTitle('Update an action');
  return <Loading />;
}

function ActionForm({ action, reload }: { action: Action; reload: () => void }) {
  const navigate = useNavigate();
  const form = useFormValues(FIELDS, { status: action.status, evidence: action.evidence ?? '', completedOn: todayInEngland() });
  const { errors, busy, send } = useSend(ANCHORS);
  const status = form.values.status as string;
  // The date it was done is asked only of an action marked done.
  const hidden = status === 'done' ? [] : ['completedOn'];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = readValues(
      FIELDS.filter((f) => !hidden.includes(f.name)),
      form.values,
      problems,
    );
    if (status === 'done' && !read.evidence) problems.push(['evidence', 'Say what shows the action is done']);
    await send(
      problems,
      async () => {
        try {
          await improvementApi.updateAction(action.actionId, {
            version: action.version,
            status: status as ActionStatus,
            evidence: (read.evidence as string | undefined) ?? null,
            ...(read.completedOn ? { completedOn: read.completedOn as string } : {}),
          });
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) reload();
          throw error;
        }
      },
      () => navigate('/improvement', { state: { notice: 'Action updated' } }),
    );
  };

  return (
    <PlanForm
      title={action.title}
      pageTitle="Update an action"
      caption={
        <>
          Recommendation {action.recommendationNumber}; owner {action.ownerName}; due {formatDate(action.dueDate)}
        </>
      }
      intro={
        <p className="govuk-body">
          <Measure a={action} />
        </p>
      }
      errors={errors}
      busy={busy}
      submit="Save"
      onSubmit={submit}
    >
      <FormFields fields={FIELDS} values={form.values} errors={errors.fields} hidden={hidden} onChange={form.set} />
    </PlanForm>
  );
}
