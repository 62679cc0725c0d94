import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { ErrorBanner } from '../../../components/QueryStatus';
import { FormAlert } from '../../../components/form/FormAlert';
import { userErrorText } from '../../../components/form/form-errors';
import type { PaymentDiscrepanciesQuery as PaymentDiscrepanciesQueryType } from '../../../gql/graphql';
import { dateTimeFormat } from '../../../lib/intl-formats';
import { formatMoney } from '../../../lib/money';
import {
  DISCREPANCY_PAGE_SIZE,
  MarkPaymentDiscrepancyReviewedMutation,
  PaymentDiscrepanciesQuery,
} from '../operations';

type Discrepancy = PaymentDiscrepanciesQueryType['paymentDiscrepancies'][number];

const refetchDiscrepancies = {
  refetchQueries: [
    { query: PaymentDiscrepanciesQuery, variables: { first: DISCREPANCY_PAGE_SIZE } },
  ],
  awaitRefetchQueries: true,
};

/** The provider's currency is not ours to trust: a code Intl does not know is shown as it came. */
function money(amount: number, currency: string, locale: string): string {
  try {
    return formatMoney(amount, currency, locale);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * Payments the provider reported that did not match what the portal asked for, and that were
 * therefore not applied: shown above the registrations while any waits for an operator, and
 * nothing at all when none does.
 */
export function PaymentDiscrepancies() {
  const { t } = useTranslation('accounts');
  const { data, error, refetch } = useQuery(PaymentDiscrepanciesQuery, {
    variables: { first: DISCREPANCY_PAGE_SIZE },
    // another operator may have reviewed some: ask the server each time the console opens
    fetchPolicy: 'cache-and-network',
  });
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  function reviewed(message: string) {
    flushSync(() => setDone(message));
    // the card that had focus is gone: the result is where the operator continues from
    doneRef.current?.focus();
  }

  const discrepancies = data?.paymentDiscrepancies;
  if (error && !discrepancies) {
    return (
      <ErrorBanner
        error={error}
        context="Loading the payment discrepancies"
        onRetry={() => void refetch()}
      />
    );
  }
  if (!discrepancies || (discrepancies.length === 0 && !done)) return null;
  return (
    <section aria-labelledby="discrepancies-heading" className="discrepancies">
      <h2 id="discrepancies-heading">
        {t('operator.discrepancies.heading')}
        <span className="count"> ({discrepancies.length})</span>
      </h2>
      <p>{t('operator.discrepancies.intro')}</p>
      {done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="banner banner-success">
          {done}
        </p>
      )}
      {discrepancies.length > 0 && (
        <ol className="registrations">
          {discrepancies.map((discrepancy) => (
            <li key={discrepancy.id}>
              <DiscrepancyCard discrepancy={discrepancy} onReviewed={reviewed} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DiscrepancyCard({
  discrepancy,
  onReviewed,
}: {
  discrepancy: Discrepancy;
  onReviewed(message: string): void;
}) {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const [markReviewed, marking] = useMutation(
    MarkPaymentDiscrepancyReviewedMutation,
    refetchDiscrepancies,
  );
  const [problems, setProblems] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const headingId = `discrepancy-${discrepancy.id}`;
  const names = { company: discrepancy.company.name, number: discrepancy.invoiceNumber };
  const unknown = t('operator.discrepancies.notKnown');

  function failed(messages: string[]) {
    flushSync(() => setProblems(messages));
    alertRef.current?.focus();
  }

  async function handleReviewed() {
    if (marking.loading) return;
    setProblems([]);
    try {
      const { data } = await markReviewed({ variables: { id: discrepancy.id } });
      const payload = data?.markPaymentDiscrepancyReviewed;
      if (!payload) throw new Error('markPaymentDiscrepancyReviewed answered without a payload');
      if (payload.userErrors.length > 0) {
        failed(payload.userErrors.map((problem) => userErrorText(problem, locale)));
        return;
      }
      onReviewed(t('operator.discrepancies.reviewed', names));
    } catch (error) {
      console.error(`Marking payment discrepancy ${discrepancy.id} reviewed failed`, error);
      failed([t('form.requestFailed')]);
    }
  }

  return (
    <article className="card registration" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {discrepancy.company.name}: {t('operator.discrepancies.invoice', names)}
      </h3>
      <FormAlert ref={alertRef} messages={problems} />
      <dl className="details">
        <div>
          <dt>{t('operator.discrepancies.fields.kinds')}</dt>
          <dd>
            {discrepancy.kinds.map((kind) => t(`operator.discrepancies.kinds.${kind}`)).join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('operator.discrepancies.fields.expected')}</dt>
          <dd>
            {money(discrepancy.expectedAmount, discrepancy.expectedCurrency, locale)},{' '}
            <code>{discrepancy.expectedPaymentIntentId ?? unknown}</code>
          </dd>
        </div>
        <div>
          <dt>{t('operator.discrepancies.fields.received')}</dt>
          <dd>
            {money(discrepancy.receivedAmount, discrepancy.receivedCurrency, locale)},{' '}
            <code>{discrepancy.receivedPaymentIntentId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('operator.discrepancies.fields.event')}</dt>
          <dd>
            <code>{discrepancy.eventId}</code> ({discrepancy.eventType})
          </dd>
        </div>
        <div>
          <dt>{t('operator.discrepancies.fields.receivedAt')}</dt>
          <dd>
            <time dateTime={discrepancy.receivedAt}>
              {dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
                new Date(discrepancy.receivedAt),
              )}
            </time>
          </dd>
        </div>
      </dl>
      <div className="card-actions">
        <button
          type="button"
          className="button"
          disabled={marking.loading}
          onClick={() => void handleReviewed()}
        >
          {marking.loading
            ? t('operator.discrepancies.marking')
            : t('operator.discrepancies.markReviewed')}{' '}
          <span className="visually-hidden">{t('operator.discrepancies.invoice', names)}</span>
        </button>
      </div>
    </article>
  );
}
