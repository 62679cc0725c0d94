import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@entry/shared';
import { useState } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { DeactivateSiteMutation, ReactivateSiteMutation } from '../dialog-operations';
import { hasErrorCode, siteErrorText } from '../site-errors';
import { SITE_QUERIES, useRefetchOnScreen } from '../useRefetchOnScreen';
import { ConfirmDialog } from '../../../components/Dialog';

interface SiteStatusDialogProps {
  site: { id: string; name: string; active: boolean };
  onClose: () => void;
  /** the change is saved: the words to tell the person */
  onDone: (message: string) => void;
}

/** Deactivate (billing stops from the next day) or reactivate a site, after asking. */
export function SiteStatusDialog({ site, onClose, onDone }: SiteStatusDialogProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const [error, setError] = useState<string | null>(null);
  const refetchQueries = useRefetchOnScreen(SITE_QUERIES);
  const [deactivate, deactivating] = useMutation(DeactivateSiteMutation, { refetchQueries });
  const [reactivate, reactivating] = useMutation(ReactivateSiteMutation, { refetchQueries });
  const busy = deactivating.loading || reactivating.loading;
  const action = site.active ? 'deactivate' : 'reactivate';

  async function confirm() {
    if (busy) return;
    try {
      const variables = { id: site.id };
      const payload = site.active
        ? (await deactivate({ variables })).data?.deactivateSite
        : (await reactivate({ variables })).data?.reactivateSite;
      if (!payload) throw new Error(`${action}Site answered without a payload`);
      if (payload.userErrors.length > 0 || !payload.site) {
        setError(
          payload.userErrors.map((problem) => siteErrorText(problem, locale)).join(' ') ||
            t('sites.messages.requestFailed'),
        );
        return;
      }
      onDone(
        site.active
          ? t('sites.messages.deactivated', { name: site.name })
          : t('sites.messages.reactivated', { name: site.name }),
      );
    } catch (caught) {
      if (hasErrorCode(caught, ErrorCode.FORBIDDEN)) {
        setError(t('sites.messages.forbidden'));
        return;
      }
      console.error(`Trying to ${action} site ${site.id} failed`, caught);
      setError(t('sites.messages.requestFailed'));
    }
  }

  return (
    <ConfirmDialog
      titleId={`site-${action}-title`}
      title={t(`sites.${action}.heading`, { name: site.name })}
      body={<p>{t(`sites.${action}.body`)}</p>}
      confirmLabel={t(`sites.${action}.confirm`)}
      busyLabel={t(`sites.${action}.busy`)}
      cancelLabel={t('sites.actions.cancel')}
      busy={busy}
      error={error}
      danger={site.active}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}
