import type { MockLink } from '@apollo/client/testing';

/**
 * A mocked operation that records the variables of every request and answers with `answer`
 * (as often as asked): a test can say what was sent, and that nothing was.
 */
export function recorded(
  query: MockLink.MockedResponse['request']['query'],
  answer: (variables: Record<string, unknown>) => Record<string, unknown>,
) {
  const seen: Record<string, unknown>[] = [];
  const mock: MockLink.MockedResponse = {
    request: { query, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      seen.push(variables);
      return { data: answer(variables) };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { mock, seen };
}
