import { WaitingTransferQuery } from '../../transfers/waiting-transfer';
// MockLink answers for the billing and payment pages' tests.
import type { MockLink } from '@apollo/client/testing';
import type { AccessLevelCode } from '@entry/shared';
import {
  BillingSetupQuery,
  CompleteBillingSetupMutation,
  TermsOfServiceQuery,
  UserPriceQuery,
} from '../operations';
import { accessAnswer } from '../../../test/viewer-mocks';

const always = Number.POSITIVE_INFINITY;

export function billingViewer(
  code: AccessLevelCode,
  billingSetupComplete = true,
): MockLink.MockedResponse {
  return accessAnswer(code, { billingSetupComplete });
}

export const CARD = {
  __typename: 'CardSummary' as const,
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2030,
};

export interface TestCompany {
  type?: 'INSTALLER' | 'SYSTEM_MANAGER';
  country?: string;
  currency?: string;
  billingSetupComplete?: boolean;
  vatNumber?: string | null;
  paymentMethod?: 'MANUAL' | 'AUTOMATIC' | null;
  card?: typeof CARD | null;
  provider?: { kind: 'sandbox' | 'stripe'; publishableKey: string | null };
}

export function companyData(company: TestCompany = {}) {
  return {
    __typename: 'Company' as const,
    id: 'company-1',
    name: 'Lund Bygg AB',
    type: company.type ?? 'INSTALLER',
    country: company.country ?? 'NL',
    currency: company.currency ?? 'EUR',
    billingSetupComplete: company.billingSetupComplete ?? false,
    vatNumber: company.vatNumber ?? null,
    paymentMethod: company.paymentMethod ?? null,
    acceptedTermsVersion: company.billingSetupComplete ? '2026-11-01' : null,
    card: company.card ?? null,
    paymentProvider: {
      __typename: 'PaymentProviderInfo' as const,
      ...(company.provider ?? { kind: 'sandbox', publishableKey: null }),
    },
  };
}

export function billingSetup(company: TestCompany = {}): MockLink.MockedResponse {
  return {
    request: { query: BillingSetupQuery },
    result: { data: { company: companyData(company) } },
    maxUsageCount: always,
  };
}

export function terms(locale: string): MockLink.MockedResponse {
  return {
    request: { query: TermsOfServiceQuery, variables: { locale } },
    result: {
      data: {
        termsOfService: {
          __typename: 'TermsOfService',
          version: '2026-11-01',
          locale,
          text: 'Billing terms\n\n1. What is charged.\n2. Proration.',
        },
      },
    },
    maxUsageCount: always,
  };
}

export function userPrice(unitAmount = 150, currency = 'EUR'): MockLink.MockedResponse {
  return {
    request: { query: UserPriceQuery },
    result: {
      data: {
        dashboard: {
          __typename: 'Dashboard',
          nextInvoiceEstimate: { __typename: 'InvoiceEstimate', currency, unitAmount },
        },
      },
    },
    maxUsageCount: always,
  };
}

interface SetupAnswer {
  input: Record<string, unknown>;
  userErrors?: { field: string[]; code: string; message: string }[];
  company?: TestCompany;
}

export function completeSetup({
  input,
  userErrors = [],
  company,
}: SetupAnswer): MockLink.MockedResponse {
  const done = companyData({ billingSetupComplete: true, ...company });
  return {
    request: { query: CompleteBillingSetupMutation, variables: { input } },
    result: {
      data: {
        completeBillingSetup: {
          __typename: 'CompanyPayload',
          company:
            userErrors.length > 0
              ? null
              : {
                  __typename: 'Company',
                  id: done.id,
                  billingSetupComplete: true,
                  vatNumber: done.vatNumber,
                  paymentMethod: done.paymentMethod,
                  acceptedTermsVersion: '2026-11-01',
                  card: done.card,
                },
          userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

/** Whether a site transfer waits for the company once its billing is set up (its ids, if so). */
export function waitingTransfer(ids: readonly string[] = []): MockLink.MockedResponse {
  return {
    request: { query: WaitingTransferQuery },
    result: {
      data: { siteTransfers: ids.map((id) => ({ __typename: 'SiteTransfer', id })) },
    },
  };
}
