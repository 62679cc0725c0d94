import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { createApolloClient } from './apollo';
import { App } from './App';
import { handleAuthError } from './auth-redirects';
import { createI18n, currentLocale, i18nReady } from './i18n';
import { preloadPage, routes } from './routes';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const i18n = createI18n();
const router = createBrowserRouter(routes);
const client = createApolloClient({
  getLocale: () => currentLocale(i18n),
  onAuthError: (code) => handleAuthError(router, client, code),
});

// Only the shown language's words are fetched (see i18n.ts): the page's chunk and the words it
// needs besides the core ones are fetched meanwhile, so waiting for the words before the first
// render adds no round trip.
const pageNamespaces = preloadPage(window.location.pathname);
void Promise.all([i18nReady(i18n), i18n.loadNamespaces(pageNamespaces)]).then(() => {
  createRoot(container).render(<App client={client} i18n={i18n} router={router} />);
});
