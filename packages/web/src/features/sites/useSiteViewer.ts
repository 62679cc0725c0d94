import { useAccess, type Access } from '../../app/useAccess';

/** The sites pages' view of who is asking: the one access answer (app/useAccess.ts). */
export type SiteViewer = Access;

/**
 * The signed-in person with their access level's rights, for pages that hide what a person may
 * not do (create or deactivate sites, see site admins, see the invoice estimate). Asked again
 * on each visit: billing setup may have been finished since (by a colleague, on the Payment page).
 */
export function useSiteViewer(): SiteViewer {
  return useAccess({ refresh: true });
}
