// The profile's two-factor forms, loaded when one is opened (SecuritySection.tsx): most visits
// to the profile change none of this, and the page stays within its weight.
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/form/Field';
import { useTranslation } from '../../../lib/useTranslation';
import { DisableTotpMutation, RegenerateRecoveryCodesMutation } from '../two-factor-operations';
import { useCodeForm } from '../useCodeForm';
import { CodeForm } from './CodeForm';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpSetup } from './TotpSetup';

export type TwoFactorChangeKind = 'enable' | 'disable' | 'regenerate';

interface TwoFactorChangeProps {
  kind: TwoFactorChangeKind;
  email: string;
  /** the change is made (and, where there were codes, they were seen) */
  onDone: (kind: TwoFactorChangeKind) => void;
  onCancel: () => void;
}

export function TwoFactorChange({ kind, email, onDone, onCancel }: TwoFactorChangeProps) {
  const { t } = useTranslation('mfa');
  if (kind === 'enable')
    return (
      <div className="two-factor-change">
        <h3>{t('twoFactor.setup.heading')}</h3>
        <TotpSetup
          idPrefix="two-factor-enable"
          email={email}
          onDone={() => onDone('enable')}
          onCancel={onCancel}
        />
      </div>
    );
  return kind === 'disable' ? (
    <DisableForm onDone={() => onDone('disable')} onCancel={onCancel} />
  ) : (
    <RegenerateForm email={email} onDone={() => onDone('regenerate')} onCancel={onCancel} />
  );
}

/** The form's heading and what it is about, focused when it opens. */
function Intro({ heading, intro }: { heading: string; intro: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <h3 ref={ref} tabIndex={-1} className="focus-target">
        {heading}
      </h3>
      <p>{intro}</p>
    </>
  );
}

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('mfa');
  return (
    <button type="button" className="button button-secondary" onClick={onCancel}>
      {t('twoFactor.cancel')}
    </button>
  );
}

/** The password and a current code (or a recovery code): disableTotp. */
function DisableForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('mfa');
  const [disable] = useMutation(DisableTotpMutation);
  const form = useCodeForm(['password', 'code'] as const, 'two-factor-disable');
  const submit = form.submitter(
    async (variables) => (await disable({ variables })).data?.disableTotp,
    onDone,
  );
  return (
    <div className="two-factor-change">
      <Intro heading={t('twoFactor.disable.heading')} intro={t('twoFactor.disable.intro')} />
      <CodeForm
        form={form}
        onSubmit={(event) => void submit(event)}
        recoveryAllowed
        submitLabel={t('twoFactor.disable.submit')}
        secondary={<CancelButton onCancel={onCancel} />}
      >
        <Field
          id={form.fieldId('password')}
          name="password"
          label={t('twoFactor.disable.password')}
          required
          error={form.errors.password}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="current-password"
              value={form.values.password}
              onChange={(event) => form.change('password', event.target.value)}
            />
          )}
        </Field>
      </CodeForm>
    </div>
  );
}

/** A current code: regenerateRecoveryCodes, then the new codes, shown once. */
function RegenerateForm({
  email,
  onDone,
  onCancel,
}: {
  email: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('mfa');
  const [regenerate] = useMutation(RegenerateRecoveryCodesMutation);
  const form = useCodeForm(['code'] as const, 'two-factor-regenerate');
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const submit = form.submitter(
    async ({ code }) => (await regenerate({ variables: { code } })).data?.regenerateRecoveryCodes,
    (payload) => setCodes(payload.recoveryCodes ?? []),
  );
  if (codes) return <RecoveryCodes codes={codes} email={email} onDone={onDone} />;
  return (
    <div className="two-factor-change">
      <Intro heading={t('twoFactor.regenerate.heading')} intro={t('twoFactor.regenerate.intro')} />
      <CodeForm
        form={form}
        onSubmit={(event) => void submit(event)}
        submitLabel={t('twoFactor.regenerate.submit')}
        secondary={<CancelButton onCancel={onCancel} />}
      />
    </div>
  );
}
