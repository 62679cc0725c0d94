import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { personName } from '../format';
import { RemoveEntryUserMutation } from '../dialog-operations';
import { siteErrorText } from '../site-errors';
import { SITE_QUERIES, useRefetchOnScreen } from '../useRefetchOnScreen';
import { ConfirmDialog, Dialog } from '../../../components/Dialog';
import { EntryUserForm, type EntryUserValues } from './EntryUserForm';

interface EditEntryUserDialogProps {
  siteId: string;
  user: EntryUserValues;
  onClose: () => void;
  /** saved, under this name */
  onSaved: (name: string) => void;
}

/** The Entry app user's details in a dialog, saved with updateEntryUser. */
export function EditEntryUserDialog({ siteId, user, onClose, onSaved }: EditEntryUserDialogProps) {
  const { t } = useTranslation('sites');
  return (
    <Dialog
      titleId="edit-user-title"
      title={t('sites.users.editHeading', { name: personName(user) })}
      onClose={onClose}
    >
      <EntryUserForm
        idPrefix="edit-user"
        siteId={siteId}
        user={user}
        onCancel={onClose}
        onSaved={onSaved}
      />
    </Dialog>
  );
}

interface RemoveEntryUserDialogProps {
  user: { id: string; firstName: string; lastName: string };
  onCancel: () => void;
  /** removed: the words to tell the person */
  onRemoved: (message: string) => void;
}

/** "Remove Anna Berg?": removeEntryUser once confirmed; a refusal stays in the dialog. */
export function RemoveEntryUserDialog({ user, onCancel, onRemoved }: RemoveEntryUserDialogProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const [error, setError] = useState<string | null>(null);
  const [remove, removal] = useMutation(RemoveEntryUserMutation, {
    refetchQueries: useRefetchOnScreen(SITE_QUERIES),
  });
  const name = personName(user);

  async function confirm() {
    if (removal.loading) return;
    try {
      const { data } = await remove({ variables: { id: user.id } });
      const payload = data?.removeEntryUser;
      if (!payload) throw new Error('removeEntryUser answered without a payload');
      if (payload.userErrors.length > 0) {
        setError(payload.userErrors.map((problem) => siteErrorText(problem, locale)).join(' '));
        return;
      }
      onRemoved(t('sites.users.removed', { name }));
    } catch (caught) {
      console.error(`Removing Entry app user ${user.id} failed`, caught);
      setError(t('sites.messages.requestFailed'));
    }
  }

  return (
    <ConfirmDialog
      titleId="remove-user-title"
      title={t('sites.users.removeHeading', { name })}
      body={<p>{t('sites.users.removeBody', { name })}</p>}
      confirmLabel={t('sites.users.removeConfirm')}
      busyLabel={t('sites.users.removing')}
      cancelLabel={t('sites.users.cancel')}
      busy={removal.loading}
      error={error}
      danger
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    />
  );
}
