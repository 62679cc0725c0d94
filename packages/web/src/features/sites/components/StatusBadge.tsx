import { useTranslation } from '../../../lib/useTranslation';

/** "Active" or "Deactivated", in words (the colour only repeats them). */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('sites');
  return (
    <span className={active ? 'badge badge-active' : 'badge badge-inactive'}>
      {active ? t('sites.status.active') : t('sites.status.inactive')}
    </span>
  );
}
