import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount, numberFormat } from '../../../lib/intl-formats';
import { progressRatio } from '../import-stream';

/** How far the import is, as a bar and in words (announced as it changes). */
export function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const ratio = progressRatio(processed, total);
  return (
    <div className="import-progress">
      <label htmlFor="import-progress" className="field-label">
        {t('sites.import.progressLabel')}
      </label>
      <progress id="import-progress" max={Math.max(total, 1)} value={total > 0 ? processed : 1}>
        {numberFormat(locale, { style: 'percent' }).format(ratio)}
      </progress>
      <p className="import-progress-text" aria-live="polite">
        {t('sites.import.progress', {
          processed: formatCount(processed, locale),
          total: formatCount(total, locale),
        })}
      </p>
    </div>
  );
}
