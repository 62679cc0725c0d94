import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Permission } from '@entry/shared';
import { UserError } from '../common/common.types';
import { CompanyObject } from '../companies/company.type';
import { Auth } from '../graphql/auth.directive';
import { PaymentDiscrepancyKind } from './payment-discrepancy.entity';

@Auth(Permission.OPERATOR)
@ObjectType('PaymentDiscrepancy', {
  description:
    "A payment provider's event about one of our payment attempts whose amount, currency or PaymentIntent differs from the attempt: it was not applied (the invoice stays unpaid) and waits for an operator to review it.",
})
export class PaymentDiscrepancyObject {
  @Field(() => ID)
  id: string;

  @Field(() => [PaymentDiscrepancyKind], { description: 'what differs' })
  kinds: PaymentDiscrepancyKind[];

  @Field(() => CompanyObject)
  company: unknown;

  @Field(() => ID)
  invoiceId: string;

  @Field()
  invoiceNumber: string;

  @Field(() => Int, { description: 'what the payment attempt asked for, minor units' })
  expectedAmount: number;

  @Field()
  expectedCurrency: string;

  @Field(() => String, {
    nullable: true,
    description: 'null while the attempt did not know its PaymentIntent yet',
  })
  expectedPaymentIntentId: string | null;

  @Field(() => Int, { description: 'what the event says was paid, minor units' })
  receivedAmount: number;

  @Field()
  receivedCurrency: string;

  @Field()
  receivedPaymentIntentId: string;

  @Field({ description: "the provider's event id (Stripe: evt_…)" })
  eventId: string;

  @Field()
  eventType: string;

  @Field()
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;
}

@ObjectType()
export class PaymentDiscrepancyPayload {
  @Field(() => PaymentDiscrepancyObject, { nullable: true })
  paymentDiscrepancy: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}
