import type { ReactNode } from 'react';

/** A section of a page under its own level 2 heading, which names the section for a screen reader. */
export function PageSection({ id, heading, testId, children }: { id: string; heading: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="lantern-section" data-testid={testId}>
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
