import { lookup } from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Webhook } from 'standardwebhooks';
import { isForbiddenWebhookAddress } from '../../src/webhooks/webhook-address-guard';
import {
  createWebhookSender,
  type WebhookAttemptResult,
  type WebhookSender,
} from '../../src/webhooks/webhook-sender';
import { generateWebhookSecret, signWebhook } from '../../src/webhooks/webhook-signing';

interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A real HTTP server on 127.0.0.1 that records what reaches it, down to the TCP connections. */
interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  connections: number;
  openConnections(): number;
  close(): Promise<void>;
}

async function startReceiver(
  answer: (request: ReceivedRequest, response: http.ServerResponse) => void = (_, response) =>
    response.end('ok'),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      answer(request, response);
    });
  });
  const receiver = {
    url: '',
    port: 0,
    requests,
    connections: 0,
    openConnections: () => openSockets.size,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const openSockets = new Set<unknown>();
  server.on('connection', (socket) => {
    receiver.connections += 1;
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}

const secret = generateWebhookSecret();

function signedRequest(url: string, body = JSON.stringify({ id: 'evt_1', type: 'SITE_CREATED' })) {
  return {
    url,
    body,
    headers: signWebhook({ id: 'evt_1', timestamp: new Date(), body }, [secret]),
  };
}

function expectOutcome<O extends WebhookAttemptResult['outcome']>(
  result: WebhookAttemptResult,
  outcome: O,
): Extract<WebhookAttemptResult, { outcome: O }> {
  expect(result).toMatchObject({ outcome });
  return result as Extract<WebhookAttemptResult, { outcome: O }>;
}

describe('createWebhookSender', () => {
  const receivers: Receiver[] = [];
  const senders: WebhookSender[] = [];

  async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
    const started = await startReceiver(answer);
    receivers.push(started);
    return started;
  }

  function sender(options: Partial<Parameters<typeof createWebhookSender>[0]> = {}) {
    const created = createWebhookSender({ allowPrivate: true, requireHttps: false, ...options });
    senders.push(created);
    return created;
  }

  afterEach(async () => {
    for (const created of senders.splice(0)) created.close();
    await Promise.all(receivers.splice(0).map((started) => started.close()));
  });

  it('should post the signed body as JSON and report the answer when the receiver answers 2xx', async () => {
    const target = await receiver((_, response) => {
      response.writeHead(202, { 'content-type': 'text/plain' }).end('accepted');
    });
    const request = signedRequest(`${target.url}/hooks/entry?tenant=7`);

    const result = expectOutcome(await sender().post(request), 'answered');

    expect(result.status).toBe(202);
    expect(result.excerpt).toBe('accepted');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const [received] = target.requests;
    expect(received).toMatchObject({ method: 'POST', url: '/hooks/entry?tenant=7' });
    expect(received!.headers['content-type']).toBe('application/json');
    expect(received!.headers['user-agent']).toBe('EntryPortal-Webhooks/1');
    expect(received!.headers['webhook-id']).toBe('evt_1');
    expect(received!.body).toBe(request.body);
    // what arrived verifies with the reference library, headers as the receiver got them
    expect(
      new Webhook(secret).verify(received!.body, received!.headers as Record<string, string>),
    ).toEqual(JSON.parse(request.body));
  });

  it('should report a non-2xx status with its excerpt when the receiver refuses', async () => {
    const target = await receiver((_, response) => {
      response.writeHead(503).end('{"error":"maintenance"}');
    });
    const result = expectOutcome(await sender().post(signedRequest(target.url)), 'answered');
    expect(result).toMatchObject({ status: 503, excerpt: '{"error":"maintenance"}' });
  });

  it('should not follow a redirect when the receiver answers 302', async () => {
    const elsewhere = await receiver();
    const target = await receiver((_, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/stolen` }).end();
    });
    const result = expectOutcome(await sender().post(signedRequest(target.url)), 'answered');
    expect(result.status).toBe(302);
    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(elsewhere.connections).toBe(0);
  });

  async function timedOutAfter300ms(url: string) {
    const result = expectOutcome(
      await sender({ timeoutMs: 300 }).post(signedRequest(url)),
      'failed',
    );
    expect(result.reason).toBe('TIMEOUT');
    return result;
  }

  it('should give up at the deadline when the receiver never answers', async () => {
    const target = await receiver(() => {
      // holds the request open: no status, no body
    });
    const result = await timedOutAfter300ms(target.url);
    expect(result.detail).toMatch(/300 ms/);
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(2_000);
    expect(target.requests).toHaveLength(1);
  });

  it('should give up at the same deadline when the answer starts but its body never ends', async () => {
    const target = await receiver((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('still thinking');
    });
    const result = await timedOutAfter300ms(target.url);
    expect(result.detail).toMatch(/reading the answer/);
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it('should read only the excerpt and stop when the receiver streams a huge body', async () => {
    let bytesWritten = 0;
    let streaming = true;
    const target = await receiver((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        // an endless body: only the sender hanging up ends it
        while (streaming && !response.destroyed && response.write(chunk))
          bytesWritten += chunk.length;
      };
      response.on('drain', pump);
      response.on('close', () => (streaming = false));
      pump();
    });

    const result = expectOutcome(
      await sender({ timeoutMs: 5_000 }).post(signedRequest(target.url)),
      'answered',
    );

    expect(result.status).toBe(200);
    expect(result.excerpt).toBe('x'.repeat(500));
    expect(result.durationMs).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streaming).toBe(false);
    expect(bytesWritten).toBeLessThan(50 * 1024 * 1024);
  });

  it('should cut the excerpt before a character split by the byte limit', async () => {
    const target = await receiver((_, response) => response.end('é'.repeat(400)));
    const result = expectOutcome(
      await sender({ excerptBytes: 501 }).post(signedRequest(target.url)),
      'answered',
    );
    expect(result.excerpt).toBe('é'.repeat(250));
  });

  it('should report a connection failure when nothing listens on the port', async () => {
    const closed = await startReceiver();
    await closed.close();
    const result = expectOutcome(await sender().post(signedRequest(closed.url)), 'failed');
    expect(result.reason).toBe('CONNECTION');
    expect(result.detail).toMatch(/ECONNREFUSED/);
  });

  it('should report a DNS failure when the host name cannot be resolved', async () => {
    // A label longer than 63 characters: the resolver refuses it on this machine, so no query
    // leaves it (a plain *.invalid name would still be asked of the configured DNS server).
    const unresolvable = `http://${'a'.repeat(64)}.invalid/hook`;
    const result = expectOutcome(
      await sender({ allowPrivate: false }).post(signedRequest(unresolvable)),
      'failed',
    );
    expect(result.reason).toBe('DNS');
    expect(result.detail).toMatch(/ENOTFOUND/);
  });

  it.each([
    ['an IP literal', (port: number) => `http://127.0.0.1:${port}/hook`],
    ['localhost', (port: number) => `http://localhost:${port}/hook`],
    ['IPv4-mapped loopback', (port: number) => `http://[::ffff:127.0.0.1]:${port}/hook`],
  ])(
    'should refuse a loopback receiver given as %s before connecting when private URLs are not allowed',
    async (_, urlFor) => {
      const target = await receiver();
      const result = expectOutcome(
        await sender({ allowPrivate: false }).post(signedRequest(urlFor(target.port))),
        'refused',
      );
      expect(result.reason).toBe('FORBIDDEN_ADDRESS');
      expect(target.connections).toBe(0);
      expect(target.requests).toHaveLength(0);
    },
  );

  it('should refuse a host name whose DNS answer is a forbidden address, checked after the lookup', async () => {
    // The machine's own name: resolved from /etc/hosts (no DNS traffic) to a loopback or
    // private address on any machine we run on; the precondition says so if not.
    const name = os.hostname();
    const addresses = await lookup(name, { all: true });
    expect(addresses.some((entry) => isForbiddenWebhookAddress(entry.address))).toBe(true);
    const target = await receiver();

    const refused = expectOutcome(
      await sender({ allowPrivate: false }).post(signedRequest(`http://${name}:${target.port}/`)),
      'refused',
    );
    expect(refused.reason).toBe('FORBIDDEN_ADDRESS');
    expect(refused.detail).toContain(name);
    expect(target.connections).toBe(0);

    // the same name is delivered to when private addresses are allowed, through the same lookup
    if (addresses.some((entry) => entry.address === '127.0.0.1')) {
      const answered = await sender().post(signedRequest(`http://${name}:${target.port}/`));
      expect(answered).toMatchObject({ outcome: 'answered', status: 200 });
    }
  });

  it('should refuse an http URL without connecting when https is required', async () => {
    const target = await receiver();
    const result = await sender({ requireHttps: true }).post(signedRequest(target.url));
    expect(result).toEqual({
      outcome: 'refused',
      reason: 'HTTPS_REQUIRED',
      detail: expect.stringContaining(target.url),
    });
    expect(target.connections).toBe(0);
  });

  it('should refuse a URL with credentials or of another scheme without connecting', async () => {
    const target = await receiver();
    const withCredentials = `http://user:pw@127.0.0.1:${target.port}/`;
    expect(await sender().post(signedRequest(withCredentials))).toMatchObject({
      outcome: 'refused',
      reason: 'CREDENTIALS_IN_URL',
    });
    expect(await sender().post(signedRequest('ftp://127.0.0.1/'))).toMatchObject({
      outcome: 'refused',
      reason: 'INVALID_URL',
    });
    expect(target.connections).toBe(0);
  });

  it('should reuse a few kept-open connections when many deliveries go to one receiver, and close them on close()', async () => {
    const target = await receiver();
    const webhooks = sender({ maxSocketsPerHost: 8 });
    const deliveries = 2_000;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: deliveries }, () => webhooks.post(signedRequest(target.url))),
    );
    const seconds = (performance.now() - started) / 1000;

    expect(results.every((result) => result.outcome === 'answered' && result.status === 200)).toBe(
      true,
    );
    expect(target.requests).toHaveLength(deliveries);
    expect(target.connections).toBeLessThanOrEqual(8);
    expect(deliveries / seconds).toBeGreaterThan(200);

    webhooks.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(target.openConnections()).toBe(0);
  });

  it('should retry once on a fresh connection when a kept-open one is reset before answering', async () => {
    const answeredOn = new WeakSet<object>();
    const target = await receiver((_, response) => {
      const socket = response.socket!;
      // the second request on a connection: the receiver hangs up without a word, as one does
      // that closes an idle connection at the moment it is reused
      if (answeredOn.has(socket)) return void socket.destroy();
      answeredOn.add(socket);
      response.end('ok');
    });
    const webhooks = sender({ maxSocketsPerHost: 1 });
    expect(await webhooks.post(signedRequest(target.url))).toMatchObject({ status: 200 });

    expect(await webhooks.post(signedRequest(target.url))).toMatchObject({
      outcome: 'answered',
      status: 200,
    });
    expect(target.connections).toBe(2);
  });
});
