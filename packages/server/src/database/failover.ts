import net from 'node:net';
import { Duplex } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';

/** One MariaDB/MySQL server of a DATABASE_URL's host list. */
export interface DatabaseHost {
  readonly host: string;
  readonly port: number;
}

/** A mysql:// or mariadb:// DATABASE_URL taken apart: it may name several hosts. */
export interface MysqlAddress {
  readonly hosts: readonly DatabaseHost[];
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

const MYSQL_URL = /^(?:mysql|mariadb):\/\/(?:([^@/]*)@)?([^/?#]+)\/([^/?#]+)\/?$/;
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?$/;

/**
 * `mysql://user:pass@h1:3306,h2:3306,h3/db` (WHATWG URLs cannot hold a host list, so it is read
 * here), or null when it is not one. A host without a port is on 3306.
 */
export function parseMysqlAddress(raw: string): MysqlAddress | null {
  const match = MYSQL_URL.exec(raw);
  if (!match) return null;
  const [, credentials = '', hostList = '', database = ''] = match;
  const hosts: DatabaseHost[] = [];
  for (const entry of hostList.split(',')) {
    const hostMatch = HOST_PORT.exec(entry.trim());
    if (!hostMatch) return null;
    const port = hostMatch[2] === undefined ? 3306 : Number(hostMatch[2]);
    if (port < 1 || port > 65535) return null;
    hosts.push({ host: hostMatch[1]!.replace(/^\[|\]$/g, ''), port });
  }
  const colon = credentials.indexOf(':');
  try {
    return {
      hosts,
      user: decodeURIComponent(colon < 0 ? credentials : credentials.slice(0, colon)),
      password: colon < 0 ? '' : decodeURIComponent(credentials.slice(colon + 1)),
      database: decodeURIComponent(database),
    };
  } catch {
    return null;
  }
}

/** How long one host may take to accept a TCP connection before the next one is tried. */
export const HOST_CONNECT_TIMEOUT_MS = 1_000;

/** After a host answered "not ready" (1047), how long it is passed over unless no other answers. */
const NOT_READY_PAUSE_MS = 10_000;
/** how long after a move reports of a host not ready are taken for echoes of the old one */
const SETTLING_MS = 2_000;

/**
 * Not one host of the list accepted a connection: the database is unreachable (availability.ts
 * trips its breaker on this one, not on a connection lost to one host among several).
 */
export class NoHostAnsweredError extends Error {
  readonly code = 'ECONNREFUSED';
  readonly fatal = true;
  constructor(hosts: readonly DatabaseHost[]) {
    super(`no database host answered: ${hosts.map(describe).join(', ')}`);
    this.name = 'NoHostAnsweredError';
  }
}

const describe = (host: DatabaseHost) =>
  host.host.includes(':') ? `[${host.host}]:${host.port}` : `${host.host}:${host.port}`;

/** A TCP connection to the host, or null when it is refused or not open within the timeout. */
function connectTo(host: DatabaseHost, timeoutMs: number): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.host, port: host.port });
    const timer = setTimeout(() => fail(), timeoutMs);
    function fail() {
      clearTimeout(timer);
      socket.destroy();
      resolve(null);
    }
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

/**
 * What mysql2 gets as its connection's stream: a duplex that exists at once (mysql2 asks for it
 * synchronously) and carries the bytes of the TCP connection chosen a moment later. mysql2 writes
 * nothing before the server's greeting, so nothing waits here but its connect timeout; destroying
 * either side (the statement timer, a failover, the server going away) destroys the other.
 */
class ChosenConnection extends Duplex {
  private socket: net.Socket | null = null;
  private waitingWrite: (() => void) | null = null;

  use(socket: net.Socket): void {
    if (this.destroyed) {
      socket.destroy();
      return;
    }
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) socket.pause();
    });
    socket.once('end', () => this.push(null));
    socket.once('error', (error) => this.destroy(error));
    socket.once('close', () => this.destroy());
    this.waitingWrite?.();
    this.waitingWrite = null;
  }

  override _read(): void {
    this.socket?.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, done: (error?: Error | null) => void) {
    const write = () => {
      this.socket!.write(chunk, encoding, done);
    };
    if (this.socket) write();
    else this.waitingWrite = write;
  }

  override _final(done: (error?: Error | null) => void): void {
    if (this.socket) this.socket.end(done);
    else done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.socket?.destroy();
    done(error);
  }
}

/**
 * The database connections of a process whose DATABASE_URL lists several hosts (a Galera
 * cluster's nodes). Every new pooled connection goes to the current host; the first one is the
 * first host that accepts a connection, and the process stays on a host until it stops
 * answering (connections refused or timed out) or says it is not ready (error 1047, a Galera node
 * outside the primary component or still joining): then the next host in the list that answers
 * becomes the current one, the connections to the old one are dropped, and the pool refills from
 * the new one. It goes back to the first host on `reset()` (SIGHUP) or a restart.
 *
 * This hooks into mysql2 through its `stream` option (ChosenConnection): each host is tried with
 * a real connection, the first that opens carries the MySQL protocol, nothing is opened only to
 * be closed again (a server logs each such connection as aborted, and blocks a host after
 * max_connect_errors of them).
 */
export class HostFailover {
  private current = 0;
  /** when `current` last changed */
  private movedAt = Number.NEGATIVE_INFINITY;
  private readonly notReadyUntil = new Map<number, number>();
  private readonly sockets = new Map<number, Set<net.Socket>>();
  private logger: Logger | null = null;

  constructor(
    readonly hosts: readonly DatabaseHost[],
    private readonly hostTimeoutMs = HOST_CONNECT_TIMEOUT_MS,
  ) {}

  /** Where failover events are logged (the data source is made before the portal's logger is known). */
  useLogger(logger: Logger): void {
    this.logger = logger;
  }

  /** The host new connections go to. */
  get currentHost(): DatabaseHost {
    return this.hosts[this.current]!;
  }

  /** mysql2's `stream` option: the stream of a new connection, to the host chosen for it. */
  readonly stream = (): Duplex => {
    const connection = new ChosenConnection();
    this.choose().then(
      ({ index, socket }) => {
        this.track(index, socket);
        connection.use(socket);
      },
      (error: unknown) => connection.destroy(error as Error),
    );
    return connection;
  };

  /** A connection to the current host if it answers, else to the next one in the list that does. */
  private async choose(): Promise<{ index: number; socket: net.Socket }> {
    const now = Date.now();
    const order = this.hosts.map((_, step) => (this.current + step) % this.hosts.length);
    // hosts that said "not ready" lately come last, not never: they may be all there is
    const ready = order.filter((index) => (this.notReadyUntil.get(index) ?? 0) <= now);
    const paused = order.filter((index) => (this.notReadyUntil.get(index) ?? 0) > now);
    for (const index of [...ready, ...paused]) {
      const socket = await connectTo(this.hosts[index]!, this.hostTimeoutMs);
      if (socket) {
        if (index !== this.current) this.switchTo(index, 'did not answer');
        return { index, socket };
      }
    }
    throw new NoHostAnsweredError(this.hosts);
  }

  private switchTo(index: number, why: string): void {
    const from = this.hosts[this.current]!;
    this.current = index;
    this.movedAt = Date.now();
    this.logger?.warn(
      `database: ${describe(from)} ${why}; new connections go to ${describe(this.hosts[index]!)}`,
    );
    // what is left on the old host goes: its connections fail fast and the pool refills here
    this.dropConnections((other) => other !== index);
  }

  private track(index: number, socket: net.Socket): void {
    let set = this.sockets.get(index);
    if (!set) this.sockets.set(index, (set = new Set()));
    set.add(socket);
    socket.once('close', () => set.delete(socket));
  }

  private dropConnections(which: (index: number) => boolean): void {
    for (const [index, set] of this.sockets) {
      if (!which(index)) continue;
      for (const socket of set) socket.destroy();
    }
  }

  /**
   * The current host said it is not ready (1047): it is passed over for a while, its
   * connections are dropped, and the next host that answers becomes the current one.
   */
  nodeNotReady(): void {
    // Every request that was on the old host reports its error: those that come in just after a
    // move are about the host left behind, not the new one, and must not move on again.
    if (Date.now() - this.movedAt < SETTLING_MS) return;
    const index = this.current;
    this.notReadyUntil.set(index, Date.now() + NOT_READY_PAUSE_MS);
    const next = (index + 1) % this.hosts.length;
    this.dropConnections((other) => other === index);
    if (next === index) return;
    this.current = next;
    this.movedAt = Date.now();
    this.logger?.warn(
      `database: ${describe(this.hosts[index]!)} is not ready (not in the primary component, or still joining); new connections try ${describe(this.hosts[next]!)} next`,
    );
  }

  /**
   * Back to the first host of the list (an operator's SIGHUP once it is healthy again): new
   * connections go there, connections to the others are dropped (a transaction that is not
   * committing yet runs again on the new host).
   */
  reset(): void {
    this.notReadyUntil.clear();
    if (this.current === 0) return;
    this.logger?.info(`database: back to the first host, ${describe(this.hosts[0]!)}`);
    this.current = 0;
    this.dropConnections((index) => index !== 0);
  }
}

const failovers = new WeakMap<DataSource, HostFailover>();

/** Links a data source to its failover (data-source.ts does it for a several-host URL). */
export function attachFailover(dataSource: DataSource, failover: HostFailover): void {
  failovers.set(dataSource, failover);
}

/** The failover of a data source whose DATABASE_URL lists several hosts, else null. */
export function failoverOf(dataSource: DataSource): HostFailover | null {
  return failovers.get(dataSource) ?? null;
}
