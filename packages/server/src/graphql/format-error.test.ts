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
