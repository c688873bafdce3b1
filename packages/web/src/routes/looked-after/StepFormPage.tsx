/** One page for the looked-after steps described as data (steps.ts): the child's record, the fields, the sending. */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { anchorsFor, readValues, valuesFor } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { NotReady, ProblemPage } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { type LookedAfterRecord, lookedAfterApi, sectionPath } from './api.ts';
import { FormPage, NO_PLACEMENT, PlacementFields, useRecord } from './FormPage.tsx';
import { STEPS, type StepSpec } from './steps.ts';

export function StepFormPage({ spec }: { spec: StepSpec }) {
  const r = useRecord();
  if (r.problem || !r.data) return <NotReady problem={r.problem} what="child" />;
  const why = spec.whyNot?.(r.data);
  if (why) return <ProblemPage problem={{ title: 'Not looked after', status: 409, detail: why }} />;
  return <StepForm spec={spec} childId={r.childId} record={r.data} />;
}

function StepForm({ spec, childId, record }: { spec: StepSpec; childId: string; record: LookedAfterRecord }) {
  const navigate = useNavigate();
  const providers = useLoad(() => lookedAfterApi.providers(), 'providers');
  const { values, set } = useFormValues(spec.fields(record, [], {}), spec.initial());
  const fields = spec.fields(record, providers.data?.providers ?? [], values);
  // Fields that appear with an answer (the new placement's) start empty.
  const shown = { ...valuesFor(fields), ...values };
  const [placement, setPlacement] = useState(NO_PLACEMENT);
  const where = spec.placement?.(values, record) ?? null;
  const { errors, busy, send } = useSend({ ...anchorsFor([[fields, '']]), ...spec.anchors });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const read = readValues(fields, shown, problems, { emptyAsNull: true });
    problems.push(...(spec.check?.(shown, record, placement) ?? []));
    send(
      problems,
      () => spec.send(childId, spec.body(read, record, placement, shown)),
      () => navigate(sectionPath(childId), { state: { notice: spec.notice } }),
    );
  };
  return (
    <FormPage title={spec.title} caption={record.childName} errors={errors} busy={busy} submit={spec.submit} onSubmit={submit} back={sectionPath(childId)}>
      <FormFields
        fields={fields}
        values={shown}
        errors={errors.fields}
        onChange={set}
        custom={{
          placement: where ? (
            <PlacementFields value={placement} onChange={setPlacement} errors={errors} prefix={where.prefix} legalStatus={where.legalStatus} />
          ) : null,
        }}
      />
    </FormPage>
  );
}

export const StartCarePage = () => <StepFormPage spec={STEPS.start} />;
export const ChangeCarePage = () => <StepFormPage spec={STEPS.change} />;
export const CeaseCarePage = () => <StepFormPage spec={STEPS.cease} />;
export const ApproveUnregisteredPage = () => <StepFormPage spec={STEPS.approve} />;
export const LacVisitPage = () => <StepFormPage spec={STEPS.visit} />;
export const LacReviewPage = () => <StepFormPage spec={STEPS.review} />;
export const MissingPage = () => <StepFormPage spec={STEPS.missing} />;
