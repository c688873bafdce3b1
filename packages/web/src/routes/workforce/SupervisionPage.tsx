import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { problemOf } from '../../api/client.ts';
import { workforceApi } from '../../api/workforce.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, Checkboxes, DateInput, Textarea } from '../../components/fields.tsx';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { dateFromParts, dateParts, formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { AbsenceSection } from './AbsenceSection.tsx';
import { InductionSection } from './InductionSection.tsx';
import { PageSection } from '../../components/PageSection.tsx';

const ANCHORS = { heldOn: 'heldOn-day', notes: 'notes', children: 'children' };

/** A practitioner's supervision: when the next is due, every supervision with its directions, and (for their manager) a form. */
export function SupervisionPage() {
  const { workerId = '' } = useParams();
  const { can } = useSession();
  const history = useLoad(() => workforceApi.supervisions(workerId), workerId);
  const cases = useLoad(() => workforceApi.workerCases(workerId), workerId);
  const name = history.data?.worker.name ?? 'Worker';
  usePageTitle(`Supervision: ${name}`);

  const [heldOn, setHeldOn] = useState(dateParts(todayInEngland()));
  const [notes, setNotes] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [directions, setDirections] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  if (history.problem || !history.data) return <NotReady problem={history.problem} what="worker" />;
  const held = (cases.data?.cases ?? []).filter((c) => c.role === 'social-worker' || c.role === 'personal-adviser' || c.role === 'family-support');
  const anchors: Record<string, string> = { ...ANCHORS };
  for (const c of held) anchors[`direction-${c.childId}`] = `direction-${c.childId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems: Array<[string, string]> = [];
    const date = dateFromParts(heldOn, 'The date');
    if ('error' in date) problems.push(['heldOn', date.error]);
    else if (!date.iso) problems.push(['heldOn', 'Enter the date of the supervision']);
    else if (date.iso > todayInEngland()) problems.push(['heldOn', 'The date cannot be in the future']);
    for (const id of chosen)
      if (!directions[id]?.trim()) problems.push([`direction-${id}`, `Enter the direction given for ${held.find((c) => c.childId === id)?.name}`]);
    if (problems.length || !('iso' in date) || !date.iso) return setErrors(errorsFrom(problems, anchors));
    setBusy(true);
    try {
      await workforceApi.recordSupervision({
        workerId,
        heldOn: date.iso,
        notes: notes.trim() || null,
        children: chosen.map((childId) => ({ childId, direction: (directions[childId] ?? '').trim() })),
      });
      setErrors(NO_ERRORS);
      setChosen([]);
      setDirections({});
      setNotes('');
      setSaved(true);
      history.reload();
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), anchors));
    } finally {
      setBusy(false);
    }
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
            <DateInput
              name="heldOn"
              label="Date of the supervision"
              hint="For example, 27 3 2026"
              value={heldOn}
              onChange={setHeldOn}
              error={errors.fields.heldOn}
            />
            <Textarea name="notes" label="Notes (optional)" hint="Wellbeing, workload, learning" value={notes} onChange={setNotes} rows={3} />
            {held.length ? (
              <Checkboxes
                name="children"
                label="Children discussed"
                hint="Select each child you discussed, then give the direction"
                values={chosen}
                onChange={setChosen}
                options={held.map((c) => ({ value: c.childId, label: `${c.name} (${c.laChildId})` }))}
                error={errors.fields.children}
              />
            ) : (
              <p className="govuk-body">{name} holds no cases.</p>
            )}
            {chosen.map((id) => {
              const c = held.find((h) => h.childId === id);
              return (
                <Textarea
                  key={id}
                  name={`direction-${id}`}
                  label={`Direction for ${c?.name}`}
                  value={directions[id] ?? ''}
                  onChange={(v) => setDirections((d) => ({ ...d, [id]: v }))}
                  rows={3}
                  error={errors.fields[`direction-${id}`]}
                />
              );
            })}
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
