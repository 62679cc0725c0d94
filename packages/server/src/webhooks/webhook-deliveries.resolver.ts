import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { Connection } from '../common/connection';
import type { Context } from '../graphql/context';
import { WebhookDeliveryStatus, type WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { listWebhookDeliveries } from './webhook-endpoints.service';
import {
  WebhookDeliveryConnection,
  WebhookDeliveryObject,
  WebhookEndpointObject,
} from './webhook.types';

/**
 * An endpoint's delivery log. Reached only through webhookEndpoints (payment and system admins
 * of the endpoint's company), so it needs no guard of its own; a company has at most
 * LIMITS.webhookEndpointsPerCompany endpoints, so one page query per endpoint stays bounded.
 */
@Resolver(() => WebhookEndpointObject)
export class WebhookEndpointDeliveriesResolver {
  @FieldResolver(() => WebhookDeliveryConnection, { description: 'the delivery log, newest first' })
  deliveries(
    @Root() endpoint: WebhookEndpointEntity,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true })
    status?: WebhookDeliveryStatus | null,
  ): Promise<Connection<WebhookDeliveryEntity>> {
    return listWebhookDeliveries(ctx.dataSource, endpoint.id, { first, after, status }, ctx.locale);
  }
}

@Resolver(() => WebhookDeliveryObject)
export class WebhookDeliveryResolver {
  @FieldResolver(() => ID, { description: "the event's id, as sent in webhook-id" })
  eventId(@Root() delivery: WebhookDeliveryEntity): string {
    return delivery.messageId;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'while PENDING: when the next attempt is due',
  })
  nextAttemptAt(@Root() delivery: WebhookDeliveryEntity): Date | null {
    return delivery.status === WebhookDeliveryStatus.PENDING ? delivery.nextAttemptAt : null;
  }
}
