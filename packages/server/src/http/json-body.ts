import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '@entry/shared';
import { requestLocale } from '../graphql/context';
import { localizedErrorMessage, portalError } from '../graphql/errors';

/**
 * What /graphql reads from anyone, before anyone is known. The largest legitimate request is a
 * document at GRAPHQL_MAX_TOKENS (1,000 tokens; the web app's longest is a few KB) with the
 * longest form's variables (a registration or a 1,000-character rejection reason, a few KB even
 * when every character is \u-escaped): some 30 KB. 128 KB leaves four times that, and a CSV of
 * about a thousand Entry app users still fits the GraphQL import mutations; bigger files go to
 * the streaming REST routes (POST /api/sites/:siteId/entry-users/import[/preview]), which never
 * hold the whole file. At 10 MB, arrays nested 5 million deep blocked the event loop for 4.4 s.
 */
export const GRAPHQL_BODY_LIMIT_BYTES = 128 * 1024;

/**
 * Arrays and objects nested deeper than this are refused before JSON.parse builds them. A
 * GraphQL request needs 4 or 5 levels ({"variables":{"input":{…}}}); 32 leaves room for any
 * client, while the parse of a body under the size limit stays well under a millisecond.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether UTF-8 JSON text nests arrays and objects deeper than `max`: one pass over the bytes,
 * no allocation, stopping at the first level too deep. Brackets inside strings do not count
 * (UTF-8's multi-byte sequences never contain ASCII bytes, so a byte scan cannot be fooled).
 * Text that is not JSON is left to the parser, which refuses it.
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) depth--;
  }
  return false;
}

const TOO_DEEP = 'entity.too.deep';

/**
 * JSON between systems is UTF-8 (RFC 8259); body-parser also takes other utf-* charsets, whose
 * bytes a UTF-8 scan would misread, so those are scanned re-encoded (or refused, 415, when the
 * platform cannot decode them: the parser could not either).
 */
function asUtf8(body: Buffer, encoding: string | null): Uint8Array {
  if (!encoding || encoding === 'utf-8') return body;
  try {
    return Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  } catch {
    throw Object.assign(new Error(`unsupported charset ${encoding}`), {
      status: 415,
      type: 'charset.unsupported',
    });
  }
}

/** body-parser's verify hook: runs on the raw bytes, before the (expensive) parse. */
function refuseDeepNesting(
  _req: unknown,
  _res: unknown,
  body: Buffer,
  encoding: string | null,
): void {
  if (jsonNestsDeeperThan(asUtf8(body, encoding), MAX_JSON_DEPTH))
    throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), {
      status: 400,
      type: TOO_DEEP,
    });
}

/** The JSON body parser of /graphql: the size limit above, and the nesting refused unparsed. */
export function graphqlJsonBody(): RequestHandler {
  return express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES, verify: refuseDeepNesting });
}

/**
 * The parser's refusals in GraphQL's error shape, never Express's HTML page: a body over the
 * limit is 413 PAYLOAD_TOO_LARGE (pointing CSV files at the REST routes), one nested too deep is
 * 400 JSON_TOO_DEEP. Apollo never sees these requests, so this is their edge: the refusal is a
 * code (portalError) worded like every other (localizedErrorMessage), in the language the request
 * asks for (the body is unread: no viewer yet). Other errors go on to the next handler.
 */
export function graphqlBodyRefusals(): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type !== 'entity.too.large' && type !== TOO_DEEP) return next(error);
    const [status, code, max, extensions] =
      type === TOO_DEEP
        ? [400, ErrorCode.JSON_TOO_DEEP, MAX_JSON_DEPTH, { maxDepth: MAX_JSON_DEPTH }]
        : [
            413,
            ErrorCode.PAYLOAD_TOO_LARGE,
            GRAPHQL_BODY_LIMIT_BYTES / 1024,
            { maxBytes: GRAPHQL_BODY_LIMIT_BYTES },
          ];
    // `max` words the message (in KB for the body); the answer names the limit as `extensions`
    const message = localizedErrorMessage(portalError(code, { max }), requestLocale(req, null));
    res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
  };
}
