/**
 * Who is signed in, with what the first screen needs to know of them (their access level,
 * whether their company finished billing setup, and whether they must set up two-factor sign-in
 * before anything else), as one GraphQL query. The server answers it
 * inside the web app's HTML, so the app knows this before its first request; the app writes the
 * answer into Apollo Client's cache as it is, which is why the `__typename`s are spelled out (the
 * web app's unit test holds this text to its ViewerBootstrap document).
 */
export const VIEWER_BOOTSTRAP_QUERY =
  'query ViewerBootstrap { me { ...ViewerPerson ...ViewerAccess __typename } ' +
  'currentOperator { ...ViewerOperator __typename } } ' +
  'fragment ViewerPerson on Person { id firstName lastName email locale mustChangePassword mustEnrollMfa __typename } ' +
  'fragment ViewerAccess on Person { id accessLevel { code __typename } ' +
  'company { id billingSetupComplete status __typename } __typename } ' +
  'fragment ViewerOperator on Operator { id name email mustEnrollMfa __typename }';

/** The element of the web app's HTML that carries the answer (JSON, `{ "data": … }`). */
export const VIEWER_BOOTSTRAP_ELEMENT_ID = 'portal-viewer';

/**
 * A file of the built web app (a JSON list of script paths): what a signed-in person's first page
 * loads besides the app's start, for the server to name in their page as modulepreload links.
 */
export const SIGNED_IN_PRELOADS_FILE = 'signed-in-preloads.json';
