// The one MockLink answer for "at which level is the signed-in person, and has their company
// finished billing setup" (the Access query, app/operations.ts), with one set of defaults.
import type { MockLink } from '@apollo/client/testing';
import type { AccessLevelCode } from '@entry/shared';
import { AccessQuery } from '../app/operations';
import type { CompanyStatus } from '../gql/graphql';

export interface TestAccess {
  /** default: true */
  billingSetupComplete?: boolean;
  /** `me`'s id; default: person-1, the id of renderApp's signedIn() */
  id?: string;
  /** the company's state; default: APPROVED */
  status?: CompanyStatus;
}

/** The Access query's answer: `me` at `level`. */
export function accessData(
  level: AccessLevelCode,
  { billingSetupComplete = true, id = 'person-1', status = 'APPROVED' }: TestAccess = {},
) {
  return {
    me: {
      __typename: 'Person' as const,
      id,
      accessLevel: { __typename: 'AccessLevel' as const, code: level },
      company: { __typename: 'Company' as const, id: 'company-1', billingSetupComplete, status },
    },
  };
}

/** `me` at `level`, answered every time a page asks for the signed-in person's access. */
export function accessAnswer(
  level: AccessLevelCode,
  access: TestAccess = {},
): MockLink.MockedResponse {
  return {
    request: { query: AccessQuery },
    result: { data: accessData(level, access) },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
