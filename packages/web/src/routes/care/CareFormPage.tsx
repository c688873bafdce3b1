/** One page for every form of the looked-after care pages, driven by forms.ts. */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type CareView, careApi } from '../../api/care.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { hasErrors } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, readValues, type Values, valuesFor } from '../../components/form-model.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems, useSend } from '../../components/forms.ts';
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

function CareForm({ spec, view }: { spec: FormSpec; view: CareView }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const initial = spec.initial?.(view, params) ?? null;
  const [values, setValues] = useState<Values>(() => valuesFor(spec.fields, initial?.values));
  const { errors, busy, send } = useSend(anchorsFor([[spec.fields, '']]));
  usePageTitle(`${spec.title} – ${view.name}`, hasErrors(errors));
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

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = readValues(spec.fields, values, problems, { emptyAsNull: spec.emptyAsNull });
    if (initial?.version !== undefined) body.version = initial.version;
    Object.assign(body, spec.fixed?.(view));
    checkWith(spec.schema, body, problems, {});
    await send(
      problems,
      () => careApi.send(view.childId, spec.method, spec.path(view), body),
      () => navigate(carePath(view.childId), { state: { notice: spec.notice } }),
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
          <FormFields fields={spec.fields} values={values} errors={errors.fields} onChange={(name, v) => setValues((old) => ({ ...old, [name]: v }))} />
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
