import { useMutation } from '@apollo/client/react';
import { Suspense, useId, useState } from 'react';
import { Loading } from '../../../components/QueryStatus';
import type { WebhookEndpointCardFragment } from '../../../gql/graphql';
import { dateTimeFormat } from '../../../lib/intl-formats';
import { SendTestWebhookMutation, UpdateWebhookEndpointMutation } from '../operations';
import { rowProblemText, send } from '../send';
import type { NoticeMessage } from '../../../components/Notice';
import { DeliveryLog } from '../lazy-parts';
import { useIntegrationsWords } from '../words';

interface WebhookEndpointCardProps {
  endpoint: WebhookEndpointCardFragment;
  onEdit: () => void;
  onRotateSecret: () => void;
  onDelete: () => void;
  /** the section's notice: what a command on this card came to */
  tell: (message: NoticeMessage) => void;
}

/** One endpoint: where it sends, what, whether it is on; its commands and its delivery log. */
export function WebhookEndpointCard({
  endpoint,
  onEdit,
  onRotateSecret,
  onDelete,
  tell,
}: WebhookEndpointCardProps) {
  const { t, locale } = useIntegrationsWords();
  const id = useId();
  const [logOpen, setLogOpen] = useState(false);
  const [update, updating] = useMutation(UpdateWebhookEndpointMutation);
  const [sendTest, testing] = useMutation(SendTestWebhookMutation, {
    // by name: the log's query loads with the log (dialog-operations.ts)
    refetchQueries: ['WebhookDeliveries'],
  });
  const day = dateTimeFormat(locale, { dateStyle: 'medium' });
  const { url } = endpoint;

  async function toggle() {
    const enabled = !endpoint.enabled;
    const input = {
      url: endpoint.url,
      description: endpoint.description ?? null,
      events: endpoint.events,
      enabled,
    };
    const sent = await send(
      `${enabled ? 'Enabling' : 'Disabling'} webhook endpoint ${endpoint.id}`,
      async () =>
        (await update({ variables: { id: endpoint.id, input } })).data?.updateWebhookEndpoint,
      (payload) => payload.webhookEndpoint,
    );
    tell(
      sent.kind === 'done'
        ? {
            kind: 'done',
            text: t(enabled ? 'webhooks.enabledDone' : 'webhooks.disabledDone', { url }),
          }
        : { kind: 'failed', text: rowProblemText(sent, locale, t) },
    );
  }

  async function test() {
    const sent = await send(
      `Sending a test event to webhook endpoint ${endpoint.id}`,
      async () => (await sendTest({ variables: { id: endpoint.id } })).data?.sendTestWebhook,
      (payload) => payload.delivery,
    );
    if (sent.kind === 'done') setLogOpen(true);
    tell(
      sent.kind === 'done'
        ? { kind: 'done', text: t('webhooks.testSent', { url }) }
        : { kind: 'failed', text: rowProblemText(sent, locale, t) },
    );
  }

  const headingId = `${id}-url`;
  const logId = `${id}-log`;
  return (
    <li className="card endpoint-card" aria-labelledby={headingId}>
      <div className="endpoint-head">
        <h3 id={headingId} className="endpoint-url">
          {url}
        </h3>
        <span className={endpoint.enabled ? 'pill pill-good' : 'pill pill-neutral'}>
          {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
        </span>
      </div>
      {endpoint.description && <p className="endpoint-description">{endpoint.description}</p>}
      {endpoint.disabledForFailingAt && (
        <p className="banner banner-error">
          {t('webhooks.disabledForFailing', {
            date: day.format(new Date(endpoint.disabledForFailingAt)),
          })}
        </p>
      )}
      <dl className="endpoint-facts">
        <div>
          <dt>{t('webhooks.events')}</dt>
          <dd>{endpoint.events.map((type) => t(`webhookEvents.${type}`)).join(', ')}</dd>
        </div>
      </dl>
      <p className="field-hint">
        {t('webhooks.created', { date: day.format(new Date(endpoint.createdAt)) })}
      </p>
      <div className="row-buttons" role="group" aria-label={t('webhooks.actionsLabel', { url })}>
        <button type="button" className="button button-secondary button-small" onClick={onEdit}>
          {t('webhooks.edit')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={updating.loading}
          onClick={() => void toggle()}
        >
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={testing.loading}
          onClick={() => void test()}
        >
          {t('webhooks.sendTest')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onRotateSecret}
        >
          {t('webhooks.rotateSecret')}
        </button>
        <button type="button" className="button button-danger button-small" onClick={onDelete}>
          {t('webhooks.delete')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={logOpen}
          aria-controls={logId}
          onClick={() => setLogOpen((open) => !open)}
        >
          {t('webhooks.showLog')}
        </button>
      </div>
      <div id={logId}>
        <Suspense fallback={<Loading />}>{logOpen && <DeliveryLog endpoint={endpoint} />}</Suspense>
      </div>
    </li>
  );
}
