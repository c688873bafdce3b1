/** One page for every form of the day's work (transfers, IROs, work sent to a manager), driven by forms.ts. */
import { type FormEvent, Fragment, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { practiceApi } from '../../api/practice.ts';
import { workApi } from '../../api/work.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type FieldAnchors, hasErrors } from '../../components/errors.ts';
import { Button, DateInput, Radios, Select, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import { checkWith, type Problems, readDate, useSend } from '../../components/forms.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateParts } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { WORK_FORMS, type WorkFormSpec, type WorkFormView } from './forms.ts';

export function WorkFormPage() {
  const { childId = '', form = '' } = useParams();
  const [params] = useSearchParams();
  const { can } = useSession();
  const spec = WORK_FORMS[form];
  const view = useLoad(async () => {
    const needs = spec?.needs ?? [];
    const [due, child, teams, iros, requests, plans] = await Promise.all([
      workApi.childDue(childId),
      api.children.get(childId),
      needs.includes('teams') && can('transfer:request') ? workApi.transferTeams() : { teams: [] },
      needs.includes('iros') && can('iro:allocate') ? workApi.allocatable(childId, 'iro') : { workers: [] },
      needs.includes('requests') ? workApi.decisionRequests(childId) : { requests: [] },
      needs.includes('plans') ? practiceApi.plans(childId) : { plans: [] },
    ]);
    return {
      childId,
      name: `${child.child.givenName} ${child.child.familyName}`,
      due,
      teams: teams.teams,
      iros: iros.workers,
      requests: requests.requests,
      plans: plans.plans,
      can,
      params,
    } satisfies WorkFormView;
  }, `${form}:${childId}:${params.toString()}`);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem) return <ProblemPage problem={view.problem} what="child" />;
  if (!view.data) return <Loading />;
  return <WorkForm key={form} spec={spec} view={view.data} />;
}

type Values = Record<string, string | DateParts>;

function WorkForm({ spec, view }: { spec: WorkFormSpec; view: WorkFormView }) {
  const navigate = useNavigate();
  const initial = spec.initial?.(view) ?? null;
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'date' ? dateParts(initial?.[f.name] || null) : (initial?.[f.name] ?? '')])),
  );
  const anchors: FieldAnchors = Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === 'date' ? `${f.name}-day` : f.name]));
  const { errors, busy, send } = useSend(anchors);
  usePageTitle(`${spec.title} – ${view.name}`, hasErrors(errors));
  const childPage = `/children/${view.childId}`;
  const reason = spec.whyNot?.(view) ?? null;
  const back = (
    <Link className="govuk-back-link" to={childPage}>
      Back<span className="govuk-visually-hidden"> to {view.name}’s page</span>
    </Link>
  );
  const intro = (spec.intro?.(view) ?? []).map((line) => (
    <p className="govuk-body" key={line}>
      {line}
    </p>
  ));
  if (reason)
    return (
      <>
        {back}
        <span className="govuk-caption-l">{view.name}</span>
        <h1 className="govuk-heading-l">{spec.title}</h1>
        <p className="govuk-body">{reason}</p>
      </>
    );

  const set = (name: string) => (value: string | DateParts) => setValues((v) => ({ ...v, [name]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const flat: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const v = values[f.name];
      if (f.kind === 'date')
        flat[f.name] = readDate(problems, f.name, v as DateParts, { what: f.label.toLowerCase(), label: f.label, required: f.required === true }) ?? undefined;
      else if (f.kind === 'yesno') flat[f.name] = v === 'yes' ? true : v === 'no' ? false : undefined;
      else if (f.kind === 'number') flat[f.name] = v === '' ? undefined : Number(v);
      else flat[f.name] = (v as string).trim() === '' ? undefined : (v as string).trim();
      if (f.required && (flat[f.name] === undefined || flat[f.name] === '') && !problems.some(([p]) => p === f.name))
        problems.push([f.name, `Enter or choose: ${f.label.toLowerCase()}`]);
    }
    const body = spec.body(flat, view);
    checkWith(spec.schema, { ...flat, ...body }, problems, {});
    await send(
      problems,
      () => spec.send(view, body),
      () => navigate(childPage, { state: { notice: spec.notice } }),
    );
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">{view.name}</span>
        <h1 className="govuk-heading-l">{spec.title}</h1>
        {intro}
        <form onSubmit={onSubmit} noValidate>
          {spec.fields.map((f) => {
            const common = { name: f.name, label: f.label, hint: f.hint, error: errors.fields[f.name] };
            const value = values[f.name];
            const options = f.choices?.(view) ?? f.options ?? [];
            return <Fragment key={f.name}>{fieldOf()}</Fragment>;
            function fieldOf() {
              switch (f.kind) {
                case 'date':
                  return <DateInput {...common} value={value as DateParts} onChange={set(f.name)} />;
                case 'radios':
                  return <Radios {...common} options={options} value={value as string} onChange={set(f.name)} />;
                case 'yesno':
                  return <YesNo {...common} value={value as string} onChange={set(f.name)} />;
                case 'select':
                  return <Select {...common} options={options} placeholder="Choose" value={value as string} onChange={set(f.name)} />;
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
            <Link className="govuk-link" to={childPage}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
