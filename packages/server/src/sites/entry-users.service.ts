import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  EntryUserStatus,
  foldForSearch,
  MoveDateProblemReason,
  normalizeEntryUserInput,
  SiteProblemReason,
  utcDay,
  UserErrorCode,
  validateEntryUserInput,
  validateMoveDates,
  WebhookEventType,
  type EntryUserInput,
} from '@entry/shared';
import type { AuditValues } from '../audit/audit-event.entity';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { lockRows } from '../database/row-locks';
import { inTransaction } from '../database/transaction';
import { publishWebhookEvent } from '../webhooks/webhook-outbox';
import { entryUserEvent } from '../webhooks/webhook-payloads';
import { EntryUserEntity } from './entry-user.entity';
import { activeFromFor, entryUserStatus } from './move-dates';
import { notFound, problem } from './site-errors';
import { applySiteScope, isId, type SiteScope } from './site-scope';
import type { SiteEntity } from './site.entity';
import { requireVisibleSite } from './sites.service';

const ID_FIELD = ['id'];
const SITE_FIELD = ['siteId'];
const EMAIL_FIELD = ['input', 'email'];
const SEARCH_TEXT_MAX = 512;
const SORT_KEY_MAX = 201;

/** The folded keys stored beside an Entry app user: sort order and search. */
export function entryUserKeys(input: EntryUserInput): { sortKey: string; searchText: string } {
  return {
    sortKey: foldForSearch(`${input.lastName} ${input.firstName}`).slice(0, SORT_KEY_MAX),
    searchText: foldForSearch(
      [input.firstName, input.lastName, input.email, input.apartment ?? ''].join(' '),
    ).slice(0, SEARCH_TEXT_MAX),
  };
}

/**
 * The input normalized and checked, its move-out against today (UTC) unless it is the one the
 * user has already (`current`: the user being edited).
 */
function checkedInput(
  raw: EntryUserInput,
  now: Date,
  current?: Pick<EntryUserEntity, 'moveInDate' | 'moveOutDate'>,
): EntryUserInput {
  const input = normalizeEntryUserInput(raw);
  const problems = validateEntryUserInput(input);
  if (!problems.length)
    problems.push(
      ...validateMoveDates(input, undefined, {
        today: utcDay(now),
        keptMoveOut: current?.moveOutDate ?? null,
        moveInDate: current?.moveInDate ?? null,
      }),
    );
  if (problems.length) throw new UserInputProblem(problems);
  return input;
}

export function emailAtSite(field: readonly string[] = EMAIL_FIELD): UserInputProblem {
  return problem(field, UserErrorCode.TAKEN, SiteProblemReason.EMAIL_AT_SITE);
}

export function siteInactive(field: readonly string[] = SITE_FIELD): UserInputProblem {
  return problem(field, UserErrorCode.INVALID_STATE, SiteProblemReason.SITE_INACTIVE);
}

async function guardingEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // two adds of one address at once: the (siteId, activeEmail) unique index decides
    if (isUniqueViolation(error)) throw emailAtSite();
    throw error;
  }
}

async function assertEmailFree(
  manager: EntityManager,
  siteId: string,
  email: string,
  exceptId?: string,
): Promise<void> {
  const other = await manager
    .getRepository(EntryUserEntity)
    .findOne({ select: { id: true }, where: { siteId, activeEmail: email } });
  if (other && other.id !== exceptId) throw emailAtSite();
}

/**
 * An Entry app user the scope may see (through its site), current or removed, or null: for
 * writes, so the read locks the user's and the site's rows (shared) as requireVisibleSite does.
 */
export async function findVisibleEntryUser(
  manager: EntityManager,
  scope: SiteScope,
  id: string,
): Promise<EntryUserEntity | null> {
  if (!isId(id)) return null;
  const query = manager
    .getRepository(EntryUserEntity)
    .createQueryBuilder('entryUser')
    .innerJoin('entryUser.site', 'site')
    .where('entryUser.id = :id', { id });
  return lockRows(applySiteScope(query, 'site', scope), 'share').getOne();
}

function auditValues(user: Pick<EntryUserEntity, keyof EntryUserInput>): AuditValues {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    apartment: user.apartment,
    moveInDate: user.moveInDate,
    moveOutDate: user.moveOutDate,
  };
}

export function newEntryUser(
  site: Pick<SiteEntity, 'id' | 'companyId'>,
  input: EntryUserInput,
  now: Date,
): EntryUserEntity {
  return Object.assign(new EntryUserEntity(), {
    id: randomUUID(),
    siteId: site.id,
    companyId: site.companyId,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    activeEmail: input.email,
    apartment: input.apartment ?? null,
    ...entryUserKeys(input),
    activeFrom: activeFromFor(input.moveInDate, now),
    removedAt: null,
    moveInDate: input.moveInDate ?? null,
    moveOutDate: input.moveOutDate ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

/** A new Entry app user at an active site the viewer may see; billed from today or the move-in day. */
export async function addEntryUser(
  dataSource: DataSource,
  scope: SiteScope,
  siteId: string,
  raw: EntryUserInput,
  actor: AuditActor,
  now = new Date(),
): Promise<EntryUserEntity> {
  return guardingEmail(() =>
    inTransaction(dataSource, async (manager) => {
      // whether the viewer may see the site comes before how their input is judged
      const site = await requireVisibleSite(manager, scope, siteId, SITE_FIELD);
      const input = checkedInput(raw, now);
      if (!site.active) throw siteInactive();
      await assertEmailFree(manager, site.id, input.email);
      const user = newEntryUser(site, input, now);
      await manager.getRepository(EntryUserEntity).insert(user);
      await recordAudit(
        manager,
        actor,
        {
          companyId: site.companyId,
          kind: 'entry_user.added',
          subjectType: 'entry_user',
          subjectId: user.id,
          siteId: site.id,
          after: auditValues(user),
        },
        now,
      );
      await publishWebhookEvent(
        manager,
        site.companyId,
        entryUserEvent(WebhookEventType.ENTRY_USER_ADDED, user),
        now,
      );
      return user;
    }),
  );
}

/**
 * Edits a current Entry app user (a removed one stays as it was: it is billing history). The
 * move-in day may change until the user moves in (billing then counts from the new one); the
 * move-out day may be set, moved or cleared, never to a day already past.
 */
export async function updateEntryUser(
  dataSource: DataSource,
  scope: SiteScope,
  id: string,
  raw: EntryUserInput,
  actor: AuditActor,
  now = new Date(),
): Promise<EntryUserEntity> {
  return guardingEmail(() =>
    inTransaction(dataSource, async (manager) => {
      const user = await findVisibleEntryUser(manager, scope, id);
      if (!user) throw notFound(ID_FIELD);
      const input = checkedInput(raw, now, user);
      if (entryUserStatus(user, now) === EntryUserStatus.REMOVED)
        throw UserInputProblem.of(ID_FIELD, UserErrorCode.INVALID_STATE);
      // left out: kept (apps from before the move dates must not clear them)
      const moveInDate = input.moveInDate === undefined ? user.moveInDate : input.moveInDate;
      const moveOutDate = input.moveOutDate === undefined ? user.moveOutDate : input.moveOutDate;
      const next = { ...input, apartment: input.apartment ?? null, moveInDate, moveOutDate };
      const before: AuditValues = {};
      const after: AuditValues = {};
      for (const key of [
        'firstName',
        'lastName',
        'email',
        'apartment',
        'moveInDate',
        'moveOutDate',
      ] as const) {
        if (next[key] !== user[key]) {
          before[key] = user[key];
          after[key] = next[key];
        }
      }
      if (!Object.keys(after).length) return user;
      if ('moveInDate' in after && user.activeFrom <= now)
        throw UserInputProblem.of(['input', 'moveInDate'], UserErrorCode.INVALID, {
          reason: MoveDateProblemReason.ALREADY_MOVED_IN,
        });
      if (input.email !== user.email) await assertEmailFree(manager, user.siteId, input.email);
      const changes = {
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        activeEmail: input.email,
        apartment: input.apartment ?? null,
        ...entryUserKeys(input),
        moveInDate,
        moveOutDate,
        // not moved in yet: billing starts on the (new) move-in day, or today without one
        ...('moveInDate' in after ? { activeFrom: activeFromFor(moveInDate, now) } : {}),
        updatedAt: now,
      };
      await manager.getRepository(EntryUserEntity).update({ id: user.id }, changes);
      await recordAudit(
        manager,
        actor,
        {
          companyId: user.companyId,
          kind: 'entry_user.updated',
          subjectType: 'entry_user',
          subjectId: user.id,
          siteId: user.siteId,
          before,
          after,
        },
        now,
      );
      Object.assign(user, changes);
      await publishWebhookEvent(
        manager,
        user.companyId,
        entryUserEvent(WebhookEventType.ENTRY_USER_UPDATED, user),
        now,
      );
      return user;
    }),
  );
}

/**
 * Removes an Entry app user: billing counts today and stops after. The row stays (removedAt set,
 * activeEmail cleared so the address can be added again). Removing twice changes nothing.
 */
export async function removeEntryUser(
  dataSource: DataSource,
  scope: SiteScope,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<string> {
  return inTransaction(dataSource, async (manager) => {
    const user = await findVisibleEntryUser(manager, scope, id);
    if (!user) throw notFound(ID_FIELD);
    const removal = { removedAt: now, activeEmail: null, updatedAt: now };
    const { affected } = await manager
      .getRepository(EntryUserEntity)
      .update({ id: user.id, removedAt: IsNull() }, removal);
    if (affected) {
      await recordAudit(
        manager,
        actor,
        {
          companyId: user.companyId,
          kind: 'entry_user.removed',
          subjectType: 'entry_user',
          subjectId: user.id,
          siteId: user.siteId,
          before: { ...auditValues(user), removedAt: null },
          after: { removedAt: now.toISOString() },
        },
        now,
      );
      await publishWebhookEvent(
        manager,
        user.companyId,
        entryUserEvent(WebhookEventType.ENTRY_USER_REMOVED, Object.assign(user, removal)),
        now,
      );
    }
    return user.id;
  });
}
