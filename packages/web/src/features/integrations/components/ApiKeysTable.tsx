import type { TFunction } from '../../../lib/translator';
import type { ApiKeyRowFragment } from '../../../gql/graphql';
import { dateTimeFormat } from '../../../lib/intl-formats';
import { useIntegrationsWords } from '../words';

interface ApiKeysTableProps {
  keys: readonly ApiKeyRowFragment[];
  captionId: string;
  /** when the page looked: a key past its expiry shows as expired */
  now: Date;
  onRotate: (key: ApiKeyRowFragment) => void;
  onRevoke: (key: ApiKeyRowFragment) => void;
}

/** Whether the key still works: neither revoked nor past its expiry. */
export function isLive(key: Pick<ApiKeyRowFragment, 'revokedAt' | 'expiresAt'>, now: Date) {
  return !key.revokedAt && (!key.expiresAt || new Date(key.expiresAt) > now);
}

/** The company's keys: a table on wide screens, a block per key on phones. */
export function ApiKeysTable({ keys, captionId, now, onRotate, onRevoke }: ApiKeysTableProps) {
  const { t, locale } = useIntegrationsWords();
  const day = dateTimeFormat(locale, { dateStyle: 'medium' });
  const moment = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const column = (name: keyof ApiKeyColumns) => t(`apiKeys.columns.${name}`);
  return (
    <table className="table responsive-table api-keys-table">
      <caption id={captionId} className="visually-hidden">
        {t('apiKeys.caption')}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((name) => (
            <th key={name} scope="col">
              {column(name)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const live = isLive(key, now);
          return (
            <tr key={key.id} className={live ? undefined : 'is-dead'}>
              <th scope="row" data-label={column('name')} className="break">
                {key.name}
              </th>
              <td data-label={column('prefix')}>
                <code>{key.prefix}…</code>
              </td>
              <td data-label={column('scopes')}>
                {key.scopes.map((scope) => t(`apiScopes.${scope}.label`)).join(', ')}
              </td>
              <td data-label={column('sites')} className="break">
                {key.sites ? key.sites.map((site) => site.name).join(', ') : t('apiKeys.allSites')}
              </td>
              <td data-label={column('createdBy')}>
                {key.createdBy
                  ? `${key.createdBy.firstName} ${key.createdBy.lastName}`
                  : t('apiKeys.removedPerson')}
              </td>
              <td data-label={column('created')}>
                <time dateTime={key.createdAt}>{day.format(new Date(key.createdAt))}</time>
              </td>
              <td data-label={column('expires')}>
                {key.expiresAt ? (
                  <time dateTime={key.expiresAt}>{moment.format(new Date(key.expiresAt))}</time>
                ) : (
                  t('apiKeys.never')
                )}
              </td>
              <td data-label={column('lastUsed')}>
                {key.lastUsedAt ? (
                  <time dateTime={key.lastUsedAt}>{moment.format(new Date(key.lastUsedAt))}</time>
                ) : (
                  t('apiKeys.notUsed')
                )}
              </td>
              <td data-label={column('status')}>{statusText(t, key, now, day)}</td>
              <td data-label={column('actions')}>
                <KeyActions
                  keyRow={key}
                  live={live}
                  onRotate={onRotate}
                  onRevoke={onRevoke}
                  t={t}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const COLUMNS = [
  'name',
  'prefix',
  'scopes',
  'sites',
  'createdBy',
  'created',
  'expires',
  'lastUsed',
  'status',
  'actions',
] as const;
type ApiKeyColumns = Record<(typeof COLUMNS)[number], unknown>;

function statusText(
  t: TFunction<'integrations'>,
  key: ApiKeyRowFragment,
  now: Date,
  day: Intl.DateTimeFormat,
): string {
  if (key.revokedAt)
    return t('apiKeys.status.revoked', { date: day.format(new Date(key.revokedAt)) });
  return isLive(key, now) ? t('apiKeys.status.active') : t('apiKeys.status.expired');
}

/** Rotate while the key works (the API refuses a dead one), revoke until it is revoked. */
function KeyActions({
  keyRow,
  live,
  onRotate,
  onRevoke,
  t,
}: {
  keyRow: ApiKeyRowFragment;
  live: boolean;
  onRotate: (key: ApiKeyRowFragment) => void;
  onRevoke: (key: ApiKeyRowFragment) => void;
  t: TFunction<'integrations'>;
}) {
  if (keyRow.revokedAt) return null;
  return (
    <div className="row-buttons">
      {live && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={t('apiKeys.rotateNamed', { name: keyRow.name })}
          onClick={() => onRotate(keyRow)}
        >
          {t('apiKeys.rotate')}
        </button>
      )}
      <button
        type="button"
        className="button button-danger button-small"
        aria-label={t('apiKeys.revokeNamed', { name: keyRow.name })}
        onClick={() => onRevoke(keyRow)}
      >
        {t('apiKeys.revoke')}
      </button>
    </div>
  );
}
