import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';

interface EmptySitesProps {
  /** a search or filter is on: nothing matches it */
  filtered: boolean;
  search: string;
  allSites: boolean;
  canCreate: boolean;
  onCreate: () => void;
  onClear: () => void;
}

/** What the sites page shows instead of an empty table, and the way on from there. */
export function EmptySites({
  filtered,
  search,
  allSites,
  canCreate,
  onCreate,
  onClear,
}: EmptySitesProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  if (filtered) {
    return (
      <div className="empty-state" role="status">
        <p>{search ? t('sites.empty.noMatch', { search }) : t('sites.empty.noMatchFilter')}</p>
        <button type="button" className="button button-secondary" onClick={onClear}>
          {t('sites.empty.clear')}
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h2>{t('sites.empty.heading')}</h2>
      {allSites ? (
        <>
          <p>{t('sites.empty.allSites')}</p>
          {canCreate && (
            <button type="button" className="button" onClick={onCreate}>
              {t('sites.actions.add')}
            </button>
          )}
        </>
      ) : (
        <p>
          {t('sites.empty.siteAdmin', {
            paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
            systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
          })}
        </p>
      )}
    </div>
  );
}
