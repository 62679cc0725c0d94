import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';

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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
