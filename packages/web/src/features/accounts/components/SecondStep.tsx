import { UserErrorCode } from '@entry/shared';
import { useEffect, type ReactNode } from 'react';
import { useSendMutation } from '../../../app/graphql-request';
import { currentLocale } from '../../../app/i18n';
import { userErrorText } from '../../../components/form/form-errors';
import type { VerifyMfaMutation as VerifyMfaData } from '../../../gql/graphql';
import { useTranslation } from '../../../lib/useTranslation';
import { CodeForm } from '../../security/components/CodeForm';
import '../../security/security.css';
import { useCodeForm } from '../../security/useCodeForm';
import { VerifyMfaMutation } from '../operations';

export type VerifiedSignIn = VerifyMfaData['verifyMfa'];

interface SecondStepProps {
  /** from signIn or acceptInvitation: mfaRequired, and this to exchange */
  challenge: string;
  idPrefix: string;
  /** the code was right: the session cookie is set */
  onSignedIn: (payload: VerifiedSignIn) => Promise<void>;
  /** the challenge is spent (5 minutes, 5 wrong codes): the password step again, with why */
  onExpired: (message: string) => void;
  /** a way back to the first step, beside the submit button */
  startAgain?: ReactNode;
}

/**
 * The sign-in's second step: a code from the authenticator app, or a recovery code instead,
 * for the challenge the password step answered (verifyMfa). Works without Apollo Client, as the
 * invitation page does; through it when the sign-in page loaded it.
 */
export function SecondStep({
  challenge,
  idPrefix,
  onSignedIn,
  onExpired,
  startAgain,
}: SecondStepProps) {
  const { t, i18n } = useTranslation('mfa');
  const form = useCodeForm(['code'] as const, idPrefix);
  const [verify] = useSendMutation(VerifyMfaMutation);
  const codeId = form.fieldId('code');
  useEffect(() => document.getElementById(codeId)?.focus(), [codeId]);

  const submit = form.submitter(
    async ({ code }) => (await verify({ variables: { challenge, code } })).data.verifyMfa,
    onSignedIn,
    (userErrors) => {
      const expired = userErrors.find(
        (error) => error.code === UserErrorCode.MFA_CHALLENGE_EXPIRED,
      );
      if (expired) onExpired(userErrorText(expired, currentLocale(i18n)));
      return Boolean(expired);
    },
  );
  return (
    <>
      <p className="lead">
        {t(form.mode === 'app' ? 'twoFactor.signIn.intro' : 'twoFactor.signIn.introRecovery')}
      </p>
      <CodeForm
        form={form}
        onSubmit={(event) => void submit(event)}
        recoveryAllowed
        submitLabel={t('twoFactor.signIn.submit')}
        secondary={startAgain}
      />
    </>
  );
}
