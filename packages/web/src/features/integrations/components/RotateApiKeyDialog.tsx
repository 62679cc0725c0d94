import { useMutation } from '@apollo/client/react';
import {
  API_KEY_DEFAULT_OVERLAP_HOURS,
  apiKeyOverlapHours,
  LIMITS,
  UserErrorCode,
} from '@entry/shared';
import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { Field, FormAlert, SubmitButton } from '../../../components/form';
import { RotateApiKeyMutation } from '../dialog-operations';
import { send } from '../send';
import { useMutationForm } from '../useMutationForm';
import { useIntegrationsWords } from '../words';

const FIELDS = ['overlapHours'] as const;
const ID = 'rotate-api-key';

interface RotateApiKeyDialogProps {
  apiKey: { id: string; name: string };
  onClose: () => void;
  onRotated: (secret: string, overlapHours: number) => void;
}

/** rotateApiKey: a new secret, the current one kept working for the overlap chosen. */
export function RotateApiKeyDialog({ apiKey, onClose, onRotated }: RotateApiKeyDialogProps) {
  const { t } = useIntegrationsWords();
  const [overlap, setOverlap] = useState(String(API_KEY_DEFAULT_OVERLAP_HOURS));
  const { errors, formErrors, alertRef, clear, submitter } = useMutationForm(
    FIELDS,
    () => `${ID}-overlapHours`,
  );
  // The answer's key (new prefix) replaces the cached row by its id.
  const [rotate, { loading }] = useMutation(RotateApiKeyMutation);

  const submit = submitter(() => {
    // an empty field is no number (Number('') would be 0: the old secret stopped at once)
    const hours = apiKeyOverlapHours(overlap.trim() === '' ? Number.NaN : Number(overlap));
    return {
      sending: loading,
      check: () =>
        hours === null ? [{ field: ['overlapHours'], code: UserErrorCode.INVALID }] : [],
      send: () =>
        send(
          `Rotating API key ${apiKey.id}`,
          async () =>
            (await rotate({ variables: { id: apiKey.id, overlapHours: hours } })).data
              ?.rotateApiKey,
          (payload) => payload.secret,
        ),
      done: (secret) => onRotated(secret, hours ?? 0),
    };
  });

  const bodyId = `${ID}-body`;
  return (
    <Dialog
      titleId={`${ID}-title`}
      title={t('apiKeyRotate.heading', { name: apiKey.name })}
      onClose={onClose}
      describedBy={bodyId}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p id={bodyId} className="dialog-body">
          {t('apiKeyRotate.body')}
        </p>
        <FormAlert ref={alertRef} messages={formErrors} />
        <Field
          id={`${ID}-overlapHours`}
          name="overlapHours"
          label={t('apiKeyRotate.overlap')}
          hint={t('apiKeyRotate.overlapHint', { max: LIMITS.apiKeyOverlapHoursMax })}
          required
          error={errors.overlapHours}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus
              type="number"
              inputMode="numeric"
              min={0}
              max={LIMITS.apiKeyOverlapHoursMax}
              step={1}
              className="input input-number"
              value={overlap}
              onChange={(event) => {
                setOverlap(event.target.value);
                clear('overlapHours');
              }}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <SubmitButton
            sending={loading}
            label={t('apiKeyRotate.submit')}
            sendingLabel={t('apiKeyRotate.sending')}
          />
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('integrations.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
