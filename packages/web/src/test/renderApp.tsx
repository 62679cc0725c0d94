import { ApolloClient, ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import type { Locale } from '@entry/shared';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { authErrorLink, createCache } from '../app/apollo';
import { App } from '../app/App';
import { handleAuthError } from '../app/auth-redirects';
import { createTestI18n } from './i18n';
import { ViewerQuery } from '../app/operations';
import { routes } from '../app/routes';

interface RenderAppOptions {
  path?: string;
  /** A fixed language; leave it out to let the detector read localStorage and navigator. */
  locale?: Locale;
  mocks?: MockLink.MockedResponse[];
}

/**
 * The whole app (layout, lazy pages, i18n, Apollo over a MockLink, the auth-error redirects) at
 * one path.
 */
export function renderApp({ path = '/', locale, mocks = [anonymous()] }: RenderAppOptions = {}) {
  const i18n = createTestI18n(locale);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([
      authErrorLink((code) => handleAuthError(router, client, code)),
      new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    ]),
    cache: createCache(),
  });
  const user = userEvent.setup();
  const view = render(<App client={client} i18n={i18n} router={router} />);
  return { ...view, user, i18n, client, router };
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
}

/** A person of a company, as `me` returns them. */
export function personData(person: TestPerson) {
  return {
    __typename: 'Person' as const,
    id: 'person-1',
    email: 'karin.lund@example.se',
    locale: 'en',
    mustChangePassword: false,
    ...person,
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
  };
}

export function signedInOperator(
  maxUsageCount = Number.POSITIVE_INFINITY,
): MockLink.MockedResponse {
  return viewer({ me: null, currentOperator: operatorData() }, maxUsageCount);
}
