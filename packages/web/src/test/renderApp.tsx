import { ApolloClient, ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import type { Locale } from '@entry/shared';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import {
  MemoryRouter,
  useLocation,
  useNavigate,
  type Location,
  type NavigateFunction,
} from '../lib/router';
import { authErrorLink, createCache } from '../app/apollo';
import { apolloRuntime } from '../app/apollo-runtime';
import { App } from '../app/App';
import { AuthErrorEvents } from '../app/auth-redirects';
import { ApolloLoader } from '../app/lazy-apollo';
import { createTestI18n } from './i18n';
import { ViewerQuery } from '../app/operations';
import type {
  AccessLevelCode,
  CompanyStatus,
  ViewerBootstrapQuery as ViewerBootstrapData,
} from '../gql/graphql';

interface RenderAppOptions {
  path?: string;
  /** A fixed language; leave it out to let the detector read localStorage and navigator. */
  locale?: Locale;
  mocks?: MockLink.MockedResponse[];
  /**
   * Start as the app does: who is signed in comes from the bootstrap request (this answer, null
   * for a failed one) and Apollo Client is made only when something needs it. Without it, the
   * client is there from the start and asks the Viewer query itself.
   */
  bootstrap?: ViewerBootstrapData | null;
  /** with `bootstrap`: Apollo Client's chunk does not arrive until `releaseApollo()` is called */
  holdApollo?: boolean;
}

/** Where the app is, and a way to send it elsewhere, as a test sees the router. */
export interface TestRouter {
  state: { location: Location };
  navigate: NavigateFunction;
}

function RouterProbe({ report }: { report: (router: TestRouter) => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  useLayoutEffect(() => {
    report({ state: { location }, navigate });
  }, [location, navigate, report]);
  return null;
}

/**
 * The whole app (layout, lazy pages, i18n, Apollo over a MockLink, the auth-error redirects) at
 * one path.
 */
export function renderApp({
  path = '/',
  locale,
  mocks = [anonymous()],
  bootstrap,
  holdApollo = false,
}: RenderAppOptions = {}) {
  const i18n = createTestI18n(locale);
  const authErrors = new AuthErrorEvents();
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([
      authErrorLink(authErrors.report),
      new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    ]),
    cache: createCache(),
  });
  const user = userEvent.setup();
  let apolloStarts = 0;
  let releaseApollo = () => {};
  const apolloArrives = holdApollo
    ? new Promise<void>((resolve) => (releaseApollo = resolve))
    : Promise.resolve();
  const apollo =
    bootstrap === undefined
      ? ApolloLoader.loaded(apolloRuntime(client))
      : new ApolloLoader(async () => {
          apolloStarts += 1;
          await apolloArrives;
          return apolloRuntime(client, bootstrap);
        });
  const router = {} as TestRouter;
  const view = render(
    <App
      i18n={i18n}
      apollo={apollo}
      authErrors={authErrors}
      viewer={bootstrap === undefined ? undefined : Promise.resolve(bootstrap)}
      Router={({ children }) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>}
    >
      <RouterProbe report={(current) => Object.assign(router, current)} />
    </App>,
  );
  return {
    ...view,
    user,
    i18n,
    client,
    releaseApollo,
    router,
    /** whether Apollo Client was made (always, without `bootstrap`) */
    apolloStarted: () => bootstrap === undefined || apolloStarts > 0,
  };
}

type Viewer = {
  me: Record<string, unknown> | null;
  currentOperator: Record<string, unknown> | null;
};

function viewer(data: Viewer, maxUsageCount: number): MockLink.MockedResponse {
  return { request: { query: ViewerQuery }, result: { data }, maxUsageCount };
}

/** `me` and `currentOperator` for a visitor who has not signed in. */
export function anonymous(maxUsageCount = Number.POSITIVE_INFINITY): MockLink.MockedResponse {
  return viewer({ me: null, currentOperator: null }, maxUsageCount);
}

export interface TestPerson {
  firstName: string;
  lastName: string;
  email?: string;
  locale?: string;
  mustChangePassword?: boolean;
  mustEnrollMfa?: boolean;
}

/** A person of a company, as `me` returns them. */
export function personData(person: TestPerson) {
  return {
    __typename: 'Person' as const,
    id: 'person-1',
    email: 'karin.lund@example.se',
    locale: 'en',
    mustChangePassword: false,
    mustEnrollMfa: false,
    ...person,
  };
}

/**
 * A person as the ViewerBootstrap query returns them (the page's answer): `me` with the access
 * level and the company's billing setup.
 */
export function bootstrapPersonData(
  person: TestPerson,
  {
    accessLevel = 'PAYMENT_ADMIN',
    billingSetupComplete = true,
    status = 'APPROVED' as CompanyStatus,
  } = {},
) {
  return {
    ...personData(person),
    accessLevel: { __typename: 'AccessLevel' as const, code: accessLevel as AccessLevelCode },
    company: { __typename: 'Company' as const, id: 'company-1', billingSetupComplete, status },
  };
}

export function signedIn(
  person: TestPerson,
  maxUsageCount = Number.POSITIVE_INFINITY,
): MockLink.MockedResponse {
  return viewer({ me: personData(person), currentOperator: null }, maxUsageCount);
}

export function operatorData() {
  return {
    __typename: 'Operator' as const,
    id: 'operator-1',
    name: 'Olle Operator',
    email: 'olle@vendor.example',
    mustEnrollMfa: false,
  };
}

export function signedInOperator(
  maxUsageCount = Number.POSITIVE_INFINITY,
): MockLink.MockedResponse {
  return viewer({ me: null, currentOperator: operatorData() }, maxUsageCount);
}
