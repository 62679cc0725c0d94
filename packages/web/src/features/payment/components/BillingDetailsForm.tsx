import { useMutation } from '@apollo/client/react';
import {
  lifecycleProblemMessage,
  LIMITS,
  normalizeBillingDetails,
  normalizeEmail,
  SUPPORTED_LOCALES,
  validateBillingDetails,
  type FieldProblem,
  type Locale,
} from '@entry/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale, LANGUAGE_NAMES } from '../../../app/i18n';
import { Field, FieldError, FormAlert, SubmitButton } from '../../../components/form';
import { problemOf, userErrorText } from '../../../components/form/form-errors';
import { useFormProblems } from '../../../components/form/useFormProblems';
import { siteProblemMessage } from '../../../components/form/user-error-message';
import { UpdateBillingDetailsMutation, type BillingDetails } from './billing-details-operations';

// The billing details form, loaded when it opens (BillingDetailsSection).

/** The form's fields: one per address row (`email0`…), then the rest; problems go under them. */
type DetailsField = `email${number}` | 'billingEmails' | 'purchaseOrderNumber' | 'locale';

/** Each language named in itself, so the team's own is easy to find. */
const LANGUAGE_OPTIONS = SUPPORTED_LOCALES.map((code) => (
  <option key={code} value={code} lang={code}>
    {LANGUAGE_NAMES[code]}
  </option>
));

const fieldId = (field: DetailsField) =>
  field === 'billingEmails' ? 'billing-email-0' : `billing-${field}`;

interface BillingDetailsFormProps {
  details: BillingDetails;
  defaultLocale: Locale;
  onCancel: () => void;
  onSaved: () => void;
}

export function BillingDetailsForm({
  details,
  defaultLocale,
  onCancel,
  onSaved,
}: BillingDetailsFormProps) {
  const { t, i18n } = useTranslation('lifecycle');
  const locale = currentLocale(i18n);
  const [rows, setRows] = useState<string[]>(
    details.billingEmails.length > 0 ? [...details.billingEmails] : [''],
  );
  const [purchaseOrderNumber, setPurchaseOrderNumber] = useState(details.purchaseOrderNumber ?? '');
  const [emailsLocale, setEmailsLocale] = useState(
    details.billingEmails.length > 0 ? details.billingEmailsLocale : defaultLocale,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const order: DetailsField[] = [
    ...rows.map((_, row) => `email${row}` as const),
    'billingEmails',
    'purchaseOrderNumber',
    'locale',
  ];
  const { errors, setErrors, formErrors, alertRef, show, clear } = useFormProblems(order, fieldId);
  const [save, { loading }] = useMutation(UpdateBillingDetailsMutation);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const input = () => ({
    billingEmails: rows,
    purchaseOrderNumber,
    locale: emailsLocale,
  });

  /**
   * A problem's field on this form: an address is reported at its place in the list the server
   * keeps (blanks dropped, each address once), which is the first row holding it here.
   */
  function fieldOf(path: readonly string[]): DetailsField | null {
    const [, name, index] = path;
    if (name === 'billingEmails' && index !== undefined) {
      const kept = normalizeBillingDetails(input()).billingEmails[Number(index)];
      const row = rows.findIndex((value) => kept !== undefined && normalizeEmail(value) === kept);
      return row >= 0 ? `email${row}` : 'billingEmails';
    }
    if (name === 'billingEmails' || name === 'purchaseOrderNumber' || name === 'locale')
      return name;
    return null;
  }

  function showProblems(found: ReadonlyArray<{ path: readonly string[]; text: string }>) {
    const fields: Partial<Record<DetailsField, string>> = {};
    const form: string[] = [];
    for (const { path, text } of found) {
      const field = fieldOf(path);
      if (field) fields[field] ??= text;
      else form.push(text);
    }
    show(fields, form);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const local: readonly FieldProblem[] = validateBillingDetails(normalizeBillingDetails(input()));
    if (local.length > 0) {
      showProblems(
        local.map((problem) => ({
          path: problem.field,
          text: lifecycleProblemMessage(problem, locale) ?? siteProblemMessage(problem, locale),
        })),
      );
      return;
    }
    try {
      const { data } = await save({ variables: { input: input() } });
      const payload = data?.updateBillingDetails;
      if (!payload) throw new Error('updateBillingDetails answered without a payload');
      if (payload.userErrors.length > 0) {
        showProblems(
          payload.userErrors.map((error) => {
            const problem = problemOf(error);
            return {
              path: problem?.field ?? error.field ?? [],
              text:
                (problem && lifecycleProblemMessage(problem, locale)) ??
                userErrorText(error, locale),
            };
          }),
        );
        return;
      }
      onSaved();
    } catch (error) {
      console.error('Saving the billing details failed', error);
      show({}, [t('billingDetails.failed')]);
    }
  }

  function changeRow(row: number, value: string) {
    setRows((current) => current.map((email, index) => (index === row ? value : email)));
    clear(`email${row}`);
  }

  function removeRow(row: number) {
    setRows((current) =>
      current.length === 1 ? [''] : current.filter((_, index) => index !== row),
    );
    setErrors({});
    // the row after it (or the one before, if it was the last) takes its place under focus
    requestAnimationFrame(() => {
      const next = Math.min(row, rows.length - 2);
      document.getElementById(fieldId(`email${Math.max(next, 0)}`))?.focus();
    });
  }

  function addRow() {
    setRows((current) => [...current, '']);
    requestAnimationFrame(() => document.getElementById(fieldId(`email${rows.length}`))?.focus());
  }

  return (
    <form className="form payment-form card" noValidate onSubmit={(event) => void submit(event)}>
      <h3 ref={heading} tabIndex={-1} className="focus-target">
        {t('billingDetails.edit')}
      </h3>
      <FormAlert ref={alertRef} messages={formErrors} />
      <fieldset className={errors.billingEmails ? 'fieldset has-error' : 'fieldset'}>
        <legend>{t('billingDetails.emails')}</legend>
        <p className="form-note" id="billing-emails-hint">
          {t('billingDetails.emailsHint', { max: LIMITS.billingEmails })}
        </p>
        {errors.billingEmails && (
          <FieldError id="billing-emails-error">{errors.billingEmails}</FieldError>
        )}
        {rows.map((email, row) => (
          <div className="email-row" key={row}>
            <Field
              id={fieldId(`email${row}`)}
              name={`billingEmails.${row}`}
              label={t('billingDetails.emailLabel', { number: row + 1 })}
              error={errors[`email${row}`]}
              describedBy={errors.billingEmails ? 'billing-emails-error' : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  type="email"
                  className="input"
                  autoComplete="off"
                  spellCheck={false}
                  value={email}
                  onChange={(event) => changeRow(row, event.target.value)}
                />
              )}
            </Field>
            {(rows.length > 1 || email !== '') && (
              <button
                type="button"
                className="button button-secondary email-remove"
                onClick={() => removeRow(row)}
              >
                {t('billingDetails.removeEmail', { number: row + 1 })}
              </button>
            )}
          </div>
        ))}
        {rows.length < LIMITS.billingEmails && (
          <button type="button" className="button button-secondary" onClick={addRow}>
            {t('billingDetails.addEmail')}
          </button>
        )}
      </fieldset>
      <Field
        id={fieldId('locale')}
        name="locale"
        label={t('billingDetails.language')}
        hint={t('billingDetails.languageHint')}
        error={errors.locale}
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={emailsLocale}
            onChange={(event) => setEmailsLocale(event.target.value)}
          >
            {LANGUAGE_OPTIONS}
          </select>
        )}
      </Field>
      <Field
        id={fieldId('purchaseOrderNumber')}
        name="purchaseOrderNumber"
        label={t('billingDetails.purchaseOrder')}
        hint={t('billingDetails.purchaseOrderHint')}
        error={errors.purchaseOrderNumber}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            maxLength={LIMITS.purchaseOrderNumber + 20}
            value={purchaseOrderNumber}
            onChange={(event) => {
              setPurchaseOrderNumber(event.target.value);
              clear('purchaseOrderNumber');
            }}
          />
        )}
      </Field>
      <div className="form-actions">
        <SubmitButton
          sending={loading}
          label={t('billingDetails.save')}
          sendingLabel={t('billingDetails.saving')}
        />
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('billingDetails.cancel')}
        </button>
      </div>
    </form>
  );
}
