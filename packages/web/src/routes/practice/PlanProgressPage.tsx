/** A core group or review records progress against each action (done, partly, not done) and adds new ones. */
import { PLAN_KIND, PROGRESS_MEETING, planProgress } from '@lantern/core/practice';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type ActionOwners, type PlanView, practiceApi } from '../../api/practice.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, Checkboxes, DateInput, Select } from '../../components/fields.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { type DateParts, dateParts, formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems, readDate } from '../../components/forms.ts';
import { anchorsFor, Back, plansPath, useSending } from './common.tsx';
import { ACTION_FIELDS, OWNER_FIELD, PROGRESS_FIELDS, readValues, type Values, valuesFor } from './forms.ts';
import { FormFields } from '../../components/FormFields.tsx';

export function PlanProgressPage() {
  const { childId = '', planDocumentId = '' } = useParams();
  const plan = useLoad(() => practiceApi.plan(childId, planDocumentId), `${childId}/${planDocumentId}`);
  const owners = useLoad(() => practiceApi.owners(), 'owners');
  const problem = plan.problem ?? owners.problem;
  if (problem || !plan.data || !owners.data) return <NotReady problem={problem} what="plan" />;
  return <ProgressForm plan={plan.data} owners={owners.data} />;
}

function ProgressForm({ plan, owners }: { plan: PlanView; owners: ActionOwners }) {
  const navigate = useNavigate();
  const open = plan.actions.filter((a) => !a.completedOn && !a.withdrawnOn);
  const meetingKind =
    plan.kind === 'protection' ? 'core-group' : plan.kind === 'child-in-need' ? 'cin-plan-review' : plan.kind === 'early-help' ? 'early-help-review' : 'review';
  const [meetingId, setMeetingId] = useState(plan.meetings[0]?.id ?? '');
  // Care and pathway plans are reviewed at looked-after reviews, which are not linked here: the date is asked.
  const [reviewedOn, setReviewedOn] = useState<DateParts>(dateParts(todayInEngland()));
  const byDate = meetingKind === 'review';
  const [progress, setProgress] = useState<Values[]>(() => open.map(() => valuesFor(PROGRESS_FIELDS)));
  const [addedItems, setAdded] = useState<{ key: string; values: Values }[]>([]);
  const added = addedItems.map((x) => x.values);
  const [detailed, setDetailed] = useState<string[]>(plan.stage === 'outline' ? ['yes'] : []);
  const { errors, busy, send } = useSending();
  usePageTitle(`Progress on the ${PLAN_KIND[plan.kind].toLowerCase()}`, errors.summary.length > 0);
  const actionFields = ACTION_FIELDS(
    plan.outcomes.map((o) => ({ value: o.outcomeId, label: o.text })),
    {
      workers: owners.workers.map((w) => ({ value: w.workerId, label: w.name })),
      contacts: owners.contacts.map((c) => ({ value: c.contactId, label: c.name })),
    },
  );
  const anchors = {
    ...anchorsFor([
      ...open.map((_, i) => [PROGRESS_FIELDS, `progress.${i}.`] as [typeof PROGRESS_FIELDS, string]),
      ...added.map((_, i) => [actionFields, `newActions.${i}.`] as [typeof actionFields, string]),
    ]),
    meetingId: 'meetingId',
    heldOn: byDate ? 'heldOn-day' : 'meetingId',
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const meeting = plan.meetings.find((m) => m.id === meetingId);
    const heldOn = byDate
      ? readDate(problems, 'heldOn', reviewedOn, { what: 'the date of the review', label: 'Date of the review' })
      : (meeting?.heldOn ?? null);
    if (!byDate && !meeting) problems.push(['meetingId', `Choose the ${PROGRESS_MEETING[meetingKind].toLowerCase()}`]);
    const body = {
      version: plan.version,
      meetingKind,
      meetingId: byDate ? null : (meeting?.id ?? null),
      heldOn: heldOn ?? '',
      progress: open.map((a, i) => ({ actionId: a.actionId, ...readValues(PROGRESS_FIELDS, progress[i] ?? {}, problems, { prefix: `progress.${i}.` }) })),
      newActions: added.map((v, i) => {
        const read = readValues(actionFields, v, problems, { prefix: `newActions.${i}.` });
        for (const f of ['ownerWorkerId', 'ownerContactId', 'ownerName']) if (f !== OWNER_FIELD[read.ownerKind as string]) delete read[f];
        return read;
      }),
      ...(plan.kind === 'protection' && plan.stage === 'outline' ? { makeDetailed: detailed.includes('yes') } : {}),
    };
    if (!problems.length) checkWith(planProgress, body, problems, {});
    await send(
      problems,
      anchors,
      () => practiceApi.progress(plan.childId, plan.planDocumentId, body as never),
      () => navigate(`${plansPath(plan.childId)}/${plan.planDocumentId}`, { state: { notice: 'Progress recorded' } }),
    );
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Back to={`${plansPath(plan.childId)}/${plan.planDocumentId}`}>Back to the plan</Back>
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">{plan.childName}</span>
        <h1 className="govuk-heading-l">Record progress on the plan</h1>
        {plan.meetings.length === 0 && !byDate ? (
          <p className="govuk-body">Record the {PROGRESS_MEETING[meetingKind].toLowerCase()} first, then come back to record progress at it.</p>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            {byDate ? (
              <DateInput name="heldOn" label="Date of the review" value={reviewedOn} onChange={setReviewedOn} error={errors.fields.heldOn} />
            ) : (
              <Select
                name="meetingId"
                label={`Which ${PROGRESS_MEETING[meetingKind].toLowerCase()}`}
                options={plan.meetings.map((m) => ({ value: m.id, label: formatDate(m.heldOn) }))}
                value={meetingId}
                onChange={setMeetingId}
                error={errors.fields.meetingId}
              />
            )}
            {open.map((a, i) => (
              <fieldset className="govuk-fieldset lantern-record" key={a.actionId} data-testid="progress-action">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {a.what} ({a.owner}, by {formatDate(a.dueOn)})
                </legend>
                <FormFields
                  fields={PROGRESS_FIELDS}
                  values={progress[i] ?? {}}
                  prefix={`progress.${i}.`}
                  errors={errors.fields}
                  onChange={(n, v) => setProgress((all) => all.map((x, j) => (j === i ? { ...x, [n]: v } : x)))}
                />
              </fieldset>
            ))}
            {addedItems.map(({ key, values: v }, i) => (
              <fieldset className="govuk-fieldset lantern-record" key={key}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">New action {i + 1}</legend>
                <FormFields
                  fields={actionFields}
                  values={v}
                  prefix={`newActions.${i}.`}
                  errors={errors.fields}
                  onChange={(n, val) => setAdded((all) => all.map((x) => (x.key === key ? { ...x, values: { ...x.values, [n]: val } } : x)))}
                  hidden={['ownerWorkerId', 'ownerContactId', 'ownerName'].filter((f) => f !== OWNER_FIELD[v.ownerKind as string])}
                />
              </fieldset>
            ))}
            <Button type="button" secondary onClick={() => setAdded((all) => [...all, { key: crypto.randomUUID(), values: valuesFor(actionFields) }])}>
              Add a new action
            </Button>
            {plan.kind === 'protection' && plan.stage === 'outline' ? (
              <Checkboxes
                name="makeDetailed"
                label="The core group made the outline plan detailed"
                options={[{ value: 'yes', label: 'Yes, this is now the detailed plan' }]}
                values={detailed}
                onChange={setDetailed}
              />
            ) : null}
            <Button busy={busy}>Save the progress</Button>
          </form>
        )}
      </div>
    </div>
  );
}
