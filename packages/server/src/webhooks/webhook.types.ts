import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { WebhookEventType } from '@entry/shared';
import { LIST_ROW_TYPE, UserError } from '../common/common.types';
import { connectionTypes } from '../common/connection';
import { WebhookDeliveryStatus } from './webhook-delivery.entity';

/** One event on its way to one endpoint, as the delivery log shows it. */
@ObjectType('WebhookDelivery', LIST_ROW_TYPE)
export class WebhookDeliveryObject {
  @Field(() => ID)
  id: string;

  @Field(() => WebhookEventType)
  eventType: string;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last attempt; null when it got no answer',
  })
  lastResponseStatus: number | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field()
  createdAt: Date;
}

export const { ConnectionType: WebhookDeliveryConnection } = connectionTypes(
  'WebhookDelivery',
  WebhookDeliveryObject,
);

/** Where a company's events go. The signing secret is never a field: only the payloads carry it. */
@ObjectType('WebhookEndpoint', LIST_ROW_TYPE)
export class WebhookEndpointObject {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [WebhookEventType])
  events: string[];

  @Field()
  enabled: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'when the portal turned it off because its deliveries had failed for 3 days; null once it is enabled again',
  })
  disabledForFailingAt: Date | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class WebhookEndpointInput {
  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [WebhookEventType])
  events: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'omitted: true on create, unchanged on update',
  })
  enabled?: boolean | null;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpointObject, { nullable: true })
  webhookEndpoint: unknown;

  @Field(() => String, {
    nullable: true,
    description:
      'the signing secret (whsec_...): only in the answers of createWebhookEndpoint and rotateWebhookSecret',
  })
  secret: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => WebhookDeliveryObject, { nullable: true })
  delivery: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}
