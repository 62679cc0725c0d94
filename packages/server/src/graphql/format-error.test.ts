import { GraphQLError } from 'graphql';
import type { Logger } from '../observability/logger';
import { createErrorFormatter } from './format-error';

function recordingLogger() {
  const errors: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: () => {},
    warn: () => {},
    error: (message, fields) => errors.push({ message, fields }),
  };
  return { logger, errors };
}

describe('createErrorFormatter', () => {
  it('should hide the message, stack and SQL of an unexpected error and log it in full', () => {
    const { logger, errors } = recordingLogger();
    const format = createErrorFormatter(logger);
    const original = new Error(
      "ER_NO_SUCH_TABLE: Table 'portal.person' doesn't exist at /srv/portal/dist/people.js:12",
    );
    const formatted = format(
      {
        message: original.message,
        path: ['me'],
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          stacktrace: ['at /srv/portal/dist/people.js:12'],
        },
      },
      original,
    );
    expect(formatted).toEqual({
      message: 'Something went wrong on our side. Please try again.',
      path: ['me'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields?.['error']).toBe(original);
  });

  it('should pass a known code with its message but without a stack trace', () => {
    const { logger, errors } = recordingLogger();
    const format = createErrorFormatter(logger);
    const error = new GraphQLError('Please sign in first.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const formatted = format(
      { message: error.message, extensions: { code: 'UNAUTHENTICATED', stacktrace: ['x'] } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Please sign in first.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(errors).toHaveLength(0);
  });
});

describe('createErrorFormatter and outages', () => {
  it('should answer a resolver that lost the database as SERVICE_UNAVAILABLE without logging it as a bug', () => {
    const { logger, errors } = recordingLogger();
    const format = createErrorFormatter(logger);
    // what mysql2 rejects with when the server refuses the connection
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:3306'), {
      code: 'ECONNREFUSED',
      fatal: true,
    });
    const wrapped = new GraphQLError(refused.message, { path: ['sites'], originalError: refused });
    expect(format({ message: refused.message, path: ['sites'] }, wrapped)).toEqual({
      message: 'The service is briefly unavailable. Please try again in a moment.',
      path: ['sites'],
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(errors).toHaveLength(0);
  });

  it("should pass Apollo's code-less 400 refusals of a malformed request as BAD_REQUEST", () => {
    const { logger, errors } = recordingLogger();
    const format = createErrorFormatter(logger);
    const refusal = new GraphQLError('provided sha does not match query', {
      extensions: { http: { status: 400, headers: new Map() } },
    });
    expect(
      format(
        {
          message: refusal.message,
          extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.js:1'] },
        },
        refusal,
      ),
    ).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(errors).toHaveLength(0);
  });
});
