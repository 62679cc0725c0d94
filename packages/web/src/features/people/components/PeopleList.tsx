import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { currentLocale } from '../../../app/i18n';
import { Pagination } from '../../../components/Pagination';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import { useCursorPages } from '../../../lib/useCursorPages';
import { PEOPLE_PAGE_SIZE, PeopleQuery, SITES_IN_ROW } from '../operations';
import type { PolicyViewer } from '../people-policy';
import { BillingSetupNotice } from './BillingSetupNotice';
import { OutcomeBanner } from './OutcomeBanner';
import { PeopleFilters } from './PeopleFilters';
import { PeopleTable } from './PeopleTable';
import { usePeopleFilters } from './usePeopleFilters';
import { usePeopleNotice } from './usePeopleNotice';
import type { Outcome } from './usePersonCommand';

interface PeopleListProps {
  viewer: PolicyViewer;
  billingSetupComplete: boolean;
}

/**
 * The Administrator tab's people: search, filter by level and status, a page at a time, and
 * per person only the buttons the viewer may use (the shared rights table; the server checks
 * again).
 */
export function PeopleList({ viewer, billingSetupComplete }: PeopleListProps) {
  const { t, i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  const filters = usePeopleFilters();
  const pages = useCursorPages(filters.key);
  const { notice, noticeRef, show } = usePeopleNotice();
  const headingId = useId();

  const { data, previousData, loading, error, refetch } = useQuery(PeopleQuery, {
    variables: {
      first: PEOPLE_PAGE_SIZE,
      after: pages.after,
      search: filters.search || null,
      accessLevel: filters.level,
      status: filters.status,
      sitesInRow: SITES_IN_ROW,
      locale,
    },
    // Colleagues change elsewhere too: show what is cached, then what is true.
    fetchPolicy: 'cache-and-network',
  });
  const people = (data ?? previousData)?.people;

  function report(outcome: Outcome) {
    show(outcome);
    void refetch();
  }

  return (
    <section aria-labelledby={headingId} className="people">
      <div className="section-header">
        <h2 id={headingId}>
          {t('people.heading')}
          {people && <span className="count"> ({people.totalCount})</span>}
        </h2>
        <div className="section-actions">
          {billingSetupComplete && (
            <Link to="/administrator/people/new" className="button button-link">
              {t('people.add')}
            </Link>
          )}
          <Link to="/administrator/audit" className="button button-secondary button-link">
            {t('people.auditLink')}
          </Link>
        </div>
      </div>
      <p>{t('people.intro')}</p>
      {!billingSetupComplete && <BillingSetupNotice />}
      <OutcomeBanner notice={notice} ref={noticeRef} />
      <PeopleFilters
        text={filters.text}
        onText={filters.setText}
        level={filters.level ?? ''}
        status={filters.status ?? ''}
        onFilter={filters.setFilter}
      />
      {error && !people && (
        <ErrorBanner error={error} context="Loading the people" onRetry={() => void refetch()} />
      )}
      {!people && !error && <Loading />}
      {people && people.edges.length === 0 && <p className="empty">{t('people.none')}</p>}
      {people && people.edges.length > 0 && (
        <div className="people-table-wrap" aria-busy={loading || undefined}>
          <PeopleTable
            people={people.edges.map(({ node }) => node)}
            viewer={viewer}
            onDone={report}
          />
        </div>
      )}
      {people && (
        <Pagination
          label={t('people.pagination.label')}
          pageIndex={pages.index}
          pageSize={PEOPLE_PAGE_SIZE}
          shown={people.edges.length}
          total={people.totalCount}
          hasNextPage={people.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(people.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}
