import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/renderApp';

describe('NotFoundPage', () => {
  it('should show a localized not-found page with a way home when the path is unknown', async () => {
    renderApp({ locale: 'fr', path: '/nulle-part/ici' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page introuvable' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: "Aller à la page d'accueil" })).toHaveAttribute(
      'href',
      '/',
    );
    // The layout stays, with no navigation item marked current.
    expect(screen.getByRole('navigation')).toBeVisible();
    expect(document.querySelector('[aria-current="page"]')).toBeNull();
  });
});
