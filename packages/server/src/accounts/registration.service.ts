import type { DataSource, EntityManager } from 'typeorm';
import {
  currencyForCountry,
  LIMITS,
  normalizeRegistration,
  resolveLocale,
  UserErrorCode,
  validateRegistration,
  type Locale,
  type RegistrationInput,
} from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { CompanyEntity, CompanyStatus, type CompanyType } from '../companies/company.entity';
import { takingAtLeast } from '../common/timing';
import { UserInputProblem } from '../common/user-errors';
import type { Config } from '../config/config';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { enqueueMail, mailLinks } from '../mail';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { newPersonColumns } from '../people/new-person';
import { assertWithinEmailSendingLimits } from '../rate-limits/email-limits';
import { RegistrationNoticeEntity } from './registration-notice.entity';
import { addressOwner, mailToOwner, type AddressOwner } from './email-ownership';
import { hashPassword } from './passwords';
import { canonicalTemporaryPassword, generateTemporaryPassword } from './temporary-password';

/** A temporary password from the approval email works this long (and only once). */
export const TEMPORARY_PASSWORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** a problem of the whole form (the web app shows it above the form) */
const FORM_FIELD = ['input'];

/**
 * Registering answers no sooner than this: a new address writes a company, a person and the
 * operators' emails, a known one a single email, and the difference must not show.
 */
const REGISTRATION_FLOOR_MS = 250;

/**
 * Someone tried to register with an address that already has an account: its owner hears of it
 * by email, in their language, and nothing else happens (the caller gets the answer a new
 * address gets).
 */
async function tellOwnerOfAttempt(
  manager: EntityManager,
  config: Config,
  owner: AddressOwner,
  now: Date,
): Promise<void> {
  const links = mailLinks(config.publicUrl);
  await enqueueMail(
    manager,
    mailToOwner(owner, 'registration-attempted', {
      signInUrl: links.signIn,
      forgotPasswordUrl: links.forgotPassword,
    }),
    now,
  );
}

/**
 * A new company waiting for approval, with its first person (a payment admin once approved).
 * Validates every field first and writes nothing on any problem; emails the registrant and queues
 * the operators' digest notice in the same transaction. Each valid registration counts against the
 * email-sending limits of the client's IP and of the address (THROTTLED past them, before anything
 * is written). An address that already has an account (a person's or an operator's) creates
 * nothing: its owner is emailed instead and the answer is null, which the API does not show
 * (registering must not tell a known address from a new one).
 */
export async function registerCompany(
  dataSource: DataSource,
  config: Config,
  raw: RegistrationInput,
  requestLocale: Locale,
  ip: string,
  now = new Date(),
): Promise<CompanyEntity | null> {
  const input = normalizeRegistration(raw);
  const problems = validateRegistration(input);
  if (problems.length) throw new UserInputProblem(problems);
  const locale = input.locale ? resolveLocale(input.locale) : requestLocale;
  await assertWithinEmailSendingLimits(
    dataSource,
    config,
    'registration',
    { ip, address: input.email },
    FORM_FIELD,
    now,
  );

  const register = () =>
    inTransaction(dataSource, async (manager) => {
      const owner = await addressOwner(manager, input.email, 'person');
      if (owner) {
        await tellOwnerOfAttempt(manager, config, owner, now);
        return null;
      }
      const company = manager.getRepository(CompanyEntity).create({
        name: input.companyName,
        type: input.type as CompanyType,
        country: input.country,
        address: input.companyAddress,
        phone: input.companyPhone ?? null,
        vatNumber: input.vatNumber ?? null,
        status: CompanyStatus.PENDING_APPROVAL,
        currency: currencyForCountry(input.country),
        billingSetupComplete: false,
        paymentMethod: null,
        createdAt: now,
        updatedAt: now,
        approvedAt: null,
        rejectedAt: null,
        rejectionReason: null,
      });
      await manager.getRepository(CompanyEntity).insert(company);
      const person = manager.getRepository(PersonEntity).create({
        companyId: company.id,
        ...newPersonColumns(
          { firstName: input.firstName, lastName: input.lastName, email: input.email },
          now,
        ),
        activeEmail: input.email,
        phone: input.phone ?? null,
        locale,
        accessLevel: 'PAYMENT_ADMIN',
        status: PersonStatus.PENDING_APPROVAL,
      });
      await manager.getRepository(PersonEntity).insert(person);

      await enqueueMail(
        manager,
        {
          template: 'registration-received',
          to: person.email,
          locale,
          data: { firstName: person.firstName, companyName: company.name },
        },
        now,
      );
      // the operators hear of it in their next digest (registration-digest.ts), not one email each
      await manager
        .getRepository(RegistrationNoticeEntity)
        .insert({ companyId: company.id, createdAt: now });
      return company;
    });
  return takingAtLeast(REGISTRATION_FLOOR_MS, async () => {
    try {
      return await register();
    } catch (error) {
      // Two registrations of one address at the same moment: the unique index lets one through;
      // the other, run again, finds the address taken and answers like a known one. (A deadlock
      // with an operator being added is run again by inTransaction itself.)
      if (isUniqueViolation(error)) return register();
      throw error;
    }
  });
}

/** The company's first person: the registrant. */
async function registrantOf(manager: EntityManager, companyId: string): Promise<PersonEntity> {
  const person = await manager
    .getRepository(PersonEntity)
    .findOne({ where: { companyId }, order: { createdAt: 'ASC', id: 'ASC' } });
  if (!person) throw new Error(`company ${companyId} has no registrant`);
  return person;
}

const COMPANY_FIELD = ['companyId'];

/**
 * Moves a pending company on to `next`. Only the call that actually changes the row (a
 * conditional UPDATE) runs `onDecided`: approving twice, or by two operators at once, sends one
 * temporary password. Deciding again the same way answers with the company; the other way is
 * INVALID_STATE.
 */
async function decide(
  dataSource: DataSource,
  companyId: string,
  next: CompanyStatus.APPROVED | CompanyStatus.REJECTED,
  changes: Partial<CompanyEntity>,
  onDecided: (manager: EntityManager, company: CompanyEntity) => Promise<void>,
): Promise<CompanyEntity> {
  return inTransaction(dataSource, async (manager) => {
    const repository = manager.getRepository(CompanyEntity);
    const result = await repository.update(
      { id: companyId, status: CompanyStatus.PENDING_APPROVAL },
      { status: next, ...changes },
    );
    const company = await repository.findOneBy({ id: companyId });
    if (!company) throw UserInputProblem.of(COMPANY_FIELD, UserErrorCode.NOT_FOUND);
    if (result.affected) {
      await onDecided(manager, company);
      return company;
    }
    if (company.status === next) return company;
    throw UserInputProblem.of(COMPANY_FIELD, UserErrorCode.INVALID_STATE);
  });
}

export async function approveRegistration(
  dataSource: DataSource,
  config: Config,
  companyId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<CompanyEntity> {
  return decide(
    dataSource,
    companyId,
    CompanyStatus.APPROVED,
    { approvedAt: now, updatedAt: now },
    async (manager, company) => {
      const person = await registrantOf(manager, company.id);
      const temporaryPassword = generateTemporaryPassword();
      await manager.getRepository(PersonEntity).update(
        { id: person.id },
        {
          status: PersonStatus.ACTIVE,
          passwordHash: await hashPassword(canonicalTemporaryPassword(temporaryPassword)),
          mustChangePassword: true,
          temporaryPasswordExpiresAt: new Date(now.getTime() + TEMPORARY_PASSWORD_TTL_MS),
          temporaryPasswordUsedAt: null,
          updatedAt: now,
        },
      );
      await enqueueMail(
        manager,
        {
          template: 'registration-approved',
          to: person.email,
          locale: resolveLocale(person.locale),
          data: {
            firstName: person.firstName,
            companyName: company.name,
            temporaryPassword,
            signInUrl: mailLinks(config.publicUrl).signIn,
          },
        },
        now,
      );
      await recordAudit(
        manager,
        actor,
        {
          companyId: company.id,
          kind: 'registration.approved',
          subjectType: 'company',
          subjectId: company.id,
          before: { status: CompanyStatus.PENDING_APPROVAL },
          after: { status: CompanyStatus.APPROVED },
        },
        now,
      );
    },
  );
}

export async function rejectRegistration(
  dataSource: DataSource,
  companyId: string,
  rawReason: string,
  actor: AuditActor,
  now = new Date(),
): Promise<CompanyEntity> {
  const reason = rawReason.trim();
  if (!reason) throw UserInputProblem.of(['reason'], UserErrorCode.REQUIRED);
  if (reason.length > LIMITS.rejectionReason)
    throw UserInputProblem.of(['reason'], UserErrorCode.TOO_LONG, { max: LIMITS.rejectionReason });
  return decide(
    dataSource,
    companyId,
    CompanyStatus.REJECTED,
    { rejectedAt: now, rejectionReason: reason, updatedAt: now },
    async (manager, company) => {
      const person = await registrantOf(manager, company.id);
      await manager.getRepository(PersonEntity).update(
        { id: person.id },
        // The address is free again: the registrant may register anew or be invited. The row
        // keeps it in `email`, for the operators' record of the rejected registration.
        { status: PersonStatus.DISABLED, activeEmail: null, disabledAt: now, updatedAt: now },
      );
      await enqueueMail(
        manager,
        {
          template: 'registration-rejected',
          to: person.email,
          locale: resolveLocale(person.locale),
          data: { firstName: person.firstName, companyName: company.name, reason },
        },
        now,
      );
      await recordAudit(
        manager,
        actor,
        {
          companyId: company.id,
          kind: 'registration.rejected',
          subjectType: 'company',
          subjectId: company.id,
          before: { status: CompanyStatus.PENDING_APPROVAL },
          after: { status: CompanyStatus.REJECTED, reason },
        },
        now,
      );
    },
  );
}

/** Operators' queue, oldest first. */
export async function pendingRegistrations(
  dataSource: DataSource,
  first: number,
): Promise<CompanyEntity[]> {
  return dataSource.getRepository(CompanyEntity).find({
    where: { status: CompanyStatus.PENDING_APPROVAL },
    order: { createdAt: 'ASC', id: 'ASC' },
    take: first,
  });
}
