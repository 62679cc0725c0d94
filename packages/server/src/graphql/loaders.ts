import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { PersonEntity } from '../people/person.entity';

/**
 * Batches the look-ups field resolvers make, one set per request (so nothing is cached across
 * people). Every relation a list can reach goes through here: no query per parent row.
 */
export function createLoaders(dataSource: DataSource) {
  return {
    companyById: new DataLoader<string, CompanyEntity | null>(async (ids) => {
      const rows = await dataSource.getRepository(CompanyEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
