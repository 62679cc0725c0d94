import { useMutation } from '@apollo/client/react';
import {
  ACCESS_LEVEL_LABELS,
  LIMITS,
  levelMaySubscribe,
  SUBSCRIBABLE_WEBHOOK_EVENTS,
  webhookEndpointInputProblems,
  WEBHOOK_URL_MAX,
  type AccessLevelCode,
  type WebhookEventType,
} from '@entry/shared';
import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { Field, FormAlert, RequiredNote, SubmitButton } from '../../../components/form';
import type { WebhookEndpointCardFragment } from '../../../gql/graphql';
import { eventGroups } from '../labels';
import { UpdateWebhookEndpointMutation, WebhookEndpointsQuery } from '../operations';
import { CreateWebhookEndpointMutation } from '../dialog-operations';
import { send } from '../send';
import { useMutationForm } from '../useMutationForm';
import { useIntegrationsWords } from '../words';
import { CheckboxGroup, checkboxId } from './CheckboxGroup';

const FIELDS = ['url', 'description', 'events'] as const;
type EndpointField = (typeof FIELDS)[number];

interface WebhookEndpointFormDialogProps {
  level: AccessLevelCode;
  /** the endpoint to edit; none to add one */
  endpoint?: WebhookEndpointCardFragment;
  onClose: () => void;
  /** `secret`: the new endpoint's signing secret (null after an edit) */
  onSaved: (endpoint: WebhookEndpointCardFragment, secret: string | null) => void;
}

/** createWebhookEndpoint / updateWebhookEndpoint: URL, description, events, enabled. */
export function WebhookEndpointFormDialog({
  level,
  endpoint,
  onClose,
  onSaved,
}: WebhookEndpointFormDialogProps) {
  const { t, locale } = useIntegrationsWords();
  const idPrefix = endpoint ? 'endpoint-edit' : 'endpoint-create';
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(endpoint ? [...endpoint.events] : []);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  // Invoice events only for a payment admin; one a colleague subscribed stays visible to
  // others, so they can see it and untick it (saving it needs a payment admin).
  const offered = SUBSCRIBABLE_WEBHOOK_EVENTS.filter(
    (event) => levelMaySubscribe(level, event) || endpoint?.events.includes(event),
  );
  const withheld = offered.length < SUBSCRIBABLE_WEBHOOK_EVENTS.length;
  const fieldId = (field: EndpointField) =>
    field === 'events'
      ? checkboxId(`${idPrefix}-events`, offered[0] ?? '')
      : `${idPrefix}-${field}`;
  const { errors, formErrors, alertRef, clear, submitter } = useMutationForm(FIELDS, fieldId);
  const [create, creating] = useMutation(CreateWebhookEndpointMutation, {
    refetchQueries: [WebhookEndpointsQuery],
  });
  const [update, updating] = useMutation(UpdateWebhookEndpointMutation);

  const submit = submitter<{ saved: WebhookEndpointCardFragment; secret: string | null }>(() => {
    const input = { url: url.trim(), description: description.trim() || null, events, enabled };
    return {
      sending: creating.loading || updating.loading,
      // The server adds what only it knows: https in production, and private addresses.
      check: () => webhookEndpointInputProblems(input, level, { requireHttps: false }),
      send: () =>
        endpoint
          ? send(
              `Updating webhook endpoint ${endpoint.id}`,
              async () =>
                (await update({ variables: { id: endpoint.id, input } })).data
                  ?.updateWebhookEndpoint,
              (payload) =>
                payload.webhookEndpoint ? { saved: payload.webhookEndpoint, secret: null } : null,
            )
          : send(
              'Creating a webhook endpoint',
              async () => (await create({ variables: { input } })).data?.createWebhookEndpoint,
              (payload) =>
                payload.webhookEndpoint && payload.secret
                  ? { saved: payload.webhookEndpoint, secret: payload.secret }
                  : null,
            ),
      done: ({ saved, secret }) => onSaved(saved, secret),
    };
  });

  const title = endpoint
    ? t('endpointForm.editHeading', { url: endpoint.url })
    : t('endpointForm.createHeading');
  return (
    <Dialog titleId={`${idPrefix}-title`} title={title} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <RequiredNote />
        <FormAlert ref={alertRef} messages={formErrors} />
        <Field
          id={`${idPrefix}-url`}
          name="url"
          label={t('endpointForm.url')}
          hint={t('endpointForm.urlHint')}
          required
          error={errors.url}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus
              type="url"
              inputMode="url"
              className="input"
              autoComplete="off"
              spellCheck={false}
              maxLength={WEBHOOK_URL_MAX}
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                clear('url');
              }}
            />
          )}
        </Field>
        <Field
          id={`${idPrefix}-description`}
          name="description"
          label={t('endpointForm.description')}
          hint={t('endpointForm.descriptionHint')}
          error={errors.description}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              maxLength={LIMITS.webhookDescription}
              value={description}
              onChange={(event) => {
                setDescription(event.target.value);
                clear('description');
              }}
            />
          )}
        </Field>
        <CheckboxGroup
          id={`${idPrefix}-events`}
          legend={t('endpointForm.events')}
          hint={[
            t('endpointForm.eventsHint'),
            withheld
              ? t('endpointForm.invoicesOnlyPaymentAdmin', {
                  paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
                })
              : null,
          ]
            .filter(Boolean)
            .join(' ')}
          error={errors.events}
          groups={eventGroups(offered).map(({ group, events: inGroup }) => ({
            label: group ? t(`webhookEventGroups.${group}`) : undefined,
            options: inGroup.map((type) => ({ value: type, label: t(`webhookEvents.${type}`) })),
          }))}
          selected={events}
          onToggle={(type, checked) => {
            setEvents((current) =>
              checked
                ? [...current, type as WebhookEventType]
                : current.filter((chosen) => chosen !== type),
            );
            clear('events');
          }}
        />
        <div className="checkbox-field">
          <input
            id={`${idPrefix}-enabled`}
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          <label htmlFor={`${idPrefix}-enabled`}>{t('endpointForm.enabled')}</label>
        </div>
        <div className="dialog-actions">
          <SubmitButton
            sending={creating.loading || updating.loading}
            label={endpoint ? t('endpointForm.save') : t('endpointForm.create')}
            sendingLabel={t('endpointForm.sending')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('integrations.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
