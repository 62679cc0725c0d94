import type { ReactNode, Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';

/** The success message of `useFocusedNotice`, focusable so the focus can go to it. */
export function SuccessNotice({
  notice,
  ref,
}: {
  notice: string | null;
  ref: Ref<HTMLParagraphElement>;
}) {
  if (!notice) return null;
  return (
    <p ref={ref} className="banner banner-success" role="status" tabIndex={-1}>
      {notice}
    </p>
  );
}

interface SearchFormProps {
  /** the input's id; its hint's is `<id>-hint` */
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
  /** the search button, or Enter: search now rather than when typing pauses */
  onSearch: () => void;
}

/** A list's search box with its hint and button. */
export function SearchForm({ id, label, hint, value, onChange, onSearch }: SearchFormProps) {
  const { t } = useTranslation('sites');
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="search-row">
        <input
          id={id}
          type="search"
          className="input"
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="button button-secondary">
          {t('sites.search.submit')}
        </button>
      </div>
    </form>
  );
}

interface GrowingListProps {
  /** "Showing 20 of 57", announced as it changes */
  count: string;
  /** the list is being brought up to date (not by "load more") */
  updating: boolean;
  hasNextPage: boolean;
  /** the "load more" button's label */
  moreLabel: string;
  /** `useLoadMore`'s state and action */
  more: { loadingMore: boolean; loadMore: () => Promise<void> };
  /** the table */
  children: ReactNode;
}

/** A list that grows a page at a time: its count, the table, and the button for more. */
export function GrowingList({
  count,
  updating,
  hasNextPage,
  moreLabel,
  more,
  children,
}: GrowingListProps) {
  const { t } = useTranslation('sites');
  return (
    <>
      <p className="list-count" aria-live="polite">
        {count}
        {updating && !more.loadingMore && (
          <span className="list-updating"> {t('sites.list.updating')}</span>
        )}
      </p>
      {children}
      {hasNextPage && (
        <p className="load-more">
          <button
            type="button"
            className="button button-secondary"
            disabled={more.loadingMore}
            onClick={() => void more.loadMore()}
          >
            {more.loadingMore ? t('sites.list.loadingMore') : moreLabel}
          </button>
        </p>
      )}
    </>
  );
}

interface RowButtonProps {
  label: string;
  /** what the row is about, said after the label to screen readers ("Edit Kungsgatan 12") */
  name: string;
  onClick: () => void;
}

/** A small button in a table row, named with its row for screen readers. */
export function RowButton({ label, name, onClick }: RowButtonProps) {
  return (
    <button type="button" className="button button-small button-secondary" onClick={onClick}>
      {label} <span className="visually-hidden">{name}</span>
    </button>
  );
}
