import net from 'node:net';
import type { Duplex } from 'node:stream';
import { HostFailover, parseMysqlAddress } from './failover';

describe('parseMysqlAddress', () => {
  it('should read every host in order, 3306 where no port is given, and decode the credentials', () => {
    expect(parseMysqlAddress('mysql://portal:s%40cret@db1:3307,db2,[fd00::5]:3310/portal')).toEqual(
      {
        hosts: [
          { host: 'db1', port: 3307 },
          { host: 'db2', port: 3306 },
          { host: 'fd00::5', port: 3310 },
        ],
        user: 'portal',
        password: 's@cret',
        database: 'portal',
      },
    );
  });

  it('should refuse a list with an empty host, a bad port or no database', () => {
    for (const bad of [
      'mysql://a,,b/db',
      'mysql://a:70000,b/db',
      'mysql://a,b',
      'mysql://a,b/',
      'postgres://a,b/db',
    ])
      expect(parseMysqlAddress(bad)).toBeNull();
  });
});

/**
 * A TCP server on a free loopback port that greets each connection with its port, as a MySQL
 * server greets first: the client learns where it landed from the first bytes.
 */
async function listener(): Promise<{
  port: number;
  accepted: () => number;
  close(): Promise<void>;
}> {
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    accepted += 1;
    socket.write(String((server.address() as net.AddressInfo).port));
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const spare = await listener();
  await spare.close();
  return spare.port;
}

/** A connection as mysql2 would open it, and the port of the server that greeted it. */
function connectThrough(failover: HostFailover): Promise<{ stream: Duplex; port: number }> {
  const stream = failover.stream();
  return new Promise((resolve, reject) => {
    stream.once('data', (greeting: Buffer) => resolve({ stream, port: Number(greeting) }));
    stream.once('error', reject);
  });
}

describe('HostFailover', () => {
  it('should connect to the first host that answers and stay there until told to go back', async () => {
    const dead = await closedPort();
    const second = await listener();
    const third = await listener();
    const failover = new HostFailover([
      { host: '127.0.0.1', port: dead },
      { host: '127.0.0.1', port: second.port },
      { host: '127.0.0.1', port: third.port },
    ]);
    try {
      const first = await connectThrough(failover);
      expect(first.port).toBe(second.port);
      expect(failover.currentHost.port).toBe(second.port);
      first.stream.destroy();

      failover.reset();
      expect(failover.currentHost.port).toBe(dead);
      // the first host still refuses: the next connection moves on again
      const again = await connectThrough(failover);
      expect(again.port).toBe(second.port);
      again.stream.destroy();
      // no connection was opened only to be closed: one accepted per connection made
      expect(second.accepted()).toBe(2);
      expect(third.accepted()).toBe(0);
    } finally {
      await second.close();
      await third.close();
    }
  });

  it('should move on and drop the connections of a host that says it is not ready', async () => {
    const first = await listener();
    const second = await listener();
    const failover = new HostFailover([
      { host: '127.0.0.1', port: first.port },
      { host: '127.0.0.1', port: second.port },
    ]);
    try {
      const onFirst = await connectThrough(failover);
      expect(onFirst.port).toBe(first.port);
      const closed = new Promise((resolve) => onFirst.stream.once('close', resolve));
      failover.nodeNotReady();
      // another request that was on the first host says so too: no reason to move on again
      failover.nodeNotReady();
      expect(failover.currentHost.port).toBe(second.port);
      await closed;
      const onSecond = await connectThrough(failover);
      expect(onSecond.port).toBe(second.port);
      onSecond.stream.destroy();
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('should carry bytes both ways and end both sides together', async () => {
    const echo = net.createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const failover = new HostFailover([
      { host: '127.0.0.1', port: (echo.address() as net.AddressInfo).port },
    ]);
    try {
      const stream = failover.stream();
      // written before a host is chosen: held until the connection opens
      stream.write('hello ');
      stream.write('galera');
      const received = await new Promise<string>((resolve) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text === 'hello galera') resolve(text);
        });
      });
      expect(received).toBe('hello galera');
      const closed = new Promise((resolve) => stream.once('close', resolve));
      stream.destroy();
      await closed;
    } finally {
      await new Promise((resolve) => echo.close(resolve));
    }
  });

  it('should fail the connection with ECONNREFUSED when no host answers', async () => {
    const failover = new HostFailover([
      { host: '127.0.0.1', port: await closedPort() },
      { host: '127.0.0.1', port: await closedPort() },
    ]);
    await expect(connectThrough(failover)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
