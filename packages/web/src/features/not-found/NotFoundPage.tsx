import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.heading'));
  return (
    <article className="page">
      <h1>{t('notFound.heading')}</h1>
      <p className="lead">{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.homeLink')}</Link>
      </p>
    </article>
  );
}
