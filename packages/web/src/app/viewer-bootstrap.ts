import type { Locale } from '@entry/shared';
import type { ViewerQuery as ViewerData } from '../gql/graphql';
import { API_ENDPOINT } from './api-endpoint';

/**
 * The Viewer query (operations.ts) as text, with the `__typename`s Apollo adds: the layout asks
 * it before Apollo Client (and graphql-js's printer) is loaded, and the answer goes into Apollo's
 * cache as it is. A unit test holds it to ViewerQuery.
 */
export const VIEWER_QUERY_TEXT =
  'query Viewer { me { id firstName lastName email locale mustChangePassword __typename } ' +
  'currentOperator { id name email __typename } }';

/**
 * Who is signed in, asked with a plain request as the app starts. Null when that fails in any
 * way: Apollo then asks again and reports the error as it does for every other query.
 */
export async function fetchViewer(locale: Locale): Promise<ViewerData | null> {
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
      body: JSON.stringify({ operationName: 'Viewer', query: VIEWER_QUERY_TEXT }),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: ViewerData | null; errors?: unknown[] };
    return body.errors?.length || !body.data ? null : body.data;
  } catch (error) {
    console.warn('Asking who is signed in failed; Apollo Client asks again', error);
    return null;
  }
}
