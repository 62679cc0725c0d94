import { useMutation, useQuery } from '@apollo/client/react';
import type { AccessLevelCode } from '@entry/shared';
import { Suspense, useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/Dialog';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import type { WebhookEndpointCardFragment } from '../../../gql/graphql';
import {
  DeleteWebhookEndpointMutation,
  RotateWebhookSecretMutation,
  WebhookEndpointsQuery,
} from '../operations';
import { rowProblemText, send, type Sent } from '../send';
import { Notice, useNotice } from '../../../components/Notice';
import type { ShownSecret } from './SecretDialog';
import { WebhookEndpointCard } from './WebhookEndpointCard';
import { SecretDialog, WebhookEndpointFormDialog } from '../lazy-parts';
import { useIntegrationsWords } from '../words';

type EndpointDialog =
  | { kind: 'create' }
  | { kind: 'edit'; endpoint: WebhookEndpointCardFragment }
  | { kind: 'delete'; endpoint: WebhookEndpointCardFragment; error: string | null }
  | { kind: 'rotate'; endpoint: WebhookEndpointCardFragment; error: string | null }
  | { kind: 'secret'; shown: ShownSecret };

/** The company's webhook endpoints: add, edit, switch on and off, test, delete, their logs. */
export function WebhooksSection({ level }: { level: AccessLevelCode }) {
  const { t, locale } = useIntegrationsWords();
  const headingId = useId();
  const { data, error, refetch } = useQuery(WebhookEndpointsQuery, {
    // the worker may have turned an endpoint off since: always ask
    fetchPolicy: 'cache-and-network',
  });
  const endpoints = data?.webhookEndpoints;
  const [dialog, setDialog] = useState<EndpointDialog | null>(null);
  const { notice, ref: noticeRef, tell } = useNotice();
  const [remove, removing] = useMutation(DeleteWebhookEndpointMutation, {
    refetchQueries: [WebhookEndpointsQuery],
  });
  const [rotate, rotating] = useMutation(RotateWebhookSecretMutation);
  const close = () => setDialog(null);

  /** A confirmed command's end: the notice, or the problem shown in its dialog. */
  function settle<T>(
    sent: Sent<T>,
    failedDialog: Extract<EndpointDialog, { error: string | null }>,
    done: (result: T) => void,
  ) {
    if (sent.kind === 'done') done(sent.result);
    else setDialog({ ...failedDialog, error: rowProblemText(sent, locale, t) });
  }

  async function confirmDelete(endpoint: WebhookEndpointCardFragment) {
    const sent = await send(
      `Deleting webhook endpoint ${endpoint.id}`,
      async () => (await remove({ variables: { id: endpoint.id } })).data?.deleteWebhookEndpoint,
      (payload) => payload.deletedId,
    );
    settle(sent, { kind: 'delete', endpoint, error: null }, () => {
      close();
      tell({ kind: 'done', text: t('webhooks.deleted', { url: endpoint.url }) });
    });
  }

  async function confirmRotate(endpoint: WebhookEndpointCardFragment) {
    const sent = await send(
      `Rotating the signing secret of webhook endpoint ${endpoint.id}`,
      async () => (await rotate({ variables: { id: endpoint.id } })).data?.rotateWebhookSecret,
      (payload) => payload.secret,
    );
    settle(sent, { kind: 'rotate', endpoint, error: null }, (secret) =>
      setDialog({
        kind: 'secret',
        shown: {
          heading: t('secret.endpointRotatedHeading'),
          label: t('secret.signingLabel'),
          secret,
          notes: [t('secret.endpointOverlap'), t('secret.endpointUse')],
        },
      }),
    );
  }

  return (
    <section aria-labelledby={headingId} className="integrations-section">
      <div className="section-header">
        <h2 id={headingId}>
          {t('webhooks.heading')}
          {endpoints && <span className="count"> ({endpoints.length})</span>}
        </h2>
        <div className="section-actions">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'create' })}>
            {t('webhooks.add')}
          </button>
        </div>
      </div>
      <p className="section-intro">{t('webhooks.intro')}</p>
      <Notice notice={notice} ref={noticeRef} />
      {error && !endpoints ? (
        <ErrorBanner
          error={error}
          context="Loading the webhook endpoints"
          onRetry={() => void refetch()}
        />
      ) : !endpoints ? (
        <Loading />
      ) : endpoints.length === 0 ? (
        <p className="empty">{t('webhooks.none')}</p>
      ) : (
        <ul className="endpoint-list" aria-label={t('webhooks.listLabel')}>
          {endpoints.map((endpoint) => (
            <WebhookEndpointCard
              key={endpoint.id}
              endpoint={endpoint}
              tell={tell}
              onEdit={() => setDialog({ kind: 'edit', endpoint })}
              onRotateSecret={() => setDialog({ kind: 'rotate', endpoint, error: null })}
              onDelete={() => setDialog({ kind: 'delete', endpoint, error: null })}
            />
          ))}
        </ul>
      )}

      <Suspense fallback={null}>
        {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
          <WebhookEndpointFormDialog
            level={level}
            endpoint={dialog.kind === 'edit' ? dialog.endpoint : undefined}
            onClose={close}
            onSaved={(endpoint, secret) => {
              if (secret) {
                setDialog({
                  kind: 'secret',
                  shown: {
                    heading: t('secret.endpointCreatedHeading'),
                    label: t('secret.signingLabel'),
                    secret,
                    notes: [t('secret.endpointUse')],
                  },
                });
                return;
              }
              close();
              tell({ kind: 'done', text: t('webhooks.saved', { url: endpoint.url }) });
            }}
          />
        )}
        {dialog?.kind === 'delete' && (
          <ConfirmDialog
            titleId="delete-endpoint-title"
            title={t('endpointDelete.heading', { url: dialog.endpoint.url })}
            body={<p>{t('endpointDelete.body')}</p>}
            confirmLabel={t('endpointDelete.confirm')}
            cancelLabel={t('integrations.cancel')}
            busy={removing.loading}
            busyLabel={t('endpointDelete.busy')}
            error={dialog.error}
            danger
            onConfirm={() => void confirmDelete(dialog.endpoint)}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'rotate' && (
          <ConfirmDialog
            titleId="rotate-endpoint-secret-title"
            title={t('endpointSecret.heading', { url: dialog.endpoint.url })}
            body={<p>{t('endpointSecret.body')}</p>}
            confirmLabel={t('endpointSecret.confirm')}
            cancelLabel={t('integrations.cancel')}
            busy={rotating.loading}
            busyLabel={t('endpointSecret.busy')}
            error={dialog.error}
            onConfirm={() => void confirmRotate(dialog.endpoint)}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'secret' && <SecretDialog shown={dialog.shown} onClose={close} />}
      </Suspense>
    </section>
  );
}
