import { VIEWER_BOOTSTRAP_ELEMENT_ID, VIEWER_BOOTSTRAP_QUERY, type Locale } from '@entry/shared';
import type { ViewerBootstrapQuery as ViewerBootstrapData } from '../gql/graphql';
import { API_ENDPOINT } from './api-endpoint';

/**
 * The ViewerBootstrap query (operations.ts) as text, with the `__typename`s Apollo adds: the app
 * asks it before Apollo Client (and graphql-js's printer) is loaded, and the answer goes into
 * Apollo's cache as it is. The server answers the same text inside the page. A unit test holds it
 * to ViewerBootstrapQuery.
 */
export const VIEWER_QUERY_TEXT = VIEWER_BOOTSTRAP_QUERY;

/**
 * The answer the server wrote into the page (web-app.ts on the server), if it did: the page then
 * needs no request before it knows who is signed in. Not there under Vite's dev server, or when
 * the server could not answer in time.
 */
function answerInPage(): ViewerBootstrapData | null {
  const element = document.getElementById(VIEWER_BOOTSTRAP_ELEMENT_ID);
  if (!element?.textContent) return null;
  try {
    const { data } = JSON.parse(element.textContent) as { data?: ViewerBootstrapData | null };
    return data ?? null;
  } catch (error) {
    console.warn('The page carried an unreadable answer about who is signed in', error);
    return null;
  }
}

/**
 * Who is signed in: from the page, else asked with a plain request as the app starts. Null when
 * that fails in any way: Apollo then asks again and reports the error as it does for every other
 * query.
 */
export async function fetchViewer(locale: Locale): Promise<ViewerBootstrapData | null> {
  const inPage = answerInPage();
  if (inPage) return inPage;
  try {
    const response = await fetch(API_ENDPOINT.uri, {
      method: 'POST',
      credentials: API_ENDPOINT.credentials,
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        // as Apollo's requests: the same endpoint headers, the language (apollo.ts localeLink)
        ...API_ENDPOINT.headers,
        'accept-language': locale,
      },
      body: JSON.stringify({ operationName: 'ViewerBootstrap', query: VIEWER_QUERY_TEXT }),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      data?: ViewerBootstrapData | null;
      errors?: unknown[];
    };
    return body.errors?.length || !body.data ? null : body.data;
  } catch (error) {
    console.warn('Asking who is signed in failed; Apollo Client asks again', error);
    return null;
  }
}
