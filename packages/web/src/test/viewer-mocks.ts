// The one MockLink answer for the pages' "who is signed in, at which level" queries
// (SiteViewer, BillingViewer, PeopleViewer ask the same selection under different names).
import type { MockLink } from '@apollo/client/testing';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AccessLevelCode } from '@entry/shared';

export interface TestViewer {
  level: AccessLevelCode;
  /** whether the person's company finished billing setup: every caller says which */
  billingSetupComplete: boolean;
  id?: string;
}

/** `me` at `level`, answered every time the page asks `query`. */
export function viewerAnswer(
  query: TypedDocumentNode<unknown, Record<string, never>>,
  { level, billingSetupComplete, id = 'person-1' }: TestViewer,
): MockLink.MockedResponse {
  return {
    request: { query },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id,
          accessLevel: { __typename: 'AccessLevel', code: level },
          company: { __typename: 'Company', id: 'company-1', billingSetupComplete },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
