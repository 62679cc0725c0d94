import { describe, expect, it } from 'vitest';
import { invoiceStatusView, isPayable } from '../invoice-status';

describe('invoiceStatusView', () => {
  it.each([
    ['PAID', false, { status: 'PAID', paymentFailed: false }],
    ['PAID', true, { status: 'PAID', paymentFailed: false }],
    ['OPEN', false, { status: 'DUE', paymentFailed: false }],
    ['OPEN', true, { status: 'OVERDUE', paymentFailed: false }],
    ['PAYMENT_FAILED', false, { status: 'DUE', paymentFailed: true }],
    ['PAYMENT_FAILED', true, { status: 'OVERDUE', paymentFailed: true }],
    ['VOID', true, { status: 'VOID', paymentFailed: false }],
  ] as const)('should show %s (overdue: %s) as %j', (status, overdue, expected) => {
    expect(invoiceStatusView({ status, overdue })).toEqual(expected);
  });

  it('should offer to pay open and failed invoices only', () => {
    expect(isPayable('OPEN')).toBe(true);
    expect(isPayable('PAYMENT_FAILED')).toBe(true);
    expect(isPayable('PAID')).toBe(false);
    expect(isPayable('VOID')).toBe(false);
  });
});
