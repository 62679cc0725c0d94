import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount, formatDate } from '../../../lib/intl-formats';

interface SiteFactsProps {
  site: {
    address?: string | null;
    costCenter?: string | null;
    active: boolean;
    createdAt: string;
    deactivatedAt?: string | null;
    entryUserCount: number;
  };
}

/** The site page's facts: address, when it was created (and deactivated), how many users. */
export function SiteFacts({ site }: SiteFactsProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  return (
    <dl className="details site-details">
      <div>
        <dt>{t('sites.detail.address')}</dt>
        <dd>{site.address ?? <span className="muted">{t('sites.list.noAddress')}</span>}</dd>
      </div>
      {site.costCenter && (
        <div>
          <dt>{t('sites.detail.costCenter')}</dt>
          <dd>{site.costCenter}</dd>
        </div>
      )}
      <div>
        <dt>{t('sites.detail.created')}</dt>
        <dd>{formatDate(site.createdAt, locale)}</dd>
      </div>
      {site.deactivatedAt && !site.active && (
        <div>
          <dt>{t('sites.detail.deactivatedOn')}</dt>
          <dd>{formatDate(site.deactivatedAt, locale)}</dd>
        </div>
      )}
      <div>
        <dt>{t('sites.detail.entryUserCount')}</dt>
        <dd>{formatCount(site.entryUserCount, locale)}</dd>
      </div>
    </dl>
  );
}

interface SiteActionsProps {
  active: boolean;
  /** all-sites levels may deactivate and reactivate, and transfer the site */
  canChangeStatus: boolean;
  onEdit: () => void;
  onChangeStatus: () => void;
  onTransfer: () => void;
}

/** The site page's buttons: edit, deactivate or reactivate, transfer to another company. */
export function SiteActions({
  active,
  canChangeStatus,
  onEdit,
  onChangeStatus,
  onTransfer,
}: SiteActionsProps) {
  const { t } = useTranslation('sites');
  return (
    <div className="page-actions">
      <button type="button" className="button button-secondary" onClick={onEdit}>
        {t('sites.actions.edit')}
      </button>
      {canChangeStatus && (
        <button type="button" className="button button-secondary" onClick={onChangeStatus}>
          {active ? t('sites.actions.deactivate') : t('sites.actions.reactivate')}
        </button>
      )}
      {canChangeStatus && (
        <button type="button" className="button button-secondary" onClick={onTransfer}>
          {t('sites.actions.transfer')}
        </button>
      )}
    </div>
  );
}

/** Why a deactivated site takes no new users, and (to a site admin) who can reactivate it. */
export function InactiveSiteNotice({ allSites }: { allSites: boolean }) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  return (
    <div className="banner banner-info">
      <p>
        {allSites
          ? t('sites.detail.inactiveNotice')
          : t('sites.detail.inactiveNoticeSiteAdmin', {
              paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
              systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
            })}
      </p>
    </div>
  );
}
