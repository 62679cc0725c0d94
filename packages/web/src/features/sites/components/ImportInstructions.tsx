import { ENTRY_USER_CSV_COLUMNS, ENTRY_USER_CSV_REQUIRED_COLUMNS } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';

export const TEMPLATE_URL = '/api/entry-users-template.csv';

/** What the import file holds: its columns (which are required), the rules and a template. */
export function ImportInstructions() {
  const { t } = useTranslation('sites');
  return (
    <>
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
    </>
  );
}
