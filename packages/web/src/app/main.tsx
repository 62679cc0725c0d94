import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { ViewerBootstrapQuery as ViewerBootstrapData } from '../gql/graphql';
import { App } from './App';
import { AuthErrorEvents } from './auth-redirects';
import { createI18n, currentLocale, i18nReady } from './i18n';
import { ApolloLoader, loadApolloModule } from './lazy-apollo';
import { preloadPage } from './routes';
import { fetchViewer } from './viewer-bootstrap';
import './styles.css';

/** How long the first render waits for the answer to who is signed in, at most. */
const VIEWER_WAIT_MS = 3_000;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const i18n = createI18n();
const getLocale = () => currentLocale(i18n);
// Who is signed in, asked at once and without Apollo Client: a visitor's first page (the
// welcome page) never loads it.
const viewer = fetchViewer(getLocale());
const authErrors = new AuthErrorEvents();
// Apollo Client starts with the bootstrap's answer in its cache, so it never asks the Viewer
// query a second time.
const apollo = new ApolloLoader(async () => {
  const [{ startApollo }, answer] = await Promise.all([loadApolloModule(), viewer]);
  return startApollo({ getLocale, onAuthError: authErrors.report }, answer);
});

// Everything the first page needs is fetched side by side: the shown language's words (i18n.ts),
// the page's chunk and its namespaces, who is signed in, and Apollo Client for a page that asks
// the API or a person who signed in. The first render waits for what the page itself needs and
// shows the page: no "Loading" in between. Apollo Client is waited for only by pages that ask the
// API as they render; Home paints its greeting without it.
const page = preloadPage(window.location.pathname);

async function firstPageReady(): Promise<ViewerBootstrapData | null | undefined> {
  // A slow API does not keep the page blank: it renders without the answer after a while.
  const answer = Promise.race([
    viewer,
    new Promise<undefined>((done) => setTimeout(done, VIEWER_WAIT_MS)),
  ]);
  const [known] = await Promise.all([
    // Once it is known who is signed in (at once when the page carried it), Apollo Client and
    // what a signed-in person sees on this page are fetched alongside the page's own code.
    answer.then(async (known) => {
      const signedIn = Boolean(known?.me ?? known?.currentOperator);
      if (known === undefined) return known;
      // A page that asks the API as it renders waits for Apollo Client. One that does not (Home)
      // paints first: what a signed-in person sees there besides it (the dashboard, with Apollo)
      // follows as it arrives.
      const signedInExtras = signedIn ? [apollo.load(), page.whenSignedIn()] : [];
      await Promise.all([
        ...(page.apollo ? [apollo.load(), ...signedInExtras] : []),
        signedIn ? i18n.loadNamespaces(page.namespacesWhenSignedIn) : null,
      ]).catch(() => undefined);
      if (!page.apollo) for (const extra of signedInExtras) extra.catch(() => undefined);
      return known;
    }),
    i18nReady(i18n),
    i18n.loadNamespaces(page.namespaces),
    // A chunk that fails to load is reported where the page renders (PageErrors).
    page.code.catch(() => undefined),
  ]);
  return known;
}

void firstPageReady().then((answer) => {
  const root = createRoot(container);
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread for the whole page at once (on a mid-range phone a signed-in Home
  // was one task of ~300 ms, and a tap or a keystroke waited for it).
  startTransition(() => {
    root.render(
      <App
        i18n={i18n}
        apollo={apollo}
        authErrors={authErrors}
        viewer={viewer}
        knownViewer={answer ?? undefined}
      />,
    );
  });
});
