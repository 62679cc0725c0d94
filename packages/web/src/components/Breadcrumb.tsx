import './breadcrumb.css';
import { useTranslation } from '../lib/useTranslation';
import { Link } from '../lib/router';

interface BreadcrumbProps {
  current: string;
  /** the page above this one, on /administrator ("People", "Administrator") */
  parent: string;
}

/** "People > Add new person", as the French note's screen shows above the form. */
export function Breadcrumb({ current, parent }: BreadcrumbProps) {
  const { t } = useTranslation('lists');
  return (
    <nav aria-label={t('lists.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/administrator">{parent}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
