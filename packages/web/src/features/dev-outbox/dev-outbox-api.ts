/**
 * The server's dev outbox (outside production only): JSON, not GraphQL, because it is a
 * developer's tool and not part of the API contract. Shapes as in
 * packages/server/src/mail/dev-outbox.router.ts.
 */
export const DEV_OUTBOX_API = '/api/dev/outbox';

export interface OutboxSummary {
  id: string;
  template: string;
  to: string;
  locale: string;
  subject: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
  lastError: string | null;
}

export interface OutboxMessage extends OutboxSummary {
  messageId: string | null;
  text: string;
  html: string;
}

export interface OutboxPage {
  items: OutboxSummary[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** No dev outbox for this visitor: production, an older server, or not this machine. */
export class OutboxUnavailableError extends Error {
  constructor() {
    super('The dev outbox is not available on this server');
    this.name = 'OutboxUnavailableError';
  }
}

export const OUTBOX_PAGE_SIZE = 20;

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T | null> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  // Outside this machine only a signed-in operator may read it (the emails hold passwords).
  if (response.status === 401 || response.status === 403) throw new OutboxUnavailableError();
  if (response.status === 404) {
    // The router answers its own 404s in JSON; without it, Express's plain 404 comes back.
    if (!isJson) throw new OutboxUnavailableError();
    return null;
  }
  if (!response.ok || !isJson) {
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export async function fetchOutboxPage(
  { to, after, first = OUTBOX_PAGE_SIZE }: { to?: string; after?: string | null; first?: number },
  signal?: AbortSignal,
): Promise<OutboxPage> {
  const params = new URLSearchParams({ first: String(first) });
  if (to) params.set('to', to);
  if (after) params.set('after', after);
  const page = await getJson<OutboxPage>(`${DEV_OUTBOX_API}?${params.toString()}`, signal);
  if (!page) throw new OutboxUnavailableError();
  return page;
}

/** One email with its text and HTML parts; null when no email has this id. */
export function fetchOutboxMessage(
  id: string,
  signal?: AbortSignal,
): Promise<OutboxMessage | null> {
  return getJson<OutboxMessage>(`${DEV_OUTBOX_API}/${encodeURIComponent(id)}`, signal);
}
