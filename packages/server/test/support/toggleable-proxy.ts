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
  /** Forwards new connections to the backend again, on the same port. */
  restore(): Promise<void>;
  /** Destroys the open connections but keeps forwarding new ones (the server killed idle ones). */
  dropConnections(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * A TCP proxy of our own in front of a real server (MariaDB in the fault tests): the portal
 * connects through it, and the test cuts and restores the path to take the database "down" and
 * bring it back without touching the shared MariaDB itself.
 */
export async function startToggleableProxy(target: {
  host: string;
  port: number;
}): Promise<ToggleableProxy> {
  const open = new Set<net.Socket>();
  let mode: CutMode | null = null;
  let server: net.Server | null = null;
  let port = 0;

  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket)).on('error', () => socket.destroy());
  };

  const createServer = () =>
    net.createServer((client) => {
      track(client);
      // black-holed: accepted, and then nothing ever comes back
      if (mode === 'blackhole') return;
      const backend = net.connect(target.port, target.host);
      track(backend);
      client.pipe(backend);
      backend.pipe(client);
      // either side going away takes the other with it, as a real connection would
      client.on('close', () => backend.destroy());
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
    async restore() {
      // the connections left hanging by a black hole go, as a partition's would time out
      if (mode === 'blackhole') dropConnections();
      mode = null;
      if (!server) server = await listen(port);
    },
    dropConnections,
    close: stopListening,
  };
}
