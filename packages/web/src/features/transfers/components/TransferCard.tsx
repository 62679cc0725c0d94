import { TRANSFERS_NS, currentLocale } from '../../../app/i18n';
import { formatCount, formatDate } from '../../../lib/intl-formats';
import { useTranslation } from '../../../lib/useTranslation';
import type { Decision, TransferDirection, TransferRow } from '../transfer-rows';

interface TransferCardProps {
  transfer: TransferRow;
  direction: TransferDirection;
  onDecide: (kind: Decision['kind']) => void;
}

/**
 * A transfer waiting for an answer. Offered to the company: who offers what, how many residents
 * come with it and from which day it would be billed to the company, with Accept and Decline.
 * Offered by it: to whom and until when, with Cancel.
 */
export function TransferCard({ transfer, direction, onDecide }: TransferCardProps) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const headingId = `transfer-${transfer.id}-heading`;
  const incoming = direction === 'INCOMING';
  const facts: Array<[string, string]> = incoming
    ? [
        [t('transfers.fields.from'), transfer.fromCompanyName],
        [t('transfers.fields.residents'), formatCount(transfer.entryUserCount, locale)],
        [
          t('transfers.fields.firstDay'),
          transfer.effectiveDate ? formatDate(transfer.effectiveDate, locale) : '',
        ],
        [t('transfers.fields.answerBy'), formatDate(transfer.expiresAt, locale)],
      ]
    : [
        [t('transfers.fields.to'), transfer.recipientEmail],
        [t('transfers.fields.residents'), formatCount(transfer.entryUserCount, locale)],
        [t('transfers.fields.sent'), formatDate(transfer.createdAt, locale)],
        [t('transfers.fields.answerBy'), formatDate(transfer.expiresAt, locale)],
      ];
  return (
    <article
      className="card transfer-card focus-target"
      id={`transfer-${transfer.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{transfer.siteName}</h3>
      <dl className="details transfer-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="break">{value}</dd>
          </div>
        ))}
      </dl>
      {incoming && transfer.message && (
        <figure className="transfer-note">
          <figcaption>{t('transfers.fields.note')}</figcaption>
          <blockquote>{transfer.message}</blockquote>
        </figure>
      )}
      <div className="row-buttons">
        {incoming ? (
          <>
            <button type="button" className="button" onClick={() => onDecide('accept')}>
              {t('transfers.actions.accept')}
              <span className="visually-hidden"> {transfer.siteName}</span>
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onDecide('decline')}
            >
              {t('transfers.actions.decline')}
              <span className="visually-hidden"> {transfer.siteName}</span>
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onDecide('cancel')}
          >
            {t('transfers.actions.cancel')}
            <span className="visually-hidden"> {transfer.siteName}</span>
          </button>
        )}
      </div>
    </article>
  );
}
