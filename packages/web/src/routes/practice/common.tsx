/** What the practice pages share: a form's state and sending, a back link, a summary row. */
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { problemOf } from '../../api/client.ts';
import { errorsFrom, errorsFromProblem, type FieldAnchors, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import type { Problems } from '../../components/forms.ts';
import { anchorOf, type FieldSpec } from './forms.ts';

/** Anchors for fields, each group under the name the API gives it (e.g. `actions.0.`). */
export function anchorsFor(groups: Array<[FieldSpec[], string]>): FieldAnchors {
  const anchors: FieldAnchors = {};
  for (const [fields, prefix] of groups) for (const f of fields) anchors[`${prefix}${f.name}`] = anchorOf(f, prefix);
  return anchors;
}

/** A form's errors and busy state; `send` shows the problems found here, or the server's refusal. */
export function useSending() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const send = async (problems: Problems, anchors: FieldAnchors, call: () => Promise<unknown>, after: () => void) => {
    if (problems.length) {
      setErrors(errorsFrom(problems, anchors));
      window.scrollTo(0, 0);
      return;
    }
    setBusy(true);
    try {
      await call();
      setErrors(NO_ERRORS);
      after();
    } catch (error) {
      const problem = problemOf(error);
      setErrors(
        problem.status === 409 && !problem.errors?.length
          ? { summary: [{ text: problem.detail ?? 'Someone else changed this record. Reload the page to see their changes.' }], fields: {} }
          : errorsFromProblem(problem, anchors),
      );
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, send, setErrors };
}

export function Back({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="govuk-back-link" to={to}>
      {children}
    </Link>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export const casework = (childId: string) => `/children/${childId}/casework`;
export const plansPath = (childId: string) => `/children/${childId}/plans`;
