import { useId, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import type { AccessLevelCode } from '@entry/shared';
import { personActions, type PolicyViewer } from '../people-policy';
import { usePersonCommand, type Outcome, type PersonCommand } from './usePersonCommand';

interface PersonRowActionsProps {
  person: {
    id: string;
    email: string;
    status: string;
    accessLevel: { code: AccessLevelCode };
  };
  name: string;
  viewer: PolicyViewer;
  onDone: (outcome: Outcome) => void;
}

/**
 * A person's commands, only those the viewer may use (the shared rights table; the server
 * checks again). Removing (or revoking an invitation) asks first, in the row.
 */
export function PersonRowActions({ person, name, viewer, onDone }: PersonRowActionsProps) {
  const { t } = useTranslation('people');
  const run = usePersonCommand();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<PersonCommand | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const actions = personActions(viewer, {
    id: person.id,
    level: person.accessLevel.code,
    status: person.status,
  });
  const invited = person.status === 'INVITED';

  async function perform(command: PersonCommand) {
    setBusy(command);
    const outcome = await run(command, person, name);
    setBusy(null);
    setConfirming(false);
    onDone(outcome);
  }

  function askToRemove() {
    flushSync(() => setConfirming(true));
    confirmRef.current?.focus();
  }

  function cancelRemove() {
    flushSync(() => setConfirming(false));
    removeRef.current?.focus();
  }

  if (confirming) {
    return (
      <ConfirmRemovePerson
        name={name}
        invited={invited}
        busy={busy}
        confirmRef={confirmRef}
        onConfirm={() => void perform('remove')}
        onCancel={cancelRemove}
      />
    );
  }

  const commandButton = (command: 'resend' | 'disable' | 'enable') => (
    <li>
      <button
        type="button"
        className="action-button"
        disabled={busy !== null}
        aria-label={t(`people.actions.${command}Named`, { name })}
        onClick={() => void perform(command)}
      >
        {busy === command ? t('people.actions.working') : t(`people.actions.${command}`)}
      </button>
    </li>
  );

  return (
    <ul className="row-actions" aria-label={t('people.actions.label', { name })}>
      {actions.edit && (
        <li>
          <Link
            to={`/administrator/people/${encodeURIComponent(person.id)}`}
            className="action-button"
            aria-label={t('people.actions.editNamed', { name })}
          >
            {t('people.actions.edit')}
          </Link>
        </li>
      )}
      {actions.resendInvitation && commandButton('resend')}
      {actions.disable && commandButton('disable')}
      {actions.enable && commandButton('enable')}
      {actions.remove && (
        <li>
          <button
            ref={removeRef}
            type="button"
            className="action-button action-danger"
            disabled={busy !== null}
            aria-label={
              invited
                ? t('people.actions.revokeNamed', { name })
                : t('people.actions.removeNamed', { name })
            }
            onClick={askToRemove}
          >
            {invited ? t('people.actions.revoke') : t('people.actions.remove')}
          </button>
        </li>
      )}
    </ul>
  );
}

interface ConfirmRemovePersonProps {
  name: string;
  /** an invitation not yet accepted is revoked rather than a person removed */
  invited: boolean;
  busy: PersonCommand | null;
  confirmRef: Ref<HTMLButtonElement>;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Remove Sven Site?" in the row, with the confirming button and Cancel. */
export function ConfirmRemovePerson({
  name,
  invited,
  busy,
  confirmRef,
  onConfirm,
  onCancel,
}: ConfirmRemovePersonProps) {
  const { t } = useTranslation('people');
  const questionId = useId();
  return (
    <div role="group" aria-labelledby={questionId} className="confirm-remove">
      <p id={questionId}>
        {invited
          ? t('people.actions.confirmRevoke', { name })
          : t('people.actions.confirmRemove', { name })}
      </p>
      <div className="row-actions">
        <button
          ref={confirmRef}
          type="button"
          className="action-button action-danger"
          disabled={busy !== null}
          onClick={onConfirm}
        >
          {busy === 'remove'
            ? t('people.actions.working')
            : invited
              ? t('people.actions.confirmRevokeButton')
              : t('people.actions.confirmRemoveButton')}
        </button>
        <button type="button" className="action-button" disabled={busy !== null} onClick={onCancel}>
          {t('people.actions.cancel')}
        </button>
      </div>
    </div>
  );
}
