import { useEffect, useState } from 'react';
import type { PasswordChecker } from './password-strength';

let loading: Promise<PasswordChecker> | null = null;

function loadChecker(): Promise<PasswordChecker> {
  loading ??= import('./zxcvbn-checker').then((module) => module.createPasswordChecker());
  return loading;
}

/** zxcvbn, fetched when a password page opens; null until it arrives (or if it cannot load). */
export function usePasswordChecker(): PasswordChecker | null {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  useEffect(() => {
    let current = true;
    loadChecker().then(
      (loaded) => {
        if (current) setChecker(() => loaded);
      },
      (error: unknown) => {
        // The hint falls back to the shared rules; the server still checks everything.
        console.warn('Could not load the password strength checker', error);
        loading = null;
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return checker;
}
