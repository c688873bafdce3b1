import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { menuFor } from '../menu.ts';
import { useSession } from '../session.tsx';

/** "Sam Jones (Social worker)" → "Sam Jones": the role is shown beside the name anyway. */
function nameWithoutRole(displayName: string, roleLabel: string): string {
  const suffix = ` (${roleLabel.toLowerCase()})`;
  return displayName.toLowerCase().endsWith(suffix) ? displayName.slice(0, -suffix.length) : displayName;
}

/** GOV.UK's breakpoint: below it the service navigation collapses behind a "Menu" button. */
const WIDE_ENOUGH = '(min-width: 40.0625em)';

function useWideEnough(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE_ENOUGH).matches);
  useEffect(() => {
    const query = window.matchMedia(WIDE_ENOUGH);
    const changed = () => setWide(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return wide;
}

/** The council's header with who is signed in and "Sign out", then Lantern's navigation. */
export function Header() {
  const { user, can } = useSession();
  const { pathname } = useLocation();
  const items = user ? menuFor(user.role, can) : [];
  const wide = useWideEnough();
  const [open, setOpen] = useState(false);
  // A page chosen from the menu closes it, as a new page would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => setOpen(false), [pathname]);

  return (
    <header>
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              <span className="lantern-logo">Lantern</span>
              {user ? <span className="lantern-council">{user.councilName}</span> : null}
            </Link>
          </div>
          {user ? (
            <div className="lantern-user" data-testid="signed-in-user">
              <span className="lantern-user__name">{nameWithoutRole(user.displayName, user.roleLabel)}</span>
              <span className="lantern-user__role">{user.roleLabel}</span>
              <Link className="govuk-link govuk-link--inverse lantern-user__sign-out" to="/sign-out">
                Sign out
              </Link>
              <Link className="govuk-link govuk-link--inverse lantern-user__sign-out" to="/sign-out?everywhere">
                Sign out everywhere
              </Link>
            </div>
          ) : null}
        </div>
      </div>
      {user ? (
        <section aria-label="Service information" className="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              {items.length > 0 ? (
                <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                  <button
                    type="button"
                    className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                    aria-controls="navigation"
                    aria-expanded={open}
                    hidden={wide}
                    onClick={() => setOpen(!open)}
                  >
                    Menu
                  </button>
                  <ul className="govuk-service-navigation__list" id="navigation" hidden={!wide && !open}>
                    {items.map((item) => {
                      const current = item.current(pathname);
                      return (
                        <li key={item.href} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                          <Link className="govuk-service-navigation__link" to={item.href} aria-current={current ? 'page' : undefined}>
                            {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
              ) : null}
            </div>
          </div>
        </section>
      ) : null}
    </header>
  );
}
