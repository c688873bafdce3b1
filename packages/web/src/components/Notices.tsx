import type { ReactNode } from 'react';
import type { Problem } from '../api/types.ts';
import { usePageTitle } from '../hooks.ts';
import { menuFor } from '../menu.ts';
import { useSession } from '../session.tsx';
import { ParagraphLink } from './ParagraphLink.tsx';

/** The GOV.UK success banner, after something was saved. */
export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

/** The GOV.UK warning text: a "!" and words a screen reader hears after "Warning". */
export function WarningText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="govuk-warning-text" data-testid={testId}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** A problem that is not with a field: the GOV.UK error summary with one message (a search or a list that failed). */
export function ProblemSummary({ title = 'There is a problem', children }: { title?: string; children: ReactNode }) {
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{children}</p>
      </div>
    </div>
  );
}

export function Loading() {
  return (
    <p className="govuk-body" aria-live="polite">
      Loading…
    </p>
  );
}

/**
 * What a page shows while its data is not ready: the problem when loading failed, otherwise
 * "Loading…". Pages call it as `if (problem || !x.data) return <NotReady problem={problem} />`,
 * so that a problem wins even over data already shown.
 */
export function NotReady({ problem, what }: { problem: Problem | undefined; what?: string }) {
  return problem ? <ProblemPage problem={problem} what={what} /> : <Loading />;
}

/** A whole page that could not be shown: no access, not found, or a failure. */
export function ProblemPage({ problem, what = 'page' }: { problem: Problem; what?: string }) {
  const title =
    problem.status === 404
      ? `${what[0]?.toUpperCase()}${what.slice(1)} not found`
      : problem.status === 403
        ? 'You do not have access'
        : 'Sorry, there is a problem';
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {problem.status === 404 ? (
        <p className="govuk-body">It may have been removed, the address may be wrong, or you may not have access to it.</p>
      ) : (
        <p className="govuk-body">{problem.detail ?? problem.title}</p>
      )}
      <HomeLink />
    </>
  );
}

/** A way back to the first page of the user's own menu: never a page their role cannot use. */
function HomeLink() {
  const { user, can } = useSession();
  const home = user ? menuFor(user.role, can)[0] : undefined;
  if (!home) return null;
  return <ParagraphLink to={home.href}>Go to {home.text === 'Requests' ? 'your requests' : home.text}</ParagraphLink>;
}

/**
 * A page the user's role may not use. To a partner, from outside the council, it does not exist
 * (as the API answers 404); to staff it says plainly that it is not part of their role.
 */
export function NotForYourRole() {
  const { user } = useSession();
  const outside = user?.role === 'partner';
  const title = outside ? 'Page not found' : 'This page is not for your role';
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{outside ? 'The address may be wrong.' : `As a ${user?.roleLabel.toLowerCase() ?? 'user'} you do not use this page.`}</p>
      <HomeLink />
    </>
  );
}

export function NoAccess({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{children}</p>
    </>
  );
}
