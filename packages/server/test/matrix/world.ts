import type { DataSource } from 'typeorm';
import { OneTimeTokenEntity, OneTimeTokenKind } from '../../src/accounts/one-time-token.entity';
import type { OperatorEntity } from '../../src/accounts/operator.entity';
import { generateToken, hashToken } from '../../src/accounts/tokens';
import {
  CompanyStatus,
  PaymentMethodType,
  type CompanyEntity,
} from '../../src/companies/company.entity';
import type { InvoiceEntity } from '../../src/billing/invoice.entity';
import { PersonStatus, type PersonEntity } from '../../src/people/person.entity';
import { SiteAssignmentEntity } from '../../src/sites/site-assignment.entity';
import { type SiteEntity } from '../../src/sites/site.entity';
import {
  buildCompany,
  buildInvoice,
  buildOperator,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';

/** Who calls: every row of the matrix says what each of them gets. */
export const PERSONAS = [
  'anonymous',
  'operator',
  'paymentAdmin',
  'systemAdmin',
  'siteAdminAssigned',
  'siteAdminUnassigned',
  'otherCompanyPaymentAdmin',
  'pendingCompanyPerson',
  'disabledPerson',
] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * The company the operations aim at (A), with one person per level, a site assigned to one site
 * admin and a site assigned to another; a second company (B); a company still pending approval;
 * a disabled person. Targets that operations change are made fresh for each call.
 */
export interface World {
  readonly dataSource: DataSource;
  readonly company: CompanyEntity;
  readonly assignedSite: SiteEntity;
  readonly otherSite: SiteEntity;
  readonly pendingCompany: CompanyEntity;
  readonly people: Readonly<Record<Exclude<Persona, 'anonymous' | 'operator'>, PersonEntity>>;
  readonly operator: OperatorEntity;
  /** a fresh session token for the persona (null for anonymous) */
  token(persona: Persona): Promise<string | null>;
  newColleague(level?: PersonEntity['accessLevel']): Promise<PersonEntity>;
  newInvitee(): Promise<{ person: PersonEntity; token: string }>;
  newSite(): Promise<SiteEntity>;
  newPendingCompany(): Promise<CompanyEntity>;
  newResetToken(): Promise<string>;
  /** an open, manually paid invoice of company A */
  newInvoice(): Promise<InvoiceEntity>;
}

const site = (dataSource: DataSource, company: CompanyEntity, name: string) =>
  buildSite(dataSource, company, { name });

async function oneTimeToken(
  dataSource: DataSource,
  person: PersonEntity,
  kind: OneTimeTokenKind,
): Promise<string> {
  const token = generateToken();
  const now = new Date();
  await dataSource.getRepository(OneTimeTokenEntity).insert({
    kind,
    tokenHash: hashToken(token),
    personId: person.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    usedAt: null,
  });
  return token;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildWorld(dataSource: DataSource): Promise<World> {
  const company = await buildCompany(dataSource, {
    billingSetupComplete: true,
    vatNumber: 'SE556677889901',
  });
  const other = await buildCompany(dataSource, { billingSetupComplete: true });
  const pendingCompany = await buildCompany(dataSource, {
    status: CompanyStatus.PENDING_APPROVAL,
    approvedAt: null,
  });
  const assignedSite = await site(dataSource, company, `Assigned ${unique()}`);
  const otherSite = await site(dataSource, company, `Other ${unique()}`);
  const people = {
    paymentAdmin: await buildPerson(dataSource, company, { accessLevel: 'PAYMENT_ADMIN' }),
    systemAdmin: await buildPerson(dataSource, company, { accessLevel: 'SYSTEM_ADMIN' }),
    siteAdminAssigned: await buildPerson(dataSource, company, { accessLevel: 'SITE_ADMIN' }),
    siteAdminUnassigned: await buildPerson(dataSource, company, { accessLevel: 'SITE_ADMIN' }),
    otherCompanyPaymentAdmin: await buildPerson(dataSource, other, {
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
  const now = new Date();
  await dataSource.getRepository(SiteAssignmentEntity).insert([
    { personId: people.siteAdminAssigned.id, siteId: assignedSite.id, createdAt: now },
    { personId: people.siteAdminUnassigned.id, siteId: otherSite.id, createdAt: now },
  ]);
  const operator = await buildOperator(dataSource);

  return {
    dataSource,
    company,
    assignedSite,
    otherSite,
    pendingCompany,
    people,
    operator,
    async token(persona) {
      if (persona === 'anonymous') return null;
      return tokenFor(dataSource, persona === 'operator' ? operator : people[persona]);
    },
    newColleague: (level = 'SYSTEM_ADMIN') =>
      buildPerson(dataSource, company, { accessLevel: level }),
    async newInvitee() {
      const person = await buildPerson(dataSource, company, {
        accessLevel: 'SYSTEM_ADMIN',
        status: PersonStatus.INVITED,
      });
      return { person, token: await oneTimeToken(dataSource, person, OneTimeTokenKind.INVITATION) };
    },
    newSite: () => site(dataSource, company, `Site ${unique()}`),
    newPendingCompany: async () => {
      const pending = await buildCompany(dataSource, {
        status: CompanyStatus.PENDING_APPROVAL,
        approvedAt: null,
      });
      await buildPerson(dataSource, pending, { status: PersonStatus.PENDING_APPROVAL });
      return pending;
    },
    async newInvoice() {
      counter += 1;
      // unique per company (the column holds YYYY-MM; any 7 characters do for this test)
      return buildInvoice(dataSource, company, {
        period: `X${counter.toString(36).padStart(6, '0')}`,
        paymentMethod: PaymentMethodType.MANUAL,
      });
    },
    async newResetToken() {
      const person = await buildPerson(dataSource, company, { accessLevel: 'SYSTEM_ADMIN' });
      return oneTimeToken(dataSource, person, OneTimeTokenKind.PASSWORD_RESET);
    },
  };
}
