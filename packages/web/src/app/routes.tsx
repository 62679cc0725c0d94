import { isValidElement, type ComponentType } from 'react';
import { matchRoutes, type RouteObject } from '../lib/router';
import type { RouteHandle } from './auth-redirects';
import {
  ACCOUNTS_NS,
  AUDIT_NS,
  BILLING_NS,
  INTEGRATIONS_NS,
  LISTS_NS,
  PEOPLE_NS,
  MFA_NS,
  SITES_NS,
  TRANSFERS_NS,
} from './i18n';
import type { Namespace } from '../lib/translator';
import { Layout } from './Layout';
import { loadApolloModule, WithApollo } from './lazy-apollo';
import { preloadableLazy, type PreloadableLazy } from '../lib/preloadable-lazy';
import { PageErrors } from './RouteError';

type LazyPage = PreloadableLazy<ComponentType> & Required<PageOptions>;

interface PageOptions {
  /**
   * The translation namespaces besides the core words it shows at once (a hint: a page that
   * leaves one out still works, its words just arrive one round trip later).
   */
  namespaces?: readonly Namespace[];
  /** false for the few pages that never ask the API: they render without Apollo Client */
  apollo?: boolean;
  /** what else the page shows a signed-in person at once (Home: the dashboard), fetched ahead */
  whenSignedIn?: () => Promise<unknown>;
  /** the namespaces of what it shows only a signed-in person (Home: the dashboard's) */
  namespacesWhenSignedIn?: readonly Namespace[];
}

/**
 * A page in a chunk of its own, fetched when its route first renders or by preloadPage, inside
 * Apollo's provider (Apollo Client's own chunk is fetched alongside).
 */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  {
    namespaces = [],
    apollo = true,
    whenSignedIn = () => Promise.resolve(),
    namespacesWhenSignedIn = [],
  }: PageOptions = {},
): LazyPage {
  // The page's chunk and Apollo Client's are fetched side by side, not one after the other.
  const Page = preloadableLazy(async () => {
    const [module] = await Promise.all([load(), apollo ? loadApolloModule() : null]);
    const Component: ComponentType = module[name];
    if (!apollo) return { default: Component };
    const WithClient = () => (
      <WithApollo>
        <Component />
      </WithApollo>
    );
    return { default: WithClient };
  });
  return Object.assign(Page, { namespaces, apollo, whenSignedIn, namespacesWhenSignedIn });
}

// One chunk per page: the first page loads the layout and its own code only.
// Home shows visitors a welcome without Apollo Client; its dashboard loads it.
const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage', {
  apollo: false,
  whenSignedIn: () =>
    Promise.all([
      // the dashboard's chunk fetched alongside Home's, not after it
      import('../features/home/Dashboard'),
      import('../features/home/HomePage').then((home) => home.Dashboard.preload()),
    ]),
  // the dashboard's billing setup notice is the sites page's
  namespacesWhenSignedIn: [SITES_NS],
});
const SitesPage = lazyPage(() => import('../features/sites/SitesPage'), 'SitesPage', {
  namespaces: [SITES_NS],
});
const SiteDetailPage = lazyPage(
  () => import('../features/sites/SiteDetailPage'),
  'SiteDetailPage',
  // (the transfer dialog's words load when it opens)
  { namespaces: [SITES_NS] },
);
const PaymentPage = lazyPage(() => import('../features/payment/PaymentPage'), 'PaymentPage', {
  namespaces: [BILLING_NS],
});
const InvoicePage = lazyPage(() => import('../features/payment/InvoicePage'), 'InvoicePage', {
  namespaces: [BILLING_NS],
});
const BillingSetupPage = lazyPage(
  () => import('../features/billing/BillingSetupPage'),
  'BillingSetupPage',
  { namespaces: [BILLING_NS] },
);
const AdministratorPage = lazyPage(
  () => import('../features/administrator/AdministratorPage'),
  'AdministratorPage',
  { namespaces: [PEOPLE_NS, LISTS_NS] },
);
const RegisterPage = lazyPage(() => import('../features/accounts/RegisterPage'), 'RegisterPage', {
  namespaces: [ACCOUNTS_NS],
  apollo: false,
});
const RegistrationReceivedPage = lazyPage(
  () => import('../features/accounts/RegistrationReceivedPage'),
  'RegistrationReceivedPage',
  { namespaces: [ACCOUNTS_NS], apollo: false },
);
const SignInPage = lazyPage(() => import('../features/accounts/SignInPage'), 'SignInPage', {
  namespaces: [ACCOUNTS_NS],
  // it loads Apollo Client itself, when the form is used
  apollo: false,
});
const ChoosePasswordPage = lazyPage(
  () => import('../features/accounts/ChoosePasswordPage'),
  'ChoosePasswordPage',
  { namespaces: [ACCOUNTS_NS] },
);
const ForgotPasswordPage = lazyPage(
  () => import('../features/accounts/ForgotPasswordPage'),
  'ForgotPasswordPage',
  { namespaces: [ACCOUNTS_NS], apollo: false },
);
const ResetPasswordPage = lazyPage(
  () => import('../features/accounts/ResetPasswordPage'),
  'ResetPasswordPage',
  { namespaces: [ACCOUNTS_NS], apollo: false },
);
const ProfilePage = lazyPage(() => import('../features/accounts/ProfilePage'), 'ProfilePage', {
  namespaces: [ACCOUNTS_NS],
});
const SetUpTwoFactorPage = lazyPage(
  () => import('../features/security/SetUpTwoFactorPage'),
  'SetUpTwoFactorPage',
  { namespaces: [MFA_NS] },
);
const OperatorPage = lazyPage(() => import('../features/operator/OperatorPage'), 'OperatorPage', {
  namespaces: [ACCOUNTS_NS],
});
const DevOutboxPage = lazyPage(
  () => import('../features/dev-outbox/DevOutboxPage'),
  'DevOutboxPage',
  // it reads the outbox with plain requests (dev-outbox-api.ts)
  { namespaces: [ACCOUNTS_NS], apollo: false },
);
const AddPersonPage = lazyPage(() => import('../features/people/AddPersonPage'), 'AddPersonPage', {
  namespaces: [PEOPLE_NS, LISTS_NS],
});
const EditPersonPage = lazyPage(
  () => import('../features/people/EditPersonPage'),
  'EditPersonPage',
  { namespaces: [PEOPLE_NS, LISTS_NS] },
);
const AuditLogPage = lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage', {
  // and the list pieces' words: breadcrumb, paging, the person and site pickers
  namespaces: [AUDIT_NS, LISTS_NS],
});
const IntegrationsPage = lazyPage(
  () => import('../features/integrations/IntegrationsPage'),
  'IntegrationsPage',
  { namespaces: [INTEGRATIONS_NS, LISTS_NS] },
);
const TransfersPage = lazyPage(
  () => import('../features/transfers/TransfersPage'),
  'TransfersPage',
  { namespaces: [TRANSFERS_NS] },
);
const AcceptInvitationPage = lazyPage(
  () => import('../features/accept-invitation/AcceptInvitationPage'),
  'AcceptInvitationPage',
  { namespaces: [ACCOUNTS_NS], apollo: false },
);
const NotFoundPage = lazyPage(() => import('../features/not-found/NotFoundPage'), 'NotFoundPage', {
  apollo: false,
});

/** Pages that only make sense with a session: an expired one sends the person to sign in. */
const signInRequired: RouteHandle = { signIn: 'required' };

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        // Pathless: a failing page shows its error inside the layout, navigation still works.
        element: <PageErrors />,
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
          // the "endpoint disabled" email links here (server mail-links.ts)
          { path: 'integrations', element: <IntegrationsPage />, handle: signInRequired },
          // the transfer emails link here (server mail-links.ts)
          { path: 'transfers', element: <TransfersPage />, handle: signInRequired },
          { path: 'accept-invitation', element: <AcceptInvitationPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'register/received', element: <RegistrationReceivedPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'choose-password', element: <ChoosePasswordPage />, handle: signInRequired },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'profile', element: <ProfilePage />, handle: signInRequired },
          // auth-redirects.ts SET_UP_TWO_FACTOR_PATH: two-factor sign-in required, not set up
          { path: 'set-up-two-factor', element: <SetUpTwoFactorPage />, handle: signInRequired },
          { path: 'operator', element: <OperatorPage />, handle: signInRequired },
          { path: 'dev/outbox', element: <DevOutboxPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * Starts fetching the code of the page at `pathname` (its chunk, and Apollo Client's if it
 * needs it) before the app first renders. Returns the translation namespaces it shows, the
 * fetches, and whether it needs Apollo Client: the app waits for all that, then renders the page
 * at once, rather than the layout with "Loading" first and the page later.
 */
export function preloadPage(pathname: string) {
  const pages = (matchRoutes(routes, pathname) ?? [])
    .map(({ route }) => (isValidElement(route.element) ? route.element.type : null))
    .filter(
      (page): page is LazyPage => typeof page === 'object' && page !== null && 'preload' in page,
    );
  return {
    namespaces: pages.flatMap((page) => page.namespaces),
    /** the namespaces of what the page shows a signed-in person besides its own */
    namespacesWhenSignedIn: pages.flatMap((page) => page.namespacesWhenSignedIn),
    code: Promise.all(pages.map((page) => page.preload())),
    apollo: pages.some((page) => page.apollo),
    /** the code the page shows a signed-in person besides its own */
    whenSignedIn: () => Promise.all(pages.map((page) => page.whenSignedIn())),
  };
}
