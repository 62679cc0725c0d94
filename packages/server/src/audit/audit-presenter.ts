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
