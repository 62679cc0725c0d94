import type { IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { LIMITS, WebhookEventType } from '@entry/shared';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { MailOutboxEntity } from '../../src/mail/mail-outbox.entity';
import { silentLogger } from '../../src/observability/logger';
import {
  WebhookDeliveryEntity,
  WebhookDeliveryStatus,
} from '../../src/webhooks/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../../src/webhooks/webhook-endpoint.entity';
import { WebhookMessageEntity } from '../../src/webhooks/webhook-message.entity';
import {
  purgeOldWebhookMessages,
  WEBHOOK_LOG_RETENTION_DAYS,
} from '../../src/webhooks/webhook-retention';
import { publishWebhookEvent } from '../../src/webhooks/webhook-outbox';
import { WEBHOOK_DISABLE_AFTER_MS, WEBHOOK_MAX_ATTEMPTS } from '../../src/webhooks/webhook-retry';
import { createWebhookSender } from '../../src/webhooks/webhook-sender';
import { startWebhookWorker, type WebhookWorker } from '../../src/webhooks/webhook-worker';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { serveOnLoopback, type LoopbackServer } from '../support/loopback-server';
import { startTestPortal } from '../portal';

const ENDPOINT_FIELDS = 'id url description events enabled disabledForFailingAt createdAt';
const CREATE = `mutation ($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret webhookEndpoint { ${ENDPOINT_FIELDS} } userErrors { field code message } }
}`;
const UPDATE = `mutation ($id: ID!, $input: WebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) { secret webhookEndpoint { ${ENDPOINT_FIELDS} } userErrors { field code } }
}`;
const DELETE = `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId userErrors { field code } } }`;
const ROTATE = `mutation ($id: ID!) {
  rotateWebhookSecret(id: $id) { secret webhookEndpoint { id } userErrors { field code } }
}`;
const DELIVERY_FIELDS =
  'id eventId eventType status attempts lastResponseStatus lastAttemptAt nextAttemptAt createdAt';
const TEST = `mutation ($id: ID!) { sendTestWebhook(id: $id) { delivery { ${DELIVERY_FIELDS} } userErrors { field code } } }`;
const REDELIVER = `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { ${DELIVERY_FIELDS} } userErrors { field code } } }`;
const LIST = `query ($status: WebhookDeliveryStatus, $after: String) {
  webhookEndpoints { ${ENDPOINT_FIELDS} deliveries(first: 2, status: $status, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${DELIVERY_FIELDS} } }
  } }
}`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResponseStatus: number | null;
  nextAttemptAt: string | null;
}
interface EndpointAnswer {
  secret: string | null;
  webhookEndpoint: { id: string; enabled: boolean; events: string[]; url: string } | null;
  userErrors: Array<{ field: string[]; code: string; message?: string }>;
}
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering each POST with the status `answer` gives at that moment. */
async function startReceiver(answer: () => number = () => 200) {
  const received: Received[] = [];
  const server: LoopbackServer = await serveOnLoopback((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answer();
      response.end('thanks');
    });
  });
  return { server, received };
}

function verified(received: Received, secret: string): Record<string, unknown> {
  const headers = {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(received.body, headers) as Record<string, unknown>;
}

describeOnDialects('Webhooks on %s', (suite) => {
  // the worker runs only when a test drains it, so each test sees exactly its own attempts
  const portal = suite.startPortal(
    { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' },
    { mailPollIntervalMs: null, billingIntervalMs: null, webhookPollIntervalMs: null },
  );
  const receivers: LoopbackServer[] = [];
  const workers: WebhookWorker[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  async function receiver(answer?: () => number) {
    const started = await startReceiver(answer);
    receivers.push(started.server);
    return started;
  }

  async function aCompany() {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const payer = await buildPerson(portal.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    const sysadmin = await buildPerson(portal.dataSource, company, {
      accessLevel: 'SYSTEM_ADMIN',
    });
    const siteAdmin = await buildPerson(portal.dataSource, company, { accessLevel: 'SITE_ADMIN' });
    return {
      company,
      payer,
      payerToken: await tokenFor(portal.dataSource, payer),
      sysadminToken: await tokenFor(portal.dataSource, sysadmin),
      siteAdminToken: await tokenFor(portal.dataSource, siteAdmin),
    };
  }

  async function createEndpoint(
    token: string,
    input: { url: string; events?: readonly string[]; description?: string; enabled?: boolean },
  ): Promise<EndpointAnswer> {
    const answer = await portal.as<{ createWebhookEndpoint: EndpointAnswer }>(token, CREATE, {
      input: { events: ['SITE_CREATED'], ...input },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.createWebhookEndpoint;
  }

  async function endpointFor(token: string, url: string, events?: string[]) {
    const created = await createEndpoint(token, { url, ...(events ? { events } : {}) });
    expect(created.userErrors).toEqual([]);
    return { id: created.webhookEndpoint!.id, secret: created.secret! };
  }

  async function sendTest(token: string, id: string): Promise<Delivery> {
    const answer = await portal.as<{ sendTestWebhook: { delivery: Delivery } }>(token, TEST, {
      id,
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.sendTestWebhook.delivery;
  }

  async function deliveryLog(token: string, status?: string) {
    const answer = await portal.as<{
      webhookEndpoints: Array<{
        id: string;
        enabled: boolean;
        disabledForFailingAt: string | null;
        deliveries: { totalCount: number; edges: Array<{ node: Delivery }> };
      }>;
    }>(token, LIST, status ? { status } : {});
    expect(answer.errors).toBeUndefined();
    return answer.data!.webhookEndpoints;
  }

  /** A worker of this test's own, with a clock the test moves. */
  function workerAt(clock: { now: Date }, options: { timeoutMs?: number } = {}) {
    const sender = createWebhookSender({
      allowPrivate: true,
      requireHttps: false,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const worker = startWebhookWorker({
      dataSource: portal.dataSource,
      sender,
      logger: silentLogger,
      publicUrl: 'http://portal.test',
      pollIntervalMs: null,
      now: () => clock.now,
    });
    workers.push({
      drain: () => worker.drain(),
      stop: async () => {
        await worker.stop();
        sender.close();
      },
    });
    return worker;
  }

  it('should show the signing secret once and sign every delivery as Standard Webhooks says', async () => {
    const { payerToken, company } = await aCompany();
    const { server, received } = await receiver();
    const created = await createEndpoint(payerToken, {
      url: `${server.url}/hooks`,
      events: ['SITE_CREATED', 'ENTRY_USER_ADDED'],
      description: '  ERP  ',
    });
    expect(created.userErrors).toEqual([]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.webhookEndpoint).toMatchObject({
      url: `${server.url}/hooks`,
      events: ['SITE_CREATED', 'ENTRY_USER_ADDED'],
      enabled: true,
    });
    const delivery = await sendTest(payerToken, created.webhookEndpoint!.id);
    expect(delivery).toMatchObject({ eventType: 'PING', status: 'PENDING', attempts: 0 });

    await portal.webhookWorker.drain();
    expect(received).toHaveLength(1);
    const body = verified(received[0]!, created.secret!);
    expect(received[0]!.headers['webhook-id']).toBe(delivery.eventId);
    expect(received[0]!.headers['content-type']).toMatch(/^application\/json/);
    expect(body).toMatchObject({
      id: delivery.eventId,
      type: 'PING',
      companyId: company.id,
      data: { endpoint: { id: created.webhookEndpoint!.id } },
    });
    // a changed body does not verify: the signature covers every byte
    expect(() =>
      verified(
        { ...received[0]!, body: received[0]!.body.replace('PING', 'PONG') },
        created.secret!,
      ),
    ).toThrow();

    const [endpoint] = await deliveryLog(payerToken);
    expect(endpoint!.deliveries.edges[0]!.node).toMatchObject({
      id: delivery.id,
      status: 'SUCCEEDED',
      attempts: 1,
      lastResponseStatus: 200,
      nextAttemptAt: null,
    });
    // the secret is kept to sign with, but no field of the API ever answers it again
    const stored = await portal.dataSource
      .getRepository(WebhookEndpointEntity)
      .findOneByOrFail({ id: created.webhookEndpoint!.id });
    expect(stored.secret).toBe(created.secret);
  });

  it('should deliver an event of the outbox only to the enabled endpoints subscribed to it', async () => {
    const { payerToken, company } = await aCompany();
    const sites = await receiver();
    const people = await receiver();
    const off = await receiver();
    await endpointFor(payerToken, sites.server.url, ['SITE_CREATED']);
    await endpointFor(payerToken, people.server.url, ['PERSON_INVITED']);
    const disabled = await endpointFor(payerToken, off.server.url, ['SITE_CREATED']);
    await portal.as(payerToken, UPDATE, {
      id: disabled.id,
      input: { url: off.server.url, events: ['SITE_CREATED'], enabled: false },
    });
    await portal.dataSource.transaction((manager) =>
      publishWebhookEvent(manager, company.id, {
        type: WebhookEventType.SITE_CREATED,
        data: { site: { id: 'a-site', name: 'North Tower' } },
      }),
    );
    await portal.webhookWorker.drain();
    expect(sites.received.map((one) => JSON.parse(one.body).type)).toEqual(['SITE_CREATED']);
    expect(people.received).toEqual([]);
    expect(off.received).toEqual([]);
  });

  it('should write no event for a change that rolls back', async () => {
    const { payerToken, company } = await aCompany();
    const { server, received } = await receiver();
    await endpointFor(payerToken, server.url, ['SITE_CREATED']);
    await expect(
      portal.dataSource.transaction(async (manager) => {
        await publishWebhookEvent(manager, company.id, {
          type: WebhookEventType.SITE_CREATED,
          data: { site: { id: 'rolled-back' } },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await portal.webhookWorker.drain();
    expect(received).toEqual([]);
  });

  it('should retry a failed delivery with the same webhook-id, the first retry within 30 seconds, and give up after the last attempt', async () => {
    const { payerToken } = await aCompany();
    let status = 503;
    const { server, received } = await receiver(() => status);
    const { id } = await endpointFor(payerToken, server.url);
    const delivery = await sendTest(payerToken, id);
    const clock = { now: new Date() };
    const worker = workerAt(clock);

    await worker.drain();
    let [endpoint] = await deliveryLog(payerToken);
    let logged = endpoint!.deliveries.edges[0]!.node;
    expect(logged).toMatchObject({ status: 'PENDING', attempts: 1, lastResponseStatus: 503 });
    const firstRetryIn = new Date(logged.nextAttemptAt!).getTime() - clock.now.getTime();
    expect(firstRetryIn).toBeGreaterThan(0);
    expect(firstRetryIn).toBeLessThanOrEqual(30_000);
    // not due yet: nothing is sent early
    await worker.drain();
    expect(received).toHaveLength(1);

    clock.now = new Date(logged.nextAttemptAt!);
    status = 200;
    await worker.drain();
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['webhook-id']).toBe(delivery.eventId);
    [endpoint] = await deliveryLog(payerToken);
    logged = endpoint!.deliveries.edges[0]!.node;
    expect(logged).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastResponseStatus: 200 });

    // an endpoint that never answers well: retries for at least 24 hours, then FAILED
    status = 500;
    const failing = await sendTest(payerToken, id);
    const firstAttempt = clock.now.getTime();
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      await worker.drain();
      const row = await portal.dataSource
        .getRepository(WebhookDeliveryEntity)
        .findOneByOrFail({ id: failing.id });
      expect(row.attempts).toBe(attempt);
      if (attempt < WEBHOOK_MAX_ATTEMPTS) {
        expect(row.status).toBe(WebhookDeliveryStatus.PENDING);
        clock.now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe(WebhookDeliveryStatus.FAILED);
      }
    }
    expect(clock.now.getTime() - firstAttempt).toBeGreaterThanOrEqual(24 * 3600_000);
  });

  it('should disable an endpoint that has failed for 3 days, fail what waits for it and email the payment admins', async () => {
    const { payerToken, payer, company } = await aCompany();
    const { server } = await receiver(() => 500);
    const { id } = await endpointFor(payerToken, server.url);
    await sendTest(payerToken, id);
    const clock = { now: new Date() };
    const worker = workerAt(clock);
    await worker.drain();
    const failingSince = (
      await portal.dataSource.getRepository(WebhookEndpointEntity).findOneByOrFail({ id })
    ).failingSince;
    expect(failingSince).not.toBeNull();

    // three days later another event fails: that is the third day of failing
    clock.now = new Date(clock.now.getTime() + WEBHOOK_DISABLE_AFTER_MS);
    await portal.dataSource
      .getRepository(WebhookDeliveryEntity)
      .update({ endpointId: id }, { nextAttemptAt: clock.now });
    await worker.drain();

    const [endpoint] = await deliveryLog(payerToken);
    expect(endpoint).toMatchObject({ id, enabled: false });
    expect(endpoint!.disabledForFailingAt).not.toBeNull();
    expect(endpoint!.deliveries.edges.map((edge) => edge.node.status)).toEqual(['FAILED']);
    const mail = await portal.dataSource
      .getRepository(MailOutboxEntity)
      .findOneByOrFail({ toAddress: payer.email, template: 'webhook-endpoint-disabled' });
    expect(mail.text).toContain(server.url);
    const audit = await portal.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ companyId: company.id, kind: 'webhook_endpoint.disabled_for_failing' });
    expect(audit.subjectId).toBe(id);

    // enabling it again starts afresh
    const enabled = await portal.as<{ updateWebhookEndpoint: EndpointAnswer }>(payerToken, UPDATE, {
      id,
      input: { url: server.url, events: ['SITE_CREATED'], enabled: true },
    });
    expect(enabled.data!.updateWebhookEndpoint.webhookEndpoint).toMatchObject({ enabled: true });
    const stored = await portal.dataSource
      .getRepository(WebhookEndpointEntity)
      .findOneByOrFail({ id });
    expect(stored).toMatchObject({ failingSince: null, disabledForFailingAt: null });
  });

  it('should redeliver an event as a new delivery with the same event id', async () => {
    const { payerToken } = await aCompany();
    const { server, received } = await receiver();
    const { id, secret } = await endpointFor(payerToken, server.url);
    const first = await sendTest(payerToken, id);
    await portal.webhookWorker.drain();
    const again = await portal.as<{ redeliverWebhook: { delivery: Delivery } }>(
      payerToken,
      REDELIVER,
      { id: first.id },
    );
    const redelivery = again.data!.redeliverWebhook.delivery;
    expect(redelivery.id).not.toBe(first.id);
    expect(redelivery).toMatchObject({ eventId: first.eventId, eventType: 'PING', attempts: 0 });
    await portal.webhookWorker.drain();
    expect(received.map((one) => one.headers['webhook-id'])).toEqual([
      first.eventId,
      first.eventId,
    ]);
    expect(verified(received[1]!, secret)['id']).toBe(first.eventId);
  });

  it('should sign with the old and the new secret while a rotation overlaps', async () => {
    const { payerToken } = await aCompany();
    const { server, received } = await receiver();
    const { id, secret: old } = await endpointFor(payerToken, server.url);
    const rotated = await portal.as<{ rotateWebhookSecret: EndpointAnswer }>(payerToken, ROTATE, {
      id,
    });
    const fresh = rotated.data!.rotateWebhookSecret.secret!;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    await sendTest(payerToken, id);
    await portal.webhookWorker.drain();
    expect(verified(received[0]!, fresh)['type']).toBe('PING');
    expect(verified(received[0]!, old)['type']).toBe('PING');
  });

  it('should attempt each delivery once with several workers at once', async () => {
    const { payerToken, company } = await aCompany();
    const { server, received } = await receiver();
    await endpointFor(payerToken, server.url, ['ENTRY_USER_ADDED']);
    const events = Array.from({ length: 120 }, (_, index) => ({
      type: WebhookEventType.ENTRY_USER_ADDED,
      data: { entryUser: { id: `user-${index}` } },
    }));
    await portal.dataSource.transaction(async (manager) => {
      for (const event of events) await publishWebhookEvent(manager, company.id, event);
    });
    const clock = { now: new Date() };
    const [one, two, three] = [workerAt(clock), workerAt(clock), workerAt(clock)];
    const sent = await Promise.all([one!.drain(), two!.drain(), three!.drain()]);
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(120);
    const ids = received.map((delivery) => String(delivery.headers['webhook-id']));
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
  });

  it('should keep each company to its own endpoints and deliveries', async () => {
    const mine = await aCompany();
    const theirs = await aCompany();
    const { server } = await receiver();
    const { id } = await endpointFor(theirs.payerToken, server.url);
    const theirDelivery = await sendTest(theirs.payerToken, id);
    expect(await deliveryLog(mine.payerToken)).toEqual([]);
    for (const [query, variables, field] of [
      [
        UPDATE,
        { id, input: { url: server.url, events: ['SITE_CREATED'] } },
        'updateWebhookEndpoint',
      ],
      [DELETE, { id }, 'deleteWebhookEndpoint'],
      [ROTATE, { id }, 'rotateWebhookSecret'],
      [TEST, { id }, 'sendTestWebhook'],
      [REDELIVER, { id: theirDelivery.id }, 'redeliverWebhook'],
    ] as const) {
      const answer = await portal.as<Record<string, { userErrors: unknown[] }>>(
        mine.payerToken,
        query,
        variables,
      );
      expect(answer.data![field]!.userErrors).toEqual([
        { field: [field === 'redeliverWebhook' ? 'deliveryId' : 'id'], code: 'NOT_FOUND' },
      ]);
    }
    // a site admin does not manage them at all
    const refused = await portal.as(mine.siteAdminToken, `{ webhookEndpoints { id } }`);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('should let no API key manage endpoints, whatever its scopes', async () => {
    const { payerToken } = await aCompany();
    const created = await portal.as<{ createApiKey: { secret: string } }>(
      payerToken,
      `mutation { createApiKey(input: { name: "All of it", scopes: [SITES_WRITE, PEOPLE_READ, INVOICES_READ] }) { secret } }`,
    );
    const key = created.data!.createApiKey.secret;
    for (const document of [
      `{ webhookEndpoints { id } }`,
      `mutation { createWebhookEndpoint(input: { url: "https://hooks.example.com/k", events: [SITE_CREATED] }) { secret } }`,
    ]) {
      const answer = await portal.as(key, document);
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('API_KEY_SCOPE');
    }
  });

  it('should let only a payment admin subscribe to invoice events', async () => {
    const { payerToken, sysadminToken } = await aCompany();
    const { server } = await receiver();
    const bySysadmin = await createEndpoint(sysadminToken, {
      url: server.url,
      events: ['SITE_CREATED', 'INVOICE_PAID'],
    });
    expect(bySysadmin.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'events'], code: 'FORBIDDEN_EVENT' }),
    ]);
    expect(bySysadmin.webhookEndpoint).toBeNull();
    const byPayer = await createEndpoint(payerToken, { url: server.url, events: ['INVOICE_PAID'] });
    expect(byPayer.userErrors).toEqual([]);
  });

  it('should refuse bad input with localized field errors and write nothing', async () => {
    const { payerToken, company } = await aCompany();
    for (const [input, field, code] of [
      [{ url: '', events: ['SITE_CREATED'] }, ['input', 'url'], 'REQUIRED'],
      [{ url: 'ftp://example.com/hook', events: ['SITE_CREATED'] }, ['input', 'url'], 'INVALID'],
      [
        { url: 'https://user:pw@example.com/', events: ['SITE_CREATED'] },
        ['input', 'url'],
        'INVALID',
      ],
      [{ url: 'https://example.com/', events: [] }, ['input', 'events'], 'REQUIRED'],
      [
        { url: 'https://example.com/', events: ['SITE_CREATED'], description: 'x'.repeat(501) },
        ['input', 'description'],
        'TOO_LONG',
      ],
    ] as const) {
      const answer = await createEndpoint(payerToken, input);
      expect(answer.userErrors).toEqual([expect.objectContaining({ field, code })]);
      expect(answer.userErrors[0]!.message).toBeTruthy();
    }
    expect(
      await portal.dataSource
        .getRepository(WebhookEndpointEntity)
        .countBy({ companyId: company.id }),
    ).toBe(0);
    // a cap on endpoints per company
    await portal.dataSource.getRepository(WebhookEndpointEntity).insert(
      Array.from({ length: LIMITS.webhookEndpointsPerCompany }, (_, index) => ({
        companyId: company.id,
        url: `https://example.com/${index}`,
        description: null,
        events: ['SITE_CREATED'],
        enabled: true,
        secret: 'whsec_AAAA',
        previousSecret: null,
        previousSecretExpiresAt: null,
        failingSince: null,
        disabledForFailingAt: null,
        createdByPersonId: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      })),
    );
    const over = await createEndpoint(payerToken, { url: 'https://example.com/one-more' });
    expect(over.userErrors).toEqual([
      expect.objectContaining({ code: 'LIMIT_REACHED', field: ['input'] }),
    ]);
  });

  it('should fail waiting deliveries when an endpoint is disabled, and delete its log with it', async () => {
    const { payerToken } = await aCompany();
    const { server } = await receiver();
    const { id } = await endpointFor(payerToken, server.url);
    await sendTest(payerToken, id);
    await portal.as(payerToken, UPDATE, {
      id,
      input: { url: server.url, events: ['SITE_CREATED'], enabled: false },
    });
    const [endpoint] = await deliveryLog(payerToken, 'FAILED');
    expect(endpoint!.deliveries.totalCount).toBe(1);
    const deleted = await portal.as<{ deleteWebhookEndpoint: { deletedId: string } }>(
      payerToken,
      DELETE,
      { id },
    );
    expect(deleted.data!.deleteWebhookEndpoint.deletedId).toBe(id);
    expect(
      await portal.dataSource.getRepository(WebhookDeliveryEntity).countBy({ endpointId: id }),
    ).toBe(0);
  });

  it('should page the delivery log newest first and filter it by status', async () => {
    const { payerToken } = await aCompany();
    const { server } = await receiver();
    const { id } = await endpointFor(payerToken, server.url);
    const sent = [];
    for (let index = 0; index < 3; index++) sent.push(await sendTest(payerToken, id));
    const [endpoint] = await deliveryLog(payerToken, 'PENDING');
    expect(endpoint!.deliveries.totalCount).toBe(3);
    expect(endpoint!.deliveries.edges.map((edge) => edge.node.id)).toEqual([
      sent[2]!.id,
      sent[1]!.id,
    ]);
  });

  it('should purge events past the log retention with their deliveries, unless one still waits', async () => {
    const { payerToken } = await aCompany();
    const { server } = await receiver();
    const { id } = await endpointFor(payerToken, server.url);
    const delivered = await sendTest(payerToken, id);
    const waiting = await sendTest(payerToken, id);
    const worker = workerAt({ now: new Date() });
    await portal.dataSource
      .getRepository(WebhookDeliveryEntity)
      .update({ id: waiting.id }, { nextAttemptAt: new Date(Date.now() + 3600_000) });
    await worker.drain();
    const later = new Date(Date.now() + (WEBHOOK_LOG_RETENTION_DAYS + 1) * 24 * 3600_000);
    expect(await purgeOldWebhookMessages(portal.dataSource, new Date())).toBe(0);
    expect(await purgeOldWebhookMessages(portal.dataSource, later)).toBeGreaterThanOrEqual(1);
    const deliveries = portal.dataSource.getRepository(WebhookDeliveryEntity);
    expect(await deliveries.findOneBy({ id: delivered.id })).toBeNull();
    expect(await deliveries.findOneBy({ id: waiting.id })).toMatchObject({ status: 'PENDING' });
    expect(
      await portal.dataSource
        .getRepository(WebhookMessageEntity)
        .countBy({ id: delivered.eventId }),
    ).toBe(0);
  });
});

describe('webhook URLs on a server that keeps private addresses out', () => {
  it('should refuse a loopback URL when the endpoint is saved', async () => {
    const portal = await startTestPortal(
      'sqlite',
      { NODE_ENV: 'test' },
      { mailPollIntervalMs: null, billingIntervalMs: null, webhookPollIntervalMs: null },
    );
    try {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
      const payer = await buildPerson(portal.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
      const token = await tokenFor(portal.dataSource, payer);
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'http://[::1]/',
        'http://169.254.169.254/latest',
      ]) {
        const answer = await portal.as<{ createWebhookEndpoint: EndpointAnswer }>(token, CREATE, {
          input: { url, events: ['SITE_CREATED'] },
        });
        expect(answer.data!.createWebhookEndpoint.userErrors).toEqual([
          expect.objectContaining({ field: ['input', 'url'], code: 'INVALID' }),
        ]);
      }
    } finally {
      await portal.close();
    }
  });
});
