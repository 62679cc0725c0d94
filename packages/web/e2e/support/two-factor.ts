// Two-factor sign-in as an authenticator app does it: codes computed from the key the page shows
// with otpauth, the library the server checks them with (RFC 6238: SHA-1, 6 digits, 30 s).
import { Secret, TOTP } from 'otpauth';
import type { PortalApi } from './portal-api';

const STEP_MS = 30_000;

/**
 * The code for the key (base32, spaces allowed, as the page groups it) `steps` time steps from
 * now. The server takes each step once and one step of drift: a second sign-in within the same
 * 30 s uses the next step's code, as a phone whose clock runs a little ahead would.
 */
export function totpCode(key: string, steps = 0): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(key.replace(/\s+/g, '')),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  return totp.generate({ timestamp: Date.now() + steps * STEP_MS });
}

/** Two-factor sign-in turned on through the API; resolves to the key and the recovery codes. */
export async function enrollThroughApi(
  api: PortalApi,
  session: string,
): Promise<{ key: string; recoveryCodes: string[] }> {
  const { data: started } = await api.graphql<{
    startTotpEnrollment: { enrollment: { secret: string } | null; userErrors: unknown[] };
  }>('mutation { startTotpEnrollment { enrollment { secret } userErrors { code } } }', {}, session);
  const key = started.startTotpEnrollment.enrollment?.secret;
  if (!key) throw new Error(`startTotpEnrollment: ${JSON.stringify(started)}`);
  const { data } = await api.graphql<{
    confirmTotpEnrollment: { recoveryCodes: string[] | null; userErrors: unknown[] };
  }>(
    `mutation ($code: String!) {
      confirmTotpEnrollment(code: $code) { recoveryCodes userErrors { code } }
    }`,
    { code: totpCode(key) },
    session,
  );
  const recoveryCodes = data.confirmTotpEnrollment.recoveryCodes;
  if (!recoveryCodes) throw new Error(`confirmTotpEnrollment: ${JSON.stringify(data)}`);
  return { key, recoveryCodes };
}
