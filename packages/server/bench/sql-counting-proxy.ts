import net from 'node:net';

/** MySQL protocol commands that run a statement (COM_QUERY, COM_STMT_EXECUTE). */
const COM_QUERY = 0x03;
const COM_STMT_EXECUTE = 0x17;

export interface CountingProxy {
  /** host:port to put in the server's DATABASE_URL instead of the database's */
  readonly port: number;
  /** statements sent through the proxy so far, in order */
  readonly statements: readonly string[];
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of MariaDB that counts the statements one client process sends: every
 * command packet (sequence id 0) that is a COM_QUERY or a COM_STMT_EXECUTE. The server's own
 * counters (SHOW GLOBAL STATUS) count every client of a shared database server; this sees only
 * the traffic of the process pointed at it. Bytes pass through unchanged.
 */
export async function startCountingProxy(target: {
  host: string;
  port: number;
}): Promise<CountingProxy> {
  const statements: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4) {
        const length = pending[0]! | (pending[1]! << 8) | (pending[2]! << 16);
        if (pending.length < 4 + length) break;
        const sequence = pending[3];
        const command = pending[4];
        if (sequence === 0 && command === COM_QUERY)
          statements.push(pending.subarray(5, 4 + length).toString('utf8'));
        else if (sequence === 0 && command === COM_STMT_EXECUTE)
          statements.push('(prepared statement)');
        pending = pending.subarray(4 + length);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    statements,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
