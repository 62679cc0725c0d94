import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_RIGHTS } from '@entry/shared';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from '../../lib/router';
import { AccessQuery } from '../../app/operations';

export const BILLING_SETUP_PATH = '/billing/setup';

/** The pages that lead to Home right after signing in (or choosing a first password). */
const SIGN_IN_PAGES: ReadonlySet<string> = new Set([
  '/sign-in',
  '/choose-password',
  '/accept-invitation',
]);

/**
 * Right after signing in, a payment admin whose company has not finished billing setup is sent
 * from Home to the wizard, once: leaving it stays possible, and Home's banner links to it later.
 *
 * Reads the level and the company's flag from the cache only (the page's ViewerBootstrap answer,
 * and Home asks for them again), so the layout makes no request of its own.
 */
export function useBillingSetupRedirect(
  person: { id: string; mustChangePassword: boolean; mustEnrollMfa: boolean } | null,
): void {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const previous = useRef(pathname);
  const arrivedFromSignIn = useRef(false);
  const { data } = useQuery(AccessQuery, {
    fetchPolicy: 'cache-only',
    skip: !person || person.mustChangePassword || person.mustEnrollMfa,
  });
  const me = data?.me;
  const due =
    pathname === '/' &&
    !!me &&
    me.id === person?.id &&
    ACCESS_LEVEL_RIGHTS[me.accessLevel.code].payments &&
    me.company?.billingSetupComplete === false;

  useEffect(() => {
    if (previous.current === pathname) return;
    arrivedFromSignIn.current = pathname === '/' && SIGN_IN_PAGES.has(previous.current);
    previous.current = pathname;
  }, [pathname]);

  useEffect(() => {
    if (!due || !arrivedFromSignIn.current) return;
    arrivedFromSignIn.current = false;
    void navigate(BILLING_SETUP_PATH);
  }, [due, navigate]);
}

/** The layout's use of the hook, loaded with Apollo Client (apollo-runtime.tsx). */
export function BillingSetupRedirect({
  person,
}: {
  person: Parameters<typeof useBillingSetupRedirect>[0];
}) {
  useBillingSetupRedirect(person);
  return null;
}
