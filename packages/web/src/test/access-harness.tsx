// Renders a piece that asks useAccess() without the whole app: a viewer as ViewerProvider would
// give it, Apollo over a MockLink, the router and the core words.
import { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import type { ReactNode } from 'react';
import { I18nextProvider } from '../lib/useTranslation';
import { MemoryRouter, Route, Routes } from '../lib/router';
import { createCache } from '../app/apollo';
import { NO_VIEWER_YET, ViewerContext, type Viewer } from '../app/useViewer';
import { createTestI18n } from './i18n';
import { operatorData, personData } from './renderApp';

/** Who ViewerProvider says is signed in. */
export const VIEWERS = {
  unknown: NO_VIEWER_YET,
  visitor: { person: null, operator: null, known: true, error: undefined, startAccess: null },
  person: {
    person: personData({ firstName: 'Karin', lastName: 'Lund' }),
    operator: null,
    known: true,
    error: undefined,
    startAccess: null,
  },
  operator: {
    person: null,
    operator: operatorData(),
    known: true,
    error: undefined,
    startAccess: null,
  },
} satisfies Record<string, Viewer>;

export function accessHarness({
  viewer,
  mocks = [],
}: {
  viewer: Viewer;
  mocks?: MockLink.MockedResponse[];
}) {
  const client = new ApolloClient({
    link: new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    cache: createCache(),
  });
  const i18n = createTestI18n('en');
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <ApolloProvider client={client}>
          <ViewerContext value={viewer}>
            <MemoryRouter initialEntries={['/guarded']}>
              <Routes>
                <Route path="/guarded" element={children} />
                <Route path="/sign-in" element={<p>Sign-in page</p>} />
              </Routes>
            </MemoryRouter>
          </ViewerContext>
        </ApolloProvider>
      </I18nextProvider>
    );
  }
  return { client, wrapper: Wrapper };
}
