import { useQuery } from '@apollo/client/react';
import { Suspense, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { MFA_NS } from '../../../app/i18n';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import { preloadableLazy } from '../../../lib/preloadable-lazy';
import { useTranslation } from '../../../lib/useTranslation';
import { ProfileSecurityQuery } from '../operations';
import '../security.css';
import { SessionsList } from './SessionsList';
import type { TwoFactorChangeKind } from './TwoFactorChange';

// The forms load when one is opened (or pointed at): the profile shows the state at once.
const TwoFactorChange = preloadableLazy(() =>
  import('./TwoFactorChange').then((module) => ({ default: module.TwoFactorChange })),
);

const DONE_TEXT = {
  enable: 'security.enabled',
  disable: 'security.disabled',
  regenerate: null,
} as const;

/** The profile's Security section: two-factor sign-in on or off, and the signed-in sessions. */
export function SecuritySection({ email }: { email: string }) {
  const { t, i18n } = useTranslation('accounts');
  const { data, error, refetch } = useQuery(ProfileSecurityQuery);
  const [open, setOpen] = useState<TwoFactorChangeKind | null>(null);
  const [done, setDone] = useState<TwoFactorChangeKind | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  if (error && !data)
    return (
      <ErrorBanner
        error={error}
        context="Loading two-factor sign-in and sessions"
        onRetry={() => void refetch()}
      />
    );
  if (!data) return <Loading />;
  const enabled = data.me?.mfaEnabled ?? data.currentOperator?.mfaEnabled ?? false;
  const required = data.me?.company?.requireMfa ?? false;

  function close(finished: TwoFactorChangeKind | null) {
    flushSync(() => {
      setOpen(null);
      setDone(finished);
    });
    statusRef.current?.focus();
    if (finished) void refetch();
  }

  // The forms' code and words, fetched as the person reaches for a button.
  const preload = () => {
    void TwoFactorChange.preload();
    void i18n.loadNamespaces([MFA_NS]).catch(() => undefined);
  };
  const action = (kind: TwoFactorChangeKind, label: string, secondary = false) => (
    <button
      type="button"
      className={secondary ? 'button button-secondary' : 'button'}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => {
        setDone(null);
        setOpen(kind);
      }}
    >
      {label}
    </button>
  );
  const doneText = done && DONE_TEXT[done];

  return (
    <>
      <section aria-labelledby="profile-two-factor">
        <h2 id="profile-two-factor">{t('security.heading')}</h2>
        <p>{t('security.intro')}</p>
        {/* focused when a change is done or cancelled, so it is read then */}
        <p ref={statusRef} tabIndex={-1} className="focus-target">
          {doneText ? t(doneText) : <strong>{t(enabled ? 'security.on' : 'security.off')}</strong>}
        </p>
        {open ? (
          <Suspense fallback={<Loading />}>
            <TwoFactorChange
              kind={open}
              email={email}
              onDone={close}
              onCancel={() => close(null)}
            />
          </Suspense>
        ) : enabled ? (
          <>
            {required && <p className="banner banner-info">{t('security.required')}</p>}
            <div className="form-actions">
              {action('regenerate', t('security.newCodes'), true)}
              {!required && action('disable', t('security.turnOff'), true)}
            </div>
          </>
        ) : (
          <div className="form-actions">{action('enable', t('security.turnOn'))}</div>
        )}
      </section>
      <SessionsList sessions={data.mySessions} onChanged={() => void refetch()} />
    </>
  );
}
