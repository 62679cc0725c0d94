import type { ApolloClient } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { useLayoutEffect, type ComponentType, type ReactNode } from 'react';
import { BillingSetupRedirect } from '../features/billing/useBillingSetupRedirect';
import type {
  ViewerBootstrapQuery as ViewerBootstrapData,
  ViewerQuery as ViewerData,
} from '../gql/graphql';
import { createApolloClient, type ApolloOptions } from './apollo';
import { AuthErrorRedirects } from './AuthErrorRedirects';
import { IfAllowed } from './IfAllowed';
import { ViewerBootstrapQuery, ViewerQuery } from './operations';
import { SignOutButton } from './SignOutButton';

/** What `useQuery(ViewerQuery)` answers: the layout's view of who is signed in. */
export interface ViewerAnswer {
  data?: ViewerData | undefined;
  error?: unknown;
}

/**
 * The lazily loaded part of the app that needs Apollo Client: the client, its provider, and the
 * layout's pieces that use it (they come with the client, so they render as soon as it is there).
 */
export interface ApolloRuntime {
  client: ApolloClient;
  /** Apollo's provider for this client */
  Provider: ComponentType<{ children: ReactNode }>;
  /** reports every answer of the Viewer query (the layout's source once Apollo is there) */
  ViewerFeed: ComponentType<{ onAnswer: (answer: ViewerAnswer) => void }>;
  SignOutButton: typeof SignOutButton;
  BillingSetupRedirect: typeof BillingSetupRedirect;
  /** its children only for those the shared policy allows a permission (navigation items) */
  IfAllowed: typeof IfAllowed;
  /** sends the person to sign in (or to choose a password) when the server says so */
  AuthErrorRedirects: typeof AuthErrorRedirects;
}

function ViewerFeed({ onAnswer }: { onAnswer: (answer: ViewerAnswer) => void }) {
  const { data, error } = useQuery(ViewerQuery);
  // Before paint: the layout and the pages never show two different answers.
  useLayoutEffect(() => onAnswer({ data, error }), [data, error, onAnswer]);
  return null;
}

/**
 * `viewer`: who is signed in, as the page or the bootstrap request answered (viewer-bootstrap.ts;
 * null if that failed): written to the cache, so neither the Viewer query nor SiteViewer (the
 * rights a first screen needs) waits for the API.
 */
export function apolloRuntime(
  client: ApolloClient,
  viewer: ViewerBootstrapData | null = null,
): ApolloRuntime {
  if (viewer) client.writeQuery({ query: ViewerBootstrapQuery, data: viewer });
  function Provider({ children }: { children: ReactNode }) {
    return <ApolloProvider client={client}>{children}</ApolloProvider>;
  }
  return {
    client,
    Provider,
    ViewerFeed,
    SignOutButton,
    BillingSetupRedirect,
    IfAllowed,
    AuthErrorRedirects,
  };
}

/** The app's client, talking to the server (apollo.ts), and what comes with it. */
export function startApollo(
  options: ApolloOptions,
  viewer: ViewerBootstrapData | null,
): ApolloRuntime {
  return apolloRuntime(createApolloClient(options), viewer);
}
