import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { currentLocale } from '../../app/i18n';
import { ViewerQuery } from '../../app/operations';
import { sortUserErrors } from '../../components/form/form-errors';
import { ErrorBanner } from '../../components/QueryStatus';
import { useTranslation } from '../../lib/useTranslation';
import {
  CompanyMfaRequirementQuery,
  SetCompanyMfaRequirementMutation,
} from './mfa-requirement-operations';

// Loaded for payment admins only (AdministratorPage.tsx), with the two-factor words: the page's
// other readers never use it, and it would put the page over its weight.

/**
 * The company setting "require two-factor sign-in", for payment admins: from the next request
 * on, people of the company without it may only set it up (the server's MFA_ENROLLMENT_REQUIRED),
 * the payment admin who saves it included.
 */
export function MfaRequirement() {
  const { t, i18n } = useTranslation('mfa');
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(CompanyMfaRequirementQuery);
  const [save, { loading }] = useMutation(SetCompanyMfaRequirementMutation);
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  if (error && !data)
    return (
      <ErrorBanner
        error={error}
        context="Loading the two-factor requirement"
        onRetry={() => void refetch()}
      />
    );
  const company = data?.company;
  if (!company) return null;
  const required = wanted ?? company.requireMfa;
  const selfNotEnrolled = required && !company.requireMfa && data.me?.mfaEnabled === false;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const answer = (await save({ variables: { required } })).data?.setCompanyMfaRequirement;
      const refused = answer?.userErrors ?? [];
      if (!answer?.company || refused.length > 0) {
        const { form } = sortUserErrors(refused, [], currentLocale(i18n));
        setNotice({ text: form.join(' ') || t('form.requestFailed'), error: true });
        return;
      }
      setWanted(null);
      setNotice({ text: t(required ? 'requireMfa.savedOn' : 'requireMfa.savedOff') });
      // Held to set it up now themselves: `me` says so, and the layout takes them there.
      if (selfNotEnrolled) await client.refetchQueries({ include: [ViewerQuery] });
    } catch (failure) {
      console.error('Saving the two-factor requirement failed', failure);
      setNotice({ text: t('form.requestFailed'), error: true });
    }
  }

  return (
    <section aria-labelledby="require-mfa">
      <h2 id="require-mfa">{t('requireMfa.heading')}</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="checkbox-field">
          <input
            id="require-mfa-input"
            type="checkbox"
            checked={required}
            aria-describedby="require-mfa-hint"
            onChange={(event) => {
              setWanted(event.target.checked);
              setNotice(null);
            }}
          />
          <label htmlFor="require-mfa-input">{t('requireMfa.label')}</label>
        </div>
        <p id="require-mfa-hint" className="field-hint">
          {t('requireMfa.hint')}
        </p>
        {selfNotEnrolled && <p className="banner banner-info">{t('requireMfa.selfNote')}</p>}
        <p className={notice?.error ? 'banner banner-error' : undefined} aria-live="polite">
          {notice?.text}
        </p>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={loading || required === company.requireMfa}
          >
            {t('requireMfa.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
