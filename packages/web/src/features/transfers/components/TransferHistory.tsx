import { TRANSFERS_NS, currentLocale } from '../../../app/i18n';
import { formatDate } from '../../../lib/intl-formats';
import { Link } from '../../../lib/router';
import { useTranslation } from '../../../lib/useTranslation';
import { historyRows, type TransferRow } from '../transfer-rows';

/**
 * What became of the transfers no longer waiting, both directions, the latest first: a table on
 * wide screens, one block per transfer on phones. A site the company holds links to its page.
 */
export function TransferHistory({
  incoming,
  outgoing,
}: {
  incoming: readonly TransferRow[];
  outgoing: readonly TransferRow[];
}) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const rows = historyRows(incoming, outgoing);
  if (rows.length === 0) return <p className="muted">{t('transfers.history.empty')}</p>;
  const column = {
    site: t('transfers.fields.site'),
    direction: t('transfers.fields.direction'),
    party: `${t('transfers.fields.from')} / ${t('transfers.fields.to')}`,
    status: t('transfers.fields.status'),
    decided: t('transfers.fields.decided'),
    residents: t('transfers.fields.residents'),
  };
  return (
    <div className="table-box">
      <table className="table responsive-table transfers-table">
        <caption className="visually-hidden">{t('transfers.history.heading')}</caption>
        <thead>
          <tr>
            {Object.values(column).map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ transfer, direction }) => (
            <tr key={`${direction}-${transfer.id}`} id={`transfer-${transfer.id}`} tabIndex={-1}>
              <th scope="row" data-label={column.site} className="break">
                {transfer.site ? (
                  <Link to={`/sites/${transfer.site.id}`}>{transfer.site.name}</Link>
                ) : (
                  transfer.siteName
                )}
              </th>
              <td data-label={column.direction}>
                {direction === 'INCOMING'
                  ? t('transfers.history.toYou')
                  : t('transfers.history.fromYou')}
              </td>
              <td data-label={column.party} className="break">
                {direction === 'INCOMING'
                  ? transfer.fromCompanyName
                  : (transfer.toCompanyName ?? transfer.recipientEmail)}
              </td>
              <td data-label={column.status}>
                {transfer.undoneAt
                  ? t('transfers.status.undone')
                  : t(`transfers.status.${transfer.status}`)}
                {transfer.declineReason && (
                  <span className="transfer-reason">
                    {t('transfers.fields.reasonValue', { reason: transfer.declineReason })}
                  </span>
                )}
              </td>
              <td data-label={column.decided}>
                {formatDate(transfer.decidedAt ?? transfer.expiresAt, locale)}
              </td>
              <td data-label={column.residents}>{transfer.entryUserCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
