import type { Request, RequestHandler } from 'express';
import { fill, resolveLocale, type Localized } from '@entry/shared';

/**
 * Two refusals Apollo makes before any plugin of ours runs, so in English whatever the
 * requester's language (and, for a batch, only after building a context: a session lookup for
 * nothing). This middleware, in front of Apollo on /graphql, answers them first, with Apollo's
 * status and code and a message in the Accept-Language's language. Apollo's own checks stay on
 * behind it (`csrfPrevention`, `allowBatchedHttpRequests: false` in http/app.ts).
 */
const MESSAGES = {
  batch: {
    en: 'Send one operation per request: batches (a JSON array of operations) are not accepted.',
    nl: 'Stuur één operatie per verzoek: batches (een JSON-lijst van operaties) worden niet aanvaard.',
    sv: 'Skicka en operation per begäran: batcher (en JSON-lista med operationer) tas inte emot.',
    fr: 'Envoyez une opération par requête : les lots (un tableau JSON d’opérations) ne sont pas acceptés.',
  },
  csrf: {
    en: 'Refused as a possible cross-site request: send it with Content-Type: application/json, or with a non-empty {headers} header.',
    nl: 'Geweigerd als mogelijk cross-site verzoek: stuur het met Content-Type: application/json, of met een niet-lege header {headers}.',
    sv: 'Nekad som en möjlig begäran från en annan webbplats: skicka den med Content-Type: application/json, eller med ett icke-tomt huvud {headers}.',
    fr: 'Refusée comme possible requête intersite : envoyez-la avec Content-Type: application/json, ou avec un en-tête {headers} non vide.',
  },
} as const satisfies Record<string, Localized>;

/** Content types a browser sends cross-site without asking first (no CORS preflight). */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/** Headers a cross-site form or link cannot set: any of them proves a preflighted request. */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * Whether a browser could have sent this cross-site without a preflight (the rule of Apollo's
 * CSRF prevention): no content type or a "simple" one, and none of the preflight headers.
 */
function couldBeCrossSite(req: Request): boolean {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined) {
    const essence = contentType.split(';')[0]!.trim().toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.has(essence)) return false;
  }
  return !PREFLIGHT_HEADERS.some((header) => (req.get(header) ?? '').length > 0);
}

/** A browser opening /graphql gets Apollo's Sandbox page (a GET that prefers HTML). */
function wantsSandboxPage(req: Request): boolean {
  return (
    req.method === 'GET' &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
      'text/html'
  );
}

export function refuseBatchesAndCrossSiteRequests(): RequestHandler {
  return (req, res, next) => {
    const refusal = Array.isArray(req.body)
      ? MESSAGES.batch
      : couldBeCrossSite(req) && !wantsSandboxPage(req)
        ? MESSAGES.csrf
        : null;
    if (!refusal) return next();
    const locale = resolveLocale(req.acceptsLanguages()[0]);
    res.status(400).json({
      errors: [
        {
          message: fill(refusal[locale], { headers: PREFLIGHT_HEADERS.join(', ') }),
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  };
}
