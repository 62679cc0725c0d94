import type { Permission } from '@entry/shared';
import type { ReactNode } from 'react';
import { useAccess, type Access } from './useAccess';
import { ErrorBanner, Loading } from '../components/QueryStatus';
import { SignInRedirect } from '../components/SignInRedirect';

type Shown = ReactNode | ((access: Access) => ReactNode);

interface RequireAccessProps {
  /** what the page needs (shared policy); without it, anyone signed in passes */
  permission?: Permission;
  /** instead of the page, for those the permission leaves out (operators included) */
  notAllowed?: Shown;
  /** instead of the page, while the person's company has not finished billing setup */
  billingSetup?: Shown;
  /** for a visitor (nobody signed in): by default off to sign in, and back afterwards */
  signedOut?: ReactNode;
  /** until the answer is in */
  loading?: ReactNode;
  /** ask the access again even when cached (where billing setup may have just been finished) */
  refresh?: boolean;
  /** the page, once allowed; a function gets the answer to decide with */
  children: Shown;
}

function show(shown: Shown, access: Access): ReactNode {
  return typeof shown === 'function' ? shown(access) : shown;
}

/**
 * The one guard of the pages that depend on who is asking: "Loading" until the access is known,
 * the way to sign in for a visitor, the error with a retry, the refusal, the billing-setup
 * notice, else the page. One place, so no page answers a visitor or a failure differently.
 */
export function RequireAccess({
  permission,
  notAllowed = null,
  billingSetup,
  signedOut = <SignInRedirect />,
  loading = <Loading />,
  refresh = false,
  children,
}: RequireAccessProps) {
  const access = useAccess({ refresh });
  if (!access.known) return loading;
  if (!access.signedIn) return signedOut;
  if (access.error)
    return (
      <ErrorBanner
        error={access.error}
        context="Loading the signed-in person's access level"
        onRetry={access.refetch}
      />
    );
  if (permission && !access.can(permission)) return show(notAllowed, access);
  if (billingSetup !== undefined && access.person && !access.billingSetupComplete)
    return show(billingSetup, access);
  return show(children, access);
}
