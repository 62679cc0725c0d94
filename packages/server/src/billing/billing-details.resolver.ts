import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, CurrentPerson } from '../auth/decorators';
import type { PersonViewer } from '../auth/viewer';
import { CompanyPayload } from '../accounts/accounts.types';
import type { CompanyEntity } from '../companies/company.entity';
import { CompanyObject } from '../companies/company.type';
import { attempt } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { billingDetailsOf, updateBillingDetails } from './billing-details.service';
import { BillingDetailsInput, InvoiceObject } from './billing.types';
import type { InvoiceEntity } from './invoice.entity';

/** The company's invoice recipients and references (payment admins). */
@Resolver(() => CompanyObject)
export class CompanyBillingDetailsResolver {
  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => [String], {
    description:
      'addresses that receive the invoice-issued, payment-failed and reminder emails besides the payment admins',
  })
  async billingEmails(@Root() company: CompanyEntity, @Ctx() ctx: Context): Promise<string[]> {
    const account = await ctx.loaders.billing.accountByCompanyId.load(company.id);
    return billingDetailsOf(account).billingEmails;
  }

  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => String, { description: 'the language of the emails to billingEmails' })
  async billingEmailsLocale(@Root() company: CompanyEntity, @Ctx() ctx: Context): Promise<string> {
    const account = await ctx.loaders.billing.accountByCompanyId.load(company.id);
    return billingDetailsOf(account).billingEmailsLocale;
  }

  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'printed on every invoice issued from now on',
  })
  async purchaseOrderNumber(
    @Root() company: CompanyEntity,
    @Ctx() ctx: Context,
  ): Promise<string | null> {
    const account = await ctx.loaders.billing.accountByCompanyId.load(company.id);
    return billingDetailsOf(account).purchaseOrderNumber;
  }

  @Auth(Permission.PAYMENTS)
  @Mutation(() => CompanyPayload, {
    description:
      'replaces the billing emails and purchase order number; invoices issued before keep theirs',
  })
  async updateBillingDetails(
    @Arg('input', () => BillingDetailsInput) input: BillingDetailsInput,
    @Ctx() ctx: Context,
    @CurrentPerson() payer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<CompanyPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      updateBillingDetails(ctx.dataSource, payer, input, actor),
    );
    return { company: value, userErrors };
  }
}

@Resolver(() => InvoiceObject)
export class InvoiceReferencesResolver {
  @FieldResolver(() => [String], {
    description: 'where the invoice was sent besides the payment admins, as when it was issued',
  })
  billingEmails(@Root() invoice: InvoiceEntity): string[] {
    return invoice.billingEmails ?? [];
  }
}
