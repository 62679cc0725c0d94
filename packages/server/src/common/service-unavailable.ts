/**
 * A service the request needs besides the database (the rate-limit store in Redis) did not
 * answer: the request is answered 503 with Retry-After, like a database outage, without counting
 * as one.
 */
export class ServiceUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceUnavailableError';
  }
}
