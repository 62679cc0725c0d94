import type { Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount } from '../../../lib/intl-formats';
import type { ImportPreviewResult } from '../import-stream';
import { ImportProgress } from './ImportProgress';
import { ProblemRows } from './ProblemRows';

interface ImportPreviewProps {
  fileName: string;
  preview: ImportPreviewResult;
  /** the import is running: its progress instead of the buttons */
  progress: { processed: number; total: number } | null;
  onImport: () => void;
  onAnother: () => void;
  /** the heading, which takes the focus when the preview arrives */
  headingRef: Ref<HTMLHeadingElement>;
}

/** What importing the file would do (nothing is written yet), and the button that does it. */
export function ImportPreview({
  fileName,
  preview,
  progress,
  onImport,
  onAnother,
  headingRef,
}: ImportPreviewProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const count = (value: number) => formatCount(value, locale);
  return (
    <div className="import-preview">
      <h3 ref={headingRef} tabIndex={-1} className="focus-target">
        {t('sites.import.previewHeading', { file: fileName })}
      </h3>
      {preview.userErrors.length > 0 ? (
        <div className="banner banner-error">
          {preview.userErrors.map((problem) => (
            <p key={problem.message}>{problem.message}</p>
          ))}
        </div>
      ) : (
        <>
          <p className="import-summary">
            {t('sites.import.summary', {
              total: count(preview.totalRows),
              valid: count(preview.validCount),
              invalid: count(preview.invalidCount),
            })}
          </p>
          {preview.invalidCount === 0 ? (
            <p>{t('sites.import.allValid')}</p>
          ) : preview.validCount === 0 ? (
            <p>{t('sites.import.nothingValid')}</p>
          ) : null}
          <ProblemRows
            id="import-problems"
            caption={t('sites.import.problemsCaption')}
            rows={preview.rows.filter((row) => !row.valid)}
            total={preview.invalidCount}
          />
        </>
      )}
      {progress ? (
        <ImportProgress processed={progress.processed} total={progress.total} />
      ) : (
        <div className="form-actions">
          {preview.userErrors.length === 0 && preview.validCount > 0 && (
            <button type="button" className="button" onClick={onImport}>
              {t('sites.import.submit', { count: count(preview.validCount) })}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={onAnother}>
            {t('sites.import.another')}
          </button>
        </div>
      )}
    </div>
  );
}
