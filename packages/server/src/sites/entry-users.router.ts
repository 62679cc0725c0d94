import express from 'express';
import {
  ENTRY_USER_CSV_COLUMNS,
  ENTRY_USER_CSV_TEMPLATE,
  foldForSearch,
  Permission,
  UserErrorCode,
  type FieldProblem,
} from '@entry/shared';
import { applyKeyset, encodeCursor } from '../common/connection';
import { csvRow } from '../common/csv';
import { UserInputProblem } from '../common/user-errors';
import { errorMessage } from '../graphql/errors';
import { clientIp } from '../http/client-ip';
import { requirePermission, restContext } from '../http/rest-auth';
import type { ContextDeps } from '../graphql/context';
import type { Logger } from '../observability/logger';
import { EntryUserEntity } from './entry-user.entity';
import { importEntryUsers, readEntryUserCsv } from './entry-user-import';
import { importRowOf } from './entry-users.resolver';
import { siteInactive } from './entry-users.service';
import { siteUserErrors } from './site-errors';
import { siteScopeOf } from './site-scope';
import type { SiteEntity } from './site.entity';
import { findVisibleSite } from './sites.service';

/** An import body may be this large: 20,000 rows of long names and addresses fit. */
export const IMPORT_BODY_LIMIT = '10mb';
const EXPORT_BATCH = 1000;
/** The template changes only with a release. */
const TEMPLATE_MAX_AGE_SECONDS = 3600;

interface RouterDeps extends ContextDeps {
  readonly logger: Logger;
}

function fileName(site: SiteEntity): string {
  const slug = foldForSearch(site.name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `entry-users-${slug || 'site'}.csv`;
}

/**
 * CSV import and export of a site's Entry app users, for the web app's file buttons:
 *   GET  /api/entry-users-template.csv             the header and one example row (public)
 *   GET  /api/sites/:siteId/entry-users.csv        the current users, streamed in batches
 *   POST /api/sites/:siteId/entry-users/import     text/csv body; NDJSON progress, then the outcome
 * Signed in by cookie or bearer like /graphql (401 otherwise); a site the viewer may not see is
 * 404, exactly like one that does not exist.
 */
export function entryUsersRouter(deps: RouterDeps): express.Router {
  const { dataSource, logger } = deps;
  const router = express.Router();

  // Public: the template holds no data, and people prepare files before they sign in. The same
  // bytes for everyone, so unlike the rest of /api (no-store) it may be cached for a while.
  router.get('/entry-users-template.csv', (_req, res) => {
    res
      .status(200)
      .set('Cache-Control', `public, max-age=${TEMPLATE_MAX_AGE_SECONDS}`)
      .type('text/csv; charset=utf-8')
      .attachment('entry-users-template.csv')
      .send(ENTRY_USER_CSV_TEMPLATE);
  });

  const visibleSiteOr404 = async (
    req: express.Request,
    res: express.Response,
  ): Promise<SiteEntity | null> => {
    const context = restContext(res);
    const siteId = String(req.params['siteId'] ?? '');
    const site = await findVisibleSite(dataSource.manager, siteScopeOf(context.viewer), siteId);
    if (!site) {
      const [error] = siteUserErrors(
        [{ field: ['siteId'], code: UserErrorCode.NOT_FOUND }],
        context.locale,
      );
      res.status(404).json({ error: { code: UserErrorCode.NOT_FOUND, message: error!.message } });
    }
    return site;
  };

  router.get(
    '/sites/:siteId/entry-users.csv',
    requirePermission(deps, Permission.AUTHENTICATED, 'GET /api/sites/:siteId/entry-users.csv'),
    async (req, res, next) => {
      try {
        const site = await visibleSiteOr404(req, res);
        if (!site) return;
        const locale = restContext(res).locale;
        res.status(200).type('text/csv; charset=utf-8').attachment(fileName(site));
        // the byte order mark makes Excel read the file as UTF-8 (names with å, ë, é)
        res.write(`\uFEFF${csvRow([...ENTRY_USER_CSV_COLUMNS])}`);
        let after: string | null = null;
        for (;;) {
          const query = dataSource
            .getRepository(EntryUserEntity)
            .createQueryBuilder('entryUser')
            .where('entryUser.siteId = :siteId', { siteId: site.id })
            .andWhere('entryUser.removedAt IS NULL');
          const rows: EntryUserEntity[] = await applyKeyset(
            query,
            'entryUser.sortKey',
            'entryUser.id',
            after,
            EXPORT_BATCH,
            locale,
          ).getMany();
          const batch = rows.slice(0, EXPORT_BATCH);
          res.write(
            batch
              .map((user) => csvRow([user.firstName, user.lastName, user.email, user.apartment]))
              .join(''),
          );
          if (rows.length <= EXPORT_BATCH) break;
          const last = batch[batch.length - 1]!;
          after = encodeCursor([last.sortKey, last.id]);
        }
        res.end();
      } catch (error) {
        if (res.headersSent) {
          logger.error('entry users export failed mid-stream', { error });
          res.destroy();
          return;
        }
        next(error);
      }
    },
  );

  router.post(
    '/sites/:siteId/entry-users/import',
    requirePermission(deps, Permission.AUTHENTICATED, 'POST /api/sites/:siteId/entry-users/import'),
    // Only text/csv: a cross-site form cannot send it without a CORS preflight, which this
    // server never grants, so the session cookie cannot be ridden (CSRF).
    express.text({ type: ['text/csv', 'application/csv'], limit: IMPORT_BODY_LIMIT }),
    async (req, res, next) => {
      const context = restContext(res);
      const { locale } = context;
      try {
        if (!req.is(['text/csv', 'application/csv'])) {
          res.status(415).json({
            error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the file as text/csv.' },
          });
          return;
        }
        const site = await visibleSiteOr404(req, res);
        if (!site) return;
        const csv = typeof req.body === 'string' ? req.body : '';
        const read = readEntryUserCsv(csv);
        const problems: FieldProblem[] = [...read.problems];
        if (!site.active) problems.unshift(...siteInactive().problems);
        if (problems.length) {
          res.status(422).json({ userErrors: siteUserErrors(problems, locale) });
          return;
        }

        res.status(200);
        res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
        res.setHeader('X-Accel-Buffering', 'no');
        const send = (line: object) => {
          res.write(`${JSON.stringify(line)}\n`);
          (res as unknown as { flush?: () => void }).flush?.();
        };
        try {
          const outcome = await importEntryUsers(
            dataSource,
            siteScopeOf(context.viewer),
            site.id,
            csv,
            { viewer: context.viewer, ip: clientIp(req) },
            { read, onProgress: (processed, total) => send({ processed, total }) },
          );
          send({
            done: true,
            imported: outcome.imported,
            skipped: outcome.skipped.map((row) => importRowOf(row, locale)),
            userErrors: [],
          });
        } catch (error) {
          if (error instanceof UserInputProblem) {
            send({
              done: true,
              imported: 0,
              skipped: [],
              userErrors: siteUserErrors(error.problems, locale),
            });
          } else {
            logger.error('entry users import failed', { error, siteId: site.id });
            send({
              done: true,
              imported: 0,
              skipped: [],
              error: {
                code: 'INTERNAL_SERVER_ERROR',
                message: errorMessage('INTERNAL_SERVER_ERROR', locale),
              },
            });
          }
        }
        res.end();
      } catch (error) {
        next(error);
      }
    },
  );

  // body-parser's refusals (too large, bad charset) as JSON like the rest of the API
  router.use(
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent || !error.status || error.status >= 500) return next(error);
      res.status(error.status).json({
        error: {
          code: error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
          message:
            error.type === 'entity.too.large'
              ? `The file is larger than ${IMPORT_BODY_LIMIT}.`
              : 'The request could not be read.',
        },
      });
    },
  );

  return router;
}
