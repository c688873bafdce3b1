import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A paragraph that is one link to another page of the app ("Find a child", "The improvement plan"). */
export function ParagraphLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to}>
        {children}
      </Link>
    </p>
  );
}
