import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { foldForSearch, type AccessLevelCode, type Locale } from '@entry/shared';
import { OperatorEntity } from '../src/accounts/operator.entity';
import { createSession } from '../src/accounts/session.service';
import { hashPassword } from '../src/accounts/passwords';
import { InvoiceEntity, InvoiceStatus } from '../src/billing/invoice.entity';
import {
  CompanyEntity,
  CompanyStatus,
  CompanyType,
  PaymentMethodType,
} from '../src/companies/company.entity';
import { PersonEntity, PersonStatus } from '../src/people/person.entity';
import { EntryUserEntity } from '../src/sites/entry-user.entity';
import { SiteActivePeriodEntity } from '../src/sites/site-active-period.entity';
import { SiteAssignmentEntity } from '../src/sites/site-assignment.entity';
import { SiteEntity } from '../src/sites/site.entity';
import { SiteTransferEntity, SiteTransferStatus } from '../src/site-transfers/site-transfer.entity';
import { newPersonColumns } from '../src/people/new-person';
import { personKeys } from '../src/people/person-keys';

const unique = () => randomUUID().slice(0, 8);

export async function buildCompany(
  dataSource: DataSource,
  overrides: Partial<CompanyEntity> = {},
): Promise<CompanyEntity> {
  const now = new Date();
  const company = dataSource.getRepository(CompanyEntity).create({
    name: `Company ${unique()}`,
    type: CompanyType.INSTALLER,
    country: 'SE',
    address: 'Kungsgatan 12, Stockholm',
    phone: null,
    vatNumber: null,
    status: CompanyStatus.APPROVED,
    currency: 'SEK',
    billingSetupComplete: false,
    paymentMethod: null,
    createdAt: now,
    updatedAt: now,
    approvedAt: now,
    rejectedAt: null,
    rejectionReason: null,
    ...overrides,
  });
  await dataSource.getRepository(CompanyEntity).insert(company);
  return company;
}

export interface PersonOverrides extends Partial<PersonEntity> {
  accessLevel?: AccessLevelCode;
  locale?: Locale;
}

export async function buildPerson(
  dataSource: DataSource,
  company: CompanyEntity,
  overrides: PersonOverrides = {},
): Promise<PersonEntity> {
  const now = new Date();
  const person = dataSource.getRepository(PersonEntity).create({
    companyId: company.id,
    // the keys are computed again below, from the names the overrides leave
    ...newPersonColumns(
      { firstName: 'Daisy', lastName: 'Burton', email: `daisy.${unique()}@example.com` },
      now,
    ),
    phone: null,
    locale: 'en',
    accessLevel: 'PAYMENT_ADMIN',
    status: PersonStatus.ACTIVE,
    ...overrides,
  });
  Object.assign(
    person,
    personKeys(person),
    // as the services do: an invitation not yet accepted holds no address
    {
      activeEmail:
        overrides.activeEmail !== undefined
          ? overrides.activeEmail
          : person.status === PersonStatus.INVITED
            ? null
            : person.email,
    },
    overrides.sortKey ? { sortKey: overrides.sortKey } : {},
  );
  await dataSource.getRepository(PersonEntity).insert(person);
  return person;
}

/** The password every operator built here has. */
export const OPERATOR_TEST_PASSWORD = 'operator test passphrase';

export async function buildOperator(dataSource: DataSource): Promise<OperatorEntity> {
  const now = new Date();
  const operator = dataSource.getRepository(OperatorEntity).create({
    email: `operator.${unique()}@example.com`,
    name: 'Operator',
    passwordHash: await hashPassword(OPERATOR_TEST_PASSWORD),
    createdAt: now,
    updatedAt: now,
  });
  await dataSource.getRepository(OperatorEntity).insert(operator);
  return operator;
}

/** A bearer token for the person or operator, as signing in would give. */
export async function tokenFor(
  dataSource: DataSource,
  who: PersonEntity | OperatorEntity,
  now?: Date,
): Promise<string> {
  const owner = who instanceof OperatorEntity ? { operatorId: who.id } : { personId: who.id };
  return (await createSession(dataSource, owner, {}, now)).token;
}

export interface SiteOverrides extends Partial<SiteEntity> {
  /** false: a deactivated site (deactivatedAt set) */
  active?: boolean;
}

/** A site of the company with its folded keys and its first active period, as createSite makes it. */
export async function buildSite(
  dataSource: DataSource,
  company: CompanyEntity,
  overrides: SiteOverrides = {},
): Promise<SiteEntity> {
  const now = overrides.createdAt ?? new Date();
  const name = overrides.name ?? `Site ${unique()}`;
  const address = overrides.address === undefined ? 'Kungsgatan 12, Stockholm' : overrides.address;
  const active = overrides.active ?? true;
  const site = dataSource.getRepository(SiteEntity).create({
    id: randomUUID(),
    companyId: company.id,
    name,
    nameKey: foldForSearch(name),
    address,
    searchText: foldForSearch(`${name} ${address ?? ''}`),
    active,
    createdAt: now,
    updatedAt: now,
    deactivatedAt: active ? null : now,
    ...overrides,
  });
  await dataSource.getRepository(SiteEntity).insert(site);
  await dataSource.getRepository(SiteActivePeriodEntity).insert({
    id: randomUUID(),
    siteId: site.id,
    startedAt: now,
    endedAt: site.active ? null : (site.deactivatedAt ?? now),
  });
  return site;
}

/** A current Entry app user of the site (removedAt in overrides makes a removed one). */
export async function buildEntryUser(
  dataSource: DataSource,
  site: SiteEntity,
  overrides: Partial<EntryUserEntity> = {},
): Promise<EntryUserEntity> {
  const now = overrides.activeFrom ?? new Date();
  const firstName = overrides.firstName ?? 'Astrid';
  const lastName = overrides.lastName ?? 'Lindqvist';
  const email = overrides.email ?? `resident.${unique()}@example.com`;
  const apartment = overrides.apartment === undefined ? '1102' : overrides.apartment;
  const removedAt = overrides.removedAt ?? null;
  const user = dataSource.getRepository(EntryUserEntity).create({
    id: randomUUID(),
    siteId: site.id,
    companyId: site.companyId,
    firstName,
    lastName,
    email,
    activeEmail: removedAt ? null : email,
    apartment,
    sortKey: foldForSearch(`${lastName} ${firstName}`),
    searchText: foldForSearch(`${firstName} ${lastName} ${email} ${apartment ?? ''}`),
    activeFrom: now,
    removedAt,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  await dataSource.getRepository(EntryUserEntity).insert(user);
  return user;
}

/** Gives the sites to a (site admin) person. */
export async function assignSite(
  dataSource: DataSource,
  person: PersonEntity,
  ...sites: SiteEntity[]
): Promise<void> {
  await dataSource
    .getRepository(SiteAssignmentEntity)
    .insert(sites.map((site) => ({ personId: person.id, siteId: site.id, createdAt: new Date() })));
}

let invoiceSequence = 0;

/**
 * An issued, open invoice of the company for January 2026 (12,500 minor units with VAT). Its
 * number and year are outside what a billing run issues, so both can share a database.
 */
export async function buildInvoice(
  dataSource: DataSource,
  company: CompanyEntity,
  overrides: Partial<InvoiceEntity> = {},
): Promise<InvoiceEntity> {
  const now = new Date();
  invoiceSequence += 1;
  const invoice = dataSource.getRepository(InvoiceEntity).create({
    companyId: company.id,
    number: `T-${unique()}`,
    year: 1999,
    sequence: invoiceSequence,
    period: '2026-01',
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    issuedAt: now,
    dueAt: new Date(now.getTime() + 14 * 86_400_000),
    currency: company.currency,
    subtotal: 10_000,
    tax: 2_500,
    total: 12_500,
    taxRateBasisPoints: 2500,
    reverseCharge: false,
    status: InvoiceStatus.OPEN,
    paymentMethod: company.paymentMethod ?? PaymentMethodType.MANUAL,
    customerName: company.name,
    customerAddress: company.address,
    customerCountry: company.country,
    customerVatNumber: null,
    failedAttempts: 0,
    nextRetryAt: null,
    paidAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  await dataSource.getRepository(InvoiceEntity).insert(invoice);
  return invoice;
}

/**
 * A transfer of the site from its company to `recipientEmail`, pending (as requestSiteTransfer
 * leaves it, without its email) unless the overrides say otherwise.
 */
export async function buildSiteTransfer(
  dataSource: DataSource,
  site: SiteEntity,
  recipientEmail: string,
  overrides: Partial<SiteTransferEntity> = {},
): Promise<SiteTransferEntity> {
  const now = overrides.createdAt ?? new Date();
  const status = overrides.status ?? SiteTransferStatus.PENDING;
  const transfer = dataSource.getRepository(SiteTransferEntity).create({
    id: randomUUID(),
    siteId: site.id,
    pendingSiteId: status === SiteTransferStatus.PENDING ? site.id : null,
    fromCompanyId: site.companyId,
    toCompanyId: null,
    requestedByPersonId: null,
    recipientEmail,
    recipientLocale: 'en',
    message: null,
    siteName: site.name,
    status,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 14 * 86_400_000),
    decidedAt: null,
    decidedByPersonId: null,
    declineReason: null,
    effectiveDate: null,
    entryUserCount: null,
    nameAlreadyUsed: false,
    undoneAt: null,
    undoEffectiveDate: null,
    undoneByOperatorId: null,
    undoReason: null,
    ...overrides,
  });
  await dataSource.getRepository(SiteTransferEntity).insert(transfer);
  return transfer;
}
