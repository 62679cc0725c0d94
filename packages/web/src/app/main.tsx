import { createRoot } from 'react-dom/client';
import { createBrowserRouter, type DataRouter } from 'react-router';
import { createApolloClient } from './apollo';
import { App } from './App';
import { handleAuthError } from './auth-redirects';
import { createI18n, currentLocale } from './i18n';
import { routes } from './routes';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const i18n = createI18n();
// The client reports auth errors to the router, which is made after it.
let router: DataRouter | null = null;
const client = createApolloClient({
  getLocale: () => currentLocale(i18n),
  onAuthError: (code) => {
    if (router) handleAuthError(router, client, code);
  },
});
router = createBrowserRouter(routes);

createRoot(container).render(<App client={client} i18n={i18n} router={router} />);
