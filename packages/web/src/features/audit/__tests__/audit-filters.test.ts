import { describe, expect, it } from 'vitest';
import { csvExportUrl, filtersFromParams, rangeIsBackwards, toApiFilters } from '../audit-filters';

describe('audit filters', () => {
  it('should read the filters from the address and ignore days that do not exist', () => {
    const filters = filtersFromParams(
      new URLSearchParams('personId=p1&kind=person.invited&from=2026-02-30&to=2026-03-31'),
    );
    expect(filters).toEqual({
      personId: 'p1',
      siteId: null,
      kind: 'person.invited',
      from: null,
      to: '2026-03-31',
    });
  });

  it('should ask from the first day at midnight up to the day after the last, in local time', () => {
    const api = toApiFilters({
      personId: null,
      siteId: 's1',
      kind: null,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(api.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(api.to).toBe(new Date(2026, 3, 1).toISOString());
    expect(api.siteId).toBe('s1');
  });

  it('should export the CSV with exactly the filters the table shows', () => {
    const filters = filtersFromParams(
      new URLSearchParams('kind=site.created&siteId=s1&from=2026-01-05'),
    );
    const url = new URL(csvExportUrl(filters), 'http://portal.test');
    expect(url.pathname).toBe('/api/audit-events.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      siteId: 's1',
      kind: 'site.created',
      from: new Date(2026, 0, 5).toISOString(),
    });
    expect(csvExportUrl(filtersFromParams(new URLSearchParams()))).toBe('/api/audit-events.csv');
  });

  it('should notice an end date before the start date', () => {
    expect(
      rangeIsBackwards(filtersFromParams(new URLSearchParams('from=2026-03-02&to=2026-03-01'))),
    ).toBe(true);
    expect(
      rangeIsBackwards(filtersFromParams(new URLSearchParams('from=2026-03-01&to=2026-03-01'))),
    ).toBe(false);
  });
});
