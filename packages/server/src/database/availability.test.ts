import { silentLogger } from '../observability/logger';
import { createDataSource } from './data-source';
import { failoverOf, NoHostAnsweredError } from './failover';
import {
  databaseAvailability,
  isDatabaseBusy,
  isDatabaseConflict,
  isDatabaseUnavailable,
  isDatabaseUnreachable,
} from './availability';

/** An error shaped as mysql2 or Node's sockets raise it (the fault tests make real ones). */
const driverError = (code: string, fatal: boolean, message = code) =>
  Object.assign(new Error(message), { code, fatal });

describe('isDatabaseUnreachable', () => {
  it.each([
    ['a refused connection', driverError('ECONNREFUSED', true)],
    ['a connect timeout', driverError('ETIMEDOUT', true)],
    ['a lost connection', driverError('PROTOCOL_CONNECTION_LOST', true)],
    ['a statement left unanswered', driverError('PROTOCOL_SEQUENCE_TIMEOUT', true)],
    ['a server out of connections', driverError('ER_CON_COUNT_ERROR', false)],
    [
      'a query on a dead connection',
      driverError('', true, "Can't add new command when connection is in closed state"),
    ],
    [
      'a lost connection inside TypeORM and graphql-js',
      {
        message: 'wrapped',
        originalError: { driverError: driverError('PROTOCOL_CONNECTION_LOST', true) },
      },
    ],
    ['a value graphql-js could not take as an Error', { thrownValue: driverError('EPIPE', true) }],
    [
      'a Galera node that is not ready',
      {
        originalError: Object.assign(
          new Error('WSREP has not yet prepared node for application use'),
          { code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 },
        ),
      },
    ],
  ])('should count %s as the database being unreachable', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a failing statement', driverError('ER_NO_SUCH_TABLE', false)],
    ['a duplicate key', driverError('ER_DUP_ENTRY', false)],
    ['SQLite busy', driverError('SQLITE_BUSY', false)],
    ['SQLite I/O', driverError('SQLITE_IOERR', false)],
    // the same socket code from another client (Stripe, SMTP) is not the database
    ['a refused connection of another client', driverError('ECONNREFUSED', false)],
    ['a plain error', new Error('boom')],
    ['no error at all', undefined],
  ])('should not count %s', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});

describe('isDatabaseBusy', () => {
  // exactly what mysql2's pool passes on (no code), as TypeORM and graphql-js hand it over
  const queueFull = () => new Error('Queue limit reached.');

  it.each([
    ['the pool refusing a request', queueFull()],
    ['the refusal inside graphql-js', { message: 'wrapped', originalError: queueFull() }],
  ])('should count %s as busy: a 503, but not the database being down', (_name, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
    expect(isDatabaseUnreachable(error)).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a lost connection', driverError('PROTOCOL_CONNECTION_LOST', true)],
    ['a message that only mentions the queue', new Error('Queue limit reached. Again?')],
    ['a plain error', new Error('boom')],
  ])('should not count %s', (_name, error) => {
    expect(isDatabaseBusy(error)).toBe(false);
  });
});

describe('isDatabaseConflict', () => {
  it.each([
    ['a deadlock or Galera certification failure', 1213],
    ['a lock wait timeout', 1205],
    ['a commit Galera could not replicate', 1180],
  ])('should count %s that outlived the retries as a 503, not an outage', (_name, errno) => {
    const error = { message: 'wrapped', originalError: Object.assign(new Error('x'), { errno }) };
    expect(isDatabaseConflict(error)).toBe(true);
    expect(isDatabaseUnreachable(error)).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('should not count a duplicate key', () => {
    expect(isDatabaseConflict(Object.assign(new Error('dup'), { errno: 1062 }))).toBe(false);
  });
});

describe('databaseAvailability with several database hosts', () => {
  const lost = () => driverError('PROTOCOL_CONNECTION_LOST', true);
  const twoHosts = () =>
    createDataSource({ type: 'mariadb', url: 'mysql://portal@127.0.0.1:1,127.0.0.1:2/portal' });

  it('should answer 503 for a connection lost to one host without refusing every request after it', () => {
    const availability = databaseAvailability(twoHosts());
    expect(availability.report(lost(), silentLogger)).toBe(true);
    expect(availability.down).toBe(false);
  });

  it('should count the database as down when no host answers at all', () => {
    const availability = databaseAvailability(twoHosts());
    const none = new NoHostAnsweredError([
      { host: '127.0.0.1', port: 1 },
      { host: '127.0.0.1', port: 2 },
    ]);
    expect(availability.report({ originalError: none }, silentLogger)).toBe(true);
    expect(availability.down).toBe(true);
  });

  it('should move new connections to the next host when the current one says it is not ready', () => {
    const dataSource = twoHosts();
    const notReady = Object.assign(new Error('WSREP has not yet prepared node'), { errno: 1047 });
    expect(databaseAvailability(dataSource).report(notReady, silentLogger)).toBe(true);
    expect(failoverOf(dataSource)!.currentHost.port).toBe(2);
  });
});
