// MockLink answers for the sites pages' tests.
import type { MockLink } from '@apollo/client/testing';
import type { AccessLevelCode } from '@entry/shared';
import { SiteAdminsQuery, SiteDetailQuery, SitesQuery } from '../operations';
import { accessAnswer } from '../../../test/viewer-mocks';

export function siteViewer(
  code: AccessLevelCode,
  billingSetupComplete = true,
): MockLink.MockedResponse {
  return accessAnswer(code, { billingSetupComplete });
}

export interface TestSite {
  id: string;
  name: string;
  address?: string | null;
  costCenter?: string | null;
  active?: boolean;
  entryUserCount?: number;
  siteAdmins?: { id: string; firstName: string; lastName: string }[];
}

function siteNode(site: TestSite, withSiteAdmins: boolean) {
  return {
    __typename: 'Site' as const,
    id: site.id,
    name: site.name,
    address: site.address ?? null,
    costCenter: site.costCenter ?? null,
    active: site.active ?? true,
    deactivatedAt: site.active === false ? '2026-11-20T10:00:00.000Z' : null,
    entryUserCount: site.entryUserCount ?? 0,
    ...(withSiteAdmins
      ? {
          siteAdmins: (site.siteAdmins ?? []).map((person) => ({
            __typename: 'Person' as const,
            ...person,
          })),
        }
      : {}),
  };
}

interface SitesMockOptions {
  search?: string | null;
  active?: boolean | null;
  withSiteAdmins?: boolean;
  totalCount?: number;
  hasNextPage?: boolean;
}

export function sitesList(
  sites: TestSite[],
  {
    search = null,
    active = null,
    withSiteAdmins = true,
    totalCount = sites.length,
    hasNextPage = false,
  }: SitesMockOptions = {},
): MockLink.MockedResponse {
  return {
    request: {
      query: SitesQuery,
      variables: { search, active, first: 20, withAdmins: withSiteAdmins },
    },
    result: {
      data: {
        sites: {
          __typename: 'SiteConnection',
          totalCount,
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: sites.length ? `cursor-${sites.length}` : null,
          },
          edges: sites.map((site, index) => ({
            __typename: 'SiteEdge',
            cursor: `cursor-${index + 1}`,
            node: siteNode(site, withSiteAdmins),
          })),
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

type TestUser = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  apartment?: string | null;
  moveInDate?: string | null;
  moveOutDate?: string | null;
  status?: string;
};

export function siteDetail(
  site: (TestSite & { entryUsers?: TestUser[] }) | null,
  { id = site?.id ?? 'site-1', search = null as string | null } = {},
): MockLink.MockedResponse {
  return {
    request: {
      query: SiteDetailQuery,
      variables: { id, search, first: 20 },
    },
    result: {
      data: {
        site: site && {
          ...siteNode(site, false),
          createdAt: '2026-11-02T09:30:00.000Z',
          entryUsers: {
            __typename: 'EntryUserConnection',
            totalCount: site.entryUsers?.length ?? 0,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: (site.entryUsers ?? []).map((user, index) => ({
              __typename: 'EntryUserEdge',
              cursor: `u-${index}`,
              node: {
                __typename: 'EntryUser',
                apartment: null,
                activeFrom: '2026-11-03T08:00:00.000Z',
                moveInDate: null,
                moveOutDate: null,
                status: 'ACTIVE',
                ...user,
              },
            })),
          },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** The site admins of a site (asked for separately, by all-sites levels only). */
export function siteAdmins(site: TestSite): MockLink.MockedResponse {
  return {
    request: { query: SiteAdminsQuery, variables: { id: site.id } },
    result: {
      data: {
        site: {
          __typename: 'Site',
          id: site.id,
          siteAdmins: (site.siteAdmins ?? []).map((person) => ({
            __typename: 'Person' as const,
            email: `${person.firstName.toLowerCase()}@example.com`,
            status: 'ACTIVE',
            ...person,
          })),
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
