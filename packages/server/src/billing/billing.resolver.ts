import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiScope, Permission, UserErrorCode } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, CurrentCompanyViewer, CurrentPerson } from '../auth/decorators';
import { CompanyPayload } from '../accounts/accounts.types';
import { CompanyEntity, PaymentMethodType } from '../companies/company.entity';
import { CompanyObject } from '../companies/company.type';
import type { Connection } from '../common/connection';
import { attempt, UserInputProblem } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import type { CompanyViewer, PersonViewer } from '../auth/viewer';
import { siteScopeOf } from '../sites/site-scope';
import { SiteObject } from '../sites/site.type';
import type { BillingDeps } from './billing-deps';
import { parsePeriod } from './billing-period';
import { whileBillingExclusively } from './billing-lease';
import { runBilling } from './billing-run';
import { completeBillingSetup, updatePaymentMethod } from './billing-setup.service';
import {
  BillingRunPayload,
  BillingSetupInput,
  CardSetupPayload,
  CardSummary,
  InvoiceConnection,
  InvoiceLineObject,
  InvoiceObject,
  InvoicePayload,
  PaymentProviderInfo,
} from './billing.types';
import { listInvoices } from './invoice-list';
import type { InvoiceLineEntity } from './invoice-line.entity';
import { InvoiceEntity, InvoiceStatus } from './invoice.entity';
import { chargeInvoice } from './payments/invoice-payments';

function billingDeps(ctx: Context): BillingDeps {
  return {
    dataSource: ctx.dataSource,
    config: ctx.config,
    payments: ctx.payments,
    logger: ctx.logger,
  };
}

/** A company's own invoice, or null: another company's id reads as unknown. */
async function ownInvoice(
  ctx: Context,
  payer: CompanyViewer,
  id: string,
): Promise<InvoiceEntity | null> {
  return ctx.dataSource.getRepository(InvoiceEntity).findOneBy({ id, companyId: payer.company.id });
}

@Resolver(() => CompanyObject)
export class CompanyBillingResolver {
  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => CardSummary, { nullable: true })
  async card(@Root() company: CompanyEntity, @Ctx() ctx: Context): Promise<CardSummary | null> {
    const account = await ctx.loaders.billing.accountByCompanyId.load(company.id);
    if (!account?.cardLast4 || !account.cardBrand || !account.cardExpMonth || !account.cardExpYear)
      return null;
    return {
      brand: account.cardBrand,
      last4: account.cardLast4,
      expMonth: account.cardExpMonth,
      expYear: account.cardExpYear,
    };
  }

  @Auth(Permission.PAYMENTS, { scopes: [ApiScope.INVOICES_READ] })
  @FieldResolver(() => InvoiceConnection)
  invoices(
    @Root() company: CompanyEntity,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('status', () => InvoiceStatus, { nullable: true }) status?: InvoiceStatus | null,
  ): Promise<Connection<InvoiceEntity>> {
    return listInvoices(ctx.dataSource, company.id, { first, after, status }, ctx.locale);
  }

  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'the billing terms version accepted in the wizard',
  })
  async acceptedTermsVersion(
    @Root() company: CompanyEntity,
    @Ctx() ctx: Context,
  ): Promise<string | null> {
    return (await ctx.loaders.billing.accountByCompanyId.load(company.id))?.termsVersion ?? null;
  }

  @Auth(Permission.PAYMENTS)
  @FieldResolver(() => PaymentProviderInfo)
  paymentProvider(@Ctx() ctx: Context): PaymentProviderInfo {
    return { kind: ctx.payments.kind, publishableKey: ctx.payments.publishableKey };
  }
}

@Resolver(() => InvoiceObject)
export class InvoiceResolver {
  @Auth(Permission.PAYMENTS, { scopes: [ApiScope.INVOICES_READ] })
  @Query(() => InvoiceObject, { nullable: true })
  invoice(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentCompanyViewer() payer: CompanyViewer,
  ): Promise<InvoiceEntity | null> {
    return ownInvoice(ctx, payer, id);
  }

  @FieldResolver(() => [InvoiceLineObject])
  lines(@Root() invoice: InvoiceEntity, @Ctx() ctx: Context): Promise<InvoiceLineEntity[]> {
    return ctx.loaders.billing.linesByInvoiceId.load(invoice.id);
  }

  @FieldResolver(() => String, {
    description: 'URL of the PDF, served to signed-in people with payment access only',
  })
  pdfUrl(@Root() invoice: InvoiceEntity, @Ctx() ctx: Context): string {
    return `${ctx.config.publicUrl}/api/invoices/${invoice.id}.pdf`;
  }

  @FieldResolver(() => String, {
    description: 'URL of the lines per site and per user as CSV (payment access only)',
  })
  csvUrl(@Root() invoice: InvoiceEntity, @Ctx() ctx: Context): string {
    return `${ctx.config.publicUrl}/api/invoices/${invoice.id}.csv`;
  }

  @FieldResolver(() => Boolean, { description: 'unpaid after its due date' })
  overdue(@Root() invoice: InvoiceEntity): boolean {
    return (
      invoice.status !== InvoiceStatus.PAID &&
      invoice.status !== InvoiceStatus.VOID &&
      invoice.dueAt.getTime() < Date.now()
    );
  }

  @Auth(Permission.PAYMENTS)
  @Mutation(() => InvoicePayload, {
    description: 'pay an open invoice now with the card on file or the given token',
  })
  async payInvoice(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentPerson() payer: PersonViewer,
    @Arg('paymentMethodToken', () => String, { nullable: true }) paymentMethodToken?: string | null,
  ): Promise<InvoicePayload> {
    const { value, userErrors } = await attempt(ctx.locale, async () => {
      const invoice = await ownInvoice(ctx, payer, id);
      if (!invoice) throw UserInputProblem.of(['id'], UserErrorCode.NOT_FOUND);
      return chargeInvoice(
        billingDeps(ctx),
        invoice.id,
        'MANUAL',
        paymentMethodToken ?? null,
        payer.person.email,
      );
    });
    return { invoice: value, userErrors };
  }

  @Auth(Permission.PAYMENTS)
  @Mutation(() => CompanyPayload, {
    description:
      'the first-login wizard: terms, VAT number, payment method (system managers: AUTOMATIC only)',
  })
  async completeBillingSetup(
    @Arg('input', () => BillingSetupInput) input: BillingSetupInput,
    @Ctx() ctx: Context,
    @CurrentPerson() payer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<CompanyPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      completeBillingSetup(ctx.dataSource, ctx.payments, payer, input, actor),
    );
    return { company: value, userErrors };
  }

  @Auth(Permission.PAYMENTS)
  @Mutation(() => CompanyPayload)
  async updatePaymentMethod(
    @Arg('paymentMethod', () => PaymentMethodType) paymentMethod: PaymentMethodType,
    @Ctx() ctx: Context,
    @CurrentPerson() payer: PersonViewer,
    @Actor() actor: AuditActor,
    @Arg('paymentMethodToken', () => String, { nullable: true }) paymentMethodToken?: string | null,
  ): Promise<CompanyPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      updatePaymentMethod(
        ctx.dataSource,
        ctx.payments,
        payer,
        paymentMethod,
        paymentMethodToken,
        actor,
      ),
    );
    return { company: value, userErrors };
  }

  @Auth(Permission.PAYMENTS)
  @Mutation(() => CardSetupPayload, {
    description:
      'starts saving a card in the browser (Stripe Elements); null secret with the sandbox',
  })
  async createCardSetup(
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
  ): Promise<CardSetupPayload> {
    const customerId = await ctx.payments.ensureCustomer({
      id: viewer.company.id,
      name: viewer.company.name,
      email: viewer.person.email,
    });
    const setup = await ctx.payments.createCardSetup(customerId);
    return { clientSecret: setup?.clientSecret ?? null, userErrors: [] };
  }

  @Auth(Permission.OPERATOR)
  @Mutation(() => BillingRunPayload, {
    description:
      'operators: create the invoices for a month (YYYY-MM) and charge automatic payers; safe to run twice, and safe to run on several servers at once (each company billed once per month)',
  })
  async runBilling(@Arg('period') period: string, @Ctx() ctx: Context): Promise<BillingRunPayload> {
    const parsed = parsePeriod(period.trim());
    if (!parsed) {
      const { userErrors } = await attempt(ctx.locale, () =>
        Promise.reject(UserInputProblem.of(['period'], UserErrorCode.INVALID)),
      );
      return { created: 0, charged: 0, failed: 0, userErrors };
    }
    const deps = billingDeps(ctx);
    // after a run in another process, if one is going on: this one then finds the period billed
    const result = await whileBillingExclusively(deps.dataSource, (signal) =>
      runBilling(deps, parsed, { signal }),
    );
    return { ...result!, userErrors: [] };
  }
}

@Resolver(() => InvoiceLineObject)
export class InvoiceLineResolver {
  @FieldResolver(() => SiteObject, { nullable: true })
  site(@Root() line: InvoiceLineEntity, @Ctx() ctx: Context) {
    return line.siteId
      ? ctx.loaders.sites.forScope(siteScopeOf(ctx.viewer)).siteById.load(line.siteId)
      : null;
  }
}
