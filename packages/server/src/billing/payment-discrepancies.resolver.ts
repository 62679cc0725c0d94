import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Permission } from '@entry/shared';
import type { CompanyEntity } from '../companies/company.entity';
import { queueSize } from '../common/connection';
import { attempt } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type {
  PaymentDiscrepancyEntity,
  PaymentDiscrepancyKind,
} from './payment-discrepancy.entity';
import { PaymentDiscrepancyObject, PaymentDiscrepancyPayload } from './payment-discrepancy.type';
import {
  markPaymentDiscrepancyReviewed,
  unreviewedPaymentDiscrepancies,
} from './payments/payment-discrepancies';
import { paymentDiscrepanciesOf } from './payments/stripe-mappers';

@Resolver(() => PaymentDiscrepancyObject)
export class PaymentDiscrepancyResolver {
  @Auth(Permission.OPERATOR)
  @Query(() => [PaymentDiscrepancyObject], {
    description:
      'operators: payments the provider reported that did not match their invoice and were not applied, not reviewed yet, oldest first',
  })
  paymentDiscrepancies(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      nullable: true,
      description: `at most ${LIMITS.pageSizeMax}; default ${LIMITS.pageSizeMax}`,
    })
    first?: number | null,
  ): Promise<PaymentDiscrepancyEntity[]> {
    return unreviewedPaymentDiscrepancies(ctx.dataSource, queueSize(first));
  }

  @Auth(Permission.OPERATOR)
  @Mutation(() => PaymentDiscrepancyPayload, {
    description:
      'operators: the discrepancy has been looked into (and settled with the company and the provider); it leaves the queue',
  })
  async markPaymentDiscrepancyReviewed(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<PaymentDiscrepancyPayload> {
    if (ctx.viewer?.kind !== 'operator') throw new Error('reached without an operator viewer');
    const operatorId = ctx.viewer.operator.id;
    const { value, userErrors } = await attempt(ctx.locale, () =>
      markPaymentDiscrepancyReviewed(ctx.dataSource, id, operatorId, new Date()),
    );
    return { paymentDiscrepancy: value, userErrors };
  }

  @FieldResolver()
  kinds(@Root() discrepancy: PaymentDiscrepancyEntity): PaymentDiscrepancyKind[] {
    return paymentDiscrepanciesOf(
      {
        amount: discrepancy.expectedAmount,
        currency: discrepancy.expectedCurrency,
        paymentId: discrepancy.expectedPaymentIntentId,
      },
      {
        amount: discrepancy.receivedAmount,
        currency: discrepancy.receivedCurrency,
        paymentId: discrepancy.receivedPaymentIntentId,
      },
    );
  }

  @FieldResolver()
  async company(
    @Root() discrepancy: PaymentDiscrepancyEntity,
    @Ctx() ctx: Context,
  ): Promise<CompanyEntity | null> {
    return ctx.loaders.companyById.load(discrepancy.companyId);
  }

  @FieldResolver()
  async invoiceNumber(
    @Root() discrepancy: PaymentDiscrepancyEntity,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const invoice = await ctx.loaders.invoiceById.load(discrepancy.invoiceId);
    return invoice?.number ?? '';
  }
}
