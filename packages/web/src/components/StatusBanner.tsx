import type { ReactNode, Ref } from 'react';

/**
 * What a command came to, above the list it changed: a failure is an alert, the rest a status.
 * Focusable, so the page can move focus to it once told (useNotice, usePeopleNotice).
 */
export function StatusBanner({
  failed,
  ref,
  children,
}: {
  failed: boolean;
  ref: Ref<HTMLParagraphElement>;
  children: ReactNode;
}) {
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={failed ? 'alert' : 'status'}
      className={`banner ${failed ? 'banner-error' : 'banner-success'}`}
    >
      {children}
    </p>
  );
}
