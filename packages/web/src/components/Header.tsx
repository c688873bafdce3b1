import { Link, useLocation } from 'react-router';
import { useSession } from '../session.tsx';

/** "Sam Jones (Social worker)" → "Sam Jones": the role is shown beside the name anyway. */
function nameWithoutRole(displayName: string, roleLabel: string): string {
  const suffix = ` (${roleLabel.toLowerCase()})`;
  return displayName.toLowerCase().endsWith(suffix) ? displayName.slice(0, -suffix.length) : displayName;
}

type NavItem = { href: string; text: string; current: (path: string) => boolean };

/** The council's header, then Lantern's navigation with who is signed in and "Sign out". */
export function Header() {
  const { user, can } = useSession();
  const { pathname } = useLocation();

  const items: NavItem[] = [];
  if (user) {
    if (user.role === 'partner') items.push({ href: '/partner', text: 'Requests', current: (p) => p.startsWith('/partner') });
    else items.push({ href: '/', text: 'Find a child', current: (p) => p === '/' || (p.startsWith('/children/') && p !== '/children/new') });
    if (can('worklist:read')) items.push({ href: '/work', text: 'My work', current: (p) => p === '/work' });
    if (can('workforce:read')) items.push({ href: '/teams', text: 'Teams', current: (p) => p.startsWith('/teams') });
    if (can('performance:read')) items.push({ href: '/performance', text: 'Performance', current: (p) => p.startsWith('/performance') });
    if (can('improvement:read')) items.push({ href: '/improvement', text: 'Improvement plan', current: (p) => p.startsWith('/improvement') });
    if (can('partner:oversee')) items.push({ href: '/partners', text: 'Partners', current: (p) => p.startsWith('/partners') });
    else if (can('partner:manage')) items.push({ href: '/partners/register', text: 'Partners', current: (p) => p.startsWith('/partners') });
    if (can('workforce:report')) items.push({ href: '/workforce', text: 'Workforce', current: (p) => p === '/workforce' || p.startsWith('/workers/') });
    if (can('child:create')) items.push({ href: '/children/new', text: 'Add a child', current: (p) => p === '/children/new' });
    if (can('child:search')) items.push({ href: '/uasc', text: 'UASC', current: (p) => p === '/uasc' });
    if (can('child:search')) items.push({ href: '/care-leavers', text: 'Care leavers', current: (p) => p === '/care-leavers' });
    if (can('returns:produce')) items.push({ href: '/returns', text: 'Returns', current: (p) => p.startsWith('/returns') });
    if (can('looked-after:oversee')) {
      items.push({ href: '/looked-after/unregistered', text: 'Unregistered placements', current: (p) => p === '/looked-after/unregistered' });
      items.push({ href: '/looked-after/missing', text: 'Missing children', current: (p) => p === '/looked-after/missing' });
    }
    if (can('provider:read')) items.push({ href: '/providers', text: 'Providers', current: (p) => p === '/providers' });
  }

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
