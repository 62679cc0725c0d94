import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type CutMode =
  /** nothing listens: new connections are refused at once (the server process is gone) */
  | 'refuse'
  /** new connections are accepted and never answered (a partition, a host that froze) */
  | 'blackhole';

export interface ToggleableProxy {
  /** 127.0.0.1 */
  readonly host: string;
  /** the port the proxy listens on; it stays the same across cut() and restore() */
  readonly port: number;
  /**
   * Takes the backend away: every open connection is destroyed, and new ones are refused or
   * left hanging (see CutMode) until restore().
   */
  cut(mode?: CutMode): Promise<void>;
  /**
   * The server hangs without closing anything: open connections stay open (and idle ones look
   * fine), new ones are accepted, but no byte goes either way until restore(), which delivers
   * what was held back.
   */
  stall(): void;
  /** Forwards new connections to the backend again, on the same port; ends a stall. */
  restore(): Promise<void>;
  /** Destroys the open connections but keeps forwarding new ones (the server killed idle ones). */
  dropConnections(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** A client's connection and ours to the backend on its behalf. */
interface Pair {
  readonly client: net.Socket;
  readonly backend: net.Socket;
}

/**
 * A TCP proxy of our own in front of a real server (MariaDB in the fault tests): the portal
 * connects through it, and the test cuts, stalls and restores the path to take the database
 * "down" and bring it back without touching the shared MariaDB itself.
 */
export async function startToggleableProxy(target: {
  host: string;
  port: number;
}): Promise<ToggleableProxy> {
  const open = new Set<net.Socket>();
  const pairs = new Set<Pair>();
  let mode: CutMode | 'stall' | null = null;
  let server: net.Server | null = null;
  let port = 0;

  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket)).on('error', () => socket.destroy());
  };

  const forward = ({ client, backend }: Pair) => {
    client.pipe(backend);
    backend.pipe(client);
  };
  // unpiped and paused, each socket keeps what arrives in its buffer until forward() again
  const hold = ({ client, backend }: Pair) => {
    client.unpipe(backend).pause();
    backend.unpipe(client).pause();
  };

  const createServer = () =>
    net.createServer((client) => {
      track(client);
      // black-holed: accepted, and then nothing ever comes back
      if (mode === 'blackhole') return;
      const backend = net.connect(target.port, target.host);
      track(backend);
      const pair = { client, backend };
      pairs.add(pair);
      if (mode === 'stall') hold(pair);
      else forward(pair);
      // either side going away takes the other with it, as a real connection would
      client.on('close', () => {
        pairs.delete(pair);
        backend.destroy();
      });
      backend.on('close', () => client.destroy());
    });

  const listen = (onPort: number) =>
    new Promise<net.Server>((resolve, reject) => {
      const listening = createServer();
      listening.once('error', reject);
      listening.listen(onPort, HOST, () => {
        listening.off('error', reject);
        resolve(listening);
      });
    });

  const dropConnections = () => {
    for (const socket of open) socket.destroy();
    open.clear();
    pairs.clear();
  };
  const stopListening = async () => {
    const closing = server;
    server = null;
    dropConnections();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  server = await listen(0);
  port = (server.address() as AddressInfo).port;

  return {
    host: HOST,
    get port() {
      return port;
    },
    async cut(how = 'refuse') {
      mode = how;
      if (how === 'refuse') await stopListening();
      else dropConnections();
    },
    stall() {
      mode = 'stall';
      for (const pair of pairs) hold(pair);
    },
    async restore() {
      // the connections left hanging by a black hole go, as a partition's would time out
      if (mode === 'blackhole') dropConnections();
      if (mode === 'stall') for (const pair of pairs) forward(pair);
      mode = null;
      if (!server) server = await listen(port);
    },
    dropConnections,
    close: stopListening,
  };
}
