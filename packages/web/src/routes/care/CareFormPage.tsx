/** One page for every form of the looked-after care pages, driven by forms.ts. */
import { type FormEvent, Fragment, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type CareView, careApi } from '../../api/care.ts';
import { problemOf } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FieldAnchors, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Radios, Select, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateParts } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems, readDate } from '../casework/StepPage.tsx';
import { FORMS, type FormSpec } from './forms.ts';

export const carePath = (childId: string) => `/children/${childId}/looked-after-care`;

export function CareFormPage() {
  const { childId = '', form = '' } = useParams();
  const spec = FORMS[form];
  const view = useLoad(() => careApi.get(childId), childId);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem) return <ProblemPage problem={view.problem} what="child" />;
  if (!view.data) return <Loading />;
  return <CareForm key={form} spec={spec} view={view.data} />;
}

type Values = Record<string, string | DateParts>;

function CareForm({ spec, view }: { spec: FormSpec; view: CareView }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const initial = spec.initial?.(view, params) ?? null;
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'date' ? dateParts(initial?.values[f.name] || null) : (initial?.values[f.name] ?? '')])),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${spec.title} – ${view.name}`, hasErrors(errors));
  const anchors: FieldAnchors = Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'date' ? `${f.name}-day` : f.name]));
  const reason = spec.whyNot?.(view) ?? (view.canRecord ? null : 'You cannot record this for this child.');

  const back = (
    <Link className="govuk-back-link" to={carePath(view.childId)}>
      Back<span className="govuk-visually-hidden"> to {view.name}’s looked-after care</span>
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
    const body: Record<string, unknown> = {};
    const empty = spec.emptyAsNull ? null : undefined;
    for (const f of spec.fields) {
      const v = values[f.name];
      if (f.kind === 'date') {
        const iso = readDate(problems, f.name, v as DateParts, { what: f.label.toLowerCase(), label: f.label, required: f.required === true });
        body[f.name] = iso ?? empty;
      } else if (f.kind === 'yesno') {
        body[f.name] = v === 'yes' ? true : v === 'no' ? false : empty;
        if (f.required && !v) problems.push([f.name, `Answer: ${f.label.toLowerCase()}`]);
      } else if (f.kind === 'number' || f.name === 'adopterCount' || f.name === 'birthdayAge') {
        body[f.name] = v === '' ? (f.kind === 'number' ? null : empty) : Number(v);
      } else {
        body[f.name] = (v as string).trim() === '' ? empty : (v as string).trim();
        if (f.required && !(v as string).trim()) problems.push([f.name, `Enter or choose: ${f.label.toLowerCase()}`]);
      }
    }
    if (initial?.version !== undefined) body.version = initial.version;
    Object.assign(body, spec.fixed?.(view));
    const checked = checkWith(spec.schema, body, problems, {});
    if (problems.length || checked === null) {
      setErrors(errorsFrom(problems, anchors));
      return;
    }
    setBusy(true);
    try {
      await careApi.send(view.childId, spec.method, spec.path(view), body);
      navigate(carePath(view.childId), { state: { notice: spec.notice } });
    } catch (error) {
      const problem = problemOf(error);
      setErrors(
        problem.status === 409 && !problem.errors?.length
          ? { summary: [{ text: problem.detail ?? 'Someone else changed this record.' }], fields: {} }
          : errorsFromProblem(problem, anchors),
      );
      setBusy(false);
    }
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
            return <Fragment key={f.name}>{fieldOf()}</Fragment>;
            function fieldOf() {
              switch (f.kind) {
                case 'date':
                  return <DateInput {...common} value={value as DateParts} onChange={set(f.name)} />;
                case 'radios':
                  return <Radios {...common} options={f.options ?? []} value={value as string} onChange={set(f.name)} />;
                case 'yesno':
                  return <YesNo {...common} value={value as string} onChange={set(f.name)} />;
                case 'select':
                  return <Select {...common} options={f.options ?? []} placeholder="Choose" value={value as string} onChange={set(f.name)} />;
                case 'textarea':
                  return <Textarea {...common} value={value as string} onChange={set(f.name)} />;
                default:
                  return (
                    <TextInput
                      {...common}
                      value={value as string}
                      onChange={set(f.name)}
                      inputMode={f.kind === 'number' ? 'numeric' : undefined}
                      widthClass={f.kind === 'number' ? 'govuk-input--width-3' : undefined}
                    />
                  );
              }
            }
          })}
          <div className="govuk-button-group">
            <Button busy={busy}>{spec.submit}</Button>
            <Link className="govuk-link" to={carePath(view.childId)}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
