import { useTranslation } from '../../../lib/useTranslation';
import { SearchForm } from './ListParts';

export const STATUS_FILTERS = ['all', 'active', 'inactive'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The status filter the address asks for; anything else shows all. */
export function statusFilterOf(value: string | null): StatusFilter {
  return (STATUS_FILTERS as readonly string[]).includes(value ?? '')
    ? (value as StatusFilter)
    : 'all';
}

interface SitesFilterBarProps {
  searchText: string;
  onSearchText: (text: string) => void;
  onSearchNow: () => void;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
  /** shows "Add a site" (the viewer may, and billing setup is complete) */
  canCreate: boolean;
  onCreate: () => void;
}

/** Above the sites list: search, the status filter and "Add a site". */
export function SitesFilterBar({
  searchText,
  onSearchText,
  onSearchNow,
  status,
  onStatus,
  canCreate,
  onCreate,
}: SitesFilterBarProps) {
  const { t } = useTranslation('sites');
  return (
    <div className="list-tools">
      <SearchForm
        id="sites-search"
        label={t('sites.search.label')}
        hint={t('sites.search.hint')}
        value={searchText}
        onChange={onSearchText}
        onSearch={onSearchNow}
      />
      <div className="filter-field">
        <label htmlFor="sites-status" className="field-label">
          {t('sites.filter.label')}
        </label>
        <select
          id="sites-status"
          className="input"
          value={status}
          onChange={(event) => onStatus(statusFilterOf(event.target.value))}
        >
          {STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`sites.filter.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {/* Until billing setup is complete the notice above says why there is no button. */}
      {canCreate && (
        <button type="button" className="button list-tools-add" onClick={onCreate}>
          {t('sites.actions.add')}
        </button>
      )}
    </div>
  );
}
