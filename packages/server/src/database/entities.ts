import { OneTimeTokenEntity } from '../accounts/one-time-token.entity';
import { OperatorEntity } from '../accounts/operator.entity';
import { RegistrationNoticeEntity } from '../accounts/registration-notice.entity';
import { SignInAttemptEntity } from '../accounts/sign-in-attempt.entity';
import { ApiKeyEntity, ApiKeySiteEntity } from '../api-keys/api-key.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { MailOutboxEntity } from '../mail/mail-outbox.entity';
import { SessionEntity } from '../accounts/session.entity';
import { BillingAccountEntity } from '../billing/billing-account.entity';
import { InvoiceLineUserEntity } from '../billing/invoice-line-user.entity';
import { InvoiceLineEntity } from '../billing/invoice-line.entity';
import { InvoiceSequenceEntity } from '../billing/invoice-sequence.entity';
import { PaymentAttemptEntity } from '../billing/payment-attempt.entity';
import { PaymentDiscrepancyEntity } from '../billing/payment-discrepancy.entity';
import { SandboxCardEntity, SandboxChargeEntity } from '../billing/sandbox-card.entity';
import { WebhookEventEntity } from '../billing/webhook-event.entity';
import { InvoiceEntity } from '../billing/invoice.entity';
import { CompanyEntity } from '../companies/company.entity';
import { AccessLevelEntity } from '../people/access-level.entity';
import { PersonEntity } from '../people/person.entity';
import { RateLimitCounterEntity } from '../rate-limits/rate-limit-counter.entity';
import { EntryUserEntity } from '../sites/entry-user.entity';
import { SiteActivePeriodEntity } from '../sites/site-active-period.entity';
import { SiteAssignmentEntity } from '../sites/site-assignment.entity';
import { SiteEntity } from '../sites/site.entity';
import { SiteTransferEntity } from '../site-transfers/site-transfer.entity';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../webhooks/webhook-endpoint.entity';
import { WebhookMessageEntity } from '../webhooks/webhook-message.entity';
import { MfaChallengeEntity } from '../two-factor/mfa-challenge.entity';
import { RecoveryCodeEntity } from '../two-factor/recovery-code.entity';
import { TotpCredentialEntity } from '../two-factor/totp-credential.entity';
import { JobLeaseEntity } from '../jobs/job-lease.entity';

/** Every table the portal has. Migrations for both databases are generated from this list. */
export const ENTITIES = [
  AccessLevelEntity,
  CompanyEntity,
  PersonEntity,
  OperatorEntity,
  SessionEntity,
  OneTimeTokenEntity,
  SiteEntity,
  SiteAssignmentEntity,
  SiteActivePeriodEntity,
  EntryUserEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceLineUserEntity,
  InvoiceSequenceEntity,
  BillingAccountEntity,
  PaymentAttemptEntity,
  WebhookEventEntity,
  PaymentDiscrepancyEntity,
  SandboxCardEntity,
  SandboxChargeEntity,
  SignInAttemptEntity,
  RateLimitCounterEntity,
  RegistrationNoticeEntity,
  MailOutboxEntity,
  AuditEventEntity,
  ApiKeyEntity,
  ApiKeySiteEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
  WebhookDeliveryEntity,
  TotpCredentialEntity,
  RecoveryCodeEntity,
  MfaChallengeEntity,
  SiteTransferEntity,
  JobLeaseEntity,
];
