import { Component, useEffect, type ReactNode } from 'react';
import { useTranslation } from '../lib/useTranslation';
import { Outlet, useLocation } from '../lib/router';

/** A page that failed to render or whose code could not be fetched (e.g. after a deploy). */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  useEffect(() => {
    console.error('Rendering the page failed', error);
  }, [error]);
  return (
    <div className="banner banner-error" role="alert">
      <p>{t('status.pageFailed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('status.reload')}
      </button>
    </div>
  );
}

interface PageErrorBoundaryProps {
  /** the page's path: going to another page leaves the error behind */
  pathname: string;
  children: ReactNode;
}

interface PageErrorBoundaryState {
  /** what the page threw, and on which path (anything may be thrown, even undefined) */
  failure: { error: unknown; pathname: string | null } | null;
}

class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): PageErrorBoundaryState {
    return { failure: { error, pathname: null } };
  }

  static getDerivedStateFromProps(
    { pathname }: PageErrorBoundaryProps,
    { failure }: PageErrorBoundaryState,
  ): PageErrorBoundaryState | null {
    if (!failure) return null;
    // Runs right after getDerivedStateFromError too: that is when the path is noted.
    if (failure.pathname === null) return { failure: { ...failure, pathname } };
    return failure.pathname === pathname ? null : { failure: null };
  }

  override render() {
    const { failure } = this.state;
    return failure ? <RouteError error={failure.error} /> : this.props.children;
  }
}

/**
 * The pages' error boundary, inside the layout: a failing page shows its error there, the
 * navigation still works, and the next page renders afresh.
 */
export function PageErrors() {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary pathname={pathname}>
      <Outlet />
    </PageErrorBoundary>
  );
}
