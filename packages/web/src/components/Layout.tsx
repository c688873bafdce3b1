import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Header } from './Header.tsx';
import { Loading } from './Notices.tsx';

/** Every page: skip link, header, the page in <main>, footer. */
export function Layout() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  // A new page starts at the top with focus on its content, as after a full page load, so
  // keyboard and screen reader users are not left on a link that has gone.
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [pathname]);

  useScrollingTablesFocusable();

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <Header />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {/* Pages are fetched when first opened (see App.tsx); meanwhile the shell stays and says so. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s lantern-footer-text">
                Lantern: case management for children’s social care. Records here are confidential; every record you open is logged.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

/**
 * On a narrow screen a wide table scrolls within itself (lantern.css). A keyboard user must be
 * able to reach it to scroll it, so while a table overflows it takes focus (tabindex 0), and
 * gives it up when it fits again. Watched for every page, as tables arrive with their data, and
 * on resizing the window.
 */
function useScrollingTablesFocusable() {
  useEffect(() => {
    const main = document.getElementById('main-content');
    if (!main) return;
    const mark = () => {
      for (const table of main.querySelectorAll<HTMLTableElement>('table')) {
        const scrolls = table.scrollWidth > table.clientWidth + 1;
        if (scrolls && table.tabIndex !== 0) table.tabIndex = 0;
        else if (!scrolls && table.getAttribute('tabindex') === '0') table.removeAttribute('tabindex');
      }
    };
    let queued = 0;
    const soon = () => {
      cancelAnimationFrame(queued);
      queued = requestAnimationFrame(mark);
    };
    // Marked as soon as the page changes (the observer runs before the browser's next task), not
    // on the next frame: a frame can be late in a background tab, and the table is reachable
    // from the moment it shows.
    const observer = new MutationObserver(mark);
    observer.observe(main, { childList: true, subtree: true });
    window.addEventListener('resize', soon);
    mark();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', soon);
      cancelAnimationFrame(queued);
    };
  }, []);
}
