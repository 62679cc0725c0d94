import { Suspense, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount } from '../../../lib/intl-formats';
import { useFocusedNotice } from '../useFocusedNotice';
import { useLoadMore } from '../useLoadMore';
import { EditEntryUserDialog, EntryUserForm, RemoveEntryUserDialog } from '../lazy-dialogs';
import { Loading } from '../../../components/QueryStatus';
import { EntryUsersTable, type ListedEntryUser } from './EntryUsersTable';
import { GrowingList, SearchForm, SuccessNotice } from './ListParts';

interface EntryUsersProps {
  site: {
    id: string;
    name: string;
    active: boolean;
    entryUsers: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor?: string | null };
      edges: readonly { node: ListedEntryUser }[];
    };
  };
  /** the search box (`useListSearch`) and the search the list shows */
  search: { text: string; setText: (text: string) => void; applyNow: () => void };
  appliedSearch: string;
  updating: boolean;
  loadPage: (after: string) => Promise<unknown>;
}

/** The site's Entry app users: search, the list a page at a time, edit, remove and add. */
export function EntryUsers({ site, search, appliedSearch, updating, loadPage }: EntryUsersProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const [editing, setEditing] = useState<ListedEntryUser | null>(null);
  const [removing, setRemoving] = useState<ListedEntryUser | null>(null);
  const { notice, noticeRef, tell } = useFocusedNotice();
  const tableRef = useRef<HTMLTableElement>(null);
  const users = site.entryUsers;
  const more = useLoadMore({
    endCursor: users.pageInfo.endCursor,
    shown: users.edges.length,
    fetch: loadPage,
    focusRow: (index) =>
      tableRef.current?.querySelectorAll<HTMLElement>('tbody tr th')[index]?.focus(),
    onError: (error) => {
      console.error(`Loading more Entry app users of site ${site.id} failed`, error);
      tell(t('sites.messages.requestFailed'));
    },
  });

  return (
    <>
      <section aria-labelledby="users-heading" className="site-section">
        <h2 id="users-heading">{t('sites.users.heading')}</h2>
        <p>{t('sites.users.intro')}</p>
        <SuccessNotice notice={notice} ref={noticeRef} />
        {(users.totalCount > 0 || appliedSearch) && (
          <SearchForm
            id="users-search"
            label={t('sites.users.searchLabel')}
            hint={t('sites.users.searchHint')}
            value={search.text}
            onChange={search.setText}
            onSearch={search.applyNow}
          />
        )}
        {users.edges.length === 0 ? (
          <p className="empty-state" role={appliedSearch ? 'status' : undefined}>
            {appliedSearch
              ? t('sites.users.noMatch', { search: appliedSearch })
              : t('sites.users.empty')}
          </p>
        ) : (
          <GrowingList
            count={t('sites.users.shown', {
              shown: formatCount(users.edges.length, locale),
              total: formatCount(users.totalCount, locale),
            })}
            updating={updating}
            hasNextPage={users.pageInfo.hasNextPage}
            moreLabel={t('sites.users.loadMore')}
            more={more}
          >
            <EntryUsersTable
              ref={tableRef}
              siteName={site.name}
              users={users.edges.map(({ node }) => node)}
              onEdit={setEditing}
              onRemove={setRemoving}
            />
          </GrowingList>
        )}
      </section>

      {site.active && <AddEntryUser siteId={site.id} />}

      <Suspense fallback={null}>
        {editing && (
          <EditEntryUserDialog
            siteId={site.id}
            user={editing}
            onClose={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              tell(t('sites.users.saved', { name }));
            }}
          />
        )}
        {removing && (
          <RemoveEntryUserDialog
            user={removing}
            onCancel={() => setRemoving(null)}
            onRemoved={(message) => {
              setRemoving(null);
              tell(message);
            }}
          />
        )}
      </Suspense>
    </>
  );
}

/** "Add an Entry app user": the form stays, ready for the next one, after each. */
export function AddEntryUser({ siteId }: { siteId: string }) {
  const { t } = useTranslation('sites');
  const [added, setAdded] = useState<string | null>(null);
  return (
    <section aria-labelledby="add-user-heading" className="site-section">
      <h2 id="add-user-heading">{t('sites.users.addHeading')}</h2>
      {added && (
        <p className="banner banner-success" role="status">
          {added}
        </p>
      )}
      <Suspense fallback={<Loading />}>
        <EntryUserForm
          idPrefix="add-user"
          siteId={siteId}
          onSaved={(name) => {
            setAdded(t('sites.users.added', { name }));
            // Ready for the next one.
            document.getElementById('add-user-firstName')?.focus();
          }}
        />
      </Suspense>
    </section>
  );
}
