import { ACCESS_LEVEL_RIGHTS, type AccessLevelCode } from './access-levels';
import { UserErrorCode } from './error-codes';
import { optionalMax } from './sites';
import type { FieldProblem } from './user-errors';
import { LIMITS } from './validation';
import { webhookUrlShapeProblem, type WebhookUrlProblem } from './webhooks';

/**
 * What a company's webhook endpoints can subscribe to (the `WebhookEventType` enum of the partner
 * API). Each names the change it reports; PING is only ever sent by "send a test event".
 */
export const WebhookEventType = {
  SITE_CREATED: 'SITE_CREATED',
  SITE_UPDATED: 'SITE_UPDATED',
  SITE_DEACTIVATED: 'SITE_DEACTIVATED',
  SITE_REACTIVATED: 'SITE_REACTIVATED',
  ENTRY_USER_ADDED: 'ENTRY_USER_ADDED',
  ENTRY_USER_UPDATED: 'ENTRY_USER_UPDATED',
  ENTRY_USER_REMOVED: 'ENTRY_USER_REMOVED',
  PERSON_INVITED: 'PERSON_INVITED',
  PERSON_REMOVED: 'PERSON_REMOVED',
  INVOICE_ISSUED: 'INVOICE_ISSUED',
  INVOICE_PAID: 'INVOICE_PAID',
  INVOICE_PAYMENT_FAILED: 'INVOICE_PAYMENT_FAILED',
  PING: 'PING',
} as const;
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType];

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WebhookEventType);

/** The events a person picks for an endpoint (PING comes with every endpoint, on request). */
export const SUBSCRIBABLE_WEBHOOK_EVENTS: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES.filter(
  (type) => type !== WebhookEventType.PING,
);

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** Invoice events carry payment data: the same rule as an API key's INVOICES_READ. */
export function isInvoiceEvent(type: WebhookEventType): boolean {
  return type.startsWith('INVOICE_');
}

/** Whether a person at this level may subscribe an endpoint to the event (else FORBIDDEN_EVENT). */
export function levelMaySubscribe(level: AccessLevelCode, type: WebhookEventType): boolean {
  return !isInvoiceEvent(type) || ACCESS_LEVEL_RIGHTS[level].payments;
}

/** What a person fills in for a webhook endpoint (the form and create/updateWebhookEndpoint). */
export interface WebhookEndpointInput {
  readonly url: string;
  readonly description?: string | null;
  readonly events: readonly string[];
  readonly enabled?: boolean | null;
}

/**
 * The problems of an endpoint's input for a person at `level`: the URL's shape (`requireHttps`:
 * production, unless WEBHOOK_ALLOW_PRIVATE_URLS lifts it), the events and the description. Whether
 * the host is a private address is the server's part: it depends on the server's setting and, at
 * delivery, on DNS (`extraUrlProblem` lets it add that reason here, so all come in one answer).
 */
export function webhookEndpointInputProblems(
  input: WebhookEndpointInput,
  level: AccessLevelCode,
  rules: { readonly requireHttps: boolean },
  extraUrlProblem: (url: string) => WebhookUrlProblem | null = () => null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const url = input.url.trim();
  const urlProblem = url ? (webhookUrlShapeProblem(url, rules) ?? extraUrlProblem(url)) : null;
  if (!url) problems.push({ field: ['input', 'url'], code: UserErrorCode.REQUIRED });
  else if (urlProblem)
    problems.push({
      field: ['input', 'url'],
      code: UserErrorCode.INVALID,
      params: { reason: urlProblem },
    });
  if (input.events.length === 0) {
    problems.push({ field: ['input', 'events'], code: UserErrorCode.REQUIRED });
  } else if (!input.events.every(isWebhookEventType)) {
    problems.push({ field: ['input', 'events'], code: UserErrorCode.INVALID });
  } else if (
    !input.events.every((type) => isWebhookEventType(type) && levelMaySubscribe(level, type))
  ) {
    problems.push({ field: ['input', 'events'], code: UserErrorCode.FORBIDDEN_EVENT });
  }
  optionalMax(
    problems,
    ['input', 'description'],
    input.description?.trim(),
    LIMITS.webhookDescription,
  );
  return problems;
}
