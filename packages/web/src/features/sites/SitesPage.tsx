import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_LABELS, type AccessLevelRights } from '@entry/shared';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInNotice } from '../../components/SignInNotice';
import { BillingSetupNotice } from './components/BillingSetupNotice';
import { SiteFormDialog } from './components/SiteFormDialog';
import { SiteStatusDialog } from './components/SiteStatusDialog';
import { StatusBadge } from './components/StatusBadge';
import { formatCount } from '../../lib/intl-formats';
import { personName } from './format';
import { SitesQuery } from './operations';
import { useSearchBox, useUrlFilters } from './useUrlFilters';
import { useSiteViewer } from './useSiteViewer';
import './sites.css';

export const SITES_PAGE_SIZE = 20;

const STATUS_FILTERS = ['all', 'active', 'inactive'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What the list shows when the URL says nothing. */
const FILTER_DEFAULTS = { q: '', status: 'all' };

function statusFilterOf(value: string | null): StatusFilter {
  return (STATUS_FILTERS as readonly string[]).includes(value ?? '')
    ? (value as StatusFilter)
    : 'all';
}

/** What Home's "Add a site" shortcut puts in the location state: open the form at once. */
export interface SitesLocationState {
  createSite?: boolean;
}

export function SitesPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.sites'));
  const viewer = useSiteViewer();
  let content = null;
  if (viewer.error) {
    content = <ErrorBanner error={viewer.error} context="Loading the signed-in person's rights" />;
  } else if (!viewer.known) {
    content = <Loading />;
  } else if (viewer.person && viewer.rights) {
    content = (
      <SitesList rights={viewer.rights} billingSetupComplete={viewer.billingSetupComplete} />
    );
  }
  return (
    <article className="page sites-page">
      <h1>{t('sites.heading')}</h1>
      <p className="lead">{t('sites.intro')}</p>
      <SignInNotice />
      {content}
    </article>
  );
}

interface SitesListProps {
  rights: AccessLevelRights;
  billingSetupComplete: boolean;
}

interface SiteRow {
  id: string;
  name: string;
  address?: string | null;
  active: boolean;
}

function SitesList({ rights, billingSetupComplete }: SitesListProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const location = useLocation();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_DEFAULTS);
  const status = statusFilterOf(filters.status);
  const applySearch = useCallback(
    (term: string) => setFilters({ q: term }, { replace: true }),
    [setFilters],
  );
  const search = useSearchBox(filters.q, applySearch);
  const canCreate = rights.allSites && billingSetupComplete;
  const [creating, setCreating] = useState(
    () => canCreate && (location.state as SitesLocationState | null)?.createSite === true,
  );
  const [editing, setEditing] = useState<SiteRow | null>(null);
  const [changingStatus, setChangingStatus] = useState<SiteRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SitesQuery, {
    variables: {
      search: filters.q || null,
      active: status === 'all' ? null : status === 'active',
      first: SITES_PAGE_SIZE,
      withAdmins: rights.allSites,
    },
    fetchPolicy: 'cache-and-network',
  });
  const sites = (data ?? previousData)?.sites;

  function clearFilters() {
    search.setText('');
    setFilters(FILTER_DEFAULTS);
  }

  function tell(message: string) {
    flushSync(() => setNotice(message));
    noticeRef.current?.focus();
  }

  function closeCreate() {
    setCreating(false);
    // The shortcut's request is answered: reloading the page should not open the form again.
    if ((location.state as SitesLocationState | null)?.createSite)
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }

  async function loadMore() {
    if (!sites?.pageInfo.endCursor || loadingMore) return;
    const firstNew = sites.edges.length;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: sites.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          sites: {
            ...fetchMoreResult.sites,
            edges: [...previous.sites.edges, ...fetchMoreResult.sites.edges],
          },
        }),
      });
      // Keyboard and screen reader users carry on at the first site just loaded.
      const links = tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody tr th a');
      links?.[firstNew]?.focus();
    } catch (caught) {
      console.error('Loading more sites failed', caught);
      tell(t('sites.messages.requestFailed'));
    } finally {
      setLoadingMore(false);
    }
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    search.applyNow();
  }

  const filtered = filters.q !== '' || status !== 'all';
  const total = sites?.totalCount ?? 0;

  return (
    <>
      {rights.allSites && !billingSetupComplete && (
        <BillingSetupNotice canFinish={rights.payments} />
      )}
      {notice && (
        <p ref={noticeRef} className="banner banner-success" role="status" tabIndex={-1}>
          {notice}
        </p>
      )}
      <div className="list-tools">
        <form role="search" className="search-form" onSubmit={submitSearch}>
          <label htmlFor="sites-search" className="field-label">
            {t('sites.search.label')}
          </label>
          <p id="sites-search-hint" className="field-hint">
            {t('sites.search.hint')}
          </p>
          <div className="search-row">
            <input
              id="sites-search"
              type="search"
              className="input"
              aria-describedby="sites-search-hint"
              value={search.text}
              onChange={(event) => search.setText(event.target.value)}
            />
            <button type="submit" className="button button-secondary">
              {t('sites.search.submit')}
            </button>
          </div>
        </form>
        <div className="filter-field">
          <label htmlFor="sites-status" className="field-label">
            {t('sites.filter.label')}
          </label>
          <select
            id="sites-status"
            className="input"
            value={status}
            onChange={(event) => setFilters({ status: statusFilterOf(event.target.value) })}
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
          <button type="button" className="button list-tools-add" onClick={() => setCreating(true)}>
            {t('sites.actions.add')}
          </button>
        )}
      </div>

      {error && !sites ? (
        <ErrorBanner error={error} context="Loading the sites" onRetry={() => void refetch()} />
      ) : !sites ? (
        <Loading />
      ) : sites.edges.length === 0 ? (
        <EmptySites
          filtered={filtered}
          search={filters.q}
          rights={rights}
          canCreate={canCreate}
          onCreate={() => setCreating(true)}
          onClear={clearFilters}
        />
      ) : (
        <>
          <p className="list-count" aria-live="polite">
            {t('sites.list.shown', {
              shown: formatCount(sites.edges.length, locale),
              total: formatCount(total, locale),
            })}
            {loading && !loadingMore && (
              <span className="list-updating"> {t('sites.list.updating')}</span>
            )}
          </p>
          <div className="table-wrap">
            <table ref={tableRef} className="table responsive-table sites-table">
              <caption className="visually-hidden">
                {rights.allSites ? t('sites.list.caption') : t('sites.list.captionAssigned')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('sites.list.name')}</th>
                  <th scope="col">{t('sites.list.address')}</th>
                  <th scope="col">{t('sites.list.status')}</th>
                  <th scope="col" className="numeric">
                    {t('sites.list.entryUsers')}
                  </th>
                  {rights.allSites && <th scope="col">{t('sites.list.siteAdmins')}</th>}
                  <th scope="col">{t('sites.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sites.edges.map(({ node: site }) => (
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
                    {rights.allSites && (
                      <td data-label={t('sites.list.siteAdmins')}>
                        {site.siteAdmins && site.siteAdmins.length > 0 ? (
                          site.siteAdmins.map(personName).join(', ')
                        ) : (
                          <span className="muted">{t('sites.list.none')}</span>
                        )}
                      </td>
                    )}
                    <td data-label={t('sites.list.actions')}>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => setEditing(site)}
                        >
                          {t('sites.actions.edit')}{' '}
                          <span className="visually-hidden">{site.name}</span>
                        </button>
                        {rights.allSites && (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            onClick={() => setChangingStatus(site)}
                          >
                            {site.active
                              ? t('sites.actions.deactivate')
                              : t('sites.actions.reactivate')}{' '}
                            <span className="visually-hidden">{site.name}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sites.pageInfo.hasNextPage && (
            <p className="load-more">
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore()}
              >
                {loadingMore ? t('sites.list.loadingMore') : t('sites.list.loadMore')}
              </button>
            </p>
          )}
        </>
      )}

      {creating && (
        <SiteFormDialog
          canFinishBilling={rights.payments}
          onClose={closeCreate}
          onSaved={(site) => {
            setCreating(false);
            void navigate(`/sites/${site.id}`, {
              state: { notice: t('sites.messages.created', { name: site.name }) },
            });
          }}
        />
      )}
      {editing && (
        <SiteFormDialog
          site={{ id: editing.id, name: editing.name, address: editing.address ?? null }}
          canFinishBilling={rights.payments}
          onClose={() => setEditing(null)}
          onSaved={(site) => {
            setEditing(null);
            tell(t('sites.messages.saved', { name: site.name }));
          }}
        />
      )}
      {changingStatus && (
        <SiteStatusDialog
          site={changingStatus}
          onClose={() => setChangingStatus(null)}
          onDone={(message) => {
            setChangingStatus(null);
            tell(message);
          }}
        />
      )}
    </>
  );
}

interface EmptySitesProps {
  filtered: boolean;
  search: string;
  rights: AccessLevelRights;
  canCreate: boolean;
  onCreate: () => void;
  onClear: () => void;
}

function EmptySites({ filtered, search, rights, canCreate, onCreate, onClear }: EmptySitesProps) {
  const { t, i18n } = useTranslation();
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
      {rights.allSites ? (
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
