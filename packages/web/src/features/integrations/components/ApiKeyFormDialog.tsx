import { useMutation } from '@apollo/client/react';
import {
  ACCESS_LEVEL_LABELS,
  API_SCOPES,
  apiKeyInputProblems,
  levelMayGrantScope,
  UserErrorCode,
  type AccessLevelCode,
  type ApiScope,
} from '@entry/shared';
import { useState } from 'react';
import type { ComboboxOption } from '../../../components/AsyncCombobox';
import { Dialog } from '../../../components/Dialog';
import { Field, FormAlert, RequiredNote, SubmitButton } from '../../../components/form';
import type { ApiKeyRowFragment } from '../../../gql/graphql';
import { SitesCombobox } from '../../people/components/SitesCombobox';
import { endOfDay, todayInputValue } from '../key-expiry';
import { ApiKeysQuery } from '../operations';
import { CreateApiKeyMutation } from '../dialog-operations';
import { send } from '../send';
import { useMutationForm } from '../useMutationForm';
import { useIntegrationsWords } from '../words';
import { CheckboxGroup, checkboxId } from './CheckboxGroup';

const FIELDS = ['name', 'scopes', 'siteIds', 'expiresAt'] as const;
type KeyField = (typeof FIELDS)[number];
const ID = 'api-key';

interface ApiKeyFormDialogProps {
  /** the level of the person creating it: what they may grant (shared policy) */
  level: AccessLevelCode;
  onClose: () => void;
  onCreated: (apiKey: ApiKeyRowFragment, secret: string) => void;
}

/** createApiKey: name, scopes, an optional site limit and an optional expiry date. */
export function ApiKeyFormDialog({ level, onClose, onCreated }: ApiKeyFormDialogProps) {
  const { t, locale } = useIntegrationsWords();
  // INVOICES_READ only for a payment admin: the others are told why it is not offered.
  const offered = API_SCOPES.filter((scope) => levelMayGrantScope(level, scope));
  const withheld = offered.length < API_SCOPES.length;
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [sites, setSites] = useState<ComboboxOption[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const fieldId = (field: KeyField) =>
    field === 'scopes' ? checkboxId(`${ID}-scopes`, offered[0] ?? '') : `${ID}-${field}`;
  const { errors, formErrors, alertRef, clear, submitter } = useMutationForm(FIELDS, fieldId);
  const [create, { loading }] = useMutation(CreateApiKeyMutation, {
    // the new key heads the list (newest first), and the count changes
    refetchQueries: [ApiKeysQuery],
  });

  const submit = submitter(() => {
    const expiresAt = expiresOn.trim() ? endOfDay(expiresOn) : null;
    const input = {
      name: name.trim(),
      scopes,
      // none chosen: every site (an empty list would be a key that reaches nothing)
      siteIds: sites.length > 0 ? sites.map((site) => site.id) : null,
      expiresAt,
    };
    return {
      sending: loading,
      check: () => [
        ...apiKeyInputProblems(input, level, new Date()),
        // typed text that is no date (browsers without a date picker)
        ...(expiresOn.trim() && !expiresAt
          ? [{ field: ['input', 'expiresAt'], code: UserErrorCode.INVALID }]
          : []),
      ],
      send: () =>
        send(
          'Creating an API key',
          async () =>
            (
              await create({
                variables: { input: { ...input, expiresAt: expiresAt?.toISOString() ?? null } },
              })
            ).data?.createApiKey,
          (payload) =>
            payload.apiKey && payload.secret
              ? { apiKey: payload.apiKey, secret: payload.secret }
              : null,
        ),
      done: ({ apiKey, secret }) => onCreated(apiKey, secret),
    };
  });

  return (
    <Dialog titleId={`${ID}-title`} title={t('apiKeyForm.heading')} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <RequiredNote />
        <FormAlert ref={alertRef} messages={formErrors} />
        <Field
          id={`${ID}-name`}
          name="name"
          label={t('apiKeyForm.name')}
          hint={t('apiKeyForm.nameHint')}
          required
          error={errors.name}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus
              className="input"
              autoComplete="off"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                clear('name');
              }}
            />
          )}
        </Field>
        <CheckboxGroup
          id={`${ID}-scopes`}
          legend={t('apiKeyForm.scopes')}
          hint={
            withheld
              ? t('apiKeyForm.invoicesOnlyPaymentAdmin', {
                  paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
                })
              : undefined
          }
          error={errors.scopes}
          groups={[
            {
              options: offered.map((scope) => ({
                value: scope,
                label: t(`apiScopes.${scope}.label`),
                hint: t(`apiScopes.${scope}.hint`),
              })),
            },
          ]}
          selected={scopes}
          onToggle={(scope, checked) => {
            setScopes((current) =>
              checked
                ? [...current, scope as ApiScope]
                : current.filter((chosen) => chosen !== scope),
            );
            clear('scopes');
          }}
        />
        <Field
          id={`${ID}-siteIds`}
          name="siteIds"
          label={t('apiKeyForm.sites')}
          hint={t('apiKeyForm.sitesHint')}
          error={errors.siteIds}
        >
          {(control) => (
            <SitesCombobox
              control={control}
              label={t('apiKeyForm.sites')}
              selected={sites}
              onChange={(next) => {
                setSites(next);
                clear('siteIds');
              }}
            />
          )}
        </Field>
        <Field
          id={`${ID}-expiresAt`}
          name="expiresAt"
          label={t('apiKeyForm.expiresOn')}
          hint={t('apiKeyForm.expiresOnHint')}
          error={errors.expiresAt}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              className="input input-date"
              min={todayInputValue()}
              value={expiresOn}
              onChange={(event) => {
                setExpiresOn(event.target.value);
                clear('expiresAt');
              }}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <SubmitButton
            sending={loading}
            label={t('apiKeyForm.submit')}
            sendingLabel={t('apiKeyForm.sending')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('integrations.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
