/** What the sections of a child's looked-after care page share: the section, its links to forms, dates. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../format.ts';

export const formPath = (childId: string, form: string, query = '') => `/children/${childId}/looked-after-care/record/${form}${query}`;

export function Section({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="lantern-section">
      <div className="lantern-section__heading">
        <h2 className="govuk-heading-m" id={`${id}-heading`}>
          {title}
        </h2>
      </div>
      {children}
      {actions ? <p className="govuk-body">{actions}</p> : null}
    </section>
  );
}

export function Action({ to, children }: { to: string; children: ReactNode }) {
  return (
    <>
      <Link className="govuk-link" to={to}>
        {children}
      </Link>{' '}
    </>
  );
}

export const dateOr = (d: string | null | undefined, none = 'Not recorded') => (d ? formatDate(d) : <span className="lantern-secondary">{none}</span>);
