import { LIMITS } from './validation';

/**
 * The rules of a webhook endpoint's URL that the web form and the server both apply. Whether the
 * host is a private address is the server's part (it depends on WEBHOOK_ALLOW_PRIVATE_URLS and,
 * at delivery, on DNS): see packages/server/src/webhooks/webhook-address-guard.ts.
 */

/** Longest URL accepted (LIMITS.webhookUrl, where the user errors' words find it too). */
export const WEBHOOK_URL_MAX = LIMITS.webhookUrl;

/** Why a URL cannot be an endpoint, before anything about its host is known. */
export type WebhookUrlShapeProblem =
  'INVALID_URL' | 'HTTPS_REQUIRED' | 'CREDENTIALS_IN_URL' | 'TOO_LONG';

/** Every reason an endpoint's URL is refused (userError INVALID, params.reason) */
export type WebhookUrlProblem = WebhookUrlShapeProblem | 'PRIVATE_ADDRESS';

/** The parts of a WHATWG URL read here. */
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}

// Node and every browser have the WHATWG URL class, but this package compiles without the DOM and
// Node type libraries, so it is typed here with only what is read.
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

function parseUrl(input: string): ParsedUrl | null {
  try {
    return new WhatwgUrl(input);
  } catch {
    return null;
  }
}

/**
 * The first problem of `url` as an endpoint, or null. `requireHttps`: production, unless
 * WEBHOOK_ALLOW_PRIVATE_URLS lifts it. Credentials in a URL would be stored and shown in clear
 * (and sent on every delivery): receivers authenticate us by the signature instead.
 */
export function webhookUrlShapeProblem(
  url: string,
  rules: { readonly requireHttps: boolean },
): WebhookUrlShapeProblem | null {
  if (url.length > WEBHOOK_URL_MAX) return 'TOO_LONG';
  const parsed = parseUrl(url);
  if (!parsed || !parsed.hostname) return 'INVALID_URL';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'INVALID_URL';
  if (parsed.username || parsed.password) return 'CREDENTIALS_IN_URL';
  if (rules.requireHttps && parsed.protocol !== 'https:') return 'HTTPS_REQUIRED';
  return null;
}
