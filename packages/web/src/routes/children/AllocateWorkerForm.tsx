import { ALLOCATION_ROLE, MAY_HOLD_ALLOCATION } from '@lantern/core/codes';
import { type FormEvent, useMemo, useState } from 'react';
import { api, problemOf } from '../../api/client.ts';
import type { Worker } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, type OptionGroup, Select, Textarea } from '../../components/fields.tsx';
import { SuccessBanner } from '../../components/Notices.tsx';
import { dateFromParts, dateParts, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';

const ANCHORS = { workerId: 'workerId', role: 'role', startDate: 'startDate-day', reason: 'reason' };

function eligible(workers: Worker[], role: string): Worker[] {
  // The server's own rule, used here to shorten the list; the server still decides.
  const roles: readonly string[] | undefined = MAY_HOLD_ALLOCATION[role as keyof typeof MAY_HOLD_ALLOCATION];
  return roles ? workers.filter((w) => roles.includes(w.jobRole)) : workers;
}

function byTeam(workers: Worker[]): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const w of workers) {
    const team = w.teamName ?? 'No team';
    if (!groups.has(team)) groups.set(team, { label: team, options: [] });
    groups.get(team)?.options.push({ value: w.workerId, label: `${w.name} – ${w.jobRoleLabel}, ${w.caseload} ${w.caseload === 1 ? 'child' : 'children'}` });
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Allocate a worker to the child; the server ends the current allocation of the same kind. */
export function AllocateWorkerForm({ childId, childName, onAllocated }: { childId: string; childName: string; onAllocated: () => void }) {
  const workers = useLoad(() => api.workforce.workers(), 'workers');
  const [workerId, setWorkerId] = useState('');
  const [role, setRole] = useState('social-worker');
  const choices = useMemo(() => eligible(workers.data?.workers ?? [], role), [workers.data, role]);
  const groups = useMemo(() => byTeam(choices), [choices]);
  const chooseRole = (value: string) => {
    setRole(value);
    if (!eligible(workers.data?.workers ?? [], value).some((w) => w.workerId === workerId)) setWorkerId('');
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
