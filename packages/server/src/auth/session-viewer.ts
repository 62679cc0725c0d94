import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { findActiveSession } from '../accounts/session.service';
import type { Config } from '../config/config';
import { readSessionToken } from '../http/session-cookie';
import type { Viewer } from './viewer';

/** Who a request comes from, and the session that says so (null, null: nobody signed in). */
export interface RequestViewer {
  readonly viewer: Viewer | null;
  readonly sessionId: string | null;
}

/**
 * The one place a request's caller is found: its session (cookie or bearer token), looked up once.
 * GraphQL's context and the REST routes both build on this.
 */
export async function resolveViewer(
  dataSource: DataSource,
  config: Config,
  req: Request,
): Promise<RequestViewer> {
  const token = readSessionToken(req, config);
  const active = token ? await findActiveSession(dataSource, token) : null;
  if (!active) return { viewer: null, sessionId: null };
  const viewer: Viewer =
    active.kind === 'person'
      ? { kind: 'person', person: active.person, company: active.company }
      : { kind: 'operator', operator: active.operator };
  return { viewer, sessionId: active.session.id };
}
