import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { currentLocale } from '../../app/i18n';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { TermsOfServiceQuery } from './operations';

interface BillingTermsProps {
  /** the version shown, once it is known (the wizard sends the version that was read) */
  onVersion?: (version: string) => void;
  /** names the scrollable text (a region) for keyboard and screen reader users */
  label?: string;
}

/** The billing terms in the interface's language, with their version. */
export function BillingTerms({ onVersion, label }: BillingTermsProps) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const { data, loading, error, refetch } = useQuery(TermsOfServiceQuery, {
    variables: { locale },
  });
  const version = data?.termsOfService.version;
  useEffect(() => {
    if (version) onVersion?.(version);
  }, [version, onVersion]);
  if (loading && !data) return <Loading />;
  if (error || !data) {
    return (
      <ErrorBanner
        error={error}
        context={`Loading the billing terms (${locale})`}
        onRetry={() => void refetch()}
      />
    );
  }
  const terms = data.termsOfService;
  return (
    <>
      <p className="terms-version">{t('payment.termsVersion', { version: terms.version })}</p>
      {/* The server may answer in another language when it has no translation: say which.
          Scrollable, so focusable: keyboard users scroll it with the arrow keys. */}
      <div
        className="terms-text"
        lang={terms.locale}
        role={label ? 'region' : undefined}
        aria-label={label}
        tabIndex={label ? 0 : undefined}
      >
        {splitParagraphs(terms.text).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </>
  );
}

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\d+\. )/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
