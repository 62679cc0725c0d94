import type { Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount } from '../../../lib/intl-formats';
import type { ImportedRow } from '../import-stream';
import { ImportProgress } from './ImportProgress';
import { ProblemRows } from './ProblemRows';

interface ImportResultProps {
  imported: number;
  skipped: readonly ImportedRow[];
  /** the rows in the file */
  total: number;
  onAnother: () => void;
  /** the message, which takes the focus when the import is done */
  resultRef: Ref<HTMLDivElement>;
}

/** The import is done: how many were imported, and the rows skipped with why. */
export function ImportResult({
  imported,
  skipped,
  total,
  onAnother,
  resultRef,
}: ImportResultProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  return (
    <div className="import-result">
      <ImportProgress processed={total} total={total} />
      <div ref={resultRef} className="banner banner-success" role="status" tabIndex={-1}>
        <p className="banner-title">{t('sites.import.doneHeading')}</p>
        <p>{t('sites.import.done', { imported: formatCount(imported, locale) })}</p>
        {skipped.length > 0 && (
          <p>{t('sites.import.skipped', { count: formatCount(skipped.length, locale) })}</p>
        )}
      </div>
      {skipped.length > 0 && (
        <ProblemRows
          id="import-skipped"
          caption={t('sites.import.skippedCaption')}
          rows={skipped}
          total={skipped.length}
        />
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t('sites.import.another')}
        </button>
      </div>
    </div>
  );
}
