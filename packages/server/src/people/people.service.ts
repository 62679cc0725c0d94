import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  normalizeEmail,
  resolveLocale,
  UserErrorCode,
  validateInvitation,
  validatePersonUpdate,
  WebhookEventType,
  type AccessLevelCode,
  type Locale,
  type PersonInput,
  type PersonUpdate,
} from '@entry/shared';
import { OneTimeTokenKind } from '../accounts/one-time-token.entity';
import { issueOneTimeToken, voidOneTimeTokens } from '../accounts/one-time-tokens';
import { SessionEntity } from '../accounts/session.entity';
import { addressOwner, mailToOwner } from '../accounts/email-ownership';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { AuditValues } from '../audit/audit-event.entity';
import { UserInputProblem } from '../common/user-errors';
import type { Config } from '../config/config';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { publishWebhookEvent } from '../webhooks/webhook-outbox';
import { personEvent } from '../webhooks/webhook-payloads';
import { enqueueMail, mailLinks } from '../mail';
import { SiteAssignmentEntity } from '../sites/site-assignment.entity';
import { companySites } from '../sites/company-sites';
import { assertWithinEmailSendingLimits } from '../rate-limits/email-limits';
import { assertBillingSetUp, assertMayGrow } from '../auth/billing-gate';
import type { PersonViewer } from '../auth/viewer';
import { assertKeepsPaymentAdmin, assertMayGrant, assertMayManage } from './people-rules';
import { PersonEntity, PersonStatus } from './person.entity';
import { newPersonColumns } from './new-person';
import { personKeys } from './person-keys';

/** An invitation link works this long, once. */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

const NOT_FOUND_ID = ['id'];

/** A colleague of the viewer's company, or NOT_FOUND (another company's id reads as unknown). */
async function colleague(
  manager: EntityManager,
  viewer: PersonViewer,
  id: string,
): Promise<PersonEntity> {
  const person = await manager
    .getRepository(PersonEntity)
    .findOneBy({ id, companyId: viewer.company.id });
  if (!person) throw UserInputProblem.of(NOT_FOUND_ID, UserErrorCode.NOT_FOUND);
  return person;
}

async function replaceSites(
  manager: EntityManager,
  personId: string,
  siteIds: readonly string[],
  now: Date,
): Promise<void> {
  const repository = manager.getRepository(SiteAssignmentEntity);
  await repository.delete({ personId });
  if (siteIds.length)
    await repository.insert(siteIds.map((siteId) => ({ personId, siteId, createdAt: now })));
}

/**
 * Issues a fresh invitation link (voiding older ones) and emails it. When the address already
 * belongs to another account (a person of another company, an operator), there is no link to
 * give, since one address is one account: its owner is told of the invitation instead. The
 * inviter sees the same pending invitation either way, so inviting reveals no one.
 */
async function sendInvitation(
  manager: EntityManager,
  config: Config,
  viewer: PersonViewer,
  person: PersonEntity,
  now: Date,
): Promise<void> {
  const inviter = {
    inviterName: `${viewer.person.firstName} ${viewer.person.lastName}`,
    companyName: viewer.company.name,
  };
  const owner = await addressOwner(manager, person.email, 'person');
  if (owner) {
    await voidOneTimeTokens(manager, person.id, OneTimeTokenKind.INVITATION, now);
    await enqueueMail(manager, mailToOwner(owner, 'invitation-address-in-use', inviter), now);
    return;
  }
  const token = await issueOneTimeToken(
    manager,
    person.id,
    OneTimeTokenKind.INVITATION,
    INVITATION_TTL_MS,
    now,
  );
  await enqueueMail(
    manager,
    {
      template: 'invitation',
      to: person.email,
      locale: resolveLocale(person.locale),
      data: {
        firstName: person.firstName,
        ...inviter,
        accessLevel: person.accessLevel,
        acceptUrl: mailLinks(config.publicUrl).acceptInvitation(token),
      },
    },
    now,
  );
}

export async function invitePerson(
  dataSource: DataSource,
  config: Config,
  viewer: PersonViewer,
  input: PersonInput,
  actor: AuditActor,
  locale: Locale,
  now = new Date(),
): Promise<PersonEntity> {
  assertBillingSetUp(viewer.company);
  assertMayGrow(viewer.company);
  const level = input.accessLevel as AccessLevelCode;
  // who may grant what comes before how the input is judged (an unknown level grants nothing)
  assertMayGrant(viewer, null, level);
  const problems = validateInvitation(input);
  if (problems.length) throw new UserInputProblem(problems);
  const email = normalizeEmail(input.email);
  await assertWithinEmailSendingLimits(
    dataSource,
    config,
    'invitation',
    { ip: actor.ip ?? 'unknown', address: email },
    ['input'],
    now,
  );
  try {
    return await inTransaction(dataSource, async (manager) => {
      // Only the company's own people count: the inviter sees them anyway. Whether another
      // company or an operator has the address is not the inviter's to learn (sendInvitation).
      if (
        await manager
          .getRepository(PersonEntity)
          .exists({ where: { email, companyId: viewer.company.id } })
      )
        throw UserInputProblem.of(['input', 'email'], UserErrorCode.TAKEN);
      const siteIds =
        level === 'SITE_ADMIN'
          ? await companySites(manager, viewer.company.id, input.siteIds ?? [])
          : [];
      const names = { firstName: input.firstName.trim(), lastName: input.lastName.trim(), email };
      const person = manager.getRepository(PersonEntity).create({
        companyId: viewer.company.id,
        ...newPersonColumns(names, now),
        // an invitation holds no address: accepting it does (acceptInvitation)
        activeEmail: null,
        phone: null,
        locale: input.locale ? resolveLocale(input.locale) : resolveLocale(viewer.person.locale),
        accessLevel: level,
        status: PersonStatus.INVITED,
      });
      await manager.getRepository(PersonEntity).insert(person);
      await replaceSites(manager, person.id, siteIds, now);
      await sendInvitation(manager, config, viewer, person, now);
      await recordAudit(
        manager,
        actor,
        {
          companyId: viewer.company.id,
          kind: 'person.invited',
          subjectType: 'person',
          subjectId: person.id,
          after: {
            email,
            firstName: person.firstName,
            lastName: person.lastName,
            accessLevel: level,
            sites: siteIds.join(','),
          },
        },
        now,
      );
      await publishWebhookEvent(
        manager,
        viewer.company.id,
        personEvent(WebhookEventType.PERSON_INVITED, person, siteIds),
        now,
      );
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw UserInputProblem.of(['input', 'email'], UserErrorCode.TAKEN);
    throw error;
  }
}

export async function resendInvitation(
  dataSource: DataSource,
  config: Config,
  viewer: PersonViewer,
  id: string,
  actor: AuditActor,
  locale: Locale,
  now = new Date(),
): Promise<PersonEntity> {
  assertBillingSetUp(viewer.company);
  // counted before the transaction (on SQLite a second one would queue behind it)
  const invited = await colleague(dataSource.manager, viewer, id);
  await assertWithinEmailSendingLimits(
    dataSource,
    config,
    'invitation',
    { ip: actor.ip ?? 'unknown', address: invited.email },
    [],
    now,
  );
  return inTransaction(dataSource, async (manager) => {
    const person = await colleague(manager, viewer, id);
    if (person.status !== PersonStatus.INVITED)
      throw UserInputProblem.of(NOT_FOUND_ID, UserErrorCode.INVALID_STATE);
    await sendInvitation(manager, config, viewer, person, now);
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: 'person.invitation_resent',
        subjectType: 'person',
        subjectId: person.id,
      },
      now,
    );
    return person;
  });
}

async function sitesOf(manager: EntityManager, personId: string): Promise<string[]> {
  const rows = await manager
    .getRepository(SiteAssignmentEntity)
    .find({ select: { siteId: true }, where: { personId } });
  return rows.map((row) => row.siteId).sort();
}

export async function updatePerson(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  input: PersonUpdate,
  actor: AuditActor,
  locale: Locale,
  now = new Date(),
): Promise<PersonEntity> {
  return inTransaction(dataSource, async (manager) => {
    const person = await colleague(manager, viewer, id);
    // Who may act comes before what they typed: a refusal must not depend on (or reveal) how
    // the input would have been judged.
    assertMayManage(viewer, person);
    // an empty level means "unchanged", as it always has
    const requestedLevel = (input.accessLevel || undefined) as AccessLevelCode | undefined;
    assertMayGrant(viewer, person, requestedLevel);
    const currentSites = await sitesOf(manager, person.id);
    const problems = validatePersonUpdate(input, person.accessLevel, currentSites.length);
    if (problems.length) throw new UserInputProblem(problems);
    const level = requestedLevel ?? (person.accessLevel as AccessLevelCode);
    if (person.accessLevel === 'PAYMENT_ADMIN' && level !== 'PAYMENT_ADMIN') {
      await assertKeepsPaymentAdmin(manager, viewer.company.id, person.id, [
        'input',
        'accessLevel',
      ]);
    }

    const changes: Partial<PersonEntity> = {};
    const before: AuditValues = {};
    const after: AuditValues = {};
    for (const field of ['firstName', 'lastName'] as const) {
      const value = input[field]?.trim();
      if (value && value !== person[field]) {
        changes[field] = value;
        before[field] = person[field];
        after[field] = value;
      }
    }
    if (level !== person.accessLevel) {
      changes.accessLevel = level;
      before['accessLevel'] = person.accessLevel;
      after['accessLevel'] = level;
    }
    // Only site admins hold assignments: the other levels manage every site anyway.
    const nextSites =
      level === 'SITE_ADMIN'
        ? input.siteIds
          ? await companySites(manager, viewer.company.id, input.siteIds)
          : currentSites
        : [];
    const sortedNext = [...nextSites].sort();
    if (sortedNext.join(',') !== currentSites.join(',')) {
      await replaceSites(manager, person.id, sortedNext, now);
      before['sites'] = currentSites.join(',');
      after['sites'] = sortedNext.join(',');
    }
    if (Object.keys(after).length === 0) return person;
    if (changes.firstName || changes.lastName) {
      Object.assign(
        changes,
        personKeys({
          firstName: changes.firstName ?? person.firstName,
          lastName: changes.lastName ?? person.lastName,
          email: person.email,
        }),
      );
    }
    if (Object.keys(changes).length)
      await manager
        .getRepository(PersonEntity)
        .update({ id: person.id }, { ...changes, updatedAt: now });
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: 'person.updated',
        subjectType: 'person',
        subjectId: person.id,
        before,
        after,
      },
      now,
    );
    return manager.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
  });
}

/**
 * Removes a colleague: their sessions end at once and the email address becomes free for a new
 * invitation. The audit event keeps who they were.
 */
export async function removePerson(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  actor: AuditActor,
  locale: Locale,
  now = new Date(),
): Promise<string> {
  return inTransaction(dataSource, async (manager) => {
    const person = await colleague(manager, viewer, id);
    assertMayManage(viewer, person);
    if (person.accessLevel === 'PAYMENT_ADMIN')
      await assertKeepsPaymentAdmin(manager, viewer.company.id, person.id, NOT_FOUND_ID);
    const sites = await sitesOf(manager, person.id);
    await manager.getRepository(PersonEntity).delete({ id: person.id });
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: 'person.removed',
        subjectType: 'person',
        subjectId: person.id,
        before: {
          email: person.email,
          firstName: person.firstName,
          lastName: person.lastName,
          accessLevel: person.accessLevel,
          status: person.status,
          sites: sites.join(','),
        },
      },
      now,
    );
    await publishWebhookEvent(
      manager,
      viewer.company.id,
      personEvent(WebhookEventType.PERSON_REMOVED, person, sites),
      now,
    );
    return person.id;
  });
}

/** Disabling keeps the person (and their history) but ends their sessions and signing in. */
export async function setPersonDisabled(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  disabled: boolean,
  actor: AuditActor,
  locale: Locale,
  now = new Date(),
): Promise<PersonEntity> {
  return inTransaction(dataSource, async (manager) => {
    const person = await colleague(manager, viewer, id);
    if (person.id === viewer.person.id)
      throw UserInputProblem.of(NOT_FOUND_ID, UserErrorCode.INVALID_STATE);
    assertMayManage(viewer, person);
    if (disabled && person.accessLevel === 'PAYMENT_ADMIN')
      await assertKeepsPaymentAdmin(manager, viewer.company.id, person.id, NOT_FOUND_ID);
    const isDisabled = person.status === PersonStatus.DISABLED;
    if (isDisabled === disabled) return person;
    if (!disabled && !person.passwordHash)
      throw UserInputProblem.of(NOT_FOUND_ID, UserErrorCode.INVALID_STATE);
    const status = disabled ? PersonStatus.DISABLED : PersonStatus.ACTIVE;
    await manager
      .getRepository(PersonEntity)
      .update({ id: person.id }, { status, disabledAt: disabled ? now : null, updatedAt: now });
    if (disabled)
      await manager
        .getRepository(SessionEntity)
        .update({ personId: person.id, revokedAt: IsNull() }, { revokedAt: now });
    await recordAudit(
      manager,
      actor,
      {
        companyId: viewer.company.id,
        kind: disabled ? 'person.disabled' : 'person.enabled',
        subjectType: 'person',
        subjectId: person.id,
        before: { status: person.status },
        after: { status },
      },
      now,
    );
    return manager.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
  });
}
