import { finished } from 'node:stream/promises';
import express from 'express';
import { GraphQLError } from 'graphql';
import {
  ENTRY_USER_CSV_COLUMNS,
  ENTRY_USER_CSV_TEMPLATE,
  ENTRY_USER_IMPORT_BATCH,
  ENTRY_USER_IMPORT_MAX_BYTES,
  ApiScope,
  foldForSearch,
  Permission,
  siteProblemMessage,
  SiteProblemReason,
  UserErrorCode,
  type FieldProblem,
  type Locale,
  type Localized,
} from '@entry/shared';
import { applyKeyset, encodeCursor } from '../common/connection';
import { csvRow } from '../common/csv';
import { toRestUserErrors, UserInputProblem } from '../common/user-errors';
import { errorMessage } from '../graphql/errors';
import { clientIp } from '../http/client-ip';
import { assertViewerMayGrow } from '../auth/billing-gate';
import { answerNotFound, refuse, requirePermission, restContext } from '../http/rest-auth';
import type { Context, ContextDeps } from '../graphql/context';
import type { Logger } from '../observability/logger';
import { EntryUserEntity } from './entry-user.entity';
import {
  chunks,
  importEntryUsers,
  isFileTooLarge,
  previewEntryUserImport,
  readEntryUserCsv,
  type ReadImport,
} from './entry-user-import';
import { importRowOf } from './entry-user-import-row';
import { siteInactive } from './entry-users.service';
import { siteScopeOf } from './site-scope';
import type { SiteEntity } from './site.entity';
import { findVisibleSite } from './sites.service';

const EXPORT_BATCH = 1000;
/** The template changes only with a release. */
const TEMPLATE_MAX_AGE_SECONDS = 3600;
const CSV_TYPES = ['text/csv', 'application/csv'];

/** The file routes' refusals of how a file is sent (its contents have the sites' reasons). */
const UPLOAD_REFUSALS = {
  notCsv: {
    en: 'Send the file as text/csv.',
    nl: 'Stuur het bestand als text/csv.',
    sv: 'Skicka filen som text/csv.',
    fr: 'Envoyez le fichier en text/csv.',
  },
  compressed: {
    en: 'Send the file uncompressed (no Content-Encoding).',
    nl: 'Stuur het bestand ongecomprimeerd (zonder Content-Encoding).',
    sv: 'Skicka filen okomprimerad (utan Content-Encoding).',
    fr: 'Envoyez le fichier non compressé (sans Content-Encoding).',
  },
} as const satisfies Record<string, Localized>;

function fileTooLargeMessage(locale: Locale): string {
  return siteProblemMessage(
    {
      field: ['csv'],
      code: UserErrorCode.TOO_LONG,
      params: {
        reason: SiteProblemReason.FILE_TOO_LARGE,
        max: ENTRY_USER_IMPORT_MAX_BYTES / (1024 * 1024),
      },
    },
    locale,
  );
}

/**
 * Lets the rest of a request body go by unread (nothing is parsed or kept), resolving once it
 * has: answering before the client has sent it all would cut the connection under it.
 */
async function discardBody(req: express.Request): Promise<void> {
  if (req.readableEnded) return;
  req.resume();
  await finished(req).catch(() => undefined);
}

/** A file sent to one of the CSV routes, read, for a site the viewer may see. */
interface CsvUpload {
  readonly context: Context;
  readonly site: SiteEntity;
  readonly read: ReadImport;
}

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
 *   POST /api/sites/:siteId/entry-users/import/preview  text/csv body; NDJSON rows with problems,
 *                                                  then the counts (writes nothing)
 *   POST /api/sites/:siteId/entry-users/import     text/csv body; NDJSON progress, then the outcome
 * The body is read as it arrives (never held whole) and refused past ENTRY_USER_IMPORT_MAX_BYTES
 * (413), ENTRY_USER_IMPORT_MAX_ROWS rows or a row of ENTRY_USER_IMPORT_MAX_ROW_BYTES (problems).
 * See docs/entry-user-import.md.
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
      answerNotFound(res, 'siteId', context.locale);
    }
    return site;
  };

  router.get(
    '/sites/:siteId/entry-users.csv',
    requirePermission(deps, Permission.AUTHENTICATED, 'GET /api/sites/:siteId/entry-users.csv', [
      ApiScope.SITES_WRITE,
    ]),
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
              .map((user) =>
                csvRow([
                  user.firstName,
                  user.lastName,
                  user.email,
                  user.apartment,
                  user.moveInDate,
                  user.moveOutDate,
                ]),
              )
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

  /**
   * The checks both file routes make before reading a byte of the body, in order: the type (a
   * cross-site form cannot send text/csv without a CORS preflight, which this server never
   * grants, so the session cookie cannot be ridden), no compression (an inflated body could be
   * any size), the announced size, then the site. Answers and returns null when one fails.
   */
  const csvUploadTarget = async (
    req: express.Request,
    res: express.Response,
  ): Promise<SiteEntity | null> => {
    const { locale } = restContext(res);
    const refuse = async (status: number, code: string, message: string) => {
      await discardBody(req);
      res.status(status).json({ error: { code, message } });
      return null;
    };
    if (!req.is(CSV_TYPES))
      return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', UPLOAD_REFUSALS.notCsv[locale]);
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity')
      return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', UPLOAD_REFUSALS.compressed[locale]);
    if (Number(req.headers['content-length'] ?? 0) > ENTRY_USER_IMPORT_MAX_BYTES)
      return refuse(413, 'PAYLOAD_TOO_LARGE', fileTooLargeMessage(locale));
    const site = await visibleSiteOr404(req, res);
    if (!site) await discardBody(req);
    return site;
  };

  /**
   * Reads the body as CSV while it arrives (never whole: see readEntryUserCsv), then lets the
   * rest of it go by unread when reading stopped early, so the answer reaches the client.
   * A file over the size limit is answered 413 here, and null returned.
   */
  const readUpload = async (
    req: express.Request,
    res: express.Response,
  ): Promise<ReadImport | null> => {
    const read = await readEntryUserCsv(req.iterator({ destroyOnReturn: false }));
    await discardBody(req);
    if (!read.problems.some(isFileTooLarge)) return read;
    const { locale } = restContext(res);
    res
      .status(413)
      .json({ error: { code: 'PAYLOAD_TOO_LARGE', message: fileTooLargeMessage(locale) } });
    return null;
  };

  const startNdjson = (res: express.Response) => {
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('X-Accel-Buffering', 'no');
  };
  const sendLine = (res: express.Response, line: object) => {
    res.write(`${JSON.stringify(line)}\n`);
    (res as unknown as { flush?: () => void }).flush?.();
  };

  /** An error once the NDJSON answer has started can only cut it short; before, it is JSON. */
  const endStream = (res: express.Response, error: unknown, next: express.NextFunction) => {
    if (!res.headersSent) return next(error);
    logger.error('entry users file route failed mid-stream', { error });
    res.destroy();
  };

  /**
   * Whether a suspended company's viewer may add users (importEntryUsers' rule, assertMayGrow);
   * answers 403 ACCOUNT_SUSPENDED and returns false when not, before a byte of the file is read.
   */
  const mayGrow = async (req: express.Request, res: express.Response): Promise<boolean> => {
    const { viewer, locale } = restContext(res);
    try {
      assertViewerMayGrow(viewer);
      return true;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      await discardBody(req);
      refuse(res, error, locale);
      return false;
    }
  };

  /**
   * A route that takes a CSV file for a site: signed in, the upload checked and read, then
   * `handle` answers with the site and the file as read. `grows`: the route adds users, which a
   * suspended company may not.
   */
  const csvUploadRoute = (
    path: string,
    handle: (upload: CsvUpload, req: express.Request, res: express.Response) => Promise<void>,
    grows = false,
  ) =>
    router.post(
      path,
      requirePermission(deps, Permission.AUTHENTICATED, `POST /api${path}`, [ApiScope.SITES_WRITE]),
      async (req, res, next) => {
        try {
          if (grows && !(await mayGrow(req, res))) return;
          const site = await csvUploadTarget(req, res);
          if (!site) return;
          const read = await readUpload(req, res);
          if (!read) return;
          await handle({ context: restContext(res), site, read }, req, res);
        } catch (error) {
          endStream(res, error, next);
        }
      },
    );

  csvUploadRoute('/sites/:siteId/entry-users/import/preview', async (upload, _req, res) => {
    const { context, site, read } = upload;
    const { locale } = context;
    startNdjson(res);
    // rows with problems as they are checked, in lines of one batch each: the answer is
    // built a batch at a time and never held whole
    const { siteProblems } = await previewEntryUserImport(
      dataSource,
      siteScopeOf(context.viewer),
      site.id,
      read,
      {
        onChecked: (batch) => {
          const rows = batch.filter((row) => row.problems.length);
          if (rows.length) sendLine(res, { rows: rows.map((row) => importRowOf(row, locale)) });
        },
      },
    );
    const invalidCount = read.rows.filter((row) => row.problems.length).length;
    sendLine(res, {
      done: true,
      columns: read.columns,
      totalRows: read.rows.length,
      validCount: read.rows.length - invalidCount,
      invalidCount,
      userErrors: toRestUserErrors([...siteProblems, ...read.problems], locale),
    });
    res.end();
  });

  csvUploadRoute(
    '/sites/:siteId/entry-users/import',
    async (upload, req, res) => {
      const { context, site, read } = upload;
      const { locale } = context;
      const problems: FieldProblem[] = [...read.problems];
      if (!site.active) problems.unshift(...siteInactive().problems);
      if (problems.length) {
        res.status(422).json({ userErrors: toRestUserErrors(problems, locale) });
        return;
      }

      startNdjson(res);
      try {
        const outcome = await importEntryUsers(
          dataSource,
          siteScopeOf(context.viewer),
          site.id,
          read,
          { viewer: context.viewer, ip: clientIp(req) },
          { onProgress: (processed, total) => sendLine(res, { processed, total }) },
        );
        // the outcome line, written a batch of skipped rows at a time: 20,000 of them are
        // megabytes of JSON, too much to build in one go while others wait
        res.write(`{"done":true,"imported":${outcome.imported},"skipped":[`);
        for (const [index, batch] of chunks(outcome.skipped, ENTRY_USER_IMPORT_BATCH).entries()) {
          const rows = batch.map((row) => JSON.stringify(importRowOf(row, locale)));
          res.write(`${index ? ',' : ''}${rows.join(',')}`);
          await new Promise((resolve) => setImmediate(resolve));
        }
        res.write('],"userErrors":[]}\n');
      } catch (error) {
        if (error instanceof UserInputProblem) {
          sendLine(res, {
            done: true,
            imported: 0,
            skipped: [],
            userErrors: toRestUserErrors(error.problems, locale),
          });
        } else {
          logger.error('entry users import failed', { error, siteId: site.id });
          sendLine(res, {
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
    },
    true,
  );

  return router;
}
