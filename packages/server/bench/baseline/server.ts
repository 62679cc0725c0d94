import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import DataLoader from 'dataloader';
import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import mysql, { type Pool, type RowDataPacket } from 'mysql2/promise';
import {
  ACCESS_LEVEL_RIGHTS,
  ErrorCode,
  LIMITS,
  levelGrants,
  Permission,
  resolveLocale,
  type AccessLevelCode,
  type Locale,
} from '@entry/shared';
import { forbidden, portalError, unauthenticated } from '../../src/graphql/errors';
import { assertSubsetOfPortalSchema, buildBaselineSchema } from './schema';

/**
 * The raw baseline the API benchmark compares the portal with: the same operations over the same
 * data with the same rules (session checks, access levels, site scoping, keyset pages, batched
 * nested loads), written directly on graphql-js + graphql-http + mysql2 + DataLoader on
 * node:http. No framework, no ORM. MariaDB only. Its answers must equal the portal's (api.ts
 * checks them before timing), so every rule below mirrors the portal's:
 *   session lookup     src/accounts/session.service.ts  findActiveSession
 *   permission check   src/graphql/authorization.ts     assertPermission
 *   site scope         src/sites/site-scope.ts          siteScopeOf / applySiteScope
 *   pages and cursors  src/common/connection.ts         pageSize / encodeCursor
 */

const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

interface ViewerPerson {
  readonly id: string;
  readonly companyId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly locale: string;
  readonly accessLevel: AccessLevelCode;
  readonly status: string;
  readonly mustChangePassword: boolean;
}

interface Viewer {
  readonly person: ViewerPerson;
  readonly companyStatus: string;
}

type SiteScope =
  | { readonly kind: 'none' }
  | { readonly kind: 'company'; readonly companyId: string }
  | { readonly kind: 'assigned'; readonly companyId: string; readonly personId: string };

interface SiteRow {
  readonly id: string;
  readonly name: string;
  readonly nameKey: string;
  readonly address: string | null;
  readonly active: boolean;
}

interface PersonRow {
  readonly id: string;
  readonly companyId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly status: string;
  readonly accessLevel: AccessLevelCode;
  readonly sortKey: string;
}

type Context = {
  readonly viewer: Viewer | null;
  readonly locale: Locale;
  readonly scope: SiteScope;
  readonly loaders: Loaders;
};

const SITE_COLUMNS = 's.id, s.name, s.nameKey, s.address, s.active';
const PERSON_COLUMNS =
  'p.id, p.companyId, p.firstName, p.lastName, p.email, p.status, p.accessLevel, p.sortKey';

function siteOf(row: RowDataPacket): SiteRow {
  return {
    id: row['id'],
    name: row['name'],
    nameKey: row['nameKey'],
    address: row['address'],
    active: row['active'] === 1 || row['active'] === true,
  };
}

function personOf(row: RowDataPacket): PersonRow {
  return {
    id: row['id'],
    companyId: row['companyId'],
    firstName: row['firstName'],
    lastName: row['lastName'],
    email: row['email'],
    status: row['status'],
    accessLevel: row['accessLevel'],
    sortKey: row['sortKey'],
  };
}

// ---- sessions and authorization -------------------------------------------------------------

async function findViewer(pool: Pool, token: string): Promise<Viewer | null> {
  const tokenHash = createHash('sha256').update(token, 'utf8').digest('hex');
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT s.id AS sessionId, s.lastSeenAt, s.idleExpiresAt, s.absoluteExpiresAt,
            p.id, p.companyId, p.firstName, p.lastName, p.email, p.locale, p.accessLevel,
            p.status, p.mustChangePassword, c.status AS companyStatus
       FROM session s
       JOIN person p ON p.id = s.personId
       JOIN company c ON c.id = p.companyId
      WHERE s.tokenHash = ? AND s.revokedAt IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  const now = Date.now();
  if (!row) return null;
  const absoluteExpiresAt = (row['absoluteExpiresAt'] as Date).getTime();
  if ((row['idleExpiresAt'] as Date).getTime() <= now || absoluteExpiresAt <= now) return null;
  if (now - (row['lastSeenAt'] as Date).getTime() > TOUCH_INTERVAL_MS) {
    // the session stays alive while used: the same once-a-minute write the portal makes
    await pool.query('UPDATE session SET lastSeenAt = ?, idleExpiresAt = ? WHERE id = ?', [
      new Date(now),
      new Date(Math.min(now + SESSION_IDLE_MS, absoluteExpiresAt)),
      row['sessionId'],
    ]);
  }
  if (row['status'] === 'DISABLED') return null;
  return {
    person: {
      id: row['id'],
      companyId: row['companyId'],
      firstName: row['firstName'],
      lastName: row['lastName'],
      email: row['email'],
      locale: row['locale'],
      accessLevel: row['accessLevel'],
      status: row['status'],
      mustChangePassword: row['mustChangePassword'] === 1,
    },
    companyStatus: row['companyStatus'],
  };
}

/** The portal's one permission check, for the permissions these operations use. */
function assertPermission(context: Context, permission: Permission): void {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();
  if (viewer.companyStatus !== 'APPROVED') throw forbidden();
  if (viewer.person.mustChangePassword) throw portalError(ErrorCode.PASSWORD_CHANGE_REQUIRED);
  if (!levelGrants(viewer.person.accessLevel, permission)) throw forbidden();
}

function siteScopeOf(viewer: Viewer | null): SiteScope {
  if (!viewer || viewer.companyStatus !== 'APPROVED' || viewer.person.mustChangePassword)
    return { kind: 'none' };
  const { person } = viewer;
  return levelGrants(person.accessLevel, Permission.ALL_SITES)
    ? { kind: 'company', companyId: person.companyId }
    : { kind: 'assigned', companyId: person.companyId, personId: person.id };
}

/** The WHERE clause of a scope on the `site` alias `s`, with its parameters. */
function scopeSql(scope: SiteScope): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'none':
      return { sql: '1 = 0', params: [] };
    case 'company':
      return { sql: 's.companyId = ?', params: [scope.companyId] };
    case 'assigned':
      return {
        sql: 's.companyId = ? AND EXISTS (SELECT 1 FROM site_assignment scope_sa WHERE scope_sa.siteId = s.id AND scope_sa.personId = ?)',
        params: [scope.companyId, scope.personId],
      };
  }
}

// ---- pages ----------------------------------------------------------------------------------

function pageSize(first: unknown, _locale: Locale): number {
  if (first === null || first === undefined) return LIMITS.pageSizeDefault;
  if (
    typeof first !== 'number' ||
    !Number.isInteger(first) ||
    first < 1 ||
    first > LIMITS.pageSizeMax
  )
    throw portalError(ErrorCode.BAD_USER_INPUT, {
      argument: 'first',
      min: 1,
      max: LIMITS.pageSizeMax,
    });
  return first;
}

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, _locale: Locale): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      typeof key[0] === 'string' &&
      typeof key[1] === 'string'
    )
      return [key[0], key[1]];
  } catch {
    // not a cursor we issued
  }
  throw portalError(ErrorCode.BAD_USER_INPUT, { argument: 'after' });
}

/** rows: up to size + 1 (the extra one says there is a next page) */
function connection<T>(
  rows: readonly T[],
  size: number,
  keyOf: (row: T) => [string, string],
  totalCount: () => Promise<number>,
) {
  const edges = rows.slice(0, size).map((node) => ({ cursor: encodeCursor(...keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    // graphql-js calls a function-valued property only when the field is asked for
    totalCount,
  };
}

function keysetSql(column: string, idColumn: string, after: unknown, locale: Locale) {
  if (typeof after !== 'string' || !after) return { sql: '', params: [] as unknown[] };
  const [sortKey, id] = decodeCursor(after, locale);
  return {
    sql: ` AND (${column} > ? OR (${column} = ? AND ${idColumn} > ?))`,
    params: [sortKey, sortKey, id],
  };
}

// ---- loaders (fresh per request: batching, no cache across requests) -------------------------

interface PersonSitesKey {
  readonly person: PersonRow | ViewerPerson;
  /** page size + 1 */
  readonly limit: number;
}

function createLoaders(pool: Pool, scope: SiteScope) {
  const query = async (sql: string, params: unknown[]) =>
    (await pool.query<RowDataPacket[]>(sql, params))[0];
  const allSites = (person: PersonSitesKey['person']) =>
    ACCESS_LEVEL_RIGHTS[person.accessLevel].allSites;
  const scoped = scopeSql(scope);

  const entryUserCounts = new DataLoader<string, number>(async (siteIds) => {
    const rows = await query(
      'SELECT siteId, COUNT(*) AS count FROM entry_user WHERE siteId IN (?) AND removedAt IS NULL GROUP BY siteId',
      [siteIds],
    );
    const bySite = new Map(rows.map((row) => [row['siteId'] as string, Number(row['count'])]));
    return siteIds.map((id) => bySite.get(id) ?? 0);
  });

  const siteAdmins = new DataLoader<string, PersonRow[]>(async (siteIds) => {
    const rows = await query(
      `SELECT sa.siteId AS assignedSiteId, ${PERSON_COLUMNS}
         FROM site_assignment sa JOIN person p ON p.id = sa.personId
        WHERE sa.siteId IN (?) AND p.accessLevel = 'SITE_ADMIN' AND p.status != 'DISABLED'
        ORDER BY p.sortKey, p.id`,
      [siteIds],
    );
    const bySite = new Map<string, PersonRow[]>();
    for (const row of rows) {
      const list = bySite.get(row['assignedSiteId']) ?? [];
      list.push(personOf(row));
      bySite.set(row['assignedSiteId'], list);
    }
    return siteIds.map((id) => bySite.get(id) ?? []);
  });

  /**
   * The first sites of each person as the viewer may see them: every site of the company for
   * all-sites levels (one list, shared), the assigned ones for site admins (one windowed query).
   */
  const personSitePages = new DataLoader<PersonSitesKey, SiteRow[], string>(
    async (keys) => {
      const pages = new Map<string, SiteRow[]>();
      const pageKey = (k: PersonSitesKey) =>
        allSites(k.person)
          ? `company:${k.person.companyId}:${k.limit}`
          : `person:${k.person.id}:${k.limit}`;
      for (const limit of new Set(keys.map((k) => k.limit))) {
        const sameLimit = keys.filter((k) => k.limit === limit);
        const companies = new Set(
          sameLimit.filter((k) => allSites(k.person)).map((k) => k.person.companyId),
        );
        for (const companyId of companies) {
          const rows = await query(
            `SELECT ${SITE_COLUMNS} FROM site s WHERE ${scoped.sql} AND s.companyId = ? ORDER BY s.nameKey, s.id LIMIT ?`,
            [...scoped.params, companyId, limit],
          );
          pages.set(`company:${companyId}:${limit}`, rows.map(siteOf));
        }
        const siteAdminIds = [
          ...new Set(sameLimit.filter((k) => !allSites(k.person)).map((k) => k.person.id)),
        ];
        if (!siteAdminIds.length) continue;
        const rows = await query(
          `SELECT page.personId, page.id, page.name, page.nameKey, page.address, page.active FROM (
             SELECT sa.personId, ${SITE_COLUMNS},
                    ROW_NUMBER() OVER (PARTITION BY sa.personId ORDER BY s.nameKey, s.id) AS rowNumber
               FROM site s JOIN site_assignment sa ON sa.siteId = s.id
              WHERE sa.personId IN (?) AND ${scoped.sql}
           ) page
           WHERE page.rowNumber <= ?
           ORDER BY page.personId, page.rowNumber`,
          [siteAdminIds, ...scoped.params, limit],
        );
        for (const row of rows) {
          const key = `person:${row['personId']}:${limit}`;
          const list = pages.get(key) ?? [];
          list.push(siteOf(row));
          pages.set(key, list);
        }
      }
      return keys.map((k) => pages.get(pageKey(k)) ?? []);
    },
    { cacheKeyFn: (k) => `${k.person.id}:${k.limit}` },
  );

  const personSiteCounts = new DataLoader<PersonSitesKey['person'], number, string>(
    async (people) => {
      const counts = new Map<string, number>();
      const companies = [...new Set(people.filter(allSites).map((p) => p.companyId))];
      for (const companyId of companies) {
        const rows = await query(
          `SELECT COUNT(*) AS count FROM site s WHERE ${scoped.sql} AND s.companyId = ?`,
          [...scoped.params, companyId],
        );
        counts.set(`company:${companyId}`, Number(rows[0]!['count']));
      }
      const siteAdminIds = [...new Set(people.filter((p) => !allSites(p)).map((p) => p.id))];
      if (siteAdminIds.length) {
        const rows = await query(
          `SELECT sa.personId, COUNT(*) AS count FROM site s JOIN site_assignment sa ON sa.siteId = s.id
            WHERE sa.personId IN (?) AND ${scoped.sql} GROUP BY sa.personId`,
          [siteAdminIds, ...scoped.params],
        );
        for (const row of rows) counts.set(`person:${row['personId']}`, Number(row['count']));
      }
      return people.map(
        (p) => counts.get(allSites(p) ? `company:${p.companyId}` : `person:${p.id}`) ?? 0,
      );
    },
    { cacheKeyFn: (p) => p.id },
  );

  return { entryUserCounts, siteAdmins, personSitePages, personSiteCounts };
}

type Loaders = ReturnType<typeof createLoaders>;

// ---- resolvers ------------------------------------------------------------------------------

type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;

function attachResolvers(schema: GraphQLSchema, pool: Pool): void {
  const resolvers: Record<string, Record<string, Resolver>> = {
    Query: {
      sites: async (_root, args, context) => {
        assertPermission(context, Permission.AUTHENTICATED);
        const size = pageSize(args['first'], context.locale);
        const scoped = scopeSql(context.scope);
        const keyset = keysetSql('s.nameKey', 's.id', args['after'], context.locale);
        const [rows] = await pool.query<RowDataPacket[]>(
          `SELECT ${SITE_COLUMNS} FROM site s WHERE ${scoped.sql}${keyset.sql} ORDER BY s.nameKey, s.id LIMIT ?`,
          [...scoped.params, ...keyset.params, size + 1],
        );
        return connection(
          rows.map(siteOf),
          size,
          (site) => [site.nameKey, site.id],
          async () => {
            const [count] = await pool.query<RowDataPacket[]>(
              `SELECT COUNT(*) AS count FROM site s WHERE ${scoped.sql}`,
              scoped.params,
            );
            return Number(count[0]!['count']);
          },
        );
      },
      people: async (_root, args, context) => {
        assertPermission(context, Permission.ALL_SITES);
        const companyId = context.viewer!.person.companyId;
        const size = pageSize(args['first'], context.locale);
        const keyset = keysetSql('p.sortKey', 'p.id', args['after'], context.locale);
        const [rows] = await pool.query<RowDataPacket[]>(
          `SELECT ${PERSON_COLUMNS} FROM person p WHERE p.companyId = ?${keyset.sql} ORDER BY p.sortKey, p.id LIMIT ?`,
          [companyId, ...keyset.params, size + 1],
        );
        return connection(
          rows.map(personOf),
          size,
          (person) => [person.sortKey, person.id],
          async () => {
            const [count] = await pool.query<RowDataPacket[]>(
              'SELECT COUNT(*) AS count FROM person p WHERE p.companyId = ?',
              [companyId],
            );
            return Number(count[0]!['count']);
          },
        );
      },
      me: (_root, _args, context) => context.viewer?.person ?? null,
    },
    Site: {
      siteAdmins: (site, _args, context) => {
        assertPermission(context, Permission.ALL_SITES);
        return context.loaders.siteAdmins.load((site as SiteRow).id);
      },
      entryUserCount: (site, _args, context) =>
        context.loaders.entryUserCounts.load((site as SiteRow).id),
    },
    Person: {
      accessLevel: (person) => {
        const code = (person as PersonRow).accessLevel;
        return { code, ...ACCESS_LEVEL_RIGHTS[code] };
      },
      sites: (person, args, context) => {
        const size = pageSize(args['first'], context.locale);
        if (typeof args['after'] === 'string' && args['after'])
          // nested pages past the first are not part of the benchmark: refuse rather than ignore
          throw new Error(
            'baseline: Person.sites(after:) is outside the benchmark operations (first pages only)',
          );
        const owner = person as PersonRow;
        const count = () => context.loaders.personSiteCounts.load(owner);
        const page = () =>
          context.loaders.personSitePages
            .load({ person: owner, limit: size + 1 })
            .then((rows) => connection(rows, size, (site) => [site.nameKey, site.id], count));
        // each part loaded only when asked for, as the portal's nested connections do
        return {
          edges: () => page().then((loaded) => loaded.edges),
          pageInfo: () => page().then((loaded) => loaded.pageInfo),
          totalCount: count,
        };
      },
    },
  };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [fieldName, resolve] of Object.entries(fields))
      type.getFields()[fieldName]!.resolve = resolve;
  }
}

// ---- HTTP -----------------------------------------------------------------------------------

export interface BaselineServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startBaseline(databaseUrl: string, port: number): Promise<BaselineServer> {
  const schema = buildBaselineSchema();
  assertSubsetOfPortalSchema(schema);
  // the same pool size as the portal's (src/database/data-source.ts)
  const pool = mysql.createPool({ uri: databaseUrl, timezone: 'Z', connectionLimit: 10 });
  attachResolvers(schema, pool);
  const graphqlHandler = createHandler<Context>({
    schema,
    context: async (req) => {
      const headers = req.raw.headers;
      const authorization = headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const viewer = token ? await findViewer(pool, token) : null;
      const locale = viewer
        ? resolveLocale(viewer.person.locale)
        : resolveLocale(headers['accept-language']?.split(',')[0]);
      const scope = siteScopeOf(viewer);
      return { viewer, locale, scope, loaders: createLoaders(pool, scope) };
    },
  });
  const server = http.createServer((req, res) => {
    if (req.url === '/graphql') {
      graphqlHandler(req, res).catch((error: unknown) => {
        console.error('baseline: request failed', error);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (req.url === '/healthz') {
      pool.query('SELECT 1').then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
        () => res.writeHead(503).end(),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

if (require.main === module) {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl?.startsWith('mysql:') && !databaseUrl?.startsWith('mariadb:')) {
    console.error('baseline: set DATABASE_URL=mysql://user@host:3306/database (MariaDB only)');
    process.exit(1);
  }
  startBaseline(
    databaseUrl.replace(/^mariadb:/, 'mysql:'),
    Number(process.env['PORT'] ?? 4100),
  ).then(
    (server) => {
      console.log(`baseline listening on ${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
    (error: unknown) => {
      console.error('baseline: start-up failed', error);
      process.exit(1);
    },
  );
}
