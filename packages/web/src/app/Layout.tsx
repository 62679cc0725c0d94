import {
  Suspense,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useTranslation } from '../lib/useTranslation';
import { Link, NavLink, Navigate, Outlet, useLocation } from '../lib/router';
import { ErrorBanner, Loading } from '../components/QueryStatus';
import { blockedStatePath } from './auth-redirects';
import { LanguagePicker } from './LanguagePicker';
import { useLoadedApollo } from './lazy-apollo';
import { NAV_ITEMS, OPERATOR_NAV_ITEMS, type NavItem } from './navigation';
import { useViewer } from './useViewer';
import { lazyNamed } from '../lib/preloadable-lazy';

// It loads after the page, with Apollo Client there already: it shows rarely.
const OverdueWatch = lazyNamed(() => import('../features/billing/OverdueWatch'), 'OverdueWatch');

const MENU_ID = 'site-menu';

export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { person, operator, known, error } = useViewer();
  // A temporary password, or two-factor sign-in required and not set up, opens one page only:
  // the one that ends that state.
  const blockedAt = blockedStatePath(person ?? operator);
  const signedIn = Boolean(person ?? operator);
  const items: readonly NavItem[] = blockedAt ? [] : operator ? OPERATOR_NAV_ITEMS : NAV_ITEMS;
  const viewerName = person ? `${person.firstName} ${person.lastName}` : operator?.name;
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useFocusMainOnNavigation(mainRef);
  // Signing out and the billing redirect need Apollo Client: loaded for anyone signed in.
  const apollo = useLoadedApollo();

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    mainRef.current?.focus();
  }

  function closeMenuOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      toggleRef.current?.focus();
    }
  }

  const closeMenu = () => setMenuOpen(false);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <Link to="/" className="brand" onClick={closeMenu}>
            {t('app.name')}
          </Link>
          <button
            ref={toggleRef}
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls={MENU_ID}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('layout.menu')}
          </button>
        </div>
        <div
          id={MENU_ID}
          className={menuOpen ? 'site-menu is-open' : 'site-menu'}
          onKeyDown={closeMenuOnEscape}
        >
          <nav aria-label={t('layout.mainNavigation')}>
            <ul className="nav-list">
              {items.map((item) => {
                const link = (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.to === '/'}
                      className="nav-link"
                      onClick={closeMenu}
                    >
                      {t(item.label)}
                    </NavLink>
                  </li>
                );
                if (!('permission' in item)) return link;
                // Who may see it depends on the person's level, which comes with Apollo Client
                // (already there for anyone signed in when the first page renders).
                return (
                  apollo && (
                    <apollo.Provider key={item.to}>
                      <apollo.IfAllowed permission={item.permission}>{link}</apollo.IfAllowed>
                    </apollo.Provider>
                  )
                );
              })}
              {/* Until `me` has answered, neither: no flash of the wrong one. */}
              {known && signedIn && apollo && (
                <li>
                  <apollo.Provider>
                    <apollo.SignOutButton onSignedOut={closeMenu} />
                  </apollo.Provider>
                </li>
              )}
              {known && !signedIn && (
                <li>
                  <NavLink to="/sign-in" className="nav-link" onClick={closeMenu}>
                    {t('nav.signIn')}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="header-tools">
            {viewerName && (
              <p className="viewer">
                <span>{t('layout.signedInAs', { name: viewerName })}</span>
                {!blockedAt && (
                  <>
                    {' '}
                    <NavLink to="/profile" className="viewer-link" onClick={closeMenu}>
                      {t('nav.profile')}
                    </NavLink>
                  </>
                )}
              </p>
            )}
            <LanguagePicker />
          </div>
        </div>
      </header>
      {apollo && (
        <apollo.Provider>
          {/* Right after signing in: a payment admin whose company has no billing setup yet -> wizard. */}
          <apollo.BillingSetupRedirect person={person} />
        </apollo.Provider>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {error !== undefined && (
          <ErrorBanner error={error} context="Loading the signed-in person (me)" />
        )}
        {apollo && person && !blockedAt && (
          <apollo.Provider>
            {/* after the page: what is overdue, or that the company is suspended */}
            <Suspense fallback={null}>
              <OverdueWatch person={person} />
            </Suspense>
          </apollo.Provider>
        )}
        {blockedAt && pathname !== blockedAt ? (
          <Navigate to={blockedAt} replace />
        ) : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
    </div>
  );
}

/**
 * After a client-side navigation, moves focus to the new page's content, as a full page load
 * would reset it; the first render leaves focus alone so Tab still reaches the skip link first.
 */
function useFocusMainOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus();
  }, [pathname, mainRef]);
}
