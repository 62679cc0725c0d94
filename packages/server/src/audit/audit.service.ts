import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { AuditEventEntity, type AuditValues } from './audit-event.entity';

export interface AuditEntry {
  readonly companyId: string | null;
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly siteId?: string | null;
  readonly before?: AuditValues | null;
  readonly after?: AuditValues | null;
}

export interface AuditActor {
  readonly viewer: Viewer | null;
  readonly ip: string | null;
}

/** Writes the audit event in the caller's transaction: no change without its record. */
export async function recordAudit(
  manager: EntityManager,
  actor: AuditActor,
  entry: AuditEntry,
  now = new Date(),
): Promise<void> {
  const repository = manager.getRepository(AuditEventEntity);
  await repository.insert({
    companyId: entry.companyId,
    actorPersonId: actor.viewer?.kind === 'person' ? actor.viewer.person.id : null,
    actorOperatorId: actor.viewer?.kind === 'operator' ? actor.viewer.operator.id : null,
    actorApiKeyId: actor.viewer?.kind === 'apiKey' ? actor.viewer.key.id : null,
    kind: entry.kind,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    siteId: entry.siteId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip?.slice(0, 45) ?? null,
    createdAt: now,
  });
}
