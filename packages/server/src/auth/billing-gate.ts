import { ErrorCode } from '@entry/shared';
import type { CompanyEntity } from '../companies/company.entity';
import { portalError } from '../graphql/errors';

/**
 * What waits until the company has set up billing (the notes' first-login wizard): creating
 * sites, inviting colleagues, changing the payment method. The one place the gate is written;
 * every operation behind it calls this.
 */
export function assertBillingSetUp(company: CompanyEntity): void {
  if (!company.billingSetupComplete) throw portalError(ErrorCode.BILLING_SETUP_REQUIRED);
}
