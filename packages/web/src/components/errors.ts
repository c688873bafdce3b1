import type { Problem } from '../api/types.ts';

export type SummaryItem = { text: string; href?: string | undefined };

/** A form's errors: the list for the error summary, and each field's message. */
export type FormErrors = { summary: SummaryItem[]; fields: Record<string, string> };

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

export function hasErrors(errors: FormErrors): boolean {
  return errors.summary.length > 0;
}

/**
 * The form's fields and the id each error links to (a date input links to its day box).
 * Errors on fields the form does not show go in the summary without a link.
 */
export type FieldAnchors = Record<string, string>;

export function errorsFrom(list: Array<[field: string, message: string]>, anchors: FieldAnchors): FormErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const [path, message] of list) {
    // An error on one item of a list ("agencies.0") belongs to the list's field.
    const field = anchors[path] !== undefined ? path : (path.split('.')[0] ?? path);
    const anchor = anchors[field];
    if (anchor !== undefined) {
      if (fields[field]) continue; // one message per field, the first
      fields[field] = message;
    }
    summary.push({ text: message, href: anchor !== undefined ? `#${anchor}` : undefined });
  }
  return { summary, fields };
}

/** A problem from the API as form errors: each field error beside its field, else the detail. */
export function errorsFromProblem(problem: Problem, anchors: FieldAnchors): FormErrors {
  if (problem.errors?.length) {
    return errorsFrom(
      problem.errors.map((e) => [e.field, e.message]),
      anchors,
    );
  }
  return { summary: [{ text: problem.detail ?? problem.title }], fields: {} };
}
