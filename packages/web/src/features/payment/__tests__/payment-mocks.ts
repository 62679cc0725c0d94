// MockLink answers for the Payment and invoice pages' tests.
import type { MockLink } from '@apollo/client/testing';
import { companyData, type TestCompany } from '../../billing/__tests__/billing-mocks';
import {
  INVOICES_PAGE_SIZE,
  InvoiceQuery,
  PaymentOverviewQuery,
  PayInvoiceMutation,
  UpdatePaymentMethodMutation,
} from '../operations';
import {
  BillingDetailsQuery,
  UpdateBillingDetailsMutation,
} from '../components/billing-details-operations';

export interface TestInvoice {
  id: string;
  number: string;
  month: string; // YYYY-MM
  total: number;
  status?: 'OPEN' | 'PAID' | 'PAYMENT_FAILED' | 'VOID';
  overdue?: boolean;
}

export function invoiceNode(invoice: TestInvoice) {
  const [year, month] = invoice.month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    __typename: 'Invoice' as const,
    id: invoice.id,
    number: invoice.number,
    periodStart: `${invoice.month}-01`,
    periodEnd: `${invoice.month}-${last}`,
    // issued on the 1st of the next month
    issuedAt: new Date(Date.UTC(year, month, 1, 0, 5)).toISOString(),
    dueAt: '2026-12-15T00:05:00.000Z',
    currency: 'EUR',
    total: invoice.total,
    status: invoice.status ?? 'OPEN',
    overdue: invoice.overdue ?? false,
    paidAt: invoice.status === 'PAID' ? '2026-12-02T10:00:00.000Z' : null,
  };
}

interface OverviewOptions {
  company?: TestCompany;
  invoices?: TestInvoice[];
  totalCount?: number;
  hasNextPage?: boolean;
  after?: string | null;
}

export function paymentOverview({
  company = {},
  invoices = [],
  totalCount,
  hasNextPage = false,
  after,
}: OverviewOptions = {}): MockLink.MockedResponse {
  const base = companyData({ billingSetupComplete: true, paymentMethod: 'MANUAL', ...company });
  return {
    request: {
      query: PaymentOverviewQuery,
      variables: { first: INVOICES_PAGE_SIZE, ...(after ? { after } : {}) },
    },
    result: {
      data: {
        company: {
          ...base,
          invoices: {
            __typename: 'InvoiceConnection',
            totalCount: totalCount ?? invoices.length,
            pageInfo: {
              __typename: 'PageInfo',
              hasNextPage,
              endCursor: invoices.length ? `cursor-${invoices[invoices.length - 1]!.id}` : null,
            },
            edges: invoices.map((invoice) => ({
              __typename: 'InvoiceEdge',
              cursor: `cursor-${invoice.id}`,
              node: invoiceNode(invoice),
            })),
          },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function updatePaymentMethod(
  variables: { paymentMethod: string; paymentMethodToken: string | null },
  answer: {
    userErrors?: { field: string[]; code: string; message: string }[];
    company?: TestCompany;
  },
): MockLink.MockedResponse {
  const company = companyData({ billingSetupComplete: true, ...answer.company });
  const errors = answer.userErrors ?? [];
  return {
    request: { query: UpdatePaymentMethodMutation, variables },
    result: {
      data: {
        updatePaymentMethod: {
          __typename: 'CompanyPayload',
          company: errors.length
            ? null
            : {
                __typename: 'Company',
                id: company.id,
                paymentMethod: company.paymentMethod,
                card: company.card,
              },
          userErrors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

export function invoiceDetail(
  id: string,
  invoice: (TestInvoice & { reverseCharge?: boolean }) | null,
  company: TestCompany = {},
): MockLink.MockedResponse {
  const base = companyData({ billingSetupComplete: true, ...company });
  return {
    request: { query: InvoiceQuery, variables: { id } },
    result: {
      data: {
        invoice: invoice && {
          ...invoiceNode(invoice),
          subtotal: Math.round(invoice.total / 1.21),
          tax: invoice.total - Math.round(invoice.total / 1.21),
          taxRateBasisPoints: invoice.reverseCharge ? 0 : 2100,
          reverseCharge: invoice.reverseCharge ?? false,
          paymentMethod: 'MANUAL',
          purchaseOrderNumber: 'PO-2026-17',
          billingEmails: ['ap@example.com'],
          lines: [
            {
              __typename: 'InvoiceLineObject',
              description: 'Grand Ave Suites',
              costCenter: 'CC-4410',
              quantity: 12,
              unitAmount: 150,
              amount: Math.round(invoice.total / 1.21),
              site: { __typename: 'Site', id: 'site-1', name: 'Grand Ave Suites' },
            },
          ],
          pdfUrl: `http://localhost:4000/api/invoices/${id}.pdf`,
          csvUrl: `http://localhost:4000/api/invoices/${id}.csv`,
        },
        company: {
          __typename: 'Company',
          id: base.id,
          card: base.card,
          paymentProvider: base.paymentProvider,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function payInvoice(
  variables: { id: string; paymentMethodToken: string | null },
  answer: { status?: string; userErrors?: { field: string[]; code: string; message: string }[] },
): MockLink.MockedResponse {
  const errors = answer.userErrors ?? [];
  return {
    request: { query: PayInvoiceMutation, variables },
    result: {
      data: {
        payInvoice: {
          __typename: 'InvoicePayload',
          invoice: errors.length
            ? null
            : {
                __typename: 'Invoice',
                id: variables.id,
                status: answer.status ?? 'PAID',
                paidAt:
                  answer.status === 'PAID' || !answer.status ? '2026-12-05T10:00:00.000Z' : null,
                overdue: false,
              },
          userErrors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

/** updateBillingDetails sent with `input`, answering the details as saved or `userErrors`. */
export function updateBillingDetails(
  input: { billingEmails: string[]; purchaseOrderNumber: string; locale: string },
  answer: {
    saved?: {
      billingEmails: string[];
      purchaseOrderNumber: string | null;
      billingEmailsLocale: string;
    };
    userErrors?: { field: string[]; code: string; message: string }[];
  },
): MockLink.MockedResponse {
  const errors = answer.userErrors ?? [];
  return {
    request: { query: UpdateBillingDetailsMutation, variables: { input } },
    result: {
      data: {
        updateBillingDetails: {
          __typename: 'CompanyPayload',
          company:
            errors.length || !answer.saved
              ? null
              : { __typename: 'Company', id: 'company-1', ...answer.saved },
          userErrors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

/** The billing details section's answer: none yet, unless given. */
export function billingDetails(
  details: {
    billingEmails?: string[];
    billingEmailsLocale?: string;
    purchaseOrderNumber?: string | null;
  } = {},
): MockLink.MockedResponse {
  return {
    request: { query: BillingDetailsQuery },
    result: {
      data: {
        company: {
          __typename: 'Company',
          id: 'company-1',
          billingEmails: details.billingEmails ?? [],
          billingEmailsLocale: details.billingEmailsLocale ?? 'en',
          purchaseOrderNumber: details.purchaseOrderNumber ?? null,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
