import { Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Permission } from '@entry/shared';
import type { CompanyEntity } from '../companies/company.entity';
import { CompanyObject } from '../companies/company.type';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { OverdueSummary } from './overdue-summary';

@ObjectType('OverdueSummary', {
  description:
    'What the company has unpaid past its due date: reminders go out on the due date and 7 days after; at 14 days the company is SUSPENDED until nothing is overdue',
})
export class OverdueSummaryObject {
  @Field(() => Int)
  invoiceCount: number;

  @Field(() => Int, { description: 'minor units' })
  total: number;

  @Field()
  currency: string;

  @Field({ description: 'the due date of the oldest overdue invoice' })
  oldestDueAt: Date;

  @Field({
    description: 'when the oldest overdue invoice suspends the company (past once SUSPENDED)',
  })
  suspendsAt: Date;

  @Field(() => ID, { description: 'the oldest overdue invoice' })
  oldestInvoiceId: string;
}

@Resolver(() => CompanyObject)
export class CompanyOverdueResolver {
  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => OverdueSummaryObject, {
    nullable: true,
    description: 'null while nothing is unpaid past its due date',
  })
  overdue(@Root() company: CompanyEntity, @Ctx() ctx: Context): Promise<OverdueSummary | null> {
    return ctx.loaders.billing.overdueByCompanyId.load(company.id);
  }
}
