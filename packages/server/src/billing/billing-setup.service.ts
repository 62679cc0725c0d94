import type { DataSource, EntityManager } from 'typeorm';
import { UserErrorCode, type FieldProblem } from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { CompanyEntity, CompanyType, PaymentMethodType } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { inTransaction } from '../database/transaction';
import { assertBillingSetUp } from '../auth/billing-gate';
import type { PersonViewer } from '../auth/viewer';
import { BillingAccountEntity } from './billing-account.entity';
import {
  CardRefusedError,
  PaymentProviderUnavailableError,
  type PaymentProvider,
  type SavedCard,
} from './payments/payment-provider';
import { CURRENT_TERMS } from './terms-of-service';
import { checkVatNumber } from './vat-number';

export interface BillingSetupInput {
  readonly acceptTermsVersion: string;
  readonly vatNumber?: string | null;
  readonly paymentMethod: PaymentMethodType;
  readonly paymentMethodToken?: string | null;
}

/** The account row of a company, created empty on first use. */
export async function billingAccountOf(
  manager: EntityManager,
  companyId: string,
  now = new Date(),
): Promise<BillingAccountEntity> {
  const repository = manager.getRepository(BillingAccountEntity);
  const existing = await repository.findOneBy({ companyId });
  if (existing) return existing;
  const account = repository.create({
    companyId,
    providerCustomerId: null,
    cardMethodId: null,
    cardBrand: null,
    cardLast4: null,
    cardExpMonth: null,
    cardExpYear: null,
    termsVersion: null,
    termsAcceptedAt: null,
    termsAcceptedByPersonId: null,
    vatNumberValid: false,
    billingEmails: null,
    billingEmailsLocale: null,
    purchaseOrderNumber: null,
    createdAt: now,
    updatedAt: now,
  });
  await repository.insert(account);
  return account;
}

/** System managers pay automatically (the Swedish note); installers choose. */
function assertMethodAllowed(company: CompanyEntity, method: PaymentMethodType): void {
  if (company.type === CompanyType.SYSTEM_MANAGER && method !== PaymentMethodType.AUTOMATIC) {
    throw UserInputProblem.of(['input', 'paymentMethod'], UserErrorCode.INVALID);
  }
}

/**
 * Saves a card with the provider before anything changes here: if the provider refuses it, the
 * company keeps its current card and method, so automatic payment is never left broken.
 */
async function saveCard(
  dataSource: DataSource,
  payments: PaymentProvider,
  viewer: PersonViewer,
  token: string,
  field: readonly string[],
): Promise<{ customerId: string; card: SavedCard }> {
  try {
    const account = await inTransaction(dataSource, (manager) =>
      billingAccountOf(manager, viewer.company.id),
    );
    const customerId =
      account.providerCustomerId ??
      (await payments.ensureCustomer({
        id: viewer.company.id,
        name: viewer.company.name,
        email: viewer.person.email,
      }));
    return { customerId, card: await payments.saveCard(customerId, token) };
  } catch (error) {
    if (error instanceof CardRefusedError)
      throw UserInputProblem.of(field, UserErrorCode.CARD_REFUSED, { reason: error.message });
    if (error instanceof PaymentProviderUnavailableError)
      throw UserInputProblem.of(field, UserErrorCode.PAYMENT_UNAVAILABLE);
    throw error;
  }
}

function cardColumns(
  saved: { customerId: string; card: SavedCard } | null,
): Partial<BillingAccountEntity> {
  if (!saved) return {};
  const { card } = saved;
  return {
    providerCustomerId: saved.customerId,
    cardMethodId: card.methodId,
    cardBrand: card.brand,
    cardLast4: card.last4,
    cardExpMonth: card.expMonth,
    cardExpYear: card.expYear,
  };
}

/** The notes' first-login wizard, in one call: terms, VAT number, payment method, card. */
export async function completeBillingSetup(
  dataSource: DataSource,
  payments: PaymentProvider,
  viewer: PersonViewer,
  input: BillingSetupInput,
  actor: AuditActor,
  now = new Date(),
): Promise<CompanyEntity> {
  const company = viewer.company;
  if (company.billingSetupComplete)
    throw UserInputProblem.of(['input'], UserErrorCode.INVALID_STATE);
  const problems: FieldProblem[] = [];
  if (input.acceptTermsVersion !== CURRENT_TERMS.version)
    problems.push({ field: ['input', 'acceptTermsVersion'], code: UserErrorCode.INVALID });
  const vat = input.vatNumber?.trim()
    ? checkVatNumber(input.vatNumber, company.country)
    : undefined;
  if (vat === null) problems.push({ field: ['input', 'vatNumber'], code: UserErrorCode.INVALID });
  if (
    company.type === CompanyType.SYSTEM_MANAGER &&
    input.paymentMethod !== PaymentMethodType.AUTOMATIC
  )
    problems.push({ field: ['input', 'paymentMethod'], code: UserErrorCode.INVALID });
  const token = input.paymentMethodToken?.trim();
  if (input.paymentMethod === PaymentMethodType.AUTOMATIC && !token)
    problems.push({ field: ['input', 'paymentMethodToken'], code: UserErrorCode.REQUIRED });
  if (problems.length) throw new UserInputProblem(problems);

  const saved = token
    ? await saveCard(dataSource, payments, viewer, token, ['input', 'paymentMethodToken'])
    : null;
  return inTransaction(dataSource, async (manager) => {
    const account = await billingAccountOf(manager, company.id, now);
    await manager.getRepository(BillingAccountEntity).update(
      { companyId: company.id },
      {
        ...cardColumns(saved),
        termsVersion: CURRENT_TERMS.version,
        termsAcceptedAt: now,
        termsAcceptedByPersonId: viewer.person.id,
        vatNumberValid: vat?.valid ?? false,
        updatedAt: now,
      },
    );
    // Conditional: two payment admins finishing the wizard at once set it up once.
    const result = await manager.getRepository(CompanyEntity).update(
      { id: company.id, billingSetupComplete: false },
      {
        billingSetupComplete: true,
        paymentMethod: input.paymentMethod,
        vatNumber: vat?.normalized ?? company.vatNumber,
        updatedAt: now,
      },
    );
    if (!result.affected) throw UserInputProblem.of(['input'], UserErrorCode.INVALID_STATE);
    await recordAudit(
      manager,
      actor,
      {
        companyId: company.id,
        kind: 'billing.setup_completed',
        subjectType: 'company',
        subjectId: company.id,
        before: {
          paymentMethod: company.paymentMethod,
          vatNumber: company.vatNumber,
          card: account.cardLast4,
        },
        after: {
          paymentMethod: input.paymentMethod,
          vatNumber: vat?.normalized ?? company.vatNumber,
          termsVersion: CURRENT_TERMS.version,
          card: saved ? `${saved.card.brand} ${saved.card.last4}` : null,
        },
      },
      now,
    );
    return manager.getRepository(CompanyEntity).findOneByOrFail({ id: company.id });
  });
}

/**
 * Switches manual ↔ automatic (installers) and/or replaces the card. The new card is saved with
 * the provider first and swapped in one transaction: there is never a moment without a working
 * card while automatic payment is on.
 */
export async function updatePaymentMethod(
  dataSource: DataSource,
  payments: PaymentProvider,
  viewer: PersonViewer,
  method: PaymentMethodType,
  rawToken: string | null | undefined,
  actor: AuditActor,
  now = new Date(),
): Promise<CompanyEntity> {
  const company = viewer.company;
  assertBillingSetUp(company);
  assertMethodAllowed(company, method);
  const token = rawToken?.trim();
  const current = await inTransaction(dataSource, (manager) =>
    billingAccountOf(manager, company.id, now),
  );
  if (method === PaymentMethodType.AUTOMATIC && !token && !current.cardMethodId) {
    throw UserInputProblem.of(['paymentMethodToken'], UserErrorCode.REQUIRED);
  }
  const saved = token
    ? await saveCard(dataSource, payments, viewer, token, ['paymentMethodToken'])
    : null;
  return inTransaction(dataSource, async (manager) => {
    await manager
      .getRepository(BillingAccountEntity)
      .update({ companyId: company.id }, { ...cardColumns(saved), updatedAt: now });
    await manager
      .getRepository(CompanyEntity)
      .update({ id: company.id }, { paymentMethod: method, updatedAt: now });
    await recordAudit(
      manager,
      actor,
      {
        companyId: company.id,
        kind: 'billing.payment_method_changed',
        subjectType: 'company',
        subjectId: company.id,
        before: {
          paymentMethod: company.paymentMethod,
          card: current.cardLast4 ? `${current.cardBrand} ${current.cardLast4}` : null,
        },
        after: {
          paymentMethod: method,
          card: saved
            ? `${saved.card.brand} ${saved.card.last4}`
            : current.cardLast4
              ? `${current.cardBrand} ${current.cardLast4}`
              : null,
        },
      },
      now,
    );
    return manager.getRepository(CompanyEntity).findOneByOrFail({ id: company.id });
  });
}
