import type { DataSource } from 'typeorm';
import type { CompanyEntity } from '../../src/companies/company.entity';
import type { PersonEntity } from '../../src/people/person.entity';
import type { SiteEntity } from '../../src/sites/site.entity';
import {
  assignSite,
  buildCompany,
  buildOperator,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';

export interface Signed {
  readonly person: PersonEntity;
  readonly token: string;
}

/**
 * Two companies and everyone who could ask about their sites: the scoping matrix of the sites
 * suites. Company A has two sites ("own" given to the site admin, "other" not); company B (the
 * rival) has one.
 */
export interface SitesWorld {
  readonly company: CompanyEntity;
  readonly paymentAdmin: Signed;
  readonly systemAdmin: Signed;
  /** assigned to `own` only */
  readonly siteAdmin: Signed;
  /** a site admin with no site */
  readonly idleSiteAdmin: Signed;
  readonly own: SiteEntity;
  readonly other: SiteEntity;
  readonly rival: CompanyEntity;
  readonly rivalAdmin: Signed;
  readonly rivalSite: SiteEntity;
  readonly operatorToken: string;
}

let sequence = 0;

export async function buildSitesWorld(dataSource: DataSource): Promise<SitesWorld> {
  sequence += 1;
  const company = await buildCompany(dataSource, { billingSetupComplete: true });
  const signed = async (owner: CompanyEntity, level: PersonEntity['accessLevel']) => {
    const person = await buildPerson(dataSource, owner, { accessLevel: level });
    return { person, token: await tokenFor(dataSource, person) };
  };
  const paymentAdmin = await signed(company, 'PAYMENT_ADMIN');
  const systemAdmin = await signed(company, 'SYSTEM_ADMIN');
  const siteAdmin = await signed(company, 'SITE_ADMIN');
  const idleSiteAdmin = await signed(company, 'SITE_ADMIN');
  const own = await buildSite(dataSource, company, {
    name: `Kungsgatan ${sequence}`,
    address: 'Kungsgatan 12, Stockholm',
  });
  const other = await buildSite(dataSource, company, {
    name: `Storgatan ${sequence}`,
    address: 'Storgatan 3, Malmö',
  });
  await assignSite(dataSource, siteAdmin.person, own);
  const rival = await buildCompany(dataSource, { billingSetupComplete: true });
  const rivalAdmin = await signed(rival, 'PAYMENT_ADMIN');
  const rivalSite = await buildSite(dataSource, rival, {
    name: `Kungsgatan ${sequence}`,
    address: 'Kungsgatan 12, Stockholm',
  });
  const operator = await buildOperator(dataSource);
  return {
    company,
    paymentAdmin,
    systemAdmin,
    siteAdmin,
    idleSiteAdmin,
    own,
    other,
    rival,
    rivalAdmin,
    rivalSite,
    operatorToken: await tokenFor(dataSource, operator),
  };
}
