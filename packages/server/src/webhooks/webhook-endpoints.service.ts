import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  LIMITS,
  UserErrorCode,
  webhookEndpointInputProblems,
  WebhookEventType,
  type Locale,
  type WebhookEndpointInput,
} from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { PersonViewer } from '../auth/viewer';
import { newestFirstPage, type Connection } from '../common/connection';
import { UserInputProblem } from '../common/user-errors';
import type { Config } from '../config/config';
import { inTransaction } from '../database/transaction';
import { webhookUrlProblem, type WebhookUrlRules } from './webhook-address-guard';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { insertMessage, newDelivery } from './webhook-outbox';
import { generateWebhookSecret } from './webhook-signing';

/** After a rotation the old secret signs too, this long, so receivers can switch without a gap. */
export const WEBHOOK_SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** An endpoint and the signing secret: the only answers that carry it. */
export interface IssuedWebhookEndpoint {
  readonly endpoint: WebhookEndpointEntity;
  readonly secret: string;
}

/** The URL rules of this server: https and public addresses, unless the operator lifted them. */
export function webhookUrlRules(config: Config): WebhookUrlRules {
  const allowPrivate = config.webhooks.allowPrivateUrls;
  return { allowPrivate, requireHttps: config.env === 'production' && !allowPrivate };
}

interface CheckedEndpointInput {
  readonly url: string;
  readonly description: string | null;
  readonly events: WebhookEventType[];
}

/** The input's problems as userErrors (a UserInputProblem), or the values to store. */
function checkedInput(
  input: WebhookEndpointInput,
  viewer: PersonViewer,
  rules: WebhookUrlRules,
): CheckedEndpointInput {
  const problems = webhookEndpointInputProblems(input, viewer.person.accessLevel, rules, (url) =>
    webhookUrlProblem(url, rules),
  );
  if (problems.length) throw new UserInputProblem(problems);
  return {
    url: input.url.trim(),
    description: input.description?.trim() || null,
    events: [...new Set(input.events as WebhookEventType[])],
  };
}

/** What the audit log keeps of an endpoint: never its secret. */
function auditedEndpoint(endpoint: WebhookEndpointEntity) {
  return {
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events.join(','),
    enabled: endpoint.enabled,
  };
}

function record(
  manager: EntityManager,
  actor: AuditActor,
  endpoint: WebhookEndpointEntity,
  kind: string,
  values: {
    before?: Record<string, string | boolean | null>;
    after?: Record<string, string | boolean | null>;
  },
  now: Date,
) {
  return recordAudit(
    manager,
    actor,
    {
      companyId: endpoint.companyId,
      kind,
      subjectType: 'webhook_endpoint',
      subjectId: endpoint.id,
      before: values.before ?? null,
      after: values.after ?? null,
    },
    now,
  );
}

/** The company's endpoints, newest first (at most LIMITS.webhookEndpointsPerCompany). */
export function listWebhookEndpoints(
  dataSource: DataSource,
  companyId: string,
): Promise<WebhookEndpointEntity[]> {
  return dataSource
    .getRepository(WebhookEndpointEntity)
    .find({ where: { companyId }, order: { createdAt: 'DESC', id: 'DESC' } });
}

export async function createWebhookEndpoint(
  dataSource: DataSource,
  viewer: PersonViewer,
  input: WebhookEndpointInput,
  rules: WebhookUrlRules,
  actor: AuditActor,
  now = new Date(),
): Promise<IssuedWebhookEndpoint> {
  const checked = checkedInput(input, viewer, rules);
  return inTransaction(dataSource, async (manager) => {
    const repository = manager.getRepository(WebhookEndpointEntity);
    const held = await repository.countBy({ companyId: viewer.company.id });
    if (held >= LIMITS.webhookEndpointsPerCompany)
      throw UserInputProblem.of(['input'], UserErrorCode.LIMIT_REACHED, {
        max: LIMITS.webhookEndpointsPerCompany,
      });
    const secret = generateWebhookSecret();
    const endpoint = repository.create({
      id: randomUUID(),
      companyId: viewer.company.id,
      ...checked,
      enabled: input.enabled ?? true,
      secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      failingSince: null,
      disabledForFailingAt: null,
      createdByPersonId: viewer.person.id,
      createdAt: now,
      updatedAt: now,
    });
    await repository.insert(endpoint);
    await record(
      manager,
      actor,
      endpoint,
      'webhook_endpoint.created',
      { after: auditedEndpoint(endpoint) },
      now,
    );
    return { endpoint, secret };
  });
}

/** The company's endpoint by id, or NOT_FOUND on `field` (another company's reads as unknown). */
async function companyEndpoint(
  manager: EntityManager,
  companyId: string,
  id: string,
  field: readonly string[] = ['id'],
): Promise<WebhookEndpointEntity> {
  const endpoint = await manager.getRepository(WebhookEndpointEntity).findOneBy({ id, companyId });
  if (!endpoint) throw UserInputProblem.of(field, UserErrorCode.NOT_FOUND);
  return endpoint;
}

/**
 * Fails the endpoint's waiting deliveries: a disabled endpoint is sent nothing, and its log says
 * so (redeliverWebhook sends one again once it is fixed).
 */
export async function failPendingDeliveries(
  manager: EntityManager,
  endpointId: string,
  reason: string,
): Promise<void> {
  await manager
    .getRepository(WebhookDeliveryEntity)
    .createQueryBuilder()
    .update()
    .set({ status: WebhookDeliveryStatus.FAILED, claimToken: null, lastResponseExcerpt: reason })
    .where('endpointId = :endpointId AND status = :pending', {
      endpointId,
      pending: WebhookDeliveryStatus.PENDING,
    })
    .execute();
}

/**
 * Changes an endpoint's URL, description, events and (when given) whether it is enabled.
 * Enabling it again clears the "disabled for failing" mark and starts its failure clock afresh.
 */
export async function updateWebhookEndpoint(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  input: WebhookEndpointInput,
  rules: WebhookUrlRules,
  actor: AuditActor,
  now = new Date(),
): Promise<WebhookEndpointEntity> {
  return inTransaction(dataSource, async (manager) => {
    const endpoint = await companyEndpoint(manager, viewer.company.id, id);
    const checked = checkedInput(input, viewer, rules);
    const before = auditedEndpoint(endpoint);
    const enabled = input.enabled ?? endpoint.enabled;
    const turnedOn = enabled && !endpoint.enabled;
    const changes = {
      ...checked,
      enabled,
      updatedAt: now,
      ...(turnedOn ? { failingSince: null, disabledForFailingAt: null } : {}),
    };
    await manager.getRepository(WebhookEndpointEntity).update({ id: endpoint.id }, changes);
    if (!enabled && endpoint.enabled)
      await failPendingDeliveries(manager, endpoint.id, 'the endpoint was disabled');
    Object.assign(endpoint, changes);
    await record(
      manager,
      actor,
      endpoint,
      'webhook_endpoint.updated',
      { before, after: auditedEndpoint(endpoint) },
      now,
    );
    return endpoint;
  });
}

/** Deletes the endpoint with its delivery log; what is in flight is dropped. */
export async function deleteWebhookEndpoint(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<string> {
  return inTransaction(dataSource, async (manager) => {
    const endpoint = await companyEndpoint(manager, viewer.company.id, id);
    await manager.getRepository(WebhookDeliveryEntity).delete({ endpointId: endpoint.id });
    await manager.getRepository(WebhookEndpointEntity).delete({ id: endpoint.id });
    await record(
      manager,
      actor,
      endpoint,
      'webhook_endpoint.deleted',
      { before: auditedEndpoint(endpoint) },
      now,
    );
    return endpoint.id;
  });
}

/** A new signing secret; the old one keeps signing beside it for WEBHOOK_SECRET_OVERLAP_MS. */
export async function rotateWebhookSecret(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<IssuedWebhookEndpoint> {
  return inTransaction(dataSource, async (manager) => {
    const endpoint = await companyEndpoint(manager, viewer.company.id, id);
    const secret = generateWebhookSecret();
    const changes = {
      secret,
      previousSecret: endpoint.secret,
      previousSecretExpiresAt: new Date(now.getTime() + WEBHOOK_SECRET_OVERLAP_MS),
      updatedAt: now,
    };
    await manager.getRepository(WebhookEndpointEntity).update({ id: endpoint.id }, changes);
    Object.assign(endpoint, changes);
    await record(
      manager,
      actor,
      endpoint,
      'webhook_endpoint.secret_rotated',
      { after: { url: endpoint.url } },
      now,
    );
    return { endpoint, secret };
  });
}

/** Sends a PING to the endpoint now (whether or not it is enabled or subscribes to anything). */
export async function sendTestWebhook(
  dataSource: DataSource,
  viewer: PersonViewer,
  id: string,
  now = new Date(),
): Promise<WebhookDeliveryEntity> {
  return inTransaction(dataSource, async (manager) => {
    const endpoint = await companyEndpoint(manager, viewer.company.id, id);
    const { deliveries } = await insertMessage(
      manager,
      endpoint.companyId,
      { type: WebhookEventType.PING, data: { endpoint: { id: endpoint.id, url: endpoint.url } } },
      [endpoint.id],
      now,
    );
    return deliveries[0]!;
  });
}

/** The delivery's event again, to the same endpoint: a new delivery, the same webhook-id. */
export async function redeliverWebhook(
  dataSource: DataSource,
  viewer: PersonViewer,
  deliveryId: string,
  now = new Date(),
): Promise<WebhookDeliveryEntity> {
  return inTransaction(dataSource, async (manager) => {
    const original = await manager
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .innerJoin(WebhookEndpointEntity, 'endpoint', 'endpoint.id = delivery.endpointId')
      .where('delivery.id = :deliveryId AND endpoint.companyId = :companyId', {
        deliveryId,
        companyId: viewer.company.id,
      })
      .getOne();
    if (!original) throw UserInputProblem.of(['deliveryId'], UserErrorCode.NOT_FOUND);
    const delivery = newDelivery(
      { id: original.messageId, type: original.eventType },
      original.endpointId,
      now,
    );
    await manager.getRepository(WebhookDeliveryEntity).insert(delivery);
    return delivery;
  });
}

/** An endpoint's delivery log, newest first, optionally one status. */
export async function listWebhookDeliveries(
  dataSource: DataSource,
  endpointId: string,
  options: { first?: number | null; after?: string | null; status?: WebhookDeliveryStatus | null },
  locale: Locale,
): Promise<Connection<WebhookDeliveryEntity>> {
  const query = () => {
    const deliveries = dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .where('delivery.endpointId = :endpointId', { endpointId });
    if (options.status)
      deliveries.andWhere('delivery.status = :status', { status: options.status });
    return deliveries;
  };
  return newestFirstPage(query, 'delivery', options, locale);
}
