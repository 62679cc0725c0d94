import { VENDOR_STAFF, type Locale } from '@entry/shared';
import type { AuditEventEntity, AuditValues } from './audit-event.entity';

export interface AuditChangeRow {
  field: string;
  before: string | null;
  after: string | null;
}

const text = (value: AuditValues[string] | undefined): string | null =>
  value === undefined || value === null ? null : String(value);

/** before/after as one row per field that appears in either. */
export function auditChanges(event: Pick<AuditEventEntity, 'before' | 'after'>): AuditChangeRow[] {
  const fields = [
    ...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})]),
  ];
  return fields.map((field) => ({
    field,
    before: text(event.before?.[field]),
    after: text(event.after?.[field]),
  }));
}

/** Who reads the log: a company's people see the vendor's staff only as "Vendor staff". */
export interface AuditAudience {
  readonly operator: boolean;
  readonly locale: Locale;
}

export interface AuditActorRow {
  kind: 'PERSON' | 'OPERATOR' | 'API_KEY' | 'ANONYMOUS';
  id: string | null;
  /** null when the person has been removed since; an API key's name */
  name: string | null;
  email: string | null;
}

/** The actor as `audience` may see them, from the person or operator the event names (if found). */
export function auditActor(
  event: Pick<AuditEventEntity, 'actorPersonId' | 'actorOperatorId' | 'actorApiKeyId'>,
  found: {
    person?: { firstName: string; lastName: string; email: string } | null;
    operator?: { name: string; email: string } | null;
    apiKey?: { name: string } | null;
  },
  audience: AuditAudience,
): AuditActorRow {
  if (event.actorPersonId) {
    const { person } = found;
    return {
      kind: 'PERSON',
      id: event.actorPersonId,
      name: person ? `${person.firstName} ${person.lastName}` : null,
      email: person?.email ?? null,
    };
  }
  if (event.actorOperatorId) {
    if (!audience.operator)
      return { kind: 'OPERATOR', id: null, name: VENDOR_STAFF[audience.locale], email: null };
    const { operator } = found;
    return {
      kind: 'OPERATOR',
      id: event.actorOperatorId,
      name: operator?.name ?? null,
      email: operator?.email ?? null,
    };
  }
  if (event.actorApiKeyId)
    return {
      kind: 'API_KEY',
      id: event.actorApiKeyId,
      name: found.apiKey?.name ?? null,
      email: null,
    };
  return { kind: 'ANONYMOUS', id: null, name: null, email: null };
}

/** The address a change came from; an operator's stays with the operators. */
export function auditIp(
  event: Pick<AuditEventEntity, 'actorOperatorId' | 'ip'>,
  audience: AuditAudience,
): string | null {
  return event.actorOperatorId && !audience.operator ? null : event.ip;
}
