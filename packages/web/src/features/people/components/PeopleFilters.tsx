import { ACCESS_LEVEL_CODES } from '@entry/shared';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUSES, statusLabel } from '../labels';
import { useAccessLevelTexts } from './AccessLevelField';

interface PeopleFiltersProps {
  text: string;
  onText: (text: string) => void;
  level: string;
  status: string;
  /** '' for all */
  onFilter: (name: 'level' | 'status', value: string) => void;
}

/** Search, and filter by access level and status (each list follows at once). */
export function PeopleFilters({ text, onText, level, status, onFilter }: PeopleFiltersProps) {
  const { t } = useTranslation();
  const texts = useAccessLevelTexts();
  return (
    <form
      className="people-filters"
      role="search"
      aria-label={t('people.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor="people-search" className="field-label">
          {t('people.filters.search')}
        </label>
        <input
          id="people-search"
          className="input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('people.filters.searchHint')}
          value={text}
          onChange={(event) => onText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="people-level" className="field-label">
          {t('people.filters.level')}
        </label>
        <select
          id="people-level"
          className="input"
          value={level}
          onChange={(event) => onFilter('level', event.target.value)}
        >
          <option value="">{t('people.filters.all')}</option>
          {ACCESS_LEVEL_CODES.map((code) => (
            <option key={code} value={code}>
              {texts.label(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="people-status" className="field-label">
          {t('people.filters.status')}
        </label>
        <select
          id="people-status"
          className="input"
          value={status}
          onChange={(event) => onFilter('status', event.target.value)}
        >
          <option value="">{t('people.filters.all')}</option>
          {PERSON_STATUSES.map((code) => (
            <option key={code} value={code}>
              {statusLabel(t, code)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
