import type { Request } from 'express';

/**
 * The caller's address as express sees it: the TCP peer, or with TRUST_PROXY (`trust proxy`,
 * src/http/app.ts) the client the trusted proxies name in X-Forwarded-For. Every per-IP limit
 * counts this value.
 */
export function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '').slice(0, 45);
}
