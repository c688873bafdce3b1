/** One page for every early help form, driven by forms.ts (as the looked-after care forms are). */
import { type FormEvent, Fragment, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type EarlyHelpView, earlyHelpApi } from '../../api/early-help.ts';
import { type ActionOwners, practiceApi } from '../../api/practice.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type FieldAnchors, hasErrors } from '../../components/errors.ts';
import { Button, DateInput, Radios, Select, Textarea, TextInput } from '../../components/fields.tsx';
import { checkWith, type Problems, readDate, useSend } from '../../components/forms.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateParts } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { EARLY_HELP_FORMS, type EarlyHelpFormSpec } from './forms.ts';

export const earlyHelpPath = (childId: string) => `/children/${childId}/early-help`;

export function EarlyHelpFormPage() {
  const { childId = '', form = '' } = useParams();
  const spec = EARLY_HELP_FORMS[form];
  const view = useLoad(() => earlyHelpApi.get(childId), childId);
  const owners = useLoad(() => (spec?.needsOwners ? practiceApi.owners() : Promise.resolve(null)), `${form}`);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  const problem = view.problem ?? owners.problem;
  if (problem) return <ProblemPage problem={problem} what="child" />;
  if (!view.data || (spec.needsOwners && !owners.data)) return <Loading />;
  return <EarlyHelpForm key={form} childId={childId} spec={spec} view={view.data} owners={owners.data ?? null} />;
}

type Values = Record<string, string | DateParts>;

function EarlyHelpForm({ childId, spec, view, owners }: { childId: string; spec: EarlyHelpFormSpec; view: EarlyHelpView; owners: ActionOwners | null }) {
  const navigate = useNavigate();
  const open = view.episodes.find((e) => e.endedOn === null) ?? null;
  const fields = spec.fields({ view, owners });
  const initial = spec.initial?.(open, view) ?? {};
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.kind === 'date' ? dateParts(initial[f.name] || null) : (initial[f.name] ?? '')])),
  );
  const anchors: FieldAnchors = Object.fromEntries(fields.map((f) => [f.name, f.kind === 'date' ? `${f.name}-day` : f.name]));
  const { errors, busy, send } = useSend(anchors);
  usePageTitle(spec.title, hasErrors(errors));
  const mayRecord = spec.needsOpen ? view.canRecord : view.canStepDown;
  const reason = !mayRecord
    ? 'You cannot record this for this child.'
    : spec.needsOpen && !open
      ? 'The child is not in early help now.'
      : !spec.needsOpen && view.stepDownFrom.length === 0
        ? 'The child has no closed child in need episode to step down from.'
        : !spec.needsOpen && open
          ? 'The child is already in early help.'
          : null;

  const back = (
    <Link className="govuk-back-link" to={earlyHelpPath(childId)}>
      Back<span className="govuk-visually-hidden"> to early help</span>
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
    let body: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f.name];
      if (f.kind === 'date') {
        body[f.name] = readDate(problems, f.name, v as DateParts, { what: f.label.toLowerCase(), label: f.label, required: f.required === true }) ?? undefined;
      } else {
        body[f.name] = (v as string).trim() === '' ? undefined : (v as string).trim();
        if (f.required && !(v as string).trim()) problems.push([f.name, `Enter or choose: ${f.label.toLowerCase().replace(/\?$/, '')}`]);
      }
    }
    if (spec.versioned && open) body.version = open.version;
    if (spec.toBody) body = spec.toBody(body);
    checkWith(spec.schema, body, problems, {});
    await send(
      problems,
      () => earlyHelpApi.send(childId, spec.method, spec.path(open), body),
      () => navigate(earlyHelpPath(childId), { state: { notice: spec.notice } }),
    );
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ErrorSummary items={errors.summary} />
        <h1 className="govuk-heading-l">{spec.title}</h1>
        <form onSubmit={onSubmit} noValidate>
          {fields.map((f) => {
            const common = { name: f.name, label: f.label, hint: f.hint, error: errors.fields[f.name] };
            const value = values[f.name];
            return <Fragment key={f.name}>{fieldOf()}</Fragment>;
            function fieldOf() {
              switch (f.kind) {
                case 'date':
                  return <DateInput {...common} value={value as DateParts} onChange={set(f.name)} />;
                case 'radios':
                  return <Radios {...common} options={f.options ?? []} value={value as string} onChange={set(f.name)} />;
                case 'select':
                  return <Select {...common} options={f.options ?? []} placeholder="Choose" value={value as string} onChange={set(f.name)} />;
                case 'textarea':
                  return <Textarea {...common} value={value as string} onChange={set(f.name)} />;
                default:
                  return <TextInput {...common} value={value as string} onChange={set(f.name)} />;
              }
            }
          })}
          <div className="govuk-button-group">
            <Button busy={busy}>{spec.submit}</Button>
            <Link className="govuk-link" to={earlyHelpPath(childId)}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
