import { useMutation, useQuery } from '@apollo/client/react';
import {
  normalizeTransferText,
  SITE_TRANSFER_TEXT_MAX,
  SITE_TRANSFER_UNDO_DAYS,
  validateTransferReason,
} from '@entry/shared';
import { useId, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { TRANSFERS_NS, currentLocale } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/Dialog';
import { Field, problemsToFieldErrors, StatusFilter } from '../../../components/form';
import { Pagination } from '../../../components/Pagination';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import type {
  AllSiteTransfersQuery as AllSiteTransfersResult,
  SiteTransferStatus,
} from '../../../gql/graphql';
import { dateTimeFormat, formatDate } from '../../../lib/intl-formats';
import { useCursorPages } from '../../../lib/useCursorPages';
import { useTranslation } from '../../../lib/useTranslation';
import { decide } from '../../transfers/decide';
import {
  ALL_TRANSFERS_PAGE_SIZE,
  AllSiteTransfersQuery,
  UndoSiteTransferMutation,
} from '../operations';

type Transfer = AllSiteTransfersResult['allSiteTransfers']['edges'][number]['node'];

const STATUSES: readonly SiteTransferStatus[] = [
  'PENDING',
  'ACCEPTED',
  'DECLINED',
  'CANCELLED',
  'EXPIRED',
];
const DAY_MS = 86_400_000;

/**
 * Whether the server would still take an undo: accepted, not undone, within its days. The server
 * decides (it also refuses a site the receiver has passed on); this only hides a button that
 * could not work.
 */
export function undoable(transfer: Transfer, now = Date.now()): boolean {
  return (
    transfer.status === 'ACCEPTED' &&
    !transfer.undoneAt &&
    !!transfer.decidedAt &&
    now - Date.parse(transfer.decidedAt) <= SITE_TRANSFER_UNDO_DAYS * DAY_MS
  );
}

/** Every company's site transfers for the vendor's operators, and the undo of a support case. */
export function SiteTransfersSection() {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const [status, setStatus] = useState<SiteTransferStatus | null>(null);
  const pages = useCursorPages(status ?? '');
  const { data, previousData, loading, error, refetch } = useQuery(AllSiteTransfersQuery, {
    variables: { status, after: pages.after, first: ALL_TRANSFERS_PAGE_SIZE },
    // Companies answer and operators undo meanwhile: ask the server each time.
    fetchPolicy: 'cache-and-network',
  });
  const [undoing, setUndoing] = useState<Transfer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const transfers = (data ?? previousData)?.allSiteTransfers;

  function undone(message: string) {
    flushSync(() => {
      setUndoing(null);
      setNotice(message);
    });
    // The button that had focus may be gone: the result is where the operator continues from.
    noticeRef.current?.focus();
    void refetch();
  }

  return (
    <section aria-labelledby="operator-transfers-heading" className="operator-transfers">
      <h2 id="operator-transfers-heading">
        {t('transfers.operator.heading')}
        {transfers && <span className="count"> ({transfers.totalCount})</span>}
      </h2>
      <p>{t('transfers.operator.intro', { days: SITE_TRANSFER_UNDO_DAYS })}</p>
      <StatusFilter
        id="operator-transfers-status"
        label={t('transfers.operator.status')}
        allLabel={t('transfers.operator.allStatuses')}
        statuses={STATUSES}
        value={status}
        labelOf={(value) => t(`transfers.status.${value}`)}
        onChange={setStatus}
      />
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="banner banner-success">
          {notice}
        </p>
      )}
      {error && !transfers ? (
        <ErrorBanner
          error={error}
          context="Loading every site transfer"
          onRetry={() => void refetch()}
        />
      ) : !transfers ? (
        <Loading />
      ) : transfers.edges.length === 0 ? (
        <p className="empty">
          {status ? t('transfers.operator.emptyWithStatus') : t('transfers.operator.empty')}
        </p>
      ) : (
        <ol className="registrations" aria-busy={loading || undefined}>
          {transfers.edges.map(({ node }) => (
            <li key={node.id}>
              <TransferItem transfer={node} locale={locale} onUndo={() => setUndoing(node)} />
            </li>
          ))}
        </ol>
      )}
      {transfers && (
        <Pagination
          label={t('transfers.operator.pages')}
          pageIndex={pages.index}
          pageSize={ALL_TRANSFERS_PAGE_SIZE}
          shown={transfers.edges.length}
          total={transfers.totalCount}
          hasNextPage={transfers.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(transfers.pageInfo.endCursor)}
        />
      )}
      {undoing && (
        <UndoDialog transfer={undoing} onClose={() => setUndoing(null)} onDone={undone} />
      )}
    </section>
  );
}

function TransferItem({
  transfer,
  locale,
  onUndo,
}: {
  transfer: Transfer;
  locale: string;
  onUndo: () => void;
}) {
  const { t } = useTranslation(TRANSFERS_NS);
  const headingId = useId();
  const moment = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (value: string | null | undefined) =>
    value ? (
      <time dateTime={value}>{moment.format(new Date(value))}</time>
    ) : (
      t('transfers.operator.notYet')
    );
  const accepted = transfer.status === 'ACCEPTED';
  const to = transfer.toCompanyName
    ? `${transfer.toCompanyName} (${transfer.recipientEmail})`
    : transfer.recipientEmail;
  return (
    <article className="card registration" aria-labelledby={headingId}>
      <h3 id={headingId}>{transfer.siteName}</h3>
      <dl className="details">
        <Detail term={t('transfers.fields.status')}>
          {transfer.undoneAt
            ? t('transfers.status.undone')
            : t(`transfers.status.${transfer.status}`)}
        </Detail>
        <Detail term={t('transfers.fields.from')}>{transfer.fromCompanyName}</Detail>
        <Detail term={t('transfers.fields.to')}>{to}</Detail>
        <Detail term={t('transfers.operator.requested')}>{when(transfer.createdAt)}</Detail>
        <Detail term={t('transfers.operator.accepted')}>
          {accepted ? when(transfer.decidedAt) : t('transfers.operator.notYet')}
        </Detail>
        {accepted && transfer.effectiveDate && (
          <Detail term={t('transfers.operator.effective')}>
            {formatDate(transfer.effectiveDate, locale)}
          </Detail>
        )}
        {transfer.undoneAt && (
          <Detail term={t('transfers.operator.undoneAt')}>{when(transfer.undoneAt)}</Detail>
        )}
      </dl>
      {undoable(transfer) && (
        <div className="card-actions">
          <button type="button" className="button button-secondary" onClick={onUndo}>
            {t('transfers.operator.undo')}{' '}
            <span className="visually-hidden">{transfer.siteName}</span>
          </button>
        </div>
      )}
    </article>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Undo the transfer of Kungsgatan 12?", with the support case's reason. */
function UndoDialog({
  transfer,
  onClose,
  onDone,
}: {
  transfer: Transfer;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const [undo, { loading }] = useMutation(UndoSiteTransferMutation);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const site = transfer.siteName;
  const from = transfer.fromCompanyName;

  async function confirm() {
    if (loading) return;
    const text = normalizeTransferText(reason);
    const problem = problemsToFieldErrors(validateTransferReason(text), ['reason'], locale).reason;
    setFieldError(problem);
    if (problem) {
      document.getElementById('operator-undo-reason')?.focus();
      return;
    }
    const decided = await decide(
      `Undoing transfer ${transfer.id}`,
      async () =>
        (await undo({ variables: { id: transfer.id, reason: text } })).data?.undoSiteTransfer,
      t,
      locale,
    );
    if (!decided.ok) return setError(decided.text);
    onDone(t('transfers.operator.undone', { site, from }));
  }

  return (
    <ConfirmDialog
      titleId="operator-undo-title"
      title={t('transfers.operator.undoHeading', { site })}
      body={
        <>
          <p>
            {t('transfers.operator.undoBody', { site, from, to: transfer.toCompanyName ?? '' })}
          </p>
          <Field
            id="operator-undo-reason"
            name="reason"
            label={t('transfers.operator.reason')}
            hint={t('transfers.operator.reasonHint', { max: SITE_TRANSFER_TEXT_MAX })}
            error={fieldError}
          >
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={3}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
        </>
      }
      confirmLabel={t('transfers.operator.undoConfirm')}
      busyLabel={t('transfers.operator.undoBusy')}
      cancelLabel={t('transfers.actions.keep')}
      busy={loading}
      error={error}
      danger
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}
