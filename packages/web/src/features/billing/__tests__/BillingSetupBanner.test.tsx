import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { I18nextProvider } from '../../../lib/useTranslation';
import { MemoryRouter } from '../../../lib/router';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../../test/i18n';
import { BillingSetupBanner } from '../BillingSetupBanner';

function show(canFinish: boolean) {
  render(
    <I18nextProvider i18n={createTestI18n('nl')}>
      <MemoryRouter>
        <Suspense fallback="…">
          <BillingSetupBanner canFinish={canFinish} />
        </Suspense>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('BillingSetupBanner', () => {
  it('should lead a payment admin into the wizard', async () => {
    show(true);
    expect(await screen.findByRole('link', { name: 'Facturering instellen' })).toHaveAttribute(
      'href',
      '/billing/setup',
    );
  });

  it('should tell the others who finishes it and what they can do until then', async () => {
    show(false);
    expect(
      await screen.findByText(/Een Systeembeheerder van uw bedrijf moet eerst de facturering/),
    ).toBeVisible();
    expect(screen.getByText('Tot die tijd kunt u:')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Facturering instellen' })).toBeNull();
  });
});
