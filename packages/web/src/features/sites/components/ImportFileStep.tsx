import { ENTRY_USER_IMPORT_MAX_ROWS } from '@entry/shared';
import { useId } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount } from '../../../lib/intl-formats';

interface ImportFileStepProps {
  /** the file is being checked: the input waits */
  checking: boolean;
  onFile: (file: File | undefined) => void;
}

/** The import's first step: choose a CSV file (checked at once). */
export function ImportFileStep({ checking, onFile }: ImportFileStepProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const fileId = `${useId()}-file`;
  return (
    <div className="field import-file">
      <label htmlFor={fileId} className="field-label">
        {t('sites.import.fileLabel')}
      </label>
      <p id={`${fileId}-hint`} className="field-hint">
        {t('sites.import.fileHint', { max: formatCount(ENTRY_USER_IMPORT_MAX_ROWS, locale) })}
      </p>
      <input
        id={fileId}
        type="file"
        accept=".csv,.txt,text/csv"
        className="file-input"
        aria-describedby={`${fileId}-hint`}
        disabled={checking}
        onChange={(event) => onFile(event.target.files?.[0])}
      />
      {checking && (
        <p className="status" role="status">
          {t('sites.import.checking')}
        </p>
      )}
    </div>
  );
}
