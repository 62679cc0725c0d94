import type { Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
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
  const { t } = useTranslation('people');
  if (outcome.kind === 'failed') return outcome.message;
  // people.done.<kind>: "Invitation sent to {{email}}.", "{{name}} can sign in again.", …
  if ('email' in outcome) return t(`people.done.${outcome.kind}`, { email: outcome.email });
  return t(`people.done.${outcome.kind}`, { name: outcome.name });
}
