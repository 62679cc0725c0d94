import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode, type Locale } from '@entry/shared';
import type { UserErrorLike } from '../../components/form';
import type { TFunction } from '../../lib/translator';
import { transferErrorText } from './transfer-errors';

export type Decided<P> = { ok: true; payload: P } | { ok: false; text: string };

/**
 * Sends a decision and says how it went: the payload, or the words for what went wrong in the
 * language shown (the userErrors, the billing setup a receiver still lacks, a refusal).
 * Anything unexpected is logged here, once.
 */
export async function decide<P extends { userErrors: readonly UserErrorLike[] }>(
  what: string,
  mutate: () => Promise<P | null | undefined>,
  t: TFunction<'transfers'>,
  locale: Locale,
): Promise<Decided<P>> {
  try {
    const payload = await mutate();
    if (!payload) throw new Error(`${what} answered without a payload`);
    if (payload.userErrors.length > 0)
      return {
        ok: false,
        text: payload.userErrors.map((error) => transferErrorText(error, locale)).join(' '),
      };
    return { ok: true, payload };
  } catch (error) {
    const code = CombinedGraphQLErrors.is(error)
      ? error.errors.map((item) => item.extensions?.['code'])
      : [];
    if (code.includes(ErrorCode.BILLING_SETUP_REQUIRED))
      return { ok: false, text: t('transfers.accept.billingRequired') };
    if (code.includes(ErrorCode.FORBIDDEN))
      return { ok: false, text: t('transfers.messages.forbidden') };
    console.error(`${what} failed`, error);
    return { ok: false, text: t('transfers.messages.requestFailed') };
  }
}
