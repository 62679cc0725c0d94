import express from 'express';
import type { DataSource } from 'typeorm';
import { ErrorCode, LIMITS, normalizeEmail } from '@entry/shared';
import { parseCursor } from '../common/connection';
import { requestLocale } from '../graphql/context';
import { portalError } from '../graphql/errors';
import { answerNotFound, refuse } from '../http/rest-auth';
import { createLogger, type Logger } from '../observability/logger';
import { MailOutboxEntity } from './mail-outbox.entity';

/** A row of the list: what the dev outbox page shows before a message is opened. */
export interface DevOutboxSummary {
  readonly id: string;
  readonly template: string;
  readonly to: string;
  readonly locale: string;
  readonly subject: string;
  readonly status: string;
  readonly attempts: number;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
}

export interface DevOutboxMessage extends DevOutboxSummary {
  readonly messageId: string | null;
  readonly text: string;
  readonly html: string;
}

export interface DevOutboxPage {
  readonly items: DevOutboxSummary[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function summary(row: MailOutboxEntity): DevOutboxSummary {
  return {
    id: row.id,
    template: row.template,
    to: row.toAddress,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
  };
}

// Opaque to clients; (createdAt, id) is the list's order, so the cursor is exactly a position.
function encodeCursor(row: MailOutboxEntity): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

/** The shared cursor checks: a forged cursor is refused before it reaches SQL, as on every list. */
function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const key = parseCursor(cursor, 'datetime');
  return key ? { createdAt: new Date(key[0]), id: key[1] } : null;
}

/** A query the list cannot run: answered as BAD_USER_INPUT (the message says why, for the reader). */
class BadRequest extends Error {}

function singleParam(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequest(`${name} must be given once`);
  return value;
}

function parseFirst(raw: string | undefined): number {
  if (raw === undefined) return LIMITS.pageSizeDefault;
  const first = Number(raw);
  if (!/^\d+$/.test(raw) || first < 1 || first > LIMITS.pageSizeMax) {
    throw new BadRequest(`first must be a whole number from 1 to ${LIMITS.pageSizeMax}`);
  }
  return first;
}

/**
 * The emails of the dev outbox as JSON, newest first, for the web app's /dev/outbox page.
 * Mount it outside production only: the bodies hold temporary passwords and sign-in links.
 *
 *   GET /?first=20&after=CURSOR&to=someone@example.com -> DevOutboxPage
 *   GET /:id                                          -> DevOutboxMessage (with text and html)
 */
export function devOutboxRouter(
  dataSource: DataSource,
  logger: Logger = createLogger(),
): express.Router {
  const router = express.Router();
  const outbox = () => dataSource.getRepository(MailOutboxEntity);

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/', async (req, res) => {
    const first = parseFirst(singleParam(req.query, 'first'));
    const afterRaw = singleParam(req.query, 'after');
    const toRaw = singleParam(req.query, 'to');
    const after = afterRaw === undefined ? null : decodeCursor(afterRaw);
    if (afterRaw !== undefined && !after)
      throw new BadRequest('after is not a cursor of this list');

    const query = outbox()
      .createQueryBuilder('mail')
      .orderBy('mail.createdAt', 'DESC')
      .addOrderBy('mail.id', 'DESC')
      .limit(first + 1);
    if (toRaw !== undefined && toRaw.trim() !== '') {
      query.andWhere('mail.toAddress = :to', { to: normalizeEmail(toRaw) });
    }
    if (after) {
      query.andWhere(
        '(mail.createdAt < :afterCreatedAt OR (mail.createdAt = :afterCreatedAt AND mail.id < :afterId))',
        { afterCreatedAt: after.createdAt, afterId: after.id },
      );
    }
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    const body: DevOutboxPage = {
      items: page.map(summary),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
    };
    res.json(body);
  });

  router.get('/:id', async (req, res) => {
    const id = req.params['id'] ?? '';
    const row = UUID.test(id) ? await outbox().findOneBy({ id }) : null;
    if (!row) {
      answerNotFound(res, 'id', requestLocale(req, null));
      return;
    }
    const body: DevOutboxMessage = {
      ...summary(row),
      messageId: row.messageId,
      text: row.text,
      html: row.html,
    };
    res.json(body);
  });

  router.use(
    (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
      // the REST routes' answers, in the language the request asks for (operators have none)
      const locale = requestLocale(req, null);
      if (error instanceof BadRequest) {
        refuse(res, portalError(ErrorCode.BAD_USER_INPUT), locale);
        return;
      }
      logger.error('dev outbox: request failed', { error, path: req.originalUrl });
      refuse(res, portalError(ErrorCode.INTERNAL_SERVER_ERROR), locale);
    },
  );

  return router;
}
