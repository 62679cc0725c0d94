import type { DataSource } from 'typeorm';
import { OneTimeTokenKind } from '../../src/accounts/one-time-token.entity';
import { issueOneTimeToken } from '../../src/accounts/one-time-tokens';
import type { OperatorEntity } from '../../src/accounts/operator.entity';
import type { InvoiceEntity } from '../../src/billing/invoice.entity';
import {
  CompanyStatus,
  PaymentMethodType,
  type CompanyEntity,
} from '../../src/companies/company.entity';
import { PersonStatus, type PersonEntity } from '../../src/people/person.entity';
import type { SiteEntity } from '../../src/sites/site.entity';
import {
  assignSite,
  buildCompany,
  buildInvoice,
  buildOperator,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';

/** Who calls: the authorization matrix says for each operation what every one of them gets. */
export const PERSONAS = [
  'anonymous',
  'operator',
  'paymentAdmin',
  'systemAdmin',
  /** a site admin assigned to `assignedSite` */
  'siteAdminAssigned',
  /** a site admin assigned to `otherSite` only: not to the site the operations aim at */
  'siteAdminOfOtherSite',
  'otherCompanyPaymentAdmin',
  'pendingCompanyPerson',
  'disabledPerson',
] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * Callers some suites need beside the matrix's personas. A site admin with no site at all is
 * not the matrix's concern (an operation on a site refuses them as it refuses
 * siteAdminOfOtherSite), but the sites suites show what such a person sees.
 */
export type ExtraPersona = 'siteAdminWithoutSites';
export type Caller = Persona | ExtraPersona;

type PersonPersona = Exclude<Caller, 'anonymous' | 'operator'>;

/**
 * The one world of the integration suites: company A (the one operations aim at) with one
 * person per level, two sites ("Kungsgatan", assigned to siteAdminAssigned; "Storgatan, Malmö",
 * assigned to siteAdminOfOtherSite) and a site admin without sites; company B with its payment
 * admin and a site named like A's first; a company still pending approval with its person; a
 * disabled person of A; an operator. Targets that operations change are made fresh by the
 * new*() helpers.
 */
export interface World {
  readonly dataSource: DataSource;
  readonly company: CompanyEntity;
  readonly assignedSite: SiteEntity;
  readonly otherSite: SiteEntity;
  readonly otherCompany: CompanyEntity;
  readonly otherCompanySite: SiteEntity;
  readonly pendingCompany: CompanyEntity;
  readonly people: Readonly<Record<PersonPersona, PersonEntity>>;
  readonly operator: OperatorEntity;
  /** a session of each caller opened when the world was built (none for anonymous) */
  readonly tokens: Readonly<Record<Exclude<Caller, 'anonymous'>, string>>;
  /**
   * A session opened now (null for anonymous): for calls that may end sessions, so no call
   * depends on what an earlier one did.
   */
  freshToken(caller: Caller): Promise<string | null>;
  newColleague(level?: PersonEntity['accessLevel']): Promise<PersonEntity>;
  newInvitee(): Promise<{ person: PersonEntity; token: string }>;
  newSite(): Promise<SiteEntity>;
  newPendingCompany(): Promise<CompanyEntity>;
  newResetToken(): Promise<string>;
  /** an open, manually paid invoice of company A */
  newInvoice(): Promise<InvoiceEntity>;
}

const HOUR_MS = 3600_000;

let sequence = 0;

export async function buildWorld(dataSource: DataSource): Promise<World> {
  sequence += 1;
  const company = await buildCompany(dataSource, {
    billingSetupComplete: true,
    vatNumber: 'SE556677889901',
  });
  const otherCompany = await buildCompany(dataSource, { billingSetupComplete: true });
  const pendingCompany = await buildCompany(dataSource, {
    status: CompanyStatus.PENDING_APPROVAL,
    approvedAt: null,
  });
  const assignedSite = await buildSite(dataSource, company, {
    name: `Kungsgatan ${sequence}`,
    address: 'Kungsgatan 12, Stockholm',
  });
  const otherSite = await buildSite(dataSource, company, {
    name: `Storgatan ${sequence}`,
    address: 'Storgatan 3, Malmö',
  });
  const otherCompanySite = await buildSite(dataSource, otherCompany, {
    name: `Kungsgatan ${sequence}`,
    address: 'Kungsgatan 12, Stockholm',
  });
  const people: Record<PersonPersona, PersonEntity> = {
    paymentAdmin: await buildPerson(dataSource, company, { accessLevel: 'PAYMENT_ADMIN' }),
    systemAdmin: await buildPerson(dataSource, company, { accessLevel: 'SYSTEM_ADMIN' }),
    siteAdminAssigned: await buildPerson(dataSource, company, { accessLevel: 'SITE_ADMIN' }),
    siteAdminOfOtherSite: await buildPerson(dataSource, company, { accessLevel: 'SITE_ADMIN' }),
    siteAdminWithoutSites: await buildPerson(dataSource, company, { accessLevel: 'SITE_ADMIN' }),
    otherCompanyPaymentAdmin: await buildPerson(dataSource, otherCompany, {
      accessLevel: 'PAYMENT_ADMIN',
    }),
    pendingCompanyPerson: await buildPerson(dataSource, pendingCompany, {
      accessLevel: 'PAYMENT_ADMIN',
      status: PersonStatus.PENDING_APPROVAL,
    }),
    disabledPerson: await buildPerson(dataSource, company, {
      accessLevel: 'PAYMENT_ADMIN',
      status: PersonStatus.DISABLED,
    }),
  };
  await assignSite(dataSource, people.siteAdminAssigned, assignedSite);
  await assignSite(dataSource, people.siteAdminOfOtherSite, otherSite);
  const operator = await buildOperator(dataSource);

  type SignedCaller = Exclude<Caller, 'anonymous'>;
  const openSession = (caller: SignedCaller) =>
    tokenFor(dataSource, caller === 'operator' ? operator : people[caller]);
  const signed: SignedCaller[] = ['operator', ...(Object.keys(people) as PersonPersona[])];
  const tokens = Object.fromEntries(
    await Promise.all(signed.map(async (caller) => [caller, await openSession(caller)])),
  ) as World['tokens'];
  const oneTimeToken = (person: PersonEntity, kind: OneTimeTokenKind) =>
    issueOneTimeToken(dataSource.manager, person.id, kind, HOUR_MS, new Date());
  let invoices = 0;

  return {
    dataSource,
    company,
    assignedSite,
    otherSite,
    otherCompany,
    otherCompanySite,
    pendingCompany,
    people,
    operator,
    tokens,
    freshToken: async (caller) => (caller === 'anonymous' ? null : openSession(caller)),
    newColleague: (level = 'SYSTEM_ADMIN') =>
      buildPerson(dataSource, company, { accessLevel: level }),
    async newInvitee() {
      const person = await buildPerson(dataSource, company, {
        accessLevel: 'SYSTEM_ADMIN',
        status: PersonStatus.INVITED,
      });
      return { person, token: await oneTimeToken(person, OneTimeTokenKind.INVITATION) };
    },
    newSite: () => buildSite(dataSource, company),
    async newPendingCompany() {
      const pending = await buildCompany(dataSource, {
        status: CompanyStatus.PENDING_APPROVAL,
        approvedAt: null,
      });
      await buildPerson(dataSource, pending, { status: PersonStatus.PENDING_APPROVAL });
      return pending;
    },
    async newInvoice() {
      invoices += 1;
      // unique per company (the column holds YYYY-MM; any 7 characters do here)
      return buildInvoice(dataSource, company, {
        period: `X${invoices.toString(36).padStart(6, '0')}`,
        paymentMethod: PaymentMethodType.MANUAL,
      });
    },
    async newResetToken() {
      const person = await buildPerson(dataSource, company, { accessLevel: 'SYSTEM_ADMIN' });
      return oneTimeToken(person, OneTimeTokenKind.PASSWORD_RESET);
    },
  };
}
