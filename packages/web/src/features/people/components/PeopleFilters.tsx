import { ACCESS_LEVEL_CODES } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
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
  const { t } = useTranslation('people');
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
      <SelectFilter
        id="people-level"
        label={t('people.filters.level')}
        value={level}
        options={ACCESS_LEVEL_CODES.map((code) => ({ value: code, label: texts.label(code) }))}
        onChange={(value) => onFilter('level', value)}
      />
      <SelectFilter
        id="people-status"
        label={t('people.filters.status')}
        value={status}
        options={PERSON_STATUSES.map((code) => ({ value: code, label: statusLabel(t, code) }))}
        onChange={(value) => onFilter('status', value)}
      />
    </form>
  );
}

interface SelectFilterProps {
  id: string;
  label: string;
  value: string;
  /** after "All" (the empty value) */
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

function SelectFilter({ id, label, value, options, onChange }: SelectFilterProps) {
  const { t } = useTranslation('people');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('people.filters.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
