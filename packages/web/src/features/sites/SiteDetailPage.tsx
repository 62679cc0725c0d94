import { useMutation, useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_LABELS, type AccessLevelRights } from '@entry/shared';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import { ConfirmDialog, Dialog } from './components/Dialog';
import { EntryUserForm, type EntryUserValues } from './components/EntryUserForm';
import { ImportEntryUsers } from './components/ImportEntryUsers';
import { SiteAdmins } from './components/SiteAdmins';
import { SiteFormDialog } from './components/SiteFormDialog';
import { SiteStatusDialog } from './components/SiteStatusDialog';
import { StatusBadge } from './components/StatusBadge';
import { formatCount, formatDate } from '../../lib/intl-formats';
import { personName } from './format';
import { RemoveEntryUserMutation, SiteDetailQuery } from './operations';
import { siteErrorText } from './site-errors';
import { useSearchBox, useUrlFilters } from './useUrlFilters';
import { SITE_QUERIES, useRefetchOnScreen } from './useRefetchOnScreen';
import { useSiteViewer } from './useSiteViewer';
import './sites.css';

export const ENTRY_USERS_PAGE_SIZE = 20;

const FILTER_DEFAULTS = { q: '' };

export function exportUrl(siteId: string): string {
  return `/api/sites/${encodeURIComponent(siteId)}/entry-users.csv`;
}

export function SiteDetailPage() {
  const { siteId = '' } = useParams();
  const viewer = useSiteViewer();
  if (viewer.error)
    return (
      <article className="page">
        <ErrorBanner error={viewer.error} context="Loading the signed-in person's rights" />
      </article>
    );
  if (!viewer.known) return <Loading />;
  if (!viewer.signedIn) return <SignInRedirect />;
  // Operators look after registrations: no company, so no site is theirs to see.
  if (!viewer.rights) return <SiteNotFound />;
  return <SiteDetail key={siteId} siteId={siteId} rights={viewer.rights} />;
}

function SiteNotFound() {
  const { t } = useTranslation();
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

interface SiteDetailProps {
  siteId: string;
  rights: AccessLevelRights;
}

interface LocationNotice {
  notice?: string;
}

function SiteDetail({ siteId, rights }: SiteDetailProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const location = useLocation();
  const [filters, setFilters] = useUrlFilters(FILTER_DEFAULTS);
  const applySearch = useCallback(
    (term: string) => setFilters({ q: term }, { replace: true }),
    [setFilters],
  );
  const search = useSearchBox(filters.q, applySearch);
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as LocationNotice | null)?.notice ?? null,
  );
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SiteDetailQuery, {
    variables: {
      id: siteId,
      search: filters.q || null,
      first: ENTRY_USERS_PAGE_SIZE,
    },
    fetchPolicy: 'cache-and-network',
  });
  const result = data ?? previousData;
  const site = result?.site ?? null;
  usePageTitle(site?.name ?? t('nav.sites'));

  function tell(message: string) {
    flushSync(() => setNotice(message));
    noticeRef.current?.focus();
  }

  if (error && !result)
    return (
      <article className="page">
        <ErrorBanner
          error={error}
          context={`Loading site ${siteId}`}
          onRetry={() => void refetch()}
        />
      </article>
    );
  if (!result) return <Loading />;
  if (!site) return <SiteNotFound />;

  return (
    <article className="page site-page">
      <p className="breadcrumb">
        <Link to="/sites">{t('sites.detail.back')}</Link>
      </p>
      <div className="site-title">
        <h1>{site.name}</h1>
        <StatusBadge active={site.active} />
      </div>
      {notice && (
        <p ref={noticeRef} className="banner banner-success" role="status" tabIndex={-1}>
          {notice}
        </p>
      )}
      <dl className="details site-details">
        <div>
          <dt>{t('sites.detail.address')}</dt>
          <dd>{site.address ?? <span className="muted">{t('sites.list.noAddress')}</span>}</dd>
        </div>
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
      <div className="page-actions">
        <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
          {t('sites.actions.edit')}
        </button>
        {rights.allSites && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setChangingStatus(true)}
          >
            {site.active ? t('sites.actions.deactivate') : t('sites.actions.reactivate')}
          </button>
        )}
      </div>
      {!site.active && (
        <div className="banner banner-info">
          <p>
            {rights.allSites
              ? t('sites.detail.inactiveNotice')
              : t('sites.detail.inactiveNoticeSiteAdmin', {
                  paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
                  systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
                })}
          </p>
        </div>
      )}

      <EntryUsers
        site={site}
        searchText={search.text}
        appliedSearch={filters.q}
        onSearchText={search.setText}
        onSearchNow={search.applyNow}
        updating={loading}
        loadMore={(after) =>
          fetchMore({
            variables: { after },
            updateQuery: (previous, { fetchMoreResult }) => {
              if (!previous.site || !fetchMoreResult.site) return fetchMoreResult;
              return {
                ...fetchMoreResult,
                site: {
                  ...fetchMoreResult.site,
                  entryUsers: {
                    ...fetchMoreResult.site.entryUsers,
                    edges: [
                      ...previous.site.entryUsers.edges,
                      ...fetchMoreResult.site.entryUsers.edges,
                    ],
                  },
                },
              };
            },
          })
        }
      />

      <ImportEntryUsers siteId={site.id} siteActive={site.active} />

      <section aria-labelledby="export-heading" className="site-section">
        <h2 id="export-heading">{t('sites.export.heading')}</h2>
        <p>{t('sites.export.intro')}</p>
        <p>
          <a href={exportUrl(site.id)} download className="button button-secondary button-link">
            {t('sites.export.link')}
          </a>
        </p>
      </section>

      {rights.allSites && <SiteAdmins siteId={site.id} />}

      {editing && (
        <SiteFormDialog
          site={{ id: site.id, name: site.name, address: site.address ?? null }}
          canFinishBilling={rights.payments}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            tell(t('sites.messages.saved', { name: saved.name }));
          }}
        />
      )}
      {changingStatus && (
        <SiteStatusDialog
          site={site}
          onClose={() => setChangingStatus(false)}
          onDone={(message) => {
            setChangingStatus(false);
            tell(message);
          }}
        />
      )}
    </article>
  );
}

interface EntryUserNode {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  apartment?: string | null;
  activeFrom: string;
}

interface EntryUsersProps {
  site: {
    id: string;
    name: string;
    active: boolean;
    entryUsers: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor?: string | null };
      edges: readonly { node: EntryUserNode }[];
    };
  };
  searchText: string;
  appliedSearch: string;
  onSearchText: (text: string) => void;
  onSearchNow: () => void;
  updating: boolean;
  loadMore: (after: string) => Promise<unknown>;
}

function EntryUsers({
  site,
  searchText,
  appliedSearch,
  onSearchText,
  onSearchNow,
  updating,
  loadMore,
}: EntryUsersProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [editing, setEditing] = useState<EntryUserValues | null>(null);
  const [removing, setRemoving] = useState<EntryUserNode | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [addNotice, setAddNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [remove, removal] = useMutation(RemoveEntryUserMutation, {
    refetchQueries: useRefetchOnScreen(SITE_QUERIES),
  });
  const users = site.entryUsers;

  function tell(message: string) {
    flushSync(() => setNotice(message));
    noticeRef.current?.focus();
  }

  async function showMore() {
    if (!users.pageInfo.endCursor || loadingMore) return;
    const firstNew = users.edges.length;
    setLoadingMore(true);
    try {
      await loadMore(users.pageInfo.endCursor);
      tableRef.current?.querySelectorAll<HTMLElement>('tbody tr th')[firstNew]?.focus();
    } catch (error) {
      console.error(`Loading more Entry app users of site ${site.id} failed`, error);
      tell(t('sites.messages.requestFailed'));
    } finally {
      setLoadingMore(false);
    }
  }

  async function confirmRemove() {
    if (!removing || removal.loading) return;
    const name = personName(removing);
    try {
      const { data } = await remove({ variables: { id: removing.id } });
      const payload = data?.removeEntryUser;
      if (!payload) throw new Error('removeEntryUser answered without a payload');
      if (payload.userErrors.length > 0) {
        setRemoveError(
          payload.userErrors.map((problem) => siteErrorText(problem, locale)).join(' '),
        );
        return;
      }
      setRemoving(null);
      setRemoveError(null);
      tell(t('sites.users.removed', { name }));
    } catch (error) {
      console.error(`Removing Entry app user ${removing.id} failed`, error);
      setRemoveError(t('sites.messages.requestFailed'));
    }
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearchNow();
  }

  return (
    <>
      <section aria-labelledby="users-heading" className="site-section">
        <h2 id="users-heading">{t('sites.users.heading')}</h2>
        <p>{t('sites.users.intro')}</p>
        {notice && (
          <p ref={noticeRef} className="banner banner-success" role="status" tabIndex={-1}>
            {notice}
          </p>
        )}
        {(users.totalCount > 0 || appliedSearch) && (
          <form role="search" className="search-form" onSubmit={submitSearch}>
            <label htmlFor="users-search" className="field-label">
              {t('sites.users.searchLabel')}
            </label>
            <p id="users-search-hint" className="field-hint">
              {t('sites.users.searchHint')}
            </p>
            <div className="search-row">
              <input
                id="users-search"
                type="search"
                className="input"
                aria-describedby="users-search-hint"
                value={searchText}
                onChange={(event) => onSearchText(event.target.value)}
              />
              <button type="submit" className="button button-secondary">
                {t('sites.search.submit')}
              </button>
            </div>
          </form>
        )}
        {users.edges.length === 0 ? (
          <p className="empty-state" role={appliedSearch ? 'status' : undefined}>
            {appliedSearch
              ? t('sites.users.noMatch', { search: appliedSearch })
              : t('sites.users.empty')}
          </p>
        ) : (
          <>
            <p className="list-count" aria-live="polite">
              {t('sites.users.shown', {
                shown: formatCount(users.edges.length, locale),
                total: formatCount(users.totalCount, locale),
              })}
              {updating && !loadingMore && (
                <span className="list-updating"> {t('sites.list.updating')}</span>
              )}
            </p>
            <div className="table-wrap">
              <table ref={tableRef} className="table responsive-table users-table">
                <caption className="visually-hidden">
                  {t('sites.users.caption', { site: site.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sites.users.name')}</th>
                    <th scope="col">{t('sites.users.email')}</th>
                    <th scope="col">{t('sites.users.apartment')}</th>
                    <th scope="col">{t('sites.users.addedColumn')}</th>
                    <th scope="col">{t('sites.users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.edges.map(({ node: user }) => (
                    <tr key={user.id}>
                      <th scope="row" tabIndex={-1} data-label={t('sites.users.name')}>
                        {personName(user)}
                      </th>
                      <td className="break" data-label={t('sites.users.email')}>
                        {user.email}
                      </td>
                      <td data-label={t('sites.users.apartment')}>{user.apartment}</td>
                      <td data-label={t('sites.users.addedColumn')}>
                        {formatDate(user.activeFrom, locale)}
                      </td>
                      <td data-label={t('sites.users.actions')}>
                        <div className="row-actions">
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            onClick={() => setEditing(user)}
                          >
                            {t('sites.users.edit')}{' '}
                            <span className="visually-hidden">{personName(user)}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            onClick={() => {
                              setRemoveError(null);
                              setRemoving(user);
                            }}
                          >
                            {t('sites.users.remove')}{' '}
                            <span className="visually-hidden">{personName(user)}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {users.pageInfo.hasNextPage && (
              <p className="load-more">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void showMore()}
                >
                  {loadingMore ? t('sites.list.loadingMore') : t('sites.users.loadMore')}
                </button>
              </p>
            )}
          </>
        )}
      </section>

      {site.active && (
        <section aria-labelledby="add-user-heading" className="site-section">
          <h2 id="add-user-heading">{t('sites.users.addHeading')}</h2>
          {addNotice && (
            <p className="banner banner-success" role="status">
              {addNotice}
            </p>
          )}
          <EntryUserForm
            idPrefix="add-user"
            siteId={site.id}
            onSaved={(name) => {
              setAddNotice(t('sites.users.added', { name }));
              // Ready for the next one.
              document.getElementById('add-user-firstName')?.focus();
            }}
          />
        </section>
      )}

      {editing && (
        <Dialog
          titleId="edit-user-title"
          title={t('sites.users.editHeading', { name: personName(editing) })}
          onClose={() => setEditing(null)}
        >
          <EntryUserForm
            idPrefix="edit-user"
            siteId={site.id}
            user={editing}
            onCancel={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              tell(t('sites.users.saved', { name }));
            }}
          />
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog
          titleId="remove-user-title"
          title={t('sites.users.removeHeading', { name: personName(removing) })}
          body={<p>{t('sites.users.removeBody', { name: personName(removing) })}</p>}
          confirmLabel={t('sites.users.removeConfirm')}
          busyLabel={t('sites.users.removing')}
          cancelLabel={t('sites.users.cancel')}
          busy={removal.loading}
          error={removeError}
          danger
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </>
  );
}
