import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import type { Ref } from 'react';
import { currentLocale } from '../../../app/i18n';
import { formatCount } from '../../../lib/intl-formats';
import { personName } from '../format';
import { RowButton } from './ListParts';
import { StatusBadge } from './StatusBadge';

export interface ListedSite {
  id: string;
  name: string;
  address?: string | null;
  costCenter?: string | null;
  active: boolean;
  entryUserCount: number;
  siteAdmins?: readonly { firstName: string; lastName: string }[] | null;
}

interface SitesTableProps {
  sites: readonly ListedSite[];
  /** all-sites levels see every site, its site admins and the status buttons */
  allSites: boolean;
  onEdit: (site: ListedSite) => void;
  onChangeStatus: (site: ListedSite) => void;
  ref?: Ref<HTMLTableElement>;
}

/** The sites, a row each, with the buttons the viewer may use. */
export function SitesTable({ sites, allSites, onEdit, onChangeStatus, ref }: SitesTableProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  return (
    <div className="table-wrap">
      <table ref={ref} className="table responsive-table sites-table">
        <caption className="visually-hidden">
          {allSites ? t('sites.list.caption') : t('sites.list.captionAssigned')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('sites.list.name')}</th>
            <th scope="col">{t('sites.list.address')}</th>
            <th scope="col">{t('sites.list.status')}</th>
            <th scope="col" className="numeric">
              {t('sites.list.entryUsers')}
            </th>
            {allSites && <th scope="col">{t('sites.list.siteAdmins')}</th>}
            <th scope="col">{t('sites.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id}>
              <th scope="row" data-label={t('sites.list.name')}>
                <Link to={`/sites/${site.id}`}>{site.name}</Link>
              </th>
              <td data-label={t('sites.list.address')}>
                {site.address ?? <span className="muted">{t('sites.list.noAddress')}</span>}
              </td>
              <td data-label={t('sites.list.status')}>
                <StatusBadge active={site.active} />
              </td>
              <td data-label={t('sites.list.entryUsers')} className="numeric">
                {formatCount(site.entryUserCount, locale)}
              </td>
              {allSites && (
                <td data-label={t('sites.list.siteAdmins')}>
                  {site.siteAdmins && site.siteAdmins.length > 0 ? (
                    site.siteAdmins.map(personName).join(', ')
                  ) : (
                    <span className="muted">{t('sites.list.none')}</span>
                  )}
                </td>
              )}
              <td data-label={t('sites.list.actions')}>
                <SiteRowActions
                  site={site}
                  canChangeStatus={allSites}
                  onEdit={() => onEdit(site)}
                  onChangeStatus={() => onChangeStatus(site)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface SiteRowActionsProps {
  site: { name: string; active: boolean };
  canChangeStatus: boolean;
  onEdit: () => void;
  onChangeStatus: () => void;
}

/** A row's buttons: edit, and (all-sites levels) deactivate or reactivate. */
export function SiteRowActions({
  site,
  canChangeStatus,
  onEdit,
  onChangeStatus,
}: SiteRowActionsProps) {
  const { t } = useTranslation('sites');
  return (
    <div className="row-actions">
      <RowButton label={t('sites.actions.edit')} name={site.name} onClick={onEdit} />
      {canChangeStatus && (
        <RowButton
          label={site.active ? t('sites.actions.deactivate') : t('sites.actions.reactivate')}
          name={site.name}
          onClick={onChangeStatus}
        />
      )}
    </div>
  );
}
