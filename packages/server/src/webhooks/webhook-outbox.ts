import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WebhookEventType } from '@entry/shared';
import { insertRows } from '../billing/bulk-insert';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookMessageEntity } from './webhook-message.entity';

/** An event as a service reports it: what happened, and the object after the change. */
export interface WebhookEvent {
  readonly type: WebhookEventType;
  /** e.g. { site: {...} } or { entryUser: {..., siteId} }: see webhook-payloads.ts */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The body every delivery of a message carries (and its signature covers), byte for byte. */
export function webhookBody(message: {
  readonly id: string;
  readonly type: string;
  readonly companyId: string;
  readonly createdAt: Date;
  readonly data: unknown;
}): string {
  return JSON.stringify({
    id: message.id,
    type: message.type,
    createdAt: message.createdAt.toISOString(),
    companyId: message.companyId,
    data: message.data,
  });
}

function newMessage(companyId: string, event: WebhookEvent, now: Date): WebhookMessageEntity {
  const id = randomUUID();
  const body = webhookBody({ id, type: event.type, companyId, createdAt: now, data: event.data });
  return { id, companyId, type: event.type, body, createdAt: now };
}

/** A new delivery of a message to an endpoint, due at once. */
export function newDelivery(
  message: Pick<WebhookMessageEntity, 'id' | 'type'>,
  endpointId: string,
  now: Date,
): WebhookDeliveryEntity {
  return {
    id: randomUUID(),
    endpointId,
    messageId: message.id,
    eventType: message.type,
    status: WebhookDeliveryStatus.PENDING,
    attempts: 0,
    lastResponseStatus: null,
    lastResponseExcerpt: null,
    lastAttemptAt: null,
    nextAttemptAt: now,
    claimToken: null,
    createdAt: now,
  };
}

/** Writes one message and the deliveries to the given endpoints. */
export async function insertMessage(
  manager: EntityManager,
  companyId: string,
  event: WebhookEvent,
  endpointIds: readonly string[],
  now: Date,
): Promise<{ message: WebhookMessageEntity; deliveries: WebhookDeliveryEntity[] }> {
  const message = newMessage(companyId, event, now);
  const deliveries = endpointIds.map((endpointId) => newDelivery(message, endpointId, now));
  await insertRows(manager, WebhookMessageEntity, [message]);
  await insertRows(manager, WebhookDeliveryEntity, deliveries);
  return { message, deliveries };
}

/** A company's enabled endpoints as one transaction read them: who gets which events. */
export interface CompanyOutbox {
  /** Writes a message per event some endpoint subscribes to, and a delivery per such endpoint. */
  publish(events: readonly WebhookEvent[], now?: Date): Promise<void>;
}

/**
 * Reads the company's enabled endpoints once, in the caller's transaction, for events published
 * later in it. For a transaction that takes a lock the rest of the system waits on (the billing
 * run's invoice counter): the read comes before the lock, the writes after it.
 */
export async function openCompanyOutbox(
  manager: EntityManager,
  companyId: string,
): Promise<CompanyOutbox> {
  const endpoints = await manager
    .getRepository(WebhookEndpointEntity)
    .createQueryBuilder('endpoint')
    .select(['endpoint.id', 'endpoint.events'])
    .where('endpoint.companyId = :companyId AND endpoint.enabled = :enabled', {
      companyId,
      enabled: true,
    })
    .getMany();
  return {
    async publish(events, now = new Date()) {
      if (endpoints.length === 0) return;
      const messages: WebhookMessageEntity[] = [];
      const deliveries: WebhookDeliveryEntity[] = [];
      for (const event of events) {
        const subscribers = endpoints.filter((endpoint) => endpoint.events.includes(event.type));
        if (subscribers.length === 0) continue;
        const message = newMessage(companyId, event, now);
        messages.push(message);
        for (const endpoint of subscribers) deliveries.push(newDelivery(message, endpoint.id, now));
      }
      // multi-row INSERTs of up to 1,000 rows: an import of 10,000 users is a few statements
      await insertRows(manager, WebhookMessageEntity, messages);
      await insertRows(manager, WebhookDeliveryEntity, deliveries);
    },
  };
}

/**
 * The outbox: call it with the EntityManager of the transaction that makes the change, so the
 * events exist exactly when the change commits (none lost, none for a change rolled back). It
 * writes a message per event that some enabled endpoint of the company subscribes to, and a
 * delivery per such endpoint; the webhook worker sends them after the commit, so a slow or dead
 * receiver never slows the change. A company without endpoints costs one indexed read.
 */
export async function publishWebhookEvents(
  manager: EntityManager,
  companyId: string,
  events: readonly WebhookEvent[],
  now = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  await (await openCompanyOutbox(manager, companyId)).publish(events, now);
}

/** One event: see publishWebhookEvents. */
export function publishWebhookEvent(
  manager: EntityManager,
  companyId: string,
  event: WebhookEvent,
  now = new Date(),
): Promise<void> {
  return publishWebhookEvents(manager, companyId, [event], now);
}
