import { useState } from 'react';
import { useLocation, useNavigate } from '../../lib/router';

/** What Home's "Add a site" shortcut puts in the location state: open the form at once. */
export interface SitesLocationState {
  createSite?: boolean;
}

/**
 * Whether the new-site form is open: at once when Home's shortcut asked for it (and the viewer
 * may create sites), else when the person opens it.
 */
export function useCreateSiteShortcut(canCreate: boolean) {
  const location = useLocation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(
    () => canCreate && (location.state as SitesLocationState | null)?.createSite === true,
  );

  /** Cancelled: the shortcut's request is answered, so reloading should not open it again. */
  function close() {
    setCreating(false);
    if ((location.state as SitesLocationState | null)?.createSite)
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }

  return {
    creating,
    open: () => setCreating(true),
    close,
    /** saved: the page moves on to the new site */
    done: () => setCreating(false),
  };
}
