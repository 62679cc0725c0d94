import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatCount } from '../../../lib/intl-formats';
import type { ImportedRow } from '../import-stream';

/** Rows with problems shown in the preview; the counts say how many there are in all. */
export const PROBLEM_ROWS_SHOWN = 100;

interface ProblemRowsProps {
  id: string;
  caption: string;
  rows: readonly ImportedRow[];
  /** how many there are in all (only the first PROBLEM_ROWS_SHOWN are listed) */
  total: number;
}

/** Rows of the file with what is wrong with each, by line number. */
export function ProblemRows({ id, caption, rows, total }: ProblemRowsProps) {
  const { t, i18n } = useTranslation('sites');
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
