import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { PersonEntity } from '../people/person.entity';
import { createSiteLoaders } from '../sites/site.loaders';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { siteIdsOfKeys } from '../api-keys/api-keys.service';
import { createBillingLoaders } from '../billing/billing.loaders';
import { InvoiceEntity } from '../billing/invoice.entity';
import { OperatorEntity } from '../accounts/operator.entity';

/**
 * Rows by primary key, one query per batch. Only for lookups that need no scoping (the caller
 * already holds a reference it may follow); scoped lists have their own loaders.
 */
function byIdLoader<T extends { id: string }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource
      .getRepository(entity)
      .findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Batches the look-ups field resolvers make, one set per request (so nothing is cached across
 * people). Every relation a list can reach goes through here: no query per parent row.
 */
export function createLoaders(dataSource: DataSource) {
  return {
    companyById: byIdLoader(dataSource, CompanyEntity),
    personById: byIdLoader(dataSource, PersonEntity),
    operatorById: byIdLoader(dataSource, OperatorEntity),
    invoiceById: byIdLoader(dataSource, InvoiceEntity),
    apiKeyById: byIdLoader(dataSource, ApiKeyEntity),
    /** the first person of each company: who registered it */
    registrantByCompanyId: new DataLoader<string, PersonEntity | null>(async (companyIds) => {
      const rows = await dataSource.getRepository(PersonEntity).find({
        where: { companyId: In([...companyIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const first = new Map<string, PersonEntity>();
      for (const row of rows) if (!first.has(row.companyId)) first.set(row.companyId, row);
      return companyIds.map((id) => first.get(id) ?? null);
    }),
    /** the sites each API key is limited to (ApiKey.sites) */
    apiKeySiteIds: new DataLoader<string, string[]>(async (keyIds) => {
      const byKey = await siteIdsOfKeys(dataSource, keyIds);
      return keyIds.map((id) => byKey.get(id) ?? []);
    }),
    /** sites, their admins and Entry app users; scoped ones via sites.forScope(scope) */
    sites: createSiteLoaders(dataSource),
    billing: createBillingLoaders(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
