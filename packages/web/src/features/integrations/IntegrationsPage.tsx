import { Permission } from '@entry/shared';
import { useEffect } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { INTEGRATIONS_NS } from '../../app/i18n';
import { RequireAccess } from '../../app/RequireAccess';
import { usePageTitle } from '../../app/usePageTitle';
import { NotAllowed } from '../../components/NotAllowed';
import '../../components/section-header.css';
import '../../components/responsive-table.css';
import { ApiKeysSection } from './components/ApiKeysSection';
import { WebhooksSection } from './components/WebhooksSection';
import { preloadIntegrationsParts } from './lazy-parts';
import './integrations.css';

/**
 * /integrations: the partner API's keys and the company's webhook endpoints, for payment and
 * system admins (the permission the API asks for them, from the shared policy). The "endpoint
 * disabled" email links here.
 */
export function IntegrationsPage() {
  const { t } = useTranslation(INTEGRATIONS_NS);
  const heading = t('integrations.heading');
  usePageTitle(heading);
  useEffect(preloadIntegrationsParts, []);
  return (
    <RequireAccess
      permission={Permission.ALL_SITES}
      notAllowed={
        <NotAllowed heading={heading} lead={(levels) => t('integrations.notAllowed', levels)} />
      }
    >
      {({ level }) =>
        level && (
          <article className="page integrations-page">
            <h1>{heading}</h1>
            <p className="lead">{t('integrations.intro')}</p>
            <ApiKeysSection level={level} />
            <WebhooksSection level={level} />
          </article>
        )
      }
    </RequireAccess>
  );
}
