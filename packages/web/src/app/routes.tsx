import { isValidElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import type { RouteHandle } from './auth-redirects';
import { ACCOUNTS_NS, BILLING_NS } from './i18n';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

type LazyPage = LazyExoticComponent<ComponentType> & {
  preload: () => Promise<unknown>;
  namespaces: readonly string[];
};

/**
 * A page in a chunk of its own, fetched when its route first renders or by preloadPage.
 * `namespaces`: the translation namespaces besides the core words it shows at once (a hint:
 * a page that leaves one out still works, its words just arrive one round trip later).
 */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  namespaces: readonly string[] = [],
): LazyPage {
  const Page = lazy(() => load().then((module) => ({ default: module[name] })));
  // The browser fetches a module once: lazy() later finds the preloaded one.
  return Object.assign(Page, { preload: load, namespaces });
}

// One chunk per page: the first page loads the layout and its own code only.
const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage');
const SitesPage = lazyPage(() => import('../features/sites/SitesPage'), 'SitesPage');
const SiteDetailPage = lazyPage(() => import('../features/sites/SiteDetailPage'), 'SiteDetailPage');
const PaymentPage = lazyPage(() => import('../features/payment/PaymentPage'), 'PaymentPage', [
  ACCOUNTS_NS,
  BILLING_NS,
]);
const InvoicePage = lazyPage(() => import('../features/payment/InvoicePage'), 'InvoicePage', [
  ACCOUNTS_NS,
  BILLING_NS,
]);
const BillingSetupPage = lazyPage(
  () => import('../features/billing/BillingSetupPage'),
  'BillingSetupPage',
  [ACCOUNTS_NS, BILLING_NS],
);
const AdministratorPage = lazyPage(
  () => import('../features/administrator/AdministratorPage'),
  'AdministratorPage',
);
const RegisterPage = lazyPage(() => import('../features/accounts/RegisterPage'), 'RegisterPage', [
  ACCOUNTS_NS,
]);
const RegistrationReceivedPage = lazyPage(
  () => import('../features/accounts/RegistrationReceivedPage'),
  'RegistrationReceivedPage',
  [ACCOUNTS_NS],
);
const SignInPage = lazyPage(() => import('../features/accounts/SignInPage'), 'SignInPage', [
  ACCOUNTS_NS,
]);
const ChoosePasswordPage = lazyPage(
  () => import('../features/accounts/ChoosePasswordPage'),
  'ChoosePasswordPage',
  [ACCOUNTS_NS],
);
const ForgotPasswordPage = lazyPage(
  () => import('../features/accounts/ForgotPasswordPage'),
  'ForgotPasswordPage',
  [ACCOUNTS_NS],
);
const ResetPasswordPage = lazyPage(
  () => import('../features/accounts/ResetPasswordPage'),
  'ResetPasswordPage',
  [ACCOUNTS_NS],
);
const ProfilePage = lazyPage(() => import('../features/accounts/ProfilePage'), 'ProfilePage', [
  ACCOUNTS_NS,
]);
const OperatorPage = lazyPage(() => import('../features/operator/OperatorPage'), 'OperatorPage', [
  ACCOUNTS_NS,
]);
const DevOutboxPage = lazyPage(
  () => import('../features/dev-outbox/DevOutboxPage'),
  'DevOutboxPage',
  [ACCOUNTS_NS],
);
const AddPersonPage = lazyPage(() => import('../features/people/AddPersonPage'), 'AddPersonPage', [
  ACCOUNTS_NS,
]);
const EditPersonPage = lazyPage(
  () => import('../features/people/EditPersonPage'),
  'EditPersonPage',
  [ACCOUNTS_NS],
);
const AuditLogPage = lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
const AcceptInvitationPage = lazyPage(
  () => import('../features/accept-invitation/AcceptInvitationPage'),
  'AcceptInvitationPage',
  [ACCOUNTS_NS],
);
const NotFoundPage = lazyPage(() => import('../features/not-found/NotFoundPage'), 'NotFoundPage');

/** Pages that only make sense with a session: an expired one sends the person to sign in. */
const signInRequired: RouteHandle = { signIn: 'required' };

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        // Pathless: a failing page shows its error inside the layout, navigation still works.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sites', element: <SitesPage />, handle: signInRequired },
          { path: 'sites/:siteId', element: <SiteDetailPage />, handle: signInRequired },
          { path: 'payment', element: <PaymentPage /> },
          { path: 'payment/invoices/:id', element: <InvoicePage />, handle: signInRequired },
          { path: 'billing/setup', element: <BillingSetupPage />, handle: signInRequired },
          { path: 'administrator', element: <AdministratorPage /> },
          {
            path: 'administrator/people/new',
            element: <AddPersonPage />,
            handle: signInRequired,
          },
          {
            path: 'administrator/people/:id',
            element: <EditPersonPage />,
            handle: signInRequired,
          },
          { path: 'administrator/audit', element: <AuditLogPage />, handle: signInRequired },
          { path: 'accept-invitation', element: <AcceptInvitationPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'register/received', element: <RegistrationReceivedPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'choose-password', element: <ChoosePasswordPage />, handle: signInRequired },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'profile', element: <ProfilePage />, handle: signInRequired },
          { path: 'operator', element: <OperatorPage />, handle: signInRequired },
          { path: 'dev/outbox', element: <DevOutboxPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * Starts fetching the chunk of the page at `pathname` before the app first renders, and
 * returns the translation namespaces it shows: the app waits for its words (i18n.ts) first, and
 * without this the page's chunk, then its words, would only be requested after them.
 */
export function preloadPage(pathname: string): string[] {
  const namespaces: string[] = [];
  for (const { route } of matchRoutes(routes, pathname) ?? []) {
    const page = isValidElement(route.element) ? route.element.type : null;
    if (page && typeof page === 'object' && 'preload' in page) {
      void (page as LazyPage).preload();
      namespaces.push(...(page as LazyPage).namespaces);
    }
  }
  return namespaces;
}
