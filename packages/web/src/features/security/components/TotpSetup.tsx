import { useMutation } from '@apollo/client/react';
import { Suspense, useEffect, useRef, useState } from 'react';
import { ErrorBanner } from '../../../components/QueryStatus';
import { preloadableLazy } from '../../../lib/preloadable-lazy';
import { useTranslation } from '../../../lib/useTranslation';
import {
  ConfirmTotpEnrollmentMutation,
  StartTotpEnrollmentMutation,
} from '../two-factor-operations';
import { useCodeForm } from '../useCodeForm';
import { CodeForm } from './CodeForm';
import { RecoveryCodes } from './RecoveryCodes';

const QrCode = preloadableLazy(() =>
  import('./QrCode').then((module) => ({ default: module.QrCode })),
);

/** The base32 key in groups of four, as authenticator apps show and people type it. */
export function groupedKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

interface TotpSetupProps {
  idPrefix: string;
  /** named in the recovery codes' file */
  email: string;
  /** the set-up is over: two-factor sign-in is on and the codes were seen */
  onDone: () => void | Promise<void>;
  /** a Cancel button (the profile; the required set-up has none) */
  onCancel?: () => void;
}

type Step =
  | { kind: 'starting' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'scan'; secret: string; uri: string }
  | { kind: 'codes'; codes: readonly string[] };

/**
 * Setting up two-factor sign-in: a new key from the server (as a QR code and typed out), the
 * app's first code to confirm it, then the recovery codes, shown once.
 */
export function TotpSetup({ idPrefix, email, onDone, onCancel }: TotpSetupProps) {
  const { t } = useTranslation('mfa');
  const [step, setStep] = useState<Step>({ kind: 'starting' });
  const [start] = useMutation(StartTotpEnrollmentMutation);
  const [confirm] = useMutation(ConfirmTotpEnrollmentMutation);
  const form = useCodeForm(['code'] as const, idPrefix);
  const started = useRef(false);
  const scanRef = useRef<HTMLParagraphElement>(null);

  async function begin() {
    setStep({ kind: 'starting' });
    try {
      const { data } = await start();
      const enrollment = data?.startTotpEnrollment.enrollment;
      if (!enrollment) {
        // MFA_ALREADY_ENABLED (on in another tab meanwhile) or something unexpected
        const messages = data?.startTotpEnrollment.userErrors.map((error) => error.message);
        throw new Error(messages?.join(' ') || 'startTotpEnrollment answered no enrollment');
      }
      setStep({ kind: 'scan', ...enrollment });
      void QrCode.preload();
    } catch (error) {
      setStep({ kind: 'failed', error });
    }
  }

  useEffect(() => {
    // Once, also under StrictMode's second effect run: every start makes a new key.
    if (started.current) return;
    started.current = true;
    void begin();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the set-up starts once, on mount
  }, []);

  useEffect(() => {
    if (step.kind === 'scan') scanRef.current?.focus();
  }, [step.kind]);

  if (step.kind === 'starting')
    return (
      <p className="status" role="status">
        {t('twoFactor.setup.starting')}
      </p>
    );
  if (step.kind === 'failed')
    return (
      <ErrorBanner
        error={step.error}
        context="Starting two-factor set-up"
        onRetry={() => void begin()}
      />
    );
  if (step.kind === 'codes')
    return <RecoveryCodes codes={step.codes} email={email} onDone={() => void onDone()} />;

  const submit = form.submitter(
    async ({ code }) => (await confirm({ variables: { code } })).data?.confirmTotpEnrollment,
    (payload) => setStep({ kind: 'codes', codes: payload.recoveryCodes ?? [] }),
  );
  return (
    <div className="totp-setup">
      <p ref={scanRef} tabIndex={-1} className="focus-target">
        {t('twoFactor.setup.scan')}
      </p>
      <div className="qr-frame">
        <Suspense fallback={<div className="qr-code qr-placeholder" />}>
          <QrCode value={step.uri} label={t('twoFactor.setup.qrLabel')} />
        </Suspense>
      </div>
      <p>{t('twoFactor.setup.typeKey')}</p>
      <p className="totp-key">
        <span className="visually-hidden">{t('twoFactor.setup.keyLabel')}: </span>
        <code data-testid="totp-key">{groupedKey(step.secret)}</code>
      </p>
      <p>{t('twoFactor.setup.confirm')}</p>
      <CodeForm
        form={form}
        onSubmit={(event) => void submit(event)}
        submitLabel={t('twoFactor.setup.submit')}
        secondary={
          onCancel && (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </button>
          )
        }
      />
    </div>
  );
}
