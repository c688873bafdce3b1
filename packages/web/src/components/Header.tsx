import { Link, useLocation } from 'react-router';
import { menuFor } from '../menu.ts';
import { useSession } from '../session.tsx';

/** "Sam Jones (Social worker)" → "Sam Jones": the role is shown beside the name anyway. */
function nameWithoutRole(displayName: string, roleLabel: string): string {
  const suffix = ` (${roleLabel.toLowerCase()})`;
  return displayName.toLowerCase().endsWith(suffix) ? displayName.slice(0, -suffix.length) : displayName;
}

/** The council's header, then Lantern's navigation with who is signed in and "Sign out". */
export function Header() {
  const { user, can } = useSession();
  const { pathname } = useLocation();
  const items = user ? menuFor(user.role, can) : [];

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
        </div>
      </div>
      {user ? (
        <section aria-label="Service information" className="govuk-service-navigation">
          <div className="govuk-width-container govuk-service-navigation__inlining-container">
            <div className="govuk-service-navigation__container">
              {items.length > 0 ? (
                <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                  <ul className="govuk-service-navigation__list" id="navigation">
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
            {user ? (
              <div className="lantern-user" data-testid="signed-in-user">
                <span className="lantern-user__name">{nameWithoutRole(user.displayName, user.roleLabel)}</span>
                <span className="lantern-user__role">{user.roleLabel}</span>
                <Link className="govuk-link govuk-link--no-visited-state lantern-user__sign-out" to="/sign-out">
                  Sign out
                </Link>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
    </header>
  );
}
