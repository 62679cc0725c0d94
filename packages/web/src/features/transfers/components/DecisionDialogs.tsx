import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  ErrorCode,
  normalizeTransferText,
  SITE_TRANSFER_TEXT_MAX,
  validateTransferReason,
  type Locale,
} from '@entry/shared';
import { useState, type FormEvent } from 'react';
import { TRANSFERS_NS, currentLocale } from '../../../app/i18n';
import { ConfirmDialog, Dialog } from '../../../components/Dialog';
import {
  Field,
  FormAlert,
  problemsToFieldErrors,
  SubmitButton,
  type UserErrorLike,
} from '../../../components/form';
import { formatCount, formatDate } from '../../../lib/intl-formats';
import type { TFunction } from '../../../lib/translator';
import { useTranslation } from '../../../lib/useTranslation';
import {
  AcceptSiteTransferMutation,
  CancelSiteTransferMutation,
  DeclineSiteTransferMutation,
} from '../operations';
import { transferErrorText } from '../transfer-errors';
import type { TransferRow } from '../transfer-rows';

interface DecisionDialogProps {
  transfer: TransferRow;
  onClose: () => void;
  /** the decision is saved: the words to tell the person */
  onDone: (message: string) => void;
}

type Decided<P> = { ok: true; payload: P } | { ok: false; text: string };

/**
 * Sends a decision and says how it went: the payload, or the words for what went wrong in the
 * language shown (the userErrors, the billing setup a receiver still lacks, a refusal).
 * Anything unexpected is logged here, once.
 */
async function decide<P extends { userErrors: readonly UserErrorLike[] }>(
  what: string,
  mutate: () => Promise<P | null | undefined>,
  t: TFunction<'transfers'>,
  locale: Locale,
): Promise<Decided<P>> {
  try {
    const payload = await mutate();
    if (!payload) throw new Error(`${what} answered without a payload`);
    if (payload.userErrors.length > 0)
      return {
        ok: false,
        text: payload.userErrors.map((error) => transferErrorText(error, locale)).join(' '),
      };
    return { ok: true, payload };
  } catch (error) {
    const code = CombinedGraphQLErrors.is(error)
      ? error.errors.map((item) => item.extensions?.['code'])
      : [];
    if (code.includes(ErrorCode.BILLING_SETUP_REQUIRED))
      return { ok: false, text: t('transfers.accept.billingRequired') };
    if (code.includes(ErrorCode.FORBIDDEN))
      return { ok: false, text: t('transfers.messages.forbidden') };
    console.error(`${what} failed`, error);
    return { ok: false, text: t('transfers.messages.requestFailed') };
  }
}

/** "Take over Kungsgatan 12?": what comes with it and from which day it is billed. */
export function AcceptDialog({ transfer, onClose, onDone }: DecisionDialogProps) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const [accept, { loading }] = useMutation(AcceptSiteTransferMutation);
  const [error, setError] = useState<string | null>(null);
  const site = transfer.siteName;

  async function confirm() {
    if (loading) return;
    const decided = await decide(
      `Accepting transfer ${transfer.id}`,
      async () => (await accept({ variables: { id: transfer.id } })).data?.acceptSiteTransfer,
      t,
      locale,
    );
    if (!decided.ok) return setError(decided.text);
    onDone(
      decided.payload.siteTransfer?.nameAlreadyUsed
        ? t('transfers.accept.doneNameUsed', { site })
        : t('transfers.accept.done', { site }),
    );
  }

  return (
    <ConfirmDialog
      titleId="transfer-accept-title"
      title={t('transfers.accept.heading', { site })}
      body={
        <p>
          {t('transfers.accept.body', {
            site,
            count: formatCount(transfer.entryUserCount, locale),
            date: transfer.effectiveDate ? formatDate(transfer.effectiveDate, locale) : '',
            from: transfer.fromCompanyName,
          })}
        </p>
      }
      confirmLabel={t('transfers.accept.confirm')}
      busyLabel={t('transfers.accept.busy')}
      cancelLabel={t('transfers.actions.keep')}
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}

/** "Cancel the transfer of Kungsgatan 12?": the recipient can then no longer accept it. */
export function CancelDialog({ transfer, onClose, onDone }: DecisionDialogProps) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const [cancel, { loading }] = useMutation(CancelSiteTransferMutation);
  const [error, setError] = useState<string | null>(null);
  const site = transfer.siteName;

  async function confirm() {
    if (loading) return;
    const decided = await decide(
      `Cancelling transfer ${transfer.id}`,
      async () => (await cancel({ variables: { id: transfer.id } })).data?.cancelSiteTransfer,
      t,
      locale,
    );
    if (!decided.ok) return setError(decided.text);
    onDone(t('transfers.cancel.done', { site }));
  }

  return (
    <ConfirmDialog
      titleId="transfer-cancel-title"
      title={t('transfers.cancel.heading', { site })}
      body={<p>{t('transfers.cancel.body', { email: transfer.recipientEmail })}</p>}
      confirmLabel={t('transfers.cancel.confirm')}
      busyLabel={t('transfers.cancel.busy')}
      cancelLabel={t('transfers.actions.keep')}
      busy={loading}
      error={error}
      danger
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}

/** Decline, with a reason the sender is emailed (optional). */
export function DeclineDialog({ transfer, onClose, onDone }: DecisionDialogProps) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const [decline, { loading }] = useMutation(DeclineSiteTransferMutation);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const site = transfer.siteName;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const text = normalizeTransferText(reason);
    const problem = problemsToFieldErrors(validateTransferReason(text), ['reason'], locale).reason;
    setFieldError(problem);
    if (problem) {
      document.getElementById('transfer-decline-reason')?.focus();
      return;
    }
    const decided = await decide(
      `Declining transfer ${transfer.id}`,
      async () =>
        (await decline({ variables: { id: transfer.id, reason: text } })).data?.declineSiteTransfer,
      t,
      locale,
    );
    if (!decided.ok) return setFormErrors([decided.text]);
    onDone(t('transfers.decline.done', { site }));
  }

  return (
    <Dialog
      titleId="transfer-decline-title"
      title={t('transfers.decline.heading', { site })}
      onClose={onClose}
      describedBy="transfer-decline-body"
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p id="transfer-decline-body">
          {t('transfers.decline.body', { from: transfer.fromCompanyName })}
        </p>
        <FormAlert messages={formErrors} />
        <Field
          id="transfer-decline-reason"
          name="reason"
          label={t('transfers.decline.reason')}
          hint={t('transfers.decline.reasonHint', { max: SITE_TRANSFER_TEXT_MAX })}
          error={fieldError}
        >
          {(control) => (
            <textarea
              {...control}
              data-autofocus
              className="input"
              rows={4}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <SubmitButton
            sending={loading}
            label={t('transfers.decline.confirm')}
            sendingLabel={t('transfers.decline.busy')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('transfers.actions.keep')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
