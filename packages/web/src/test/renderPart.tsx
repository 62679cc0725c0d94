import { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import type { Locale } from '@entry/shared';
import { render, renderHook } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from '../lib/useTranslation';
import { MemoryRouter, useLocation, type Location } from '../lib/router';
import { createCache } from '../app/apollo';
import { createTestI18n } from './i18n';

interface PartOptions {
  locale?: Locale;
  mocks?: MockLink.MockedResponse[];
  /** where the router starts: a path, or a path with location state */
  at?: string | { pathname: string; search?: string; state?: unknown };
}

/**
 * What a page's part needs around it, without the app: words, Apollo over a MockLink and a
 * router. `location()` is where the router is now.
 */
function partProviders({ locale = 'en', mocks = [], at = '/' }: PartOptions) {
  const i18n = createTestI18n(locale);
  const client = new ApolloClient({
    link: new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    cache: createCache(),
  });
  const seen: { location: Location | null } = { location: null };
  function Probe() {
    seen.location = useLocation();
    return null;
  }
  function Providers({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <ApolloProvider client={client}>
          <MemoryRouter initialEntries={[at]}>
            {children}
            <Probe />
          </MemoryRouter>
        </ApolloProvider>
      </I18nextProvider>
    );
  }
  return { Providers, client, i18n, location: () => seen.location };
}

/** Renders one part of a page (a component) with words, Apollo and a router. */
export function renderPart(ui: ReactNode, options: PartOptions = {}) {
  const { Providers, ...rest } = partProviders(options);
  const user = userEvent.setup();
  return { ...render(ui, { wrapper: Providers }), ...rest, user };
}

/** Runs a hook of a page's part with words, Apollo and a router. */
export function renderPartHook<Result, Props>(
  hook: (props: Props) => Result,
  options: PartOptions & { initialProps?: Props } = {},
) {
  const { Providers, ...rest } = partProviders(options);
  return {
    ...renderHook(hook, { wrapper: Providers, initialProps: options.initialProps }),
    ...rest,
  };
}
