import { useTranslation } from '../../../lib/useTranslation';

export function exportUrl(siteId: string): string {
  return `/api/sites/${encodeURIComponent(siteId)}/entry-users.csv`;
}

/** The link that downloads the site's Entry app users as CSV. */
export function SiteExport({ siteId }: { siteId: string }) {
  const { t } = useTranslation('sites');
  return (
    <section aria-labelledby="export-heading" className="site-section">
      <h2 id="export-heading">{t('sites.export.heading')}</h2>
      <p>{t('sites.export.intro')}</p>
      <p>
        <a href={exportUrl(siteId)} download className="button button-secondary button-link">
          {t('sites.export.link')}
        </a>
      </p>
    </section>
  );
}
