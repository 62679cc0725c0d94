import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_RIGHTS } from '@entry/shared';
import { Suspense } from 'react';
import { lazyNamed } from '../../lib/preloadable-lazy';
import { AccessQuery } from '../../app/operations';
import { BillingStandingQuery } from './standing-operations';

// What the notice says and its words load only when there is something to say (rarely): the
// layout's every page carries just this watch.
const OverdueNotice = lazyNamed(() => import('./OverdueNotice'), 'OverdueNotice');

/**
 * On every page (loaded after the page by the layout): payment admins see what is
 * unpaid past its due date from that day on; the other levels a quieter note once the company is
 * suspended. The level and the company's state come from the page's answer in the cache (no
 * request); payment admins ask what is overdue once (BillingStanding), and again after paying.
 */
export function OverdueWatch({
  person,
}: {
  person: { id: string; mustChangePassword: boolean } | null;
}) {
  const { data: access } = useQuery(AccessQuery, {
    fetchPolicy: 'cache-only',
    skip: !person || person.mustChangePassword,
  });
  const me = access?.me?.id === person?.id ? access?.me : null;
  const payments = me ? ACCESS_LEVEL_RIGHTS[me.accessLevel.code].payments : false;
  const { data } = useQuery(BillingStandingQuery, {
    skip: !payments,
    fetchPolicy: 'cache-and-network',
  });
  const overdue = data?.company?.overdue;
  const suspended = (payments ? data?.company?.status : me?.company?.status) === 'SUSPENDED';
  if (!me || (payments ? !overdue : !suspended)) return null;
  return (
    <Suspense fallback={null}>
      <OverdueNotice overdue={payments ? (overdue ?? null) : null} suspended={suspended} />
    </Suspense>
  );
}
