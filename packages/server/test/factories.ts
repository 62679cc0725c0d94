import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccessLevelCode, Locale } from '@entry/shared';
import { OperatorEntity } from '../src/accounts/operator.entity';
import { createSession } from '../src/accounts/session.service';
import { hashPassword } from '../src/accounts/passwords';
import { CompanyEntity, CompanyStatus, CompanyType } from '../src/companies/company.entity';
import { PersonEntity, PersonStatus } from '../src/people/person.entity';
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
    firstName: 'Daisy',
    lastName: 'Burton',
    email: `daisy.${unique()}@example.com`,
    phone: null,
    locale: 'en',
    accessLevel: 'PAYMENT_ADMIN',
    status: PersonStatus.ACTIVE,
    passwordHash: null,
    mustChangePassword: false,
    temporaryPasswordExpiresAt: null,
    temporaryPasswordUsedAt: null,
    passwordChangedAt: null,
    createdAt: now,
    updatedAt: now,
    disabledAt: null,
    ...overrides,
  });
  Object.assign(
    person,
    personKeys(person),
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
