/** One page for the looked-after steps described as data (steps.ts): the child's record, the fields, the sending. */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { anchorsFor, readValues, type Values, valuesFor } from '../../components/form-model.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { type Json, lookedAfterApi, sectionPath } from './api.ts';
import { FormPage, useRecord } from './FormPage.tsx';
import type { StepSpec } from './steps.ts';

export function StepFormPage({ spec }: { spec: StepSpec }) {
  const r = useRecord();
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const why = spec.whyNot?.(r.data);
  if (why) return <ProblemPage problem={{ title: 'Not looked after', status: 409, detail: why }} />;
  return <StepForm spec={spec} childId={r.childId} record={r.data} />;
}

function StepForm({ spec, childId, record }: { spec: StepSpec; childId: string; record: Json }) {
  const navigate = useNavigate();
  const providers = useLoad(() => lookedAfterApi.providers(), 'providers');
  const [values, setValues] = useState<Values>(() => valuesFor(spec.fields(record, [], {}), spec.initial()));
  const fields = spec.fields(record, providers.data?.providers ?? [], values);
  const { errors, busy, send } = useSend({ ...anchorsFor([[fields, '']]), ...spec.anchors });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const read = readValues(fields, values, problems, { emptyAsNull: true });
    problems.push(...(spec.check?.(values) ?? []));
    send(
      problems,
      () => spec.send(childId, spec.body(read, record)),
      () => navigate(sectionPath(childId), { state: { notice: spec.notice } }),
    );
  };
  return (
    <FormPage title={spec.title} caption={record.childName} errors={errors} busy={busy} submit={spec.submit} onSubmit={submit} back={sectionPath(childId)}>
      <FormFields fields={fields} values={values} errors={errors.fields} onChange={(name, v) => setValues((old) => ({ ...old, [name]: v }))} />
    </FormPage>
  );
}
