import { ErrorCode } from '@entry/shared';
import { CompanyStatus, type CompanyEntity } from '../companies/company.entity';
import { portalError } from '../graphql/errors';
import type { Viewer } from './viewer';

/**
 * What waits until the company has set up billing (the notes' first-login wizard): creating
 * sites, inviting colleagues, changing the payment method. The one place the gate is written;
 * every operation behind it calls this.
 */
export function assertBillingSetUp(company: CompanyEntity): void {
  if (!company.billingSetupComplete) throw portalError(ErrorCode.BILLING_SETUP_REQUIRED);
}

/**
 * What a suspended company may not do until nothing is overdue: grow (createSite, addEntryUser,
 * importEntryUsers and its CSV route, invitePerson). Everything else keeps working, the payment
 * first, and the residents' Entry app never stops. The one place the gate is written.
 */
export function assertMayGrow(company: Pick<CompanyEntity, 'status'>): void {
  if (company.status === CompanyStatus.SUSPENDED) throw portalError(ErrorCode.ACCOUNT_SUSPENDED);
}

/** assertMayGrow for whoever asks: a person's or a key's company (operators have none). */
export function assertViewerMayGrow(viewer: Viewer | null): void {
  if (viewer?.kind === 'person' || viewer?.kind === 'apiKey') assertMayGrow(viewer.company);
}
