import { useMutation } from '@apollo/client/react';
import { LIMITS, UserErrorCode, countryName, resolveLocale } from '@entry/shared';
import { userErrorMessage } from '../../../components/form/user-error-message';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale, languageName } from '../../../app/i18n';
import { Field, SubmitButton } from '../../../components/form/Field';
import { FormAlert } from '../../../components/form/FormAlert';
import { sortUserErrors, userErrorText } from '../../../components/form/form-errors';
import type { PendingRegistrationsQuery as PendingRegistrationsQueryType } from '../../../gql/graphql';
import {
  ApproveRegistrationMutation,
  PENDING_PAGE_SIZE,
  PendingRegistrationsQuery,
  RejectRegistrationMutation,
} from '../operations';
import { dateTimeFormat } from '../../../lib/intl-formats';

type PendingCompany = PendingRegistrationsQueryType['pendingRegistrations'][number];

/** What happened to a registration, said at the top of the console. */
export type Outcome =
  | { kind: 'approved'; company: string; email: string }
  | { kind: 'rejected'; company: string }
  | { kind: 'failed'; company: string; message: string };

interface RegistrationCardProps {
  company: PendingCompany;
  onDone(outcome: Outcome): void;
}

const refetchPending = {
  refetchQueries: [{ query: PendingRegistrationsQuery, variables: { first: PENDING_PAGE_SIZE } }],
  awaitRefetchQueries: true,
};

/** One registration with everything the applicant entered, and the two decisions. */
export function RegistrationCard({ company, onDone }: RegistrationCardProps) {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const details = company.registration;
  const headingId = `registration-${company.id}`;
  const rejectFormId = `reject-${company.id}`;
  const reasonId = `reject-reason-${company.id}`;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const rejectButtonRef = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [approve, approval] = useMutation(ApproveRegistrationMutation, refetchPending);
  const [reject, rejection] = useMutation(RejectRegistrationMutation, refetchPending);
  const busy = approval.loading || rejection.loading;

  const submittedAt = dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(company.createdAt));
  const registrantLocale = details ? resolveLocale(details.locale) : null;

  function failed(error: unknown, what: string) {
    console.error(`${what} registration ${company.id} failed`, error);
    flushSync(() => setFormErrors([t('form.requestFailed')]));
    alertRef.current?.focus();
  }

  async function handleApprove() {
    if (busy) return;
    setFormErrors([]);
    try {
      const { data } = await approve({ variables: { companyId: company.id } });
      const payload = data?.approveRegistration;
      if (!payload) throw new Error('approveRegistration answered without a payload');
      const problem = payload.userErrors[0];
      if (problem) {
        onDone({ kind: 'failed', company: company.name, message: userErrorText(problem, locale) });
        return;
      }
      onDone({ kind: 'approved', company: company.name, email: details?.email ?? '' });
    } catch (error) {
      failed(error, 'Approving');
    }
  }

  function validateReason(value: string): string | undefined {
    const trimmed = value.trim();
    if (!trimmed)
      return userErrorMessage({ field: ['reason'], code: UserErrorCode.REQUIRED }, locale);
    if (trimmed.length > LIMITS.rejectionReason)
      return userErrorMessage(
        {
          field: ['reason'],
          code: UserErrorCode.TOO_LONG,
          params: { max: LIMITS.rejectionReason },
        },
        locale,
      );
    return undefined;
  }

  function openReject() {
    flushSync(() => setRejecting(true));
    document.getElementById(reasonId)?.focus();
  }

  function closeReject() {
    flushSync(() => {
      setRejecting(false);
      setReasonError(undefined);
    });
    rejectButtonRef.current?.focus();
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeReject();
    }
  }

  async function handleReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problem = validateReason(reason);
    if (problem) {
      flushSync(() => setReasonError(problem));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setFormErrors([]);
    try {
      const { data } = await reject({
        variables: { companyId: company.id, reason: reason.trim() },
      });
      const payload = data?.rejectRegistration;
      if (!payload) throw new Error('rejectRegistration answered without a payload');
      if (payload.userErrors.length > 0) {
        const sorted = sortUserErrors(payload.userErrors, ['reason'] as const, locale);
        if (sorted.fields.reason) {
          flushSync(() => setReasonError(sorted.fields.reason));
          document.getElementById(reasonId)?.focus();
          return;
        }
        onDone({ kind: 'failed', company: company.name, message: sorted.form.join(' ') });
        return;
      }
      onDone({ kind: 'rejected', company: company.name });
    } catch (error) {
      failed(error, 'Rejecting');
    }
  }

  const optional = (value: string | null | undefined) => value || t('operator.notGiven');

  return (
    <article className="card registration" aria-labelledby={headingId}>
      <h3 id={headingId}>{company.name}</h3>
      <FormAlert ref={alertRef} messages={formErrors} />
      <dl className="details">
        <div>
          <dt>{t('operator.fields.type')}</dt>
          <dd>{t(`companyType.${company.type}`)}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.country')}</dt>
          <dd>{countryName(company.country, locale)}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.address')}</dt>
          <dd className="multiline">{details?.companyAddress}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.companyPhone')}</dt>
          <dd>{optional(details?.companyPhone)}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.vatNumber')}</dt>
          <dd>{optional(details?.vatNumber)}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.contact')}</dt>
          <dd>{details ? `${details.firstName} ${details.lastName}` : ''}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.email')}</dt>
          <dd>{details && <a href={`mailto:${details.email}`}>{details.email}</a>}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.phone')}</dt>
          <dd>{optional(details?.phone)}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.language')}</dt>
          <dd>{registrantLocale ? languageName(registrantLocale, locale) : ''}</dd>
        </div>
        <div>
          <dt>{t('operator.fields.submittedAt')}</dt>
          <dd>
            <time dateTime={company.createdAt}>{submittedAt}</time>
          </dd>
        </div>
      </dl>

      <div className="card-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void handleApprove()}
        >
          {approval.loading ? t('operator.approving') : t('operator.approve')}{' '}
          <span className="visually-hidden">{company.name}</span>
        </button>
        <button
          ref={rejectButtonRef}
          type="button"
          className="button button-secondary"
          aria-expanded={rejecting}
          aria-controls={rejectFormId}
          disabled={busy}
          onClick={() => (rejecting ? closeReject() : openReject())}
        >
          {t('operator.reject')} <span className="visually-hidden">{company.name}</span>
        </button>
      </div>

      <div id={rejectFormId} hidden={!rejecting}>
        {rejecting && (
          <form
            className="form reject-form"
            noValidate
            onSubmit={(event) => void handleReject(event)}
            onKeyDown={closeOnEscape}
          >
            <Field
              id={reasonId}
              name="reason"
              label={t('operator.reasonLabel')}
              required
              hint={t('operator.reasonHint', {
                language: languageName(registrantLocale ?? locale, locale),
              })}
              error={reasonError}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="input"
                  rows={3}
                  value={reason}
                  onChange={(event) => {
                    setReason(event.target.value);
                    if (reasonError) setReasonError(validateReason(event.target.value));
                  }}
                />
              )}
            </Field>
            <div className="form-actions">
              <SubmitButton
                className="button button-danger"
                sending={rejection.loading}
                label={t('operator.confirmReject')}
                sendingLabel={t('operator.rejecting')}
              />
              <button type="button" className="button button-secondary" onClick={closeReject}>
                {t('operator.cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </article>
  );
}
