import { useQuery } from '@apollo/client/react';
import { Permission } from '@entry/shared';
import { useEffect, useState } from 'react';
import { TRANSFERS_NS } from '../../app/i18n';
import { RequireAccess } from '../../app/RequireAccess';
import { usePageTitle } from '../../app/usePageTitle';
import { NotAllowed } from '../../components/NotAllowed';
import { Notice, useNotice } from '../../components/Notice';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import '../../components/responsive-table.css';
import { useSearchParams } from '../../lib/router';
import { useTranslation } from '../../lib/useTranslation';
import { AcceptDialog, CancelDialog, DeclineDialog } from './components/DecisionDialogs';
import { TransferCard } from './components/TransferCard';
import { TransferHistory } from './components/TransferHistory';
import { SiteTransfersQuery } from './operations';
import { isPending, type Decision, type TransferRow } from './transfer-rows';
import './transfers.css';

/**
 * /transfers: the sites offered to the company (accept or decline) and the ones it offered
 * (cancel), then what became of earlier ones; for payment and system admins, the permission the
 * API asks. The transfer emails link here with ?transfer=<id>, which takes the focus.
 */
export function TransfersPage() {
  const { t } = useTranslation(TRANSFERS_NS);
  const heading = t('transfers.heading');
  usePageTitle(heading);
  return (
    <RequireAccess
      permission={Permission.ALL_SITES}
      notAllowed={<NotAllowed heading={heading} lead={() => t('transfers.messages.notAllowed')} />}
    >
      <article className="page transfers-page">
        <h1>{heading}</h1>
        <p className="lead">{t('transfers.intro')}</p>
        <Transfers />
      </article>
    </RequireAccess>
  );
}

function Transfers() {
  const { t } = useTranslation(TRANSFERS_NS);
  const { data, error, refetch } = useQuery(SiteTransfersQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [params] = useSearchParams();
  const wanted = params.get('transfer');
  const { notice, ref: noticeRef, tell } = useNotice();
  const [decision, setDecision] = useState<Decision | null>(null);
  const loaded = Boolean(data);

  // the email's transfer, once shown: focus and view, so the person starts there
  useEffect(() => {
    if (!loaded || !wanted) return;
    const card = document.getElementById(`transfer-${wanted}`);
    card?.focus();
    card?.scrollIntoView({ block: 'center' });
  }, [loaded, wanted]);

  if (error && !data)
    return (
      <ErrorBanner
        error={error}
        context="Loading the company's site transfers"
        onRetry={() => void refetch()}
      />
    );
  if (!data) return <Loading />;

  const incoming = data.incoming.filter(isPending);
  const outgoing = data.outgoing.filter(isPending);
  const done = (text: string) => {
    setDecision(null);
    tell({ kind: 'done', text });
  };

  return (
    <>
      <Notice notice={notice} ref={noticeRef} />
      <Section id="transfers-incoming" heading={t('transfers.incoming.heading')}>
        {incoming.length === 0 ? (
          <p className="muted">{t('transfers.incoming.empty')}</p>
        ) : (
          incoming.map((transfer) => (
            <TransferCard
              key={transfer.id}
              transfer={transfer}
              direction="INCOMING"
              onDecide={(kind) => setDecision({ kind, transfer })}
            />
          ))
        )}
      </Section>
      <Section id="transfers-outgoing" heading={t('transfers.outgoing.heading')}>
        {outgoing.length === 0 ? (
          <p className="muted">{t('transfers.outgoing.empty')}</p>
        ) : (
          outgoing.map((transfer) => (
            <TransferCard
              key={transfer.id}
              transfer={transfer}
              direction="OUTGOING"
              onDecide={(kind) => setDecision({ kind, transfer })}
            />
          ))
        )}
      </Section>
      <Section id="transfers-history" heading={t('transfers.history.heading')}>
        <TransferHistory incoming={data.incoming} outgoing={data.outgoing} />
      </Section>
      {decision?.kind === 'accept' && (
        <AcceptDialog
          transfer={decision.transfer}
          onClose={() => setDecision(null)}
          onDone={done}
        />
      )}
      {decision?.kind === 'decline' && (
        <DeclineDialog
          transfer={decision.transfer}
          onClose={() => setDecision(null)}
          onDone={done}
        />
      )}
      {decision?.kind === 'cancel' && (
        <CancelDialog
          transfer={decision.transfer}
          onClose={() => setDecision(null)}
          onDone={done}
        />
      )}
    </>
  );
}

function Section({
  id,
  heading,
  children,
}: {
  id: string;
  heading: string;
  children: React.ReactNode;
}) {
  return (
    <section className="transfers-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

export type { TransferRow };
