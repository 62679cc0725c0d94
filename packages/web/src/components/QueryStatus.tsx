import { useEffect } from 'react';
import { useTranslation } from '../lib/useTranslation';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('status.loading')}
    </p>
  );
}

interface ErrorBannerProps {
  error: unknown;
  /** What failed, for the console: the person sees a localized message instead. */
  context: string;
  onRetry?: () => void;
}

export function ErrorBanner({ error, context, onRetry }: ErrorBannerProps) {
  const { t } = useTranslation();
  useEffect(() => {
    console.error(`${context} failed`, error);
  }, [context, error]);
  return (
    <div className="banner banner-error" role="alert">
      <p>{t('status.loadFailed')}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}
