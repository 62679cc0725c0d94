import type { Locale } from '@entry/shared';
import { renderLayout, type RenderedMail } from './mail-layout';
import {
  recoveryCodesRegenerated,
  recoveryCodeUsed,
  twoFactorDisabled,
  twoFactorEnabled,
  type AccountSecurityData,
  type RecoveryCodeUsedData,
} from './templates/account-security';
import { invitation, type InvitationData } from './templates/invitation';
import {
  invitationAddressInUse,
  type InvitationAddressInUseData,
} from './templates/invitation-address-in-use';
import {
  accountRestored,
  accountSuspended,
  type AccountRestoredData,
  type AccountSuspendedData,
} from './templates/account-standing';
import { invoiceIssued, type InvoiceIssuedData } from './templates/invoice-issued';
import { invoiceReminder, type InvoiceReminderData } from './templates/invoice-reminder';
import { paymentFailed, type PaymentFailedData } from './templates/payment-failed';
import { passwordReset, type PasswordResetData } from './templates/password-reset';
import {
  registrationApproved,
  type RegistrationApprovedData,
} from './templates/registration-approved';
import { registrationDigest, type RegistrationDigestData } from './templates/registration-digest';
import {
  registrationAttempted,
  type RegistrationAttemptedData,
} from './templates/registration-attempted';
import {
  registrationReceived,
  type RegistrationReceivedData,
} from './templates/registration-received';
import {
  registrationRejected,
  type RegistrationRejectedData,
} from './templates/registration-rejected';
import {
  siteTransferAccepted,
  siteTransferDeclined,
  siteTransferExpired,
  siteTransferRequested,
  type SiteTransferAcceptedData,
  type SiteTransferDeclinedData,
  type SiteTransferExpiredData,
  type SiteTransferRequestedData,
} from './templates/site-transfer';
import type { LocalizedTemplate } from './templates/template';
import {
  webhookEndpointDisabled,
  type WebhookEndpointDisabledData,
} from './templates/webhook-endpoint-disabled';

export type { AccountSecurityData, RecoveryCodeUsedData } from './templates/account-security';
export type { InvitationData } from './templates/invitation';
export type { InvitationAddressInUseData } from './templates/invitation-address-in-use';
export type { InvoiceIssuedData } from './templates/invoice-issued';
export type { InvoiceReminderData } from './templates/invoice-reminder';
export type { AccountRestoredData, AccountSuspendedData } from './templates/account-standing';
export type { PaymentFailedData } from './templates/payment-failed';
export type { PasswordResetData } from './templates/password-reset';
export {
  TEMPORARY_PASSWORD_LABELS,
  type RegistrationApprovedData,
} from './templates/registration-approved';
export type {
  DigestRegistration,
  MailCompanyType,
  RegistrationDigestData,
} from './templates/registration-digest';
export type { RegistrationAttemptedData } from './templates/registration-attempted';
export type { RegistrationReceivedData } from './templates/registration-received';
export type { RegistrationRejectedData } from './templates/registration-rejected';
export type { RenderedMail } from './mail-layout';
export type {
  SiteTransferAcceptedData,
  SiteTransferDeclinedData,
  SiteTransferExpiredData,
  SiteTransferRequestedData,
} from './templates/site-transfer';
export type { WebhookEndpointDisabledData } from './templates/webhook-endpoint-disabled';

/** Each template's name (the X-Portal-Template header) and the data it needs. */
export interface MailTemplateData {
  'registration-received': RegistrationReceivedData;
  'registration-digest': RegistrationDigestData;
  'registration-approved': RegistrationApprovedData;
  'registration-rejected': RegistrationRejectedData;
  'registration-attempted': RegistrationAttemptedData;
  'password-reset': PasswordResetData;
  invitation: InvitationData;
  'invitation-address-in-use': InvitationAddressInUseData;
  'invoice-issued': InvoiceIssuedData;
  'payment-failed': PaymentFailedData;
  'invoice-reminder': InvoiceReminderData;
  'account-suspended': AccountSuspendedData;
  'account-restored': AccountRestoredData;
  'webhook-endpoint-disabled': WebhookEndpointDisabledData;
  'two-factor-enabled': AccountSecurityData;
  'two-factor-disabled': AccountSecurityData;
  'recovery-codes-regenerated': AccountSecurityData;
  'recovery-code-used': RecoveryCodeUsedData;
  'site-transfer-requested': SiteTransferRequestedData;
  'site-transfer-accepted': SiteTransferAcceptedData;
  'site-transfer-declined': SiteTransferDeclinedData;
  'site-transfer-expired': SiteTransferExpiredData;
}

export type MailTemplateName = keyof MailTemplateData;

const TEMPLATES: { readonly [T in MailTemplateName]: LocalizedTemplate<MailTemplateData[T]> } = {
  'registration-received': registrationReceived,
  'registration-digest': registrationDigest,
  'registration-approved': registrationApproved,
  'registration-rejected': registrationRejected,
  'registration-attempted': registrationAttempted,
  'password-reset': passwordReset,
  invitation,
  'invitation-address-in-use': invitationAddressInUse,
  'invoice-issued': invoiceIssued,
  'payment-failed': paymentFailed,
  'invoice-reminder': invoiceReminder,
  'account-suspended': accountSuspended,
  'account-restored': accountRestored,
  'webhook-endpoint-disabled': webhookEndpointDisabled,
  'two-factor-enabled': twoFactorEnabled,
  'two-factor-disabled': twoFactorDisabled,
  'recovery-codes-regenerated': recoveryCodesRegenerated,
  'recovery-code-used': recoveryCodeUsed,
  'site-transfer-requested': siteTransferRequested,
  'site-transfer-accepted': siteTransferAccepted,
  'site-transfer-declined': siteTransferDeclined,
  'site-transfer-expired': siteTransferExpired,
};

export const MAIL_TEMPLATE_NAMES = Object.keys(TEMPLATES) as readonly MailTemplateName[];

export function isMailTemplateName(value: string): value is MailTemplateName {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, value);
}

/** Fields whose line breaks are the writer's own and kept; every other text is one line. */
const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['reason', 'message']);

// C0/C1 controls and the bidirectional overrides: a name holding them could forge a line of
// the text part ("Temporary password: …") or display reversed text in the HTML part.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function cleanText(key: string, value: string): string {
  if (MULTI_LINE_FIELDS.has(key)) {
    return value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '').trim();
  }
  return value.replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
}

// Lists (the operators' digest) hold user-typed text too: cleaned at every depth.
function cleanValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') return cleanText(key, value);
  if (Array.isArray(value)) return value.map((item: unknown) => cleanValue(key, item));
  if (value && Object.getPrototypeOf(value) === Object.prototype) return cleanData(value);
  return value;
}

function cleanData<D extends object>(data: D): D {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) out[key] = cleanValue(key, value);
  return out as D;
}

/**
 * Subject, text and HTML of a template in the person's language. User-typed values are made
 * single-line here and escaped by the layout, so templates interpolate them as they are.
 */
export function renderMail<T extends MailTemplateName>(
  template: T,
  locale: Locale,
  data: MailTemplateData[T],
): RenderedMail {
  const clean = cleanData(data);
  const content = TEMPLATES[template][locale](clean);
  return renderLayout(locale, content);
}
