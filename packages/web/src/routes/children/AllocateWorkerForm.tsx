import { ALLOCATION_ROLE } from '@lantern/core/codes';
import { type FormEvent, useMemo, useState } from 'react';
import { api, problemOf } from '../../api/client.ts';
import { type AllocatableWorker, workApi } from '../../api/work.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, type OptionGroup, Select, Textarea } from '../../components/fields.tsx';
import { SuccessBanner } from '../../components/Notices.tsx';
import { dateFromParts, dateParts, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';

const ANCHORS = { workerId: 'workerId', role: 'role', startDate: 'startDate-day', reason: 'reason' };

function byTeam(workers: AllocatableWorker[]): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const w of workers) {
    const team = w.teamName ?? 'No team';
    if (!groups.has(team)) groups.set(team, { label: team, options: [] });
    groups.get(team)?.options.push({ value: w.workerId, label: `${w.name} – ${w.jobRole}, ${w.caseload} ${w.caseload === 1 ? 'child' : 'children'}` });
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Allocate a worker to the child; the server ends the current allocation of the same kind. */
export function AllocateWorkerForm({ childId, childName, onAllocated }: { childId: string; childName: string; onAllocated: () => void }) {
  const [workerId, setWorkerId] = useState('');
  const [role, setRole] = useState('social-worker');
  // Only the people this user may allocate in this role: nothing offered is then refused.
  const workers = useLoad(() => workApi.allocatable(childId, role), `allocatable:${childId}:${role}`);
  const groups = useMemo(() => byTeam(workers.data?.workers ?? []), [workers.data]);
  const chooseRole = (value: string) => {
    setRole(value);
    setWorkerId('');
  };
  const [startDate, setStartDate] = useState(dateParts(todayInEngland()));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const problems: Array<[string, string]> = [];
    if (!workerId) problems.push(['workerId', 'Choose the worker to allocate']);
    const start = dateFromParts(startDate, 'Start date');
    if ('error' in start) problems.push(['startDate', start.error]);
    else if (!start.iso) problems.push(['startDate', 'Enter the start date']);
    if (problems.length || !('iso' in start) || !start.iso) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await api.children.allocate(childId, { workerId, role, startDate: start.iso, reason: reason.trim() || null });
      const name = workers.data?.workers.find((w) => w.workerId === workerId)?.name ?? 'The worker';
      setErrors(NO_ERRORS);
      setWorkerId('');
      setReason('');
      setDone(`${name} is allocated to ${childName}`);
      onAllocated();
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lantern-subsection">
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      <h3 className="govuk-heading-s" id="allocate-heading">
        Allocate a worker
      </h3>
      <form onSubmit={submit} noValidate aria-labelledby="allocate-heading">
        <ErrorSummary items={errors.summary} />
        {workers.problem ? <p className="govuk-body">The list of workers could not be loaded: {workers.problem.detail ?? workers.problem.title}</p> : null}
        <Select
          name="role"
          label="Allocate as"
          value={role}
          onChange={chooseRole}
          options={Object.entries(ALLOCATION_ROLE).map(([value, label]) => ({ value, label }))}
          error={errors.fields.role}
        />
        <Select
          name="workerId"
          label="Worker"
          hint="Workers who can hold this kind of allocation, by team, with how many children each holds now"
          value={workerId}
          onChange={setWorkerId}
          groups={groups}
          placeholder={workers.data ? 'Choose a worker' : 'Loading workers…'}
          error={errors.fields.workerId}
        />
        <DateInput
          name="startDate"
          label="Start date"
          hint="For example, 27 3 2026"
          value={startDate}
          onChange={setStartDate}
          error={errors.fields.startDate}
        />
        <Textarea
          name="reason"
          label="Reason (optional)"
          hint="For example, transfer from the assessment team"
          rows={2}
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
        />
        <Button busy={busy} secondary>
          Allocate worker
        </Button>
      </form>
    </div>
  );
}
