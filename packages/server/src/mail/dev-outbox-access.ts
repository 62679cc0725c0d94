import type { Request, RequestHandler } from 'express';
import { Permission } from '@entry/shared';
import type { ContextDeps } from '../graphql/context';
import { requirePermission } from '../http/rest-auth';

/**
 * Headers a proxy adds. A request that carries one came through a proxy, even when the proxy runs
 * on this machine (its socket is then loopback too): whoever sent it could be anywhere.
 */
const PROXY_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'via',
] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/i, '');
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** The Host header's name without the port: `[::1]:4000` -> `[::1]`, `localhost:4000` -> `localhost`. */
function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host.trim().toLowerCase());
  return match ? match[1]! : null;
}

/**
 * Whether the request comes from this machine itself: a loopback socket, no proxy headers, and a
 * Host that names this machine (a loopback name or PUBLIC_URL's host). The Host check stops DNS
 * rebinding: a web page elsewhere whose name points at 127.0.0.1 could otherwise make a
 * developer's browser fetch the outbox and read it as its own origin.
 */
export function isFromThisMachine(
  req: Pick<Request, 'headers' | 'socket'>,
  publicHost: string,
): boolean {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return false;
  if (PROXY_HEADERS.some((header) => req.headers[header] !== undefined)) return false;
  const host = hostName(req.headers.host);
  return host !== null && (LOOPBACK_HOSTS.has(host) || host === publicHost.toLowerCase());
}

/**
 * Who may read the dev outbox (its emails hold temporary passwords and password-reset links):
 * someone at this machine, who could read a local mailbox anyway, or a signed-in operator, who
 * may see every registration. Anyone else gets 401/403 like any REST route, in their language.
 */
export function devOutboxAccess(deps: ContextDeps, publicUrl: string): RequestHandler {
  const publicHost = new URL(publicUrl).hostname;
  const operatorsOnly = requirePermission(deps, Permission.OPERATOR, 'GET /api/dev/outbox');
  return (req, res, next) => {
    if (isFromThisMachine(req, publicHost)) return next();
    return operatorsOnly(req, res, next);
  };
}
