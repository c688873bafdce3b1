/**
 * What every "record a step" page shares: loading the child and their casework, refusing when
 * the step is not the user's to record or does not make sense now, the page layout with its
 * error summary, checks against the API's own schema, and going back to the casework with a
 * success banner once saved.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { api, problemOf } from '../../api/client.ts';
import type { CaseworkView, ChildRecord, EpisodeView } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type FieldAnchors, errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateFromParts, fullName, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { caseworkPath, openEpisode } from './steps.ts';

export type CaseContext = { child: ChildRecord; name: string; casework: CaseworkView; episode: EpisodeView | null };

/** Loads the child and their casework, then shows the form, or why it cannot be used now. */
export function StepPage({ title, whyNot, render }: { title: string; whyNot: (ctx: CaseContext) => string | null; render: (ctx: CaseContext) => ReactNode }) {
  const { childId = '' } = useParams();
  const record = useLoad(() => api.children.get(childId), childId);
  const casework = useLoad(() => api.casework.get(childId), childId);
  const problem = record.problem ?? casework.problem;
  if (problem) return <ProblemPage problem={problem} what="child" />;
  if (!record.data || !casework.data) return <Loading />;
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
      <p className="govuk-body">
        <Link className="govuk-link" to={caseworkPath(ctx.child.childId)}>
          Back to {ctx.name}’s casework
        </Link>
      </p>
    </>
  );
}

export function BackToCasework({ ctx }: { ctx: CaseContext }) {
  return (
    <Link className="govuk-back-link" to={caseworkPath(ctx.child.childId)}>
      Back<span className="govuk-visually-hidden"> to {ctx.name}’s casework</span>
    </Link>
  );
}

/** The page around a step's form: back link, error summary, caption, heading, buttons. */
export function StepForm({
  ctx,
  title,
  errors,
  busy,
  submitText,
  onSubmit,
  intro,
  summaryExtra,
  children,
}: {
  ctx: CaseContext;
  title: string;
  errors: FormErrors;
  busy: boolean;
  submitText: string;
  onSubmit: (event: FormEvent) => void;
  intro?: ReactNode;
  summaryExtra?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(`${title} – ${ctx.name}`, hasErrors(errors));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackToCasework ctx={ctx} />
        <ErrorSummary items={errors.summary}>{summaryExtra}</ErrorSummary>
        <span className="govuk-caption-l">
          {ctx.name} <span className="lantern-secondary">({ctx.child.laChildId})</span>
        </span>
        <h1 className="govuk-heading-l">{title}</h1>
        {intro}
        <form onSubmit={onSubmit} noValidate>
          {children}
          <div className="govuk-button-group">
            <Button busy={busy}>{submitText}</Button>
            <Link className="govuk-link" to={caseworkPath(ctx.child.childId)}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

export type Problems = Array<[field: string, message: string]>;

/**
 * A form's errors and sending: check here first (the problems found), then send; once saved,
 * back to the casework with `notice` in a success banner. A refusal from the server is shown
 * beside the fields it names.
 */
export function useStep(ctx: CaseContext, anchors: FieldAnchors) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [problemStatus, setProblemStatus] = useState<number | null>(null);

  const submit = async <B,>(problems: Problems, body: B | null, send: (body: B) => Promise<unknown>, notice: string) => {
    setProblemStatus(null);
    if (problems.length || body === null) {
      setErrors(errorsFrom(problems, anchors));
      return;
    }
    setBusy(true);
    try {
      await send(body);
      navigate(caseworkPath(ctx.child.childId), { state: { notice } });
    } catch (error) {
      const problem = problemOf(error);
      setProblemStatus(problem.status);
      // Someone else saved first: say so plainly; the page offers a reload.
      if (problem.status === 409) setErrors({ summary: [{ text: problem.detail ?? 'Someone else changed this record since you opened it.' }], fields: {} });
      else setErrors(errorsFromProblem(problem, anchors));
      setBusy(false);
    }
  };
  return { errors, busy, submit, problemStatus };
}

/**
 * Checks a body against the API's own schema, so nothing is sent that the server would refuse
 * for its shape. Adds a problem for each field that breaks a rule and has none yet: the
 * schema's own words for its named rules, else the form's words for the field. Returns the body
 * as the schema reads it (trimmed), or null when there are problems.
 */
export function checkWith<S extends z.ZodType>(
  schema: S,
  body: { [K in keyof z.input<S>]?: unknown },
  problems: Problems,
  words: Record<string, string>,
): z.output<S> | null {
  const result = schema.safeParse(body);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'body');
      if (problems.some(([f]) => f === field)) continue;
      const named = issue.code === 'custom' && (issue as { params?: { rule?: string } }).params?.rule;
      problems.push([field, named ? issue.message : (words[field] ?? 'Check this answer')]);
    }
  }
  return problems.length || !result.success ? null : result.data;
}

/**
 * A GOV.UK date input's value as an ISO date, adding a problem when it is missing (and
 * required), not a real date, or in the future (unless allowed).
 */
export function readDate(
  problems: Problems,
  field: string,
  parts: DateParts,
  options: { what: string; label: string; required?: boolean; future?: boolean; notBefore?: { date: string; what: string } },
): string | null {
  const read = dateFromParts(parts, options.label);
  if ('error' in read) {
    problems.push([field, read.error]);
    return null;
  }
  if (!read.iso) {
    if (options.required !== false) problems.push([field, `Enter ${options.what}`]);
    return null;
  }
  if (!options.future && read.iso > todayInEngland()) {
    problems.push([field, `${options.label} must be today or in the past`]);
    return null;
  }
  if (options.notBefore && read.iso < options.notBefore.date) {
    problems.push([field, `${options.label} must be on or after ${options.notBefore.what}`]);
    return null;
  }
  return read.iso;
}

/** A yes/no radio's value as a boolean, adding a problem when it is not answered. */
export function readYesNo(problems: Problems, field: string, value: string, question: string): boolean | null {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  problems.push([field, question]);
  return null;
}

/** Options for a select or radios from a code list. */
export function optionsOf(list: Readonly<Record<string, string>>, only?: readonly string[]) {
  return Object.entries(list)
    .filter(([value]) => !only || only.includes(value))
    .map(([value, label]) => ({ value, label }));
}
