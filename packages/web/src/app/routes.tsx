import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { RouteHandle } from './auth-redirects';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

// One chunk per page: the first page loads the layout and its own code only.
const HomePage = lazy(() =>
  import('../features/home/HomePage').then((module) => ({ default: module.HomePage })),
);
const SitesPage = lazy(() =>
  import('../features/sites/SitesPage').then((module) => ({ default: module.SitesPage })),
);
const SiteDetailPage = lazy(() =>
  import('../features/sites/SiteDetailPage').then((module) => ({
    default: module.SiteDetailPage,
  })),
);
const PaymentPage = lazy(() =>
  import('../features/payment/PaymentPage').then((module) => ({ default: module.PaymentPage })),
);
const InvoicePage = lazy(() =>
  import('../features/payment/InvoicePage').then((module) => ({ default: module.InvoicePage })),
);
const BillingSetupPage = lazy(() =>
  import('../features/billing/BillingSetupPage').then((module) => ({
    default: module.BillingSetupPage,
  })),
);
const AdministratorPage = lazy(() =>
  import('../features/administrator/AdministratorPage').then((module) => ({
    default: module.AdministratorPage,
  })),
);
const RegisterPage = lazy(() =>
  import('../features/accounts/RegisterPage').then((module) => ({
    default: module.RegisterPage,
  })),
);
const RegistrationReceivedPage = lazy(() =>
  import('../features/accounts/RegistrationReceivedPage').then((module) => ({
    default: module.RegistrationReceivedPage,
  })),
);
const SignInPage = lazy(() =>
  import('../features/accounts/SignInPage').then((module) => ({ default: module.SignInPage })),
);
const ChoosePasswordPage = lazy(() =>
  import('../features/accounts/ChoosePasswordPage').then((module) => ({
    default: module.ChoosePasswordPage,
  })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/accounts/ForgotPasswordPage').then((module) => ({
    default: module.ForgotPasswordPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/accounts/ResetPasswordPage').then((module) => ({
    default: module.ResetPasswordPage,
  })),
);
const ProfilePage = lazy(() =>
  import('../features/accounts/ProfilePage').then((module) => ({ default: module.ProfilePage })),
);
const OperatorPage = lazy(() =>
  import('../features/operator/OperatorPage').then((module) => ({
    default: module.OperatorPage,
  })),
);
const DevOutboxPage = lazy(() =>
  import('../features/dev-outbox/DevOutboxPage').then((module) => ({
    default: module.DevOutboxPage,
  })),
);
const AddPersonPage = lazy(() =>
  import('../features/people/AddPersonPage').then((module) => ({
    default: module.AddPersonPage,
  })),
);
const EditPersonPage = lazy(() =>
  import('../features/people/EditPersonPage').then((module) => ({
    default: module.EditPersonPage,
  })),
);
const AuditLogPage = lazy(() =>
  import('../features/audit/AuditLogPage').then((module) => ({ default: module.AuditLogPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../features/accept-invitation/AcceptInvitationPage').then((module) => ({
    default: module.AcceptInvitationPage,
  })),
);
const NotFoundPage = lazy(() =>
  import('../features/not-found/NotFoundPage').then((module) => ({
    default: module.NotFoundPage,
  })),
);

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
