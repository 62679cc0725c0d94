import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Permission, type Locale } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, CurrentPerson, PersonChange } from '../auth/decorators';
import type { PersonViewer } from '../auth/viewer';
import { attempt, payload } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { DeletePayload } from '../people/people.types';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
  webhookUrlRules,
  type IssuedWebhookEndpoint,
} from './webhook-endpoints.service';
import {
  WebhookDeliveryPayload,
  WebhookEndpointInput,
  WebhookEndpointObject,
  WebhookEndpointPayload,
} from './webhook.types';

/** createWebhookEndpoint's and rotateWebhookSecret's payload: in these answers only, the secret. */
async function issuedPayload(
  locale: Locale,
  work: () => Promise<IssuedWebhookEndpoint>,
): Promise<WebhookEndpointPayload> {
  const { value, userErrors } = await attempt(locale, work);
  return { webhookEndpoint: value?.endpoint ?? null, secret: value?.secret ?? null, userErrors };
}

/**
 * The company's webhook endpoints (partner API), managed by payment and system admins; a key
 * never manages them (these fields name no scope). Only a payment admin subscribes to invoice
 * events (FORBIDDEN_EVENT, in the shared rules).
 */
@Resolver(() => WebhookEndpointObject)
export class WebhookEndpointResolver {
  @Auth(Permission.ALL_SITES)
  @Query(() => [WebhookEndpointObject], {
    description: "the company's webhook endpoints, newest first",
  })
  webhookEndpoints(
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
  ): Promise<WebhookEndpointEntity[]> {
    return listWebhookEndpoints(ctx.dataSource, viewer.company.id);
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => WebhookEndpointPayload, {
    description: 'the signing secret is in this answer only (and in rotateWebhookSecret)',
  })
  createWebhookEndpoint(
    @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<WebhookEndpointPayload> {
    return issuedPayload(ctx.locale, () =>
      createWebhookEndpoint(ctx.dataSource, viewer, input, webhookUrlRules(ctx.config), actor),
    );
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => WebhookEndpointPayload, {
    description: 'enabled: false stops its deliveries (those waiting fail); true starts it again',
  })
  async updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<WebhookEndpointPayload> {
    const answer = await payload(ctx.locale, 'webhookEndpoint', () =>
      updateWebhookEndpoint(ctx.dataSource, viewer, id, input, webhookUrlRules(ctx.config), actor),
    );
    return { ...answer, secret: null };
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => DeletePayload, { description: 'deletes the endpoint and its delivery log' })
  deleteWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @PersonChange() { dataSource, viewer, actor, locale }: PersonChange,
  ): Promise<DeletePayload> {
    return payload(locale, 'deletedId', () => deleteWebhookEndpoint(dataSource, viewer, id, actor));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => WebhookEndpointPayload, {
    description:
      'a new signing secret; deliveries carry a signature with the old one too for 24 hours',
  })
  rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<WebhookEndpointPayload> {
    return issuedPayload(ctx.locale, () => rotateWebhookSecret(ctx.dataSource, viewer, id, actor));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => WebhookDeliveryPayload, { description: 'sends a PING event now' })
  sendTestWebhook(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
  ): Promise<WebhookDeliveryPayload> {
    return payload(ctx.locale, 'delivery', () => sendTestWebhook(ctx.dataSource, viewer, id));
  }

  @Auth(Permission.ALL_SITES)
  @Mutation(() => WebhookDeliveryPayload, {
    description: "sends the delivery's event again: a new delivery with the same event id",
  })
  redeliverWebhook(
    @Arg('deliveryId', () => ID) deliveryId: string,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
  ): Promise<WebhookDeliveryPayload> {
    return payload(ctx.locale, 'delivery', () =>
      redeliverWebhook(ctx.dataSource, viewer, deliveryId),
    );
  }
}
