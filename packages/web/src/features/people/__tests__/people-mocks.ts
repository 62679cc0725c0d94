import type { MockLink } from '@apollo/client/testing';
import {
  ACCESS_LEVEL_CODES,
  ACCESS_LEVEL_DESCRIPTIONS,
  ACCESS_LEVEL_LABELS,
  ACCESS_LEVEL_RIGHTS,
  type AccessLevelCode,
  type Locale,
} from '@entry/shared';
import { AccessLevelsQuery } from '../../administrator/operations';
import { SiteOptionsQuery } from '../../sites/site-options-operations';
import { PeopleQuery } from '../operations';

const always = () => true;

/** The signed-in person's level and billing state (me: person-1). */
export { accessAnswer as peopleViewer } from '../../../test/viewer-mocks';

/** accessLevels in one language, from the shared table (what the server answers with). */
export function accessLevels(locale: Locale): MockLink.MockedResponse {
  return {
    request: { query: AccessLevelsQuery, variables: { locale } },
    result: {
      data: {
        accessLevels: ACCESS_LEVEL_CODES.map((code) => ({
          __typename: 'AccessLevel',
          code,
          label: ACCESS_LEVEL_LABELS[code][locale],
          description: ACCESS_LEVEL_DESCRIPTIONS[code][locale],
          allSites: ACCESS_LEVEL_RIGHTS[code].allSites,
          payments: ACCESS_LEVEL_RIGHTS[code].payments,
        })),
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export interface TestPersonRow {
  id: string;
  firstName: string;
  lastName: string;
  email?: string;
  status?: string;
  level: AccessLevelCode;
  sites?: string[];
}

export function personNode(person: TestPersonRow, locale: Locale = 'en') {
  const sites = person.sites ?? [];
  return {
    __typename: 'Person' as const,
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email ?? `${person.firstName.toLowerCase()}@example.com`,
    status: person.status ?? 'ACTIVE',
    accessLevel: {
      __typename: 'AccessLevel' as const,
      code: person.level,
      label: ACCESS_LEVEL_LABELS[person.level][locale],
    },
    sites: {
      __typename: 'SiteConnection' as const,
      totalCount: sites.length,
      edges: sites.slice(0, 3).map((name, index) => ({
        __typename: 'SiteEdge' as const,
        node: { __typename: 'Site' as const, id: `${person.id}-site-${index}`, name },
      })),
    },
  };
}

/** `people` answering these rows, whatever the filters (the variables go to `seen`). */
export function peopleList(
  rows: TestPersonRow[],
  { locale = 'en' as Locale, seen }: { locale?: Locale; seen?: Record<string, unknown>[] } = {},
): MockLink.MockedResponse {
  return {
    request: { query: PeopleQuery, variables: always },
    result: (variables: Record<string, unknown>) => {
      seen?.push(variables);
      return {
        data: {
          people: {
            __typename: 'PersonConnection',
            totalCount: rows.length,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: rows.map((row) => ({
              __typename: 'PersonEdge',
              node: personNode(row, locale),
            })),
          },
        },
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export const SITE_NAMES = [
  'Grand Ave Suites',
  'Grange Court',
  'Harbour View Lofts',
  'Quai des Brumes',
] as const;

export function siteId(name: string): string {
  return `site-${SITE_NAMES.indexOf(name as (typeof SITE_NAMES)[number])}`;
}

/** `sites(search:, first:)` over a few sites, matching name as the server does (contains). */
export function siteOptions(): MockLink.MockedResponse {
  return {
    request: { query: SiteOptionsQuery, variables: always },
    result: (variables: Record<string, unknown>) => {
      const search = String(variables['search'] ?? '').toLowerCase();
      const matching = SITE_NAMES.filter((name) => name.toLowerCase().includes(search));
      return {
        data: {
          sites: {
            __typename: 'SiteConnection',
            totalCount: matching.length,
            edges: matching.map((name) => ({
              __typename: 'SiteEdge',
              node: {
                __typename: 'Site',
                id: siteId(name),
                name,
                address: `${name.length} Main Street`,
                active: true,
              },
            })),
          },
        },
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
