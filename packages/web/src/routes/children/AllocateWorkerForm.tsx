import { ALLOCATION_ROLE } from '@lantern/core/codes';
import { newAllocation } from '@lantern/core/schemas';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { type AllocatableWorker, workApi } from '../../api/work.ts';
import type { OptionGroup } from '../../components/fields.tsx';
import type { FieldSpec } from '../../components/form-model.ts';
import { optionsOf } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { SectionForm } from '../../components/SectionForm.tsx';
import { todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';

function byTeam(workers: AllocatableWorker[]): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const w of workers) {
    const team = w.teamName ?? 'No team';
    if (!groups.has(team)) groups.set(team, { label: team, options: [] });
    groups.get(team)?.options.push({ value: w.workerId, label: `${w.name} – ${w.jobRole}, ${w.caseload} ${w.caseload === 1 ? 'child' : 'children'}` });
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The form's fields, with the workers who may be chosen (none until they are loaded). */
function fieldsFor(groups: OptionGroup[], loaded: boolean): FieldSpec[] {
  return [
    { name: 'role', label: 'Allocate as', kind: 'select', options: optionsOf(ALLOCATION_ROLE), placeholder: false },
    {
      name: 'workerId',
      label: 'Worker',
      hint: 'Workers who can hold this kind of allocation, by team, with how many children each holds now',
      kind: 'select',
      groups,
      placeholder: loaded ? 'Choose a worker' : 'Loading workers…',
      required: true,
      missing: 'Choose the worker to allocate',
    },
    { name: 'startDate', label: 'Start date', hint: 'For example, 27 3 2026', kind: 'date', required: true, what: 'the start date', future: true },
    { name: 'reason', label: 'Reason (optional)', hint: 'For example, transfer from the assessment team', kind: 'textarea', rows: 2 },
  ];
}

/** Allocate a worker to the child; the server ends the current allocation of the same kind. */
export function AllocateWorkerForm({ childId, childName, onAllocated }: { childId: string; childName: string; onAllocated: () => void }) {
  const form = useFormValues(fieldsFor([], false), { role: 'social-worker', startDate: todayInEngland() });
  const role = form.values.role as string;
  // Only the people this user may allocate in this role: nothing offered is then refused.
  const workers = useLoad(() => workApi.allocatable(childId, role), `allocatable:${childId}:${role}`);
  const groups = useMemo(() => byTeam(workers.data?.workers ?? []), [workers.data]);
  return (
    <SectionForm
      id="allocate-heading"
      heading="Allocate a worker"
      fields={fieldsFor(groups, !!workers.data)}
      form={form}
      // A new role clears the worker chosen: they may not hold it.
      onChange={(name, value) => form.setValues((old) => ({ ...old, [name]: value, ...(name === 'role' ? { workerId: '' } : {}) }))}
      schema={newAllocation}
      words={{ workerId: 'Choose the worker to allocate' }}
      send={async (body) => {
        await api.children.allocate(childId, body);
        const name = workers.data?.workers.find((w) => w.workerId === body.workerId)?.name ?? 'The worker';
        return `${name} is allocated to ${childName}`;
      }}
      clear={['workerId', 'reason']}
      onDone={onAllocated}
      submit="Allocate worker"
      secondary
      before={workers.problem ? <p className="govuk-body">The list of workers could not be loaded: {workers.problem.detail ?? workers.problem.title}</p> : null}
    />
  );
}
