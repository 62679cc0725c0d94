import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from '../../lib/useTranslation';
import { Link, MemoryRouter, Route, Routes } from '../../lib/router';
import { describe, expect, it, vi } from 'vitest';
import { createTestI18n } from '../../test/i18n';
import { PageErrors } from '../RouteError';

function Broken(): never {
  throw new Error('this page is broken');
}

describe('PageErrors', () => {
  it('should show the failure in place of the page and forget it on the next page', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <I18nextProvider i18n={createTestI18n('en')}>
        <MemoryRouter initialEntries={['/broken']}>
          <nav>
            <Link to="/fine">Fine</Link>
          </nav>
          <Routes>
            <Route element={<PageErrors />}>
              <Route path="broken" element={<Broken />} />
              <Route path="fine" element={<h1>Fine page</h1>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </I18nextProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This page could not be loaded. Reload the page to try again.',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(logged).toHaveBeenCalledWith('Rendering the page failed', expect.any(Error));

    await userEvent.click(screen.getByRole('link', { name: 'Fine' }));
    expect(await screen.findByRole('heading', { name: 'Fine page' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
