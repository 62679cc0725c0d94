import { useMutation, useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_CODES, ErrorCode, type AccessLevelCode } from '@entry/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { currentLocale } from '../../../app/i18n';
import { sortUserErrors } from '../../../components/form/form-errors';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import { PERSON_STATUSES, statusLabel } from '../labels';
import {
  DisablePersonMutation,
  EnablePersonMutation,
  PEOPLE_PAGE_SIZE,
  PeopleQuery,
  RemovePersonMutation,
  ResendInvitationMutation,
  SITES_IN_ROW,
} from '../operations';
import { isPeopleNotice, type PeopleNotice } from '../people-notice';
import { needsSites, personActions, type PolicyViewer } from '../people-policy';
import { forbiddenText, requestRefusal } from '../request-errors';
import { useCursorPages } from '../../../lib/useCursorPages';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useFilterParams } from '../../../lib/useFilterParams';
import { useAccessLevelTexts } from './AccessLevelField';
import { BillingSetupNotice } from './BillingSetupNotice';
import { Pagination } from '../../../components/Pagination';

type Command = 'resend' | 'disable' | 'enable' | 'remove';

type Outcome =
  | PeopleNotice
  | { kind: 'resent'; email: string }
  | { kind: 'disabled' | 'enabled' | 'removed' | 'revoked'; name: string }
  | { kind: 'failed'; message: string };

export interface ListedPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
  accessLevel: { code: AccessLevelCode; label: string };
  sites: { totalCount: number; edges: readonly { node: { id: string; name: string } }[] };
}

const SEARCH_DELAY_MS = 300;

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
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const location = useLocation();
  const [params, updateParams] = useFilterParams();
  const search = params.get('q') ?? '';
  const level = asLevel(params.get('level'));
  const status = asStatus(params.get('status'));
  const [text, setText] = useState(search);
  const settled = useDebouncedValue(text, SEARCH_DELAY_MS);
  const filterKey = JSON.stringify([search.trim(), level, status]);
  const pages = useCursorPages(filterKey);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const arrived = isPeopleNotice((location.state as { notice?: unknown } | null)?.notice)
    ? (location.state as { notice: PeopleNotice }).notice
    : null;
  const notice: Outcome | null = outcome ?? arrived;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();

  // The search box asks once typing pauses; the address keeps the filters for the way back.
  useEffect(() => {
    if (settled === search) return;
    updateParams((next) => {
      if (settled.trim()) next.set('q', settled);
      else next.delete('q');
    });
  }, [settled, search, updateParams]);

  // Coming back from "Add new person" or an edit: the result is where the person carries on.
  // After the layout's own focus move to <main>, hence the frame's delay.
  useEffect(() => {
    if (!arrived) return;
    const frame = requestAnimationFrame(() => noticeRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [arrived]);

  const { data, previousData, loading, error, refetch } = useQuery(PeopleQuery, {
    variables: {
      first: PEOPLE_PAGE_SIZE,
      after: pages.after,
      search: search.trim() || null,
      accessLevel: level,
      status,
      sitesInRow: SITES_IN_ROW,
      locale,
    },
    // Colleagues change elsewhere too: show what is cached, then what is true.
    fetchPolicy: 'cache-and-network',
  });
  const people = (data ?? previousData)?.people;

  function setFilter(name: 'level' | 'status', value: string) {
    updateParams((next) => {
      if (value) next.set(name, value);
      else next.delete(name);
    });
  }

  function report(next: Outcome) {
    flushSync(() => setOutcome(next));
    noticeRef.current?.focus();
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
      {notice && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          role={notice.kind === 'failed' ? 'alert' : 'status'}
          className={`banner ${notice.kind === 'failed' ? 'banner-error' : 'banner-success'}`}
        >
          <NoticeText notice={notice} />
        </p>
      )}
      <form
        className="people-filters"
        role="search"
        aria-label={t('people.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor="people-search" className="field-label">
            {t('people.filters.search')}
          </label>
          <input
            id="people-search"
            className="input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('people.filters.searchHint')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <LevelFilter value={level ?? ''} onChange={(value) => setFilter('level', value)} />
        <div className="field">
          <label htmlFor="people-status" className="field-label">
            {t('people.filters.status')}
          </label>
          <select
            id="people-status"
            className="input"
            value={status ?? ''}
            onChange={(event) => setFilter('status', event.target.value)}
          >
            <option value="">{t('people.filters.all')}</option>
            {PERSON_STATUSES.map((code) => (
              <option key={code} value={code}>
                {statusLabel(t, code)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && !people && (
        <ErrorBanner error={error} context="Loading the people" onRetry={() => void refetch()} />
      )}
      {!people && !error && <Loading />}
      {people && people.edges.length === 0 && <p className="empty">{t('people.none')}</p>}
      {people && people.edges.length > 0 && (
        <div className="people-table-wrap" aria-busy={loading || undefined}>
          <table className="table people-table">
            <caption className="visually-hidden">{t('people.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.columns.name')}</th>
                <th scope="col">{t('people.columns.email')}</th>
                <th scope="col">{t('people.columns.level')}</th>
                <th scope="col">{t('people.columns.status')}</th>
                <th scope="col">{t('people.columns.sites')}</th>
                <th scope="col">{t('people.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.edges.map(({ node }) => (
                <PersonRow key={node.id} person={node} viewer={viewer} onDone={report} />
              ))}
            </tbody>
          </table>
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

function NoticeText({ notice }: { notice: Outcome }) {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'invited':
      return t('people.done.invited', { email: notice.email });
    case 'updated':
      return t('people.done.updated', { name: notice.name });
    case 'resent':
      return t('people.done.resent', { email: notice.email });
    case 'disabled':
      return t('people.done.disabled', { name: notice.name });
    case 'enabled':
      return t('people.done.enabled', { name: notice.name });
    case 'removed':
      return t('people.done.removed', { name: notice.name });
    case 'revoked':
      return t('people.done.revoked', { name: notice.name });
    case 'failed':
      return notice.message;
  }
}

function LevelFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const texts = useAccessLevelTexts();
  return (
    <div className="field">
      <label htmlFor="people-level" className="field-label">
        {t('people.filters.level')}
      </label>
      <select
        id="people-level"
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('people.filters.all')}</option>
        {ACCESS_LEVEL_CODES.map((code) => (
          <option key={code} value={code}>
            {texts.label(code)}
          </option>
        ))}
      </select>
    </div>
  );
}

interface PersonRowProps {
  person: ListedPerson;
  viewer: PolicyViewer;
  onDone(outcome: Outcome): void;
}

function PersonRow({ person, viewer, onDone }: PersonRowProps) {
  const { t } = useTranslation();
  const name = `${person.firstName} ${person.lastName}`;
  const self = person.id === viewer.id;
  return (
    <tr>
      <th scope="row" className="person-name">
        {name}
        {self && <span className="you"> ({t('people.you')})</span>}
      </th>
      <td data-label={t('people.columns.email')} className="person-email">
        {person.email}
      </td>
      <td data-label={t('people.columns.level')}>{person.accessLevel.label}</td>
      <td data-label={t('people.columns.status')}>
        <span className={`status-badge status-${person.status.toLowerCase()}`}>
          {statusLabel(t, person.status)}
        </span>
      </td>
      <td data-label={t('people.columns.sites')}>
        <SitesCell person={person} />
      </td>
      <td data-label={t('people.columns.actions')}>
        <PersonActionsCell person={person} name={name} viewer={viewer} onDone={onDone} />
      </td>
    </tr>
  );
}

function SitesCell({ person }: { person: ListedPerson }) {
  const { t } = useTranslation();
  if (!needsSites(person.accessLevel.code)) return <>{t('people.allSites')}</>;
  const names = person.sites.edges.map(({ node }) => node.name);
  const more = person.sites.totalCount - names.length;
  if (names.length === 0) return <span className="empty">{t('people.noSites')}</span>;
  return (
    <>
      {names.join(', ')}
      {more > 0 && <> {t('people.moreSites', { number: more })}</>}
    </>
  );
}

interface PersonActionsCellProps {
  person: ListedPerson;
  name: string;
  viewer: PolicyViewer;
  onDone(outcome: Outcome): void;
}

function PersonActionsCell({ person, name, viewer, onDone }: PersonActionsCellProps) {
  const { t } = useTranslation();
  const run = usePersonCommand();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<Command | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const actions = personActions(viewer, {
    id: person.id,
    level: person.accessLevel.code,
    status: person.status,
  });
  const invited = person.status === 'INVITED';

  async function perform(command: Command) {
    setBusy(command);
    const outcome = await run(command, person, name);
    setBusy(null);
    setConfirming(false);
    onDone(outcome);
  }

  function askToRemove() {
    flushSync(() => setConfirming(true));
    confirmRef.current?.focus();
  }

  function cancelRemove() {
    flushSync(() => setConfirming(false));
    removeRef.current?.focus();
  }

  if (confirming) {
    return (
      <div role="group" aria-labelledby={questionId} className="confirm-remove">
        <p id={questionId}>
          {invited
            ? t('people.actions.confirmRevoke', { name })
            : t('people.actions.confirmRemove', { name })}
        </p>
        <div className="row-actions">
          <button
            ref={confirmRef}
            type="button"
            className="action-button action-danger"
            disabled={busy !== null}
            onClick={() => void perform('remove')}
          >
            {busy === 'remove'
              ? t('people.actions.working')
              : invited
                ? t('people.actions.confirmRevokeButton')
                : t('people.actions.confirmRemoveButton')}
          </button>
          <button
            type="button"
            className="action-button"
            disabled={busy !== null}
            onClick={cancelRemove}
          >
            {t('people.actions.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <ul className="row-actions" aria-label={t('people.actions.label', { name })}>
      {actions.edit && (
        <li>
          <Link
            to={`/administrator/people/${encodeURIComponent(person.id)}`}
            className="action-button"
            aria-label={t('people.actions.editNamed', { name })}
          >
            {t('people.actions.edit')}
          </Link>
        </li>
      )}
      {actions.resendInvitation && (
        <li>
          <button
            type="button"
            className="action-button"
            disabled={busy !== null}
            aria-label={t('people.actions.resendNamed', { name })}
            onClick={() => void perform('resend')}
          >
            {busy === 'resend' ? t('people.actions.working') : t('people.actions.resend')}
          </button>
        </li>
      )}
      {actions.disable && (
        <li>
          <button
            type="button"
            className="action-button"
            disabled={busy !== null}
            aria-label={t('people.actions.disableNamed', { name })}
            onClick={() => void perform('disable')}
          >
            {busy === 'disable' ? t('people.actions.working') : t('people.actions.disable')}
          </button>
        </li>
      )}
      {actions.enable && (
        <li>
          <button
            type="button"
            className="action-button"
            disabled={busy !== null}
            aria-label={t('people.actions.enableNamed', { name })}
            onClick={() => void perform('enable')}
          >
            {busy === 'enable' ? t('people.actions.working') : t('people.actions.enable')}
          </button>
        </li>
      )}
      {actions.remove && (
        <li>
          <button
            ref={removeRef}
            type="button"
            className="action-button action-danger"
            disabled={busy !== null}
            aria-label={
              invited
                ? t('people.actions.revokeNamed', { name })
                : t('people.actions.removeNamed', { name })
            }
            onClick={askToRemove}
          >
            {invited ? t('people.actions.revoke') : t('people.actions.remove')}
          </button>
        </li>
      )}
    </ul>
  );
}

/** Runs one of the row's commands and says how it went, in the viewer's language. */
function usePersonCommand() {
  const { t, i18n } = useTranslation();
  const { t: tAccounts } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const [resend] = useMutation(ResendInvitationMutation);
  const [disable] = useMutation(DisablePersonMutation);
  const [enable] = useMutation(EnablePersonMutation);
  const [remove] = useMutation(RemovePersonMutation);

  return async (command: Command, person: ListedPerson, name: string): Promise<Outcome> => {
    const variables = { id: person.id };
    try {
      let userErrors: readonly {
        field?: readonly string[] | null;
        code: string;
        message: string;
      }[];
      if (command === 'resend')
        userErrors = (await resend({ variables })).data?.resendInvitation.userErrors ?? [];
      else if (command === 'disable')
        userErrors = (await disable({ variables })).data?.disablePerson.userErrors ?? [];
      else if (command === 'enable')
        userErrors = (await enable({ variables })).data?.enablePerson.userErrors ?? [];
      else userErrors = (await remove({ variables })).data?.removePerson.userErrors ?? [];
      if (userErrors.length > 0) {
        const message = sortUserErrors(userErrors, [], locale).form.join(' ');
        return { kind: 'failed', message: t('people.done.failed', { name, message }) };
      }
      switch (command) {
        case 'resend':
          return { kind: 'resent', email: person.email };
        case 'disable':
          return { kind: 'disabled', name };
        case 'enable':
          return { kind: 'enabled', name };
        case 'remove':
          return { kind: person.status === 'INVITED' ? 'revoked' : 'removed', name };
      }
    } catch (error) {
      console.error(`${command} for person ${person.id} failed`, error);
      const refusal = requestRefusal(error);
      if (refusal === ErrorCode.BILLING_SETUP_REQUIRED)
        return { kind: 'failed', message: forbiddenText(error) };
      const message = refusal ? forbiddenText(error) : tAccounts('form.requestFailed');
      return { kind: 'failed', message: t('people.done.failed', { name, message }) };
    }
  };
}

const LEVELS: readonly string[] = ACCESS_LEVEL_CODES;

function asLevel(value: string | null): AccessLevelCode | null {
  return value && LEVELS.includes(value) ? (value as AccessLevelCode) : null;
}

function asStatus(value: string | null): (typeof PERSON_STATUSES)[number] | null {
  return value && (PERSON_STATUSES as readonly string[]).includes(value)
    ? (value as (typeof PERSON_STATUSES)[number])
    : null;
}
