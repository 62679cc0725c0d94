import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A page that failed to render or whose code could not be fetched (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error('Rendering the page failed', error);
  }, [error]);
  return (
    <div className="banner banner-error" role="alert">
      <p>{t('status.pageFailed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('status.reload')}
      </button>
    </div>
  );
}
