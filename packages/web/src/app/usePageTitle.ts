import { useLayoutEffect } from 'react';
import { useTranslation } from '../lib/useTranslation';

/** Names the browser tab after the page, in the current language. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.pageTitle', { page });
  // With the page's content, not a moment later: the tab and the heading change together.
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);
}
