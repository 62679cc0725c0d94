import { useEffect, useState } from 'react';
import { useTranslation } from '../lib/useTranslation';
import { Link } from '../lib/router';
import { DEV_OUTBOX_API } from '../features/dev-outbox/dev-outbox-api';

/**
 * "In development: read the emails at /dev/outbox", shown only when the server has a dev
 * outbox (never in production, where the API is not mounted and answers 404).
 */
export function DevOutboxHint() {
  const { t } = useTranslation('accounts');
  const available = useDevOutboxAvailable();
  if (!available) return null;
  return (
    <p className="banner banner-info dev-hint">
      {t('devOutbox.hint')} <Link to="/dev/outbox">/dev/outbox</Link>
    </p>
  );
}

function useDevOutboxAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`${DEV_OUTBOX_API}?first=1`, {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
      .then((response) => {
        const json = response.headers.get('content-type')?.includes('application/json');
        setAvailable(response.ok && Boolean(json));
      })
      // No dev outbox (or no server): the hint simply stays hidden.
      .catch(() => setAvailable(false));
    return () => controller.abort();
  }, []);
  return available;
}
