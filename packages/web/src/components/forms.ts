/**
 * What every form of the web app shares, whether its fields are data (routes/care/forms.ts) or
 * written out: reading a GOV.UK date (and time), checking a body against the API's own schema
 * before sending, and sending it with the server's refusals shown beside the fields they name.
 */
import { useState } from 'react';
import type { z } from 'zod';
import { problemOf } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { type DateParts, dateFromParts, englandDateTime, parseTime, todayInEngland } from '../format.ts';
import { errorsFrom, errorsFromProblem, type FieldAnchors, type FormErrors, NO_ERRORS } from './errors.ts';

export type Problems = Array<[field: string, message: string]>;

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
  options: {
    what: string;
    label: string;
    required?: boolean;
    future?: boolean;
    ahead?: string | undefined;
    notBefore?: { date: string; what: string } | undefined;
  },
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
    problems.push([field, options.ahead ?? `${options.label} must be today or in the past`]);
    return null;
  }
  if (comesBefore(problems, field, read.iso, options.label, options.notBefore)) return null;
  return read.iso;
}

/**
 * Whether a date comes before the first it may be (adding the problem): for a bound known only
 * once the form is answered (the enquiry a conference follows).
 */
export function comesBefore(problems: Problems, field: string, iso: string, label: string, bound: { date: string; what: string } | null | undefined): boolean {
  if (!bound || iso >= bound.date) return false;
  problems.push([field, `${label} must be on or after ${bound.what}`]);
  return true;
}

/** A date and a time (HH:MM) as an instant in England; the time's problem is on `<field>Time`. */
export function readDateTime(problems: Problems, field: string, date: DateParts, time: string, label: string, required = true): string | null {
  if (!required && !date.day && !date.month && !date.year && !time) return null;
  const day = readDate(problems, field, date, { what: label.toLowerCase(), label, future: true });
  const t = parseTime(time);
  if (!t) problems.push([`${field}Time`, `Enter the time of ${label.toLowerCase()}, like 18:30`]);
  return day && t ? englandDateTime(day, t.hours, t.minutes) : null;
}

/**
 * A refusal as form errors: a stale version (409) said plainly, since the page offers a reload;
 * a rule broken across fields (422 with a detail) says the rule above the fields' own errors.
 */
export function errorsOfRefusal(problem: Problem, anchors: FieldAnchors): FormErrors {
  if (problem.status === 409) return { summary: [{ text: problem.detail ?? 'Someone else changed this record since you opened it.' }], fields: {} };
  const fixed = errorsFromProblem(problem, anchors);
  return problem.status === 422 && problem.detail && problem.errors?.length ? { ...fixed, summary: [{ text: problem.detail }, ...fixed.summary] } : fixed;
}

/**
 * A form's sending: the problems found here first; otherwise the call, then `done` (go back with
 * a notice, or clear the form). A refusal from the server is shown beside the fields it names.
 * A form whose fields come and go (rows added) names its anchors at sending; a long form scrolls
 * back to the summary.
 */
export function useSend(anchors: FieldAnchors = {}, options: { scroll?: boolean } = {}) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [problemStatus, setProblemStatus] = useState<number | null>(null);
  const show = (found: FormErrors) => {
    setErrors(found);
    if (options.scroll) window.scrollTo(0, 0);
  };
  const send = async (problems: Problems, call: () => Promise<unknown>, done: () => void, at: FieldAnchors = anchors) => {
    setProblemStatus(null);
    if (problems.length) return show(errorsFrom(problems, at));
    setBusy(true);
    try {
      await call();
      setErrors(NO_ERRORS);
      done();
    } catch (error) {
      const problem = problemOf(error);
      setProblemStatus(problem.status);
      show(errorsOfRefusal(problem, at));
    }
    setBusy(false);
  };
  return { errors, busy, send, problemStatus, setErrors };
}
