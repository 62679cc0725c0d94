import type { ReactNode } from 'react';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import type { PeopleViewer } from './usePeopleViewer';

/**
 * What a page for colleagues (add, edit, the audit log) shows until the signed-in person's level
 * is known: "Loading", the way to sign in, or the error with a retry; null once the page may
 * decide for itself. One place, so the pages cannot answer a visitor or a failure differently.
 */
export function peopleViewerPending(access: PeopleViewer): ReactNode {
  if (!access.known) return <Loading />;
  if (!access.signedIn) return <SignInRedirect />;
  if (access.error)
    return (
      <ErrorBanner
        error={access.error}
        context="Loading the signed-in person's access level"
        onRetry={access.refetch}
      />
    );
  return null;
}
