import { useEffect, useState } from 'react';
import type { PasswordChecker } from './password-strength';

let loading: Promise<PasswordChecker> | null = null;

function loadChecker(): Promise<PasswordChecker> {
  loading ??= import('./zxcvbn-checker').then((module) => module.createPasswordChecker());
  return loading;
}

/**
 * zxcvbn (~235 kB gzipped with its dictionaries: more than a whole page may weigh), fetched once
 * `wanted` turns true, i.e. once the person starts typing a new password, never just because a
 * password page opened. Null until it arrives (or if it cannot load): the shared rules
 * (password-strength.ts) judge at once meanwhile, and the server checks everything anyway.
 */
export function usePasswordChecker(wanted: boolean): PasswordChecker | null {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  useEffect(() => {
    if (!wanted) return;
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
  }, [wanted]);
  return checker;
}
