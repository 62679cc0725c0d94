import { createContext, use, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApolloRuntime } from './apollo-runtime';

/**
 * Fetches the Apollo Client chunk (`apollo-runtime.tsx`, about a third of the app's first-page
 * JavaScript) without making the client: the module is shared, the client belongs to one App.
 */
export const loadApolloModule = () => import('./apollo-runtime');

/**
 * The app's Apollo Client, made when something first needs it. Visitors' public pages (the
 * welcome page, not found) render without it: the layout learns who is signed in from a plain
 * request (viewer-bootstrap.ts). Every page that asks the API, and the layout of a signed-in
 * person, load it.
 */
export class ApolloLoader {
  private runtime: ApolloRuntime | null = null;
  private loading: Promise<ApolloRuntime> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly start: () => Promise<ApolloRuntime>) {}

  /** A loader whose client is there from the start (tests). */
  static loaded(runtime: ApolloRuntime): ApolloLoader {
    const loader = new ApolloLoader(() => Promise.resolve(runtime));
    loader.runtime = runtime;
    return loader;
  }

  get current(): ApolloRuntime | null {
    return this.runtime;
  }

  /**
   * The client if it is loaded or on its way (a signed-in person's), else null: nothing is
   * loaded because of this call. A failed load counts as none.
   */
  async started(): Promise<ApolloRuntime | null> {
    if (this.runtime || !this.loading) return this.runtime;
    return this.loading.catch(() => null);
  }

  /** Starts loading once; every caller gets the same promise. */
  load(): Promise<ApolloRuntime> {
    this.loading ??= this.runtime
      ? Promise.resolve(this.runtime)
      : this.start().then((runtime) => {
          this.runtime = runtime;
          for (const listener of this.listeners) listener();
          return runtime;
        });
    return this.loading;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const ApolloLoaderContext = createContext<ApolloLoader | null>(null);

export function useApolloLoader(): ApolloLoader {
  const loader = useContext(ApolloLoaderContext);
  if (!loader) throw new Error('useApolloLoader needs an <ApolloLoaderContext> around it');
  return loader;
}

/** The client once loaded, else null (and nothing is loaded because of this call). */
export function useLoadedApollo(): ApolloRuntime | null {
  const loader = useApolloLoader();
  return useSyncExternalStore(loader.subscribe, () => loader.current);
}

/**
 * Renders its children inside Apollo's provider, loading the client first if needed (the nearest
 * Suspense shows meanwhile; a failed load goes to the nearest error boundary).
 */
export function WithApollo({ children }: { children: ReactNode }) {
  const loader = useApolloLoader();
  const { Provider } = loader.current ?? use(loader.load());
  return <Provider>{children}</Provider>;
}
