import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { webhookUrlShapeProblem, type WebhookUrlProblem } from '@entry/shared';
import {
  isForbiddenWebhookAddress,
  isForbiddenWebhookHost,
  webhookUrlHost,
} from './webhook-address-guard';
import type { WebhookHeaders } from './webhook-signing';

export interface WebhookSenderOptions {
  /** WEBHOOK_ALLOW_PRIVATE_URLS: deliver to loopback and private addresses too */
  readonly allowPrivate: boolean;
  readonly requireHttps: boolean;
  /** one deadline for the whole attempt: connecting, the answer's headers and its excerpt */
  readonly timeoutMs?: number;
  /** how much of the answer's body is read (and kept in the delivery log) */
  readonly excerptBytes?: number;
  readonly userAgent?: string;
  /** connections kept open per receiver (host and port) */
  readonly maxSocketsPerHost?: number;
}

export interface WebhookRequest {
  readonly url: string;
  readonly headers: WebhookHeaders;
  /** the signed JSON, sent byte for byte */
  readonly body: string;
}

/** What happened to one attempt; only `answered` with a 2xx status is a delivery. */
export type WebhookAttemptResult =
  | {
      readonly outcome: 'answered';
      readonly status: number;
      /** the start of the body as UTF-8 text, at most excerptBytes bytes */
      readonly excerpt: string;
      readonly durationMs: number;
    }
  /** nothing was sent: the URL or the address it resolves to is not allowed */
  | {
      readonly outcome: 'refused';
      readonly reason: WebhookUrlProblem | 'FORBIDDEN_ADDRESS';
      readonly detail: string;
    }
  | {
      readonly outcome: 'failed';
      readonly reason: 'TIMEOUT' | 'DNS' | 'CONNECTION';
      readonly detail: string;
      readonly durationMs: number;
    };

export interface WebhookSender {
  /** One attempt. Never rejects for a delivery problem: the result says what went wrong. */
  post(request: WebhookRequest): Promise<WebhookAttemptResult>;
  /** Closes the kept-open connections; posts after this still work, on new connections. */
  close(): void;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_EXCERPT_BYTES = 500;
export const WEBHOOK_USER_AGENT = 'EntryPortal-Webhooks/1';
const DEFAULT_MAX_SOCKETS_PER_HOST = 32;

/** The host resolved to (or is) an address a webhook may not reach. */
class ForbiddenAddressError extends Error {
  constructor(hostname: string, addresses: readonly string[]) {
    super(`${hostname} resolves to ${addresses.join(', ')}, which webhooks may not reach`);
    this.name = 'ForbiddenAddressError';
  }
}

class DeadlineError extends Error {
  constructor(timeoutMs: number, stage: string) {
    super(`no complete answer within ${timeoutMs} ms (${stage})`);
    this.name = 'DeadlineError';
  }
}

/**
 * dns.lookup, then the guard on EVERY address: the socket connects to one of exactly these
 * addresses, so a name that answers a public address to a check and a private one to the
 * connection (DNS rebinding) has no second lookup to play with. Happy Eyeballs (autoSelectFamily)
 * asks for all addresses and may try any of them, so all of them must pass.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const lookupOptions: LookupOptions & { all: true } = { all: true };
    if (options.family !== undefined) lookupOptions.family = options.family;
    if (options.hints !== undefined) lookupOptions.hints = options.hints;
    dnsLookup(hostname, lookupOptions, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const forbidden = addresses.filter((entry) => isForbiddenWebhookAddress(entry.address));
      if (!allowPrivate && forbidden.length > 0) {
        return callback(
          new ForbiddenAddressError(
            hostname,
            forbidden.map((entry) => entry.address),
          ),
          [],
        );
      }
      const first = addresses[0];
      if (!first) {
        const empty: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
        empty.code = 'ENOTFOUND';
        empty.syscall = 'getaddrinfo';
        return callback(empty, []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

type Failure = Extract<WebhookAttemptResult, { outcome: 'failed' }>['reason'];

function errorDetail(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

function failureReason(error: Error): Failure {
  if (error instanceof DeadlineError) return 'TIMEOUT';
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (syscall === 'getaddrinfo' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'DNS';
  return 'CONNECTION';
}

/**
 * Posts signed webhook requests as the contract says: no redirects followed (a 3xx is just a
 * non-2xx answer), 10 s for the whole attempt, only a short excerpt of the answer read, and the
 * address checked after DNS on every new connection. Connections are kept open per receiver
 * (they were checked when opened and stay on that address), so a burst of deliveries to one
 * receiver does not pay a TCP and TLS handshake each.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const excerptBytes = options.excerptBytes ?? WEBHOOK_EXCERPT_BYTES;
  const userAgent = options.userAgent ?? WEBHOOK_USER_AGENT;
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSocketsPerHost ?? DEFAULT_MAX_SOCKETS_PER_HOST,
    maxFreeSockets: options.maxSocketsPerHost ?? DEFAULT_MAX_SOCKETS_PER_HOST,
    scheduling: 'lifo' as const,
  };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const lookup = guardedLookup(options.allowPrivate);

  function refusal(url: string): WebhookAttemptResult | null {
    const shape = webhookUrlShapeProblem(url, { requireHttps: options.requireHttps });
    if (shape) return { outcome: 'refused', reason: shape, detail: `${shape}: ${url}` };
    if (options.allowPrivate) return null;
    // Node connects to an IP literal without calling `lookup`, and a localhost name needs no
    // DNS question to be refused: both are judged here, as FORBIDDEN_ADDRESS like a lookup's.
    const host = webhookUrlHost(new URL(url));
    if (!isForbiddenWebhookHost(host)) return null;
    return {
      outcome: 'refused',
      reason: 'FORBIDDEN_ADDRESS',
      detail: `${host} is an address webhooks may not reach`,
    };
  }

  function attempt(
    request: WebhookRequest,
    deadline: number,
    started: number,
    mayRetryStaleSocket: boolean,
  ): Promise<WebhookAttemptResult> {
    const url = new URL(request.url);
    const transport = url.protocol === 'https:' ? https : http;
    const body = Buffer.from(request.body, 'utf8');
    const elapsed = () => Math.round(performance.now() - started);

    return new Promise((resolve) => {
      let settled = false;
      let stage = 'connecting';
      const finish = (result: WebhookAttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };

      const outgoing = transport.request(url, {
        method: 'POST',
        agent: agents[url.protocol as 'http:' | 'https:'],
        lookup,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': userAgent,
        },
      });

      const timer = setTimeout(
        () => outgoing.destroy(new DeadlineError(timeoutMs, stage)),
        Math.max(0, deadline - performance.now()),
      );

      outgoing.on('error', (error: Error) => {
        if (settled) return;
        if (error instanceof ForbiddenAddressError) {
          finish({ outcome: 'refused', reason: 'FORBIDDEN_ADDRESS', detail: error.message });
          return;
        }
        // A kept-open connection the receiver closed just as we reused it: Node's documented
        // race. Nothing reached the receiver, so one retry on a fresh connection is safe.
        if (
          mayRetryStaleSocket &&
          outgoing.reusedSocket &&
          (error as NodeJS.ErrnoException).code === 'ECONNRESET' &&
          stage !== 'reading the answer'
        ) {
          settled = true;
          clearTimeout(timer);
          resolve(attempt(request, deadline, started, false));
          return;
        }
        finish({
          outcome: 'failed',
          reason: failureReason(error),
          detail: errorDetail(error),
          durationMs: elapsed(),
        });
      });

      outgoing.on('socket', (socket) => {
        const connected = () => (stage = 'waiting for the answer');
        if (socket.connecting) socket.once('connect', connected);
        else connected();
      });

      outgoing.on('response', (incoming) => {
        stage = 'reading the answer';
        const status = incoming.statusCode ?? 0;
        const decoder = new StringDecoder('utf8');
        const chunks: Buffer[] = [];
        let received = 0;
        const answered = () => {
          // The decoder keeps back a character cut at the limit instead of inventing one.
          const excerpt = decoder.write(Buffer.concat(chunks).subarray(0, excerptBytes));
          finish({ outcome: 'answered', status, excerpt, durationMs: elapsed() });
        };
        incoming.on('data', (chunk: Buffer) => {
          if (settled) return;
          chunks.push(chunk);
          received += chunk.length;
          if (received >= excerptBytes) {
            answered();
            // the rest is not ours to read: drop the connection instead of draining it
            incoming.destroy();
            outgoing.destroy();
          }
        });
        incoming.on('end', answered);
        // An answer cut off mid-body, or the deadline: the request's error handler reports it.
        incoming.on('error', (error: Error) => outgoing.emit('error', error));
      });

      outgoing.end(body);
    });
  }

  return {
    async post(request) {
      try {
        const refused = refusal(request.url);
        if (refused) return refused;
        const started = performance.now();
        return await attempt(request, started + timeoutMs, started, true);
      } catch (error) {
        // Only a bug of ours gets here (a header Node refuses, say): still an attempt's result.
        const reason = error instanceof Error ? errorDetail(error) : String(error);
        return { outcome: 'failed', reason: 'CONNECTION', detail: reason, durationMs: 0 };
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
