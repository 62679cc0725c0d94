/**
 * The operations the benchmarks send, to the portal and to the raw baseline alike, and that the
 * statement-count test holds to at most three SQL statements per request whatever the page size.
 * They are what the sites and people screens ask for: a page with its total, each row with what the
 * row shows.
 */

/** A page of sites with their admins and user counts: what a payment or system admin sees. */
export const SITES_WITH_ADMINS = `query BenchSites($first: Int!) {
  sites(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name address active entryUserCount siteAdmins { id firstName lastName email } } }
  }
}`;

/** The same page for a site admin: their own sites; `siteAdmins` is not theirs to read (ALL_SITES). */
export const SITES_OF_SITE_ADMIN = `query BenchSites($first: Int!) {
  sites(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name address active entryUserCount } }
  }
}`;

/** A page of people with the first sites of each: the people screen. */
export const PEOPLE_WITH_SITES = `query BenchPeople($first: Int!) {
  people(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id firstName lastName email status accessLevel { code } sites(first: 5) { totalCount edges { node { id name } } } } }
  }
}`;

/** A site admin's own sites through `me`: people(...) is refused to their level. */
export const MY_SITES = `query BenchMySites($first: Int!) {
  me { id firstName lastName sites(first: $first) { totalCount edges { node { id name entryUserCount } } } }
}`;
