import { useRef } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { ImportPreview, ImportResult } from '../import-steps';
import { useEntryUserImport } from '../useEntryUserImport';
import { ImportFileStep } from './ImportFileStep';
import { ImportInstructions } from './ImportInstructions';

interface ImportEntryUsersProps {
  siteId: string;
  /** a deactivated site takes no new users */
  siteActive: boolean;
}

/**
 * CSV import, in steps (`useEntryUserImport`): choose a file, see what importing it would do,
 * import the valid rows with a progress bar, and the result.
 */
export function ImportEntryUsers({ siteId, siteActive }: ImportEntryUsersProps) {
  const { t } = useTranslation('sites');
  const errorRef = useRef<HTMLDivElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const { stage, errors, inputKey, choose, runImport, reset } = useEntryUserImport(siteId, {
    errorRef,
    previewHeadingRef,
    resultRef,
  });
  return (
    <section aria-labelledby="import-heading" className="site-section">
      <h2 id="import-heading">{t('sites.import.heading')}</h2>
      <ImportInstructions />

      {errors.length > 0 && (
        <div ref={errorRef} className="banner banner-error" role="alert" tabIndex={-1}>
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}

      {siteActive && (stage.step === 'choose' || stage.step === 'checking') && (
        <ImportFileStep
          key={inputKey}
          checking={stage.step === 'checking'}
          onFile={(file) => void choose(file)}
        />
      )}

      {(stage.step === 'preview' || stage.step === 'importing') && (
        <ImportPreview
          fileName={stage.fileName}
          preview={stage.preview}
          progress={stage.step === 'importing' ? stage : null}
          onImport={() => void runImport()}
          onAnother={reset}
          headingRef={previewHeadingRef}
        />
      )}

      {stage.step === 'done' && (
        <ImportResult
          imported={stage.imported}
          skipped={stage.skipped}
          total={stage.total}
          onAnother={reset}
          resultRef={resultRef}
        />
      )}
    </section>
  );
}
