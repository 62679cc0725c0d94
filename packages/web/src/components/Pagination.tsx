import './pagination.css';
import { useTranslation } from '../lib/useTranslation';

interface PaginationProps {
  /** names the navigation landmark, e.g. "Pages of people" */
  label: string;
  pageIndex: number;
  pageSize: number;
  shown: number;
  total: number;
  hasNextPage: boolean;
  onPrevious(): void;
  onNext(): void;
}

/** "21–40 of 57", Previous, Next: keyset pages, one at a time. */
export function Pagination({
  label,
  pageIndex,
  pageSize,
  shown,
  total,
  hasNextPage,
  onPrevious,
  onNext,
}: PaginationProps) {
  const { t } = useTranslation('lists');
  if (total <= pageSize && pageIndex === 0) return null;
  const from = pageIndex * pageSize + 1;
  return (
    <nav aria-label={label} className="pagination">
      <p>
        {t('lists.pagination.range', {
          from: shown ? from : 0,
          to: shown ? from + shown - 1 : 0,
          total,
        })}
      </p>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={pageIndex === 0}
          onClick={onPrevious}
        >
          {t('lists.pagination.previous')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!hasNextPage}
          onClick={onNext}
        >
          {t('lists.pagination.next')}
        </button>
      </div>
    </nav>
  );
}
