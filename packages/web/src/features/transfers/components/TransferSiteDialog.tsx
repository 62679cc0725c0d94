import { useMutation } from '@apollo/client/react';
import {
  normalizeSiteTransferInput,
  SITE_TRANSFER_EXPIRY_DAYS,
  SITE_TRANSFER_TEXT_MAX,
  validateSiteTransferInput,
} from '@entry/shared';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { TRANSFERS_NS, currentLocale } from '../../../app/i18n';
import { Dialog } from '../../../components/Dialog';
import {
  Field,
  firstInvalid,
  FormAlert,
  hasErrors,
  problemsToFieldErrors,
  RequiredNote,
  sortUserErrors,
  SubmitButton,
  type FieldErrors,
} from '../../../components/form';
import { formatCount, formatDate } from '../../../lib/intl-formats';
import { useTranslation } from '../../../lib/useTranslation';
import { RequestSiteTransferMutation } from '../operations';
import { transferErrorText } from '../transfer-errors';

const FIELDS = ['recipientEmail', 'message'] as const;
type TransferField = (typeof FIELDS)[number];
const fieldId = (field: TransferField) => `transfer-request-${field}`;

interface TransferSiteDialogProps {
  site: { id: string; name: string; entryUserCount: number };
  onClose: () => void;
  /** the request is sent: the words to tell the person */
  onSent: (message: string) => void;
}

/**
 * "Transfer to another company" on a site's page: the recipient's address, a note, and what
 * moves. The answer is the same whoever the address belongs to (the API does not say), so the
 * page can only say it was sent and until when it waits.
 */
export function TransferSiteDialog({ site, onClose, onSent }: TransferSiteDialogProps) {
  const { t, i18n } = useTranslation(TRANSFERS_NS);
  const locale = currentLocale(i18n);
  const [values, setValues] = useState({ recipientEmail: '', message: '' });
  const [errors, setErrors] = useState<FieldErrors<TransferField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const [request, { loading }] = useMutation(RequestSiteTransferMutation);

  function show(fields: FieldErrors<TransferField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(FIELDS, fields);
    if (first) document.getElementById(fieldId(first))?.focus();
    else alertRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const input = normalizeSiteTransferInput({ siteId: site.id, ...values });
    const problems = problemsToFieldErrors(validateSiteTransferInput(input), FIELDS, locale);
    if (hasErrors(problems)) return show(problems, []);
    try {
      const { data } = await request({ variables: { input } });
      const payload = data?.requestSiteTransfer;
      if (!payload) throw new Error('requestSiteTransfer answered without a payload');
      const sent = payload.siteTransfer;
      if (payload.userErrors.length > 0 || !sent) {
        const sorted = sortUserErrors(payload.userErrors, FIELDS, locale, transferErrorText);
        const nothing = sorted.form.length === 0 && !hasErrors(sorted.fields);
        return show(sorted.fields, nothing ? [t('transfers.messages.requestFailed')] : sorted.form);
      }
      onSent(
        t('transfers.request.done', {
          site: site.name,
          email: sent.recipientEmail,
          date: formatDate(sent.expiresAt, locale),
        }),
      );
    } catch (error) {
      console.error(`Requesting a transfer of site ${site.id} failed`, error);
      show({}, [t('transfers.messages.requestFailed')]);
    }
  }

  const change = (field: TransferField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <Dialog
      titleId="transfer-request-title"
      title={t('transfers.request.heading', { site: site.name })}
      onClose={onClose}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p>{t('transfers.request.intro', { days: SITE_TRANSFER_EXPIRY_DAYS })}</p>
        <p className="banner banner-info">
          {t('transfers.request.moves', { count: formatCount(site.entryUserCount, locale) })}
        </p>
        <RequiredNote />
        <FormAlert ref={alertRef} messages={formErrors} />
        <Field
          id={fieldId('recipientEmail')}
          name="recipientEmail"
          label={t('transfers.request.email')}
          hint={t('transfers.request.emailHint')}
          required
          error={errors.recipientEmail}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus
              type="email"
              className="input"
              autoComplete="off"
              value={values.recipientEmail}
              onChange={(event) => change('recipientEmail', event.target.value)}
            />
          )}
        </Field>
        <Field
          id={fieldId('message')}
          name="message"
          label={t('transfers.request.message')}
          hint={t('transfers.request.messageHint', { max: SITE_TRANSFER_TEXT_MAX })}
          error={errors.message}
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={4}
              value={values.message}
              onChange={(event) => change('message', event.target.value)}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <SubmitButton
            sending={loading}
            label={t('transfers.request.submit')}
            sendingLabel={t('transfers.request.sending')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('transfers.actions.keep')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
