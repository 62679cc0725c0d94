import { registerEnumType } from 'type-graphql';
import { AccessLevelCode, ApiScope, EntryUserStatus, WebhookEventType } from '@entry/shared';
import { WebhookDeliveryStatus } from '../webhooks/webhook-delivery.entity';
import { CompanyStatus, CompanyType, PaymentMethodType } from '../companies/company.entity';
import { PersonStatus } from '../people/person.entity';
import { InvoiceStatus } from '../billing/invoice.entity';
import { PaymentDiscrepancyKind } from '../billing/payment-discrepancy.entity';
import { SiteTransferStatus } from '../site-transfers/site-transfer.entity';

// The GraphQL enums are the entities' own enums: one definition from the database to the API.
registerEnumType(CompanyType, { name: 'CompanyType' });
registerEnumType(CompanyStatus, { name: 'CompanyStatus' });
registerEnumType(PaymentMethodType, { name: 'PaymentMethodType' });
registerEnumType(PersonStatus, { name: 'PersonStatus' });
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });
registerEnumType(PaymentDiscrepancyKind, { name: 'PaymentDiscrepancyKind' });
registerEnumType(AccessLevelCode, { name: 'AccessLevelCode' });
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description:
    'What an API key may reach: each field names the scopes that reach it in @auth(scopes:).',
});
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What a webhook event reports; PING is only sent by sendTestWebhook.',
});
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
registerEnumType(EntryUserStatus, {
  name: 'EntryUserStatus',
  description:
    'UPCOMING: added before moving in (not billed before moveInDate); ACTIVE; REMOVED: removed, or past the end of moveOutDate',
});
registerEnumType(SiteTransferStatus, {
  name: 'SiteTransferStatus',
  description: 'A pending transfer past its 14 days reads EXPIRED at once.',
});
