import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  foldForSearch,
  LIMITS,
  normalizeSiteInput,
  SiteProblemReason,
  UserErrorCode,
  validateSiteInput,
  WebhookEventType,
  type Locale,
  type SiteInput,
} from '@entry/shared';
import type { AuditValues } from '../audit/audit-event.entity';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import {
  addListTotal,
  applyKeyset,
  pageSize,
  toConnection,
  TOTAL,
  totalOfRows,
} from '../common/connection';
import { loadPageRows } from '../common/page-rows';
import { whereFoldedContains } from '../common/search-sql';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { lockRows } from '../database/row-locks';
import { inTransaction } from '../database/transaction';
import { publishWebhookEvent } from '../webhooks/webhook-outbox';
import { siteEvent } from '../webhooks/webhook-payloads';
import { currentEntryUserCountSql } from './entry-user-queries';
import { withLazyTotal, type LazyConnection } from './lazy-connection';
import { SiteActivePeriodEntity } from './site-active-period.entity';
import { notFound, problem } from './site-errors';
import { applySiteScope, isId, type SiteScope } from './site-scope';
import { SiteEntity } from './site.entity';

const ID_FIELD = ['id'];
const NAME_FIELD = ['input', 'name'];

export interface SiteListFilter {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly search?: string | null;
  /** true: active sites only; false: deactivated only; null: both */
  readonly active?: boolean | null;
}

/** The sites query of a scope, with the list's filters. */
export function visibleSites(
  manager: EntityManager,
  scope: SiteScope,
  filter: Pick<SiteListFilter, 'search' | 'active'> = {},
) {
  const query = manager.getRepository(SiteEntity).createQueryBuilder('site');
  applySiteScope(query, 'site', scope);
  whereFoldedContains(query, 'site.searchText', filter.search);
  if (filter.active !== null && filter.active !== undefined)
    query.andWhere('site.active = :active', { active: filter.active });
  return query;
}

/** What the sites list reads in its page statement, because the client asks for it. */
export interface SiteListReads {
  readonly totalCount?: boolean;
  /** each site's current Entry app user count (Site.entryUserCount) */
  readonly entryUserCounts?: boolean;
}

export interface SiteListPage {
  readonly connection: LazyConnection<SiteEntity>;
  /** by site id, when asked for: for the Site.entryUserCount loader */
  readonly entryUserCounts: ReadonlyMap<string, number>;
}

/**
 * The sites a viewer may see, sorted by name, a page at a time, in one statement: the page's
 * rows, on a first page the list's total, and the user counts when asked for. totalCount after a
 * cursor is counted apart, and only when asked for.
 */
export async function listSites(
  dataSource: DataSource,
  scope: SiteScope,
  filter: SiteListFilter,
  locale: Locale,
  reads: SiteListReads = {},
): Promise<SiteListPage> {
  const manager = dataSource.manager;
  const size = pageSize(filter.first);
  const ids = applyKeyset(
    visibleSites(manager, scope, filter).select('site.id', 'id'),
    'site.nameKey',
    'site.id',
    filter.after,
    size,
    locale,
  );
  const counted =
    reads.totalCount === true &&
    addListTotal(ids, filter.after, visibleSites(manager, scope, filter));
  const rows = await loadPageRows(
    manager,
    SiteEntity,
    'site',
    ids.getQuery(),
    ids.getParameters(),
    {
      columns: counted ? [TOTAL] : [],
      computed: reads.entryUserCounts
        ? { entryUserCount: currentEntryUserCountSql(manager, 'site.id') }
        : {},
      orderBy: ['site.nameKey', 'site.id'],
    },
  );
  const page = toConnection(
    rows.map((row) => row.entity),
    size,
    (site) => [site.nameKey, site.id],
    0,
  );
  return {
    connection: withLazyTotal(
      page,
      () => visibleSites(manager, scope, filter).getCount(),
      counted ? totalOfRows(rows[0]?.values) : null,
    ),
    entryUserCounts: new Map(
      reads.entryUserCounts
        ? rows.map((row) => [row.entity.id, Number(row.values['entryUserCount'])])
        : [],
    ),
  };
}

/** A site the scope may see, or null: another company's id reads like an unknown one. */
export async function findVisibleSite(
  manager: EntityManager,
  scope: SiteScope,
  id: string,
): Promise<SiteEntity | null> {
  if (!isId(id)) return null;
  return visibleSites(manager, scope).andWhere('site.id = :id', { id }).getOne();
}

/**
 * A site the scope may see, or NOT_FOUND on `field`: for the writes to a site and its users, so
 * the read locks the site's row (shared) until the commit. A transfer's acceptance moves the
 * site with an exclusive lock (site-transfers/site-moves.ts): a write to it waits for the move
 * and then no longer sees the site, or the move waits for the write and takes its rows along.
 */
export async function requireVisibleSite(
  manager: EntityManager,
  scope: SiteScope,
  id: string,
  field: readonly string[] = ID_FIELD,
): Promise<SiteEntity> {
  const site = isId(id)
    ? await lockRows(
        visibleSites(manager, scope).andWhere('site.id = :id', { id }),
        'share',
      ).getOne()
    : null;
  if (!site) throw notFound(field);
  return site;
}

function siteKeys(input: SiteInput) {
  const nameKey = foldForSearch(input.name).slice(0, LIMITS.siteName);
  const searchText = foldForSearch(`${input.name} ${input.address ?? ''}`).slice(
    0,
    LIMITS.siteName + LIMITS.address + 1,
  );
  return { nameKey, searchText };
}

function checkedInput(raw: SiteInput): SiteInput & { nameKey: string; searchText: string } {
  const input = normalizeSiteInput(raw);
  const problems = validateSiteInput(input);
  const keys = siteKeys(input);
  // a name of nothing but combining marks folds to nothing: as good as blank
  if (!problems.length && !keys.nameKey)
    problems.push({ field: NAME_FIELD, code: UserErrorCode.REQUIRED });
  if (problems.length) throw new UserInputProblem(problems);
  return { ...input, ...keys };
}

function nameTaken(): UserInputProblem {
  return problem(NAME_FIELD, UserErrorCode.TAKEN, SiteProblemReason.SITE_NAME_TAKEN);
}

async function assertNameFree(
  manager: EntityManager,
  companyId: string,
  nameKey: string,
  exceptId?: string,
): Promise<void> {
  const other = await manager
    .getRepository(SiteEntity)
    .findOne({ select: { id: true }, where: { companyId, nameKey } });
  if (other && other.id !== exceptId) throw nameTaken();
}

/** Runs a write that may hit the (company, nameKey) unique index in a race: TAKEN, not a 500. */
async function guardingName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** A new, active site of the company; billing counts its users from today. */
export async function createSite(
  dataSource: DataSource,
  companyId: string,
  raw: SiteInput,
  actor: AuditActor,
  now = new Date(),
): Promise<SiteEntity> {
  const input = checkedInput(raw);
  return guardingName(() =>
    inTransaction(dataSource, async (manager) => {
      await assertNameFree(manager, companyId, input.nameKey);
      const site = manager.getRepository(SiteEntity).create({
        id: randomUUID(),
        companyId,
        name: input.name,
        nameKey: input.nameKey,
        nameSlot: 0,
        address: input.address ?? null,
        costCenter: input.costCenter ?? null,
        searchText: input.searchText,
        active: true,
        createdAt: now,
        updatedAt: now,
        deactivatedAt: null,
      });
      await manager.getRepository(SiteEntity).insert(site);
      await manager
        .getRepository(SiteActivePeriodEntity)
        .insert({ id: randomUUID(), siteId: site.id, startedAt: now, endedAt: null });
      await recordAudit(
        manager,
        actor,
        {
          companyId,
          kind: 'site.created',
          subjectType: 'site',
          subjectId: site.id,
          siteId: site.id,
          after: { name: site.name, address: site.address, costCenter: site.costCenter },
        },
        now,
      );
      await publishWebhookEvent(
        manager,
        companyId,
        siteEvent(WebhookEventType.SITE_CREATED, site),
        now,
      );
      return site;
    }),
  );
}

/** Renames or re-addresses a site the viewer may see (site admins: their own). */
export async function updateSite(
  dataSource: DataSource,
  scope: SiteScope,
  id: string,
  raw: SiteInput,
  actor: AuditActor,
  now = new Date(),
): Promise<SiteEntity> {
  return guardingName(() =>
    inTransaction(dataSource, async (manager) => {
      // whether the viewer may see the site comes before how their input is judged
      const site = await requireVisibleSite(manager, scope, id);
      const input = checkedInput(raw);
      const before: AuditValues = {};
      const after: AuditValues = {};
      if (input.name !== site.name) {
        before['name'] = site.name;
        after['name'] = input.name;
      }
      if ((input.address ?? null) !== site.address) {
        before['address'] = site.address;
        after['address'] = input.address ?? null;
      }
      // left out: kept (apps from before cost centres must not clear them)
      const costCenter = input.costCenter === undefined ? site.costCenter : input.costCenter;
      if (costCenter !== site.costCenter) {
        before['costCenter'] = site.costCenter;
        after['costCenter'] = costCenter;
      }
      if (!Object.keys(after).length) return site;
      if (input.nameKey !== site.nameKey)
        await assertNameFree(manager, site.companyId, input.nameKey, site.id);
      const changes = {
        name: input.name,
        nameKey: input.nameKey,
        // a new name is free (checked above): a transferred-in site leaves its extra slot
        nameSlot: input.nameKey !== site.nameKey ? 0 : site.nameSlot,
        address: input.address ?? null,
        costCenter,
        searchText: input.searchText,
        updatedAt: now,
      };
      await manager.getRepository(SiteEntity).update({ id: site.id }, changes);
      await recordAudit(
        manager,
        actor,
        {
          companyId: site.companyId,
          kind: 'site.updated',
          subjectType: 'site',
          subjectId: site.id,
          siteId: site.id,
          before,
          after,
        },
        now,
      );
      Object.assign(site, changes);
      await publishWebhookEvent(
        manager,
        site.companyId,
        siteEvent(WebhookEventType.SITE_UPDATED, site),
        now,
      );
      return site;
    }),
  );
}

/** The audit entry of a site turned active (reactivated) or inactive (deactivated). */
function recordActiveChange(
  manager: EntityManager,
  actor: AuditActor,
  site: SiteEntity,
  active: boolean,
  now: Date,
) {
  return recordAudit(
    manager,
    actor,
    {
      companyId: site.companyId,
      kind: active ? 'site.reactivated' : 'site.deactivated',
      subjectType: 'site',
      subjectId: site.id,
      siteId: site.id,
      before: { active: !active },
      after: { active },
    },
    now,
  );
}

/**
 * Deactivates a site: billing stops from the next day on (today still counts); the site, its
 * users and its history stay. Deactivating an inactive site changes nothing.
 */
export function deactivateSite(
  dataSource: DataSource,
  scope: SiteScope,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<SiteEntity> {
  return setSiteActive(dataSource, scope, id, actor, false, now);
}

/** Makes a deactivated site active again: billing counts its users again from today. */
export function reactivateSite(
  dataSource: DataSource,
  scope: SiteScope,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<SiteEntity> {
  return setSiteActive(dataSource, scope, id, actor, true, now);
}

/** Turns a site active or inactive: its billed periods follow, a site already so is left alone. */
function setSiteActive(
  dataSource: DataSource,
  scope: SiteScope,
  id: string,
  actor: AuditActor,
  active: boolean,
  now: Date,
): Promise<SiteEntity> {
  return inTransaction(dataSource, async (manager) => {
    const site = await requireVisibleSite(manager, scope, id);
    const change = { active, deactivatedAt: active ? null : now, updatedAt: now };
    // conditional: of two concurrent changes, one changes the row and writes the history
    const { affected } = await manager
      .getRepository(SiteEntity)
      .update({ id: site.id, active: !active }, change);
    if (!affected) return requireVisibleSite(manager, scope, site.id);
    const periods = manager.getRepository(SiteActivePeriodEntity);
    if (active)
      await periods.insert({ id: randomUUID(), siteId: site.id, startedAt: now, endedAt: null });
    else await periods.update({ siteId: site.id, endedAt: IsNull() }, { endedAt: now });
    await recordActiveChange(manager, actor, site, active, now);
    Object.assign(site, change);
    const type = active ? WebhookEventType.SITE_REACTIVATED : WebhookEventType.SITE_DEACTIVATED;
    await publishWebhookEvent(manager, site.companyId, siteEvent(type, site), now);
    return site;
  });
}
