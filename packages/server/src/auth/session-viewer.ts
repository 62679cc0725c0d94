import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { findActiveSession } from '../accounts/session.service';
import { isApiKeySecret } from '../api-keys/api-key-secret';
import { findUsableApiKey } from '../api-keys/api-keys.service';
import type { Config } from '../config/config';
import { mustEnrollMfa } from '../two-factor/mfa-requirement';
import { readSessionToken } from '../http/session-cookie';
import type { Viewer } from './viewer';

/** Who a request comes from, and the session that says so (null, null: nobody signed in). */
export interface RequestViewer {
  readonly viewer: Viewer | null;
  readonly sessionId: string | null;
}

/**
 * The one place a request's caller is found, looked up once: a company's API key (a bearer
 * secret with the key marker) or a session (cookie or bearer token). GraphQL's context and the
 * REST routes both build on this. An unknown, revoked or expired key is nobody (UNAUTHENTICATED).
 */
export async function resolveViewer(
  dataSource: DataSource,
  config: Config,
  req: Request,
): Promise<RequestViewer> {
  const token = readSessionToken(req, config);
  if (token && isApiKeySecret(token)) {
    const usable = await findUsableApiKey(dataSource, token);
    if (!usable) return { viewer: null, sessionId: null };
    return { viewer: { kind: 'apiKey', ...usable }, sessionId: null };
  }
  const active = token ? await findActiveSession(dataSource, token) : null;
  if (!active) return { viewer: null, sessionId: null };
  const account =
    active.kind === 'person'
      ? { kind: 'person' as const, person: active.person, company: active.company }
      : { kind: 'operator' as const, operator: active.operator };
  const viewer: Viewer = {
    ...account,
    mustEnrollMfa: mustEnrollMfa(account, config.operatorRequireMfa),
  };
  return { viewer, sessionId: active.session.id };
}
