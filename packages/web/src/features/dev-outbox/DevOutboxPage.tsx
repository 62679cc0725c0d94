import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { useSearchParams } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import {
  OutboxUnavailableError,
  fetchOutboxMessage,
  fetchOutboxPage,
  type OutboxMessage,
  type OutboxSummary,
} from './dev-outbox-api';
import { dateTimeFormat } from '../../lib/intl-formats';

type ListState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      items: OutboxSummary[];
      endCursor: string | null;
      hasNextPage: boolean;
    };

const KNOWN_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];
const isKnownStatus = (status: string): status is KnownStatus =>
  (KNOWN_STATUSES as readonly string[]).includes(status);

/**
 * The emails the portal would have sent, for developers and testers (the server mounts its
 * outbox API outside production only): newest first, filtered by recipient, one opened below.
 */
export function DevOutboxPage() {
  const { t, i18n } = useTranslation('accounts');
  const { t: tCore } = useTranslation();
  const locale = currentLocale(i18n);
  usePageTitle(t('devOutbox.heading'));
  const [searchParams, setSearchParams] = useSearchParams();
  const to = searchParams.get('to') ?? '';
  const selectedId = searchParams.get('id');
  const [recipient, setRecipient] = useState(to);
  // Each answer remembers which request it answers: a new filter shows "loading" at once,
  // without an effect having to reset anything.
  const [answer, setAnswer] = useState<{ key: string; list: ListState } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const [reloads, setReloads] = useState(0);
  const listRef = useRef<HTMLTableSectionElement>(null);
  const requestKey = `${to}\n${reloads}`;
  const list: ListState = answer?.key === requestKey ? answer.list : { status: 'loading' };
  const setList = (next: ListState) => setAnswer({ key: requestKey, list: next });

  const time = dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  useEffect(() => {
    const controller = new AbortController();
    const key = `${to}\n${reloads}`;
    fetchOutboxPage({ to }, controller.signal).then(
      (page) =>
        setAnswer({
          key,
          list: {
            status: 'ready',
            items: page.items,
            endCursor: page.pageInfo.endCursor,
            hasNextPage: page.pageInfo.hasNextPage,
          },
        }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({
          key,
          list:
            error instanceof OutboxUnavailableError
              ? { status: 'unavailable' }
              : { status: 'error', error },
        });
      },
    );
    return () => controller.abort();
  }, [to, reloads]);

  async function loadMore() {
    if (list.status !== 'ready' || !list.endCursor || loadingMore) return;
    const firstNew = list.items.length;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      const page = await fetchOutboxPage({ to, after: list.endCursor });
      flushSync(() =>
        setList({
          status: 'ready',
          items: [...list.items, ...page.items],
          endCursor: page.pageInfo.endCursor,
          hasNextPage: page.pageInfo.hasNextPage,
        }),
      );
      // Keep the keyboard where the new rows start (the button may be gone now).
      listRef.current?.querySelectorAll('button')[firstNew]?.focus();
    } catch (error) {
      console.error('Loading more emails from the dev outbox failed', error);
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (recipient.trim()) next.set('to', recipient.trim());
    setSearchParams(next);
  }

  function showAll() {
    setRecipient('');
    setSearchParams(new URLSearchParams());
  }

  function open(id: string) {
    const next = new URLSearchParams(searchParams);
    next.set('id', id);
    setSearchParams(next);
  }

  const statusLabel = (status: string) =>
    isKnownStatus(status) ? t(`devOutbox.statuses.${status}`) : status;

  return (
    <article className="page outbox-page">
      <h1>{t('devOutbox.heading')}</h1>
      <p className="banner banner-info">{t('devOutbox.note')}</p>

      <form className="outbox-filter" role="search" onSubmit={filter}>
        <div className="field">
          <label className="field-label" htmlFor="outbox-to">
            {t('devOutbox.recipient')}
          </label>
          <input
            id="outbox-to"
            className="input"
            type="email"
            spellCheck={false}
            autoCapitalize="off"
            value={recipient}
            onChange={(event) => setRecipient(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('devOutbox.filter')}
          </button>
          {to && (
            <button type="button" className="button button-secondary" onClick={showAll}>
              {t('devOutbox.showAll')}
            </button>
          )}
        </div>
      </form>

      {/* Not a landmark of its own: the scrolling table below is the region it names. */}
      <section>
        <h2 id="outbox-list-heading">
          {to ? t('devOutbox.listHeadingTo', { to }) : t('devOutbox.listHeading')}
        </h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'unavailable' && (
          <p className="banner banner-error" role="alert">
            {t('devOutbox.unavailable')}
          </p>
        )}
        {list.status === 'error' && (
          <ErrorBanner
            error={list.error}
            context="Loading the dev outbox"
            onRetry={() => setReloads((count) => count + 1)}
          />
        )}
        {list.status === 'ready' && list.items.length === 0 && (
          <p className="empty">{t('devOutbox.empty')}</p>
        )}
        {list.status === 'ready' && list.items.length > 0 && (
          <>
            <div
              className="table-scroll"
              role="region"
              aria-labelledby="outbox-list-heading"
              tabIndex={0}
            >
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('devOutbox.columns.time')}</th>
                    <th scope="col">{t('devOutbox.columns.to')}</th>
                    <th scope="col">{t('devOutbox.columns.template')}</th>
                    <th scope="col">{t('devOutbox.columns.subject')}</th>
                    <th scope="col">{t('devOutbox.columns.status')}</th>
                  </tr>
                </thead>
                <tbody ref={listRef}>
                  {list.items.map((item) => (
                    <tr
                      key={item.id}
                      className={item.id === selectedId ? 'is-selected' : undefined}
                    >
                      <td>
                        <time dateTime={item.createdAt}>
                          {time.format(new Date(item.createdAt))}
                        </time>
                      </td>
                      <td>{item.to}</td>
                      <td>
                        <code>{item.template}</code>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-current={item.id === selectedId ? 'true' : undefined}
                          onClick={() => open(item.id)}
                        >
                          {item.subject}
                        </button>
                      </td>
                      <td>{statusLabel(item.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {moreFailed && (
              <p className="banner banner-error" role="alert">
                {tCore('status.loadFailed')}
              </p>
            )}
            {list.hasNextPage && (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore()}
                >
                  {loadingMore ? tCore('status.loading') : t('devOutbox.loadMore')}
                </button>
              </p>
            )}
          </>
        )}
      </section>

      {selectedId && <OpenedMessage id={selectedId} time={time} statusLabel={statusLabel} />}
    </article>
  );
}

interface OpenedMessageProps {
  id: string;
  time: Intl.DateTimeFormat;
  statusLabel(status: string): string;
}

type MessageState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; message: OutboxMessage };

function OpenedMessage({ id, time, statusLabel }: OpenedMessageProps) {
  const { t } = useTranslation('accounts');
  const [loaded, setLoaded] = useState<{ id: string; state: MessageState } | null>(null);
  const state: MessageState = loaded?.id === id ? loaded.state : { status: 'loading' };
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchOutboxMessage(id, controller.signal).then(
      (message) =>
        setLoaded({ id, state: message ? { status: 'ready', message } : { status: 'missing' } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ id, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [id]);

  const loadedId = state.status === 'ready' ? state.message.id : null;
  useEffect(() => {
    // Opening an email moves the reader to it, as following a link would.
    if (loadedId) headingRef.current?.focus();
  }, [loadedId]);

  return (
    <section className="outbox-message" aria-labelledby="outbox-message-heading">
      {state.status === 'loading' && <Loading />}
      {state.status === 'missing' && (
        <p className="banner banner-error" role="alert">
          {t('devOutbox.missing')}
        </p>
      )}
      {state.status === 'error' && (
        <ErrorBanner error={state.error} context={`Loading email ${id} from the dev outbox`} />
      )}
      {state.status === 'ready' && (
        <>
          <h2 id="outbox-message-heading" ref={headingRef} tabIndex={-1}>
            {state.message.subject}
          </h2>
          <dl className="details">
            <div>
              <dt>{t('devOutbox.columns.to')}</dt>
              <dd>{state.message.to}</dd>
            </div>
            <div>
              <dt>{t('devOutbox.columns.template')}</dt>
              <dd>
                <code>{state.message.template}</code> ({state.message.locale})
              </dd>
            </div>
            <div>
              <dt>{t('devOutbox.columns.status')}</dt>
              <dd>{statusLabel(state.message.status)}</dd>
            </div>
            <div>
              <dt>{t('devOutbox.columns.time')}</dt>
              <dd>
                <time dateTime={state.message.createdAt}>
                  {time.format(new Date(state.message.createdAt))}
                </time>
              </dd>
            </div>
          </dl>
          <h3 id="outbox-text-heading">{t('devOutbox.textPart')}</h3>
          <pre
            className="mail-text"
            role="region"
            aria-labelledby="outbox-text-heading"
            tabIndex={0}
          >
            {state.message.text}
          </pre>
          <h3>{t('devOutbox.htmlPart')}</h3>
          {/* sandbox="": no scripts, no forms, no same-origin access, no top navigation. */}
          <iframe
            className="mail-html"
            sandbox=""
            srcDoc={state.message.html}
            title={t('devOutbox.htmlTitle', { subject: state.message.subject })}
          />
        </>
      )}
    </section>
  );
}
