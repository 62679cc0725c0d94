/**
 * The portal pages emails link to, as the contract names them: callers build a template's URL
 * fields here so every email points at the same paths.
 */
export function mailLinks(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');
  // Tokens are URL-safe already; encoding only guards the link against a future token format.
  const withToken = (path: string, token: string) =>
    `${base}${path}?token=${encodeURIComponent(token)}`;
  return {
    signIn: `${base}/sign-in`,
    forgotPassword: `${base}/forgot-password`,
    operator: `${base}/operator`,
    devOutbox: `${base}/dev/outbox`,
    resetPassword: (token: string) => withToken('/reset-password', token),
    acceptInvitation: (token: string) => withToken('/accept-invitation', token),
    home: `${base}/`,
    /** the payment page: the invoices to pay, the card */
    payment: `${base}/payment`,
    invoice: (invoiceId: string) => `${base}/payment/invoices/${encodeURIComponent(invoiceId)}`,
    integrations: `${base}/integrations`,
    /** the signed-in person's profile: two-factor sign-in and sessions are managed there */
    profile: `${base}/profile`,
    /** the Transfers page, opened on one transfer */
    transfer: (transferId: string) =>
      `${base}/transfers?transfer=${encodeURIComponent(transferId)}`,
    /** registration with the address filled in, then the transfer waiting after billing setup */
    registerForTransfer: (email: string, transferId: string) =>
      `${base}/register?email=${encodeURIComponent(email)}&transfer=${encodeURIComponent(transferId)}`,
  };
}
