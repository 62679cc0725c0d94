import type { DataSource } from 'typeorm';
import type { PortalOptions } from '../../src/portal';
import { testDialects } from '../databases';
import { startTestPortal, type Dialect, type TestPortal } from '../portal';
import { openMigratedDatabase, type MigratedDatabase } from './migrated-database';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';
import { startStripeStandin, type StripeStandin } from './stripe-standin';

type Env = Record<string, string>;

/**
 * What a suite on one dialect starts before its tests and stops after them. Each start* call
 * declares a resource (during the describe body) and returns a stand-in for it: the same object
 * once beforeAll has started it, so the suite can write `portal.gql(...)` in its tests as it
 * would with the real one. Resources start in the order declared, before the suite's own
 * beforeAll hooks, and stop in the reverse order after its afterAll hooks.
 */
export interface DialectSuite {
  readonly dialect: Dialect;
  /**
   * The real server over a brand-new database of this dialect. `env` may be a function, read
   * when the portal starts: for a value of a resource declared before it (an SMTP capture's url).
   */
  startPortal(env?: Env | (() => Env), options?: PortalOptions): TestPortal;
  /** a real SMTP server capturing what is sent to it */
  startSmtpCapture(): SmtpCapture;
  /**
   * The portal sending its mail to an SMTP capture, its links to http://portal.test: for suites
   * that read the emails.
   */
  startMailingPortal(env?: Env): { portal: TestPortal; smtp: SmtpCapture };
  /** Stripe's API played by a local stand-in that accepts `secretKey` */
  startStripeStandin(secretKey: string): StripeStandin;
  /**
   * Data built once, after the resources declared before it (the portal) have started: e.g.
   * `suite.seed(buildWorld)`.
   */
  seed<T extends object>(build: (dataSource: DataSource) => Promise<T>): T;
  /** a migrated database with no server, for suites that call the services directly */
  openMigratedDatabase(): MigratedDatabase;
  /** the data source of the portal or migrated database this suite declared first */
  readonly dataSource: DataSource;
  /** anything else started before the tests and stopped after them (a stand-in server) */
  startBefore<T extends object>(start: () => Promise<T>, stop: (started: T) => unknown): T;
}

interface Resource {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `describe.each(testDialects())` with the set-up every integration suite repeats: `title` keeps
 * its `%s` for the dialect. When one resource fails to start, those already started are stopped
 * at once (a DataSource or server left open keeps Jest from ever exiting).
 */
export function describeOnDialects(title: string, body: (suite: DialectSuite) => void): void {
  describe.each(testDialects())(title, (dialect) => {
    const resources: Resource[] = [];
    const started: Resource[] = [];
    let dataSourceOf: (() => DataSource) | null = null;

    function declare<T extends object>(
      name: string,
      start: () => Promise<T>,
      stop: (value: T) => unknown,
    ): { standIn: T; current: () => T } {
      let value: T | null = null;
      const current = () => {
        if (!value) throw new Error(`${name} starts in beforeAll: use it in a hook or a test`);
        return value;
      };
      resources.push({
        name,
        async start() {
          value = await start();
        },
        async stop() {
          if (value) await stop(value);
          value = null;
        },
      });
      return { standIn: standIn(current), current };
    }

    async function stopStarted() {
      const errors: unknown[] = [];
      for (const resource of started.splice(0).reverse()) {
        try {
          await resource.stop();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw errors[0];
    }

    const suite: DialectSuite = {
      dialect,
      startPortal(env = {}, options) {
        const { standIn, current } = declare(
          'the portal',
          () => startTestPortal(dialect, typeof env === 'function' ? env() : env, options),
          (portal) => portal.close(),
        );
        dataSourceOf ??= () => current().dataSource;
        return standIn;
      },
      startSmtpCapture() {
        return declare('the SMTP capture', startSmtpCapture, (smtp) => smtp.stop()).standIn;
      },
      startMailingPortal(env = {}) {
        const smtp = suite.startSmtpCapture();
        const portal = suite.startPortal(() => ({
          SMTP_URL: smtp.url,
          PUBLIC_URL: 'http://portal.test',
          ...env,
        }));
        return { portal, smtp };
      },
      startStripeStandin(secretKey) {
        return declare(
          'the Stripe stand-in',
          () => startStripeStandin({ secretKey }),
          (standin) => standin.close(),
        ).standIn;
      },
      seed(build) {
        return declare(
          'the seeded data',
          () => build(suite.dataSource),
          () => undefined,
        ).standIn;
      },
      openMigratedDatabase() {
        const { standIn, current } = declare(
          'the migrated database',
          () => openMigratedDatabase(dialect),
          (database) => database.close(),
        );
        dataSourceOf ??= () => current().dataSource;
        return standIn;
      },
      dataSource: standIn(() => {
        if (!dataSourceOf) throw new Error('this suite declared no portal and no database');
        return dataSourceOf();
      }),
      startBefore(start, stop) {
        return declare('a resource of this suite', start, stop).standIn;
      },
    };

    beforeAll(async () => {
      for (const resource of resources) {
        try {
          await resource.start();
        } catch (error) {
          await stopStarted();
          throw error;
        }
        started.push(resource);
      }
    });
    body(suite);
    // declared after the body's hooks: Jest runs afterAll hooks in the order declared
    afterAll(stopStarted);
  });
}

/**
 * An object that forwards every property to `current()`, read when used: the suite can hold it
 * from the start although the real object exists only once beforeAll has run. Methods are bound
 * to the real object.
 */
function standIn<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = current();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(real)
        : value;
    },
    set(_target, key, value) {
      return Reflect.set(current(), key, value);
    },
    has(_target, key) {
      return Reflect.has(current(), key);
    },
  });
}
