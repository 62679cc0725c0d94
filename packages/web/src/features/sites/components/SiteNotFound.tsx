import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { usePageTitle } from '../../../app/usePageTitle';

/** A site that does not exist or is not the viewer's to see: the same words for both. */
export function SiteNotFound() {
  const { t } = useTranslation('sites');
  usePageTitle(t('sites.detail.notFoundHeading'));
  return (
    <article className="page">
      <h1>{t('sites.detail.notFoundHeading')}</h1>
      <p>{t('sites.detail.notFoundBody')}</p>
      <p>
        <Link to="/sites">{t('sites.detail.back')}</Link>
      </p>
    </article>
  );
}
