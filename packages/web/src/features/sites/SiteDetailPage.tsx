import type { AccessLevelRights } from '@entry/shared';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useLocation, useParams } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import { EntryUsers } from './components/EntryUsers';
import { SuccessNotice } from './components/ListParts';
import { SiteExport } from './components/SiteExport';
import { SiteNotFound } from './components/SiteNotFound';
import { InactiveSiteNotice, SiteActions, SiteFacts } from './components/SiteOverview';
import { preloadSiteDialogs, SiteFormDialog, SiteStatusDialog } from './lazy-dialogs';
import { lazyNamed } from '../../lib/preloadable-lazy';
import { StatusBadge } from './components/StatusBadge';
import { useFocusedNotice } from './useFocusedNotice';
import { useListSearch } from './useListSearch';
import { useSiteDetail } from './useSiteDetail';
import { useSiteViewer } from './useSiteViewer';
import './sites.css';

// The sections below the residents (the CSV import, the site's admins) follow the page, which
// shows without waiting for them: with them, a site's page was over the 150 kB budget.
const ImportEntryUsers = lazyNamed(
  () => import('./components/ImportEntryUsers'),
  'ImportEntryUsers',
);
const SiteAdmins = lazyNamed(() => import('./components/SiteAdmins'), 'SiteAdmins');

const FILTER_DEFAULTS = { q: '' };

// Only payment and system admins transfer a site, rarely: its dialog loads when opened.
const TransferSiteDialog = lazyNamed(
  () => import('../transfers/components/TransferSiteDialog'),
  'TransferSiteDialog',
);

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

interface SiteDetailProps {
  siteId: string;
  rights: AccessLevelRights;
}

interface LocationNotice {
  notice?: string;
}

function SiteDetail({ siteId, rights }: SiteDetailProps) {
  const { t } = useTranslation('sites');
  const location = useLocation();
  const { filters, search } = useListSearch(FILTER_DEFAULTS);
  const { notice, noticeRef, tell } = useFocusedNotice(
    (location.state as LocationNotice | null)?.notice ?? null,
  );
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const { result, site, loading, error, refetch, loadPage } = useSiteDetail(siteId, filters.q);
  usePageTitle(site?.name ?? t('nav.sites'));
  useEffect(preloadSiteDialogs, []);

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
      <SuccessNotice notice={notice} ref={noticeRef} />
      <SiteFacts site={site} />
      <SiteActions
        active={site.active}
        canChangeStatus={rights.allSites}
        onEdit={() => setEditing(true)}
        onChangeStatus={() => setChangingStatus(true)}
        onTransfer={() => setTransferring(true)}
      />
      {!site.active && <InactiveSiteNotice allSites={rights.allSites} />}

      <EntryUsers
        site={site}
        search={search}
        appliedSearch={filters.q}
        updating={loading}
        loadPage={loadPage}
      />

      <Suspense fallback={<Loading />}>
        <ImportEntryUsers siteId={site.id} siteActive={site.active} />
      </Suspense>

      <SiteExport siteId={site.id} />

      {rights.allSites && (
        <Suspense fallback={<Loading />}>
          <SiteAdmins siteId={site.id} />
        </Suspense>
      )}

      <Suspense fallback={null}>
        {editing && (
          <SiteFormDialog
            site={{
              id: site.id,
              name: site.name,
              address: site.address ?? null,
              costCenter: site.costCenter ?? null,
            }}
            canFinishBilling={rights.payments}
            onClose={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              tell(t('sites.messages.saved', { name: saved.name }));
            }}
          />
        )}
        {transferring && (
          <TransferSiteDialog
            site={site}
            onClose={() => setTransferring(false)}
            onSent={(message) => {
              setTransferring(false);
              tell(message);
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
      </Suspense>
    </article>
  );
}
