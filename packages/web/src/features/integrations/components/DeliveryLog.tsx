import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Field } from '../../../components/form';
import { Pagination } from '../../../components/Pagination';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import type { WebhookDeliveryRowFragment, WebhookDeliveryStatus } from '../../../gql/graphql';
import { dateTimeFormat } from '../../../lib/intl-formats';
import { useCursorPages } from '../../../lib/useCursorPages';
import {
  DELIVERIES_PAGE_SIZE,
  RedeliverWebhookMutation,
  WebhookDeliveriesQuery,
} from '../dialog-operations';
import { rowProblemText, send } from '../send';
import { Notice, useNotice } from '../../../components/Notice';
import { useIntegrationsWords } from '../words';

const STATUSES: readonly WebhookDeliveryStatus[] = ['PENDING', 'SUCCEEDED', 'FAILED'];

/** How each status looks: its words say it, the colour only helps. */
const STATUS_PILL: Readonly<Record<WebhookDeliveryStatus, string>> = {
  PENDING: 'pill-neutral',
  SUCCEEDED: 'pill-good',
  FAILED: 'pill-bad',
};

function isStatus(value: string): value is WebhookDeliveryStatus {
  return (STATUSES as readonly string[]).includes(value);
}

/** One endpoint's deliveries, newest first, a page at a time, optionally of one status. */
export function DeliveryLog({ endpoint }: { endpoint: { id: string; url: string } }) {
  const { t, locale } = useIntegrationsWords();
  const id = useId();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const pages = useCursorPages(status ?? '');
  const { data, previousData, loading, error, refetch } = useQuery(WebhookDeliveriesQuery, {
    variables: { first: DELIVERIES_PAGE_SIZE, after: pages.after, status },
    // the worker changes the log while the page is open: always ask
    fetchPolicy: 'cache-and-network',
  });
  const endpoints = (data ?? previousData)?.webhookEndpoints;
  const deliveries = endpoints?.find((candidate) => candidate.id === endpoint.id)?.deliveries;
  const { notice, ref: noticeRef, tell } = useNotice();
  const [redeliver, redelivering] = useMutation(RedeliverWebhookMutation, {
    refetchQueries: [WebhookDeliveriesQuery],
  });

  async function sendAgain(delivery: WebhookDeliveryRowFragment) {
    const sent = await send(
      `Redelivering webhook delivery ${delivery.id}`,
      async () =>
        (await redeliver({ variables: { deliveryId: delivery.id } })).data?.redeliverWebhook,
      (payload) => payload.delivery,
    );
    tell(
      sent.kind === 'done'
        ? { kind: 'done', text: t('deliveryLog.redelivered') }
        : { kind: 'failed', text: rowProblemText(sent, locale, t) },
    );
  }

  const moment = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const when = (value: string | null | undefined, none: string) =>
    value ? <time dateTime={value}>{moment.format(new Date(value))}</time> : none;
  const column = (name: DeliveryColumn) => t(`deliveryLog.columns.${name}`);
  const captionId = `${id}-caption`;
  return (
    <section className="delivery-log" aria-labelledby={`${id}-heading`}>
      <div className="delivery-log-header">
        <h4 id={`${id}-heading`}>{t('deliveryLog.heading')}</h4>
        <Field
          id={`${id}-status`}
          name="status"
          label={t('deliveryLog.status')}
          showRequirement={false}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={status ?? ''}
              onChange={(event) =>
                setStatus(isStatus(event.target.value) ? event.target.value : null)
              }
            >
              <option value="">{t('deliveryLog.allStatuses')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`deliveryLog.statuses.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          className="button button-secondary"
          disabled={loading}
          onClick={() => void refetch()}
        >
          {t('integrations.refresh')}
        </button>
      </div>
      <Notice notice={notice} ref={noticeRef} />
      {error && !deliveries ? (
        <ErrorBanner
          error={error}
          context={`Loading the delivery log of webhook endpoint ${endpoint.id}`}
          onRetry={() => void refetch()}
        />
      ) : !deliveries ? (
        <Loading />
      ) : deliveries.edges.length === 0 ? (
        <p className="empty">{status ? t('deliveryLog.noneWithStatus') : t('deliveryLog.none')}</p>
      ) : (
        // Scrolls sideways when the window is narrow but not a phone's: focusable, so keyboards
        // can scroll it too.
        <div
          className="table-box"
          role="region"
          aria-labelledby={captionId}
          tabIndex={0}
          aria-busy={loading || undefined}
        >
          <table className="table responsive-table deliveries-table">
            <caption id={captionId} className="visually-hidden">
              {t('deliveryLog.caption', { url: endpoint.url })}
            </caption>
            <thead>
              <tr>
                {DELIVERY_COLUMNS.map((name) => (
                  <th key={name} scope="col">
                    {column(name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {deliveries.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row" data-label={column('event')}>
                    {t(`webhookEvents.${node.eventType}`)}
                  </th>
                  <td data-label={column('eventId')} className="break">
                    <code>{node.eventId}</code>
                  </td>
                  <td data-label={column('status')}>
                    <span className={`pill ${STATUS_PILL[node.status]}`}>
                      {t(`deliveryLog.statuses.${node.status}`)}
                    </span>
                  </td>
                  <td data-label={column('attempts')}>{node.attempts}</td>
                  <td data-label={column('response')}>
                    {node.lastResponseStatus ??
                      (node.lastAttemptAt ? t('deliveryLog.noAnswer') : t('deliveryLog.notYet'))}
                  </td>
                  <td data-label={column('lastAttempt')}>
                    {when(node.lastAttemptAt, t('deliveryLog.notYet'))}
                  </td>
                  <td data-label={column('nextAttempt')}>{when(node.nextAttemptAt, '—')}</td>
                  <td data-label={column('actions')}>
                    {node.status !== 'PENDING' && (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={redelivering.loading}
                        aria-label={t('deliveryLog.redeliverNamed', {
                          event: t(`webhookEvents.${node.eventType}`),
                          date: moment.format(new Date(node.createdAt)),
                        })}
                        onClick={() => void sendAgain(node)}
                      >
                        {t('deliveryLog.redeliver')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries && (
        <Pagination
          label={t('deliveryLog.pagination', { url: endpoint.url })}
          pageIndex={pages.index}
          pageSize={DELIVERIES_PAGE_SIZE}
          shown={deliveries.edges.length}
          total={deliveries.totalCount}
          hasNextPage={deliveries.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(deliveries.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}

const DELIVERY_COLUMNS = [
  'event',
  'eventId',
  'status',
  'attempts',
  'response',
  'lastAttempt',
  'nextAttempt',
  'actions',
] as const;
type DeliveryColumn = (typeof DELIVERY_COLUMNS)[number];
