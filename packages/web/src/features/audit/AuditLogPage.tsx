import { useApolloClient, useQuery } from '@apollo/client/react';
import { Permission, VENDOR_STAFF } from '@entry/shared';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import {
  AsyncCombobox,
  type ComboboxLoader,
  type ComboboxOption,
} from '../../components/AsyncCombobox';
import { Breadcrumb } from '../../components/Breadcrumb';
import { Pagination } from '../../components/Pagination';
import { useSiteLoader } from '../sites/site-options';
import { useCursorPages } from '../../lib/useCursorPages';
import { useFilterParams } from '../../lib/useFilterParams';
import { NotAllowed } from '../../components/NotAllowed';
import { RequireAccess } from '../../app/RequireAccess';
import './audit.css';
import {
  FILTER_NAMES,
  csvExportUrl,
  filtersFromParams,
  rangeIsBackwards,
  toApiFilters,
  type AuditFilters,
  type FilterName,
} from './audit-filters';
import { Field } from '../../components/form/Field';
import {
  AUDIT_KINDS,
  auditFieldLabel,
  auditKindLabel,
  auditValueText,
  isPortalKind,
} from './audit-kinds';
import {
  AUDIT_PAGE_SIZE,
  AuditEventsQuery,
  AuditPersonLabelQuery,
  AuditSiteLabelQuery,
  PersonOptionsQuery,
} from './operations';
import { dateTimeFormat } from '../../lib/intl-formats';

/** /administrator/audit — who changed what, newest first, for payment and system admins. */
export function AuditLogPage() {
  const { t } = useTranslation('audit');
  const heading = t('audit.heading');
  usePageTitle(heading);
  return (
    // The same permission the API asks for the log (ALL_SITES), from the shared policy.
    <RequireAccess
      permission={Permission.ALL_SITES}
      notAllowed={<NotAllowed heading={heading} subject="audit" />}
    >
      <article className="page">
        <Breadcrumb parent={t('nav.administrator')} current={heading} />
        <h1>{heading}</h1>
        <p className="lead">{t('audit.intro')}</p>
        <AuditLog />
      </article>
    </RequireAccess>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation('audit');
  const locale = currentLocale(i18n);
  const [params, updateParams] = useFilterParams();
  const filters = filtersFromParams(params);
  const backwards = rangeIsBackwards(filters);
  const pages = useCursorPages(JSON.stringify(filters));
  const headingId = useId();
  const captionId = useId();
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsQuery, {
    variables: { first: AUDIT_PAGE_SIZE, after: pages.after, ...toApiFilters(filters) },
    // The log grows while the page is open: always ask.
    fetchPolicy: 'cache-and-network',
    skip: backwards,
  });
  const events = (data ?? previousData)?.auditEvents;

  function setFilter(name: FilterName, value: string | null) {
    updateParams((next) => {
      if (value) next.set(name, value);
      else next.delete(name);
    });
  }

  const time = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <>
      <AuditFilterForm
        filters={filters}
        backwards={backwards}
        onChange={setFilter}
        onClear={() =>
          updateParams((next) => {
            for (const name of FILTER_NAMES) next.delete(name);
          })
        }
      />
      <section aria-labelledby={headingId}>
        <div className="section-header">
          <h2 id={headingId}>
            {t('audit.eventsHeading')}
            {events && !backwards && <span className="count"> ({events.totalCount})</span>}
          </h2>
          <a
            className="button button-secondary button-link export-link"
            href={csvExportUrl(filters)}
            download
          >
            {t('audit.export')}
          </a>
        </div>
        <p className="field-hint">{t('audit.exportHint')}</p>
        {backwards ? null : error && !events ? (
          <ErrorBanner
            error={error}
            context="Loading the audit log"
            onRetry={() => void refetch()}
          />
        ) : !events ? (
          <Loading />
        ) : events.edges.length === 0 ? (
          <p className="empty">{t('audit.none')}</p>
        ) : (
          // Scrolls sideways when the changes are wide: focusable, so keyboards can scroll it too.
          <div
            className="audit-table-wrap"
            role="region"
            aria-labelledby={captionId}
            tabIndex={0}
            aria-busy={loading || undefined}
          >
            <table className="table audit-table">
              <caption id={captionId} className="visually-hidden">
                {t('audit.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.columns.time')}</th>
                  <th scope="col">{t('audit.columns.who')}</th>
                  <th scope="col">{t('audit.columns.what')}</th>
                  <th scope="col">{t('audit.columns.changes')}</th>
                  <th scope="col">{t('audit.columns.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {events.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td data-label={t('audit.columns.time')}>
                      <time dateTime={node.createdAt}>{time.format(new Date(node.createdAt))}</time>
                    </td>
                    <td data-label={t('audit.columns.who')}>
                      <Actor actor={node.actor} kind={node.kind} />
                    </td>
                    <td data-label={t('audit.columns.what')}>
                      <KindLabel kind={node.kind} />
                    </td>
                    <td data-label={t('audit.columns.changes')} className="audit-changes">
                      <Changes changes={node.changes} />
                    </td>
                    <td data-label={t('audit.columns.ip')}>{node.ip ?? t('audit.emptyValue')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {events && !backwards && (
          <Pagination
            label={t('audit.pagination')}
            pageIndex={pages.index}
            pageSize={AUDIT_PAGE_SIZE}
            shown={events.edges.length}
            total={events.totalCount}
            hasNextPage={events.pageInfo.hasNextPage}
            onPrevious={pages.previous}
            onNext={() => pages.next(events.pageInfo.endCursor)}
          />
        )}
      </section>
    </>
  );
}

interface AuditFilterFormProps {
  filters: AuditFilters;
  backwards: boolean;
  onChange(name: FilterName, value: string | null): void;
  onClear(): void;
}

function AuditFilterForm({ filters, backwards, onChange, onClear }: AuditFilterFormProps) {
  const { t } = useTranslation('audit');
  const labels = useFilterLabels(filters);
  const personLoader = usePersonLoader();
  const siteLoader = useSiteLoader();
  const [chosen, setChosen] = useState<Record<string, ComboboxOption>>({});
  const person = filters.personId
    ? (chosen[filters.personId] ?? labels.person ?? { id: filters.personId, label: '…' })
    : null;
  const site = filters.siteId
    ? (chosen[filters.siteId] ?? labels.site ?? { id: filters.siteId, label: '…' })
    : null;

  function pick(name: 'personId' | 'siteId', options: ComboboxOption[]) {
    const option = options[options.length - 1] ?? null;
    if (option) setChosen((current) => ({ ...current, [option.id]: option }));
    onChange(name, option?.id ?? null);
  }

  const anyFilter = Object.values(filters).some(Boolean);
  return (
    <form
      className="audit-filters"
      role="search"
      aria-label={t('audit.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field
        showRequirement={false}
        id="audit-person"
        name="personId"
        label={t('audit.filters.person')}
        hint={t('audit.filters.personHint')}
      >
        {(control) => (
          <AsyncCombobox
            control={control}
            label={t('audit.filters.person')}
            placeholder={t('audit.filters.personPlaceholder')}
            multiple={false}
            selected={person ? [person] : []}
            onChange={(options) => pick('personId', options)}
            load={personLoader}
            chosenLabel={t('audit.filters.person')}
          />
        )}
      </Field>
      <Field
        showRequirement={false}
        id="audit-site"
        name="siteId"
        label={t('audit.filters.site')}
        hint={t('audit.filters.siteHint')}
      >
        {(control) => (
          <AsyncCombobox
            control={control}
            label={t('audit.filters.site')}
            placeholder={t('audit.filters.sitePlaceholder')}
            multiple={false}
            selected={site ? [site] : []}
            onChange={(options) => pick('siteId', options)}
            load={siteLoader}
            chosenLabel={t('audit.filters.site')}
          />
        )}
      </Field>
      <Field showRequirement={false} id="audit-kind" name="kind" label={t('audit.filters.kind')}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={filters.kind ?? ''}
            onChange={(event) => onChange('kind', event.target.value || null)}
          >
            <option value="">{t('audit.filters.allKinds')}</option>
            {AUDIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {auditKindLabel(t, kind)}
              </option>
            ))}
            {filters.kind && !AUDIT_KINDS.includes(filters.kind) && (
              <option value={filters.kind}>{filters.kind}</option>
            )}
          </select>
        )}
      </Field>
      <div className="form-row">
        <Field showRequirement={false} id="audit-from" name="from" label={t('audit.filters.from')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={filters.from ?? ''}
              max={filters.to ?? undefined}
              onChange={(event) => onChange('from', event.target.value || null)}
            />
          )}
        </Field>
        <Field
          showRequirement={false}
          id="audit-to"
          name="to"
          label={t('audit.filters.to')}
          error={backwards ? t('audit.filters.backwards') : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={filters.to ?? ''}
              min={filters.from ?? undefined}
              onChange={(event) => onChange('to', event.target.value || null)}
            />
          )}
        </Field>
      </div>
      {anyFilter && (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onClear}>
            {t('audit.filters.clear')}
          </button>
        </div>
      )}
    </form>
  );
}

/** The names behind ?personId= and ?siteId= when the page opens with them. */
function useFilterLabels(filters: AuditFilters): {
  person: ComboboxOption | null;
  site: ComboboxOption | null;
} {
  const { data: personData } = useQuery(AuditPersonLabelQuery, {
    variables: { id: filters.personId ?? '' },
    skip: !filters.personId,
  });
  const { data: siteData } = useQuery(AuditSiteLabelQuery, {
    variables: { id: filters.siteId ?? '' },
    skip: !filters.siteId,
  });
  const person = personData?.person;
  const site = siteData?.site;
  return {
    person: person
      ? { id: person.id, label: `${person.firstName} ${person.lastName}`, detail: person.email }
      : null,
    site: site ? { id: site.id, label: site.name } : null,
  };
}

/** Colleagues by name or email, 20 at a time, for the person filter. */
function usePersonLoader(): ComboboxLoader {
  const client = useApolloClient();
  return useCallback(
    async (search, signal) => {
      const { data } = await client.query({
        query: PersonOptionsQuery,
        variables: { search: search || null, first: 20 },
        fetchPolicy: 'network-only',
        context: { fetchOptions: { signal }, queryDeduplication: false },
      });
      if (!data) throw new Error('people answered without data');
      return {
        options: data.people.edges.map(({ node }) => ({
          id: node.id,
          label: `${node.firstName} ${node.lastName}`,
          detail: node.email,
        })),
        totalCount: data.people.totalCount,
      };
    },
    [client],
  );
}

function KindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation('audit');
  const label = auditKindLabel(t, kind);
  return label === kind ? <span className="audit-kind-raw">{kind}</span> : <>{label}</>;
}

interface ActorProps {
  actor: { kind: string; name?: string | null; email?: string | null };
  /** the event's kind: some are the portal's own doing */
  kind: string;
}

function Actor({ actor, kind }: ActorProps) {
  const { t, i18n } = useTranslation('audit');
  if (actor.kind === 'ANONYMOUS')
    return <>{isPortalKind(kind) ? t('audit.actor.portal') : t('audit.actor.anonymous')}</>;
  if (actor.kind === 'API_KEY')
    return (
      <>{actor.name ? t('audit.actor.apiKey', { name: actor.name }) : t('audit.actor.removed')}</>
    );
  // a company never sees which of the vendor's staff it was (the API does not say either)
  if (actor.kind === 'OPERATOR') return <>{VENDOR_STAFF[currentLocale(i18n)]}</>;
  if (!actor.name) return <>{t('audit.actor.removed')}</>;
  return (
    <>
      {actor.name}
      {actor.email && (
        <>
          <br />
          <span className="combobox-detail">{actor.email}</span>
        </>
      )}
    </>
  );
}

interface ChangesProps {
  changes: readonly { field: string; before?: string | null; after?: string | null }[];
}

function Changes({ changes }: ChangesProps) {
  const { t, i18n } = useTranslation('audit');
  const locale = currentLocale(i18n);
  // A level without sites of its own records an empty list: nothing worth a line.
  const shown = changes.filter(
    (change) => change.field !== 'sites' || Boolean(change.before) || Boolean(change.after),
  );
  if (shown.length === 0) return <>{t('audit.emptyValue')}</>;
  const value = (field: string, text: string | null | undefined) =>
    auditValueText(t, field, text ?? null, locale);
  return (
    <ul>
      {shown.map((change) => (
        <li key={change.field}>
          <span className="audit-change-field">
            {t('audit.fieldLabel', { field: auditFieldLabel(t, change.field) })}
          </span>{' '}
          {change.before === null || change.before === undefined ? (
            value(change.field, change.after)
          ) : (
            <>
              {value(change.field, change.before)}
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">{t('audit.changedTo')} </span>
              {value(change.field, change.after)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
