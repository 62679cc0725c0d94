import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApiScope, Permission } from '@entry/shared';
import { NESTED_UNDER_GUARD } from '../auth/exemptions';
import { Auth } from '../graphql/auth.directive';
import { UserError } from '../common/common.types';
import { connectionTypes } from '../common/connection';
import { PaymentMethodType } from '../companies/company.entity';
import { SiteObject } from '../sites/site.type';
import { InvoiceStatus } from './invoice.entity';

@ObjectType()
export class CardSummary {
  @Field()
  brand: string;

  @Field()
  last4: string;

  @Field(() => Int)
  expMonth: number;

  @Field(() => Int)
  expYear: number;
}

@ObjectType({
  description: 'how the browser saves a card: Stripe Elements with this key, or the sandbox form',
})
export class PaymentProviderInfo {
  @Field({ description: 'stripe or sandbox' })
  kind: string;

  @Field(() => String, { nullable: true })
  publishableKey: string | null;
}

@ObjectType('InvoiceLine', {
  description:
    "One line per site billed: Entry app users are charged per user per month, prorated by the days each user was active at the site during the month billed. A user counts for every calendar day (UTC) on which they were active at any moment, the day they were added and the day they were removed included: amount = round(unitAmount x sum over the site's users of (days counted / days in the month)).",
})
export class InvoiceLineObject {
  @Field()
  description: string;

  @Auth(Permission.AUTHENTICATED, {
    allow: NESTED_UNDER_GUARD,
    scopes: [ApiScope.INVOICES_READ, ApiScope.SITES_READ],
  })
  @Field(() => SiteObject, { nullable: true })
  site: unknown;

  @Field(() => Int, { description: 'Entry app users billed at this site' })
  quantity: number;

  @Field(() => Int, { description: 'price of one Entry app user for a whole month, minor units' })
  unitAmount: number;

  @Field(() => Int, { description: 'after proration, minor units' })
  amount: number;

  @Field(() => String, {
    nullable: true,
    description: "the site's cost centre when the invoice was issued",
  })
  costCenter: string | null;
}

@ObjectType('Invoice')
export class InvoiceObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'sequential, gap-free per year, e.g. 2026-000123' })
  number: string;

  @Field({ description: 'first and last day of the month billed, YYYY-MM-DD' })
  periodStart: string;

  @Field()
  periodEnd: string;

  @Field()
  issuedAt: Date;

  @Field()
  dueAt: Date;

  @Field()
  currency: string;

  @Field(() => Int)
  subtotal: number;

  @Field(() => Int)
  tax: number;

  @Field(() => Int)
  total: number;

  @Field(() => InvoiceStatus)
  status: InvoiceStatus;

  @Field(() => Date, { nullable: true })
  paidAt: Date | null;

  @Field(() => Int, { description: 'VAT rate applied, in basis points (2500 = 25 %)' })
  taxRateBasisPoints: number;

  @Field({ description: 'EU reverse charge: no VAT charged; the invoice carries the legal note' })
  reverseCharge: boolean;

  @Field(() => PaymentMethodType)
  paymentMethod: PaymentMethodType;

  @Field(() => String, {
    nullable: true,
    description: "the company's purchase order number when the invoice was issued",
  })
  purchaseOrderNumber: string | null;

  // billingEmails: InvoiceResolver (null on invoices from before they existed)
}

export const { EdgeType: InvoiceEdge, ConnectionType: InvoiceConnection } = connectionTypes(
  'Invoice',
  InvoiceObject,
);

@InputType({
  description:
    'where invoices go besides the payment admins, and the purchase order number printed on them; replaces both',
})
export class BillingDetailsInput {
  @Field(() => [String], {
    description:
      'at most 5; blanks dropped, each address once (without regard to case): the invoice-issued, payment-failed and reminder emails go to them too',
  })
  billingEmails: string[];

  @Field(() => String, { nullable: true, description: 'at most 64 characters; null clears it' })
  purchaseOrderNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'the language of the emails to billingEmails (en, nl, sv or fr); default: the language of the person saving',
  })
  locale?: string | null;
}

@InputType()
export class BillingSetupInput {
  @Field({ description: 'the version of termsOfService being accepted' })
  acceptTermsVersion: string;

  @Field(() => String, { nullable: true })
  vatNumber?: string | null;

  @Field(() => PaymentMethodType)
  paymentMethod: PaymentMethodType;

  @Field(() => String, {
    nullable: true,
    description:
      "for AUTOMATIC: the payment provider's token for the card (a Stripe PaymentMethod id or SetupIntent id)",
  })
  paymentMethodToken?: string | null;
}

@ObjectType()
export class InvoicePayload {
  @Field(() => InvoiceObject, { nullable: true })
  invoice: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class BillingRunPayload {
  @Field(() => Int, {
    description: 'invoices created by this run (0 when the period was already billed)',
  })
  created: number;

  @Field(() => Int, { description: 'automatic payments attempted / succeeded by this run' })
  charged: number;

  @Field(() => Int)
  failed: number;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CardSetupPayload {
  @Field(() => String, {
    nullable: true,
    description: "Stripe: the SetupIntent's client secret for Stripe Elements; sandbox: null",
  })
  clientSecret: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
