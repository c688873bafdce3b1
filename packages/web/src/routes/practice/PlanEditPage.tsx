/** Write or change a plan: what must change (outcomes), the actions (what, who, by when), the contingency. */
import { PLAN_KIND, type PlanKind, planSave } from '@lantern/core/practice';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type ActionOwners, type PlanView, practiceApi } from '../../api/practice.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems } from '../../components/forms.ts';
import { anchorsFor, Back, plansPath, useSending } from './common.tsx';
import { ACTION_FIELDS, OUTCOME_FIELDS, OWNER_FIELD, PLAN_FIELDS, readValues, type Values, valuesFor } from './forms.ts';
import { FormFields } from '../../components/FormFields.tsx';

const newId = () => crypto.randomUUID().slice(0, 8);

export function PlanEditPage() {
  const { childId = '', planDocumentId } = useParams();
  const [params] = useSearchParams();
  const owners = useLoad(() => practiceApi.owners(), 'owners');
  const existing = useLoad(() => (planDocumentId ? practiceApi.plan(childId, planDocumentId) : Promise.resolve(null)), `${childId}/${planDocumentId ?? 'new'}`);
  const problem = owners.problem ?? existing.problem;
  if (problem || !owners.data || existing.data === undefined) return <NotReady problem={problem} what="plan" />;
  const kind = (existing.data?.kind ?? params.get('kind') ?? 'child-in-need') as PlanKind;
  const planRef = existing.data?.planRef ?? params.get('planRef') ?? '';
  return <PlanForm childId={childId} kind={kind} planRef={planRef} plan={existing.data} owners={owners.data} />;
}

type Item = { key: string; values: Values };

function PlanForm({ childId, kind, planRef, plan, owners }: { childId: string; kind: PlanKind; planRef: string; plan: PlanView | null; owners: ActionOwners }) {
  const navigate = useNavigate();
  const planFields = PLAN_FIELDS(kind);
  const [main, setMain] = useState<Values>(() => valuesFor(planFields, plan ?? { stage: kind === 'protection' ? 'outline' : null }));
  const [outcomes, setOutcomes] = useState<Item[]>(() =>
    (plan?.outcomes.length ? plan.outcomes : [{ outcomeId: newId(), text: '', measure: '' }]).map((o) => ({
      key: o.outcomeId,
      values: valuesFor(OUTCOME_FIELDS, o),
    })),
  );
  const [actions, setActions] = useState<Item[]>(() =>
    (plan?.actions.filter((a) => !a.withdrawnOn && !a.completedOn) ?? [{ actionId: '' }]).map((a) => ({
      key: a.actionId || newId(),
      values: valuesFor(ACTION_FIELDS([], { workers: [], contacts: [] }), a as Record<string, unknown>),
    })),
  );
  const { errors, busy, send } = useSending();
  const title = `${plan ? 'Change' : 'Write'} the ${PLAN_KIND[kind].toLowerCase()}`;
  usePageTitle(title, errors.summary.length > 0);

  const outcomeOptions = outcomes.map((o, i) => ({ value: o.key, label: (o.values.text as string).trim() || `Change ${i + 1}` }));
  const ownerOptions = {
    workers: owners.workers.map((w) => ({ value: w.workerId, label: w.name })),
    contacts: owners.contacts.map((c) => ({ value: c.contactId, label: c.name })),
  };
  const actionFields = ACTION_FIELDS(outcomeOptions, ownerOptions);
  const anchors = anchorsFor([
    [planFields, ''],
    ...outcomes.map((_, i) => [OUTCOME_FIELDS, `outcomes.${i}.`] as [typeof OUTCOME_FIELDS, string]),
    ...actions.map((_, i) => [actionFields, `actions.${i}.`] as [typeof actionFields, string]),
  ]);
  anchors.outcomes = 'outcomes.0.text';
  anchors.actions = 'actions.0.what';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = {
      ...readValues(planFields, main, problems),
      kind,
      planRef,
      ...(plan ? { version: plan.version } : {}),
      outcomes: outcomes.map((o, i) => ({ outcomeId: o.key, ...readValues(OUTCOME_FIELDS, o.values, problems, { prefix: `outcomes.${i}.` }) })),
      actions: actions.map((a, i) => {
        const read = readValues(actionFields, a.values, problems, { prefix: `actions.${i}.` });
        const ownerField = OWNER_FIELD[read.ownerKind as string];
        for (const f of ['ownerWorkerId', 'ownerContactId', 'ownerName']) if (f !== ownerField) delete read[f];
        return { ...(plan?.actions.some((x) => x.actionId === a.key) ? { actionId: a.key } : {}), ...read };
      }),
    };
    if (!problems.length) checkWith(planSave, body, problems, {});
    await send(
      problems,
      anchors,
      () => (plan ? practiceApi.changePlan(childId, plan.planDocumentId, body as never) : practiceApi.writePlan(childId, body as never)),
      () => navigate(plansPath(childId), { state: { notice: `${PLAN_KIND[kind]} saved` } }),
    );
  };

  const setIn = (list: 'outcomes' | 'actions', key: string) => (name: string, value: Values[string]) =>
    (list === 'outcomes' ? setOutcomes : setActions)((all) => all.map((x) => (x.key === key ? { ...x, values: { ...x.values, [name]: value } } : x)));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Back to={plan ? `${plansPath(childId)}/${plan.planDocumentId}` : plansPath(childId)}>Back</Back>
        <ErrorSummary items={errors.summary} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={onSubmit} noValidate>
          <h2 className="govuk-heading-m">What must change for the child</h2>
          {outcomes.map((o, i) => (
            <fieldset className="govuk-fieldset lantern-record" key={o.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Change {i + 1}</legend>
              <FormFields fields={OUTCOME_FIELDS} values={o.values} prefix={`outcomes.${i}.`} errors={errors.fields} onChange={setIn('outcomes', o.key)} />
              {outcomes.length > 1 ? (
                <Button type="button" secondary onClick={() => setOutcomes((all) => all.filter((x) => x.key !== o.key))}>
                  Remove change {i + 1}
                </Button>
              ) : null}
            </fieldset>
          ))}
          <Button type="button" secondary onClick={() => setOutcomes((all) => [...all, { key: newId(), values: valuesFor(OUTCOME_FIELDS) }])}>
            Add another change
          </Button>

          <h2 className="govuk-heading-m">What will be done, by whom and by when</h2>
          {actions.map((a, i) => (
            <fieldset className="govuk-fieldset lantern-record" key={a.key} data-testid="plan-action-fields">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {i + 1}</legend>
              <FormFields
                fields={actionFields}
                values={a.values}
                prefix={`actions.${i}.`}
                errors={errors.fields}
                onChange={setIn('actions', a.key)}
                hidden={['ownerWorkerId', 'ownerContactId', 'ownerName'].filter((f) => f !== OWNER_FIELD[a.values.ownerKind as string])}
              />
              {actions.length > 1 ? (
                <Button type="button" secondary onClick={() => setActions((all) => all.filter((x) => x.key !== a.key))}>
                  Take action {i + 1} off the plan
                </Button>
              ) : null}
            </fieldset>
          ))}
          <Button type="button" secondary onClick={() => setActions((all) => [...all, { key: newId(), values: valuesFor(actionFields) }])}>
            Add another action
          </Button>

          <h2 className="govuk-heading-m">The plan</h2>
          <FormFields fields={planFields} values={main} errors={errors.fields} onChange={(n, v) => setMain((x) => ({ ...x, [n]: v }))} />
          <Button busy={busy}>Save the plan</Button>
        </form>
      </div>
    </div>
  );
}
