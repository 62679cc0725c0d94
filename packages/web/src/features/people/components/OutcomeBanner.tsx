import type { Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { StatusBanner } from '../../../components/StatusBanner';
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
  return (
    <StatusBanner failed={notice.kind === 'failed'} ref={ref}>
      <OutcomeText outcome={notice} />
    </StatusBanner>
  );
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('people');
  if (outcome.kind === 'failed') return outcome.message;
  // people.done.<kind>: "Invitation sent to {{email}}.", "{{name}} can sign in again.", …
  if ('email' in outcome) return t(`people.done.${outcome.kind}`, { email: outcome.email });
  return t(`people.done.${outcome.kind}`, { name: outcome.name });
}
