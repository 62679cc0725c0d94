import type { AccessLevelRights } from '@entry/shared';
import { BillingSetupNotice } from '../sites/components/BillingSetupNotice';

interface HomeBillingNoticeProps {
  /** the person's rights; null while not known */
  rights: AccessLevelRights | null;
  billingSetupComplete: boolean;
}

/**
 * Home's word on why no site can be added yet, for the levels that add sites: shown from the
 * page's first answer while the dashboard loads (HomePage), then from the current access
 * (Dashboard). Often the page's largest text, so it should not wait for Apollo Client.
 */
export function HomeBillingNotice({ rights, billingSetupComplete }: HomeBillingNoticeProps) {
  if (!rights?.allSites || billingSetupComplete) return null;
  return <BillingSetupNotice canFinish={rights.payments} />;
}
