import { lazyNamed } from '../../lib/preloadable-lazy';

// The sites pages' dialogs and their operations are fetched after the page shows
// (preloadSiteDialogs), not with it: they kept a site's page over the 150 kB budget.
const loadEntryUserDialogs = () => import('./components/EntryUserDialogs');
export const EditEntryUserDialog = lazyNamed(loadEntryUserDialogs, 'EditEntryUserDialog');
export const RemoveEntryUserDialog = lazyNamed(loadEntryUserDialogs, 'RemoveEntryUserDialog');
/** the add form of a site's page, below its list (its words and the move dates' rules with it) */
export const EntryUserForm = lazyNamed(() => import('./components/EntryUserForm'), 'EntryUserForm');
export const SiteFormDialog = lazyNamed(
  () => import('./components/SiteFormDialog'),
  'SiteFormDialog',
);
export const SiteStatusDialog = lazyNamed(
  () => import('./components/SiteStatusDialog'),
  'SiteStatusDialog',
);

/** Fetches the dialogs once the page is on screen, so opening one never waits. */
export function preloadSiteDialogs(): void {
  for (const dialog of [EditEntryUserDialog, SiteFormDialog, SiteStatusDialog, EntryUserForm])
    dialog.preload().catch((error: unknown) => {
      // Opening it fetches again (React.lazy retries), and says so if it still fails.
      console.warn('Could not fetch a dialog of the sites pages ahead', error);
    });
}
