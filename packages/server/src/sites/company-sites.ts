import { In, type EntityManager } from 'typeorm';
import { UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';
import { SiteEntity } from './site.entity';

/**
 * The given sites, all of the company's, without repeats; or NOT_FOUND on input.siteIds.N, the
 * first unknown one (another company's site reads as unknown). For the sites given to a site
 * admin or an API key.
 */
export async function companySites(
  manager: EntityManager,
  companyId: string,
  siteIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(siteIds)];
  if (unique.length === 0) return [];
  const found = await manager
    .getRepository(SiteEntity)
    .find({ select: { id: true }, where: { id: In(unique), companyId } });
  const known = new Set(found.map((site) => site.id));
  const missing = siteIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw UserInputProblem.of(['input', 'siteIds', String(missing)], UserErrorCode.NOT_FOUND);
  return unique;
}
