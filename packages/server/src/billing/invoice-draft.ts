import type { BillingPeriod } from './billing-period';
import { prorateSite, type ProratedUser } from './proration';
import type { SiteUsage } from './usage';
import { vatAmount, type VatTreatment } from './vat';

export interface DraftLine {
  readonly siteId: string;
  readonly description: string;
  readonly quantity: number;
  readonly unitAmount: number;
  readonly amount: number;
  readonly users: ReadonlyArray<
    ProratedUser &
      Pick<SiteUsage['users'][number], 'firstName' | 'lastName' | 'email' | 'apartment'>
  >;
}

export interface InvoiceDraft {
  readonly lines: readonly DraftLine[];
  readonly subtotal: number;
  readonly tax: number;
  readonly total: number;
  readonly vat: VatTreatment;
}

/**
 * What a company owes for a period, line by line per site, to the cent: a pure function of its
 * usage, so every amount on an invoice can be recomputed and explained. Null: nothing to bill.
 */
export function draftInvoice(
  usage: readonly SiteUsage[],
  period: BillingPeriod,
  unitAmount: number,
  vat: VatTreatment,
): InvoiceDraft | null {
  const lines: DraftLine[] = [];
  for (const { site, siteSpans, users } of usage) {
    const line = prorateSite(users, siteSpans, unitAmount, period);
    if (!line) continue;
    const byId = new Map(users.map((user) => [user.id, user]));
    lines.push({
      siteId: site.id,
      description: site.name,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      amount: line.amount,
      users: line.users.map((billed) => {
        const user = byId.get(billed.userId)!;
        return {
          ...billed,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          apartment: user.apartment,
        };
      }),
    });
  }
  if (lines.length === 0) return null;
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const tax = vatAmount(subtotal, vat.rateBasisPoints);
  return { lines, subtotal, tax, total: subtotal + tax, vat };
}
