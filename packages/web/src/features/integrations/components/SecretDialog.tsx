import { useId, useRef, useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { useIntegrationsWords } from '../words';

export interface ShownSecret {
  /** the dialog's heading: what the secret is for */
  heading: string;
  /** names the field: "API key" or "Signing secret" */
  label: string;
  secret: string;
  /** what else to know now: how long the previous secret works, how to use this one */
  notes: readonly string[];
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A secret the server shows once (a new API key, a webhook signing secret), in a read-only
 * field with a copy button, and the warning that it will not be shown again. Closing it (the
 * button or Escape) forgets the secret.
 */
export function SecretDialog({ shown, onClose }: { shown: ShownSecret; onClose: () => void }) {
  const { t } = useIntegrationsWords();
  const id = useId();
  const fieldId = `${id}-secret`;
  const noticeId = `${id}-notice`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copySecret() {
    try {
      // Missing where the page is not a secure context, or refused by the browser's settings.
      if (!navigator.clipboard) throw new Error('navigator.clipboard is not available');
      await navigator.clipboard.writeText(shown.secret);
      setCopy('copied');
    } catch (error) {
      console.warn(
        'Copying the secret to the clipboard failed; the field is selected instead',
        error,
      );
      setCopy('failed');
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }

  return (
    <Dialog titleId={`${id}-title`} title={shown.heading} onClose={onClose} describedBy={noticeId}>
      <div className="secret">
        <p id={noticeId} className="banner banner-info secret-notice">
          {t('secret.notice')}
        </p>
        <label htmlFor={fieldId} className="field-label">
          {shown.label}
        </label>
        <div className="secret-row">
          <input
            ref={inputRef}
            id={fieldId}
            className="input secret-value"
            readOnly
            value={shown.secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" data-autofocus onClick={() => void copySecret()}>
            {t('secret.copy')}
          </button>
        </div>
        <p className={copy === 'failed' ? 'field-hint copy-failed' : 'field-hint'} role="status">
          {copy === 'copied' ? t('secret.copied') : copy === 'failed' ? t('secret.copyFailed') : ''}
        </p>
        {shown.notes.map((note) => (
          <p key={note} className="secret-note">
            {note}
          </p>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('secret.done')}
        </button>
      </div>
    </Dialog>
  );
}
