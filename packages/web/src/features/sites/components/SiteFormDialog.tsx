import { useApolloClient, useMutation } from '@apollo/client/react';
import { ErrorCode, normalizeSiteInput, validateSiteInput } from '@entry/shared';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import {
  Field,
  firstInvalid,
  FormAlert,
  hasErrors,
  problemsToFieldErrors,
  RequiredNote,
  SubmitButton,
  type FieldErrors,
} from '../../../components/form';
import { AccessQuery } from '../../../app/operations';
import { CreateSiteMutation, UpdateSiteMutation } from '../dialog-operations';
import { hasErrorCode, siteRefusalKey, sortSiteUserErrors } from '../site-errors';
import { SITE_QUERIES, useRefetchOnScreen } from '../useRefetchOnScreen';
import { BillingSetupNotice } from './BillingSetupNotice';
import { Dialog } from '../../../components/Dialog';

const FIELDS = ['name', 'address', 'costCenter'] as const;
type SiteField = (typeof FIELDS)[number];

export interface SiteFormValues {
  id: string;
  name: string;
  address: string | null;
  costCenter: string | null;
}

interface SiteFormDialogProps {
  /** the site to edit; none to create one */
  site?: SiteFormValues;
  /** may finish billing setup (payment admins), for the notice if createSite is refused */
  canFinishBilling: boolean;
  onClose: () => void;
  onSaved: (site: { id: string; name: string }) => void;
}

/** Add a site, or change its name, address and cost centre: createSite / updateSite. */
export function SiteFormDialog({ site, canFinishBilling, onClose, onSaved }: SiteFormDialogProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const client = useApolloClient();
  const editing = Boolean(site);
  const [values, setValues] = useState({
    name: site?.name ?? '',
    address: site?.address ?? '',
    costCenter: site?.costCenter ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors<SiteField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [billingRequired, setBillingRequired] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const [create, creating] = useMutation(CreateSiteMutation, {
    refetchQueries: useRefetchOnScreen(SITE_QUERIES),
  });
  const [update, updating] = useMutation(UpdateSiteMutation);
  const sending = creating.loading || updating.loading;
  const idPrefix = editing ? 'site-edit' : 'site-create';

  function show(fields: FieldErrors<SiteField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(FIELDS, fields);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    else alertRef.current?.focus();
  }

  function change(field: SiteField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const input = normalizeSiteInput(values);
    const problems = problemsToFieldErrors(validateSiteInput(input), FIELDS, locale);
    if (hasErrors(problems)) {
      show(problems, []);
      return;
    }
    try {
      const payload = site
        ? (await update({ variables: { id: site.id, input } })).data?.updateSite
        : (await create({ variables: { input } })).data?.createSite;
      if (!payload) throw new Error('The site mutation answered without a payload');
      if (payload.userErrors.length > 0 || !payload.site) {
        const sorted = sortSiteUserErrors(payload.userErrors, FIELDS, locale);
        const nothing = sorted.form.length === 0 && !hasErrors(sorted.fields);
        show(sorted.fields, nothing ? [t('sites.messages.requestFailed')] : sorted.form);
        return;
      }
      onSaved({ id: payload.site.id, name: payload.site.name });
    } catch (error) {
      if (hasErrorCode(error, ErrorCode.BILLING_SETUP_REQUIRED)) {
        // What the page knew was stale: ask again, so the page shows the notice as well.
        void client.refetchQueries({ include: [AccessQuery] });
        flushSync(() => setBillingRequired(true));
        document.getElementById(`${idPrefix}-billing`)?.focus();
        return;
      }
      const refusal = siteRefusalKey(error);
      if (refusal) {
        show({}, [t(refusal)]);
        return;
      }
      console.error(site ? `Updating site ${site.id} failed` : 'Creating a site failed', error);
      show({}, [t('sites.messages.requestFailed')]);
    }
  }

  const title = site
    ? t('sites.form.editHeading', { name: site.name })
    : t('sites.form.createHeading');
  return (
    <Dialog titleId={`${idPrefix}-title`} title={title} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <RequiredNote />
        {billingRequired && (
          <div id={`${idPrefix}-billing`} tabIndex={-1} role="alert" className="focus-target">
            <BillingSetupNotice canFinish={canFinishBilling} />
          </div>
        )}
        <FormAlert ref={alertRef} messages={formErrors} />
        <Field
          id={`${idPrefix}-name`}
          name="name"
          label={t('sites.form.name')}
          hint={t('sites.form.nameHint')}
          required
          error={errors.name}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus
              className="input"
              autoComplete="off"
              value={values.name}
              onChange={(event) => change('name', event.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${idPrefix}-address`}
          name="address"
          label={t('sites.form.address')}
          hint={t('sites.form.addressHint')}
          error={errors.address}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="street-address"
              value={values.address}
              onChange={(event) => change('address', event.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${idPrefix}-costCenter`}
          name="costCenter"
          label={t('sites.form.costCenter')}
          hint={t('sites.form.costCenterHint')}
          error={errors.costCenter}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              value={values.costCenter}
              onChange={(event) => change('costCenter', event.target.value)}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <SubmitButton
            sending={sending}
            label={site ? t('sites.form.save') : t('sites.form.create')}
            sendingLabel={t('sites.form.saving')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('sites.actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
