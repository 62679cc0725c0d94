import { Navigate, useLocation } from '../lib/router';
import { signInPath } from '../app/auth-redirects';

/** For a page that needs a session: off to sign in, and back here afterwards. */
export function SignInRedirect() {
  const { pathname, search } = useLocation();
  return <Navigate to={signInPath(`${pathname}${search}`)} replace />;
}
