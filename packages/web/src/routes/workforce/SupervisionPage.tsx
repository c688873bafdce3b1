import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { workforceApi } from '../../api/workforce.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues, valuesFor } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { type Problems, useSend } from '../../components/forms.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { AbsenceSection } from './AbsenceSection.tsx';
import { InductionSection } from './InductionSection.tsx';
import { PageSection } from '../../components/PageSection.tsx';

type Held = { childId: string; name: string; laChildId: string };

/** The supervision form as data: the children discussed are those the worker holds, each with the direction given. */
function supervisionFields(worker: string, held: Held[], chosen: string[]): FieldSpec[] {
  const fields: FieldSpec[] = [
    {
      name: 'heldOn',
      label: 'Date of the supervision',
      hint: 'For example, 27 3 2026',
      kind: 'date',
      required: true,
      what: 'the date of the supervision',
      dateLabel: 'The date',
      ahead: 'The date cannot be in the future',
    },
    { name: 'notes', label: 'Notes (optional)', hint: 'Wellbeing, workload, learning', kind: 'textarea', rows: 3 },
    held.length
      ? {
          name: 'children',
          label: 'Children discussed',
          hint: 'Select each child you discussed, then give the direction',
          kind: 'checkboxes',
          small: false,
          columns: false,
          options: held.map((c) => ({ value: c.childId, label: `${c.name} (${c.laChildId})` })),
        }
      : { name: 'noCases', label: `${worker} holds no cases.`, kind: 'custom' },
  ];
  for (const id of chosen) {
    const c = held.find((h) => h.childId === id);
    fields.push({
      name: `direction-${id}`,
      label: `Direction for ${c?.name}`,
      kind: 'textarea',
      rows: 3,
      required: true,
      missing: `Enter the direction given for ${c?.name}`,
    });
  }
  return fields;
}

/** A practitioner's supervision: when the next is due, every supervision with its directions, and (for their manager) a form. */
export function SupervisionPage() {
  const { workerId = '' } = useParams();
  const { can } = useSession();
  const history = useLoad(() => workforceApi.supervisions(workerId), workerId);
  const cases = useLoad(() => workforceApi.workerCases(workerId), workerId);
  const name = history.data?.worker.name ?? 'Worker';
  usePageTitle(`Supervision: ${name}`);

  const form = useFormValues([], { heldOn: todayInEngland() });
  const [saved, setSaved] = useState(false);
  const held = (cases.data?.cases ?? []).filter((c) => c.role === 'social-worker' || c.role === 'personal-adviser' || c.role === 'family-support');
  const chosen = (form.values.children as string[] | undefined) ?? [];
  const fields = supervisionFields(name, held, chosen);
  // Answers start empty for fields that come later (the children once loaded, a direction once a child is chosen).
  const values = { ...valuesFor(fields, { heldOn: todayInEngland() }), ...form.values };
  const { errors, busy, send } = useSend(anchorsFor([[fields, '']]));

  if (history.problem || !history.data) return <NotReady problem={history.problem} what="worker" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems: Problems = [];
    const read = readValues(fields, values, problems, { emptyAsNull: true });
    await send(
      problems,
      () =>
        workforceApi.recordSupervision({
          workerId,
          heldOn: read.heldOn as string,
          notes: read.notes as string | null,
          children: chosen.map((childId) => ({ childId, direction: read[`direction-${childId}`] as string })),
        }),
      () => {
        form.keepOnly(['heldOn']);
        setSaved(true);
        history.reload();
      },
    );
  };

  const next = history.data.nextDue;
  return (
    <>
      {saved ? <SuccessBanner>Supervision recorded</SuccessBanner> : null}
      <Link className="govuk-back-link" to="/teams">
        Teams
      </Link>
      <span className="govuk-caption-l">Supervision</span>
      <h1 className="govuk-heading-l">{name}</h1>
      {next ? (
        <p className="govuk-body" data-testid="next-supervision">
          Next supervision due {formatDate(next.dueDate)}
          {next.state === 'overdue' ? <strong className="govuk-tag govuk-tag--red lantern-heading-tag">Overdue</strong> : null}
          {history.data.worker.asyeStart ? ' (assessed and supported year in employment)' : ''}
        </p>
      ) : null}

      {can('supervision:record') ? (
        <PageSection id="record-heading" heading="Record a supervision">
          <form onSubmit={submit} noValidate aria-labelledby="record-heading">
            <ErrorSummary items={errors.summary} />
            <FormFields
              fields={fields}
              values={values}
              errors={errors.fields}
              onChange={form.set}
              custom={{ noCases: <p className="govuk-body">{name} holds no cases.</p> }}
            />
            <Button busy={busy}>Record supervision</Button>
          </form>
        </PageSection>
      ) : null}

      <InductionSection workerId={workerId} />
      {can('absence:record') ? <AbsenceSection workerId={workerId} /> : null}

      <PageSection id="history-heading" heading="Supervisions">
        {history.data.supervisions.length === 0 ? <p className="govuk-body">No supervision recorded.</p> : null}
        {history.data.supervisions.map((s) => (
          <div key={s.supervisionId} className="lantern-subsection" data-testid="supervision">
            <h3 className="govuk-heading-s">
              {formatDate(s.heldOn)}, with {s.supervisor}
            </h3>
            {s.notes ? <p className="govuk-body">{s.notes}</p> : null}
            {s.children.length ? (
              <dl className="govuk-summary-list">
                {s.children.map((c) => (
                  <div className="govuk-summary-list__row" key={c.childId}>
                    <dt className="govuk-summary-list__key">
                      <Link className="govuk-link" to={`/children/${c.childId}`}>
                        {c.name}
                      </Link>
                    </dt>
                    <dd className="govuk-summary-list__value">{c.direction}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </div>
        ))}
      </PageSection>
    </>
  );
}
