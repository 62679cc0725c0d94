import { Secret, TOTP } from 'otpauth';
import { PRODUCT_NAME } from '../mail/mail-layout';

/*
 * TOTP as RFC 6238 defines it and every authenticator app reads it: HMAC-SHA-1, 6 digits,
 * 30-second steps. One step of clock drift either way is accepted (a phone a little off, a code
 * typed as it changed); which step a code belongs to is what makes it single-use
 * (TotpCredentialEntity.lastUsedStep).
 */
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DRIFT_STEPS = 1;
/** 160 bits, the HMAC-SHA-1 key length RFC 4226 recommends */
const SECRET_BYTES = 20;

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: PRODUCT_NAME,
    label,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret, in base32 as people type it into an app. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth://totp/… URI an app reads from a QR code; `label` names the account (its email). */
export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/** The 30-second step a moment falls in (counted from the Unix epoch). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** Six digits: the shape of an authenticator app's code (anything else may be a recovery code). */
export function looksLikeTotpCode(code: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code);
}

/**
 * The step whose code `code` is, among now's and one step either side, or null. Comparison is in
 * constant time (the library's timingSafeEqual).
 */
export function matchingTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32).validate({
    token: code,
    timestamp: now.getTime(),
    window: TOTP_DRIFT_STEPS,
  });
  return delta === null ? null : totpStep(now) + delta;
}
