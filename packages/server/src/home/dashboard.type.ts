import { Field, Int, ObjectType } from 'type-graphql';

/** The Home page: what the viewer may see, counted. */
@ObjectType('Dashboard')
export class DashboardObject {}

@ObjectType('InvoiceEstimate', {
  description:
    'What the invoice for the current month is heading for, if nothing changes until its end. VAT is added on the invoice.',
})
export class InvoiceEstimateObject {
  @Field({ description: 'ISO 4217' })
  currency: string;

  @Field({ description: 'first day of the current month, YYYY-MM-DD' })
  periodStart: string;

  @Field({ description: 'last day of the current month, YYYY-MM-DD' })
  periodEnd: string;

  @Field(() => Int, { description: 'Entry app users active now, at active sites' })
  activeEntryUsers: number;

  @Field(() => Int, { description: 'Entry app users with at least one day counted this month' })
  billedEntryUsers: number;

  @Field(() => Int, { description: 'price of one Entry app user for a whole month, minor units' })
  unitAmount: number;

  @Field(() => Int, {
    description:
      'prorated by the days each user is active this month (users still active counted to the end of the month), minor units, without VAT',
  })
  subtotal: number;

  @Field({ description: 'localized: VAT is added to this amount' })
  note: string;
}
