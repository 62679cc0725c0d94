import { useApolloClient } from '@apollo/client/react';
import { ENTRY_USER_IMPORT_MAX_BYTES } from '@entry/shared';
import { useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { currentLocale } from '../../app/i18n';
import { ViewerQuery } from '../../app/operations';
import type { ImportedRow, ImportPreviewResult } from './import-stream';
import { loadImportStream, loadImportSteps } from './import-steps';
import { SITE_QUERIES, useRefetchOnScreen } from './useRefetchOnScreen';

export function importUrl(siteId: string): string {
  return `/api/sites/${encodeURIComponent(siteId)}/entry-users/import`;
}

/** Sends the file as it is on disk: the browser streams it, the server reads it as it comes. */
function postFile(url: string, file: File, locale: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      accept: 'application/x-ndjson, application/json',
      'accept-language': locale,
    },
    body: file,
  });
}

/** Where the focus goes: the errors, the preview's heading, the result. */
export interface ImportFocus {
  errorRef: RefObject<HTMLDivElement | null>;
  previewHeadingRef: RefObject<HTMLHeadingElement | null>;
  resultRef: RefObject<HTMLDivElement | null>;
}

export type ImportStage =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; fileName: string; file: File; preview: ImportPreviewResult }
  | {
      step: 'importing';
      fileName: string;
      file: File;
      preview: ImportPreviewResult;
      processed: number;
      total: number;
    }
  | { step: 'done'; fileName: string; imported: number; skipped: ImportedRow[]; total: number };

/**
 * The CSV import's steps: choose a file, see what importing it would do (the preview route:
 * nothing is written), then import the valid rows in one transaction through the import route,
 * whose NDJSON answer drives the progress. Both stream the file: GraphQL takes only 128 KB.
 * Each step's result takes the focus: the elements of `focus`, once rendered.
 */
export function useEntryUserImport(siteId: string, focus: ImportFocus) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const client = useApolloClient();
  const [stage, setStage] = useState<ImportStage>({ step: 'choose' });
  const [errors, setErrors] = useState<string[]>([]);
  // A new input after each file, so choosing the same file again is a change too.
  const [inputKey, setInputKey] = useState(0);
  const { previewHeadingRef, resultRef, errorRef } = focus;
  const refetchOnScreen = useRefetchOnScreen(SITE_QUERIES);

  function fail(messages: string[]) {
    flushSync(() => setErrors(messages));
    errorRef.current?.focus();
  }

  /** The words for a refused file (the server's, else ours); a signed-out person is told so. */
  async function refusalMessages(response: Response): Promise<string[]> {
    const { importRefusalOf } = await loadImportStream();
    const refusal = importRefusalOf(response.status, await response.json().catch(() => null));
    if (refusal.signedOut) {
      void client.refetchQueries({ include: [ViewerQuery] });
      return [t('sites.import.signedOut')];
    }
    return refusal.messages.length ? refusal.messages : [t('sites.import.failed')];
  }

  function reset() {
    setStage({ step: 'choose' });
    setErrors([]);
    setInputKey((key) => key + 1);
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    setErrors([]);
    if (file.size > ENTRY_USER_IMPORT_MAX_BYTES) {
      fail([t('sites.import.tooLarge')]);
      return;
    }
    setStage({ step: 'checking', fileName: file.name });
    try {
      // the next steps' code comes while the server checks the file
      const [{ readPreviewStream }, response] = await Promise.all([
        loadImportSteps(),
        postFile(`${importUrl(siteId)}/preview`, file, locale),
      ]);
      if (!response.ok || !response.body) {
        setStage({ step: 'choose' });
        fail(await refusalMessages(response));
        return;
      }
      const preview = await readPreviewStream(response.body);
      flushSync(() => setStage({ step: 'preview', fileName: file.name, file, preview }));
      previewHeadingRef.current?.focus();
    } catch (error) {
      console.error(`Checking the import file ${file.name} failed`, error);
      setStage({ step: 'choose' });
      fail([t('sites.messages.requestFailed')]);
    }
  }

  async function runImport() {
    if (stage.step !== 'preview') return;
    const { fileName, file, preview } = stage;
    setErrors([]);
    setStage({ ...stage, step: 'importing', processed: 0, total: preview.totalRows });
    const backToPreview = (messages: string[]) => {
      setStage({ step: 'preview', fileName, file, preview });
      fail(messages);
    };
    try {
      const response = await postFile(importUrl(siteId), file, locale);
      if (!response.ok || !response.body) {
        backToPreview(await refusalMessages(response));
        return;
      }
      const { readImportStream } = await loadImportStream();
      const outcome = await readImportStream(response.body, (event) => {
        if (event.kind === 'progress')
          setStage((current) =>
            current.step === 'importing'
              ? { ...current, processed: event.processed, total: event.total }
              : current,
          );
      });
      if (outcome.error || outcome.userErrors.length > 0) {
        if (outcome.error) console.error('The import failed on the server', outcome.error);
        backToPreview([
          ...outcome.userErrors.map((problem) => problem.message),
          t('sites.import.failed'),
        ]);
        return;
      }
      flushSync(() =>
        setStage({
          step: 'done',
          fileName,
          imported: outcome.imported,
          skipped: outcome.skipped,
          total: preview.totalRows,
        }),
      );
      resultRef.current?.focus();
      void client.refetchQueries({ include: refetchOnScreen() });
    } catch (error) {
      console.error(`Importing ${fileName} into site ${siteId} failed`, error);
      backToPreview([t('sites.import.failed')]);
    }
  }

  return { stage, errors, inputKey, choose, runImport, reset };
}
