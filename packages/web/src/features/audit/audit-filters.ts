/** The audit log's filters as the address holds them (?personId=&siteId=&kind=&from=&to=). */
export interface AuditFilters {
  personId: string | null;
  siteId: string | null;
  kind: string | null;
  /** YYYY-MM-DD, the first day shown (local time) */
  from: string | null;
  /** YYYY-MM-DD, the last day shown, inclusive (local time) */
  to: string | null;
}

export const FILTER_NAMES = ['personId', 'siteId', 'kind', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const text = (name: FilterName) => params.get(name)?.trim() || null;
  const day = (name: FilterName) => {
    const value = text(name);
    return value && DAY.test(value) && startOfDay(value) ? value : null;
  };
  return {
    personId: text('personId'),
    siteId: text('siteId'),
    kind: text('kind'),
    from: day('from'),
    to: day('to'),
  };
}

/** Local midnight at the start of a YYYY-MM-DD day; null for a day that does not exist. */
function startOfDay(day: string): Date | null {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date);
  return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === date
    ? start
    : null;
}

/** The "to" day is inclusive for people; the API's `to` is exclusive: the next day's midnight. */
function endOfDay(day: string): Date | null {
  const start = startOfDay(day);
  if (!start) return null;
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

/** True when both days are set and the last comes before the first. */
export function rangeIsBackwards(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.to < filters.from);
}

/** The API's arguments (auditEvents and the CSV export take the same ones). */
export function toApiFilters(filters: AuditFilters) {
  return {
    personId: filters.personId,
    siteId: filters.siteId,
    kind: filters.kind,
    from: filters.from ? (startOfDay(filters.from)?.toISOString() ?? null) : null,
    to: filters.to ? (endOfDay(filters.to)?.toISOString() ?? null) : null,
  };
}

/** GET /api/audit-events.csv with the same filters as the table shows. */
export function csvExportUrl(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(toApiFilters(filters))) {
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return `/api/audit-events.csv${search ? `?${search}` : ''}`;
}
