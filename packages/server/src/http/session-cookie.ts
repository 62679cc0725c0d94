import type { Request, Response } from 'express';
import { parseCookie } from 'cookie';
import type { Config } from '../config/config';
import { SESSION_ABSOLUTE_MS } from '../accounts/session.service';

/**
 * Browsers carry the session in an HttpOnly cookie; apps send the same token as a bearer.
 * Behind https the cookie takes the `__Host-` prefix, which browsers only accept with Secure,
 * Path=/ and no Domain: it cannot be planted by a sibling subdomain.
 */
function cookieName(config: Config): string {
  return isHttps(config) ? '__Host-portal_session' : 'portal_session';
}

function isHttps(config: Config): boolean {
  return config.publicUrl.startsWith('https:');
}

export function readSessionToken(req: Request, config: Config): string | null {
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    return token || null;
  }
  const header = req.headers.cookie;
  if (!header) return null;
  return parseCookie(header)[cookieName(config)] ?? null;
}

export function setSessionCookie(res: Response, config: Config, token: string): void {
  res.cookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(config),
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS,
  });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(cookieName(config), {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(config),
    path: '/',
  });
}
