import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { entityRows, queryRows } from '../database/entity-rows';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { ownerColumns, type AccountOwner } from './account';
import { OperatorEntity } from './operator.entity';
import { SessionEntity } from './session.entity';
import { generateToken, hashToken } from './tokens';

/** A session left unused this long expires; use moves it forward. */
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/** A session never lives longer than this, however busy. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** Don't write lastSeenAt on every request: once a minute is precise enough for idle expiry. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionMeta {
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

export type ActiveSession =
  | {
      readonly kind: 'person';
      readonly session: SessionEntity;
      readonly person: PersonEntity;
      readonly company: CompanyEntity;
    }
  | {
      readonly kind: 'operator';
      readonly session: SessionEntity;
      readonly operator: OperatorEntity;
    };

/** Opens a session and returns its token: the only time the token exists outside the client. */
export async function createSession(
  dataSource: DataSource,
  owner: AccountOwner,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<{ token: string; session: SessionEntity }> {
  const token = generateToken();
  const session = dataSource.getRepository(SessionEntity).create({
    tokenHash: hashToken(token),
    ...ownerColumns(owner),
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    revokedAt: null,
    ip: meta.ip?.slice(0, 45) ?? null,
    userAgent: meta.userAgent?.slice(0, 255) ?? null,
  });
  await dataSource.getRepository(SessionEntity).insert(session);
  return { token, session };
}

/** The rows of the session lookup: the session, its person and company, or its operator. */
const sessionRows = (dataSource: DataSource) => ({
  session: entityRows(dataSource, SessionEntity, 'session'),
  person: entityRows(dataSource, PersonEntity, 'person'),
  company: entityRows(dataSource, CompanyEntity, 'company'),
  operator: entityRows(dataSource, OperatorEntity, 'operator'),
});

/**
 * The live session behind a token, with who it belongs to, or null when the token is unknown,
 * revoked, expired, or its person is disabled. Extends the idle expiry as a side effect.
 */
export async function findActiveSession(
  dataSource: DataSource,
  token: string,
  now = new Date(),
): Promise<ActiveSession | null> {
  const rows = sessionRows(dataSource);
  const [row] = await queryRows(
    dataSource.manager,
    `SELECT ${rows.session.columns}, ${rows.person.columns}, ${rows.company.columns}, ${rows.operator.columns}
       FROM ${rows.session.from}
       LEFT JOIN ${rows.person.from} ON person.id = session.personId
       LEFT JOIN ${rows.company.from} ON company.id = person.companyId
       LEFT JOIN ${rows.operator.from} ON operator.id = session.operatorId
      WHERE session.tokenHash = :tokenHash AND session.revokedAt IS NULL`,
    { tokenHash: hashToken(token) },
  );
  if (!row) return null;
  const session = rows.session.read(row);
  if (!session || session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) return null;

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const idleExpiresAt = new Date(
      Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()),
    );
    // Conditional: of the requests (on any server process) that find the session stale at once,
    // one writes; the others' UPDATE matches no row. So at most one write a minute per session.
    await dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ lastSeenAt: now, idleExpiresAt })
      .where('id = :id AND lastSeenAt < :stale', {
        id: session.id,
        stale: new Date(now.getTime() - TOUCH_INTERVAL_MS),
      })
      .execute();
    session.lastSeenAt = now;
    session.idleExpiresAt = idleExpiresAt;
  }

  const person = rows.person.read(row);
  const company = rows.company.read(row);
  if (person && company) {
    if (person.status === PersonStatus.DISABLED) return null;
    return { kind: 'person', session, person, company };
  }
  const operator = rows.operator.read(row);
  if (operator) return { kind: 'operator', session, operator };
  return null;
}

/** Ends a session (signing out): from the next request on, on every server process. */
export async function revokeSession(
  dataSource: DataSource,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  await dataSource
    .getRepository(SessionEntity)
    .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: now });
}

/** The most sessions mySessions lists: the newest; older ones still end with "sign out others". */
export const SESSION_LIST_MAX = 100;

/** The account's live sessions (not ended, not expired), newest first. */
export async function liveSessions(
  dataSource: DataSource,
  owner: AccountOwner,
  now = new Date(),
): Promise<SessionEntity[]> {
  return dataSource.getRepository(SessionEntity).find({
    where: {
      ...owner,
      revokedAt: IsNull(),
      idleExpiresAt: MoreThan(now),
      absoluteExpiresAt: MoreThan(now),
    },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: SESSION_LIST_MAX,
  });
}

/**
 * Ends one of the account's own sessions. False when it is not the account's (another's reads as
 * one that does not exist), unknown, or ended already.
 */
export async function revokeOwnSession(
  dataSource: DataSource,
  owner: AccountOwner,
  sessionId: string,
  now = new Date(),
): Promise<boolean> {
  const result = await dataSource
    .getRepository(SessionEntity)
    .update({ ...owner, id: sessionId, revokedAt: IsNull() }, { revokedAt: now });
  return (result.affected ?? 0) > 0;
}

/** Ends every session of the account but `keepSessionId`; answers how many it ended. */
export async function revokeOtherSessions(
  dataSource: DataSource,
  owner: AccountOwner,
  keepSessionId: string | null,
  now = new Date(),
): Promise<number> {
  const result = await dataSource.getRepository(SessionEntity).update(
    {
      ...owner,
      revokedAt: IsNull(),
      idleExpiresAt: MoreThan(now),
      absoluteExpiresAt: MoreThan(now),
      ...(keepSessionId ? { id: Not(keepSessionId) } : {}),
    },
    { revokedAt: now },
  );
  return result.affected ?? 0;
}
