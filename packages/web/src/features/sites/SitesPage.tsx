import type { AccessLevelRights } from '@entry/shared';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { useNavigate } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInNotice } from '../../components/SignInNotice';
import { formatCount } from '../../lib/intl-formats';
import { BillingSetupNotice } from './components/BillingSetupNotice';
import { EmptySites } from './components/EmptySites';
import { GrowingList, SuccessNotice } from './components/ListParts';
import { SitesFilterBar, statusFilterOf } from './components/SitesFilterBar';
import { SitesTable, type ListedSite } from './components/SitesTable';
import { preloadSiteDialogs, SiteFormDialog, SiteStatusDialog } from './lazy-dialogs';
import { useCreateSiteShortcut } from './useCreateSiteShortcut';
import { useFocusedNotice } from './useFocusedNotice';
import { useListSearch } from './useListSearch';
import { useLoadMore } from './useLoadMore';
import { useSitesList } from './useSitesList';
import { useSiteViewer } from './useSiteViewer';
import './sites.css';

export type { SitesLocationState } from './useCreateSiteShortcut';

/** What the list shows when the URL says nothing. */
const FILTER_DEFAULTS = { q: '', status: 'all' };

export function SitesPage() {
  const { t } = useTranslation('sites');
  usePageTitle(t('nav.sites'));
  useEffect(preloadSiteDialogs, []);
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

function SitesList({ rights, billingSetupComplete }: SitesListProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const navigate = useNavigate();
  const { filters, setFilters, search } = useListSearch(FILTER_DEFAULTS);
  const status = statusFilterOf(filters.status);
  const canCreate = rights.allSites && billingSetupComplete;
  const create = useCreateSiteShortcut(canCreate);
  const [editing, setEditing] = useState<ListedSite | null>(null);
  const [changingStatus, setChangingStatus] = useState<ListedSite | null>(null);
  const { notice, noticeRef, tell } = useFocusedNotice();
  const tableRef = useRef<HTMLTableElement>(null);
  const { sites, loading, error, refetch, loadPage } = useSitesList({
    search: filters.q,
    active: status === 'all' ? null : status === 'active',
    withAdmins: rights.allSites,
  });
  const more = useLoadMore({
    endCursor: sites?.pageInfo.endCursor,
    shown: sites?.edges.length ?? 0,
    fetch: loadPage,
    focusRow: (index) =>
      tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody tr th a')[index]?.focus(),
    onError: (caught) => {
      console.error('Loading more sites failed', caught);
      tell(t('sites.messages.requestFailed'));
    },
  });

  function clearFilters() {
    search.setText('');
    setFilters(FILTER_DEFAULTS);
  }

  return (
    <>
      {rights.allSites && !billingSetupComplete && (
        <BillingSetupNotice canFinish={rights.payments} />
      )}
      <SuccessNotice notice={notice} ref={noticeRef} />
      <SitesFilterBar
        searchText={search.text}
        onSearchText={search.setText}
        onSearchNow={search.applyNow}
        status={status}
        onStatus={(value) => setFilters({ status: value })}
        canCreate={canCreate}
        onCreate={create.open}
      />

      {error && !sites ? (
        <ErrorBanner error={error} context="Loading the sites" onRetry={() => void refetch()} />
      ) : !sites ? (
        <Loading />
      ) : sites.edges.length === 0 ? (
        <EmptySites
          filtered={filters.q !== '' || status !== 'all'}
          search={filters.q}
          allSites={rights.allSites}
          canCreate={canCreate}
          onCreate={create.open}
          onClear={clearFilters}
        />
      ) : (
        <GrowingList
          count={t('sites.list.shown', {
            shown: formatCount(sites.edges.length, locale),
            total: formatCount(sites.totalCount, locale),
          })}
          updating={loading}
          hasNextPage={sites.pageInfo.hasNextPage}
          moreLabel={t('sites.list.loadMore')}
          more={more}
        >
          <SitesTable
            ref={tableRef}
            sites={sites.edges.map(({ node }) => node)}
            allSites={rights.allSites}
            onEdit={setEditing}
            onChangeStatus={setChangingStatus}
          />
        </GrowingList>
      )}

      <Suspense fallback={null}>
        {create.creating && (
          <SiteFormDialog
            canFinishBilling={rights.payments}
            onClose={create.close}
            onSaved={(site) => {
              create.done();
              void navigate(`/sites/${site.id}`, {
                state: { notice: t('sites.messages.created', { name: site.name }) },
              });
            }}
          />
        )}
        {editing && (
          <SiteFormDialog
            site={{
              id: editing.id,
              name: editing.name,
              address: editing.address ?? null,
              costCenter: editing.costCenter ?? null,
            }}
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
      </Suspense>
    </>
  );
}
