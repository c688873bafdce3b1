/**
 * What every "record a step" page shares: loading the child and their casework, refusing when
 * the step is not the user's to record or does not make sense now, the page layout with its
 * error summary, checks against the API's own schema, and going back to the casework with a
 * success banner once saved.
 */
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseworkView, ChildRecord, EpisodeView } from '../../api/types.ts';
import type { FieldAnchors } from '../../components/errors.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { FormShell } from '../../components/FormPage.tsx';
import { anchorsFor, type FieldSpec, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { checkWith, type Problems, useSend } from '../../components/forms.ts';
import { NotReady } from '../../components/Notices.tsx';
import { fullName } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { caseworkPath, openEpisode } from './steps.ts';
import { ParagraphLink } from '../../components/ParagraphLink.tsx';

export type CaseContext = { child: ChildRecord; name: string; casework: CaseworkView; episode: EpisodeView | null };

/** Loads the child and their casework, then shows the form, or why it cannot be used now. */
export function StepPage({ title, whyNot, render }: { title: string; whyNot: (ctx: CaseContext) => string | null; render: (ctx: CaseContext) => ReactNode }) {
  const { childId = '' } = useParams();
  const record = useLoad(() => api.children.get(childId), childId);
  const casework = useLoad(() => api.casework.get(childId), childId);
  const problem = record.problem ?? casework.problem;
  if (problem || !record.data || !casework.data) return <NotReady problem={problem} what="child" />;
  const ctx: CaseContext = {
    child: record.data.child,
    name: fullName(record.data.child),
    casework: casework.data,
    episode: openEpisode(casework.data),
  };
  const reason = whyNot(ctx);
  if (reason) return <NotNow ctx={ctx} title={title} reason={reason} />;
  return <>{render(ctx)}</>;
}

function NotNow({ ctx, title, reason }: { ctx: CaseContext; title: string; reason: string }) {
  usePageTitle(title);
  return (
    <>
      <BackToCasework ctx={ctx} />
      <span className="govuk-caption-l">{ctx.name}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{reason}</p>
      <ParagraphLink to={caseworkPath(ctx.child.childId)}>Back to {ctx.name}’s casework</ParagraphLink>
    </>
  );
}

function BackToCasework({ ctx }: { ctx: CaseContext }) {
  return (
    <Link className="govuk-back-link" to={caseworkPath(ctx.child.childId)}>
      Back<span className="govuk-visually-hidden"> to {ctx.name}’s casework</span>
    </Link>
  );
}

/** The page around a step's form: the shared shell, with the child's name and number above the heading. */
export function StepForm({
  ctx,
  submitText,
  ...rest
}: Omit<Parameters<typeof FormShell>[0], 'back' | 'submit' | 'caption' | 'pageTitle'> & { ctx: CaseContext; submitText: string }) {
  return (
    <FormShell
      {...rest}
      submit={submitText}
      pageTitle={`${rest.title} – ${ctx.name}`}
      back={{ to: caseworkPath(ctx.child.childId), hidden: `to ${ctx.name}’s casework` }}
      caption={
        <>
          {ctx.name} <span className="lantern-secondary">({ctx.child.laChildId})</span>
        </>
      }
    />
  );
}

/**
 * A form's errors and sending: check here first (the problems found), then send; once saved,
 * back to the casework with `notice` in a success banner. A refusal from the server is shown
 * beside the fields it names.
 */
export function useStep(ctx: CaseContext, anchors: FieldAnchors) {
  const navigate = useNavigate();
  const { errors, busy, send, problemStatus } = useSend(anchors);
  const submit = <B,>(problems: Problems, body: B | null, call: (body: B) => Promise<unknown>, notice: string) =>
    // A body is null only when its check found problems.
    send(
      problems,
      () => call(body as B),
      () => navigate(caseworkPath(ctx.child.childId), { state: { notice } }),
    );
  return { errors, busy, submit, problemStatus };
}

/**
 * A step's form described as data (form-model.ts): its values, the fields rendered (some hidden
 * while they do not apply), and the values read into a body, empty answers as null. `aliases`
 * names the API's fields that a form field answers (receivedAt for the date received), so the
 * server's refusals land beside it.
 */
export function useStepFields(ctx: CaseContext, fields: FieldSpec[], initial: Record<string, unknown> = {}, aliases: Record<string, string> = {}) {
  const { values, set } = useFormValues(fields, initial);
  const anchors = anchorsFor([[fields, '']]);
  for (const [api, field] of Object.entries(aliases)) anchors[api] = anchors[field] ?? field;
  const step = useStep(ctx, anchors);
  const read = (problems: Problems, hidden: string[] = []) =>
    readValues(
      fields.filter((f) => !hidden.includes(f.name)),
      values,
      problems,
      { emptyAsNull: true },
    );
  const errors = { ...step.errors.fields };
  for (const [api, field] of Object.entries(aliases)) {
    const said = errors[api];
    if (!errors[field] && said) errors[field] = said;
  }
  const render = (hidden: string[] = [], custom: Record<string, ReactNode> = {}) => (
    <FormFields fields={fields} values={values} errors={errors} hidden={hidden} custom={custom} onChange={set} />
  );
  return { ...step, values, read, render };
}

/**
 * A step's required date: the hint, the words its messages use ("Enter <what>", "<dateLabel>
 * must be…"), and the first day it may be.
 */
export function stepDate(name: string, label: string, what: string, dateLabel: string, notBefore?: { date: string; what: string }): FieldSpec {
  return { name, label, hint: 'For example, 27 3 2026', kind: 'date', required: true, what, dateLabel, notBefore };
}

/**
 * A whole step's form as data, where the fields read are the body: checked against core's
 * schema (`words` for a field the schema's own words do not name), sent, and back to the
 * casework with `notice`.
 */
export function StepSpecForm<S extends z.ZodType>({
  ctx,
  title,
  submitText,
  fields,
  initial,
  schema,
  words = {},
  send,
  notice,
  intro,
}: {
  ctx: CaseContext;
  title: string;
  submitText: string;
  fields: FieldSpec[];
  initial?: Record<string, unknown>;
  schema: S;
  words?: Record<string, string>;
  send: (body: z.output<S>) => Promise<unknown>;
  notice: string;
  intro?: ReactNode;
}) {
  const form = useStepFields(ctx, fields, initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = checkWith(schema, form.read(problems), problems, words);
    form.submit(problems, body, send, notice);
  };
  return (
    <StepForm ctx={ctx} title={title} errors={form.errors} busy={form.busy} submitText={submitText} onSubmit={submit} intro={intro}>
      {form.render()}
    </StepForm>
  );
}
