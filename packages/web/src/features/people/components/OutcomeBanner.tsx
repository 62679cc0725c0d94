import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from './usePersonCommand';

/** The people list's message (`usePeopleNotice`): a failure is an alert, the rest a status. */
export function OutcomeBanner({
  notice,
  ref,
}: {
  notice: Outcome | null;
  ref: Ref<HTMLParagraphElement>;
}) {
  if (!notice) return null;
  const failed = notice.kind === 'failed';
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={failed ? 'alert' : 'status'}
      className={`banner ${failed ? 'banner-error' : 'banner-success'}`}
    >
      <OutcomeText outcome={notice} />
    </p>
  );
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'invited':
      return t('people.done.invited', { email: outcome.email });
    case 'updated':
      return t('people.done.updated', { name: outcome.name });
    case 'resent':
      return t('people.done.resent', { email: outcome.email });
    case 'disabled':
      return t('people.done.disabled', { name: outcome.name });
    case 'enabled':
      return t('people.done.enabled', { name: outcome.name });
    case 'removed':
      return t('people.done.removed', { name: outcome.name });
    case 'revoked':
      return t('people.done.revoked', { name: outcome.name });
    case 'failed':
      return outcome.message;
  }
}
