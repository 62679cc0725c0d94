import { useMutation, useQuery } from '@apollo/client/react';
import type { AccessLevelCode } from '@entry/shared';
import { Suspense, useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/Dialog';
import { Pagination } from '../../../components/Pagination';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import type { ApiKeyRowFragment } from '../../../gql/graphql';
import { dateTimeFormat } from '../../../lib/intl-formats';
import { useCursorPages } from '../../../lib/useCursorPages';
import { API_KEYS_PAGE_SIZE, ApiKeysQuery, RevokeApiKeyMutation } from '../operations';
import { rowProblemText, send } from '../send';
import { ApiKeysTable } from './ApiKeysTable';
import { Notice, useNotice } from '../../../components/Notice';
import type { ShownSecret } from './SecretDialog';
import { ApiKeyFormDialog, RotateApiKeyDialog, SecretDialog } from '../lazy-parts';
import { useIntegrationsWords } from '../words';

type KeyDialog =
  | { kind: 'create' }
  | { kind: 'rotate'; key: ApiKeyRowFragment }
  | { kind: 'revoke'; key: ApiKeyRowFragment; error: string | null }
  | { kind: 'secret'; shown: ShownSecret };

/** The company's API keys: the list, and creating, rotating and revoking them. */
export function ApiKeysSection({ level }: { level: AccessLevelCode }) {
  const { t, locale } = useIntegrationsWords();
  const headingId = useId();
  const captionId = useId();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const pages = useCursorPages(String(includeRevoked));
  const { data, previousData, loading, error, refetch } = useQuery(ApiKeysQuery, {
    variables: { first: API_KEYS_PAGE_SIZE, after: pages.after, includeRevoked },
    // keys are used (lastUsedAt) and changed by colleagues while nobody looks: always ask
    fetchPolicy: 'cache-and-network',
  });
  const keys = (data ?? previousData)?.apiKeys;
  const [dialog, setDialog] = useState<KeyDialog | null>(null);
  const { notice, ref: noticeRef, tell } = useNotice();
  const [revoke, revoking] = useMutation(RevokeApiKeyMutation, {
    // a revoked key leaves the list unless revoked ones are shown
    refetchQueries: [ApiKeysQuery],
  });
  const close = () => setDialog(null);

  function overlapNote(hours: number): string {
    if (hours === 0) return t('secret.keyOverlapNone');
    const until = new Date(Date.now() + hours * 3_600_000);
    const time = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(until);
    return t('secret.keyOverlapUntil', { time });
  }

  async function confirmRevoke(key: ApiKeyRowFragment) {
    const sent = await send(
      `Revoking API key ${key.id}`,
      async () => (await revoke({ variables: { id: key.id } })).data?.revokeApiKey,
      (payload) => payload.apiKey,
    );
    if (sent.kind === 'done') {
      close();
      tell({ kind: 'done', text: t('apiKeys.revoked', { name: key.name }) });
    } else {
      setDialog({ kind: 'revoke', key, error: rowProblemText(sent, locale, t) });
    }
  }

  return (
    <section aria-labelledby={headingId} className="integrations-section">
      <div className="section-header">
        <h2 id={headingId}>
          {t('apiKeys.heading')}
          {keys && <span className="count"> ({keys.totalCount})</span>}
        </h2>
        <div className="section-actions">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'create' })}>
            {t('apiKeys.create')}
          </button>
        </div>
      </div>
      <p className="section-intro">{t('apiKeys.intro')}</p>
      <Notice notice={notice} ref={noticeRef} />
      <div className="checkbox-field list-option">
        <input
          id="api-keys-include-revoked"
          type="checkbox"
          checked={includeRevoked}
          onChange={(event) => setIncludeRevoked(event.target.checked)}
        />
        <label htmlFor="api-keys-include-revoked">{t('apiKeys.includeRevoked')}</label>
      </div>
      {error && !keys ? (
        <ErrorBanner error={error} context="Loading the API keys" onRetry={() => void refetch()} />
      ) : !keys ? (
        <Loading />
      ) : keys.edges.length === 0 ? (
        <p className="empty">{t('apiKeys.none')}</p>
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
          <ApiKeysTable
            keys={keys.edges.map((edge) => edge.node)}
            captionId={captionId}
            now={new Date()}
            onRotate={(key) => setDialog({ kind: 'rotate', key })}
            onRevoke={(key) => setDialog({ kind: 'revoke', key, error: null })}
          />
        </div>
      )}
      {keys && (
        <Pagination
          label={t('apiKeys.pagination')}
          pageIndex={pages.index}
          pageSize={API_KEYS_PAGE_SIZE}
          shown={keys.edges.length}
          total={keys.totalCount}
          hasNextPage={keys.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(keys.pageInfo.endCursor)}
        />
      )}

      <Suspense fallback={null}>
        {dialog?.kind === 'create' && (
          <ApiKeyFormDialog
            level={level}
            onClose={close}
            onCreated={(key, secret) =>
              setDialog({
                kind: 'secret',
                shown: {
                  heading: t('secret.keyCreatedHeading', { name: key.name }),
                  label: t('secret.keyLabel'),
                  secret,
                  notes: [t('secret.keyUse')],
                },
              })
            }
          />
        )}
        {dialog?.kind === 'rotate' && (
          <RotateApiKeyDialog
            apiKey={dialog.key}
            onClose={close}
            onRotated={(secret, overlapHours) =>
              setDialog({
                kind: 'secret',
                shown: {
                  heading: t('secret.keyRotatedHeading', { name: dialog.key.name }),
                  label: t('secret.keyLabel'),
                  secret,
                  notes: [overlapNote(overlapHours), t('secret.keyUse')],
                },
              })
            }
          />
        )}
        {dialog?.kind === 'revoke' && (
          <ConfirmDialog
            titleId="revoke-api-key-title"
            title={t('apiKeyRevoke.heading', { name: dialog.key.name })}
            body={<p>{t('apiKeyRevoke.body')}</p>}
            confirmLabel={t('apiKeyRevoke.confirm')}
            cancelLabel={t('integrations.cancel')}
            busy={revoking.loading}
            busyLabel={t('apiKeyRevoke.busy')}
            error={dialog.error}
            danger
            onConfirm={() => void confirmRevoke(dialog.key)}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'secret' && <SecretDialog shown={dialog.shown} onClose={close} />}
      </Suspense>
    </section>
  );
}
