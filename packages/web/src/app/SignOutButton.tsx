import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../lib/useTranslation';
import { useNavigate } from '../lib/router';
import { SignOutMutation } from './operations';

interface SignOutButtonProps {
  onSignedOut?: () => void;
  className?: string;
  /** where the failure message goes: a small one in the menu, a banner on a page */
  errorClassName?: string;
}

export function SignOutButton({
  onSignedOut,
  className = 'nav-link nav-button',
  errorClassName = 'nav-error',
}: SignOutButtonProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const [failed, setFailed] = useState(false);

  async function handleClick() {
    setFailed(false);
    try {
      await signOut();
      // Nothing of the signed-out person may stay in memory; active queries (`me`) are asked
      // again and now answer as anonymous. The page's own queries that need a session (the
      // profile's sessions list) are refused now: expected, not a failed sign-out.
      await client.resetStore().catch((error: unknown) => {
        console.warn('Queries refused after signing out, as expected', error);
      });
      onSignedOut?.();
      await navigate('/');
    } catch (error) {
      console.error('Sign out failed', error);
      setFailed(true);
    }
  }

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => void handleClick()}
        disabled={loading}
      >
        {t('nav.signOut')}
      </button>
      {failed && (
        <p className={errorClassName} role="alert">
          {t('layout.signOutFailed')}
        </p>
      )}
    </>
  );
}
