import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  apiKeyInputProblems,
  apiKeyOverlapHours,
  LIMITS,
  UserErrorCode,
  type ApiKeyInput,
  type Locale,
} from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { PersonViewer } from '../auth/viewer';
import { newestFirstPage, type Connection } from '../common/connection';
import { UserInputProblem } from '../common/user-errors';
import { CompanyEntity } from '../companies/company.entity';
import { entityRows, queryRows } from '../database/entity-rows';
import { sqlDateTime } from '../database/sql-values';
import { inTransaction } from '../database/transaction';
import { companySites } from '../sites/company-sites';
import { ApiKeyEntity, ApiKeySiteEntity } from './api-key.entity';
import { generateApiKeySecret, hashApiKeySecret } from './api-key-secret';

const HOUR_MS = 60 * 60 * 1000;
/** lastUsedAt is written at most this often per key, not on every request. */
export const LAST_USED_INTERVAL_MS = 60 * 1000;

/** A key and the secret that uses it: the only answers that carry the secret. */
export interface IssuedApiKey {
  readonly apiKey: ApiKeyEntity;
  readonly secret: string;
}

/** What the audit log keeps of a key: never a secret, nor a hash of one. */
function auditedKey(key: ApiKeyEntity, siteIds: readonly string[] | null) {
  return {
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.join(','),
    sites: siteIds ? siteIds.join(',') : null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}

/**
 * Creates a key for the viewer's company. Payment and system admins only (the field's @auth);
 * INVOICES_READ only from a payment admin (FORBIDDEN_SCOPE); at most LIMITS.apiKeysPerCompany
 * live keys (LIMIT_REACHED): a revoked key frees its place.
 */
export async function createApiKey(
  dataSource: DataSource,
  viewer: PersonViewer,
  input: ApiKeyInput,
  actor: AuditActor,
  now = new Date(),
): Promise<IssuedApiKey> {
  const problems = apiKeyInputProblems(input, viewer.person.accessLevel, now);
  if (problems.length) throw new UserInputProblem(problems);
  return inTransaction(dataSource, async (manager) => {
    const live = await manager
      .getRepository(ApiKeyEntity)
      .countBy({ companyId: viewer.company.id, revokedAt: IsNull() });
    if (live >= LIMITS.apiKeysPerCompany)
      throw UserInputProblem.of(['input'], UserErrorCode.LIMIT_REACHED, {
        max: LIMITS.apiKeysPerCompany,
      });
    const siteIds = input.siteIds
      ? await companySites(manager, viewer.company.id, input.siteIds)
      : null;
    const { secret, prefix, hash } = generateApiKeySecret();
    const apiKey = manager.getRepository(ApiKeyEntity).create({
      companyId: viewer.company.id,
      name: input.name.trim(),
      prefix,
      secretHash: hash,
      previousSecretHash: null,
      previousSecretExpiresAt: null,
      scopes: [...new Set(input.scopes)],
      limitedToSites: siteIds !== null,
      createdByPersonId: viewer.person.id,
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
    });
    await manager.getRepository(ApiKeyEntity).insert(apiKey);
    if (siteIds?.length)
      await manager
        .getRepository(ApiKeySiteEntity)
        .insert(siteIds.map((siteId) => ({ apiKeyId: apiKey.id, siteId })));
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: 'api_key.created',
        subjectType: 'api_key',
        subjectId: apiKey.id,
        after: auditedKey(apiKey, siteIds),
      },
      now,
    );
    return { apiKey, secret };
  });
}

/** The company's key by id, or NOT_FOUND on `id` (another company's key reads as unknown). */
async function companyKey(
  manager: EntityManager,
  companyId: string,
  id: string,
): Promise<ApiKeyEntity> {
  const key = await manager.getRepository(ApiKeyEntity).findOneBy({ id, companyId });
  if (!key) throw UserInputProblem.of(['id'], UserErrorCode.NOT_FOUND);
  return key;
}

function isLive(key: ApiKeyEntity, now: Date): boolean {
  return !key.revokedAt && (!key.expiresAt || key.expiresAt > now);
}

/**
 * A new secret for the key, same scopes and sites; the old one keeps working for `overlapHours`
 * (0 to 168, default 24) so a partner can deploy the new one without an outage. A revoked or
 * expired key cannot be rotated (INVALID_STATE): create a new one.
 */
export async function rotateApiKey(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  overlapHours: number | null | undefined,
  actor: AuditActor,
  now = new Date(),
): Promise<IssuedApiKey> {
  const hours = apiKeyOverlapHours(overlapHours);
  if (hours === null) throw UserInputProblem.of(['overlapHours'], UserErrorCode.INVALID);
  return inTransaction(dataSource, async (manager) => {
    const key = await companyKey(manager, viewer.company.id, id);
    if (!isLive(key, now)) throw UserInputProblem.of(['id'], UserErrorCode.INVALID_STATE);
    const { secret, prefix, hash } = generateApiKeySecret();
    key.previousSecretHash = hours > 0 ? key.secretHash : null;
    key.previousSecretExpiresAt = hours > 0 ? new Date(now.getTime() + hours * HOUR_MS) : null;
    key.secretHash = hash;
    key.prefix = prefix;
    await manager.getRepository(ApiKeyEntity).update(
      { id: key.id },
      {
        secretHash: key.secretHash,
        prefix: key.prefix,
        previousSecretHash: key.previousSecretHash,
        previousSecretExpiresAt: key.previousSecretExpiresAt,
      },
    );
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: 'api_key.rotated',
        subjectType: 'api_key',
        subjectId: key.id,
        after: { name: key.name, prefix: key.prefix, overlapHours: hours },
      },
      now,
    );
    return { apiKey: key, secret };
  });
}

/** Stops the key at once, both secrets; revoking it again changes nothing. */
export async function revokeApiKey(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<ApiKeyEntity> {
  return inTransaction(dataSource, async (manager) => {
    const key = await companyKey(manager, viewer.company.id, id);
    if (key.revokedAt) return key;
    key.revokedAt = now;
    await manager.getRepository(ApiKeyEntity).update({ id: key.id }, { revokedAt: now });
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: 'api_key.revoked',
        subjectType: 'api_key',
        subjectId: key.id,
        before: { name: key.name, prefix: key.prefix },
      },
      now,
    );
    return key;
  });
}

/** The company's keys, newest first; revoked ones only when asked for. */
export async function listApiKeys(
  dataSource: DataSource,
  companyId: string,
  options: { first?: number | null; after?: string | null; includeRevoked?: boolean | null },
  locale: Locale,
): Promise<Connection<ApiKeyEntity>> {
  const query = () => {
    const keys = dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('apiKey')
      .where('apiKey.companyId = :companyId', { companyId });
    if (!options.includeRevoked) keys.andWhere('apiKey.revokedAt IS NULL');
    return keys;
  };
  return newestFirstPage(query, 'apiKey', options, locale);
}

/** The sites each key is limited to, for many keys in one statement (ApiKey.sites). */
export async function siteIdsOfKeys(
  dataSource: DataSource,
  keyIds: readonly string[],
): Promise<Map<string, string[]>> {
  const bySite = new Map<string, string[]>(keyIds.map((id) => [id, []]));
  if (keyIds.length === 0) return bySite;
  const rows = await dataSource
    .getRepository(ApiKeySiteEntity)
    .createQueryBuilder('keySite')
    .where('keySite.apiKeyId IN (:...keyIds)', { keyIds })
    .getMany();
  for (const row of rows) bySite.get(row.apiKeyId)?.push(row.siteId);
  return bySite;
}

export interface UsableApiKey {
  readonly key: ApiKeyEntity;
  readonly company: CompanyEntity;
}

/**
 * The live key a secret belongs to (its current secret, or the previous one while the rotation's
 * overlap lasts), with its company; null when the secret is unknown, revoked or expired. Notes
 * the use, at most once a minute per key.
 */
export async function findUsableApiKey(
  dataSource: DataSource,
  secret: string,
  now = new Date(),
): Promise<UsableApiKey | null> {
  const rows = {
    key: entityRows(dataSource, ApiKeyEntity, 'apiKey'),
    company: entityRows(dataSource, CompanyEntity, 'company'),
  };
  const hash = hashApiKeySecret(secret);
  const [row] = await queryRows(
    dataSource.manager,
    `SELECT ${rows.key.columns}, ${rows.company.columns}
       FROM ${rows.key.from}
       INNER JOIN ${rows.company.from} ON company.id = apiKey.companyId
      WHERE (apiKey.secretHash = :hash OR (apiKey.previousSecretHash = :hash AND apiKey.previousSecretExpiresAt > :now))
        AND apiKey.revokedAt IS NULL
        AND (apiKey.expiresAt IS NULL OR apiKey.expiresAt > :now)`,
    { hash, now: sqlDateTime(dataSource, now) },
  );
  const key = row ? rows.key.read(row) : null;
  const company = row ? rows.company.read(row) : null;
  if (!key || !company) return null;
  await noteUse(dataSource, key, now);
  return { key, company };
}

async function noteUse(dataSource: DataSource, key: ApiKeyEntity, now: Date): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_INTERVAL_MS) return;
  // Conditional, so several processes noting the same minute write once between them.
  const since = new Date(now.getTime() - LAST_USED_INTERVAL_MS);
  await dataSource
    .getRepository(ApiKeyEntity)
    .createQueryBuilder()
    .update()
    .set({ lastUsedAt: now })
    .where('id = :id AND (lastUsedAt IS NULL OR lastUsedAt <= :since)', {
      id: key.id,
      since: sqlDateTime(dataSource, since),
    })
    .execute();
  key.lastUsedAt = now;
}
