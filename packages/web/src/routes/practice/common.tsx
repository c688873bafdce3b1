/** What the practice pages share: a form's state and sending, a back link, a summary row. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FieldAnchors } from '../../components/errors.ts';
import { type Problems, useSend } from '../../components/forms.ts';

export { anchorsFor } from '../../components/form-model.ts';
export { SummaryRow as Row } from '../../components/SummaryRow.tsx';

/** A form's errors and busy state: the shared sending, with the anchors named at each send (rows come and go). */
export function useSending() {
  const { errors, busy, send, setErrors } = useSend({}, { scroll: true });
  return {
    errors,
    busy,
    setErrors,
    send: (problems: Problems, anchors: FieldAnchors, call: () => Promise<unknown>, after: () => void) => send(problems, call, after, anchors),
  };
}

export function Back({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="govuk-back-link" to={to}>
      {children}
    </Link>
  );
}

export const casework = (childId: string) => `/children/${childId}/casework`;
export const plansPath = (childId: string) => `/children/${childId}/plans`;
