import { useApolloClient } from '@apollo/client/react';
import {
  ENTRY_USER_CSV_COLUMNS,
  ENTRY_USER_CSV_REQUIRED_COLUMNS,
  ENTRY_USER_IMPORT_MAX_BYTES,
  ENTRY_USER_IMPORT_MAX_ROWS,
} from '@entry/shared';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';
import { ViewerQuery } from '../../../app/operations';
import { formatCount } from '../../../lib/intl-formats';
import {
  importRefusalOf,
  progressRatio,
  readImportStream,
  readPreviewStream,
  type ImportedRow,
} from '../import-stream';
import { SITE_QUERIES, useRefetchOnScreen } from '../useRefetchOnScreen';
import { numberFormat } from '../../../lib/intl-formats';

/** Rows with problems shown in the preview; the counts say how many there are in all. */
export const PROBLEM_ROWS_SHOWN = 100;

export const TEMPLATE_URL = '/api/entry-users-template.csv';

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

interface Preview {
  totalRows: number;
  validCount: number;
  invalidCount: number;
  userErrors: { message: string }[];
  rows: ImportedRow[];
}

type Stage =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; fileName: string; file: File; preview: Preview }
  | {
      step: 'importing';
      fileName: string;
      file: File;
      preview: Preview;
      processed: number;
      total: number;
    }
  | { step: 'done'; fileName: string; imported: number; skipped: ImportedRow[]; total: number };

interface ImportEntryUsersProps {
  siteId: string;
  /** a deactivated site takes no new users */
  siteActive: boolean;
}

/**
 * CSV import: choose a file, see what importing it would do (the preview route: nothing is
 * written), then import the valid rows in one transaction through the import route, whose
 * NDJSON answer drives a progress bar. Both stream the file: GraphQL takes only 128 KB.
 */
export function ImportEntryUsers({ siteId, siteActive }: ImportEntryUsersProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const client = useApolloClient();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [errors, setErrors] = useState<string[]>([]);
  // A new input after each file, so choosing the same file again is a change too.
  const [inputKey, setInputKey] = useState(0);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const refetchOnScreen = useRefetchOnScreen(SITE_QUERIES);
  const ids = useId();
  const fileId = `${ids}-file`;

  function fail(messages: string[]) {
    flushSync(() => setErrors(messages));
    errorRef.current?.focus();
  }

  /** The words for a refused file (the server's, else ours); a signed-out person is told so. */
  async function refusalMessages(response: Response): Promise<string[]> {
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

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setErrors([]);
    if (file.size > ENTRY_USER_IMPORT_MAX_BYTES) {
      fail([t('sites.import.tooLarge')]);
      return;
    }
    setStage({ step: 'checking', fileName: file.name });
    try {
      const response = await postFile(`${importUrl(siteId)}/preview`, file, locale);
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

  const count = (value: number) => formatCount(value, locale);

  return (
    <section aria-labelledby="import-heading" className="site-section">
      <h2 id="import-heading">{t('sites.import.heading')}</h2>
      <p>{t('sites.import.intro')}</p>
      <ul className="csv-columns">
        {ENTRY_USER_CSV_COLUMNS.map((column) => (
          <li key={column}>
            <code>{column}</code>{' '}
            <span className="muted">
              (
              {ENTRY_USER_CSV_REQUIRED_COLUMNS.includes(column)
                ? t('sites.import.required')
                : t('sites.import.optional')}
              )
            </span>
          </li>
        ))}
      </ul>
      <p>{t('sites.import.rules')}</p>
      <p>
        <a href={TEMPLATE_URL} download="entry-users-template.csv">
          {t('sites.import.template')}
        </a>
      </p>

      {errors.length > 0 && (
        <div ref={errorRef} className="banner banner-error" role="alert" tabIndex={-1}>
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}

      {siteActive && (stage.step === 'choose' || stage.step === 'checking') && (
        <div className="field import-file">
          <label htmlFor={fileId} className="field-label">
            {t('sites.import.fileLabel')}
          </label>
          <p id={`${fileId}-hint`} className="field-hint">
            {t('sites.import.fileHint', {
              max: count(ENTRY_USER_IMPORT_MAX_ROWS),
            })}
          </p>
          <input
            key={inputKey}
            id={fileId}
            type="file"
            accept=".csv,.txt,text/csv"
            className="file-input"
            aria-describedby={`${fileId}-hint`}
            disabled={stage.step === 'checking'}
            onChange={(event) => void choose(event)}
          />
          {stage.step === 'checking' && (
            <p className="status" role="status">
              {t('sites.import.checking')}
            </p>
          )}
        </div>
      )}

      {(stage.step === 'preview' || stage.step === 'importing') && (
        <div className="import-preview">
          <h3 ref={previewHeadingRef} tabIndex={-1} className="focus-target">
            {t('sites.import.previewHeading', { file: stage.fileName })}
          </h3>
          {stage.preview.userErrors.length > 0 ? (
            <div className="banner banner-error">
              {stage.preview.userErrors.map((problem) => (
                <p key={problem.message}>{problem.message}</p>
              ))}
            </div>
          ) : (
            <>
              <p className="import-summary">
                {t('sites.import.summary', {
                  total: count(stage.preview.totalRows),
                  valid: count(stage.preview.validCount),
                  invalid: count(stage.preview.invalidCount),
                })}
              </p>
              {stage.preview.invalidCount === 0 ? (
                <p>{t('sites.import.allValid')}</p>
              ) : stage.preview.validCount === 0 ? (
                <p>{t('sites.import.nothingValid')}</p>
              ) : null}
              <ProblemRows
                id="import-problems"
                caption={t('sites.import.problemsCaption')}
                rows={stage.preview.rows.filter((row) => !row.valid)}
                total={stage.preview.invalidCount}
              />
            </>
          )}
          {stage.step === 'importing' ? (
            <ImportProgress processed={stage.processed} total={stage.total} />
          ) : (
            <div className="form-actions">
              {stage.preview.userErrors.length === 0 && stage.preview.validCount > 0 && (
                <button type="button" className="button" onClick={() => void runImport()}>
                  {t('sites.import.submit', { count: count(stage.preview.validCount) })}
                </button>
              )}
              <button type="button" className="button button-secondary" onClick={reset}>
                {t('sites.import.another')}
              </button>
            </div>
          )}
        </div>
      )}

      {stage.step === 'done' && (
        <div className="import-result">
          <ImportProgress processed={stage.total} total={stage.total} />
          <div ref={resultRef} className="banner banner-success" role="status" tabIndex={-1}>
            <p className="banner-title">{t('sites.import.doneHeading')}</p>
            <p>{t('sites.import.done', { imported: count(stage.imported) })}</p>
            {stage.skipped.length > 0 && (
              <p>{t('sites.import.skipped', { count: count(stage.skipped.length) })}</p>
            )}
          </div>
          {stage.skipped.length > 0 && (
            <ProblemRows
              id="import-skipped"
              caption={t('sites.import.skippedCaption')}
              rows={stage.skipped}
              total={stage.skipped.length}
            />
          )}
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={reset}>
              {t('sites.import.another')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const { t, i18n } = useTranslation();
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

interface ProblemRowsProps {
  id: string;
  caption: string;
  rows: readonly ImportedRow[];
  /** how many there are in all (only the first PROBLEM_ROWS_SHOWN are listed) */
  total: number;
}

/** Rows of the file with what is wrong with each, by line number. */
export function ProblemRows({ id, caption, rows, total }: ProblemRowsProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, PROBLEM_ROWS_SHOWN);
  return (
    <>
      <div className="table-wrap">
        <table id={id} className="table responsive-table problem-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('sites.import.line')}
              </th>
              <th scope="col">{t('sites.users.name')}</th>
              <th scope="col">{t('sites.users.email')}</th>
              <th scope="col">{t('sites.users.apartment')}</th>
              <th scope="col">{t('sites.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line}>
                <th scope="row" className="numeric" data-label={t('sites.import.line')}>
                  {row.line}
                </th>
                <td data-label={t('sites.users.name')}>
                  {`${row.firstName} ${row.lastName}`.trim()}
                </td>
                <td data-label={t('sites.users.email')} className="break">
                  {row.email}
                </td>
                <td data-label={t('sites.users.apartment')}>{row.apartment}</td>
                <td data-label={t('sites.import.problems')}>
                  <ul className="problem-list">
                    {row.problems.map((problem, index) => (
                      <li key={index}>
                        {problem.field && problem.field.length > 2 && (
                          <>
                            <code>{problem.field[problem.field.length - 1]}</code>{' '}
                          </>
                        )}
                        {problem.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > shown.length && (
        <p className="muted">
          {t('sites.import.moreProblems', {
            shown: formatCount(shown.length, locale),
            total: formatCount(total, locale),
          })}
        </p>
      )}
    </>
  );
}
