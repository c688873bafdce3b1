/** One page for every form of the Legal page, driven by forms.ts. */
import { type FormEvent, Fragment, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type LegalView, legalApi } from '../../api/legal.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type FieldAnchors, hasErrors } from '../../components/errors.ts';
import { checkWith, type Problems, readDate, useSend } from '../../components/forms.ts';
import { Button, DateInput, Radios, Select, Textarea, TextInput } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateParts } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { LEGAL_FORMS, type LegalFormSpec } from './forms.ts';

export const legalPath = (childId: string) => `/children/${childId}/legal`;

export function LegalFormPage() {
  const { childId = '', form = '' } = useParams();
  const spec = LEGAL_FORMS[form];
  const view = useLoad(() => legalApi.get(childId), childId);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem) return <ProblemPage problem={view.problem} what="child" />;
  if (!view.data) return <Loading />;
  return <LegalForm key={form} spec={spec} view={view.data} />;
}

function LegalForm({ spec, view }: { spec: LegalFormSpec; view: LegalView }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, string | DateParts>>(() =>
    Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'date' ? dateParts(null) : ''])),
  );
  const anchors: FieldAnchors = Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'date' ? `${f.name}-day` : f.name]));
  const { errors, busy, send } = useSend(anchors);
  usePageTitle(`${spec.title} – ${view.name}`, hasErrors(errors));
  const reason = view.mayRecord
    ? (spec.whyNot?.(view) ?? null)
    : 'Only the team holding the case, the head of service and the council’s legal adviser record legal steps.';
  const back = (
    <Link className="govuk-back-link" to={legalPath(view.childId)}>
      Back<span className="govuk-visually-hidden"> to {view.name}’s legal planning and proceedings</span>
    </Link>
  );
  if (reason)
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">{spec.title}</h1>
        <p className="govuk-body">{reason}</p>
      </>
    );
  const set = (name: string) => (value: string | DateParts) => setValues((v) => ({ ...v, [name]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const fields: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const v = values[f.name];
      if (f.kind === 'date')
        fields[f.name] =
          readDate(problems, f.name, v as DateParts, {
            what: f.label.toLowerCase(),
            label: f.label,
            required: f.required === true,
            future: spec.future?.includes(f.name),
          }) ?? undefined;
      else {
        fields[f.name] = (v as string).trim() === '' ? undefined : (v as string).trim();
        if (f.required && !(v as string).trim()) problems.push([f.name, `Enter or choose: ${f.label.toLowerCase()}`]);
      }
    }
    const body = { ...(spec.body ? spec.body(fields) : fields), ...spec.fixed?.(view) };
    const version = spec.version?.(view);
    if (version !== undefined) body.version = version;
    checkWith(spec.schema, body, problems, {});
    await send(
      problems,
      () => legalApi.send(view.childId, spec.path(view), body),
      () => navigate(legalPath(view.childId), { state: { notice: spec.notice } }),
    );
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">{view.name}</span>
        <h1 className="govuk-heading-l">{spec.title}</h1>
        <form onSubmit={onSubmit} noValidate>
          {spec.fields.map((f) => {
            const common = { name: f.name, label: f.label, hint: f.hint, error: errors.fields[f.name] };
            const value = values[f.name];
            switch (f.kind) {
              case 'date':
                return <DateInput key={f.name} {...common} value={value as DateParts} onChange={set(f.name)} />;
              case 'radios':
                return <Radios key={f.name} {...common} options={f.options ?? []} value={value as string} onChange={set(f.name)} />;
              case 'select':
                return <Select key={f.name} {...common} options={f.options ?? []} placeholder="Choose" value={value as string} onChange={set(f.name)} />;
              case 'textarea':
                return <Textarea key={f.name} {...common} value={value as string} onChange={set(f.name)} />;
              default:
                return (
                  <Fragment key={f.name}>
                    <TextInput {...common} value={value as string} onChange={set(f.name)} />
                  </Fragment>
                );
            }
          })}
          <div className="govuk-button-group">
            <Button busy={busy}>{spec.submit}</Button>
            <Link className="govuk-link" to={legalPath(view.childId)}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
